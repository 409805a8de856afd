// The Teams door's route table: what each kind of inbound activity goes to. Every job folder
// (checkins/, suggestions/, presence/, admin/, mirror/) contributes its own routes — its card
// verbs, command words, invokes and activities — and door.ts puts them into one table, so a
// new verb or command word is a change of its folder only. turn.ts looks routes up here.
import type { ConversationReference, TurnContext } from "botbuilder";
import type { Core } from "../../core/index.js";
import type { TeamsActor, Visitor } from "./actor.js";
import type { AdaptiveCard } from "./adaptiveCard.js";
import type { ChannelReferences } from "./channels.js";
import type { RetryPolicy } from "./delivery.js";

type Json = Record<string, unknown>;

/** What every handler may use: the core and the door's own services. */
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
}

/** Answers into the conversation the activity came from (retried like every connector call). */
export interface Replies {
  text(text: string): Promise<void>;
  card(card: AdaptiveCard): Promise<void>;
}

/** One inbound activity, as a handler sees it. */
export interface Turn {
  deps: TeamsDeps;
  context: TurnContext;
  reply: Replies;
}

/** A text command: the words of the message without the bot's @mention. */
export interface Command {
  text: string;
  words: string[];
  /** The first word, lower-cased: what the command table is keyed by ("" for an empty message). */
  verb: string;
  /** The text after the first word. */
  rest: string;
}

/**
 * What a card button leads to. `messageRef`: the nudge message the core keeps up to date itself
 * (the door must not update it a second time). `savedText`: said instead of sending the card
 * anew when an Action.Submit names no card message to update; without it the card is sent.
 */
export type CardOutcome =
  | { kind: "card"; card: AdaptiveCard; messageRef?: string | null; savedText?: string }
  | { kind: "text"; text: string };

/**
 * Who a route is for. "member": the person's member row is read or created (and their personal
 * chat remembered); "visitor": read only, nothing about the person is written — the path of
 * anonymous suggestions and of raters in the leader mirror.
 */
type Person = { member: TeamsActor; visitor: Visitor };
type For<Who extends keyof Person, Args extends unknown[], Result> = {
  who: Who;
  handle(turn: Turn, person: Person[Who], ...args: Args): Promise<Result>;
};
type EitherWho<Args extends unknown[], Result> = For<"member", Args, Result> | For<"visitor", Args, Result>;

/** A card button's data (its verb included), and how it came. */
export interface CardAction {
  data: Json;
  /** Action.Execute: the card goes back in the invoke response. Else Action.Submit, a message. */
  execute: boolean;
}

/** An Adaptive Card button, by verb: an Action.Execute invoke (adaptiveCard/action) or its Action.Submit fallback. */
export type CardRoute = EitherWho<[action: CardAction], CardOutcome>;

export type CommandRoute = EitherWho<[command: Command], void> & {
  /** Answered only in the personal chat; elsewhere the person is asked to write to the bot directly. */
  personalOnly?: boolean;
  /** A command this route leaves to the fallback (`mirror schedule …` is an admin command). */
  declines?(command: Command): boolean;
};

/** An invoke by name; its answer is the invoke response's body. */
export type InvokeRoute = EitherWho<[], Json> & {
  /** The body that tells the person something went wrong. */
  failed(text: string): Json;
};

/** An activity nobody waits an answer for (an update, an install, a message not addressed to the bot). */
export type Listener = (turn: Turn) => Promise<void>;

/** Where an activity happened: the personal chat, or a team channel / group chat. */
export type Scope = "personal" | "shared";

/** What one job folder contributes to the table. */
export interface Routes {
  cards?: Record<string, CardRoute>;
  /** By first word, lower-cased. */
  commands?: Record<string, CommandRoute>;
  /** Commands no word claims. */
  otherCommand?: CommandRoute;
  /** Card data with a verb no route claims. */
  otherCard?: CardRoute;
  /** By invoke name, e.g. "composeExtension/fetchTask". */
  invokes?: Record<string, InvokeRoute>;
  /** Non-message activities by type and scope, e.g. conversationUpdate in a shared conversation. */
  activities?: Record<string, Partial<Record<Scope, Listener>>>;
  /** A message in a team channel or group chat that does not @mention the bot. */
  overheard?: Listener;
}

/** Every folder's routes in one place, looked up by turn.ts (Maps: a word like "constructor" is just a word). */
export interface RouteTable {
  cards: Map<string, CardRoute>;
  commands: Map<string, CommandRoute>;
  invokes: Map<string, InvokeRoute>;
  /** By "type scope", e.g. "conversationUpdate shared". */
  activities: Map<string, Listener>;
  otherCommand: CommandRoute;
  otherCard: CardRoute;
  overheard: Listener;
}

/**
 * Thrown by a listener whose activity must be delivered again (a channel message whose signal
 * could not be stored): answered with an error status, and nobody is told.
 */
export class Redeliver extends Error {}

/** One table from every folder's routes; two folders claiming the same verb, word or activity is a bug. */
export function routeTable(...sets: Routes[]): RouteTable {
  const claimedTwice = (what: string) => new Error(`teams routes: ${what} is claimed twice`);
  const add = <T>(into: Map<string, T>, from: Record<string, T> | undefined, what: string) => {
    for (const [key, route] of Object.entries(from ?? {})) {
      if (into.has(key)) throw claimedTwice(`${what} "${key}"`);
      into.set(key, route);
    }
  };
  const one = <T>(current: T | undefined, next: T | undefined, what: string): T | undefined => {
    if (current && next) throw claimedTwice(what);
    return next ?? current;
  };
  const cards = new Map<string, CardRoute>();
  const commands = new Map<string, CommandRoute>();
  const invokes = new Map<string, InvokeRoute>();
  const activities = new Map<string, Listener>();
  let otherCommand: CommandRoute | undefined;
  let otherCard: CardRoute | undefined;
  let overheard: Listener | undefined;
  for (const set of sets) {
    add(cards, set.cards, "the card verb");
    add(commands, set.commands, "the command word");
    add(invokes, set.invokes, "the invoke");
    for (const [type, scopes] of Object.entries(set.activities ?? {}))
      for (const [scope, listener] of Object.entries(scopes))
        add(activities, { [activityKey(type, scope as Scope)]: listener }, "the activity");
    otherCommand = one(otherCommand, set.otherCommand, "the fallback command");
    otherCard = one(otherCard, set.otherCard, "the fallback card");
    overheard = one(overheard, set.overheard, "the overheard message");
  }
  if (!otherCommand || !otherCard || !overheard)
    throw new Error("teams routes: a fallback command, a fallback card and an overheard message route are required");
  return { cards, commands, invokes, activities, otherCommand, otherCard, overheard };
}

export const activityKey = (type: string, scope: Scope) => `${type} ${scope}`;
