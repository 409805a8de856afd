// Workspaces and their members on Prisma: the identity service's WorkspaceStore. Maps rows
// to domain types; a member is keyed by (workspace, platform id).

import type { MemberPatch, WorkspacePatch, WorkspaceStore } from "../core/identity/ports.js";
import type { Language, Member, Platform, Profile, Workspace, WorkspaceSettings } from "../core/shared/model.js";
import type { Db } from "./database.js";
import { isUniqueViolation } from "./uniqueViolation.js";

type WorkspaceRow = Awaited<ReturnType<Db["workspace"]["findFirstOrThrow"]>>;
type MemberRow = Awaited<ReturnType<Db["member"]["findFirstOrThrow"]>>;

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
    reminders: row.reminders,
    languageChosen: row.languageChosen,
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

/** Only the profile fields the platform actually told us; unknown ones keep what we have. */
function profileData(profile: Profile | undefined) {
  const data: { displayName?: string | null; timezone?: string | null; language?: string | null } = {};
  if (profile?.displayName !== undefined) data.displayName = profile.displayName;
  if (profile?.timezone !== undefined) data.timezone = profile.timezone;
  if (profile?.language !== undefined) data.language = profile.language;
  return data;
}

/**
 * Every request starts by finding its workspace; settings change rarely. A short cache saves a
 * query per request, and a change made on another replica shows up within WORKSPACE_TTL_MS.
 */
const WORKSPACE_TTL_MS = 10_000;

export class PrismaWorkspaceStore implements WorkspaceStore {
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
      return this.remember(
        toWorkspace(await this.db.workspace.create({ data: { platform, externalId, ...defaults } })),
      );
    } catch (error) {
      // Two first requests of a new workspace can race; the loser reads the winner's row.
      if (isUniqueViolation(error))
        return this.remember(toWorkspace(await this.db.workspace.findUniqueOrThrow({ where: key })));
      throw error;
    }
  }

  async getWorkspace(id: string): Promise<Workspace | null> {
    const row = await this.db.workspace.findUnique({ where: { id } });
    return row && toWorkspace(row);
  }

  async updateWorkspace(id: string, patch: WorkspacePatch): Promise<Workspace> {
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

  async findMembers(workspaceId: string, externalIds: readonly string[]): Promise<Member[]> {
    const rows = await this.db.member.findMany({ where: { workspaceId, externalId: { in: [...externalIds] } } });
    return rows.map(toMember);
  }

  async updateMember(id: string, patch: MemberPatch): Promise<Member> {
    const { displayName, timezone, language, ...rest } = patch;
    return toMember(
      await this.db.member.update({
        where: { id },
        data: { ...rest, ...profileData({ displayName, timezone, language }) },
      }),
    );
  }

  async listLeaders(workspaceId: string): Promise<Member[]> {
    const rows = await this.db.member.findMany({
      where: { workspaceId, isLeader: true },
      orderBy: { createdAt: "asc" },
    });
    return rows.map(toMember);
  }
}
