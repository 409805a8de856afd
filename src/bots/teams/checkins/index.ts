// Check-ins in Teams: the nudge card's buttons, the leader's commands, and the messenger the core
// delivers nudges and reminders through.
import { texts } from "../../../prompts/texts.js";
import { teamsText } from "../markdown.js";
import type { CardRoute, CommandRoute, Routes } from "../routes.js";
import { handleCardAction } from "./cardActions.js";
import type { CardVerb } from "./cards.js";
import { checkinCommand, meCommand } from "./commands.js";

export { TeamsMessenger } from "./messenger.js";

/** Rate, snooze, skip — and any card data no job claims, which can only be a nudge card gone stale. */
const answer: CardRoute = {
  who: "member",
  async handle(turn, actor, { data, execute }) {
    const outcome = await handleCardAction(turn.deps.core, actor, data, execute);
    // An answer whose card cannot be updated in place is confirmed in words, not with a second card.
    return outcome.kind === "card" ? { ...outcome, savedText: teamsText(texts(actor.language).checkinSaved) } : outcome;
  },
};

const checkin: CommandRoute = { who: "member", personalOnly: true, handle: checkinCommand };
const me: CommandRoute = {
  who: "member",
  personalOnly: true,
  handle: (turn, actor, command) => meCommand(turn, actor, command.words.slice(1).join(" ")),
};
const pauseOrResume: CommandRoute = {
  who: "member",
  personalOnly: true,
  handle: (turn, actor, command) => meCommand(turn, actor, command.text),
};

export const checkinRoutes: Routes = {
  cards: { rate: answer, snooze: answer, skip: answer } satisfies Record<CardVerb, CardRoute>,
  otherCard: answer,
  commands: {
    checkin,
    "check-in": checkin,
    me,
    ich: me,
    pause: pauseOrResume,
    pausieren: pauseOrResume,
    resume: pauseOrResume,
    fortsetzen: pauseOrResume,
  },
};
