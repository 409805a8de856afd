// WorkspaceStore in memory: workspaces and members in maps, the same uniqueness as the database
// (one workspace per platform and team, one member per workspace and platform id).
import type { MemberPatch, WorkspacePatch, WorkspaceStore } from "../../../src/core/identity/ports.js";
import type { Member, Platform, Profile, Workspace, WorkspaceSettings } from "../../../src/core/shared/model.js";

export const DEFAULT_SETTINGS: WorkspaceSettings = {
  cadence: "weekly",
  weekday: 1,
  nudgeMinute: 9 * 60,
  includeWeekends: false,
  language: "de",
  timezone: "Europe/Berlin",
};

export class MemoryWorkspaceStore implements WorkspaceStore {
  readonly workspaces = new Map<string, Workspace>();
  readonly members = new Map<string, Member>();
  /** Every call that writes, with its arguments: what this store "received". */
  readonly writes: { method: string; args: unknown[] }[] = [];
  private ids = 0;

  async ensureWorkspace(platform: Platform, externalId: string, defaults: WorkspaceSettings): Promise<Workspace> {
    const found = [...this.workspaces.values()].find((w) => w.platform === platform && w.externalId === externalId);
    if (found) return { ...found };
    this.writes.push({ method: "ensureWorkspace", args: [platform, externalId, defaults] });
    const workspace: Workspace = {
      id: `w${++this.ids}`,
      platform,
      externalId,
      ...defaults,
      admins: [],
      suggestionsChannel: null,
      presenceLlm: false,
      digestWeekday: 1,
      digestMinute: 9 * 60,
      reminders: true,
      languageChosen: false,
    };
    this.workspaces.set(workspace.id, workspace);
    return { ...workspace };
  }

  async getWorkspace(id: string): Promise<Workspace | null> {
    const found = this.workspaces.get(id);
    return found ? { ...found, admins: [...found.admins] } : null;
  }

  async updateWorkspace(id: string, patch: WorkspacePatch): Promise<Workspace> {
    this.writes.push({ method: "updateWorkspace", args: [id, patch] });
    const found = this.workspaces.get(id);
    if (!found) throw new Error(`no workspace ${id}`);
    const updated = { ...found, ...patch };
    this.workspaces.set(id, updated);
    return { ...updated };
  }

  async ensureMember(workspaceId: string, externalId: string, profile: Profile = {}): Promise<Member> {
    this.writes.push({ method: "ensureMember", args: [workspaceId, externalId, profile] });
    const found = [...this.members.values()].find((m) => m.workspaceId === workspaceId && m.externalId === externalId);
    const defined = Object.fromEntries(Object.entries(profile).filter(([, v]) => v !== undefined));
    const member: Member = found
      ? { ...found, ...defined }
      : {
          id: `m${++this.ids}`,
          workspaceId,
          externalId,
          displayName: null,
          timezone: null,
          language: null,
          isLeader: false,
          leaderSince: null,
          pausedUntil: null,
          ...defined,
        };
    this.members.set(member.id, member);
    return { ...member };
  }

  async findMember(workspaceId: string, externalId: string): Promise<Member | null> {
    const found = [...this.members.values()].find((m) => m.workspaceId === workspaceId && m.externalId === externalId);
    return found ? { ...found } : null;
  }

  async findMembers(workspaceId: string, externalIds: readonly string[]): Promise<Member[]> {
    return [...this.members.values()]
      .filter((m) => m.workspaceId === workspaceId && externalIds.includes(m.externalId))
      .map((m) => ({ ...m }));
  }

  async updateMember(id: string, patch: MemberPatch): Promise<Member> {
    this.writes.push({ method: "updateMember", args: [id, patch] });
    const found = this.members.get(id);
    if (!found) throw new Error(`no member ${id}`);
    const updated = { ...found, ...patch };
    this.members.set(id, updated);
    return { ...updated };
  }

  async listLeaders(workspaceId: string): Promise<Member[]> {
    return [...this.members.values()].filter((m) => m.workspaceId === workspaceId && m.isLeader).map((m) => ({ ...m }));
  }

  /** Test setup: a workspace with these settings changed from the defaults. */
  async workspace(patch: WorkspacePatch = {}, platform: Platform = "slack", team = "T1"): Promise<Workspace> {
    const workspace = await this.ensureWorkspace(platform, team, DEFAULT_SETTINGS);
    return Object.keys(patch).length ? this.updateWorkspace(workspace.id, patch) : workspace;
  }

  /** Test setup: a leader since `since` (long ago by default). */
  async leader(workspace: Workspace, externalId: string, patch: MemberPatch = {}): Promise<Member> {
    const member = await this.ensureMember(workspace.id, externalId);
    return this.updateMember(member.id, { isLeader: true, leaderSince: new Date("2020-01-01T00:00:00Z"), ...patch });
  }
}
