// Customer presence in Slack: message events become signals (never stored as text), joining a
// channel posts the notice and reads a 4-week baseline, leaving forgets the channel. These
// listeners answer no person (nothing to reply), so they are not guarded: each logs its failure.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { ErrorCode, type WebClient } from "@slack/web-api";
import type { IngestBatcher } from "../../../core/presence/batcher.js";
import type { ChannelMessage } from "../../../core/presence/ports.js";
import type { SlackDeps } from "../context.js";
import { NotStoredError } from "../storeFirstReceiver.js";

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

type EventArgs<Type extends string> = SlackEventMiddlewareArgs<Type> & AllMiddlewareArgs;

/**
 * A channel message becomes a signal (never stored as text). Answered only once stored (see
 * StoreFirstReceiver): a failure throws, so Slack delivers the message again.
 */
export async function ingestMessage(
  deps: SlackDeps,
  batcher: IngestBatcher,
  { event, body, context }: EventArgs<"message">,
) {
  const { core } = deps;
  const message = event as unknown as SlackMessage;
  if (!MEASURED_CHANNEL_TYPES.has(message.channel_type ?? "")) return;
  try {
    const workspace = await core.identity.workspace("slack", body.team_id);
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
}

/** The bot joined a channel: the core posts the notice; the 4-week baseline is read in the background. */
export async function joinedChannel(
  deps: SlackDeps,
  { event, body, context, client }: EventArgs<"member_joined_channel">,
) {
  const { core } = deps;
  if (event.user !== context.botUserId) return;
  try {
    const workspace = await core.identity.workspace("slack", body.team_id);
    if (!(await core.presence.joined(workspace, event.channel))) return;
    // Its progress is logged page by page.
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
}

/** The bot left a channel (or was removed): the channel is forgotten. */
export async function leftChannel(deps: SlackDeps, teamId: string, channel: string) {
  const { core } = deps;
  try {
    await core.presence.left(await core.identity.workspace("slack", teamId), channel);
  } catch (error) {
    core.logger.error({ event: "channel_left", reason: (error as Error).message }, "forgetting a channel failed");
  }
}
