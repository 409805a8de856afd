// The identity service against an in-memory WorkspaceStore: who someone is, under which id they
// are stored, what is written (and when nothing is), and who counts as an admin. Plus the
// refusals the services give before they touch anything, for people who may not act.
import { beforeEach, describe, expect, it } from "vitest";
import { AdminService } from "../../../src/core/admin/service.js";
import type { MemberPatch, WorkspacePatch, WorkspaceStore } from "../../../src/core/identity/ports.js";
import { IdentityService } from "../../../src/core/identity/service.js";
import type { Member, Platform, Profile, Workspace, WorkspaceSettings } from "../../../src/core/shared/model.js";
import { SuggestionService } from "../../../src/core/suggestions/service.js";

const DEFAULTS: WorkspaceSettings = {
  cadence: "weekly",
  weekday: 1,
  nudgeMinute: 540,
  includeWeekends: false,
  language: "de",
  timezone: "Europe/Berlin",
};

/** Keeps rows in maps and counts the calls that write, so a test can say "nothing was written". */
class MemoryWorkspaces implements WorkspaceStore {
  readonly workspaces = new Map<string, Workspace>();
  readonly members = new Map<string, Member>();
  writes = 0;
  private ids = 0;

  async ensureWorkspace(platform: Platform, externalId: string, defaults: WorkspaceSettings): Promise<Workspace> {
    const key = `${platform}|${externalId}`;
    let workspace = this.workspaces.get(key);
    if (!workspace) {
      workspace = {
        id: `w${++this.ids}`,
        platform,
        externalId,
        ...defaults,
        admins: [],
        suggestionsChannel: null,
        presenceLlm: false,
        languageChosen: false,
        reminders: true,
        digestWeekday: 1,
        digestMinute: 540,
      };
      this.workspaces.set(key, workspace);
    }
    return workspace;
  }
  async getWorkspace(id: string) {
    return [...this.workspaces.values()].find((w) => w.id === id) ?? null;
  }
  async updateWorkspace(id: string, patch: WorkspacePatch) {
    const workspace = (await this.getWorkspace(id))!;
    Object.assign(workspace, patch);
    this.writes++;
    return workspace;
  }
  async ensureMember(workspaceId: string, externalId: string, profile: Profile = {}) {
    this.writes++;
    const key = `${workspaceId}|${externalId}`;
    const found = this.members.get(key);
    const member: Member = found
      ? { ...found, ...profile }
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
          ...profile,
        };
    this.members.set(key, member);
    return member;
  }
  async findMember(workspaceId: string, externalId: string) {
    return this.members.get(`${workspaceId}|${externalId}`) ?? null;
  }
  async findMembers(workspaceId: string, externalIds: readonly string[]) {
    return externalIds.flatMap((id) => this.members.get(`${workspaceId}|${id}`) ?? []);
  }
  async updateMember(id: string, patch: MemberPatch) {
    const [key, member] = [...this.members].find(([, m]) => m.id === id)!;
    const updated = { ...member, ...patch };
    this.members.set(key, updated);
    this.writes++;
    return updated;
  }
  async listLeaders(workspaceId: string) {
    return [...this.members.values()].filter((m) => m.workspaceId === workspaceId && m.isLeader);
  }
}

/** A dependency that must not be used: any access throws, naming what was reached for. */
function untouchable<T>(name: string): T {
  return new Proxy(
    {},
    {
      get: (_target, key) => {
        throw new Error(`${name}.${String(key)} was used`);
      },
    },
  ) as T;
}

let store: MemoryWorkspaces;
let identity: IdentityService;

beforeEach(() => {
  store = new MemoryWorkspaces();
  identity = new IdentityService({ workspaces: store, defaults: DEFAULTS, admins: new Set(["UROOT"]) });
});

describe("IdentityService.resolve", () => {
  it("writes nothing about a person unless asked to create, and speaks the profile's language meanwhile", async () => {
    const visitor = await identity.resolve({
      platform: "slack",
      team: "T1",
      user: "UANNA",
      profile: { language: "en" },
    });
    expect(visitor).toMatchObject({ member: null, userId: "UANNA", language: "en", isAdmin: false, isLeader: false });
    expect(store.members.size).toBe(0);
    expect(store.writes).toBe(0);
  });

  it("reads-or-creates with one write for a person with one id, keeping the profile", async () => {
    const actor = await identity.resolve({
      platform: "slack",
      team: "T1",
      user: "UANNA",
      profile: { displayName: "Anna", language: "en" },
      create: true,
    });
    expect(actor.member).toMatchObject({ externalId: "UANNA", displayName: "Anna", language: "en" });
    expect(store.writes).toBe(1);
  });

  it("keeps a person stored under their second id under it, and writes only when the profile changed", async () => {
    const workspace = await identity.workspace("teams", "tenant");
    await store.ensureMember(workspace.id, "29:anna", { displayName: "Anna" });
    store.writes = 0;
    const same = await identity.resolve({
      platform: "teams",
      team: "tenant",
      user: ["aad-anna", "29:anna"],
      profile: { displayName: "Anna" },
      create: true,
    });
    expect(same.userId).toBe("29:anna");
    expect(store.writes).toBe(0);
    const renamed = await identity.resolve({
      platform: "teams",
      team: "tenant",
      user: ["aad-anna", "29:anna"],
      profile: { displayName: "Anna B." },
      create: true,
    });
    expect(renamed.member.displayName).toBe("Anna B.");
    expect(store.writes).toBe(1);
    expect(await identity.personKey(workspace, ["aad-ben", "29:ben"])).toBe("aad-ben");
  });

  it("counts KUNDENNAH_ADMINS, the workspace's named admins and platform admins as admins, and local mode only while nobody is named", async () => {
    expect((await identity.resolve({ platform: "slack", team: "T1", user: "UROOT" })).isAdmin).toBe(true);
    expect(
      (await identity.resolve({ platform: "slack", team: "T1", user: "UOWNER", platformAdmin: true })).isAdmin,
    ).toBe(true);
    const workspace = await identity.workspace("slack", "T1");
    await store.updateWorkspace(workspace.id, { admins: ["UNAMED"] });
    expect((await identity.resolve({ platform: "slack", team: "T1", user: "UNAMED" })).isAdmin).toBe(true);
    expect((await identity.resolve({ platform: "slack", team: "T1", user: "UANNA" })).isAdmin).toBe(false);

    const local = new IdentityService({ workspaces: store, defaults: DEFAULTS, admins: new Set() });
    expect(
      (await local.resolve({ platform: "teams", team: "fresh", user: "29:x", openAdminWhenUnset: true })).isAdmin,
    ).toBe(true);
    expect(
      (await local.resolve({ platform: "slack", team: "T1", user: "UANNA", openAdminWhenUnset: true })).isAdmin,
    ).toBe(false);
  });
});

describe("services refuse people who may not act, before touching anything", () => {
  it("admin.run and admin.saveSettings refuse a non-admin", async () => {
    const admin = new AdminService({
      workspaces: untouchable("workspaces"),
      nudges: untouchable("nudges"),
      suggestions: untouchable("suggestions"),
      presence: untouchable("presence"),
      mirror: untouchable("mirror"),
      presenceStore: untouchable("presenceStore"),
      vocabulary: untouchable("vocabulary"),
      clock: () => new Date(),
      llmAvailable: false,
      dashboard: untouchable("dashboard"),
    });
    const anna = await identity.resolve({ platform: "slack", team: "T1", user: "UANNA" });
    const ctx = { actor: anna, mention: (id: string) => id, profile: async () => ({}) };
    expect(await admin.run({ kind: "nudge-now" }, ctx)).toEqual({ kind: "refused", reason: "not-admin" });
    expect(await admin.run({ kind: "leaders-add", people: ["UBEN"] }, ctx)).toEqual({
      kind: "refused",
      reason: "not-admin",
    });
    expect(await admin.run({ kind: "viewers-add", people: ["UBEN"] }, ctx)).toEqual({
      kind: "refused",
      reason: "not-admin",
    });
    expect(await admin.saveSettings(anna, { includeWeekends: true, cadence: "workdays" })).toEqual({
      ok: false,
      reason: "not-admin",
    });
  });

  it("suggestions.ask, forAnswer and respond refuse someone who neither leads nor administrates", async () => {
    const outbox = { handle: () => undefined } as never;
    const suggestions = new SuggestionService({
      workspaces: untouchable("workspaces"),
      suggestions: untouchable("suggestionStore"),
      outbox,
      clock: () => new Date(),
      logger: untouchable("logger"),
      messengers: untouchable("messengers"),
    });
    const anna = await identity.resolve({ platform: "slack", team: "T1", user: "UANNA", create: true });
    expect(await suggestions.ask({ actor: anna, channel: "C1" })).toEqual({ ok: false, reason: "not-allowed" });
    expect(await suggestions.forAnswer(anna, "s1")).toEqual({ ok: false, reason: "not-allowed" });
    expect(await suggestions.respond({ actor: anna, suggestionId: "s1", status: "done", note: null })).toEqual({
      ok: false,
      reason: "not-allowed",
    });
    const leader = { ...anna, isLeader: true };
    expect(await suggestions.ask({ actor: leader, channel: null })).toEqual({ ok: false, reason: "no-channel" });
  });
});

describe("a new workspace's language", () => {
  it("is adopted once from whoever installs it, and a non-installing visit changes nothing", async () => {
    const visit = await identity.resolve({
      platform: "teams",
      team: "tenant",
      user: "29:eve",
      profile: { language: "en" },
    });
    expect(visit.workspace).toMatchObject({ language: DEFAULTS.language, languageChosen: false });
    expect(visit.ownLanguage).toBe("en");
    const first = await identity.resolve({
      platform: "teams",
      team: "tenant",
      user: "29:emma",
      profile: { language: "en" },
      create: true,
      installing: true,
    });
    expect(first.workspace).toMatchObject({ language: "en", languageChosen: true });
    const later = await identity.resolve({
      platform: "teams",
      team: "tenant",
      user: "29:klaus",
      profile: { language: "de" },
      create: true,
      installing: true,
    });
    expect(later.workspace).toMatchObject({ language: "en", languageChosen: true });
    expect(later.language).toBe("de"); // his replies stay in his own language
  });
});
