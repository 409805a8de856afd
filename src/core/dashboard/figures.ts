// The dashboard's figures, per page, for one workspace over the last DASHBOARD_WEEKS complete
// weeks. Presence comes from the digest's own aggregation (PresenceService.figures), leaders only
// from the weekly figures frozen for the digest, suggestions from counts — no message text, no
// single rating, no channel below the minimum group size.

import type { PresenceFigures } from "../presence/digest.js";
import type { PresenceStore } from "../presence/ports.js";
import type { PresenceService } from "../presence/service.js";
import { weekBounds, weeksEndingWith } from "../presence/service.js";
import type { Workspace } from "../shared/model.js";
import type { Clock } from "../shared/ports.js";
import { QUESTION_KEYS, type QuestionKey } from "../shared/questions.js";
import { addDays, isoWeek, localDateTime } from "../shared/time.js";
import { RESPONSE_STATUSES, type SuggestionStatus, TOUCHPOINTS, type Touchpoint } from "../suggestions/ports.js";
import type { DashboardStore } from "./model.js";

export const DASHBOARD_WEEKS = 26;
export const TOP_SUGGESTIONS = 10;
export const SUGGESTION_FUNNEL: SuggestionStatus[] = ["new", ...RESPONSE_STATUSES];

export interface PresencePage extends PresenceFigures {
  weeks: string[];
  minAuthors: number;
}

export interface LeaderWeek {
  week: string;
  /** false: no digest has been computed for the week, so it has no frozen figures to show. */
  frozen: boolean;
  leaders: number;
  nudged: number;
  answered: number;
  /** null when too few leaders were nudged that week (or the week is not frozen). */
  answeredShare: number | null;
  /** null where fewer than the minimum of leaders answered the question (never stored then). */
  averages: Record<QuestionKey, number | null>;
}

export interface LeadersPage {
  weeks: string[];
  perWeek: LeaderWeek[];
  minLeaders: number;
}

export interface SuggestionsPage {
  weeks: string[];
  newPerWeek: { week: string; count: number }[];
  funnel: { status: SuggestionStatus; count: number }[];
  byTouchpoint: { touchpoint: Touchpoint; count: number }[];
  /** Median hours from submission to a leader's first response, over those answered; null when none. */
  medianResponseHours: number | null;
  responded: number;
  total: number;
  top: { number: number; text: string; votes: number; status: string; touchpoint: string }[];
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * How long a workspace's presence figures are reused as they are. Computing them reads every
 * signal of 26 weeks (a second or more of CPU at a million signals); a dashboard is clicked
 * through in minutes, and the weeks it shows are complete, so what changes in a minute is only
 * a late edit or delete, an exclusion or the retention limit.
 */
export const PRESENCE_CACHE_MS = 60_000;
/**
 * Older figures, up to this age, are still shown once while new ones are computed behind them:
 * after the first page nobody waits for the computation. Older still (a dashboard left alone),
 * the page waits for new figures, so what is shown is never more than this old.
 */
export const PRESENCE_STALE_MS = 10 * 60_000;

interface CachedPresence {
  /** When `figures` were computed (the end of the computation, so a slow one does not age early). */
  at: number;
  figures: PresencePage | null;
  /** The computation under way, if any: one at a time per workspace and week. */
  computing: Promise<PresencePage> | null;
}

export class DashboardFigures {
  /** Per workspace and newest week. */
  private readonly presenceCache = new Map<string, CachedPresence>();

  constructor(
    private readonly deps: {
      presence: PresenceService;
      presenceStore: PresenceStore;
      store: DashboardStore;
      clock: Clock;
      /** Milliseconds on a clock that only moves forward (the cache's age); performance.now by default. */
      monotonic?: () => number;
      cacheMs?: number;
      staleMs?: number;
    },
  ) {}

  /**
   * Drops a workspace's kept figures: after an exclusion or a channel left, this replica's next
   * page waits for figures without that channel (other replicas: within PRESENCE_STALE_MS).
   */
  forget(workspaceId: string): void {
    for (const key of this.presenceCache.keys()) if (key.startsWith(`${workspaceId}:`)) this.presenceCache.delete(key);
  }

  /** The last DASHBOARD_WEEKS complete weeks, oldest first: the newest is the week the latest digest reports. */
  weeks(workspace: Workspace): string[] {
    const lastWeek = isoWeek(addDays(localDateTime(this.deps.clock(), workspace.timezone), -7));
    return weeksEndingWith(lastWeek, DASHBOARD_WEEKS);
  }

  private now(): number {
    return (this.deps.monotonic ?? (() => performance.now()))();
  }

  async presence(workspace: Workspace): Promise<PresencePage> {
    const weeks = this.weeks(workspace);
    const key = `${workspace.id}:${weeks[weeks.length - 1]}`;
    const now = this.now();
    const freshMs = this.deps.cacheMs ?? PRESENCE_CACHE_MS;
    const staleMs = this.deps.staleMs ?? PRESENCE_STALE_MS;
    for (const [k, old] of this.presenceCache)
      if (now - old.at >= staleMs && !old.computing) this.presenceCache.delete(k);
    const cached = this.presenceCache.get(key);
    if (cached?.figures && now - cached.at < freshMs) return cached.figures;
    if (cached?.figures && now - cached.at < staleMs) {
      // A failed refresh keeps the figures shown; the page after PRESENCE_STALE_MS waits and sees the failure.
      if (!cached.computing) this.compute(key, workspace, weeks).catch(() => undefined);
      return cached.figures;
    }
    return cached?.computing ?? this.compute(key, workspace, weeks);
  }

  /** New figures for `key`, through the digest's own code (PresenceService.figures). */
  private compute(key: string, workspace: Workspace, weeks: string[]): Promise<PresencePage> {
    const entry: CachedPresence = this.presenceCache.get(key) ?? { at: this.now(), figures: null, computing: null };
    this.presenceCache.set(key, entry);
    const computing = this.deps.presence.figures(workspace, weeks).then(
      (f): PresencePage => {
        entry.figures = { weeks, minAuthors: this.deps.presence.minAuthors, ...f };
        entry.at = this.now();
        entry.computing = null;
        return entry.figures;
      },
      (error: unknown) => {
        entry.computing = null;
        // Nothing to show instead: the next page view tries again.
        if (!entry.figures) this.presenceCache.delete(key);
        throw error;
      },
    );
    entry.computing = computing;
    return computing;
  }

  /**
   * Only weeks whose figures were frozen for a digest are shown: computing (and so freezing) a
   * week here would fix its figures before late answers for it are in, and differ from the digest.
   */
  async leaders(workspace: Workspace): Promise<LeadersPage> {
    const weeks = this.weeks(workspace);
    const minLeaders = this.deps.presence.minAuthors;
    const frozen = await Promise.all(
      weeks.map((week) => this.deps.presenceStore.frozenLeaderStats(workspace.id, week)),
    );
    const perWeek = weeks.map((week, i): LeaderWeek => {
      const stats = frozen[i];
      const averages = Object.fromEntries(QUESTION_KEYS.map((q) => [q, null])) as Record<QuestionKey, number | null>;
      for (const q of stats?.questions ?? []) averages[q.question] = q.leaders >= minLeaders ? q.average : null;
      if (!stats) return { week, frozen: false, leaders: 0, nudged: 0, answered: 0, answeredShare: null, averages };
      // As in the digest: "1 of 1 nudges answered" would describe one person.
      const answeredShare = stats.leaders >= minLeaders && stats.nudged > 0 ? stats.answered / stats.nudged : null;
      return {
        week,
        frozen: true,
        leaders: stats.leaders,
        nudged: stats.nudged,
        answered: stats.answered,
        answeredShare,
        averages,
      };
    });
    return { weeks, perWeek, minLeaders };
  }

  async suggestions(workspace: Workspace): Promise<SuggestionsPage> {
    const weeks = this.weeks(workspace);
    const from = weekBounds(weeks[0]!, workspace.timezone).start;
    const to = weekBounds(weeks[weeks.length - 1]!, workspace.timezone).end;
    const { suggestions, top } = await this.deps.store.suggestionRows(workspace.id, from, to, TOP_SUGGESTIONS);
    const perWeek = new Map(weeks.map((w) => [w, 0]));
    const perStatus = new Map<string, number>();
    const perTouchpoint = new Map<string, number>();
    const responseHours: number[] = [];
    for (const s of suggestions) {
      const week = isoWeek(localDateTime(s.createdAt, workspace.timezone));
      if (perWeek.has(week)) perWeek.set(week, perWeek.get(week)! + 1);
      perStatus.set(s.status, (perStatus.get(s.status) ?? 0) + 1);
      perTouchpoint.set(s.touchpoint, (perTouchpoint.get(s.touchpoint) ?? 0) + 1);
      if (s.respondedAt) responseHours.push((s.respondedAt.getTime() - s.createdAt.getTime()) / 3600_000);
    }
    return {
      weeks,
      newPerWeek: weeks.map((week) => ({ week, count: perWeek.get(week) ?? 0 })),
      funnel: SUGGESTION_FUNNEL.map((status) => ({ status, count: perStatus.get(status) ?? 0 })),
      byTouchpoint: TOUCHPOINTS.map((touchpoint) => ({ touchpoint, count: perTouchpoint.get(touchpoint) ?? 0 })),
      medianResponseHours: median(responseHours),
      responded: responseHours.length,
      total: suggestions.length,
      top,
    };
  }
}
