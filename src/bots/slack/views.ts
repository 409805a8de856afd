// Modal submissions: the check-in/reflection form and the admin settings form.
import type { App, ViewStateValue, ViewSubmitAction } from "@slack/bolt";
import type { CheckInRefusal } from "../../core/checkins/nudges.js";
import { checkReflection, REFLECTION_MAX_LENGTH } from "../../core/checkins/service.js";
import { isLanguage } from "../../core/shared/model.js";
import { isQuestionKey, isRating, type QuestionKey, type Rating } from "../../core/shared/questions.js";
import { parseTimeOfDay } from "../../core/shared/time.js";
import { checkInRefusalText, texts } from "../../prompts/texts.js";
import { CALLBACK, type CheckinModalMetadata } from "./blocks.js";
import { resolveActor, type SlackDeps } from "./context.js";
import { slackText } from "./mrkdwn.js";

type Values = Record<string, Record<string, ViewStateValue>>;

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

export function registerViews(app: App, deps: SlackDeps): void {
  const { core } = deps;

  app.view<ViewSubmitAction>(CALLBACK.checkin, async ({ ack, body, view, client }) => {
    const meta = parseMetadata(view.private_metadata);
    if (!meta) return void (await ack());
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
    const rated = answers.filter((a): a is typeof a & { rating: Rating } => a.rating !== null);
    if (Object.keys(errors).length === 0 && rated.length === 0) errors[`rating:${meta.questions[0]}`] = t.ratingMissing;
    if (Object.keys(errors).length > 0) return void (await ack({ response_action: "errors", errors }));
    await ack();

    try {
      await deps.afterAck.run(() => saveAnswers(meta));
    } catch (error) {
      core.logger.error({ view: CALLBACK.checkin, reason: (error as Error).message }, "saving a check-in failed");
      await client.chat.postMessage({ channel: body.user.id, text: t.genericError }).catch(() => undefined);
    }

    async function saveAnswers(meta: CheckinModalMetadata) {
      const actor = await resolveActor(deps, body.team?.id ?? body.user.team_id ?? "", body.user.id, { create: true });
      const { member } = actor;
      let refused: CheckInRefusal | null = null;
      for (const answer of rated) {
        const result = meta.nudgeId
          ? await core.nudges.answer({ nudgeId: meta.nudgeId, platformUserId: actor.userId, ...answer })
          : await core.nudges.checkIn(member, actor.workspace, answer);
        if (!result.ok) refused ??= result;
      }
      // Answers inside a nudge show up in that message; a free check-in gets a short receipt,
      // and an answer the core did not take is not lost without a word.
      const reply = texts(actor.language);
      if (refused)
        await client.chat.postMessage({
          channel: actor.userId,
          text: slackText(checkInRefusalText(reply, refused.reason)),
        });
      else if (!meta.nudgeId) await client.chat.postMessage({ channel: actor.userId, text: reply.checkinSaved });
    }
  });

  app.view<ViewSubmitAction>(CALLBACK.settings, async ({ ack, body, view, client }) => {
    const values = view.state.values as Values;
    const cadence = values.cadence?.value?.selected_option?.value;
    const weekday = Number(values.weekday?.value?.selected_option?.value);
    const minute = parseTimeOfDay(values.time?.value?.selected_time ?? "");
    const language = values.language?.value?.selected_option?.value;
    const includeWeekends = (values.weekends?.value?.selected_options ?? []).length > 0;
    await ack();
    try {
      const actor = await resolveActor(deps, body.team?.id ?? body.user.team_id ?? "", body.user.id);
      // The core saves for admins only; anyone else is told why.
      const saved = await core.admin.saveSettings(actor, { cadence, weekday, minute, language, includeWeekends });
      if (!saved.ok)
        return void (await client.chat.postMessage({ channel: actor.userId, text: texts(actor.language).notAdmin }));
      const reply = texts(saved.workspace.language);
      await client.chat.postMessage({ channel: actor.userId, text: `${reply.settingsSaved} ${saved.summary}` });
    } catch (error) {
      core.logger.error({ view: CALLBACK.settings, reason: (error as Error).message }, "saving settings failed");
    }
  });
}
