// The leader mirror in Slack (issue 12): /cx-mirror, the self-rating and answer forms, sharing.
// Handlers ack first and call the MirrorService, which owns every rule. The raters' path never
// creates a member row and logs nothing about the person: the platform tells us who submits,
// the service spends their invitation, and that is the only place the two meet.
import type {
  App,
  BlockAction,
  ButtonAction,
  RespondFn,
  SlashCommand,
  ViewStateValue,
  ViewSubmitAction,
} from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { PersonCheck, StartRefusal } from "../../../core/mirror/service.js";
import { isLanguage, type Language, languageFromLocale } from "../../../core/shared/model.js";
import { QUESTION_KEYS, type QuestionKey } from "../../../core/shared/questions.js";
import { longDate } from "../../../prompts/format.js";
import { mirrorRefusalText, mirrorTexts } from "../../../prompts/mirrorTexts.js";
import { texts } from "../../../prompts/texts.js";
import { ephemeral, guarded } from "../commands.js";
import { type Actor, resolveActor, type SlackDeps } from "../context.js";
import { mention, mentionedChannels, mentionedUsers, slackText } from "../mrkdwn.js";
import {
  answerModal,
  MIRROR_ACTION,
  MIRROR_CALLBACK,
  overviewMirrorBlocks,
  selfRatingModal,
  shareModal,
  statusText,
} from "./blocks.js";

type ButtonBody = BlockAction<ButtonAction>;
type Values = Record<string, Record<string, ViewStateValue>>;

/** Whether a named person can be asked: in this workspace, not a bot, still here. */
export async function checkSlackPerson(client: WebClient, teamId: string, userId: string): Promise<PersonCheck> {
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

export function refusalText(refusal: StartRefusal, language: Language, timeZone: string): string {
  return mirrorRefusalText(refusal, language, {
    person: mention,
    openRound: (status) => statusText(status, language, timeZone),
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

export function registerMirrorListeners(app: App, deps: SlackDeps): void {
  const { core } = deps;
  const mirror = core.mirror;

  app.command("/cx-mirror", async ({ ack, command, respond, client }) => {
    await ack();
    await guarded(deps, command, respond, (actor) => mirrorCommand(deps, actor, command, respond, client));
  });

  app.action<ButtonBody>(MIRROR_ACTION.openSelf, async ({ ack, body, action, client }) => {
    await ack();
    await afterAck(deps, client, body.user.id, async (language) => {
      await client.views.open({
        trigger_id: body.trigger_id,
        view: withMeta(selfRatingModal(action.value ?? "", language), action.value ?? "", language),
      });
    });
  });

  app.action<ButtonBody>(MIRROR_ACTION.openAnswer, async ({ ack, body, action, client, respond }) => {
    await ack();
    const workspaceId = body.team?.id ?? body.user.team_id ?? "";
    await afterAck(deps, client, body.user.id, async (language) => {
      // A rater's path never creates a member row: the actor is resolved without `create`.
      const actor = await resolveActor(deps, workspaceId, body.user.id);
      const form = await mirror.answerForm(actor, action.value ?? "");
      const t = mirrorTexts(language);
      if (!form.ok) {
        const text = form.reason === "closed" ? t.roundOver : form.reason === "already" ? t.already : t.notInvited;
        return void (await respond({ response_type: "ephemeral", replace_original: false, text }));
      }
      await client.views.open({
        trigger_id: body.trigger_id,
        view: withMeta(
          answerModal(form.view.roundId, form.view.leaderName, form.view.language),
          form.view.roundId,
          form.view.language,
        ),
      });
    });
  });

  app.view<ViewSubmitAction>(MIRROR_CALLBACK.answer, async ({ ack, body, view, client }) => {
    const meta = formMeta(view.private_metadata);
    const values = view.state.values as Values;
    const errors = missing(values, meta.language);
    if (Object.keys(errors).length) return void (await ack({ response_action: "errors", errors }));
    await ack();
    const teamId = body.team?.id ?? body.user.team_id ?? "";
    await afterAck(deps, client, body.user.id, async () => {
      const actor = await resolveActor(deps, teamId, body.user.id);
      const result = await mirror.answer({ actor, roundId: meta.roundId, answers: answersOf(values) });
      const t = mirrorTexts(meta.language);
      const text = {
        ok: t.thanks,
        already: t.already,
        "not-invited": t.notInvited,
        closed: t.roundOver,
        incomplete: t.incomplete,
      }[result];
      await client.chat.postMessage({ channel: body.user.id, text });
    });
  });

  app.view<ViewSubmitAction>(MIRROR_CALLBACK.self, async ({ ack, body, view, client }) => {
    const meta = formMeta(view.private_metadata);
    const values = view.state.values as Values;
    const errors = missing(values, meta.language);
    if (Object.keys(errors).length) return void (await ack({ response_action: "errors", errors }));
    await ack();
    const teamId = body.team?.id ?? body.user.team_id ?? "";
    await afterAck(deps, client, body.user.id, async () => {
      const actor = await resolveActor(deps, teamId, body.user.id);
      const t = mirrorTexts(meta.language);
      const result = await mirror.selfRate(actor, meta.roundId, answersOf(values));
      const text = { ok: t.selfSaved, "not-yours": t.notYours, closed: t.roundOver, incomplete: t.selfIncomplete }[
        result
      ];
      await client.chat.postMessage({ channel: body.user.id, text });
    });
  });

  // /cx-me's "Show my mirror": the last round and the trend, read only when asked for.
  app.action<ButtonBody>(MIRROR_ACTION.showMine, async ({ ack, body, respond, client }) => {
    await ack();
    const teamId = body.team?.id ?? body.user.team_id ?? "";
    await afterAck(deps, client, body.user.id, async () => {
      const actor = await resolveActor(deps, teamId, body.user.id);
      const overview = await mirror.overview(actor);
      const timeZone = actor.member?.timezone ?? actor.workspace.timezone;
      const t = mirrorTexts(actor.language);
      const blocks = overview
        ? overviewMirrorBlocks(overview, actor.language, timeZone)
        : [{ type: "section" as const, text: { type: "mrkdwn" as const, text: slackText(t.notLeader) } }];
      await respond({ response_type: "ephemeral", replace_original: false, text: t.meSection, blocks });
    });
  });

  app.action<ButtonBody>(MIRROR_ACTION.openShare, async ({ ack, body, action, client }) => {
    await ack();
    await afterAck(deps, client, body.user.id, async (language) => {
      await client.views.open({
        trigger_id: body.trigger_id,
        view: withMeta(shareModal(action.value ?? "", language), action.value ?? "", language),
      });
    });
  });

  app.view<ViewSubmitAction>(MIRROR_CALLBACK.share, async ({ ack, body, view, client }) => {
    const meta = formMeta(view.private_metadata);
    const channel = (view.state.values as Values).channel?.value?.selected_conversation;
    await ack();
    const teamId = body.team?.id ?? body.user.team_id ?? "";
    await afterAck(deps, client, body.user.id, async () => {
      const actor = await resolveActor(deps, teamId, body.user.id);
      const t = mirrorTexts(meta.language);
      const result = channel ? await mirror.share({ actor, roundId: meta.roundId, channel }) : "not-yours";
      await client.chat.postMessage({
        channel: body.user.id,
        text: { ok: t.shareDone, "not-yours": t.notYours, nothing: t.shareNothing }[result],
      });
    });
  });
}

/** The modal carries its round and the reader's language in private_metadata (JSON). */
function withMeta<V extends { private_metadata?: string }>(view: V, roundId: string, language: Language): V {
  return { ...view, private_metadata: JSON.stringify({ roundId, language }) };
}

/**
 * Work after an interaction's ack, in the person's language where we know it; a failure is
 * logged without any payload or person and answered with a friendly DM.
 */
async function afterAck(
  deps: SlackDeps,
  client: WebClient,
  userId: string,
  work: (language: Language) => Promise<void>,
): Promise<void> {
  let language: Language = deps.core.defaults.language;
  try {
    await deps.afterAck.run(async () => {
      const person = await deps.people.lookup(userId).catch(() => null);
      language = person?.language ?? language;
      await work(language);
    });
  } catch (error) {
    deps.core.logger.error({ feature: "mirror", reason: (error as Error).message }, "a mirror interaction failed");
    await client.chat.postMessage({ channel: userId, text: texts(language).genericError }).catch(() => undefined);
  }
}

async function mirrorCommand(
  deps: SlackDeps,
  actor: Actor,
  command: SlashCommand,
  respond: RespondFn,
  client: WebClient,
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
        ephemeral(status.open ? statusText(status.open, language, timeZone) : t.noRound, t.usage),
      ));
    }
    default:
      return void (await respond(ephemeral(t.usage)));
  }
}
