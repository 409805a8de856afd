// Card buttons: a rating (with the reflection typed next to it), snooze, skip. The same code
// serves Action.Execute invokes and Action.Submit messages; both end in the core, which stores
// the answer idempotently (a second submit changes the row) and updates the nudge card.

import type { AnswerResult, CheckInRefusal } from "../../core/checkins/nudges.js";
import { checkReflection } from "../../core/checkins/service.js";
import type { Core } from "../../core/index.js";
import { isQuestionKey, isRating } from "../../core/shared/questions.js";
import { checkInRefusalText, texts } from "../../prompts/texts.js";
import type { TeamsActor } from "./actor.js";
import type { AdaptiveCard } from "./adaptiveCard.js";
import { type CheckinCardModel, checkinCard, parseActionData, reflectionInputId } from "./cards.js";
import { teamsText } from "./markdown.js";

/**
 * `messageRef`: the nudge message the core keeps up to date itself, when the card is a nudge's
 * (a door must not update that message a second time).
 */
export type CardOutcome =
  | { kind: "card"; card: AdaptiveCard; nudgeId: string | null; messageRef?: string | null }
  | { kind: "text"; text: string };

/** `returnsCard`: the caller answers with the card (Action.Execute), so the core need not update it too. */
export async function handleCardAction(
  core: Core,
  actor: TeamsActor,
  value: unknown,
  returnsCard = false,
): Promise<CardOutcome> {
  const refresh = { updateMessage: !returnsCard };
  const t = texts(actor.language);
  const data = parseActionData(value);
  if (!data) return { kind: "text", text: teamsText(t.nudgeGone) };

  if (data.verb === "snooze" || data.verb === "skip") {
    if (!data.nudgeId) return { kind: "text", text: teamsText(t.nudgeGone) };
    const result =
      data.verb === "snooze"
        ? await core.nudges.snooze(data.nudgeId, actor.userId, refresh)
        : await core.nudges.skip(data.nudgeId, actor.userId, refresh);
    return fromResult(actor, result, data.nudgeId);
  }

  const { question, rating } = data;
  if (!isQuestionKey(question) || !isRating(rating)) return { kind: "text", text: teamsText(t.nudgeGone) };
  const typed = data.inputs[reflectionInputId(question)];
  const reflection = checkReflection(typeof typed === "string" ? typed : null);
  if (!reflection.ok) {
    // Nothing is stored; the card comes back with the text still in the field and a hint.
    const shown = await currentModel(core, actor, data.nudgeId);
    if (!shown.ok) return refused(actor, shown);
    const withTyped = {
      ...shown.model,
      reflections: { ...shown.model.reflections, [question]: String(typed) },
      error: t.reflectionTooLong(reflection.maxLength),
    };
    return { kind: "card", card: checkinCard(withTyped), nudgeId: data.nudgeId, messageRef: shown.messageRef };
  }

  if (data.nudgeId) {
    const result = await core.nudges.answer(
      { nudgeId: data.nudgeId, platformUserId: actor.userId, question, rating, reflection: reflection.value },
      refresh,
    );
    return fromResult(actor, result, data.nudgeId, data.inputs);
  }
  // A `checkin` outside any nudge: the core picks the week, whatever the card data says.
  const result = await core.nudges.checkIn(actor.member, actor.workspace, {
    question,
    rating,
    reflection: reflection.value,
  });
  if (!result.ok) return refused(actor, result);
  const shown = await currentModel(core, actor, result.nudgeId);
  return shown.ok
    ? { kind: "card", card: checkinCard(shown.model), nudgeId: result.nudgeId, messageRef: shown.messageRef }
    : { kind: "text", text: teamsText(t.checkinSaved) };
}

function refused(actor: TeamsActor, refusal: CheckInRefusal): CardOutcome {
  return { kind: "text", text: teamsText(checkInRefusalText(texts(actor.language), refusal.reason)) };
}

function fromResult(
  actor: TeamsActor,
  result: AnswerResult,
  nudgeId: string,
  inputs: Record<string, unknown> = {},
): CardOutcome {
  if (!result.ok) return refused(actor, result);
  const model = result.view;
  // Reflections typed next to questions not rated yet stay in their fields instead of being wiped
  // by the refreshed card; they are stored with that question's rating.
  const typed = Object.fromEntries(
    result.view.questions.flatMap((q) => {
      const value = inputs[reflectionInputId(q)];
      return typeof value === "string" && value.trim() && !model.reflections[q] ? [[q, value]] : [];
    }),
  );
  return {
    kind: "card",
    card: checkinCard({ ...model, reflections: { ...model.reflections, ...typed } }),
    nudgeId,
    messageRef: result.messageRef,
  };
}

type Shown = { ok: true; model: CheckinCardModel; messageRef: string | null } | CheckInRefusal;

/**
 * The card as it stands, as the core sees it: a nudge's (refused for anyone but its leader), or
 * what the core offers now (this week's nudge if there is one) — or why it offers nothing.
 */
export async function currentModel(core: Core, actor: TeamsActor, nudgeId: string | null): Promise<Shown> {
  if (nudgeId) {
    const shown = await core.nudges.show(nudgeId, actor.userId);
    return shown.ok ? { ok: true, model: shown.view, messageRef: shown.nudge.messageRef } : shown;
  }
  const current = await core.nudges.checkInView(actor.member, actor.workspace);
  return current.ok ? { ok: true, model: current.view, messageRef: null } : current;
}
