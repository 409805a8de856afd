// The check-in form (a modal): opened from /cx-checkin, a nudge's "reflect" button or the App
// Home, and its submission, which the core takes answer by answer.
import type { ViewOutput, ViewStateValue } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { CheckInRefusal } from "../../../core/checkins/nudges.js";
import { checkReflection, REFLECTION_MAX_LENGTH } from "../../../core/checkins/service.js";
import { isLanguage, type Nudge } from "../../../core/shared/model.js";
import { isQuestionKey, isRating, type QuestionKey, type Rating } from "../../../core/shared/questions.js";
import { checkInRefusalText, texts } from "../../../prompts/texts.js";
import type { FormReading, PersonContext } from "../guarded.js";
import { type CheckinModalMetadata, checkinModal } from "./blocks.js";

type Values = Record<string, Record<string, ViewStateValue>>;
type Answer = { question: QuestionKey; rating: Rating; reflection: string | null };

/**
 * The check-in form: for a given nudge its own week and questions, else what the core offers
 * now — or, when it offers nothing (not a leader), the reason as the reply.
 */
export async function openCheckin(
  { deps, actor, reply }: PersonContext,
  client: WebClient,
  triggerId: string,
  nudge?: Nudge,
) {
  const { member } = actor;
  const chosen = nudge
    ? { ok: true as const, nudgeId: nudge.id, week: nudge.week, questions: nudge.questions }
    : await deps.core.nudges.checkInFor(member, actor.workspace);
  if (!chosen.ok) return void (await reply(checkInRefusalText(texts(actor.language), chosen.reason)));
  const answers = await deps.core.checkins.answersFor(member, chosen.week);
  const ratings = Object.fromEntries(answers.map((a) => [a.question, a.rating]));
  const reflections = Object.fromEntries(answers.filter((a) => a.reflection).map((a) => [a.question, a.reflection!]));
  const view = checkinModal({
    language: actor.language,
    nudgeId: chosen.nudgeId,
    questions: chosen.questions,
    ratings,
    reflections,
    title: nudge ? "reflection" : "checkin",
  });
  await client.views.open({ trigger_id: triggerId, view });
}

function parseMetadata(raw: string): CheckinModalMetadata | null {
  try {
    const data = JSON.parse(raw) as CheckinModalMetadata;
    if (!Array.isArray(data.questions) || !data.questions.every(isQuestionKey)) return null;
    return {
      nudgeId: typeof data.nudgeId === "string" ? data.nudgeId : null,
      questions: data.questions,
      language: isLanguage(data.language) ? data.language : "en",
    };
  } catch {
    return null;
  }
}

/** The rated answers of a submitted form, or what to fix (in the form's language). */
export function readCheckin(view: ViewOutput): FormReading<{ nudgeId: string | null; rated: Answer[] }> {
  const meta = parseMetadata(view.private_metadata);
  if (!meta) return { nothing: true };
  const t = texts(meta.language);
  const values = view.state.values as Values;
  const answers: { question: QuestionKey; rating: Rating | null; reflection: string | null }[] = [];
  const errors: Record<string, string> = {};
  for (const question of meta.questions) {
    const rating = Number(values[`rating:${question}`]?.value?.selected_option?.value);
    const reflection = checkReflection(values[`reflection:${question}`]?.value?.value);
    if (!reflection.ok) errors[`reflection:${question}`] = t.reflectionTooLong(REFLECTION_MAX_LENGTH);
    // A reflection belongs to a rating; rather than drop it silently, ask for the rating.
    else if (reflection.value && !isRating(rating)) errors[`rating:${question}`] = t.ratingMissing;
    else answers.push({ question, rating: isRating(rating) ? rating : null, reflection: reflection.value });
  }
  const rated = answers.filter((a): a is Answer => a.rating !== null);
  if (Object.keys(errors).length === 0 && rated.length === 0) errors[`rating:${meta.questions[0]}`] = t.ratingMissing;
  if (Object.keys(errors).length > 0) return { errors };
  return { input: { nudgeId: meta.nudgeId, rated } };
}

/**
 * Saves the answers. Answers inside a nudge show up in that message; a free check-in gets a
 * short receipt, and an answer the core did not take is not lost without a word.
 */
export async function saveCheckin(
  { deps, actor, reply }: PersonContext,
  { nudgeId, rated }: { nudgeId: string | null; rated: Answer[] },
) {
  const { core } = deps;
  let refused: CheckInRefusal | null = null;
  for (const answer of rated) {
    const result = nudgeId
      ? await core.nudges.answer({ nudgeId, platformUserId: actor.userId, ...answer })
      : await core.nudges.checkIn(actor.member, actor.workspace, answer);
    if (!result.ok) refused ??= result;
  }
  const t = texts(actor.language);
  if (refused) await reply(checkInRefusalText(t, refused.reason));
  else if (!nudgeId) await reply(t.checkinSaved);
}
