// One inbound turn: who is it, what kind of activity, which handler. Every handler answers
// in the person's language; a failure becomes a friendly message, never a stack trace.
import { ActivityTypes, CardFactory, MessageFactory, type ConversationReference, type TurnContext } from "botbuilder";
import type { Core } from "../../core/core.js";
import { texts } from "../../prompts/texts.js";
import type { ConversationStore } from "../../storage/conversationStore.js";
import { isAdmin, resolveActor, type TeamsActor } from "./actor.js";
import { handleCardAction, type CardOutcome } from "./cardActions.js";
import { ADAPTIVE_CARD } from "./cards.js";
import { runCommand, type Replies } from "./commands.js";
import { isInstallation, isUninstallation, rememberConversation } from "./conversations.js";
import { withDeliveryRetries, type RetryPolicy } from "./delivery.js";
import { teamsText } from "./markdown.js";

export interface TeamsDeps {
  core: Core;
  conversations: ConversationStore;
  retryPolicy: RetryPolicy;
  /** Local mode (Agents Playground): unauthenticated, loopback only, everyone may administrate. */
  localMode: boolean;
  /** Work that continues after the HTTP answer (ack first); tracked so stop() can wait for it. */
  background(work: () => Promise<void>, what: string): void;
  sayProactively(reference: Partial<ConversationReference>, text: string): Promise<void>;
}

export async function handleTurn(deps: TeamsDeps, context: TurnContext): Promise<void> {
  const { activity } = context;
  const isCardInvoke = activity.type === ActivityTypes.Invoke && activity.name === "adaptiveCard/action";
  let actor: TeamsActor | null = null;
  try {
    if (activity.type === ActivityTypes.InstallationUpdate || activity.type === ActivityTypes.ConversationUpdate) {
      return await onConversationUpdate(deps, context);
    }
    if (!isCardInvoke && activity.type !== ActivityTypes.Message) return;
    actor = await resolveActor(deps.core, activity);
    // A person who writes to us in their personal chat can be reached there, install event or not.
    if (actor.personal) await rememberConversation(deps.conversations, actor.member.id, activity);

    if (isCardInvoke) {
      const value = activity.value as { action?: { data?: unknown; verb?: string } } | undefined;
      const data = { ...(value?.action?.data as object | undefined), ...(value?.action?.verb ? { verb: value.action.verb } : {}) };
      return await invokeResponse(context, await handleCardAction(deps.core, actor, data));
    }
    if (activity.value && typeof activity.value === "object" && !activity.text) {
      // Action.Submit (the fallback): the answer arrives as a message; update the card it came from.
      return await onSubmit(deps, context, actor, await handleCardAction(deps.core, actor, activity.value));
    }
    await runCommand(deps, context, actor, replies(deps, context));
  } catch (error) {
    deps.core.logger.error({ activity: activity.type, name: activity.name, reason: (error as Error).message }, "teams turn failed");
    const text = teamsText(texts(actor?.language ?? deps.core.defaults.language).genericError);
    if (isCardInvoke) await invokeResponse(context, { kind: "text", text }).catch(() => undefined);
    else await context.sendActivity(text).catch(() => undefined);
  }
}

function replies(deps: TeamsDeps, context: TurnContext): Replies {
  return {
    text: async (text) => void (await withDeliveryRetries("reply", () => context.sendActivity(MessageFactory.text(text)), deps.retryPolicy)),
    card: async (card) => void (await withDeliveryRetries("reply", () => context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card))), deps.retryPolicy)),
  };
}

/** Universal Actions: the refreshed card (or a message) goes back in the invoke response. */
async function invokeResponse(context: TurnContext, outcome: CardOutcome): Promise<void> {
  const body =
    outcome.kind === "card"
      ? { statusCode: 200, type: ADAPTIVE_CARD, value: outcome.card }
      : { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: outcome.text };
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
}

async function onSubmit(deps: TeamsDeps, context: TurnContext, actor: TeamsActor, outcome: CardOutcome): Promise<void> {
  const cardMessageId = context.activity.replyToId;
  if (outcome.kind === "text" || !cardMessageId) {
    return replies(deps, context).text(outcome.kind === "text" ? outcome.text : teamsText(texts(actor.language).checkinSaved));
  }
  // The core has already updated the nudge message itself; any other card (a `checkin`) is ours to update.
  const nudge = outcome.nudgeId ? await deps.core.store.getNudge(outcome.nudgeId) : null;
  if (nudge?.messageRef === cardMessageId) return;
  const update = { ...MessageFactory.attachment(CardFactory.adaptiveCard(outcome.card)), id: cardMessageId };
  await withDeliveryRetries("update card", () => context.updateActivity(update), deps.retryPolicy);
}

async function onConversationUpdate(deps: TeamsDeps, context: TurnContext): Promise<void> {
  const { activity } = context;
  // Only the personal scope matters for check-ins; team and group installs need no reference.
  if ((activity.conversation?.conversationType ?? "personal") !== "personal") return;
  if (isUninstallation(activity)) {
    const actor = await resolveActor(deps.core, activity);
    await deps.conversations.deactivate(actor.member.id);
    return;
  }
  if (!isInstallation(activity)) return;
  const actor = await resolveActor(deps.core, activity);
  const fresh = await rememberConversation(deps.conversations, actor.member.id, activity);
  if (!fresh) return; // Teams sends installationUpdate and conversationUpdate for one install: greet once.
  const t = texts(actor.language);
  const tryOut = deps.localMode && isAdmin(deps.core, actor, true);
  await replies(deps, context).text(teamsText(tryOut ? `${t.teamsWelcome}\n\n${t.teamsLocalHint}` : t.teamsWelcome));
}
