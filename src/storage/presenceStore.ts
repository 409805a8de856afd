// Presence signals, tracked channels, processed events and digest targets on Prisma. The
// weekly figures are computed by the database (GROUP BY), so a digest over millions of
// signals reads a few thousand rows, not millions.
import crypto from "node:crypto";
import type {
  ChannelState,
  IngestState,
  LeaderWeekStats,
  PresenceStore,
  Signal,
  SuggestionWeekStats,
  WeekCounts,
} from "../core/presence/ports.js";
import type { Workspace } from "../core/shared/model.js";
import { isQuestionKey, QUESTION_KEYS } from "../core/shared/questions.js";
import type { Db } from "./database.js";
import { Prisma } from "./generated/client.js";
import { isUniqueViolation } from "./uniqueViolation.js";
import { toWorkspace } from "./workspaceStore.js";

type CountRow = {
  channelRef?: string;
  week: string;
  messages: unknown;
  customer: unknown;
  positive: unknown;
  negative: unknown;
  authors: unknown;
};

const num = (value: unknown) => Number(value ?? 0);

function toCounts(row: CountRow, channelRef = row.channelRef ?? ""): WeekCounts {
  return {
    channelRef,
    week: row.week,
    messages: num(row.messages),
    customer: num(row.customer),
    positive: num(row.positive),
    negative: num(row.negative),
    authors: num(row.authors),
  };
}

/** The counted columns, portable between SQLite and PostgreSQL (no SUM over booleans). */
const COUNTS = Prisma.sql`COUNT(*) AS "messages",
  SUM(CASE WHEN "customer" THEN 1 ELSE 0 END) AS "customer",
  SUM(CASE WHEN "tone" = 'positive' THEN 1 ELSE 0 END) AS "positive",
  SUM(CASE WHEN "tone" = 'negative' THEN 1 ELSE 0 END) AS "negative",
  COUNT(DISTINCT "authorHash") AS "authors"`;

function toLeaderStats(row: { leaders: number; nudged: number; answered: number; questions: string }): LeaderWeekStats {
  const kept = new Map((JSON.parse(row.questions) as LeaderWeekStats["questions"]).map((q) => [q.question, q]));
  return {
    leaders: row.leaders,
    nudged: row.nudged,
    answered: row.answered,
    questions: QUESTION_KEYS.map((question) => ({
      question,
      leaders: kept.get(question)?.leaders ?? 0,
      average: kept.get(question)?.average ?? null,
    })),
  };
}

export class PrismaPresenceStore implements PresenceStore {
  constructor(private readonly db: Db) {}

  async ingestState(workspaceId: string, eventIds: string[], channelRefs: string[]): Promise<IngestState> {
    // One raw statement for both questions: every batch asks them, and each Prisma query costs
    // about a millisecond of CPU before the database does anything. Never cached: an exclusion
    // made on another replica counts at once.
    const events = eventIds.length
      ? Prisma.sql`SELECT 'event' AS "kind", "id" AS "ref", NULL AS "excluded" FROM "ProcessedEvent" WHERE "id" IN (${Prisma.join(eventIds)}) UNION ALL `
      : Prisma.empty;
    const rows = channelRefs.length
      ? await this.db.$queryRaw<{ kind: string; ref: string; excluded: unknown }[]>`
          ${events}SELECT 'channel' AS "kind", "channelRef" AS "ref", "excluded" FROM "TrackedChannel"
          WHERE "workspaceId" = ${workspaceId} AND "channelRef" IN (${Prisma.join(channelRefs)})`
      : [];
    const known = new Set<string>();
    const channels = new Map<string, ChannelState>(channelRefs.map((ref) => [ref, "unknown"]));
    for (const row of rows) {
      if (row.kind === "event") known.add(row.ref);
      // SQLite answers 0/1, PostgreSQL a boolean.
      else channels.set(row.ref, row.excluded === true || Number(row.excluded) === 1 ? "excluded" : "tracked");
    }
    return { known, channels };
  }

  async recordEvents(eventIds: string[], at: Date): Promise<void> {
    if (eventIds.length === 0) return;
    // One statement for a whole batch. Sorted, so two replicas recording overlapping batches
    // take the rows' locks in the same order and cannot deadlock.
    await this.db.$executeRaw`
      INSERT INTO "ProcessedEvent" ("id", "createdAt")
      VALUES ${Prisma.join([...eventIds].sort().map((id) => Prisma.sql`(${id}, ${at})`))}
      ON CONFLICT ("id") DO NOTHING`;
  }

  async pruneEvents(before: Date): Promise<void> {
    await this.db.processedEvent.deleteMany({ where: { createdAt: { lt: before } } });
  }

  async trackChannel(workspaceId: string, channelRef: string, groupRef?: string): Promise<boolean> {
    try {
      await this.db.trackedChannel.create({ data: { workspaceId, channelRef, ...(groupRef ? { groupRef } : {}) } });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async channelsOfGroup(workspaceId: string, groupRef: string): Promise<string[]> {
    const rows = await this.db.trackedChannel.findMany({
      where: { workspaceId, groupRef },
      select: { channelRef: true },
    });
    return rows.map((r) => r.channelRef);
  }

  async setExcluded(workspaceId: string, channelRef: string, excluded: boolean): Promise<void> {
    await this.db.trackedChannel.upsert({
      where: { workspaceId_channelRef: { workspaceId, channelRef } },
      create: { workspaceId, channelRef, excluded },
      update: { excluded },
    });
  }

  async forgetChannel(workspaceId: string, channelRef: string): Promise<void> {
    await this.db.$transaction([
      this.db.trackedChannel.deleteMany({ where: { workspaceId, channelRef } }),
      this.db.presenceSignal.deleteMany({ where: { workspaceId, channelRef } }),
    ]);
  }

  async deleteChannelSignals(workspaceId: string, channelRef: string): Promise<number> {
    return (await this.db.presenceSignal.deleteMany({ where: { workspaceId, channelRef } })).count;
  }

  async markBaseline(workspaceId: string, channelRef: string, at: Date): Promise<void> {
    await this.db.trackedChannel.updateMany({ where: { workspaceId, channelRef }, data: { baselineAt: at } });
  }

  async upsertSignals(signals: Signal[]): Promise<void> {
    if (signals.length === 0) return;
    const now = new Date();
    // One statement per batch. An edit re-classifies; the day, week and author stay those of
    // the original message.
    const values = signals.map(
      (s) =>
        Prisma.sql`(${crypto.randomUUID()}, ${s.workspaceId}, ${s.channelRef}, ${s.messageRef}, ${s.day}, ${s.week}, ${s.customer}, ${s.tone}, ${s.classifier}, ${s.authorHash}, ${now}, ${now})`,
    );
    await this.db.$executeRaw`
      INSERT INTO "PresenceSignal" ("id", "workspaceId", "channelRef", "messageRef", "day", "week", "customer", "tone", "classifier", "authorHash", "createdAt", "updatedAt")
      VALUES ${Prisma.join(values)}
      ON CONFLICT ("workspaceId", "channelRef", "messageRef") DO UPDATE SET
        "customer" = excluded."customer", "tone" = excluded."tone", "classifier" = excluded."classifier", "updatedAt" = excluded."updatedAt"`;
    // The exclusion is checked after the write, in its own statement: either this check sees an
    // exclusion made at the same moment (on any replica) and removes what was just written, or
    // that exclusion's own deletion runs later and sees this write. No cache can be stale here.
    for (const workspaceId of new Set(signals.map((s) => s.workspaceId))) {
      const channels = [...new Set(signals.filter((s) => s.workspaceId === workspaceId).map((s) => s.channelRef))];
      await this.db.$executeRaw`
        DELETE FROM "PresenceSignal"
        WHERE "workspaceId" = ${workspaceId} AND "channelRef" IN (${Prisma.join(channels)})
          AND "channelRef" IN (SELECT "channelRef" FROM "TrackedChannel" WHERE "workspaceId" = ${workspaceId} AND "excluded")`;
    }
  }

  async deleteSignal(workspaceId: string, channelRef: string, messageRef: string): Promise<void> {
    await this.db.presenceSignal.deleteMany({ where: { workspaceId, channelRef, messageRef } });
  }

  async deleteSignalsBefore(day: string): Promise<number> {
    return (await this.db.presenceSignal.deleteMany({ where: { day: { lt: day } } })).count;
  }

  async channelWeeks(workspaceId: string, weeks: string[]): Promise<WeekCounts[]> {
    const rows = await this.db.$queryRaw<CountRow[]>`
      SELECT "channelRef", "week", ${COUNTS}
      FROM "PresenceSignal"
      WHERE "workspaceId" = ${workspaceId} AND "week" IN (${Prisma.join(weeks)})
      GROUP BY "channelRef", "week"`;
    return rows.map((r) => toCounts(r));
  }

  async combinedWeeks(workspaceId: string, weeks: string[], channelRefs?: string[]): Promise<WeekCounts[]> {
    const onlyChannels = channelRefs ? Prisma.sql`AND "channelRef" IN (${Prisma.join(channelRefs)})` : Prisma.empty;
    const rows = await this.db.$queryRaw<CountRow[]>`
      SELECT "week", ${COUNTS}
      FROM "PresenceSignal"
      WHERE "workspaceId" = ${workspaceId} AND "week" IN (${Prisma.join(weeks)}) ${onlyChannels}
      GROUP BY "week"`;
    return rows.map((r) => toCounts(r, "*"));
  }

  async leaderStats(workspaceId: string, week: string): Promise<LeaderWeekStats> {
    const sent = { member: { workspaceId }, week, sentAt: { not: null } };
    // Only the answers of leaders who were sent a nudge for this week, and only for this week:
    // anyone else's check-in (or an answer given for another week) is not a leader figure.
    const answersOfNudged = { week, member: { workspaceId, nudges: { some: { week, sentAt: { not: null } } } } };
    const [nudgedLeaders, nudged, answered, perQuestion] = await Promise.all([
      this.db.nudge.groupBy({ by: ["memberId"], where: sent }),
      this.db.nudge.count({ where: sent }),
      this.db.nudge.count({ where: { ...sent, status: "answered" } }),
      this.db.checkIn.groupBy({
        by: ["question"],
        where: answersOfNudged,
        _count: { memberId: true },
        _avg: { rating: true },
      }),
    ]);
    // One check-in per leader, question and week (unique key), so the count is the number of leaders.
    const byQuestion = new Map(perQuestion.filter((q) => isQuestionKey(q.question)).map((q) => [q.question, q]));
    return {
      leaders: nudgedLeaders.length,
      nudged,
      answered,
      questions: QUESTION_KEYS.map((question) => {
        const row = byQuestion.get(question);
        return { question, leaders: row?._count.memberId ?? 0, average: row?._avg.rating ?? null };
      }),
    };
  }

  async frozenLeaderStats(workspaceId: string, week: string): Promise<LeaderWeekStats | null> {
    const row = await this.db.leaderWeekFigures.findUnique({ where: { workspaceId_week: { workspaceId, week } } });
    return row && toLeaderStats(row);
  }

  async freezeLeaderStats(workspaceId: string, week: string, stats: LeaderWeekStats): Promise<LeaderWeekStats> {
    const { leaders, nudged, answered } = stats;
    try {
      await this.db.leaderWeekFigures.create({
        data: { workspaceId, week, leaders, nudged, answered, questions: JSON.stringify(stats.questions) },
      });
    } catch (error) {
      // Another replica (or a digest racing a preview) froze the week first: its figures stand.
      if (!isUniqueViolation(error)) throw error;
    }
    return (await this.frozenLeaderStats(workspaceId, week))!;
  }

  async suggestionStats(workspaceId: string, weekStart: Date, weekEnd: Date): Promise<SuggestionWeekStats> {
    const eightWeeksBack = new Date(weekEnd.getTime() - 8 * 7 * 86400_000);
    const recent = { workspaceId, createdAt: { gte: eightWeeksBack, lt: weekEnd } };
    const [created, total, answered, top] = await Promise.all([
      this.db.suggestion.count({ where: { workspaceId, createdAt: { gte: weekStart, lt: weekEnd } } }),
      this.db.suggestion.count({ where: recent }),
      this.db.suggestion.count({ where: { ...recent, status: { not: "new" } } }),
      this.db.suggestion.findMany({
        where: recent,
        orderBy: [{ votes: { _count: "desc" } }, { createdAt: "desc" }],
        take: 3,
        select: { number: true, text: true, _count: { select: { votes: { where: { active: true } } } } },
      }),
    ]);
    return {
      created,
      answeredShare: total > 0 ? answered / total : null,
      top: top
        .filter((s) => s._count.votes > 0)
        .map((s) => ({ number: s.number, text: s.text.slice(0, 120), votes: s._count.votes })),
    };
  }

  async addDigestTarget(workspaceId: string, channelRef: string): Promise<void> {
    await this.db.digestTarget.upsert({
      where: { workspaceId_channelRef: { workspaceId, channelRef } },
      create: { workspaceId, channelRef },
      update: {},
    });
  }

  async removeDigestTarget(workspaceId: string, channelRef: string): Promise<void> {
    await this.db.digestTarget.deleteMany({ where: { workspaceId, channelRef } });
  }

  async digestTargets(): Promise<{ workspace: Workspace; channelRefs: string[] }[]> {
    const targets = await this.db.digestTarget.findMany();
    const workspaces = await this.db.workspace.findMany({
      where: { id: { in: [...new Set(targets.map((t) => t.workspaceId))] } },
    });
    return workspaces.map((w) => ({
      workspace: toWorkspace(w),
      channelRefs: targets.filter((t) => t.workspaceId === w.id).map((t) => t.channelRef),
    }));
  }
}
