// Delivers nudges as Slack DMs and maps Web API failures to retry decisions for the outbox.
import { ErrorCode, type WebClient } from "@slack/web-api";
import { DeliveryError, type DeliveryTarget, type MessageRef, type Messenger, type NudgeView } from "../../core/ports.js";
import { nudgeBlocks, nudgeFallbackText } from "./blocks.js";

const NUDGE_METADATA = "kundennah_nudge";

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

export function toDeliveryError(error: unknown): DeliveryError {
  const e = error as { code?: string; retryAfter?: number; data?: { error?: string }; statusCode?: number; message?: string };
  if (e.code === ErrorCode.RateLimitedError) {
    return new DeliveryError("slack: rate limited", { retryAfterMs: (e.retryAfter ?? 30) * 1000 });
  }
  if (e.code === ErrorCode.PlatformError) {
    const reason = e.data?.error ?? "unknown";
    return new DeliveryError(`slack: ${reason}`, { permanent: PERMANENT.has(reason) });
  }
  if (e.code === ErrorCode.HTTPError) return new DeliveryError(`slack: HTTP ${e.statusCode ?? "error"}`);
  return new DeliveryError(`slack: ${e.message ?? String(error)}`);
}

export class SlackMessenger implements Messenger {
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

  async findSentNudge(target: DeliveryTarget, nudgeId: string, since: Date): Promise<MessageRef | null> {
    try {
      const open = await this.client.conversations.open({ users: target.member.externalId });
      const channel = open.channel?.id;
      if (!channel) return null;
      const history = await this.client.conversations.history({ channel, oldest: String(since.getTime() / 1000 - 60), limit: 50, include_all_metadata: true });
      const sent = history.messages?.find((m) => m.metadata?.event_type === NUDGE_METADATA && (m.metadata.event_payload as Record<string, unknown> | undefined)?.nudge_id === nudgeId);
      return sent?.ts ? { channelRef: channel, messageRef: sent.ts } : null;
    } catch (error) {
      throw toDeliveryError(error);
    }
  }

  async updateNudge(_target: DeliveryTarget, ref: MessageRef, view: NudgeView): Promise<void> {
    try {
      await this.client.chat.update({ channel: ref.channelRef, ts: ref.messageRef, text: nudgeFallbackText(view), blocks: nudgeBlocks(view) });
    } catch (error) {
      throw toDeliveryError(error);
    }
  }
}
