// Delivers customer presence to Slack: the notice when the bot joins a channel, the weekly
// digest (with its trend chart in the thread) and an admin's digest preview.
import type { WebClient } from "@slack/web-api";
import { presenceTrendSpec } from "../../../charts/presenceTrend.js";
import type { DigestReport, PresenceMessenger } from "../../../core/presence/ports.js";
import type { Workspace } from "../../../core/shared/model.js";
import type { MessageRef } from "../../../core/shared/ports.js";
import { presenceTexts } from "../../../prompts/presenceTexts.js";
import { findOutboxPost, outboxMetadata, toDeliveryError, uploadChart } from "../delivery.js";
import { slackText } from "../mrkdwn.js";
import { digestBlocks, digestText } from "./blocks.js";

export class SlackPresenceMessenger implements PresenceMessenger {
  constructor(
    private readonly client: WebClient,
    private readonly onChartError: (reason: string) => void,
  ) {}

  async postNotice(
    _workspace: Workspace,
    channelRef: string,
    language: Workspace["language"],
    minAuthors: number,
    tag: string,
  ): Promise<void> {
    try {
      await this.client.chat.postMessage({
        channel: channelRef,
        text: slackText(presenceTexts(language).notice(minAuthors)),
        ...outboxMetadata(tag),
      });
    } catch (error) {
      throw toDeliveryError(error);
    }
  }

  async postDigest(_workspace: Workspace, channelRef: string, report: DigestReport, tag: string): Promise<MessageRef> {
    try {
      const res = await this.client.chat.postMessage({
        channel: channelRef,
        text: digestText(report),
        blocks: digestBlocks(report),
        unfurl_links: false,
        ...outboxMetadata(tag),
      });
      await this.uploadChart(channelRef, report, String(res.ts));
      return { channelRef: String(res.channel), messageRef: String(res.ts) };
    } catch (error) {
      throw toDeliveryError(error);
    }
  }

  findSent(_workspace: Workspace, channelRef: string, tag: string, since: Date): Promise<MessageRef | null> {
    return findOutboxPost(this.client, channelRef, tag, since);
  }

  async sendDigestPreview(_workspace: Workspace, userId: string, report: DigestReport): Promise<MessageRef> {
    const res = await this.client.chat.postMessage({
      channel: userId,
      text: digestText(report),
      blocks: digestBlocks(report, { preview: true }),
    });
    await this.uploadChart(String(res.channel), report, String(res.ts));
    return { channelRef: String(res.channel), messageRef: String(res.ts) };
  }

  /** The 8-week trend as an image in the digest's thread (best effort, see uploadChart). */
  private async uploadChart(channel: string, report: DigestReport, threadTs: string): Promise<void> {
    if (report.workspace.trend.every((v) => v === null)) return;
    await uploadChart(
      this.client,
      {
        channel,
        threadTs,
        spec: () => presenceTrendSpec({ weeks: report.weeks, tones: report.workspace.toneTrend }, report.language),
        filename: `customer-presence-${report.week}.png`,
        title: presenceTexts(report.language).chartTitle(report.weeks.length, report.week),
      },
      this.onChartError,
    );
  }
}
