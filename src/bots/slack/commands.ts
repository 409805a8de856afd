// Slash commands: /cx-admin, /cx-checkin, /cx-me. Each acks at once, then works.
import type { App, RespondFn, SlashCommand } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { type AdminCommand, parseAdminCommand } from "../../core/admin/commands.js";
import { parseMeCommand } from "../../core/checkins/commands.js";
import { memberTimeZone } from "../../core/checkins/service.js";
import type { Member, Nudge } from "../../core/shared/model.js";
import { dashboardTexts } from "../../prompts/dashboardTexts.js";
import { presenceTexts } from "../../prompts/presenceTexts.js";
import { checkInRefusalText, texts } from "../../prompts/texts.js";
import { meView } from "../../views/me.js";
import { nudgeNowDone, nudgeNowStart } from "../../views/nudgeNow.js";
import { checkinModal, overviewBlocks, settingsModal, textBlocks } from "./blocks.js";
import { type Actor, afterAckWork, memberOf, type SlackDeps } from "./context.js";
import { showMirrorButton } from "./mirror/blocks.js"; // leader mirror (issue 12)
import {
  channelMention,
  escapeMrkdwn,
  mention,
  mentionedChannels,
  mentionedUsers,
  slackText,
  unescapeSlackText,
} from "./mrkdwn.js";

/** A private reply of our copy (neutral markup; names and user text already in Slack's syntax). */
export const ephemeral = (text: string, extra?: string) => ({
  response_type: "ephemeral" as const,
  text: slackText(text),
  blocks: textBlocks(text, extra),
});

export function registerCommands(app: App, deps: SlackDeps): void {
  app.command("/cx-admin", async ({ ack, command, respond, client }) => {
    await ack();
    await guarded(deps, command, respond, (actor) => adminCommand(deps, actor, command, respond, client));
  });

  app.command("/cx-checkin", async ({ ack, command, respond, client }) => {
    await ack();
    await guarded(
      deps,
      command,
      respond,
      (actor) => openCheckin(deps, actor, client, command.trigger_id, (text) => respond(ephemeral(text))),
      { create: true },
    );
  });

  app.command("/cx-me", async ({ ack, command, respond }) => {
    await ack();
    await guarded(deps, command, respond, (actor) => meCommand(deps, actor, command, respond), { create: true });
  });
}

/**
 * Runs a command body; any failure becomes a friendly reply instead of silence. `create`: the
 * body needs the person's member row, read-or-created with the actor in one statement.
 */
export async function guarded(
  deps: SlackDeps,
  command: SlashCommand,
  respond: RespondFn,
  body: (actor: Actor) => Promise<void>,
  options: { create?: boolean } = {},
) {
  await afterAckWork(
    deps,
    { teamId: command.team_id, userId: command.user_id, create: Boolean(options.create) },
    { log: { command: command.command }, message: "slash command failed", reply: (text) => respond(ephemeral(text)) },
    body,
  );
}

async function adminCommand(
  deps: SlackDeps,
  actor: Actor,
  command: SlashCommand,
  respond: RespondFn,
  client: WebClient,
) {
  const t = texts(actor.language);
  const parsed = withPlainTerms(
    parseAdminCommand(command.text, mentionedUsers(command.text), mentionedChannels(command.text)),
  );
  const reply = await deps.core.admin.run(parsed, {
    actor,
    mention,
    channel: channelMention,
    literal: escapeMrkdwn,
    profile: (userId) => deps.people.profile(userId),
  });
  switch (reply.kind) {
    case "refused":
      return void (await respond(
        ephemeral(reply.reason === "not-viewer" ? dashboardTexts(actor.language).notViewer : t.notAdmin),
      ));
    case "text":
      return void (await respond(ephemeral(reply.text, reply.withHelp ? t.adminHelp : undefined)));
    case "open-settings":
      return void (await client.views.open({
        trigger_id: command.trigger_id,
        view: settingsModal(reply.workspace, actor.language),
      }));
    case "dashboard": {
      // Ephemeral: the personal link is shown to the person who asked, and to no one else.
      const dt = dashboardTexts(actor.language);
      const link = await reply.issue();
      return void (await respond(ephemeral(dt.link(`<${link.url}|${dt.linkLabel}>`, reply.minutes))));
    }
    case "digest-now": {
      const sent = await reply.start();
      // Typed in the bot's own direct message, the preview just appeared right there: saying
      // "I sent you a preview as a direct message" under it would only repeat it.
      if (sent && sent.channelRef === command.channel_id) return;
      return void (await respond(ephemeral(presenceTexts(actor.language).digestPreviewSent)));
    }
    case "nudge-now": {
      const start = nudgeNowStart(reply.leaders, actor.language);
      await respond(ephemeral(start.text));
      if (start.kind === "none") return;
      const report = await reply.start();
      return void (await respond(ephemeral(nudgeNowDone(report, actor.language))));
    }
  }
}

/** Slack sends "&", "<" and ">" in command text as entities: a term is stored as the person typed it. */
function withPlainTerms(command: AdminCommand): AdminCommand {
  if (command.kind === "presence-terms-add" || command.kind === "presence-terms-remove")
    return { ...command, terms: command.terms.map(unescapeSlackText) };
  return command;
}

/**
 * The check-in form: for a given nudge its own week and questions, else what the core offers
 * now — or, when it offers nothing (not a leader), the reason through `refuse`.
 */
export async function openCheckin(
  deps: SlackDeps,
  actor: Actor,
  client: WebClient,
  triggerId: string,
  refuse: (text: string) => Promise<unknown>,
  nudge?: Nudge,
) {
  const member: Member = await memberOf(deps, actor);
  const chosen = nudge
    ? { ok: true as const, nudgeId: nudge.id, week: nudge.week, questions: nudge.questions }
    : await deps.core.nudges.checkInFor(member, actor.workspace);
  if (!chosen.ok) return void (await refuse(checkInRefusalText(texts(actor.language), chosen.reason)));
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

async function meCommand(deps: SlackDeps, actor: Actor, command: SlashCommand, respond: RespondFn) {
  const member: Member = await memberOf(deps, actor);
  const timeZone = memberTimeZone(member, actor.workspace);
  const outcome = await deps.core.checkins.me(member, actor.workspace, parseMeCommand(command.text), deps.core.clock());
  const view = meView(outcome, actor.language, timeZone);
  if (view.kind === "text") return void (await respond(ephemeral(view.text)));
  // Leader mirror (issue 12): a button to the last mirror, read on request (no statement more for /cx-me).
  await respond({
    response_type: "ephemeral",
    text: view.overview.title,
    blocks: [...overviewBlocks(view.overview, actor.language), showMirrorButton(actor.language)],
  });
}
