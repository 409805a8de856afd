// Card buttons: a rating (with the reflection typed next to it), snooze, skip. The same code
// serves Action.Execute invokes and Action.Submit messages; both end in the core, which stores
// the answer idempotently (a second submit changes the row) and updates the nudge card.
import type { Core } from "../../core/core.js";
import { checkReflection } from "../../core/checkins.js";
import type { AnswerResult } from "../../core/nudges.js";
import { isQuestionKey, isRating, type QuestionKey, type Rating } from "../../core/questions.js";
import { texts } from "../../prompts/texts.js";
import type { TeamsActor } from "./actor.js";
import { checkinCard, parseActionData, reflectionInputId, type CheckinCardModel } from "./cards.js";
import { teamsText } from "./markdown.js";
import { nudgeCardModel } from "./messenger.js";

export type CardOutcome =
  | { kind: "card"; card: Record<string, unknown>; nudgeId: string | null }
  | { kind: "text"; text: string };

const WEEK = /^\d{4}-W\d{2}$/;

/** `returnsCard`: the caller answers with the card (Action.Execute), so the core need not update it too. */
export async function handleCardAction(core: Core, actor: TeamsActor, value: unknown, returnsCard = false): Promise<CardOutcome> {
  const refresh = { updateMessage: !returnsCard };
  const t = texts(actor.language);
  const data = parseActionData(value);
  if (!data) return { kind: "text", text: teamsText(t.nudgeGone) };

  if (data.verb === "snooze" || data.verb === "skip") {
    if (!data.nudgeId) return { kind: "text", text: teamsText(t.nudgeGone) };
    const result = data.verb === "snooze" ? await core.nudges.snooze(data.nudgeId, actor.userId, refresh) : await core.nudges.skip(data.nudgeId, actor.userId, refresh);
    return fromResult(core, actor, result, data.nudgeId);
  }

  const { question, rating } = data;
  if (!isQuestionKey(question) || !isRating(rating)) return { kind: "text", text: teamsText(t.nudgeGone) };
  const typed = data.inputs[reflectionInputId(question)];
  const reflection = checkReflection(typeof typed === "string" ? typed : null);
  if (!reflection.ok) {
    // Nothing is stored; the card comes back with the text still in the field and a hint.
    const model = await currentModel(core, actor, data.nudgeId, data.week);
    if (!model) return { kind: "text", text: teamsText(t.reflectionTooLong(reflection.maxLength)) };
    const withTyped = { ...model, reflections: { ...model.reflections, [question]: String(typed) }, error: t.reflectionTooLong(reflection.maxLength) };
    return { kind: "card", card: checkinCard(withTyped), nudgeId: data.nudgeId };
  }

  if (data.nudgeId) {
    const result = await core.nudges.answer({ nudgeId: data.nudgeId, platformUserId: actor.userId, question, rating, reflection: reflection.value }, refresh);
    return fromResult(core, actor, result, data.nudgeId, data.inputs);
  }
  // A `checkin` outside any nudge: stored for the week the card was shown in.
  if (!data.week || !WEEK.test(data.week)) return { kind: "text", text: teamsText(t.nudgeGone) };
  await core.checkins.save(actor.member, question, data.week, rating, reflection.value);
  const model = await currentModel(core, actor, null, data.week, [question]);
  return model ? { kind: "card", card: checkinCard(model), nudgeId: null } : { kind: "text", text: teamsText(t.checkinSaved) };
}

async function fromResult(core: Core, actor: TeamsActor, result: AnswerResult, nudgeId: string, inputs: Record<string, unknown> = {}): Promise<CardOutcome> {
  const t = texts(actor.language);
  if (!result.ok) return { kind: "text", text: teamsText(result.reason === "not-yours" ? t.notYourNudge : t.nudgeGone) };
  const model = await nudgeCardModel(core, actor.member, result.view);
  // Reflections typed next to questions not rated yet stay in their fields instead of being wiped
  // by the refreshed card; they are stored with that question's rating.
  const typed = Object.fromEntries(
    result.view.questions.flatMap((q) => {
      const value = inputs[reflectionInputId(q)];
      return typeof value === "string" && value.trim() && !model.reflections[q] ? [[q, value]] : [];
    }),
  );
  return { kind: "card", card: checkinCard({ ...model, reflections: { ...model.reflections, ...typed } }), nudgeId };
}

/**
 * The card as it stands: for a nudge, rebuilt from the nudge; for a free check-in, from the
 * week's answers (`questions`: what the card asked, when that week is no longer the current one).
 */
export async function currentModel(
  core: Core,
  actor: TeamsActor,
  nudgeId: string | null,
  week?: string,
  questions?: QuestionKey[],
): Promise<CheckinCardModel | null> {
  const now = core.clock();
  if (nudgeId) {
    const nudge = await core.store.getNudge(nudgeId);
    if (!nudge || nudge.memberId !== actor.member.id) return null;
    const answers = await core.checkins.answersFor(actor.member, nudge.week);
    const ratings = ratingsOf(answers.filter((a) => nudge.questions.includes(a.question)));
    const streak = Object.keys(ratings).length ? await core.checkins.streak(actor.member, actor.workspace, now) : 0;
    const view = { nudgeId, language: actor.language, questions: nudge.questions, status: nudge.status, ratings, streak };
    return nudgeCardModel(core, actor.member, view, nudge.week);
  }
  const current = await core.nudges.current(actor.member, actor.workspace);
  const shownWeek = week ?? current.week;
  const asked = shownWeek === current.week ? current.questions : (questions ?? current.questions);
  const answers = (await core.checkins.answersFor(actor.member, shownWeek)).filter((a) => asked.includes(a.question));
  const ratings = ratingsOf(answers);
  const answered = Object.keys(ratings).length > 0;
  return {
    nudgeId: null,
    week: shownWeek,
    language: actor.language,
    questions: asked,
    status: answered ? "answered" : "sent",
    ratings,
    streak: answered ? await core.checkins.streak(actor.member, actor.workspace, now) : 0,
    reflections: Object.fromEntries(answers.filter((a) => a.reflection).map((a) => [a.question, a.reflection!])),
  };
}

function ratingsOf(answers: { question: QuestionKey; rating: Rating }[]): Partial<Record<QuestionKey, Rating>> {
  return Object.fromEntries(answers.map((a) => [a.question, a.rating]));
}
