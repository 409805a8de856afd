// PresenceStore in memory: channels and their states, signals keyed by (workspace, channel,
// message), handled event ids, digest targets and frozen leader figures. Leader and suggestion
// figures of a week are whatever a test puts in `leaderWeeks` / `suggestionWeeks`.

import type {
  ChannelState,
  IngestState,
  LeaderWeekStats,
  PresenceStore,
  Signal,
  SuggestionWeekStats,
  WeekCounts,
} from "../../../src/core/presence/ports.js";
import {
  EMPTY_VOCABULARY,
  type VocabularyStore,
  type WorkspaceVocabulary,
} from "../../../src/core/presence/workspaceVocabulary.js";
import type { Workspace } from "../../../src/core/shared/model.js";

const NO_LEADERS: LeaderWeekStats = { leaders: 0, nudged: 0, answered: 0, questions: [] };
const NO_SUGGESTIONS: SuggestionWeekStats = { created: 0, answeredShare: null, top: [] };

export class MemoryPresenceStore implements PresenceStore {
  readonly events = new Map<string, Date>();
  readonly channels = new Map<
    string,
    {
      workspaceId: string;
      channelRef: string;
      groupRef: string | undefined;
      excluded: boolean;
      baselineAt: Date | null;
    }
  >();
  readonly signals = new Map<string, Signal>();
  readonly digestTargetRows = new Set<string>();
  readonly frozen = new Map<string, LeaderWeekStats>();
  readonly leaderWeeks = new Map<string, LeaderWeekStats>();
  readonly suggestionWeeks: SuggestionWeekStats = NO_SUGGESTIONS;

  constructor(private readonly workspaces: { getWorkspace(id: string): Promise<Workspace | null> }) {}

  async ingestState(workspaceId: string, eventIds: string[], channelRefs: string[]): Promise<IngestState> {
    return {
      known: new Set(eventIds.filter((id) => this.events.has(id))),
      channels: await this.channelStates(workspaceId, channelRefs),
    };
  }
  async recordEvents(eventIds: string[], at: Date): Promise<void> {
    for (const id of eventIds) if (!this.events.has(id)) this.events.set(id, at);
  }
  async pruneEvents(before: Date): Promise<void> {
    for (const [id, at] of this.events) if (at < before) this.events.delete(id);
  }
  async channelStates(workspaceId: string, channelRefs: string[]): Promise<Map<string, ChannelState>> {
    return new Map(
      channelRefs.map((ref) => {
        const row = this.channels.get(`${workspaceId}|${ref}`);
        return [ref, row ? (row.excluded ? "excluded" : "tracked") : "unknown"];
      }),
    );
  }
  async trackChannel(workspaceId: string, channelRef: string, groupRef?: string): Promise<boolean> {
    const key = `${workspaceId}|${channelRef}`;
    if (this.channels.has(key)) return false;
    this.channels.set(key, { workspaceId, channelRef, groupRef, excluded: false, baselineAt: null });
    return true;
  }
  async channelsOfGroup(workspaceId: string, groupRef: string): Promise<string[]> {
    return [...this.channels.values()]
      .filter((c) => c.workspaceId === workspaceId && c.groupRef === groupRef)
      .map((c) => c.channelRef);
  }
  async setExcluded(workspaceId: string, channelRef: string, excluded: boolean): Promise<void> {
    const key = `${workspaceId}|${channelRef}`;
    const row = this.channels.get(key) ?? { workspaceId, channelRef, groupRef: undefined, excluded, baselineAt: null };
    this.channels.set(key, { ...row, excluded });
  }
  async forgetChannel(workspaceId: string, channelRef: string): Promise<void> {
    this.channels.delete(`${workspaceId}|${channelRef}`);
    await this.deleteChannelSignals(workspaceId, channelRef);
  }
  async deleteChannelSignals(workspaceId: string, channelRef: string): Promise<number> {
    let deleted = 0;
    for (const [key, s] of this.signals) {
      if (s.workspaceId === workspaceId && s.channelRef === channelRef) {
        this.signals.delete(key);
        deleted++;
      }
    }
    return deleted;
  }
  async markBaseline(workspaceId: string, channelRef: string, at: Date): Promise<void> {
    const row = this.channels.get(`${workspaceId}|${channelRef}`);
    if (row) row.baselineAt = at;
  }
  async upsertSignals(signals: Signal[]): Promise<void> {
    for (const s of signals) {
      if (this.channels.get(`${s.workspaceId}|${s.channelRef}`)?.excluded) continue;
      this.signals.set(`${s.workspaceId}|${s.channelRef}|${s.messageRef}`, { ...s });
    }
  }
  async deleteSignal(workspaceId: string, channelRef: string, messageRef: string): Promise<void> {
    this.signals.delete(`${workspaceId}|${channelRef}|${messageRef}`);
  }
  async deleteSignalsBefore(day: string): Promise<number> {
    let deleted = 0;
    for (const [key, s] of this.signals) {
      if (s.day < day) {
        this.signals.delete(key);
        deleted++;
      }
    }
    return deleted;
  }
  async channelWeeks(workspaceId: string, weeks: string[]): Promise<WeekCounts[]> {
    const refs = new Set(
      [...this.signals.values()].filter((s) => s.workspaceId === workspaceId).map((s) => s.channelRef),
    );
    return [...refs]
      .flatMap((ref) => weeks.map((week) => this.count(workspaceId, week, [ref], ref)))
      .filter((c) => c.messages > 0);
  }
  async combinedWeeks(workspaceId: string, weeks: string[], channelRefs?: string[]): Promise<WeekCounts[]> {
    return weeks.map((week) => this.count(workspaceId, week, channelRefs, "")).filter((c) => c.messages > 0);
  }
  async leaderStats(workspaceId: string, week: string): Promise<LeaderWeekStats> {
    return this.leaderWeeks.get(`${workspaceId}|${week}`) ?? NO_LEADERS;
  }
  async frozenLeaderStats(workspaceId: string, week: string): Promise<LeaderWeekStats | null> {
    return this.frozen.get(`${workspaceId}|${week}`) ?? null;
  }
  async freezeLeaderStats(workspaceId: string, week: string, stats: LeaderWeekStats): Promise<LeaderWeekStats> {
    const key = `${workspaceId}|${week}`;
    if (!this.frozen.has(key)) this.frozen.set(key, stats);
    return this.frozen.get(key)!;
  }
  async suggestionStats(): Promise<SuggestionWeekStats> {
    return this.suggestionWeeks;
  }
  async addDigestTarget(workspaceId: string, channelRef: string): Promise<void> {
    this.digestTargetRows.add(`${workspaceId}|${channelRef}`);
  }
  async removeDigestTarget(workspaceId: string, channelRef: string): Promise<void> {
    this.digestTargetRows.delete(`${workspaceId}|${channelRef}`);
  }
  async digestTargets(): Promise<{ workspace: Workspace; channelRefs: string[] }[]> {
    const byWorkspace = new Map<string, string[]>();
    for (const key of this.digestTargetRows) {
      const [workspaceId = "", channelRef = ""] = key.split("|");
      byWorkspace.set(workspaceId, [...(byWorkspace.get(workspaceId) ?? []), channelRef]);
    }
    const out = [];
    for (const [id, channelRefs] of byWorkspace) {
      const workspace = await this.workspaces.getWorkspace(id);
      if (workspace) out.push({ workspace, channelRefs });
    }
    return out;
  }

  private count(workspaceId: string, week: string, channelRefs: string[] | undefined, channelRef: string): WeekCounts {
    const of = [...this.signals.values()].filter(
      (s) => s.workspaceId === workspaceId && s.week === week && (!channelRefs || channelRefs.includes(s.channelRef)),
    );
    return {
      channelRef,
      week,
      messages: of.length,
      customer: of.filter((s) => s.customer).length,
      positive: of.filter((s) => s.customer && s.tone === "positive").length,
      negative: of.filter((s) => s.customer && s.tone === "negative").length,
      authors: new Set(of.map((s) => s.authorHash)).size,
    };
  }
}

/** VocabularyStore in memory: one versioned vocabulary per workspace, saved only on the version it was read at. */
export class MemoryVocabularyStore implements VocabularyStore {
  readonly rows = new Map<string, WorkspaceVocabulary>();
  async vocabularyVersion(workspaceId: string): Promise<number> {
    return this.rows.get(workspaceId)?.version ?? 0;
  }
  async getVocabulary(workspaceId: string): Promise<WorkspaceVocabulary> {
    const row = this.rows.get(workspaceId) ?? EMPTY_VOCABULARY;
    return { ...row, terms: [...row.terms] };
  }
  async saveVocabulary(
    workspaceId: string,
    basedOn: number,
    next: Pick<WorkspaceVocabulary, "industry" | "terms">,
    at: Date,
  ): Promise<boolean> {
    if ((await this.vocabularyVersion(workspaceId)) !== basedOn) return false;
    this.rows.set(workspaceId, {
      industry: next.industry,
      terms: [...next.terms],
      version: basedOn + 1,
      changedAt: at,
    });
    return true;
  }
}
