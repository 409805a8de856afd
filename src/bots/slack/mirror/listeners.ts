// The leader mirror in Slack (issue 12): /cx-mirror, the self-rating and answer forms, sharing.
// Handlers (guarded: ack first) call the MirrorService, which owns every rule. The raters' path never
// creates a member row and logs nothing about the person: the platform tells us who submits,
// the service spends their invitation, and that is the only place the two meet.
import type { ViewOutput, ViewStateValue } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { PersonCheck, StartRefusal } from "../../../core/mirror/service.js";
import { isLanguage, type Language, languageFromLocale } from "../../../core/shared/model.js";
import { QUESTION_KEYS, type QuestionKey } from "../../../core/shared/questions.js";
import { longDate } from "../../../prompts/format.js";
import { mirrorRefusalText, mirrorShareText, mirrorStatusText, mirrorTexts } from "../../../prompts/mirrorTexts.js";
import type { ButtonArgs, CommandArgs, Context, FormReading } from "../guarded.js";
import { mention, mentionedChannels, mentionedUsers, slackText } from "../mrkdwn.js";
import { ephemeral } from "../replies.js";
import { answerModal, overviewMirrorBlocks, selfRatingModal, shareModal } from "./blocks.js";

type Values = Record<string, Record<string, ViewStateValue>>;

/** Whether a named person can be asked: in this workspace, not a bot, still here. */
async function checkSlackPerson(client: WebClient, teamId: string, userId: string): Promise<PersonCheck> {
  if (userId === "USLACKBOT") return { ok: false, reason: "bot" };
  try {
    const res = await client.users.info({ user: userId, include_locale: true });
    const user = res.user as { is_bot?: boolean; deleted?: boolean; team_id?: string; locale?: string } | undefined;
    if (!user) return { ok: false, reason: "unknown" };
    if (user.is_bot) return { ok: false, reason: "bot" };
    if (user.deleted) return { ok: false, reason: "gone" };
    if (user.team_id && user.team_id !== teamId) return { ok: false, reason: "other-workspace" };
    return { ok: true, language: languageFromLocale(user.locale) };
  } catch (error) {
    const reason = (error as { data?: { error?: string } }).data?.error;
    if (reason === "user_not_found") return { ok: false, reason: "unknown" };
    throw error;
  }
}

function refusalText(refusal: StartRefusal, language: Language, timeZone: string): string {
  return mirrorRefusalText(refusal, language, {
    person: mention,
    openRound: (status) => mirrorStatusText(status, language, timeZone),
  });
}

/** The five radio answers of a mirror form; null where one is missing. */
function answersOf(values: Values): Partial<Record<QuestionKey, number>> {
  const out: Partial<Record<QuestionKey, number>> = {};
  for (const q of QUESTION_KEYS) {
    const raw = values[`mirror:${q}`]?.value?.selected_option?.value;
    if (raw !== undefined) out[q] = Number(raw);
  }
  return out;
}

function missing(values: Values, language: Language): Record<string, string> {
  const answers = answersOf(values);
  const errors: Record<string, string> = {};
  for (const q of QUESTION_KEYS) if (answers[q] === undefined) errors[`mirror:${q}`] = mirrorTexts(language).incomplete;
  return errors;
}

/** The form's metadata: the round and the reader's language, nothing about the person. */
function formMeta(raw: string): { roundId: string; language: Language } {
  try {
    const data = JSON.parse(raw) as { roundId?: unknown; language?: unknown };
    return {
      roundId: typeof data.roundId === "string" ? data.roundId : "",
      language: isLanguage(data.language) ? data.language : "en",
    };
  } catch {
    return { roundId: "", language: "en" };
  }
}

/** The self-rating form of a round. */
export async function openSelfForm({ actor }: Context, { action, body, client }: ButtonArgs) {
  const roundId = action.value ?? "";
  await client.views.open({
    trigger_id: body.trigger_id,
    view: withMeta(selfRatingModal(roundId, actor.language), roundId, actor.language),
  });
}

/** A rater's answer form; the service says whether they are invited. */
export async function openAnswerForm({ deps, actor, reply }: Context, { action, body, client }: ButtonArgs) {
  const form = await deps.core.mirror.answerForm(actor, action.value ?? "");
  const t = mirrorTexts(actor.language);
  if (!form.ok)
    return void (await reply(
      form.reason === "closed" ? t.roundOver : form.reason === "already" ? t.already : t.notInvited,
    ));
  const { roundId, leaderName, language } = form.view;
  await client.views.open({
    trigger_id: body.trigger_id,
    view: withMeta(answerModal(roundId, leaderName, language), roundId, language),
  });
}

type Rating = { roundId: string; language: Language; answers: Partial<Record<QuestionKey, number>> };

/** A submitted answer or self-rating form: all five answers, or which are missing. */
export function readRating(view: ViewOutput): FormReading<Rating> {
  const meta = formMeta(view.private_metadata);
  const values = view.state.values as Values;
  const errors = missing(values, meta.language);
  if (Object.keys(errors).length) return { errors };
  return { input: { ...meta, answers: answersOf(values) } };
}

export async function saveAnswer({ deps, actor, reply }: Context, { roundId, language, answers }: Rating) {
  const result = await deps.core.mirror.answer({ actor, roundId, answers });
  const t = mirrorTexts(language);
  await reply(
    { ok: t.thanks, already: t.already, "not-invited": t.notInvited, closed: t.roundOver, incomplete: t.incomplete }[
      result
    ],
  );
}

export async function saveSelfRating({ deps, actor, reply }: Context, { roundId, language, answers }: Rating) {
  const result = await deps.core.mirror.selfRate(actor, roundId, answers);
  const t = mirrorTexts(language);
  await reply({ ok: t.selfSaved, "not-yours": t.notYours, closed: t.roundOver, incomplete: t.selfIncomplete }[result]);
}

/** /cx-me's "Show my mirror": the last round and the trend, read only when asked for. */
export async function showMine({ deps, actor }: Context, { respond }: ButtonArgs) {
  const overview = await deps.core.mirror.overview(actor);
  const timeZone = actor.member?.timezone ?? actor.workspace.timezone;
  const t = mirrorTexts(actor.language);
  const blocks = overview
    ? overviewMirrorBlocks(overview, actor.language, timeZone)
    : [{ type: "section" as const, text: { type: "mrkdwn" as const, text: slackText(t.notLeader) } }];
  await respond({ response_type: "ephemeral", replace_original: false, text: t.meSection, blocks });
}

export async function openShareForm({ actor }: Context, { action, body, client }: ButtonArgs) {
  const roundId = action.value ?? "";
  await client.views.open({
    trigger_id: body.trigger_id,
    view: withMeta(shareModal(roundId, actor.language), roundId, actor.language),
  });
}

type Sharing = { roundId: string; channel: string | null | undefined };

/** The share form: its round and the picked channel (the answer is in the clicker's language). */
export function readSharing(view: ViewOutput): FormReading<Sharing> {
  const channel = (view.state.values as Values).channel?.value?.selected_conversation;
  return { input: { roundId: formMeta(view.private_metadata).roundId, channel } };
}

export async function share({ deps, actor, reply }: Context, { roundId, channel }: Sharing) {
  const result = channel ? await deps.core.mirror.share({ actor, roundId, channel }) : "not-yours";
  await reply(mirrorShareText(result, actor.language));
}

/** The modal carries its round and the reader's language in private_metadata (JSON). */
function withMeta<V extends { private_metadata?: string }>(view: V, roundId: string, language: Language): V {
  return { ...view, private_metadata: JSON.stringify({ roundId, language }) };
}

/** /cx-mirror: start a round, name raters or channels, see the open round's status. */
export async function mirrorCommand(
  { deps, actor }: Context,
  { command, respond, client }: CommandArgs,
): Promise<void> {
  const mirror = deps.core.mirror;
  const language = actor.language;
  const t = mirrorTexts(language);
  const timeZone = actor.member?.timezone ?? actor.workspace.timezone;
  const words = command.text.trim().split(/\s+/).filter(Boolean);
  const verb = (words[0] ?? "").toLowerCase();
  if (verb === "help") return void (await respond(ephemeral(t.usage)));
  const check = (id: string) => checkSlackPerson(client, command.team_id, id);
  switch (verb) {
    case "start": {
      // The service refreshes a leader's name from this profile, so raters read the current one.
      const person = await deps.people.lookup(actor.userId).catch(() => null);
      const { isAdmin: _ignored, ...profile } = person ?? { isAdmin: false };
      const result = await mirror.start({
        actor,
        raters: mentionedUsers(command.text),
        check,
        ...(person ? { profile } : {}),
      });
      if (!result.ok) return void (await respond(ephemeral(refusalText(result, language, timeZone))));
      return void (await respond(ephemeral(t.started(result.invited, longDate(result.closesAt, language, timeZone)))));
    }
    case "raters": {
      const result = await mirror.setRaters({ actor, raters: mentionedUsers(command.text), check });
      return void (await respond(
        ephemeral(result.ok ? t.ratersSaved(result.count) : refusalText(result, language, timeZone)),
      ));
    }
    case "channels": {
      const result = await mirror.setChannels(actor, mentionedChannels(command.text));
      return void (await respond(ephemeral(result.ok ? t.channelsSaved(result.count) : t.notLeader)));
    }
    case "":
    case "status": {
      const status = await mirror.status(actor);
      if (!status.ok) return void (await respond(ephemeral(t.notLeader)));
      return void (await respond(
        ephemeral(status.open ? mirrorStatusText(status.open, language, timeZone) : t.noRound, t.usage),
      ));
    }
    default:
      return void (await respond(ephemeral(t.usage)));
  }
}
