// Delivers the mirror's messages as Slack DMs (and a shared post into a channel), tagged with
// their outbox entry so a crash mid-send is found again instead of sent twice. The tag is the
// outbox entry's random id; nothing in a message or its metadata says who answered what.
import type { WebClient } from "@slack/web-api";
import { mirrorChartSpec } from "../../../charts/mirror.js";
import type { InviteView, MirrorMessenger, ResultsView, SelfRatingView } from "../../../core/mirror/ports.js";
import type { Workspace } from "../../../core/shared/model.js";
import type { MessageRef } from "../../../core/shared/ports.js";
import { mirrorTexts } from "../../../prompts/mirrorTexts.js";
import { findOutboxPost, outboxMetadata, toDeliveryError, uploadChart } from "../delivery.js";
import { inviteMessage, resultsBlocks, resultsText, selfRatingMessage, sharedBlocks, sharedText } from "./blocks.js";

export class SlackMirrorMessenger implements MirrorMessenger {
  constructor(
    private readonly client: WebClient,
    private readonly onChartError: (reason: string) => void,
  ) {}

  private async post(args: Parameters<WebClient["chat"]["postMessage"]>[0]) {
    try {
      return await this.client.chat.postMessage(args);
    } catch (error) {
      throw toDeliveryError(error);
    }
  }

  async sendSelfRating(_workspace: Workspace, leaderId: string, view: SelfRatingView, tag: string): Promise<void> {
    await this.post({ channel: leaderId, ...selfRatingMessage(view), ...outboxMetadata(tag) });
  }

  async sendInvite(_workspace: Workspace, raterId: string, view: InviteView, tag: string): Promise<void> {
    await this.post({ channel: raterId, ...inviteMessage(view, false), ...outboxMetadata(tag) });
  }

  async sendReminder(_workspace: Workspace, raterId: string, view: InviteView, tag: string): Promise<void> {
    await this.post({ channel: raterId, ...inviteMessage(view, true), ...outboxMetadata(tag) });
  }

  async sendResults(_workspace: Workspace, leaderId: string, view: ResultsView, tag: string): Promise<void> {
    const res = await this.post({
      channel: leaderId,
      text: resultsText(view),
      blocks: resultsBlocks(view),
      ...outboxMetadata(tag),
    });
    await this.uploadChart(String(res.channel), String(res.ts), view);
  }

  async shareResults(_workspace: Workspace, channelRef: string, view: ResultsView): Promise<void> {
    const res = await this.post({ channel: channelRef, text: sharedText(view), blocks: sharedBlocks(view) });
    await this.uploadChart(String(res.channel), String(res.ts), view);
  }

  findSent(_workspace: Workspace, conversation: string, tag: string, since: Date): Promise<MessageRef | null> {
    return findOutboxPost(this.client, conversation, tag, since);
  }

  /** Self vs team as an image in the message's thread (best effort, see uploadChart). */
  private async uploadChart(channel: string, threadTs: string, view: ResultsView): Promise<void> {
    const { results } = view;
    if (!results) return;
    await uploadChart(
      this.client,
      {
        channel,
        threadTs,
        spec: () => mirrorChartSpec(results, view.language),
        filename: "mirror.png",
        title: mirrorTexts(view.language).chartTitle,
      },
      this.onChartError,
    );
  }
}
