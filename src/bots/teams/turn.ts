// One inbound turn: what kind of activity, which route (routes.ts), who it is for. Every handler
// answers in the person's language; a failure becomes a friendly message, never a stack trace.
import { type Activity, ActivityTypes, CardFactory, MessageFactory, TurnContext } from "botbuilder";
import { texts } from "../../prompts/texts.js";
import { resolveActor, resolveVisitor, type TeamsActor, tenantOf, type Visitor } from "./actor.js";
import { ADAPTIVE_CARD } from "./adaptiveCard.js";
import { isSharedConversation, mentionsBot } from "./channels.js";
import { rememberConversation } from "./conversations.js";
import { withDeliveryRetries } from "./delivery.js";
import { teamsText } from "./markdown.js";
import {
  activityKey,
  type CardAction,
  type CardOutcome,
  type CardRoute,
  type Command,
  type InvokeRoute,
  Redeliver,
  type Replies,
  type RouteTable,
  type Scope,
  type TeamsDeps,
  type Turn,
} from "./routes.js";

const CARD_ACTION = "adaptiveCard/action";

/** The person behind the turn, resolved once, as the route needs them; their language for error messages. */
class People {
  private member: Promise<TeamsActor> | undefined;
  private visitor: Promise<Visitor> | undefined;
  language: Visitor["language"] | undefined;

  constructor(private readonly turn: Turn) {}

  async as<W extends "member" | "visitor">(who: W): Promise<W extends "member" ? TeamsActor : Visitor>;
  async as(who: "member" | "visitor"): Promise<TeamsActor | Visitor> {
    const { deps, context } = this.turn;
    const person =
      who === "member"
        ? await (this.member ??= resolveActor(deps, context.activity).then(async (actor) => {
            // A person who writes to us in their personal chat can be reached there, install event or not.
            if (actor.personal) await rememberConversation(deps.core, actor.member, context.activity);
            return actor;
          }))
        : await (this.visitor ??= resolveVisitor(deps, context.activity));
    this.language = person.language;
    return person;
  }
}

export async function handleTurn(deps: TeamsDeps, routes: RouteTable, context: TurnContext): Promise<void> {
  const { activity } = context;
  deps.channels.learn(activity, tenantOf(activity));
  const turn: Turn = { deps, context, reply: replies(deps, context) };
  const people = new People(turn);
  const isCardInvoke = activity.type === ActivityTypes.Invoke && activity.name === CARD_ACTION;
  const invoke =
    activity.type === ActivityTypes.Invoke && !isCardInvoke ? routes.invokes.get(activity.name ?? "") : undefined;
  try {
    if (invoke) return await onInvoke(turn, people, invoke);
    const data = cardData(activity, isCardInvoke);
    if (data) {
      const route = routes.cards.get(typeof data.verb === "string" ? data.verb : "") ?? routes.otherCard;
      const outcome = await onCard(turn, people, route, { data, execute: isCardInvoke });
      return isCardInvoke ? await invokeResponse(context, outcome) : await onSubmit(turn, outcome);
    }
    if (activity.type === ActivityTypes.Message) {
      // In a channel or group chat, whatever is not addressed to the bot is conversation to measure.
      if (isSharedConversation(activity) && !mentionsBot(activity)) return await routes.overheard(turn);
      return await onCommand(turn, people, routes, commandOf(activity));
    }
    const scope = scopeOf(activity);
    const listener = scope ? routes.activities.get(activityKey(activity.type, scope)) : undefined;
    if (listener) await listener(turn);
  } catch (error) {
    if (error instanceof Redeliver) throw error;
    deps.core.logger.error(
      { activity: activity.type, name: activity.name, reason: (error as Error).message },
      "teams turn failed",
    );
    const text = teamsText(texts(people.language ?? deps.core.defaults.language).genericError);
    if (isCardInvoke) await invokeResponse(context, { kind: "text", text }).catch(() => undefined);
    else if (invoke) await invokeBody(context, invoke.failed(text)).catch(() => undefined);
    else await context.sendActivity(text).catch(() => undefined);
  }
}

async function onInvoke(turn: Turn, people: People, route: InvokeRoute): Promise<void> {
  const body =
    route.who === "member"
      ? await route.handle(turn, await people.as("member"))
      : await route.handle(turn, await people.as("visitor"));
  await invokeBody(turn.context, body);
}

function onCard(turn: Turn, people: People, route: CardRoute, action: CardAction): Promise<CardOutcome> {
  return route.who === "member"
    ? people.as("member").then((actor) => route.handle(turn, actor, action))
    : people.as("visitor").then((visitor) => route.handle(turn, visitor, action));
}

async function onCommand(turn: Turn, people: People, routes: RouteTable, command: Command): Promise<void> {
  const claimed = routes.commands.get(command.verb);
  const route = claimed && !claimed.declines?.(command) ? claimed : routes.otherCommand;
  if (route.who === "member") {
    const actor = await people.as("member");
    return route.personalOnly && !actor.personal ? personalOnly(turn, actor) : route.handle(turn, actor, command);
  }
  const visitor = await people.as("visitor");
  return route.personalOnly && !visitor.personal ? personalOnly(turn, visitor) : route.handle(turn, visitor, command);
}

/** Personal answers stay in the personal chat; admin commands also work in a team or group chat. */
function personalOnly(turn: Turn, person: Visitor): Promise<void> {
  return turn.reply.text(teamsText(texts(person.language).teamsPersonalOnly));
}

function scopeOf(activity: Partial<Activity>): Scope | null {
  if (isSharedConversation(activity)) return "shared";
  return (activity.conversation?.conversationType ?? "personal") === "personal" ? "personal" : null;
}

/** What a card button sent: Action.Execute data (with its verb) or an Action.Submit message value. */
function cardData(activity: Partial<Activity>, isCardInvoke: boolean): Record<string, unknown> | null {
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

/** The words of a message without the bot's @mention; other mentions become "@Name". */
function commandOf(activity: Partial<Activity>): Command {
  const withoutBot = TurnContext.removeRecipientMention(activity) ?? activity.text ?? "";
  const text = withoutBot
    .replace(/<at>(.*?)<\/at>/gi, "@$1")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .trim();
  const words = text.split(/\s+/).filter(Boolean);
  const first = words[0] ?? "";
  return { text, words, verb: first.toLowerCase(), rest: text.slice(first.length).trim() };
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

async function invokeBody(context: TurnContext, body: Record<string, unknown>): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
}

/** Universal Actions: the refreshed card (or a message) goes back in the invoke response. */
function invokeResponse(context: TurnContext, outcome: CardOutcome): Promise<void> {
  return invokeBody(
    context,
    outcome.kind === "card"
      ? { statusCode: 200, type: ADAPTIVE_CARD, value: outcome.card }
      : { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: outcome.text },
  );
}

/** Action.Submit (the fallback): the answer arrived as a message; the card it came from is updated. */
async function onSubmit(turn: Turn, outcome: CardOutcome): Promise<void> {
  const { context, deps, reply } = turn;
  const cardMessageId = context.activity.replyToId;
  if (outcome.kind === "text") return reply.text(outcome.text);
  if (!cardMessageId) return outcome.savedText ? reply.text(outcome.savedText) : reply.card(outcome.card);
  // The core has already updated the nudge message itself; any other card (a `checkin`) is ours to update.
  if (outcome.messageRef && outcome.messageRef === cardMessageId) return;
  const update = { ...MessageFactory.attachment(CardFactory.adaptiveCard(outcome.card)), id: cardMessageId };
  await withDeliveryRetries("update card", () => context.updateActivity(update), deps.retryPolicy);
}
