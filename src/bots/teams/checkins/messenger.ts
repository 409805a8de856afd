// Delivers nudges and reminders into a leader's personal chat (see ../proactive.ts), always
// through withDeliveryRetries.
import { CardFactory, MessageFactory } from "botbuilder";
import type { DeliveryTarget, NudgeMessenger, NudgeView, ReminderView } from "../../../core/checkins/ports.js";
import { DeliveryError, type MessageRef } from "../../../core/shared/ports.js";
import { texts } from "../../../prompts/texts.js";
import { withDeliveryRetries } from "../delivery.js";
import { teamsText } from "../markdown.js";
import { inPersonalChat, type Proactive } from "../proactive.js";
import { checkinCard } from "./cards.js";

/** The core's nudge view (with the leader's reflections of that week) is the card's model as it is. */
export class TeamsMessenger implements NudgeMessenger {
  constructor(private readonly deps: Proactive) {}

  async sendNudge(target: DeliveryTarget, view: NudgeView): Promise<MessageRef> {
    return inPersonalChat(this.deps, target.member, async (context) => {
      const sent = await withDeliveryRetries(
        "send nudge",
        () => context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(checkinCard(view)))),
        this.deps.retryPolicy,
      );
      if (!sent?.id) throw new DeliveryError("teams: the connector returned no activity id");
      return { channelRef: context.activity.conversation.id, messageRef: sent.id };
    });
  }

  /**
   * The reminder is one short line in the personal chat, not a second card. Teams could update
   * the nudge card in place, but it notifies nobody about an edited message, so the reminder
   * would go unseen; a personal chat has no threads to tie the line to the card. The card above
   * keeps working, and `checkin` brings it back. Teams cannot find a message by a tag, so a
   * sender that died mid-send sends it again (the outbox's rule: a rare double beats a loss).
   */
  async sendReminder(target: DeliveryTarget, _nudge: MessageRef, view: ReminderView): Promise<MessageRef> {
    return inPersonalChat(this.deps, target.member, async (context) => {
      const text = teamsText(texts(view.language).reminder(view.sameWeek));
      const sent = await withDeliveryRetries(
        "send reminder",
        () => context.sendActivity(MessageFactory.text(text)),
        this.deps.retryPolicy,
      );
      return { channelRef: context.activity.conversation.id, messageRef: sent?.id ?? "" };
    });
  }

  async updateNudge(target: DeliveryTarget, ref: MessageRef, view: NudgeView): Promise<void> {
    await inPersonalChat(this.deps, target.member, async (context) => {
      const update = { ...MessageFactory.attachment(CardFactory.adaptiveCard(checkinCard(view))), id: ref.messageRef };
      await withDeliveryRetries("update nudge", () => context.updateActivity(update), this.deps.retryPolicy);
    });
  }
}
