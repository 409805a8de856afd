// Delivers nudges as Slack DMs (and their reminders in the nudge's thread), and finds a nudge
// again by the message metadata it was tagged with (after a crash mid-send).
import type { WebClient } from "@slack/web-api";
import type { DeliveryTarget, NudgeMessenger, NudgeView, ReminderView } from "../../../core/checkins/ports.js";
import type { Workspace } from "../../../core/shared/model.js";
import type { MessageRef } from "../../../core/shared/ports.js";
import { texts } from "../../../prompts/texts.js";
import { findOutboxPost, findTagged, outboxMetadata, toDeliveryError } from "../delivery.js";
import { nudgeBlocks, nudgeFallbackText } from "./blocks.js";

const NUDGE_METADATA = "kundennah_nudge";

export class SlackNudgeMessenger implements NudgeMessenger {
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
