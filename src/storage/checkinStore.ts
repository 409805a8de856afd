// The check-in job's CheckInStore on Prisma: nudges and answers. Keeps the idempotency rules
// that depend on unique keys (nudge per member and slot, check-in per member, question and week).

import type {
  CheckInExportRow,
  CheckInStore,
  ClaimedNudge,
  DeliveryTarget,
  LeaderWithWorkspace,
  NewNudge,
  NudgeOutcome,
  NudgePatch,
} from "../core/checkins/ports.js";
import type { CheckIn, Nudge, NudgeStatus, Platform } from "../core/shared/model.js";
import { isQuestionKey, type QuestionKey, type Rating } from "../core/shared/questions.js";
import type { Db } from "./database.js";
import { Prisma } from "./generated/client.js";
import { byIdPages, PAGE_SIZE } from "./paging.js";
import { isUniqueViolation } from "./uniqueViolation.js";
import { toMember, toWorkspace } from "./workspaceStore.js";

type NudgeRow = Awaited<ReturnType<Db["nudge"]["findFirstOrThrow"]>>;
type CheckInRow = Awaited<ReturnType<Db["checkIn"]["findFirstOrThrow"]>>;

function toNudge(row: NudgeRow): Nudge {
  return {
    id: row.id,
    memberId: row.memberId,
    slot: row.slot,
    questions: row.questions.split(",").filter(isQuestionKey),
    week: row.week,
    dueAt: row.dueAt,
    status: row.status as NudgeStatus,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    channelRef: row.channelRef,
    messageRef: row.messageRef,
  };
}

function toCheckIn(row: CheckInRow): CheckIn {
  return { ...row, question: row.question as QuestionKey, rating: row.rating as Rating };
}

export class PrismaCheckInStore implements CheckInStore {
  constructor(private readonly db: Db) {}

  async listActiveLeaders(at: Date): Promise<LeaderWithWorkspace[]> {
    const rows = await this.db.member.findMany({
      where: { isLeader: true, OR: [{ pausedUntil: null }, { pausedUntil: { lte: at } }] },
      include: { workspace: true },
    });
    return rows.map((row) => ({ member: toMember(row), workspace: toWorkspace(row.workspace) }));
  }

  async getTarget(memberId: string): Promise<DeliveryTarget | null> {
    const row = await this.db.member.findUnique({ where: { id: memberId }, include: { workspace: true } });
    return row && { member: toMember(row), workspace: toWorkspace(row.workspace) };
  }

  async existingSlots(pairs: { memberId: string; slot: string }[]): Promise<Set<string>> {
    const found = new Set<string>();
    const slots = [...new Set(pairs.map((p) => p.slot))];
    // Chunked so a Monday with thousands of leaders stays within SQL parameter limits.
    for (let i = 0; i < pairs.length; i += 500) {
      const memberIds = pairs.slice(i, i + 500).map((p) => p.memberId);
      const rows = await this.db.nudge.findMany({
        where: { memberId: { in: memberIds }, slot: { in: slots } },
        select: { memberId: true, slot: true },
      });
      for (const row of rows) found.add(`${row.memberId}|${row.slot}`);
    }
    return found;
  }

  async createNudges(nudges: NewNudge[]): Promise<number> {
    let created = 0;
    for (let i = 0; i < nudges.length; i += 500) {
      const chunk = nudges
        .slice(i, i + 500)
        .map((n) => ({ ...n, questions: n.questions.join(","), nextAttemptAt: n.dueAt }));
      try {
        created += (await this.db.nudge.createMany({ data: chunk })).count;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // Another tick got there first for some rows: insert one by one and skip those.
        for (const row of chunk) {
          try {
            await this.db.nudge.create({ data: row });
            created++;
          } catch (inner) {
            if (!isUniqueViolation(inner)) throw inner;
          }
        }
      }
    }
    return created;
  }

  async nudgeIds(keys: { memberId: string; slot: string }[]): Promise<string[]> {
    if (keys.length === 0) return [];
    const rows = await this.db.nudge.findMany({
      where: { OR: keys.map(({ memberId, slot }) => ({ memberId, slot })) },
      select: { id: true },
    });
    return rows.map((r) => r.id);
  }

  async claimDueNudges(now: Date, limit: number, leaseMs: number, onlyIds?: string[]): Promise<ClaimedNudge[]> {
    const free = { OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] };
    const due = {
      status: { in: ["pending", "snoozed"] },
      nextAttemptAt: { lte: now },
      ...(onlyIds ? { id: { in: onlyIds } } : {}),
      ...free,
    };
    const candidates = await this.db.nudge.findMany({
      where: due,
      orderBy: { nextAttemptAt: "asc" },
      take: limit,
      select: { id: true, claimedUntil: true },
    });
    if (candidates.length === 0) return [];
    // The conditional update is the lock: only one caller can move a row's claimedUntil forward,
    // and only the rows it moved come back (with their leader and workspace, in the same read).
    const rows = await this.db.nudge.updateManyAndReturn({
      where: { ...due, id: { in: candidates.map((c) => c.id) } },
      data: { claimedUntil: new Date(now.getTime() + leaseMs) },
      include: { member: { include: { workspace: true } } },
    });
    const before = new Map(candidates.map((c) => [c.id, c.claimedUntil]));
    return rows.map((row) => ({
      ...toNudge(row),
      // Every outcome clears claimedUntil; one still set means its sender never finished.
      interrupted: before.get(row.id) !== null,
      target: { member: toMember(row.member), workspace: toWorkspace(row.member.workspace) },
    }));
  }

  async getNudge(id: string): Promise<Nudge | null> {
    const row = await this.db.nudge.findUnique({ where: { id } });
    return row && toNudge(row);
  }

  async latestNudge(memberId: string): Promise<Nudge | null> {
    const row = await this.db.nudge.findFirst({
      where: { memberId, status: { not: "missed" } },
      orderBy: { dueAt: "desc" },
    });
    return row && toNudge(row);
  }

  async updateNudge(id: string, patch: NudgePatch): Promise<Nudge> {
    return toNudge(await this.db.nudge.update({ where: { id }, data: patch }));
  }

  async recordNudges(outcomes: NudgeOutcome[]): Promise<void> {
    // Chunked so a long queue of outcomes stays within SQL parameter limits.
    for (let i = 0; i < outcomes.length; i += 500) await this.recordChunk(outcomes.slice(i, i + 500));
  }

  private async recordChunk(outcomes: NudgeOutcome[]): Promise<void> {
    // Outcomes that write the same values (all but where each message went) share one
    // UPDATE; the message references of sent nudges go in one more, keyed by id.
    const groups = new Map<string, { patch: NudgePatch; ids: string[] }>();
    const refs: { id: string; channelRef: string; messageRef: string }[] = [];
    for (const { id, patch } of outcomes) {
      const { channelRef, messageRef, ...shared } = patch;
      if (channelRef != null && messageRef != null) refs.push({ id, channelRef, messageRef });
      const key = JSON.stringify(shared);
      const group = groups.get(key) ?? { patch: shared, ids: [] as string[] };
      group.ids.push(id);
      groups.set(key, group);
    }
    const caseOf = (column: "channelRef" | "messageRef") =>
      Prisma.join(
        refs.map((r) => Prisma.sql`WHEN ${r.id} THEN ${r[column]}`),
        " ",
      );
    const statements: Prisma.PrismaPromise<unknown>[] = [];
    if (refs.length)
      statements.push(this.db.$executeRaw`UPDATE "Nudge"
        SET "channelRef" = CASE "id" ${caseOf("channelRef")} END, "messageRef" = CASE "id" ${caseOf("messageRef")} END
        WHERE "id" IN (${Prisma.join(refs.map((r) => r.id))})`);
    for (const { patch, ids } of groups.values())
      statements.push(this.db.nudge.updateMany({ where: { id: { in: ids } }, data: patch }));
    await (statements.length === 1 ? statements[0] : this.db.$transaction(statements));
  }

  async saveCheckIn(input: Parameters<CheckInStore["saveCheckIn"]>[0]): Promise<CheckIn> {
    const { memberId, question, week, rating } = input;
    const reflection = input.reflection === undefined ? {} : { reflection: input.reflection };
    const nudgeId = input.nudgeId ? { nudgeId: input.nudgeId } : {};
    const where = { memberId_question_week: { memberId, question, week } };
    try {
      return toCheckIn(
        await this.db.checkIn.upsert({
          where,
          create: { memberId, question, week, rating, ...reflection, ...nudgeId },
          update: { rating, ...reflection, ...nudgeId },
        }),
      );
    } catch (error) {
      // A retried click racing the first one: the row exists now, so update it.
      if (!isUniqueViolation(error)) throw error;
      return toCheckIn(await this.db.checkIn.update({ where, data: { rating, ...reflection, ...nudgeId } }));
    }
  }

  async listCheckIns(memberId: string, weeks: string[]): Promise<CheckIn[]> {
    const rows = await this.db.checkIn.findMany({ where: { memberId, week: { in: weeks } } });
    return rows.map(toCheckIn);
  }

  async listCheckInsOf(memberIds: string[], weeks: string[]): Promise<CheckIn[]> {
    if (memberIds.length === 0) return [];
    const rows = await this.db.checkIn.findMany({ where: { memberId: { in: memberIds }, week: { in: weeks } } });
    return rows.map(toCheckIn);
  }

  async answeredWeeks(memberId: string, limit: number): Promise<string[]> {
    const rows = await this.db.checkIn.findMany({
      where: { memberId },
      distinct: ["week"],
      orderBy: { week: "desc" },
      take: limit,
      select: { week: true },
    });
    return rows.map((r) => r.week);
  }

  async *exportCheckIns(): AsyncIterable<CheckInExportRow> {
    const rows = byIdPages((after) =>
      this.db.checkIn.findMany({
        take: PAGE_SIZE,
        ...after,
        orderBy: { id: "asc" },
        include: { member: { include: { workspace: true } } },
      }),
    );
    for await (const row of rows) {
      yield {
        platform: row.member.workspace.platform as Platform,
        workspace: row.member.workspace.externalId,
        leader: row.member.externalId,
        leaderName: row.member.displayName,
        question: row.question as QuestionKey,
        week: row.week,
        rating: row.rating,
        reflection: row.reflection,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
      };
    }
  }
}
