// Customer presence in Slack: message events become signals (never stored as text), joining a
// channel posts the notice and reads a 4-week baseline, leaving forgets the channel.
import type { App } from "@slack/bolt";
import { ErrorCode, type WebClient } from "@slack/web-api";
import { presenceTrendSpec } from "../../charts/presenceTrend.js";
import { chartPng } from "../../charts/render.js";
import { IngestBatcher } from "../../core/presence/batcher.js";
import type { ChannelMessage, DigestReport, PresenceMessenger } from "../../core/presence/ports.js";
import type { Workspace } from "../../core/shared/model.js";
import type { MessageRef } from "../../core/shared/ports.js";
import { presenceTexts } from "../../prompts/presenceTexts.js";
import type { SlackDeps } from "./context.js";
import { digestBlocks, digestText } from "./digestBlocks.js";
import { findOutboxPost, outboxMetadata, toDeliveryError } from "./messenger.js";
import { slackText } from "./mrkdwn.js";
import { NotStoredError } from "./storeFirstReceiver.js";

/** Message subtypes that are people talking; everything else (joins, topics, bots) is skipped. */
const CONVERSATION_SUBTYPES = new Set([undefined, "thread_broadcast", "file_share", "me_message"]);
const MEASURED_CHANNEL_TYPES = new Set(["channel", "group"]);
const BASELINE_DAYS = 28;

interface SlackMessage {
  type: string;
  subtype?: string;
  channel: string;
  channel_type?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts: string;
  deleted_ts?: string;
  message?: { user?: string; bot_id?: string; text?: string; ts: string; subtype?: string };
}

const tsToDate = (ts: string) => new Date(Math.round(Number(ts) * 1000));

/** Slack shows an uploaded image at up to its width: twice the chart's size keeps it sharp on dense screens. */
export const SLACK_CHART_SCALE = 2;

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

  /**
   * The 8-week trend as an image, in the digest's thread so the two stay together. Best effort:
   * the digest is already posted, and retrying the whole delivery for a chart would post it twice.
   */
  private async uploadChart(channelId: string, report: DigestReport, threadTs: string): Promise<void> {
    if (report.workspace.trend.every((v) => v === null)) return;
    const title = presenceTexts(report.language).chartTitle(report.weeks.length, report.week);
    try {
      const spec = presenceTrendSpec({ weeks: report.weeks, tones: report.workspace.toneTrend }, report.language);
      await this.client.filesUploadV2({
        channel_id: channelId,
        thread_ts: threadTs,
        file: await chartPng(spec, SLACK_CHART_SCALE),
        filename: `customer-presence-${report.week}.png`,
        title,
        alt_text: title,
      });
    } catch (error) {
      this.onChartError((error as Error).message);
    }
  }
}

/** Pages through the last 4 weeks of a channel, waiting out rate limits as Slack asks. */
async function* channelHistory(
  client: WebClient,
  channel: string,
  now: Date,
  log: (page: number) => void,
): AsyncIterable<ChannelMessage[]> {
  let cursor: string | undefined;
  let page = 0;
  for (;;) {
    let res: Awaited<ReturnType<typeof client.conversations.history>>;
    try {
      res = await client.conversations.history({
        channel,
        oldest: String((now.getTime() - BASELINE_DAYS * 86400_000) / 1000),
        limit: 200,
        ...(cursor ? { cursor } : {}),
      });
    } catch (error) {
      const e = error as { code?: string; retryAfter?: number };
      if (e.code !== ErrorCode.RateLimitedError) throw error;
      await new Promise((resolve) => setTimeout(resolve, (e.retryAfter ?? 30) * 1000));
      continue; // the same page again
    }
    log(++page);
    yield (res.messages ?? [])
      .filter((m) => CONVERSATION_SUBTYPES.has(m.subtype) && !m.bot_id && m.user && m.ts)
      .map((m) => ({
        channelRef: channel,
        messageRef: m.ts!,
        authorId: m.user!,
        text: m.text ?? "",
        at: tsToDate(m.ts!),
      }));
    cursor = res.response_metadata?.next_cursor || undefined;
    if (!cursor) return;
  }
}

export function registerPresence(app: App, deps: SlackDeps): void {
  const { core } = deps;
  const workspaceOf = (teamId: string) => core.identity.workspace("slack", teamId);
  const batcher = new IngestBatcher(core.presence);

  // Answered only once stored (see StoreFirstReceiver): a failure throws, so Slack delivers the message again.
  app.event("message", async ({ event, body, context }) => {
    const message = event as unknown as SlackMessage;
    if (!MEASURED_CHANNEL_TYPES.has(message.channel_type ?? "")) return;
    try {
      const workspace = await workspaceOf(body.team_id);
      const eventId = body.event_id as string | undefined;
      if (message.subtype === "message_deleted") {
        await batcher.flushWorkspace(workspace.id).catch(() => undefined); // the message first, then its delete
        return void (await core.presence.remove(workspace, message.channel, message.deleted_ts ?? message.ts));
      }
      const edited = message.subtype === "message_changed";
      const inner = edited ? message.message : message;
      if (
        !inner ||
        (!edited && !CONVERSATION_SUBTYPES.has(message.subtype)) ||
        inner.bot_id ||
        !inner.user ||
        inner.user === context.botUserId
      )
        return;
      await batcher.add(workspace, {
        ...(eventId ? { eventId } : {}),
        channelRef: message.channel,
        messageRef: inner.ts,
        authorId: inner.user,
        text: inner.text ?? "",
        at: tsToDate(inner.ts),
      });
    } catch (error) {
      core.logger.error(
        { event: "message", reason: (error as Error).message },
        "measuring a message failed; Slack is asked to deliver it again",
      );
      throw new NotStoredError((error as Error).message);
    }
  });

  app.event("member_joined_channel", async ({ event, body, context, client }) => {
    if (event.user !== context.botUserId) return;
    try {
      const workspace = await workspaceOf(body.team_id);
      if (!(await core.presence.joined(workspace, event.channel))) return;
      // The baseline runs in the background; its progress is logged page by page.
      const pages = channelHistory(client, event.channel, core.clock(), (page) =>
        core.logger.debug({ channel: event.channel, page }, "reading channel history"),
      );
      void core.presence
        .baseline(workspace, event.channel, pages)
        .catch((error: Error) =>
          core.logger.warn({ channel: event.channel, reason: error.message }, "presence baseline stopped"),
        );
    } catch (error) {
      core.logger.error(
        { event: "member_joined_channel", reason: (error as Error).message },
        "starting to measure a channel failed",
      );
    }
  });

  const forget = async (teamId: string, channel: string) => {
    try {
      await core.presence.left(await workspaceOf(teamId), channel);
    } catch (error) {
      core.logger.error({ event: "channel_left", reason: (error as Error).message }, "forgetting a channel failed");
    }
  };
  app.event("channel_left", async ({ event, body }) => forget(body.team_id, event.channel));
  app.event("group_left", async ({ event, body }) => forget(body.team_id, event.channel));
  app.event("member_left_channel", async ({ event, body, context }) => {
    if (event.user === context.botUserId) await forget(body.team_id, event.channel);
  });
}
