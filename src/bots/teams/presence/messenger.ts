// The messenger the core sends customer presence through: the notice in a channel the bot joins,
// the weekly digest card in the digest channels, and an admin's preview in their personal chat.
import { CardFactory, MessageFactory } from "botbuilder";
import { presenceTrendSpec } from "../../../charts/presenceTrend.js";
import { chartPng } from "../../../charts/render.js";
import type { Core } from "../../../core/index.js";
import type { DigestReport, PresenceMessenger } from "../../../core/presence/ports.js";
import type { Language, Workspace } from "../../../core/shared/model.js";
import { DeliveryError, type MessageRef } from "../../../core/shared/ports.js";
import { presenceTexts } from "../../../prompts/presenceTexts.js";
import { type ChannelPoster, inChannel } from "../channels.js";
import { withDeliveryRetries } from "../delivery.js";
import { teamsText } from "../markdown.js";
import { inPersonalChat, type Proactive } from "../proactive.js";
import { digestCard } from "./digestCard.js";

/**
 * No findSent: the Bot Connector cannot read sent activities back (it has no GET for a
 * conversation's activities), so an outbox entry interrupted mid-send is sent again.
 */
export class TeamsPresenceMessenger implements PresenceMessenger {
  constructor(
    private readonly core: Core,
    private readonly deps: Proactive & ChannelPoster,
  ) {}

  async postNotice(workspace: Workspace, channelRef: string, language: Language, minAuthors: number): Promise<void> {
    await inChannel(this.deps, workspace, channelRef, async (context) => {
      await withDeliveryRetries(
        "presence notice",
        () => context.sendActivity(MessageFactory.text(teamsText(presenceTexts(language).teamsNotice(minAuthors)))),
        this.deps.retryPolicy,
      );
    });
  }

  /** The trend as PNG for the card's fallback; a chart that fails to render costs only the fallback. */
  private async chartPng(report: DigestReport): Promise<Buffer | undefined> {
    if (report.workspace.trend.every((v) => v === null)) return undefined;
    try {
      return await chartPng(
        presenceTrendSpec({ weeks: report.weeks, tones: report.workspace.toneTrend }, report.language),
      );
    } catch (error) {
      this.core.logger.warn(
        { reason: (error as Error).message },
        "the digest chart could not be rendered; the card has Teams' own chart only",
      );
      return undefined;
    }
  }

  async postDigest(workspace: Workspace, channelRef: string, report: DigestReport): Promise<MessageRef> {
    const card = digestCard(report, {
      channelName: (ref) => this.deps.channels.nameOf(ref),
      chartPng: await this.chartPng(report),
    });
    return inChannel(this.deps, workspace, channelRef, async (context) => {
      const sent = await withDeliveryRetries(
        "post digest",
        () => context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card))),
        this.deps.retryPolicy,
      );
      if (!sent?.id) throw new DeliveryError("teams: the connector returned no activity id");
      return { channelRef, messageRef: sent.id };
    });
  }

  async sendDigestPreview(workspace: Workspace, userId: string, report: DigestReport): Promise<void> {
    const member = await this.core.identity.find(workspace, userId);
    if (!member) throw new DeliveryError("teams: no personal chat with this admin", { permanent: true });
    const card = digestCard(report, {
      preview: true,
      channelName: (ref) => this.deps.channels.nameOf(ref),
      chartPng: await this.chartPng(report),
    });
    await inPersonalChat(this.deps, member, async (context) => {
      await withDeliveryRetries(
        "digest preview",
        () => context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card))),
        this.deps.retryPolicy,
      );
    });
  }
}
