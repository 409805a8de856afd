// Button clicks on nudges and the App Home. The message is updated by the core through the
// messenger, so Slack and Teams share one answer path; here only refusals are answered.
import type { AnswerResult, CheckInRefusal } from "../../../core/checkins/nudges.js";
import { isQuestionKey, isRating } from "../../../core/shared/questions.js";
import { checkInRefusalText, texts } from "../../../prompts/texts.js";
import type { Actor } from "../context.js";
import type { ButtonArgs, Context, PersonContext, Reply } from "../guarded.js";
import { inDm } from "../replies.js";
import { parseRateValue } from "./blocks.js";
import { openCheckin } from "./views.js";

/** Tells the clicker privately why nothing happened; a successful answer needs no reply. */
async function refusal(actor: Actor, result: AnswerResult | CheckInRefusal, reply: Reply) {
  if (!result.ok) await reply(checkInRefusalText(texts(actor.language), result.reason));
}

export async function rate({ deps, actor, reply }: Context, { action }: ButtonArgs) {
  const parsed = parseRateValue(action.value ?? "");
  if (!parsed || !isQuestionKey(parsed.question) || !isRating(parsed.rating))
    return refusal(actor, { ok: false, reason: "not-found" }, reply);
  const result = await deps.core.nudges.answer({
    nudgeId: parsed.nudgeId,
    platformUserId: actor.userId,
    question: parsed.question,
    rating: parsed.rating,
  });
  await refusal(actor, result, reply);
}

export async function snooze({ deps, actor, reply }: Context, { action }: ButtonArgs) {
  await refusal(actor, await deps.core.nudges.snooze(action.value ?? "", actor.userId), reply);
}

export async function skip({ deps, actor, reply }: Context, { action }: ButtonArgs) {
  await refusal(actor, await deps.core.nudges.skip(action.value ?? "", actor.userId), reply);
}

/** "Reflect": the check-in form for this nudge's week. The core refuses anyone but the nudge's leader. */
export async function reflect(context: PersonContext, { action, body, client }: ButtonArgs) {
  const { deps, actor, reply } = context;
  const shown = await deps.core.nudges.show(action.value ?? "", actor.userId);
  if (!shown.ok) return refusal(actor, shown, reply);
  await openCheckin(context, client, body.trigger_id, shown.nudge);
}

/** The App Home's check-in button. The Home is no conversation: a refusal goes to the person's DM. */
export function homeCheckin(context: PersonContext, { body, client }: ButtonArgs) {
  const toDm: Reply = (text) => client.chat.postMessage(inDm(context.actor.userId, text));
  return openCheckin({ ...context, reply: toDm }, client, body.trigger_id);
}
