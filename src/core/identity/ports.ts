// What the identity service needs from storage: workspaces (one per Slack team or Teams
// tenant), the people in them, and where a platform can reach a person proactively.
import type { Member, Platform, Profile, Workspace, WorkspaceSettings } from "../shared/model.js";

export type WorkspacePatch = Partial<WorkspaceSettings> &
  Partial<
    Pick<
      Workspace,
      | "admins"
      | "suggestionsChannel"
      | "presenceLlm"
      | "reminders"
      | "languageChosen"
      | "digestWeekday"
      | "digestMinute"
    >
  >;

export type MemberPatch = Partial<Pick<Member, "isLeader" | "leaderSince" | "pausedUntil">> & Profile;

export interface WorkspaceStore {
  ensureWorkspace(platform: Platform, externalId: string, defaults: WorkspaceSettings): Promise<Workspace>;
  getWorkspace(id: string): Promise<Workspace | null>;
  updateWorkspace(id: string, patch: WorkspacePatch): Promise<Workspace>;

  ensureMember(workspaceId: string, externalId: string, profile?: Profile): Promise<Member>;
  findMember(workspaceId: string, externalId: string): Promise<Member | null>;
  /** The members among these platform ids (a person known by more than one id). */
  findMembers(workspaceId: string, externalIds: readonly string[]): Promise<Member[]>;
  updateMember(id: string, patch: MemberPatch): Promise<Member>;
  listLeaders(workspaceId: string): Promise<Member[]>;
}

export interface StoredAddress {
  /** Opaque to the core: the door that saved it knows its shape (a Teams conversation reference). */
  reference: string;
  /** false after the platform said the person is gone (app removed); true again when saved anew. */
  active: boolean;
}

/** Where a platform can reach a person proactively, one per member. */
export interface AddressStore {
  /** Saves (or replaces) the member's reference and marks it active again. */
  save(memberId: string, reference: string): Promise<void>;
  get(memberId: string): Promise<StoredAddress | null>;
  deactivate(memberId: string): Promise<void>;
}
