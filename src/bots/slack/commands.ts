// Slash commands: /cx-admin, /cx-checkin, /cx-me. Each acks at once, then works.
import type { App, RespondFn, SlashCommand } from "@slack/bolt";
import { parseAdminCommand, parseMeCommand } from "../../core/commands.js";
import { memberTimeZone } from "../../core/checkins.js";
import type { Nudge } from "../../core/model.js";
import { checkInRefusalText, texts } from "../../prompts/texts.js";
import { presenceTexts } from "../../prompts/presenceTexts.js";
import { checkinModal, overviewBlocks, settingsModal, textBlocks } from "./blocks.js";
import { afterAckWork, isAdmin, memberOf, type Actor, type SlackDeps } from "./context.js";
import { longDate } from "../../prompts/format.js";
import { channelMention, mention, mentionedChannels, mentionedUsers } from "./mrkdwn.js";
import type { WebClient } from "@slack/web-api";

import { mirrorAdminText } from "./mirror/admin.js"; // leader mirror (issue 12)
import { overviewMirrorBlocks } from "./mirror/blocks.js"; // leader mirror (issue 12)

export const ephemeral = (text: string, extra?: string) => ({ response_type: "ephemeral" as const, text, blocks: textBlocks(text, extra) });

export function registerCommands(app: App, deps: SlackDeps): void {
  app.command("/cx-admin", async ({ ack, command, respond, client }) => {
    await ack();
    await guarded(deps, command, respond, (actor) => adminCommand(deps, actor, command, respond, client));
  });

  app.command("/cx-checkin", async ({ ack, command, respond, client }) => {
    await ack();
    await guarded(deps, command, respond, (actor) => openCheckin(deps, actor, client, command.trigger_id, (text) => respond(ephemeral(text))));
  });

  app.command("/cx-me", async ({ ack, command, respond }) => {
    await ack();
    await guarded(deps, command, respond, (actor) => meCommand(deps, actor, command, respond));
  });
}

/** Runs a command body; any failure becomes a friendly reply instead of silence. */
export async function guarded(deps: SlackDeps, command: SlashCommand, respond: RespondFn, body: (actor: Actor) => Promise<void>) {
  await afterAckWork(
    deps,
    { teamId: command.team_id, userId: command.user_id },
    { log: { command: command.command }, message: "slash command failed", reply: (text) => respond(ephemeral(text)) },
    body,
  );
}

async function adminCommand(deps: SlackDeps, actor: Actor, command: SlashCommand, respond: RespondFn, client: WebClient) {
  const t = texts(actor.language);
  if (!isAdmin(deps, actor)) return void (await respond(ephemeral(t.notAdmin)));
  // Leader mirror (issue 12): `/cx-admin mirror schedule quarterly|off`.
  if (/^mirror\b/i.test(command.text.trim())) return void (await respond(ephemeral(await mirrorAdminText(deps, actor, command.text))));
  const parsed = parseAdminCommand(command.text, mentionedUsers(command.text), mentionedChannels(command.text));
  const reply = await deps.core.admin.run(parsed, {
    workspace: actor.workspace,
    language: actor.language,
    mention,
    channel: channelMention,
    profile: (userId) => deps.people.profile(userId),
  });
  switch (reply.kind) {
    case "text":
      return void (await respond(ephemeral(reply.text, reply.withHelp ? t.adminHelp : undefined)));
    case "open-settings":
      return void (await client.views.open({ trigger_id: command.trigger_id, view: settingsModal(actor.workspace, actor.language) }));
    case "digest-now":
      await deps.core.presence.preview(actor.workspace, actor.userId, actor.language);
      return void (await respond(ephemeral(presenceTexts(actor.language).digestPreviewSent)));
    case "nudge-now": {
      const leaders = await deps.core.store.listLeaders(actor.workspace.id);
      if (leaders.length === 0) return void (await respond(ephemeral(t.nudgeNowNone)));
      await respond(ephemeral(t.nudgeNowStarted(leaders.length)));
      const report = await deps.core.nudges.nudgeNow(actor.workspace);
      return void (await respond(ephemeral(t.nudgeNowDone(report.sent, report.retrying + report.failed))));
    }
  }
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
  const member = await memberOf(deps, actor);
  const chosen = nudge ? { ok: true as const, nudgeId: nudge.id, week: nudge.week, questions: nudge.questions } : await deps.core.nudges.checkInFor(member, actor.workspace);
  if (!chosen.ok) return void (await refuse(checkInRefusalText(texts(actor.language), chosen.reason)));
  const answers = await deps.core.checkins.answersFor(member, chosen.week);
  const ratings = Object.fromEntries(answers.map((a) => [a.question, a.rating]));
  const reflections = Object.fromEntries(answers.filter((a) => a.reflection).map((a) => [a.question, a.reflection!]));
  const view = checkinModal({ language: actor.language, nudgeId: chosen.nudgeId, questions: chosen.questions, ratings, reflections, title: nudge ? "reflection" : "checkin" });
  await client.views.open({ trigger_id: triggerId, view });
}

async function meCommand(deps: SlackDeps, actor: Actor, command: SlashCommand, respond: RespondFn) {
  const t = texts(actor.language);
  const member = await memberOf(deps, actor);
  const timeZone = memberTimeZone(member, actor.workspace);
  const outcome = await deps.core.checkins.me(member, actor.workspace, parseMeCommand(command.text), deps.core.clock());
  switch (outcome.kind) {
    case "usage":
      return void (await respond(ephemeral(t.pauseUsage)));
    case "resumed":
      return void (await respond(ephemeral(t.resumed)));
    case "not-leader":
      return void (await respond(ephemeral(t.notALeader)));
    case "paused":
      return void (await respond(ephemeral(t.paused(longDate(outcome.until, actor.language, timeZone)))));
    case "overview": {
      const paused = outcome.pausedUntil && longDate(outcome.pausedUntil, actor.language, timeZone);
      // Leader mirror (issue 12): the last mirror and its trend below the check-in overview.
      const mirror = overviewMirrorBlocks(await deps.core.mirror.overview(actor.workspace, member), actor.language, timeZone);
      return void (await respond({ response_type: "ephemeral", text: t.meTitle, blocks: [...overviewBlocks(outcome.overview, actor.language, paused), { type: "divider" }, ...mirror] }));
    }
  }
}
