// Executes admin commands against the store and answers in the admin's language. Platform
// specifics (who is an admin, how to mention someone, modals) stay in the adapters.
import type { AdminCommand } from "./commands.js";
import type { Language, Profile, Workspace, WorkspaceSettings } from "./model.js";
import type { Clock, Store } from "./ports.js";
import type { SuggestionStore } from "./suggestions.js";
import { texts } from "../prompts/texts.js";
import { suggestionTexts } from "../prompts/suggestionTexts.js";
import { presenceTexts } from "../prompts/presenceTexts.js";
import type { PresenceService } from "./presence/service.js";
import type { PresenceStore } from "./presence/model.js";
import { formatMinuteOfDay } from "./time.js";

export interface AdminContext {
  workspace: Workspace;
  language: Language;
  /** How to name a person in a reply on this platform (a mention in Slack, a name in Teams). */
  mention(externalId: string): string;
  /** Profile lookup for people about to become leaders (time zone, language, name). */
  profile(externalId: string): Promise<Profile>;
  /** How to name a channel in a reply; the raw reference when not given. */
  channel?(ref: string): string;
}

export type AdminReply =
  | { kind: "text"; text: string; withHelp?: boolean }
  | { kind: "open-settings" }
  | { kind: "nudge-now" }
  | { kind: "digest-now" };

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
      store: Store;
      suggestions: SuggestionStore;
      presence: PresenceService;
      presenceStore: PresenceStore;
      clock: Clock;
      /** Whether an LLM classifier is configured at all (OPENAI_API_KEY). */
      llmAvailable: boolean;
    },
  ) {}

  async run(command: AdminCommand, ctx: AdminContext): Promise<AdminReply> {
    const t = texts(ctx.language);
    const st = suggestionTexts(ctx.language);
    const channel = (ref: string) => ctx.channel?.(ref) ?? ref;
    const { store, suggestions, presence, presenceStore } = this.deps;
    const pt = presenceTexts(ctx.language);
    const { workspace } = ctx;
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
        }[command.topic];
        return { kind: "text", text: usage };
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
        return { kind: "text", text: t.scheduleSaved(scheduleSummary(updated, ctx.language)) };
      }
      case "weekends": {
        const updated = await store.updateWorkspace(workspace.id, { includeWeekends: command.on });
        return { kind: "text", text: t.scheduleSaved(scheduleSummary(updated, ctx.language)) };
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
        return { kind: "text", text: pt.digestChannelAdded(channel(command.channel), digestWhen(workspace, ctx.language)) };
      case "digest-channel-remove":
        await presenceStore.removeDigestTarget(workspace.id, command.channel);
        return { kind: "text", text: pt.digestChannelRemoved(channel(command.channel)) };
      case "digest-time": {
        const updated = await store.updateWorkspace(workspace.id, { digestWeekday: command.weekday, digestMinute: command.minute });
        return { kind: "text", text: pt.digestTimeSaved(digestWhen(updated, ctx.language)) };
      }
      case "digest-now":
        return { kind: "digest-now" };
      case "presence-llm":
        if (command.on && !this.deps.llmAvailable) return { kind: "text", text: pt.llmNotConfigured };
        await store.updateWorkspace(workspace.id, { presenceLlm: command.on });
        return { kind: "text", text: command.on ? pt.llmOn : pt.llmOff };
      case "settings":
        return { kind: "open-settings" };
      case "nudge-now":
        return { kind: "nudge-now" };
    }
  }
}
