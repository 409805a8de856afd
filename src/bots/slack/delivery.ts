// What every Slack sender shares: Web API failures classified as DeliveryErrors (so the outbox
// knows whether to retry), posts tagged with their outbox entry and found again by that tag
// after a crash mid-send, and charts uploaded into a post's thread.

import { ErrorCode, type WebClient } from "@slack/web-api";
import type { TopLevelSpec } from "vega-lite";
import { chartPng } from "../../charts/render.js";
import { DeliveryError, type MessageRef, type RateLimitScope } from "../../core/shared/ports.js";

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
export async function findTagged(
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

/** Slack shows an uploaded image at up to its width: twice the chart's size keeps it sharp on dense screens. */
export const SLACK_CHART_SCALE = 2;

/**
 * A chart as an image in a post's thread, so the two stay together. Best effort: the post is
 * already delivered, and retrying the whole delivery for a chart would post it twice; a failure
 * goes to `onError`.
 */
export async function uploadChart(
  client: WebClient,
  chart: { channel: string; threadTs: string; spec: () => TopLevelSpec; filename: string; title: string },
  onError: (reason: string) => void,
): Promise<void> {
  try {
    await client.filesUploadV2({
      channel_id: chart.channel,
      thread_ts: chart.threadTs,
      file: await chartPng(chart.spec(), SLACK_CHART_SCALE),
      filename: chart.filename,
      title: chart.title,
      alt_text: chart.title,
    });
  } catch (error) {
    onError((error as Error).message);
  }
}
