// Who is at the door: the workspace (created on first contact), the person's member row (read,
// or read-or-created in one round trip), their language, and what they may do. Every door asks
// here instead of reading storage, and services decide permissions from the Actor it returns.
import type { Language, Member, Platform, Profile, Workspace, WorkspaceSettings } from "../shared/model.js";
import type { WorkspaceStore } from "./ports.js";
import { adoptLanguage } from "./workspaceLanguage.js";

export interface Actor {
  workspace: Workspace;
  /** null when the person has no row yet and the door asked not to create one (anonymous paths). */
  member: Member | null;
  /** The platform id the person is stored under: what nudges and suggestions are compared against. */
  userId: string;
  /** Every platform id the person is known by, for admin checks (Teams: AAD object id and "29:…"). */
  ids: string[];
  language: Language;
  /**
   * The person's own language as their platform reported it (profile locale), null when it never
   * said: what a new workspace adopts from whoever first configures it (workspaceLanguage.ts).
   */
  ownLanguage: Language | null;
  isAdmin: boolean;
  isLeader: boolean;
}

export interface ResolveInput {
  platform: Platform;
  /** The Slack team or Teams tenant. */
  team: string;
  /** The person's platform ids, preferred first: a row under a later id is kept, so one person never becomes two. */
  user: string | readonly string[];
  /** What the platform reported about the person; written only when `create` is set. */
  profile?: Profile;
  /** Read-or-create the member row (with the profile). Without it nothing about the person is written. */
  create?: boolean;
  /** The platform itself says this person administrates the workspace (a Slack workspace admin). */
  platformAdmin?: boolean;
  /** Everyone may administrate while nobody is named admin anywhere (Teams local mode on one machine). */
  openAdminWhenUnset?: boolean;
  /** The person is installing the app: a workspace that has not chosen a language adopts theirs. */
  installing?: boolean;
}

/** Anyone who may act for the team: leaders and admins answer suggestions and ask for them. */
export function leadsOrAdministrates(actor: Pick<Actor, "isLeader" | "isAdmin">): boolean {
  return actor.isLeader || actor.isAdmin;
}

export class IdentityService {
  constructor(
    private readonly deps: {
      workspaces: WorkspaceStore;
      defaults: WorkspaceSettings;
      /** KUNDENNAH_ADMINS: platform ids with admin rights in every workspace. */
      admins: ReadonlySet<string>;
    },
  ) {}

  /** The workspace of a Slack team or Teams tenant, created with the defaults on first contact. */
  workspace(platform: Platform, team: string): Promise<Workspace> {
    return this.deps.workspaces.ensureWorkspace(platform, team, this.deps.defaults);
  }

  resolve(input: ResolveInput & { create: true }): Promise<Actor & { member: Member }>;
  resolve(input: ResolveInput): Promise<Actor>;
  async resolve(input: ResolveInput): Promise<Actor> {
    const found = await this.workspace(input.platform, input.team);
    const ownLanguage = input.profile?.language ?? null;
    const workspace = input.installing ? await adoptLanguage(this.deps.workspaces, found, ownLanguage) : found;
    const ids = [...new Set(typeof input.user === "string" ? [input.user] : input.user)].filter(Boolean);
    if (ids.length === 0) ids.push("unknown");
    const { userId, member } = await this.member(workspace, ids, Boolean(input.create), input.profile);
    const admins = this.deps.admins;
    const named = ids.some((id) => admins.has(id) || workspace.admins.includes(id));
    const open = Boolean(input.openAdminWhenUnset) && admins.size === 0 && workspace.admins.length === 0;
    return {
      workspace,
      member,
      userId,
      ids,
      language: member?.language ?? input.profile?.language ?? workspace.language,
      ownLanguage: member?.language ?? ownLanguage,
      isAdmin: named || Boolean(input.platformAdmin) || open,
      isLeader: Boolean(member?.isLeader),
    };
  }

  /**
   * One statement for a person with one id: an upsert when creating, a read otherwise. A person
   * with several ids costs one read to find which id they are stored under, and a write only
   * when creating and the profile changed.
   */
  private async member(
    workspace: Workspace,
    ids: string[],
    create: boolean,
    profile?: Profile,
  ): Promise<{ userId: string; member: Member | null }> {
    const { workspaces } = this.deps;
    if (ids.length === 1) {
      const userId = ids[0]!;
      const member = create
        ? await workspaces.ensureMember(workspace.id, userId, profile)
        : await workspaces.findMember(workspace.id, userId);
      return { userId, member };
    }
    const found = await workspaces.findMembers(workspace.id, ids);
    const existing = ids.map((id) => found.find((m) => m.externalId === id)).find((m) => m !== undefined) ?? null;
    const userId = existing?.externalId ?? ids[0]!;
    if (!create) return { userId, member: existing };
    if (existing && !changes(existing, profile)) return { userId, member: existing };
    return { userId, member: await workspaces.ensureMember(workspace.id, userId, profile) };
  }

  /** The platform id a person is stored under (see ResolveInput.user); nothing is written. */
  async personKey(workspace: Workspace, ids: readonly string[]): Promise<string> {
    if (ids.length <= 1) return ids[0] ?? "unknown";
    return (await this.member(workspace, [...ids], false)).userId;
  }

  /** A person by platform id, for naming them in a message; null when never seen. */
  find(workspace: Workspace, externalId: string): Promise<Member | null> {
    return this.deps.workspaces.findMember(workspace.id, externalId);
  }

  leaders(workspace: Workspace): Promise<Member[]> {
    return this.deps.workspaces.listLeaders(workspace.id);
  }

  /** The leaders and the admins (named here or in KUNDENNAH_ADMINS) who have a member row. */
  async leadsAndAdmins(workspace: Workspace): Promise<Member[]> {
    const adminIds = [...new Set([...workspace.admins, ...this.deps.admins])];
    const [leaders, admins] = await Promise.all([
      this.leaders(workspace),
      adminIds.length ? this.deps.workspaces.findMembers(workspace.id, adminIds) : [],
    ]);
    return [...leaders, ...admins.filter((a) => !leaders.some((l) => l.id === a.id))];
  }
}

/** Whether writing `profile` would change the stored row (fields the platform did not report keep theirs). */
function changes(member: Member, profile: Profile | undefined): boolean {
  if (!profile) return false;
  return (
    (profile.displayName !== undefined && profile.displayName !== member.displayName) ||
    (profile.timezone !== undefined && profile.timezone !== member.timezone) ||
    (profile.language !== undefined && profile.language !== member.language)
  );
}
