// Messages outside a turn, into a person's personal chat: proactively, through the reference
// stored in the core's address book. A 403/404 switches the reference off, so later sends fail
// at once (permanently) instead of knocking on a closed door.
import type { TurnContext } from "botbuilder";
import type { AddressBook } from "../../core/identity/addresses.js";
import type { Member } from "../../core/shared/model.js";
import { DeliveryError } from "../../core/shared/ports.js";
import type { TeamsAdapter } from "./auth.js";
import { parseReference } from "./conversations.js";
import { ConversationGoneError, type RetryPolicy } from "./delivery.js";

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
