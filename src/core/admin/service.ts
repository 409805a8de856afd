// Executes admin commands and answers in the admin's language; refuses anyone who is not an
// admin (the Actor says who is). Platform specifics (how to mention someone, modals) stay in
// the doors.

import { dashboardTexts } from "../../prompts/dashboardTexts.js";
import { mirrorTexts } from "../../prompts/mirrorTexts.js";
import { presenceTexts } from "../../prompts/presenceTexts.js";
import { suggestionTexts } from "../../prompts/suggestionTexts.js";
import { texts } from "../../prompts/texts.js";
import { LISTED_TERMS, vocabularyTexts } from "../../prompts/vocabularyTexts.js";
import type { DeliveryReport, NudgeService } from "../checkins/nudges.js";
import type { DashboardAccess } from "../dashboard/access.js";
import type { WorkspaceStore } from "../identity/ports.js";
import type { Actor } from "../identity/service.js";
import { adoptLanguage } from "../identity/workspaceLanguage.js";
import type { MirrorService } from "../mirror/service.js";
import type { PresenceStore } from "../presence/ports.js";
import type { PresenceService } from "../presence/service.js";
import {
  MAX_TERM_LENGTH,
  MAX_TERMS_PER_COMMAND,
  MAX_WORKSPACE_TERMS,
  MIN_TERM_LENGTH,
  type TermsProblem,
  type VocabularyService,
} from "../presence/workspaceVocabulary.js";
import {
  isCadence,
  isLanguage,
  type Language,
  type Profile,
  type Workspace,
  type WorkspaceSettings,
} from "../shared/model.js";
import type { Clock, MessageRef } from "../shared/ports.js";
import { formatMinuteOfDay } from "../shared/time.js";
import type { SuggestionStore } from "../suggestions/ports.js";
import type { AdminCommand } from "./commands.js";

export interface AdminContext {
  actor: Actor;
  /** How to name a person in a reply on this platform (a mention in Slack, a name in Teams). */
  mention(externalId: string): string;
  /** Profile lookup for people about to become leaders (time zone, language, name). */
  profile(externalId: string): Promise<Profile>;
  /** How to name a channel in a reply; the raw reference when not given. */
  channel?(ref: string): string;
  /** Text a person typed (a term), made literal for this platform's markup; unchanged when not given. */
  literal?(text: string): string;
}

type UsageTopic = (AdminCommand & { kind: "usage" })["topic"];

/**
 * What the door shows. The work that takes a while (nudge-now, digest-now) comes as `start`,
 * already permitted, so the door can answer first and run it after.
 */
export type AdminReply =
  | { kind: "text"; text: string; withHelp?: boolean; usage?: UsageTopic }
  /** not-admin: the command is for admins; not-viewer: `dashboard`, asked by someone neither admin nor viewer. */
  | { kind: "refused"; reason: "not-admin" | "not-viewer" }
  /** `workspace` as it is now (a first configuration may just have given it a language). */
  | { kind: "open-settings"; workspace: Workspace }
  | { kind: "nudge-now"; leaders: number; start(): Promise<DeliveryReport> }
  /** `start` tells where the preview went (the admin's direct message), where the platform says. */
  | { kind: "digest-now"; start(): Promise<MessageRef | void> }
  /** Permitted: `issue()` makes the asker's personal one-time link, valid `minutes`; the door shows it privately. */
  | { kind: "dashboard"; minutes: number; issue(): Promise<{ url: string; expiresAt: Date }> };

/** The settings form's fields, as the door read them; anything invalid is left as it was. */
export interface SettingsInput {
  cadence?: unknown;
  weekday?: number;
  minute?: number | null;
  language?: unknown;
  includeWeekends: boolean;
}

export type SettingsResult = { ok: true; workspace: Workspace; summary: string } | { ok: false; reason: "not-admin" };

function digestWhen(workspace: Pick<Workspace, "digestWeekday" | "digestMinute">, language: Language): string {
  return presenceTexts(language).digestWhen(
    texts(language).weekdays[workspace.digestWeekday - 1] ?? "",
    formatMinuteOfDay(workspace.digestMinute),
  );
}

export function scheduleSummary(
  workspace: Pick<WorkspaceSettings, "cadence" | "weekday" | "nudgeMinute" | "includeWeekends">,
  language: Language,
): string {
  const t = texts(language);
  const cadence = { weekly: t.cadenceWeekly, workdays: t.cadenceWorkdays, "weekly-all": t.cadenceWeeklyAll }[
    workspace.cadence
  ];
  const day = workspace.cadence === "workdays" ? "" : (t.weekdays[workspace.weekday - 1] ?? "");
  return t.scheduleSummary(cadence, day, formatMinuteOfDay(workspace.nudgeMinute), workspace.includeWeekends);
}

export class AdminService {
  constructor(
    private readonly deps: {
      workspaces: WorkspaceStore;
      nudges: NudgeService;
      suggestions: SuggestionStore;
      presence: PresenceService;
      presenceStore: PresenceStore;
      vocabulary: VocabularyService;
      mirror: Pick<MirrorService, "setSchedule">;
      clock: Clock;
      /** Whether an LLM classifier is configured at all (OPENAI_API_KEY). */
      llmAvailable: boolean;
      dashboard: DashboardAccess;
    },
  ) {}

  /** The settings form (Slack): saved for admins only. */
  async saveSettings(actor: Actor, input: SettingsInput): Promise<SettingsResult> {
    if (!actor.isAdmin) return { ok: false, reason: "not-admin" };
    const { weekday, minute, cadence, language } = input;
    const updated = await this.deps.workspaces.updateWorkspace(actor.workspace.id, {
      includeWeekends: input.includeWeekends,
      ...(isCadence(cadence) ? { cadence } : {}),
      ...(weekday !== undefined && weekday >= 1 && weekday <= 7 ? { weekday } : {}),
      ...(minute !== undefined && minute !== null ? { nudgeMinute: minute } : {}),
      ...(isLanguage(language) ? { language, languageChosen: true } : {}),
    });
    return { ok: true, workspace: updated, summary: scheduleSummary(updated, updated.language) };
  }

  async run(command: AdminCommand, ctx: AdminContext): Promise<AdminReply> {
    const { actor } = ctx;
    // Viewers may ask for the dashboard, and for nothing else here.
    if (command.kind === "dashboard") {
      const link = await this.deps.dashboard.linkFor(actor);
      return link.ok
        ? { kind: "dashboard", minutes: link.minutes, issue: link.issue }
        : { kind: "refused", reason: link.reason };
    }
    if (!actor.isAdmin) return { kind: "refused", reason: "not-admin" };
    const t = texts(actor.language);
    const st = suggestionTexts(actor.language);
    const channel = (ref: string) => ctx.channel?.(ref) ?? ref;
    const { workspaces: store, suggestions, presence, presenceStore, nudges } = this.deps;
    const pt = presenceTexts(actor.language);
    // The first admin to configure a new workspace gives it their language (profile locale).
    const workspace = await adoptLanguage(store, actor.workspace, actor.ownLanguage);
    switch (command.kind) {
      case "help":
        return { kind: "text", text: t.adminHelp };
      case "unknown":
        return { kind: "text", text: t.unknownAdminCommand(command.text), withHelp: true };
      case "usage": {
        const usage = {
          mentions: t.mentionUsage,
          schedule: t.scheduleUsage,
          language: t.languageUsage,
          timezone: t.timezoneUsage,
          weekends: t.weekendsUsage,
          reminders: t.remindersUsage,
          channel: st.channelUsage,
          "ask-schedule": st.askScheduleUsage,
          presence: pt.presenceUsage,
          "digest-time": pt.digestTimeUsage,
          industry: vocabularyTexts(ctx.actor.language).industryUsage,
          terms: vocabularyTexts(ctx.actor.language).termsUsage,
          mirror: mirrorTexts(ctx.actor.language).scheduleUsage,
        }[command.topic];
        return { kind: "text", text: usage, usage: command.topic };
      }
      case "leaders-add": {
        const now = this.deps.clock();
        for (const externalId of command.people) {
          const member = await store.ensureMember(workspace.id, externalId, await ctx.profile(externalId));
          if (!member.isLeader) await store.updateMember(member.id, { isLeader: true, leaderSince: now });
        }
        return { kind: "text", text: t.leadersAdded(command.people.map(ctx.mention).join(", ")) };
      }
      case "leaders-remove": {
        for (const externalId of command.people) {
          const member = await store.findMember(workspace.id, externalId);
          if (member?.isLeader) await store.updateMember(member.id, { isLeader: false, leaderSince: null });
        }
        return { kind: "text", text: t.leadersRemoved(command.people.map(ctx.mention).join(", ")) };
      }
      case "leaders-list": {
        const leaders = await store.listLeaders(workspace.id);
        if (leaders.length === 0) return { kind: "text", text: t.noLeaders };
        return {
          kind: "text",
          text: t.leadersList(leaders.map((l) => ctx.mention(l.externalId)).join(", "), leaders.length),
        };
      }
      case "admins-add":
      case "admins-remove": {
        const current = new Set(workspace.admins);
        for (const person of command.people) {
          if (command.kind === "admins-add") current.add(person);
          else current.delete(person);
        }
        await store.updateWorkspace(workspace.id, { admins: [...current] });
        const names = command.people.map(ctx.mention).join(", ");
        return { kind: "text", text: command.kind === "admins-add" ? t.adminsAdded(names) : t.adminsRemoved(names) };
      }
      case "viewers-add":
      case "viewers-remove": {
        const dt = dashboardTexts(actor.language);
        const names = command.people.map(ctx.mention).join(", ");
        if (command.kind === "viewers-add") await this.deps.dashboard.addViewers(workspace.id, command.people);
        else await this.deps.dashboard.removeViewers(workspace.id, command.people);
        return {
          kind: "text",
          text: command.kind === "viewers-add" ? dt.viewersAdded(names) : dt.viewersRemoved(names),
        };
      }
      case "viewers-list": {
        const dt = dashboardTexts(actor.language);
        const viewers = await this.deps.dashboard.viewers(workspace.id);
        return {
          kind: "text",
          text: viewers.length ? dt.viewersList(viewers.map(ctx.mention).join(", "), viewers.length) : dt.noViewers,
        };
      }
      case "admins-list":
        return {
          kind: "text",
          text: workspace.admins.length ? t.adminsList(workspace.admins.map(ctx.mention).join(", ")) : t.noAdmins,
        };
      case "schedule": {
        const updated = await store.updateWorkspace(workspace.id, {
          cadence: command.cadence,
          ...(command.weekday !== undefined ? { weekday: command.weekday } : {}),
          ...(command.minute !== undefined ? { nudgeMinute: command.minute } : {}),
        });
        return { kind: "text", text: t.scheduleSaved(scheduleSummary(updated, actor.language)) };
      }
      case "weekends": {
        const updated = await store.updateWorkspace(workspace.id, { includeWeekends: command.on });
        return { kind: "text", text: t.scheduleSaved(scheduleSummary(updated, actor.language)) };
      }
      case "reminders":
        await store.updateWorkspace(workspace.id, { reminders: command.on });
        return { kind: "text", text: command.on ? t.remindersOn : t.remindersOff };
      case "language":
        await store.updateWorkspace(workspace.id, { language: command.language, languageChosen: true });
        return { kind: "text", text: texts(command.language).languageSaved };
      case "timezone":
        await store.updateWorkspace(workspace.id, { timezone: command.timezone });
        return { kind: "text", text: t.timezoneSaved(command.timezone) };
      case "suggestions-channel":
        await store.updateWorkspace(workspace.id, { suggestionsChannel: command.channel });
        return { kind: "text", text: st.channelSaved(channel(command.channel)) };
      case "ask-schedule":
        await suggestions.upsertAskSchedule(workspace.id, command.channel, command.dayOfMonth, command.minute);
        return {
          kind: "text",
          text: st.askScheduleSaved(channel(command.channel), command.dayOfMonth, formatMinuteOfDay(command.minute)),
        };
      case "ask-schedule-off":
        await suggestions.deleteAskSchedule(workspace.id, command.channel);
        return { kind: "text", text: st.askScheduleRemoved(channel(command.channel)) };
      case "channel-exclude":
        return {
          kind: "text",
          text: pt.excluded(channel(command.channel), await presence.exclude(workspace, command.channel)),
        };
      case "channel-include":
        await presence.include(workspace, command.channel);
        return { kind: "text", text: pt.included(channel(command.channel)) };
      case "digest-channel":
        await presenceStore.addDigestTarget(workspace.id, command.channel);
        return {
          kind: "text",
          text: pt.digestChannelAdded(channel(command.channel), digestWhen(workspace, actor.language)),
        };
      case "digest-channel-remove":
        await presenceStore.removeDigestTarget(workspace.id, command.channel);
        return { kind: "text", text: pt.digestChannelRemoved(channel(command.channel)) };
      case "digest-time": {
        const updated = await store.updateWorkspace(workspace.id, {
          digestWeekday: command.weekday,
          digestMinute: command.minute,
        });
        return { kind: "text", text: pt.digestTimeSaved(digestWhen(updated, actor.language)) };
      }
      case "digest-now":
        return { kind: "digest-now", start: () => presence.preview(workspace, actor.userId, actor.language) };
      case "presence-llm":
        if (command.on && !this.deps.llmAvailable) return { kind: "text", text: pt.llmNotConfigured };
        await store.updateWorkspace(workspace.id, { presenceLlm: command.on });
        return { kind: "text", text: command.on ? pt.llmOn : pt.llmOff };
      case "presence-industry":
      case "presence-industry-unknown":
      case "presence-terms-add":
      case "presence-terms-remove":
      case "presence-terms-list":
      case "presence-terms-invalid":
        return { kind: "text", text: await this.vocabularyCommand(command, ctx) };
      case "mirror-schedule":
        await this.deps.mirror.setSchedule(workspace, command.cadence);
        return { kind: "text", text: mirrorTexts(actor.language).scheduleSet(command.cadence === "quarterly") };
      case "settings":
        return { kind: "open-settings", workspace };
      case "nudge-now": {
        const leaders = await store.listLeaders(workspace.id);
        return { kind: "nudge-now", leaders: leaders.length, start: async () => nudges.nudgeNow(workspace) };
      }
    }
  }

  /** `/cx-admin presence industry …` and `presence terms …`: the workspace's customer vocabulary. */
  private async vocabularyCommand(
    command: Extract<AdminCommand, { kind: `presence-industry${string}` | `presence-terms-${string}` }>,
    ctx: AdminContext,
  ): Promise<string> {
    const vt = vocabularyTexts(ctx.actor.language);
    const literal = (text: string) => ctx.literal?.(text) ?? text;
    const literals = (terms: string[]) => terms.map(literal);
    const { vocabulary } = this.deps;
    const workspaceId = ctx.actor.workspace.id;
    switch (command.kind) {
      case "presence-industry":
        await vocabulary.setIndustry(workspaceId, command.industry);
        return command.industry ? vt.industrySet(command.industry) : vt.industryCleared;
      case "presence-industry-unknown":
        return vt.industryUnknown(literal(command.name.slice(0, 40)));
      case "presence-terms-invalid":
        return command.problem === "empty" ? vt.termsEmpty(command.verb) : vt.termsUnclosedQuote;
      case "presence-terms-list": {
        const current = await vocabulary.get(workspaceId);
        const shown = [...current.terms].sort((a, b) => a.localeCompare(b, ctx.actor.language)).slice(0, LISTED_TERMS);
        return vt.vocabularyList(current.industry, literals(shown), current.terms.length);
      }
      case "presence-terms-add": {
        const outcome = await vocabulary.addTerms(workspaceId, command.terms);
        if (!outcome.ok) return this.termsProblem(outcome.problem, ctx);
        const { change } = outcome;
        return vt.termsAdded(literals(change.changed), literals(change.unchanged), change.vocabulary.terms.length);
      }
      case "presence-terms-remove": {
        const outcome = await vocabulary.removeTerms(workspaceId, command.terms);
        if (!outcome.ok) return this.termsProblem(outcome.problem, ctx);
        const { change } = outcome;
        return vt.termsRemoved(literals(change.changed), literals(change.unchanged), change.vocabulary.terms.length);
      }
    }
  }

  private termsProblem(problem: TermsProblem, ctx: AdminContext): string {
    const vt = vocabularyTexts(ctx.actor.language);
    const literal = (text: string) => ctx.literal?.(text) ?? text;
    switch (problem.kind) {
      case "empty":
        return vt.termsEmpty("add");
      case "unclosed-quote":
        return vt.termsUnclosedQuote;
      case "too-many-in-command":
        return vt.termsTooManyInCommand(problem.count, MAX_TERMS_PER_COMMAND);
      case "too-long":
        return vt.termTooLong(literal(problem.term.slice(0, 40)), MAX_TERM_LENGTH);
      case "too-short":
        return vt.termTooShort(literal(problem.term), MIN_TERM_LENGTH);
      case "no-letters":
        return vt.termNoLetters(literal(problem.term.slice(0, 40)));
      case "workspace-full":
        return vt.termsFull(problem.current, problem.adding, MAX_WORKSPACE_TERMS);
    }
  }
}
