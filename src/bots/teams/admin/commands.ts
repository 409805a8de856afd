// Admin text commands (leaders add/remove/list, schedule …, weekends, language, timezone,
// nudge-now, presence, dashboard …) and `help`. Parsing, permissions and execution live in the
// core; this file turns Teams input into core calls and replies.
import { type Mention, TeamsInfo, TurnContext } from "botbuilder";
import type { AdminCommand } from "../../../core/admin/commands.js";
import { parseAdminCommand } from "../../../core/admin/commands.js";
import type { AdminReply } from "../../../core/admin/service.js";
import { scheduleSummary } from "../../../core/admin/service.js";
import { dashboardTexts } from "../../../prompts/dashboardTexts.js";
import { mirrorTexts } from "../../../prompts/mirrorTexts.js";
import { presenceTexts } from "../../../prompts/presenceTexts.js";
import { suggestionTexts } from "../../../prompts/suggestionTexts.js";
import { texts } from "../../../prompts/texts.js";
import { vocabularyTexts } from "../../../prompts/vocabularyTexts.js";
import { nudgeNowDone, nudgeNowStart } from "../../../views/nudgeNow.js";
import { idsOf, type TeamsActor } from "../actor.js";
import { channelRefOf, isSharedConversation, mentionedChannels } from "../channels.js";
import { escapeMarkdown, inertCode, plainText, teamsText } from "../markdown.js";
import type { Command, Replies, TeamsDeps, Turn } from "../routes.js";

const ME_WORDS = new Set(["me", "mich", "myself"]);

/** People named in a leaders command: Teams mention entities, plus "me" for yourself. */
async function mentionedPeople(deps: TeamsDeps, context: TurnContext, actor: TeamsActor, words: string[]) {
  const names = new Map<string, string>();
  const mentions = (context.activity.entities ?? []).filter(
    (e): e is Mention & { type: string } => e.type === "mention",
  ) as unknown as Mention[];
  for (const mention of mentions) {
    const person = mention.mentioned as { id: string; name?: string; aadObjectId?: string } | undefined;
    // The bot itself and channel mentions ("19:…") are not people.
    if (!person?.id || person.id === context.activity.recipient?.id || person.id.startsWith("19:")) continue;
    // Prefer the AAD object id (how we key people); the roster knows it when the mention lacks it.
    const aadObjectId =
      person.aadObjectId ??
      (await TeamsInfo.getMember(context, person.id).then(
        (m) => m.aadObjectId,
        () => undefined,
      ));
    names.set(
      await deps.core.identity.personKey(actor.workspace, idsOf({ id: person.id, aadObjectId: aadObjectId ?? null })),
      person.name ?? "",
    );
  }
  if (words.slice(2).some((w) => ME_WORDS.has(w.toLowerCase())))
    names.set(actor.userId, actor.member.displayName ?? "");
  return names;
}

/** `help`, or an empty message: what everyone can type, plus the leader's and the admin's commands. */
export function helpCommand(turn: Turn, actor: TeamsActor): Promise<void> {
  return turn.reply.text(helpText(actor, actor.isAdmin));
}

/** Everything no other route claims: the core parses it as an admin command (or finds it unknown). */
export async function adminCommand(turn: Turn, actor: TeamsActor, command: Command): Promise<void> {
  const { deps, context, reply } = turn;
  const { core } = deps;
  const t = texts(actor.language);
  const { text, words, verb } = command;
  const help = helpText(actor, actor.isAdmin);

  const names = await mentionedPeople(deps, context, actor, words);
  // Channels: a channel @mention, else the team channel (or group chat) the command is typed in.
  const channelMentions = mentionedChannels(context.activity);
  const here = isSharedConversation(context.activity) ? channelRefOf(context.activity) : null;
  const channels = channelMentions.length ? channelMentions.map((c) => c.id) : here ? [here] : [];
  // "ask-schedule 1 10:00" names no channel in Teams: the one it is typed in stands where Slack has "#channel".
  const adminText =
    verb === "ask-schedule" && channelMentions.length === 0
      ? [words[0], "#here", ...words.slice(1)].join(" ")
      : // Terms are kept as typed: Teams sends "&" and quotes as HTML entities.
        verb === "presence"
        ? plainText(text)
        : text;
  const parsed = parseAdminCommand(adminText, [...names.keys()], channels);
  if (parsed.kind === "unknown") {
    return reply.text(`${teamsText(t.unknownAdminCommand(inertCode(text)))}\n\n${help}`);
  }
  const channelName = (ref: string) => {
    const mentioned = channelMentions.find((c) => c.id === ref)?.name || deps.channels.nameOf(ref);
    if (mentioned) return `"${escapeMarkdown(mentioned)}"`;
    return suggestionTexts(actor.language).teamsThisChannel(grammaticalCase(parsed));
  };

  const known = new Map((await core.identity.leaders(actor.workspace)).map((m) => [m.externalId, m.displayName ?? ""]));
  const nameOf = (externalId: string) => escapeMarkdown(names.get(externalId) || known.get(externalId) || externalId);
  // The core refuses anyone who is not an admin.
  const result = await core.admin.run(parsed, {
    actor,
    mention: nameOf,
    channel: channelName,
    literal: escapeMarkdown,
    profile: async (externalId) => (names.get(externalId) ? { displayName: names.get(externalId)! } : {}),
  });
  switch (result.kind) {
    case "refused":
      return reply.text(
        teamsText(result.reason === "not-viewer" ? dashboardTexts(actor.language).notViewer : t.notAdmin),
      );
    case "text":
      if (parsed.kind === "help") return reply.text(help);
      return reply.text(teamsText(teamsUsage(actor, verb, result.usage) ?? result.text));
    case "open-settings":
      // No settings form in Teams (yet): show the schedule and how to change it.
      return reply.text(teamsText(t.teamsSettings(scheduleSummary(result.workspace, actor.language))));
    case "nudge-now":
      return nudgeNow(deps, context, actor, result, reply);
    case "dashboard":
      return dashboardLink(actor, result, reply);
    case "digest-now":
      try {
        await result.start();
      } catch (error) {
        // No personal chat with this admin yet (or it was removed): ask them to open one.
        core.logger.warn({ reason: (error as Error).message }, "teams: digest preview not delivered");
        return reply.text(teamsText(t.teamsPersonalOnly));
      }
      // In the personal chat the preview card just arrived in this very chat: no second message saying so.
      if (actor.personal) return;
      return reply.text(teamsText(presenceTexts(actor.language).digestPreviewSent));
  }
}

/**
 * The personal one-time link the core permitted, made only in the personal chat: a team channel
 * is read by many, so there the person is asked to write to the bot directly.
 */
async function dashboardLink(
  actor: TeamsActor,
  result: AdminReply & { kind: "dashboard" },
  reply: Replies,
): Promise<void> {
  const dt = dashboardTexts(actor.language);
  if (!actor.personal) return reply.text(teamsText(dt.teamsOpenPersonal));
  const link = await result.issue();
  return reply.text(
    `${teamsText(dt.link("%LINK%", result.minutes))}`.replace("%LINK%", `[${dt.linkLabel}](${link.url})`),
  );
}

/** Usage hints that read differently in Teams (channels are where you type, not "#names"). */
function teamsUsage(actor: TeamsActor, verb: string, topic: (AdminReply & { kind: "text" })["usage"]): string | null {
  const st = suggestionTexts(actor.language);
  const pt = presenceTexts(actor.language);
  switch (topic) {
    case "presence":
      return pt.teamsPresenceUsage;
    case "ask-schedule":
      return st.teamsAskScheduleUsage;
    case "channel":
      return verb === "digest-channel" ? pt.teamsChannelUsage : st.teamsChannelUsage;
    default:
      return null;
  }
}

/** How "this channel" reads in the sentence the core answers with (German needs the case). */
function grammaticalCase(command: AdminCommand): "nom" | "acc" | "dat" {
  switch (command.kind) {
    case "suggestions-channel":
      return "dat";
    case "channel-exclude":
    case "channel-include":
    case "digest-channel-remove":
      return "nom";
    default:
      return "acc";
  }
}

/** `help`: what everyone can type, plus the leader's and the admin's commands. */
function helpText(actor: TeamsActor, admin: boolean): string {
  const t = texts(actor.language);
  const st = suggestionTexts(actor.language);
  const pt = presenceTexts(actor.language);
  const parts = [t.teamsHelp, st.teamsSuggestHint];
  if (admin || actor.member.isLeader) parts.push(st.teamsLeaderHint, mirrorTexts(actor.language).teamsHelpHint);
  if (admin)
    parts.push(
      t.teamsAdminHelp,
      st.teamsAdminHint,
      pt.teamsAdminHint,
      vocabularyTexts(actor.language).help,
      dashboardTexts(actor.language).help,
    );
  return teamsText(parts.join("\n\n"));
}

/** Ack first: say that it started, deliver in the background, report back proactively. */
async function nudgeNow(
  deps: TeamsDeps,
  context: TurnContext,
  actor: TeamsActor,
  permitted: AdminReply & { kind: "nudge-now" },
  reply: Replies,
): Promise<void> {
  const start = nudgeNowStart(permitted.leaders, actor.language);
  await reply.text(teamsText(start.text));
  if (start.kind === "none") return;
  const reference = TurnContext.getConversationReference(context.activity);
  deps.background(async () => {
    const report = await permitted.start();
    await deps.sayProactively(reference, teamsText(nudgeNowDone(report, actor.language)));
  }, "nudge-now");
}
