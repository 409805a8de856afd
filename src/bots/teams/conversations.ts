// Installation and the conversation reference: where a person's personal chat with the bot is,
// stored so nudges can be sent proactively. A new installation re-activates a reference that a
// 403/404 had switched off.
import { type Activity, type ConversationReference, TurnContext } from "botbuilder";
import type { Core } from "../../core/index.js";
import type { Member } from "../../core/shared/model.js";

/** The bot's own entry in a conversationUpdate means the app was added to that conversation. */
export function isInstallation(activity: Partial<Activity>): boolean {
  if (activity.type === "installationUpdate") return activity.action === "add" || activity.action === "add-upgrade";
  if (activity.type === "conversationUpdate")
    return (activity.membersAdded ?? []).some((m) => m.id === activity.recipient?.id);
  return false;
}

export function isUninstallation(activity: Partial<Activity>): boolean {
  if (activity.type === "installationUpdate")
    return activity.action === "remove" || activity.action === "remove-upgrade";
  if (activity.type === "conversationUpdate")
    return (activity.membersRemoved ?? []).some((m) => m.id === activity.recipient?.id);
  return false;
}

/** A reference for new messages in this conversation (not replies to the activity at hand). */
function referenceOf(activity: Partial<Activity>): Partial<ConversationReference> {
  const reference = TurnContext.getConversationReference(activity);
  delete reference.activityId;
  return reference;
}

/**
 * Keeps the member's personal-chat reference in the core's address book. Returns true when it
 * was not usable before (so the caller greets once per installation, not on every message).
 */
export function rememberConversation(core: Core, member: Member, activity: Partial<Activity>): Promise<boolean> {
  return core.addresses.remember(member, JSON.stringify(referenceOf(activity)));
}

export function parseReference(json: string): Partial<ConversationReference> {
  return JSON.parse(json) as Partial<ConversationReference>;
}
