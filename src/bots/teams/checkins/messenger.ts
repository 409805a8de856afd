// Delivers nudges into a leader's personal chat: proactively, through the stored conversation
// reference, and always through withDeliveryRetries. A 403/404 switches the reference off, so
// later nudges fail at once (permanently) instead of knocking on a closed door.
import { CardFactory, MessageFactory, type TurnContext } from "botbuilder";
import type { DeliveryTarget, NudgeMessenger, NudgeView, ReminderView } from "../../../core/checkins/ports.js";
import type { AddressBook } from "../../../core/identity/addresses.js";
import type { Member } from "../../../core/shared/model.js";
import { DeliveryError, type MessageRef } from "../../../core/shared/ports.js";
import { texts } from "../../../prompts/texts.js";
import type { TeamsAdapter } from "../auth.js";
import { parseReference } from "../conversations.js";
import { ConversationGoneError, type RetryPolicy, withDeliveryRetries } from "../delivery.js";
import { teamsText } from "../markdown.js";
import { checkinCard } from "./cards.js";

export interface Proactive {
  adapter: TeamsAdapter;
  appId: string;
  /** Where each person's personal chat is (the core's address book). */
  addresses: AddressBook;
  retryPolicy: RetryPolicy;
}

/**
 * Runs `work` in the member's personal chat. Errors come out as DeliveryErrors; a 403/404
 * marks the conversation inactive until the app is installed again.
 */
export async function inPersonalChat<T>(
  deps: Proactive,
  member: Member,
  work: (context: TurnContext) => Promise<T>,
): Promise<T> {
  const stored = await deps.addresses.get(member);
  if (!stored)
    throw new DeliveryError("teams: no personal chat with this person yet (app not installed)", { permanent: true });
  if (!stored.active) throw new DeliveryError("teams: the app was removed for this person", { permanent: true });
  let result: T | undefined;
  try {
    await deps.adapter.continueConversationAsync(deps.appId, parseReference(stored.reference), async (context) => {
      result = await work(newMessagesOnly(context));
    });
  } catch (error) {
    if (error instanceof ConversationGoneError) await deps.addresses.deactivate(member);
    throw error instanceof DeliveryError ? error : new DeliveryError(`teams: ${(error as Error).message}`);
  }
  return result as T;
}

/**
 * The SDK's continuation activity has a random id, which sendActivity would turn into a replyToId.
 * Without it, a proactive message is a new message in the chat (POST …/activities), as it should be.
 */
export function newMessagesOnly(context: TurnContext): TurnContext {
  delete (context.activity as { id?: string }).id;
  return context;
}

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
