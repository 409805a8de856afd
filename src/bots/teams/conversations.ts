// Installation and the conversation reference: where a person's personal chat with the bot is,
// stored so nudges can be sent proactively. A new installation re-activates a reference that a
// 403/404 had switched off.
import { TurnContext, type Activity, type ConversationReference } from "botbuilder";
import type { ConversationStore } from "../../storage/conversationStore.js";

/** The bot's own entry in a conversationUpdate means the app was added to that conversation. */
export function isInstallation(activity: Partial<Activity>): boolean {
  if (activity.type === "installationUpdate") return activity.action === "add" || activity.action === "add-upgrade";
  if (activity.type === "conversationUpdate") return (activity.membersAdded ?? []).some((m) => m.id === activity.recipient?.id);
  return false;
}

export function isUninstallation(activity: Partial<Activity>): boolean {
  if (activity.type === "installationUpdate") return activity.action === "remove" || activity.action === "remove-upgrade";
  if (activity.type === "conversationUpdate") return (activity.membersRemoved ?? []).some((m) => m.id === activity.recipient?.id);
  return false;
}

/** A reference for new messages in this conversation (not replies to the activity at hand). */
export function referenceOf(activity: Partial<Activity>): Partial<ConversationReference> {
  const reference = TurnContext.getConversationReference(activity);
  delete reference.activityId;
  return reference;
}

/**
 * Stores the member's reference when it is new, changed or was switched off. Returns true when
 * it was not usable before (so the caller greets once per installation, not on every message).
 */
export async function rememberConversation(store: ConversationStore, memberId: string, activity: Partial<Activity>): Promise<boolean> {
  const reference = JSON.stringify(referenceOf(activity));
  const stored = await store.get(memberId);
  if (stored?.active && stored.reference === reference) return false;
  await store.save(memberId, reference);
  return !stored?.active;
}

export function parseReference(json: string): Partial<ConversationReference> {
  return JSON.parse(json) as Partial<ConversationReference>;
}
