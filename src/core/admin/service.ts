// Executes admin commands and answers in the admin's language; refuses anyone who is not an
// admin (the Actor says who is). Platform specifics (how to mention someone, modals) stay in
// the doors.
import type { AdminCommand } from "./commands.js";
import { isCadence, isLanguage, type Language, type Profile, type Workspace, type WorkspaceSettings } from "../shared/model.js";
import type { Clock } from "../shared/ports.js";
import type { WorkspaceStore } from "../identity/ports.js";
import type { Actor } from "../identity/service.js";
import type { DeliveryReport, NudgeService } from "../checkins/nudges.js";
import type { SuggestionStore } from "../suggestions/ports.js";
import { texts } from "../../prompts/texts.js";
import { suggestionTexts } from "../../prompts/suggestionTexts.js";
import { presenceTexts } from "../../prompts/presenceTexts.js";
import type { PresenceService } from "../presence/service.js";
import type { PresenceStore } from "../presence/ports.js";
import { formatMinuteOfDay } from "../shared/time.js";

export interface AdminContext {
  actor: Actor;
  /** How to name a person in a reply on this platform (a mention in Slack, a name in Teams). */
  mention(externalId: string): string;
  /** Profile lookup for people about to become leaders (time zone, language, name). */
  profile(externalId: string): Promise<Profile>;
  /** How to name a channel in a reply; the raw reference when not given. */
  channel?(ref: string): string;
}

type UsageTopic = (AdminCommand & { kind: "usage" })["topic"];

/**
 * What the door shows. The work that takes a while (nudge-now, digest-now) comes as `start`,
 * already permitted, so the door can answer first and run it after.
 */
export type AdminReply =
  | { kind: "text"; text: string; withHelp?: boolean; usage?: UsageTopic }
  | { kind: "refused"; reason: "not-admin" }
  | { kind: "open-settings" }
  | { kind: "nudge-now"; leaders: number; start(): Promise<DeliveryReport> }
  | { kind: "digest-now"; start(): Promise<void> };

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
  return presenceTexts(language).digestWhen(texts(language).weekdays[workspace.digestWeekday - 1] ?? "", formatMinuteOfDay(workspace.digestMinute));
}

export function scheduleSummary(workspace: Pick<WorkspaceSettings, "cadence" | "weekday" | "nudgeMinute" | "includeWeekends">, language: Language): string {
  const t = texts(language);
  const cadence = { weekly: t.cadenceWeekly, workdays: t.cadenceWorkdays, "weekly-all": t.cadenceWeeklyAll }[workspace.cadence];
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
      clock: Clock;
      /** Whether an LLM classifier is configured at all (OPENAI_API_KEY). */
      llmAvailable: boolean;
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
      ...(isLanguage(language) ? { language } : {}),
    });
    return { ok: true, workspace: updated, summary: scheduleSummary(updated, updated.language) };
  }

  async run(command: AdminCommand, ctx: AdminContext): Promise<AdminReply> {
    const { actor } = ctx;
    if (!actor.isAdmin) return { kind: "refused", reason: "not-admin" };
    const t = texts(actor.language);
    const st = suggestionTexts(actor.language);
    const channel = (ref: string) => ctx.channel?.(ref) ?? ref;
    const { workspaces: store, suggestions, presence, presenceStore, nudges } = this.deps;
    const pt = presenceTexts(actor.language);
    const { workspace } = actor;
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
          channel: st.channelUsage,
          "ask-schedule": st.askScheduleUsage,
          presence: pt.presenceUsage,
          "digest-time": pt.digestTimeUsage,
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
        return { kind: "text", text: t.leadersList(leaders.map((l) => ctx.mention(l.externalId)).join(", "), leaders.length) };
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
      case "admins-list":
        return { kind: "text", text: workspace.admins.length ? t.adminsList(workspace.admins.map(ctx.mention).join(", ")) : t.noAdmins };
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
      case "language":
        await store.updateWorkspace(workspace.id, { language: command.language });
        return { kind: "text", text: texts(command.language).languageSaved };
      case "timezone":
        await store.updateWorkspace(workspace.id, { timezone: command.timezone });
        return { kind: "text", text: t.timezoneSaved(command.timezone) };
      case "suggestions-channel":
        await store.updateWorkspace(workspace.id, { suggestionsChannel: command.channel });
        return { kind: "text", text: st.channelSaved(channel(command.channel)) };
      case "ask-schedule":
        await suggestions.upsertAskSchedule(workspace.id, command.channel, command.dayOfMonth, command.minute);
        return { kind: "text", text: st.askScheduleSaved(channel(command.channel), command.dayOfMonth, formatMinuteOfDay(command.minute)) };
      case "ask-schedule-off":
        await suggestions.deleteAskSchedule(workspace.id, command.channel);
        return { kind: "text", text: st.askScheduleRemoved(channel(command.channel)) };
      case "channel-exclude":
        return { kind: "text", text: pt.excluded(channel(command.channel), await presence.exclude(workspace, command.channel)) };
      case "channel-include":
        await presence.include(workspace, command.channel);
        return { kind: "text", text: pt.included(channel(command.channel)) };
      case "digest-channel":
        await presenceStore.addDigestTarget(workspace.id, command.channel);
        return { kind: "text", text: pt.digestChannelAdded(channel(command.channel), digestWhen(workspace, actor.language)) };
      case "digest-channel-remove":
        await presenceStore.removeDigestTarget(workspace.id, command.channel);
        return { kind: "text", text: pt.digestChannelRemoved(channel(command.channel)) };
      case "digest-time": {
        const updated = await store.updateWorkspace(workspace.id, { digestWeekday: command.weekday, digestMinute: command.minute });
        return { kind: "text", text: pt.digestTimeSaved(digestWhen(updated, actor.language)) };
      }
      case "digest-now":
        return { kind: "digest-now", start: () => presence.preview(workspace, actor.userId, actor.language) };
      case "presence-llm":
        if (command.on && !this.deps.llmAvailable) return { kind: "text", text: pt.llmNotConfigured };
        await store.updateWorkspace(workspace.id, { presenceLlm: command.on });
        return { kind: "text", text: command.on ? pt.llmOn : pt.llmOff };
      case "settings":
        return { kind: "open-settings" };
      case "nudge-now": {
        const leaders = await store.listLeaders(workspace.id);
        return { kind: "nudge-now", leaders: leaders.length, start: async () => nudges.nudgeNow(workspace) };
      }
    }
  }
}
