// One inbound turn: who is it, what kind of activity, which handler. Every handler answers
// in the person's language; a failure becomes a friendly message, never a stack trace.
import { ActivityTypes, CardFactory, type ConversationReference, MessageFactory, type TurnContext } from "botbuilder";
import type { Core } from "../../core/index.js";
import { texts } from "../../prompts/texts.js";
import { resolveActor, resolveVisitor, type TeamsActor, tenantOf } from "./actor.js";
import { commandText, type Replies, runCommand } from "./admin/commands.js";
import { type ChannelReferences, isSharedConversation, mentionsBot } from "./channels.js";
import { type CardOutcome, handleCardAction } from "./checkins/cardActions.js";
import { ADAPTIVE_CARD } from "./checkins/cards.js";
import { isInstallation, isUninstallation, rememberConversation } from "./conversations.js";
import { type RetryPolicy, withDeliveryRetries } from "./delivery.js";
import { teamsText } from "./markdown.js";
import { handleMirrorAction, isMirrorVerb } from "./mirror/index.js"; // leader mirror (issue 12)
import type { TeamsPresence } from "./presence/presence.js";
import { isSuggestionVerb } from "./suggestions/cards.js";
import {
  handleSuggestionAction,
  listCommand,
  onFetchTask,
  onSubmitAction,
  suggestCommand,
} from "./suggestions/suggestions.js";

export interface TeamsDeps {
  core: Core;
  retryPolicy: RetryPolicy;
  /** Local mode (Agents Playground): unauthenticated, loopback only, everyone may administrate. */
  localMode: boolean;
  /** Work that continues after the HTTP answer (ack first); tracked so stop() can wait for it. */
  background(work: () => Promise<void>, what: string): void;
  sayProactively(reference: Partial<ConversationReference>, text: string): Promise<void>;
  /** Where channels are (serviceUrl, names, a team's channels), learned from every activity. */
  channels: ChannelReferences;
  presence: TeamsPresence;
}

const SUGGEST_WORDS = new Set(["suggest", "vorschlagen", "idee"]);
const LIST_WORDS = new Set(["suggestions", "vorschläge", "vorschlaege"]);

/** What a card button sent: Action.Execute data (with its verb) or an Action.Submit message value. */
function cardData(activity: TurnContext["activity"], isCardInvoke: boolean): Record<string, unknown> | null {
  if (isCardInvoke) {
    const value = activity.value as { action?: { data?: unknown; verb?: string } } | undefined;
    return {
      ...(value?.action?.data as object | undefined),
      ...(value?.action?.verb ? { verb: value.action.verb } : {}),
    };
  }
  if (activity.type === ActivityTypes.Message && activity.value && typeof activity.value === "object" && !activity.text)
    return activity.value as Record<string, unknown>;
  return null;
}

export async function handleTurn(deps: TeamsDeps, context: TurnContext): Promise<void> {
  const { activity } = context;
  deps.channels.learn(activity, tenantOf(activity));
  const isCardInvoke = activity.type === ActivityTypes.Invoke && activity.name === "adaptiveCard/action";
  const isMessageAction =
    activity.type === ActivityTypes.Invoke &&
    (activity.name === "composeExtension/fetchTask" || activity.name === "composeExtension/submitAction");
  let actor: TeamsActor | null = null;
  try {
    if (activity.type === ActivityTypes.InstallationUpdate || activity.type === ActivityTypes.ConversationUpdate) {
      return await onConversationUpdate(deps, context);
    }
    // Customer presence: edits and deletes of channel and group-chat messages (resource-specific consent).
    if (activity.type === ActivityTypes.MessageUpdate)
      return isSharedConversation(activity)
        ? await measuring(deps, "messageUpdate", () => deps.presence.update(activity))
        : undefined;
    if (activity.type === ActivityTypes.MessageDelete)
      return isSharedConversation(activity)
        ? await measuring(deps, "messageDelete", () => deps.presence.remove(activity))
        : undefined;
    if (activity.name === "composeExtension/fetchTask") return await onFetchTask(deps, context);
    if (activity.name === "composeExtension/submitAction") return await onSubmitAction(deps, context);
    if (!isCardInvoke && activity.type !== ActivityTypes.Message) return;

    // Suggestion cards come first: opening and submitting the form must not create a member row.
    const data = cardData(activity, isCardInvoke);
    // Leader mirror (issue 12): an answer must not create or touch the rater's member row either.
    if (data && isMirrorVerb(data.verb)) {
      const outcome = await handleMirrorAction(deps, context, data.verb, data);
      return isCardInvoke ? await invokeResponse(context, outcome) : await onSubmit(deps, context, null, outcome);
    }
    if (data && isSuggestionVerb(data.verb)) {
      const outcome = await handleSuggestionAction(deps, context, data.verb, data);
      return isCardInvoke ? await invokeResponse(context, outcome) : await onSubmit(deps, context, null, outcome);
    }
    if (!data) {
      // In a channel or group chat, whatever is not addressed to the bot is conversation to measure.
      if (isSharedConversation(activity) && !mentionsBot(activity))
        return await measuring(deps, "message", () => deps.presence.message(activity));
      const verb = (commandText(activity).split(/\s+/)[0] ?? "").toLowerCase();
      if (SUGGEST_WORDS.has(verb) || LIST_WORDS.has(verb)) {
        const visitor = await resolveVisitor(deps, activity);
        if (LIST_WORDS.has(verb)) return await listCommand(deps.core, visitor, replies(deps, context));
        return await suggestCommand(visitor, commandText(activity).slice(verb.length).trim(), replies(deps, context));
      }
    }

    actor = await resolveActor(deps, activity);
    // A person who writes to us in their personal chat can be reached there, install event or not.
    if (actor.personal) await rememberConversation(deps.core, actor.member, activity);

    if (isCardInvoke) return await invokeResponse(context, await handleCardAction(deps.core, actor, data, true));
    if (data) {
      // Action.Submit (the fallback): the answer arrives as a message; update the card it came from.
      return await onSubmit(deps, context, actor, await handleCardAction(deps.core, actor, data));
    }
    await runCommand(deps, context, actor, replies(deps, context));
  } catch (error) {
    if (error instanceof NotMeasuredError) throw error;
    deps.core.logger.error(
      { activity: activity.type, name: activity.name, reason: (error as Error).message },
      "teams turn failed",
    );
    const text = teamsText(texts(actor?.language ?? deps.core.defaults.language).genericError);
    if (isCardInvoke) await invokeResponse(context, { kind: "text", text }).catch(() => undefined);
    else if (isMessageAction)
      await context
        .sendActivity({
          type: ActivityTypes.InvokeResponse,
          value: { status: 200, body: { task: { type: "message", value: text } } },
        })
        .catch(() => undefined);
    else await context.sendActivity(text).catch(() => undefined);
  }
}

/** A channel message whose signal could not be stored: answered with an error status, so Teams delivers it again. */
class NotMeasuredError extends Error {}

/** Measuring never talks back into a channel: a failure is logged (without any text) and answered with an error status. */
async function measuring(deps: TeamsDeps, what: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    deps.core.logger.error({ activity: what, reason: (error as Error).message }, "measuring customer presence failed");
    throw new NotMeasuredError((error as Error).message);
  }
}

/** Measuring must never talk back into a channel: a failure is logged (without any text) and that is all. */
async function quietly(deps: TeamsDeps, what: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    deps.core.logger.error({ activity: what, reason: (error as Error).message }, "measuring customer presence failed");
  }
}

function replies(deps: TeamsDeps, context: TurnContext): Replies {
  return {
    text: async (text) =>
      void (await withDeliveryRetries(
        "reply",
        () => context.sendActivity(MessageFactory.text(text)),
        deps.retryPolicy,
      )),
    card: async (card) =>
      void (await withDeliveryRetries(
        "reply",
        () => context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card))),
        deps.retryPolicy,
      )),
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

async function onSubmit(
  deps: TeamsDeps,
  context: TurnContext,
  actor: TeamsActor | null,
  outcome: CardOutcome,
): Promise<void> {
  const cardMessageId = context.activity.replyToId;
  if (outcome.kind === "text" || !cardMessageId) {
    if (outcome.kind === "card" && !actor) return replies(deps, context).card(outcome.card);
    return replies(deps, context).text(
      outcome.kind === "text"
        ? outcome.text
        : teamsText(texts(actor?.language ?? deps.core.defaults.language).checkinSaved),
    );
  }
  // The core has already updated the nudge message itself; any other card (a `checkin`) is ours to update.
  if (outcome.messageRef && outcome.messageRef === cardMessageId) return;
  const update = { ...MessageFactory.attachment(CardFactory.adaptiveCard(outcome.card)), id: cardMessageId };
  await withDeliveryRetries("update card", () => context.updateActivity(update), deps.retryPolicy);
}

async function onConversationUpdate(deps: TeamsDeps, context: TurnContext): Promise<void> {
  const { activity } = context;
  // Only the personal scope matters for check-ins; in a team or group chat it is presence.
  if (isSharedConversation(activity))
    return quietly(deps, "conversationUpdate", () => deps.presence.conversationUpdate(activity));
  if ((activity.conversation?.conversationType ?? "personal") !== "personal") return;
  if (isUninstallation(activity)) {
    const actor = await resolveActor(deps, activity);
    await deps.core.addresses.deactivate(actor.member);
    return;
  }
  if (!isInstallation(activity)) return;
  // The person who installs the app in a new tenant gives it their language (the activity's
  // locale); the identity service adopts it once, unless the tenant chose one already.
  const actor = await resolveActor(deps, activity, { installing: true });
  const fresh = await rememberConversation(deps.core, actor.member, activity);
  if (!fresh) return; // Teams sends installationUpdate and conversationUpdate for one install: greet once.
  const t = texts(actor.language);
  const tryOut = deps.localMode && actor.isAdmin;
  await replies(deps, context).text(teamsText(tryOut ? `${t.teamsWelcome}\n\n${t.teamsLocalHint}` : t.teamsWelcome));
}
