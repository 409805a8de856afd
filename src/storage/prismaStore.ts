// The core's Store on Prisma. Maps rows to domain types and keeps the idempotency rules that
// depend on unique keys (nudge per member and slot, check-in per member, question and week).
import type { Db } from "./database.js";
import type { CheckIn, Language, Member, Nudge, NudgeStatus, Platform, Profile, Workspace, WorkspaceSettings } from "../core/model.js";
import type { CheckInExportRow, DeliveryTarget, LeaderWithWorkspace, NewNudge, Store } from "../core/ports.js";
import { isQuestionKey, type QuestionKey, type Rating } from "../core/questions.js";
import { byIdPages, PAGE_SIZE } from "./paging.js";

type WorkspaceRow = Awaited<ReturnType<Db["workspace"]["findFirstOrThrow"]>>;
type MemberRow = Awaited<ReturnType<Db["member"]["findFirstOrThrow"]>>;
type NudgeRow = Awaited<ReturnType<Db["nudge"]["findFirstOrThrow"]>>;
type CheckInRow = Awaited<ReturnType<Db["checkIn"]["findFirstOrThrow"]>>;

export function toWorkspace(row: WorkspaceRow): Workspace {
  return {
    id: row.id,
    platform: row.platform as Platform,
    externalId: row.externalId,
    cadence: row.cadence as Workspace["cadence"],
    weekday: row.weekday,
    nudgeMinute: row.nudgeMinute,
    includeWeekends: row.includeWeekends,
    language: row.language as Language,
    timezone: row.timezone,
    admins: row.admins.split(",").filter(Boolean),
    suggestionsChannel: row.suggestionsChannel,
    presenceLlm: row.presenceLlm,
    digestWeekday: row.digestWeekday,
    digestMinute: row.digestMinute,
  };
}

export function toMember(row: MemberRow): Member {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    externalId: row.externalId,
    displayName: row.displayName,
    timezone: row.timezone,
    language: row.language as Language | null,
    isLeader: row.isLeader,
    leaderSince: row.leaderSince,
    pausedUntil: row.pausedUntil,
  };
}

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

/** Only the profile fields the platform actually told us; unknown ones keep what we have. */
function profileData(profile: Profile | undefined) {
  const data: { displayName?: string | null; timezone?: string | null; language?: string | null } = {};
  if (profile?.displayName !== undefined) data.displayName = profile.displayName;
  if (profile?.timezone !== undefined) data.timezone = profile.timezone;
  if (profile?.language !== undefined) data.language = profile.language;
  return data;
}

export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === "P2002";
}

/**
 * Every request starts by finding its workspace; settings change rarely. A short cache saves a
 * query per request, and a change made on another replica shows up within WORKSPACE_TTL_MS.
 */
const WORKSPACE_TTL_MS = 10_000;

export class PrismaStore implements Store {
  private readonly workspaces = new Map<string, { at: number; workspace: Workspace }>();

  constructor(private readonly db: Db) {}

  private remember(workspace: Workspace): Workspace {
    this.workspaces.set(`${workspace.platform}|${workspace.externalId}`, { at: Date.now(), workspace });
    return workspace;
  }

  async ensureWorkspace(platform: Platform, externalId: string, defaults: WorkspaceSettings): Promise<Workspace> {
    const cached = this.workspaces.get(`${platform}|${externalId}`);
    if (cached && Date.now() - cached.at < WORKSPACE_TTL_MS) return cached.workspace;
    const key = { platform_externalId: { platform, externalId } };
    const found = await this.db.workspace.findUnique({ where: key });
    if (found) return this.remember(toWorkspace(found));
    try {
      return this.remember(toWorkspace(await this.db.workspace.create({ data: { platform, externalId, ...defaults } })));
    } catch (error) {
      // Two first requests of a new workspace can race; the loser reads the winner's row.
      if (isUniqueViolation(error)) return this.remember(toWorkspace(await this.db.workspace.findUniqueOrThrow({ where: key })));
      throw error;
    }
  }

  async getWorkspace(id: string): Promise<Workspace | null> {
    const row = await this.db.workspace.findUnique({ where: { id } });
    return row && toWorkspace(row);
  }

  async updateWorkspace(id: string, patch: Parameters<Store["updateWorkspace"]>[1]): Promise<Workspace> {
    const { admins, ...settings } = patch;
    const data = admins === undefined ? settings : { ...settings, admins: admins.join(",") };
    return this.remember(toWorkspace(await this.db.workspace.update({ where: { id }, data })));
  }

  async ensureMember(workspaceId: string, externalId: string, profile?: Profile): Promise<Member> {
    const data = profileData(profile);
    const row = await this.db.member.upsert({
      where: { workspaceId_externalId: { workspaceId, externalId } },
      create: { workspaceId, externalId, ...data },
      update: data,
    });
    return toMember(row);
  }

  async findMember(workspaceId: string, externalId: string): Promise<Member | null> {
    const row = await this.db.member.findUnique({ where: { workspaceId_externalId: { workspaceId, externalId } } });
    return row && toMember(row);
  }

  async updateMember(
    id: string,
    patch: Partial<Pick<Member, "isLeader" | "leaderSince" | "pausedUntil">> & Profile,
  ): Promise<Member> {
    const { displayName, timezone, language, ...rest } = patch;
    return toMember(await this.db.member.update({ where: { id }, data: { ...rest, ...profileData({ displayName, timezone, language }) } }));
  }

  async listLeaders(workspaceId: string): Promise<Member[]> {
    const rows = await this.db.member.findMany({ where: { workspaceId, isLeader: true }, orderBy: { createdAt: "asc" } });
    return rows.map(toMember);
  }

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
      const chunk = nudges.slice(i, i + 500).map((n) => ({ ...n, questions: n.questions.join(","), nextAttemptAt: n.dueAt }));
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

  async claimDueNudges(now: Date, limit: number, leaseMs: number, onlyIds?: string[]): Promise<Nudge[]> {
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
    const claimed: Nudge[] = [];
    const claimedUntil = new Date(now.getTime() + leaseMs);
    for (const candidate of candidates) {
      // The conditional update is the lock: only one caller can move claimedUntil forward.
      const { count } = await this.db.nudge.updateMany({ where: { ...due, id: candidate.id }, data: { claimedUntil } });
      if (count !== 1) continue;
      const nudge = toNudge(await this.db.nudge.findUniqueOrThrow({ where: { id: candidate.id } }));
      // Every outcome clears claimedUntil; one still set means its sender never finished.
      claimed.push({ ...nudge, interrupted: candidate.claimedUntil !== null });
    }
    return claimed;
  }

  async getNudge(id: string): Promise<Nudge | null> {
    const row = await this.db.nudge.findUnique({ where: { id } });
    return row && toNudge(row);
  }

  async latestNudge(memberId: string): Promise<Nudge | null> {
    const row = await this.db.nudge.findFirst({ where: { memberId, status: { not: "missed" } }, orderBy: { dueAt: "desc" } });
    return row && toNudge(row);
  }

  async updateNudge(id: string, patch: Parameters<Store["updateNudge"]>[1]): Promise<Nudge> {
    return toNudge(await this.db.nudge.update({ where: { id }, data: patch }));
  }

  async saveCheckIn(input: Parameters<Store["saveCheckIn"]>[0]): Promise<CheckIn> {
    const { memberId, question, week, rating } = input;
    const reflection = input.reflection === undefined ? {} : { reflection: input.reflection };
    const nudgeId = input.nudgeId ? { nudgeId: input.nudgeId } : {};
    const where = { memberId_question_week: { memberId, question, week } };
    try {
      return toCheckIn(
        await this.db.checkIn.upsert({ where, create: { memberId, question, week, rating, ...reflection, ...nudgeId }, update: { rating, ...reflection, ...nudgeId } }),
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
      this.db.checkIn.findMany({ take: PAGE_SIZE, ...after, orderBy: { id: "asc" }, include: { member: { include: { workspace: true } } } }),
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
