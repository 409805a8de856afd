// Delivers nudges as Slack DMs, maps Web API failures to retry decisions for the outbox, and
// finds a post again by the message metadata it was tagged with (after a crash mid-send).
import { ErrorCode, type WebClient } from "@slack/web-api";
import type { DeliveryTarget, NudgeMessenger, NudgeView, ReminderView } from "../../core/checkins/ports.js";
import type { Workspace } from "../../core/shared/model.js";
import { DeliveryError, type MessageRef, type RateLimitScope } from "../../core/shared/ports.js";
import { texts } from "../../prompts/texts.js";
import { nudgeBlocks, nudgeFallbackText } from "./blocks.js";

const NUDGE_METADATA = "kundennah_nudge";
const OUTBOX_METADATA = "kundennah_outbox";
/** Pages of conversation history a lookup reads at most (200 messages each). */
const LOOKUP_PAGES = 5;
const USER_ID = /^[UW][A-Z0-9]+$/;

type Metadata = { event_type?: string; event_payload?: Record<string, unknown> } | undefined;

/** Tags a post with the outbox entry it delivers; none for posts outside the outbox. */
export function outboxMetadata(tag: string | undefined) {
  return tag ? { metadata: { event_type: OUTBOX_METADATA, event_payload: { outbox_id: tag } } } : {};
}

/** The post tagged for outbox entry `tag` since `since`, in a channel or in the DM with a person (a user id). */
export function findOutboxPost(
  client: WebClient,
  conversation: string,
  tag: string,
  since: Date,
): Promise<MessageRef | null> {
  return findTagged(
    client,
    conversation,
    since,
    (m) => m?.event_type === OUTBOX_METADATA && m.event_payload?.outbox_id === tag,
  );
}

/**
 * Reads the conversation's history since `since`, newest first, for a message whose metadata
 * matches. Failures come out as DeliveryErrors; so does giving up after LOOKUP_PAGES pages
 * (the caller then cannot tell, and sends).
 */
async function findTagged(
  client: WebClient,
  conversation: string,
  since: Date,
  matches: (metadata: Metadata) => boolean,
): Promise<MessageRef | null> {
  try {
    const channel = USER_ID.test(conversation)
      ? (await client.conversations.open({ users: conversation })).channel?.id
      : conversation;
    if (!channel) return null;
    let cursor: string | undefined;
    for (let page = 0; page < LOOKUP_PAGES; page++) {
      const history = await client.conversations.history({
        channel,
        oldest: String(since.getTime() / 1000),
        limit: 200,
        include_all_metadata: true,
        ...(cursor ? { cursor } : {}),
      });
      const sent = history.messages?.find((m) => matches(m.metadata as Metadata));
      if (sent?.ts) return { channelRef: channel, messageRef: sent.ts };
      cursor = history.response_metadata?.next_cursor || undefined;
      if (!cursor) return null;
    }
  } catch (error) {
    // conversations.open and .history are limited per method and workspace (Slack's tiers),
    // unlike chat.postMessage's limit per channel: a 429 here holds back the other lookups.
    throw toDeliveryError(error, "method");
  }
  throw new DeliveryError(`slack: no tagged message among the latest ${LOOKUP_PAGES * 200} of the conversation`);
}

/** Errors that will not go away by trying again: the person or the app is gone. */
const PERMANENT = new Set([
  "user_not_found",
  "users_not_found",
  "account_inactive",
  "channel_not_found",
  "cannot_dm_bot",
  "invalid_auth",
  "not_authed",
  "token_revoked",
  "missing_scope",
]);

/** `limitedPer`: what a 429 of this call holds back (chat.postMessage: the one channel). */
export function toDeliveryError(error: unknown, limitedPer: RateLimitScope = "conversation"): DeliveryError {
  const e = error as {
    code?: string;
    retryAfter?: number;
    data?: { error?: string };
    statusCode?: number;
    message?: string;
  };
  if (e.code === ErrorCode.RateLimitedError) {
    return new DeliveryError("slack: rate limited", { retryAfterMs: (e.retryAfter ?? 30) * 1000, limitedPer });
  }
  if (e.code === ErrorCode.PlatformError) {
    const reason = e.data?.error ?? "unknown";
    return new DeliveryError(`slack: ${reason}`, { permanent: PERMANENT.has(reason) });
  }
  if (e.code === ErrorCode.HTTPError) return new DeliveryError(`slack: HTTP ${e.statusCode ?? "error"}`);
  return new DeliveryError(`slack: ${e.message ?? String(error)}`);
}

export class SlackMessenger implements NudgeMessenger {
  constructor(private readonly client: WebClient) {}

  async sendNudge(target: DeliveryTarget, view: NudgeView): Promise<MessageRef> {
    try {
      // Posting to a user id delivers into the app's DM with that person (the Messages tab).
      const res = await this.client.chat.postMessage({
        channel: target.member.externalId,
        text: nudgeFallbackText(view),
        blocks: nudgeBlocks(view),
        // Tags the message so findSentNudge can recognise it after a crash.
        metadata: { event_type: NUDGE_METADATA, event_payload: { nudge_id: view.nudgeId } },
      });
      return { channelRef: String(res.channel), messageRef: String(res.ts) };
    } catch (error) {
      throw toDeliveryError(error);
    }
  }

  findSentNudge(target: DeliveryTarget, nudgeId: string, since: Date): Promise<MessageRef | null> {
    // A minute earlier, in case Slack's clock and ours disagree a little.
    return findTagged(
      this.client,
      target.member.externalId,
      new Date(since.getTime() - 60_000),
      (m) => m?.event_type === NUDGE_METADATA && m.event_payload?.nudge_id === nudgeId,
    );
  }

  /**
   * The reminder is a reply in the nudge's thread, also shown in the DM (reply_broadcast). An
   * edit of the nudge would notify nobody (Slack does not notify about chat.update), and a fresh
   * DM with the whole card would stack a second set of buttons under the first. A broadcast
   * reply notifies like a new message, is one short line, and opens onto the nudge itself, whose
   * buttons still work: the reminder points at the question instead of repeating it.
   */
  async sendReminder(_target: DeliveryTarget, nudge: MessageRef, view: ReminderView, tag: string): Promise<MessageRef> {
    try {
      const res = await this.client.chat.postMessage({
        channel: nudge.channelRef,
        thread_ts: nudge.messageRef,
        reply_broadcast: true,
        text: texts(view.language).reminder(view.sameWeek),
        ...outboxMetadata(tag),
      });
      return { channelRef: String(res.channel), messageRef: String(res.ts) };
    } catch (error) {
      throw toDeliveryError(error);
    }
  }

  findSent(_workspace: Workspace, conversation: string, tag: string, since: Date): Promise<MessageRef | null> {
    return findOutboxPost(this.client, conversation, tag, since);
  }

  async updateNudge(_target: DeliveryTarget, ref: MessageRef, view: NudgeView): Promise<void> {
    try {
      await this.client.chat.update({
        channel: ref.channelRef,
        ts: ref.messageRef,
        text: nudgeFallbackText(view),
        blocks: nudgeBlocks(view),
      });
    } catch (error) {
      throw toDeliveryError(error);
    }
  }
}
