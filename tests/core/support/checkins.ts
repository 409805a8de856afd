// CheckInStore in memory, with the database's rules: one nudge per (member, slot), one answer
// per (member, question, week), and claims that only one caller can take until they run out.

import type {
  CheckInExportRow,
  CheckInStore,
  ClaimedNudge,
  DeliveryTarget,
  LeaderWithWorkspace,
  NewNudge,
  NudgeOutcome,
  NudgePatch,
} from "../../../src/core/checkins/ports.js";
import type { CheckIn, Nudge } from "../../../src/core/shared/model.js";
import type { MemoryWorkspaceStore } from "./workspaces.js";

/** A nudge row as the table keeps it, with the columns the domain type leaves out. */
export interface NudgeRow extends Nudge {
  sentAt: Date | null;
  lastError: string | null;
  claimedUntil: Date | null;
}

export class MemoryCheckInStore implements CheckInStore {
  readonly nudges = new Map<string, NudgeRow>();
  readonly checkIns = new Map<string, CheckIn>();
  /** How many nudges each claim took, and how many outcomes each write recorded, in order. */
  readonly claims: number[] = [];
  readonly writes: number[] = [];
  private ids = 0;

  constructor(
    private readonly workspaces: MemoryWorkspaceStore,
    /** When answers are stamped (createdAt, updatedAt). */
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async listActiveLeaders(at: Date): Promise<LeaderWithWorkspace[]> {
    const leaders = [...this.workspaces.members.values()].filter(
      (m) => m.isLeader && (!m.pausedUntil || m.pausedUntil <= at),
    );
    return leaders.map((member) => ({
      member: { ...member },
      workspace: this.workspaces.workspaces.get(member.workspaceId)!,
    }));
  }

  async getTarget(memberId: string): Promise<DeliveryTarget | null> {
    const member = this.workspaces.members.get(memberId);
    const workspace = member && this.workspaces.workspaces.get(member.workspaceId);
    return member && workspace ? { member: { ...member }, workspace: { ...workspace } } : null;
  }

  async existingSlots(pairs: { memberId: string; slot: string }[]): Promise<Set<string>> {
    const keys = new Set([...this.nudges.values()].map((n) => `${n.memberId}|${n.slot}`));
    return new Set(pairs.map((p) => `${p.memberId}|${p.slot}`).filter((k) => keys.has(k)));
  }

  async createNudges(nudges: NewNudge[]): Promise<number> {
    let created = 0;
    for (const n of nudges) {
      if ([...this.nudges.values()].some((row) => row.memberId === n.memberId && row.slot === n.slot)) continue;
      const id = `n${++this.ids}`;
      this.nudges.set(id, {
        ...n,
        questions: [...n.questions],
        id,
        attempts: 0,
        nextAttemptAt: n.dueAt,
        channelRef: null,
        messageRef: null,
        sentAt: null,
        lastError: null,
        claimedUntil: null,
      });
      created++;
    }
    return created;
  }

  async claimDueNudges(now: Date, limit: number, leaseMs: number, onlyIds?: string[]): Promise<ClaimedNudge[]> {
    const due = [...this.nudges.values()]
      .filter((n) => (n.status === "pending" || n.status === "snoozed") && n.nextAttemptAt <= now)
      .filter((n) => n.claimedUntil === null || n.claimedUntil < now)
      .filter((n) => !onlyIds || onlyIds.includes(n.id))
      .sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime())
      .slice(0, limit);
    const claimed: ClaimedNudge[] = [];
    for (const row of due) {
      // A claim still set means the last sender never reported an outcome.
      const interrupted = row.claimedUntil !== null;
      row.claimedUntil = new Date(now.getTime() + leaseMs);
      claimed.push({ ...toNudge(row), interrupted, target: await this.getTarget(row.memberId) });
    }
    this.claims.push(claimed.length);
    return claimed;
  }

  async recordNudges(outcomes: NudgeOutcome[]): Promise<void> {
    for (const { id, patch } of outcomes) await this.updateNudge(id, patch);
    this.writes.push(outcomes.length);
  }

  async nudgeIds(keys: { memberId: string; slot: string }[]): Promise<string[]> {
    return [...this.nudges.values()]
      .filter((n) => keys.some((k) => k.memberId === n.memberId && k.slot === n.slot))
      .map((n) => n.id);
  }

  async getNudge(id: string): Promise<Nudge | null> {
    const row = this.nudges.get(id);
    return row ? toNudge(row) : null;
  }

  async latestNudge(memberId: string): Promise<Nudge | null> {
    const rows = [...this.nudges.values()].filter((n) => n.memberId === memberId && n.status !== "missed");
    rows.sort((a, b) => b.dueAt.getTime() - a.dueAt.getTime());
    return rows[0] ? toNudge(rows[0]) : null;
  }

  async updateNudge(id: string, patch: NudgePatch): Promise<Nudge> {
    const row = this.nudges.get(id);
    if (!row) throw new Error(`no nudge ${id}`);
    Object.assign(row, patch);
    return toNudge(row);
  }

  async saveCheckIn(input: Parameters<CheckInStore["saveCheckIn"]>[0]): Promise<CheckIn> {
    const key = `${input.memberId}|${input.question}|${input.week}`;
    const now = this.clock();
    const found = this.checkIns.get(key);
    const saved: CheckIn = found
      ? {
          ...found,
          rating: input.rating,
          ...(input.reflection === undefined ? {} : { reflection: input.reflection }),
          ...(input.nudgeId ? { nudgeId: input.nudgeId } : {}),
          updatedAt: now,
        }
      : {
          id: `c${++this.ids}`,
          memberId: input.memberId,
          nudgeId: input.nudgeId ?? null,
          question: input.question,
          week: input.week,
          rating: input.rating,
          reflection: input.reflection ?? null,
          createdAt: now,
          updatedAt: now,
        };
    this.checkIns.set(key, saved);
    return { ...saved };
  }

  async listCheckIns(memberId: string, weeks: string[]): Promise<CheckIn[]> {
    return [...this.checkIns.values()]
      .filter((c) => c.memberId === memberId && weeks.includes(c.week))
      .map((c) => ({ ...c }));
  }

  async listCheckInsOf(memberIds: string[], weeks: string[]): Promise<CheckIn[]> {
    return [...this.checkIns.values()]
      .filter((c) => memberIds.includes(c.memberId) && weeks.includes(c.week))
      .map((c) => ({ ...c }));
  }

  async answeredWeeks(memberId: string, limit: number): Promise<string[]> {
    const weeks = new Set([...this.checkIns.values()].filter((c) => c.memberId === memberId).map((c) => c.week));
    return [...weeks].sort().reverse().slice(0, limit);
  }

  async *exportCheckIns(): AsyncIterable<CheckInExportRow> {
    for (const c of this.checkIns.values()) {
      const target = (await this.getTarget(c.memberId))!;
      yield {
        platform: target.workspace.platform,
        workspace: target.workspace.externalId,
        leader: target.member.externalId,
        leaderName: target.member.displayName,
        question: c.question,
        week: c.week,
        rating: c.rating,
        reflection: c.reflection,
        createdAt: c.createdAt,
        updatedAt: c.updatedAt,
      };
    }
  }

  /** Test setup: the member answered `question` in `week` (outside any nudge). */
  answered(
    memberId: string,
    week: string,
    question: CheckIn["question"] = "care",
    rating: CheckIn["rating"] = 4,
  ): Promise<CheckIn> {
    return this.saveCheckIn({ memberId, question, week, rating });
  }
}

function toNudge(row: NudgeRow): Nudge {
  return {
    id: row.id,
    memberId: row.memberId,
    slot: row.slot,
    questions: [...row.questions],
    week: row.week,
    dueAt: row.dueAt,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    channelRef: row.channelRef,
    messageRef: row.messageRef,
  };
}
