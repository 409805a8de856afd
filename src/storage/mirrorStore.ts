// The leader mirror on Prisma. The one place a rater meets their answer is recordAnswer: it
// flips the rater's invitation and rewrites the round's whole histogram in one transaction.
// There is no answer row, so nothing at rest — id, timestamp, insertion order — links the two.
// The histogram is rewritten as a whole (not cell by cell), so even PostgreSQL's row versions
// show only that the round changed, never which values one rater chose.

import { emptyTally } from "../core/mirror/figures.js";
import type {
  MirrorAnswers,
  MirrorResults,
  MirrorRound,
  MirrorStore,
  NewRound,
  OrgMirror,
  RoundStatus,
  SelfRatings,
  Tally,
} from "../core/mirror/ports.js";
import type { Language, Member, Workspace } from "../core/shared/model.js";
import { isLanguage } from "../core/shared/model.js";
import { QUESTION_KEYS } from "../core/shared/questions.js";
import type { Db } from "./database.js";
import { isUniqueViolation } from "./uniqueViolation.js";
import { toMember, toWorkspace } from "./workspaceStore.js";

type RoundRow = Awaited<ReturnType<Db["mirrorRound"]["findFirstOrThrow"]>>;

function toRound(row: RoundRow): MirrorRound {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    leaderId: row.leaderId,
    status: row.status as RoundStatus,
    openedAt: row.openedAt,
    remindAt: row.remindAt,
    closesAt: row.closesAt,
    reminded: row.reminded,
    closedAt: row.closedAt,
    quarter: row.quarter,
    invited: row.invited,
    selfRatings: row.selfRatings ? (JSON.parse(row.selfRatings) as SelfRatings) : null,
    results: row.results ? (JSON.parse(row.results) as MirrorResults) : null,
  };
}

const list = (text: string) => text.split(",").filter(Boolean);
const language = (value: string | null): Language | null => (isLanguage(value) ? value : null);

/** Thrown inside the answer transaction to roll it back. */
class Rollback extends Error {
  constructor(readonly outcome: "already" | "closed" | "not-invited" | "conflict") {
    super(outcome);
  }
}

export class PrismaMirrorStore implements MirrorStore {
  constructor(
    private readonly db: Db,
    /**
     * Makes superseded row versions unrecoverable from the storage files (SQLite: a WAL
     * checkpoint with secure_delete). Until then the WAL would hold, commit by commit, the
     * invitation that flipped next to the histogram as it was before and after. False when busy.
     */
    private readonly scrubFiles: () => Promise<boolean> = async () => true,
  ) {}

  async scrub(): Promise<boolean> {
    return this.scrubFiles();
  }

  async openRoundOf(leaderId: string): Promise<MirrorRound | null> {
    const row = await this.db.mirrorRound.findFirst({ where: { leaderId, status: "open" } });
    return row && toRound(row);
  }

  async createRound(round: NewRound): Promise<MirrorRound | null> {
    return this.db.$transaction(async (tx) => {
      // One open round per leader: checked inside the write transaction.
      if (await tx.mirrorRound.findFirst({ where: { leaderId: round.leaderId, status: "open" }, select: { id: true } }))
        return null;
      const row = await tx.mirrorRound.create({
        data: {
          workspaceId: round.workspaceId,
          leaderId: round.leaderId,
          openedAt: round.openedAt,
          remindAt: round.remindAt,
          closesAt: round.closesAt,
          invited: round.raters.length,
          tally: JSON.stringify(emptyTally()),
        },
      });
      await tx.mirrorInvite.createMany({
        data: round.raters.map((r) => ({ roundId: row.id, raterId: r.id, language: r.language })),
      });
      return toRound(row);
    });
  }

  async getRound(id: string): Promise<MirrorRound | null> {
    const row = await this.db.mirrorRound.findUnique({ where: { id } });
    return row && toRound(row);
  }

  async setSelfRatings(roundId: string, ratings: SelfRatings): Promise<boolean> {
    const { count } = await this.db.mirrorRound.updateMany({
      where: { id: roundId, status: "open" },
      data: { selfRatings: JSON.stringify(ratings) },
    });
    return count > 0;
  }

  async recordAnswer(
    roundId: string,
    raterId: string,
    answers: MirrorAnswers,
  ): Promise<"ok" | "not-invited" | "already" | "closed"> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.db.$transaction(async (tx) => {
          const used = await tx.mirrorInvite.updateMany({
            where: { roundId, raterId, answered: false },
            data: { answered: true },
          });
          if (used.count === 0) {
            const invite = await tx.mirrorInvite.findUnique({
              where: { roundId_raterId: { roundId, raterId } },
              select: { answered: true },
            });
            throw new Rollback(invite ? "already" : "not-invited");
          }
          const round = await tx.mirrorRound.findUnique({
            where: { id: roundId },
            select: { status: true, tally: true, version: true },
          });
          if (round?.status !== "open" || !round.tally) throw new Rollback("closed");
          const tally = JSON.parse(round.tally) as Tally;
          for (const q of QUESTION_KEYS) tally[q][answers[q]]! += 1;
          // Guarded by the version read above: a concurrent answer makes this one start over.
          const written = await tx.mirrorRound.updateMany({
            where: { id: roundId, version: round.version, status: "open" },
            data: { tally: JSON.stringify(tally), version: round.version + 1 },
          });
          if (written.count === 0) throw new Rollback("conflict");
        });
        return "ok";
      } catch (error) {
        if (error instanceof Rollback) {
          if (error.outcome !== "conflict") return error.outcome;
          if (attempt < 20) continue;
        }
        throw error;
      }
    }
  }

  async answeredCount(roundId: string): Promise<number> {
    return this.db.mirrorInvite.count({ where: { roundId, answered: true } });
  }

  async getInvite(roundId: string, raterId: string) {
    const row = await this.db.mirrorInvite.findUnique({ where: { roundId_raterId: { roundId, raterId } } });
    return row && { language: language(row.language), answered: row.answered };
  }

  async claimReminders(now: Date) {
    const due = await this.db.mirrorRound.findMany({
      where: { status: "open", reminded: false, remindAt: { lte: now } },
    });
    const out = [];
    for (const row of due) {
      // Conditional, so two ticks cannot both claim a round's reminder.
      const { count } = await this.db.mirrorRound.updateMany({
        where: { id: row.id, reminded: false },
        data: { reminded: true },
      });
      if (count === 0) continue;
      const pending = await this.db.mirrorInvite.findMany({ where: { roundId: row.id, answered: false } });
      out.push({
        round: toRound(row),
        pending: pending.map((p) => ({ id: p.raterId, language: language(p.language) })),
      });
    }
    return out;
  }

  async dueRounds(now: Date): Promise<MirrorRound[]> {
    return (await this.db.mirrorRound.findMany({ where: { status: "open", closesAt: { lte: now } } })).map(toRound);
  }

  async tally(roundId: string): Promise<Tally | null> {
    const row = await this.db.mirrorRound.findUnique({ where: { id: roundId }, select: { tally: true } });
    return row?.tally ? (JSON.parse(row.tally) as Tally) : null;
  }

  async closeRound(
    roundId: string,
    close: { status: "closed" | "withheld"; at: Date; quarter: string; results: MirrorResults | null },
  ): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const { count } = await tx.mirrorRound.updateMany({
        where: { id: roundId, status: "open" },
        // The histogram goes: a withheld round keeps nothing of its answers, a shown one only its figures.
        data: {
          status: close.status,
          closedAt: close.at,
          quarter: close.quarter,
          results: close.results ? JSON.stringify(close.results) : null,
          tally: null,
        },
      });
      if (count === 0) return false;
      await tx.mirrorInvite.deleteMany({ where: { roundId } });
      return true;
    });
  }

  async closedRounds(leaderId: string, limit: number): Promise<MirrorRound[]> {
    return (
      await this.db.mirrorRound.findMany({
        where: { leaderId, status: { in: ["closed", "withheld"] } },
        orderBy: { closedAt: "desc" },
        take: limit,
      })
    ).map(toRound);
  }

  async getLeaderSettings(leaderId: string) {
    const row = await this.db.mirrorLeader.findUnique({ where: { leaderId } });
    return { raters: list(row?.raters ?? ""), channels: list(row?.channels ?? "") };
  }

  async setRaters(leaderId: string, raters: string[]): Promise<void> {
    await this.db.mirrorLeader.upsert({
      where: { leaderId },
      create: { leaderId, raters: raters.join(",") },
      update: { raters: raters.join(",") },
    });
  }

  async setChannels(leaderId: string, channels: string[]): Promise<void> {
    await this.db.mirrorLeader.upsert({
      where: { leaderId },
      create: { leaderId, channels: channels.join(",") },
      update: { channels: channels.join(",") },
    });
  }

  async leadersWithRaters(workspaceId: string) {
    const leaders = await this.db.member.findMany({ where: { workspaceId, isLeader: true }, select: { id: true } });
    const rows = await this.db.mirrorLeader.findMany({
      where: { leaderId: { in: leaders.map((l) => l.id) }, raters: { not: "" } },
    });
    return rows.map((r) => ({ leaderId: r.leaderId, raters: list(r.raters) }));
  }

  async getSchedule(workspaceId: string) {
    const row = await this.db.mirrorSchedule.findUnique({ where: { workspaceId } });
    return {
      cadence: row?.cadence === "quarterly" ? ("quarterly" as const) : ("off" as const),
      lastQuarter: row?.lastQuarter ?? null,
    };
  }

  async setSchedule(workspaceId: string, cadence: "quarterly" | "off", startedQuarter: string): Promise<void> {
    await this.db.mirrorSchedule.upsert({
      where: { workspaceId },
      create: { workspaceId, cadence, lastQuarter: startedQuarter },
      update: { cadence, lastQuarter: startedQuarter },
    });
  }

  async claimQuarter(workspaceId: string, quarter: string): Promise<boolean> {
    const { count } = await this.db.mirrorSchedule.updateMany({
      where: { workspaceId, cadence: "quarterly", OR: [{ lastQuarter: null }, { lastQuarter: { not: quarter } }] },
      data: { lastQuarter: quarter },
    });
    return count > 0;
  }

  async scheduledWorkspaces(): Promise<Workspace[]> {
    const rows = await this.db.mirrorSchedule.findMany({ where: { cadence: "quarterly" } });
    return (await this.db.workspace.findMany({ where: { id: { in: rows.map((r) => r.workspaceId) } } })).map(
      toWorkspace,
    );
  }

  async roundsClosedIn(workspaceId: string, quarter: string): Promise<MirrorRound[]> {
    return (await this.db.mirrorRound.findMany({ where: { workspaceId, quarter, status: "closed" } })).map(toRound);
  }

  async frozenOrgMirror(workspaceId: string, quarter: string) {
    const row = await this.db.mirrorOrgFigures.findUnique({ where: { workspaceId_quarter: { workspaceId, quarter } } });
    return row && { week: row.week, figures: JSON.parse(row.figures) as OrgMirror };
  }

  async freezeOrgMirror(workspaceId: string, quarter: string, week: string, figures: OrgMirror) {
    try {
      await this.db.mirrorOrgFigures.create({ data: { workspaceId, quarter, week, figures: JSON.stringify(figures) } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // frozen first by another digest or replica
    }
    return (await this.frozenOrgMirror(workspaceId, quarter))!;
  }

  async frozenOrgMirrors() {
    const rows = await this.db.mirrorOrgFigures.findMany({ orderBy: [{ workspaceId: "asc" }, { quarter: "asc" }] });
    const workspaces = new Map(
      (await this.db.workspace.findMany({ where: { id: { in: rows.map((r) => r.workspaceId) } } })).map((w) => [
        w.id,
        toWorkspace(w),
      ]),
    );
    return rows.flatMap((r) =>
      workspaces.has(r.workspaceId)
        ? [{ workspace: workspaces.get(r.workspaceId)!, figures: JSON.parse(r.figures) as OrgMirror }]
        : [],
    );
  }

  // Rows are stamped by the database clock, so the window is open-ended towards now.
  async askingCounts(workspaceId: string, leaderId: string, raterIds: string[], since: Date, _until: Date) {
    const [asks, suggestions] = await Promise.all([
      this.db.askPrompt.count({ where: { workspaceId, memberId: leaderId, createdAt: { gte: since } } }),
      raterIds.length
        ? this.db.suggestion.count({
            where: { workspaceId, createdAt: { gte: since }, author: { externalId: { in: raterIds } } },
          })
        : Promise.resolve(0),
    ]);
    return { asks, suggestions };
  }

  async raterIds(roundId: string): Promise<string[]> {
    return (await this.db.mirrorInvite.findMany({ where: { roundId }, select: { raterId: true } })).map(
      (r) => r.raterId,
    );
  }

  async getMember(id: string): Promise<Member | null> {
    const row = await this.db.member.findUnique({ where: { id } });
    return row && toMember(row);
  }
}

/**
 * PostgreSQL keeps superseded row versions (each with the id of the transaction that wrote it)
 * until VACUUM: the histogram as it was after one answer would sit next to that rater's
 * invitation version. Vacuuming the two small tables after each answer frees them.
 */
export async function vacuumMirrorTables(db: Db): Promise<boolean> {
  await db.$executeRawUnsafe(`VACUUM "MirrorRound", "MirrorInvite"`);
  return true;
}
