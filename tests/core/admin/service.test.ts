// AdminService.run for every command kind of src/core/admin/commands.ts, against in-memory
// ports: what each one changes, what it answers (in the admin's language), and that a
// non-admin is refused every one of them with nothing changed anywhere.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { AdminCommand } from "../../../src/core/admin/commands.js";
import type { AdminContext, AdminReply } from "../../../src/core/admin/service.js";
import type { Actor } from "../../../src/core/identity/service.js";
import type { Workspace } from "../../../src/core/shared/model.js";
import { presenceTexts } from "../../../src/prompts/presenceTexts.js";
import { suggestionTexts } from "../../../src/prompts/suggestionTexts.js";
import { texts } from "../../../src/prompts/texts.js";
import { type MemoryCore, memoryCore } from "../support/core.js";

type Kind = AdminCommand["kind"];

/** One example of every command kind; the Record type makes the compiler name any kind left out. */
const EXAMPLES: { [K in Kind]: Extract<AdminCommand, { kind: K }> } = {
  help: { kind: "help" },
  unknown: { kind: "unknown", text: "frobnicate" },
  "leaders-add": { kind: "leaders-add", people: ["UBEN", "UCARA"] },
  "leaders-remove": { kind: "leaders-remove", people: ["UDORA"] },
  "leaders-list": { kind: "leaders-list" },
  "admins-add": { kind: "admins-add", people: ["UEVE"] },
  "admins-remove": { kind: "admins-remove", people: ["UFRED"] },
  "admins-list": { kind: "admins-list" },
  schedule: { kind: "schedule", cadence: "weekly", weekday: 5, minute: 16 * 60 + 30 },
  weekends: { kind: "weekends", on: true },
  reminders: { kind: "reminders", on: false },
  "mirror-schedule": { kind: "mirror-schedule", cadence: "off" },
  language: { kind: "language", language: "en" },
  timezone: { kind: "timezone", timezone: "Asia/Tokyo" },
  settings: { kind: "settings" },
  "viewers-add": { kind: "viewers-add", people: ["UHR"] },
  "viewers-remove": { kind: "viewers-remove", people: ["UHR"] },
  "viewers-list": { kind: "viewers-list" },
  dashboard: { kind: "dashboard" },
  "nudge-now": { kind: "nudge-now" },
  "suggestions-channel": { kind: "suggestions-channel", channel: "CIDEAS" },
  "ask-schedule": { kind: "ask-schedule", channel: "CTEAM", dayOfMonth: 15, minute: 10 * 60 },
  "ask-schedule-off": { kind: "ask-schedule-off", channel: "COLD" },
  "channel-exclude": { kind: "channel-exclude", channel: "CHR" },
  "channel-include": { kind: "channel-include", channel: "CHR" },
  "digest-channel": { kind: "digest-channel", channel: "CLEADS" },
  "digest-channel-remove": { kind: "digest-channel-remove", channel: "CLEADS" },
  "digest-time": { kind: "digest-time", weekday: 2, minute: 8 * 60 },
  "digest-now": { kind: "digest-now" },
  "presence-llm": { kind: "presence-llm", on: true },
  "presence-industry": { kind: "presence-industry", industry: "healthcare" },
  "presence-industry-unknown": { kind: "presence-industry-unknown", name: "alchemy" },
  "presence-terms-add": { kind: "presence-terms-add", terms: ["Fahrgast", "Stadtwerke Nord"] },
  "presence-terms-remove": { kind: "presence-terms-remove", terms: ["Fahrgast"] },
  "presence-terms-list": { kind: "presence-terms-list" },
  "presence-terms-invalid": { kind: "presence-terms-invalid", problem: "empty", verb: "add" },
  usage: { kind: "usage", topic: "schedule" },
};
const KINDS = Object.keys(EXAMPLES) as Kind[];

let m: MemoryCore;
let ws: Workspace;

beforeEach(async () => {
  m = memoryCore({ now: "2026-11-25T10:00:00Z" }); // a Wednesday
  // An admin chose the language already: a first configuration would adopt the admin's own.
  ws = await m.workspaces.workspace({ admins: ["UFRED"], languageChosen: true });
  // Someone to remove as leader, a channel with two signals, an ask schedule to switch off.
  await m.workspaces.leader(ws, "UDORA");
  await m.presence.trackChannel(ws.id, "CHR");
  await m.presence.upsertSignals(
    ["msg1", "msg2"].map((messageRef) => ({
      workspaceId: ws.id,
      channelRef: "CHR",
      messageRef,
      day: "2026-11-24",
      week: "2026-W48",
      customer: true,
      tone: "positive" as const,
      classifier: "builtin",
      authorHash: messageRef,
    })),
  );
  await m.suggestions.upsertAskSchedule(ws.id, "COLD", 1, 9 * 60);
  await m.presence.addDigestTarget(ws.id, "CLEADS");
});

async function actorFor(user: string, admin: boolean, language: "de" | "en" = "en"): Promise<Actor> {
  const actor = await m.core.identity.resolve({
    platform: "slack",
    team: "T1",
    user,
    profile: { language, displayName: user },
    create: true,
    platformAdmin: admin,
  });
  return actor;
}

function ctx(actor: Actor): AdminContext {
  return {
    actor,
    mention: (id) => `<@${id}>`,
    profile: async (id) => ({ displayName: `Name ${id}`, timezone: "America/Chicago", language: "en" }),
    channel: (ref) => `<#${ref}>`,
  };
}

async function run(command: AdminCommand, language: "de" | "en" = "en"): Promise<AdminReply> {
  const admin = await actorFor("UADMIN", true, language);
  return m.core.admin.run(command, ctx(admin));
}

const textOf = (reply: AdminReply) => (reply.kind === "text" ? reply.text : `<${reply.kind}>`);
const en = texts("en");
const workspaceNow = async () => (await m.workspaces.getWorkspace(ws.id))!;

/** Every piece of state the admin commands can touch, as one comparable value. */
function state() {
  return JSON.stringify({
    workspaces: [...m.workspaces.workspaces.values()],
    members: [...m.workspaces.members.values()],
    nudges: [...m.checkins.nudges.values()],
    schedules: [...m.suggestions.schedules.values()],
    channels: [...m.presence.channels.values()],
    signals: [...m.presence.signals.keys()],
    targets: [...m.presence.digestTargetRows],
    vocabulary: [...m.vocabulary.rows.values()],
    viewers: [...m.dashboard.viewers.entries()].map(([w, people]) => [w, [...people]]),
    tokens: m.dashboard.tokens.size,
    outbox: [...m.outbox.rows.values()],
    sent: [m.senders.nudges.sent, m.senders.presence.previews],
  });
}

describe("admin.run refuses a non-admin", () => {
  it.each(KINDS)("%s: refused, nothing changed, nothing to start", async (kind) => {
    const anna = await actorFor("UANNA", false);
    const before = state();
    const reply = await m.core.admin.run(EXAMPLES[kind], ctx(anna));
    // Viewers may ask for a dashboard link; anyone else is refused as "not a viewer".
    expect(reply).toEqual({ kind: "refused", reason: kind === "dashboard" ? "not-viewer" : "not-admin" });
    expect(state()).toBe(before);
  });

  it("covers every command kind there is", () => {
    expect(KINDS).toHaveLength(37);
  });
});

describe("admin.run for an admin", () => {
  it("help, unknown and usage answer with text only", async () => {
    const admin = ctx(await actorFor("UADMIN", true));
    const before = state();
    expect(await m.core.admin.run(EXAMPLES.help, admin)).toEqual({ kind: "text", text: en.adminHelp });
    expect(await m.core.admin.run(EXAMPLES.unknown, admin)).toEqual({
      kind: "text",
      text: "I don't know `frobnicate`. Here is what I can do:",
      withHelp: true,
    });
    expect(await m.core.admin.run(EXAMPLES.usage, admin)).toEqual({
      kind: "text",
      text: en.scheduleUsage,
      usage: "schedule",
    });
    expect(state()).toBe(before);
    expect(await run({ kind: "usage", topic: "digest-time" }, "de")).toEqual({
      kind: "text",
      text: presenceTexts("de").digestTimeUsage,
      usage: "digest-time",
    });
  });

  it("every usage topic has its own text in both languages", async () => {
    const topics = [
      "mentions",
      "schedule",
      "language",
      "timezone",
      "weekends",
      "channel",
      "ask-schedule",
      "presence",
      "digest-time",
      "industry",
      "terms",
    ] as const;
    for (const language of ["de", "en"] as const) {
      const replies = await Promise.all(topics.map((topic) => run({ kind: "usage", topic }, language)));
      const shown = replies.map(textOf);
      expect(shown.every((t) => t.length > 10)).toBe(true);
      expect(new Set(shown).size).toBe(topics.length);
    }
  });

  it("leaders-add makes people leaders from now with their profile, once", async () => {
    const reply = await run(EXAMPLES["leaders-add"]);
    expect(textOf(reply)).toBe(en.leadersAdded("<@UBEN>, <@UCARA>"));
    const ben = (await m.workspaces.findMember(ws.id, "UBEN"))!;
    expect(ben).toMatchObject({
      isLeader: true,
      leaderSince: m.time.now(),
      displayName: "Name UBEN",
      timezone: "America/Chicago",
    });
    // Adding again keeps the original leaderSince.
    m.time.advance(3600_000);
    await run({ kind: "leaders-add", people: ["UBEN"] });
    expect((await m.workspaces.findMember(ws.id, "UBEN"))!.leaderSince).toEqual(new Date("2026-11-25T10:00:00Z"));
  });

  it("leaders-remove ends leadership, and ignores people who were never leaders", async () => {
    const reply = await run({ kind: "leaders-remove", people: ["UDORA", "UNOBODY"] });
    expect(textOf(reply)).toBe(en.leadersRemoved("<@UDORA>, <@UNOBODY>"));
    expect(await m.workspaces.findMember(ws.id, "UDORA")).toMatchObject({ isLeader: false, leaderSince: null });
    expect(await m.workspaces.findMember(ws.id, "UNOBODY")).toBeNull();
  });

  it("leaders-list names the leaders, or says there are none", async () => {
    expect(textOf(await run(EXAMPLES["leaders-list"]))).toBe("**Leaders (1):** <@UDORA>");
    await run(EXAMPLES["leaders-remove"]);
    expect(textOf(await run(EXAMPLES["leaders-list"]))).toBe(en.noLeaders);
  });

  it("admins-add, admins-remove and admins-list keep the workspace's named admins", async () => {
    expect(textOf(await run(EXAMPLES["admins-add"]))).toBe(en.adminsAdded("<@UEVE>"));
    expect((await workspaceNow()).admins).toEqual(["UFRED", "UEVE"]);
    expect(textOf(await run(EXAMPLES["admins-list"]))).toBe(en.adminsList("<@UFRED>, <@UEVE>"));
    expect(textOf(await run({ kind: "admins-remove", people: ["UFRED", "UEVE"] }))).toBe(
      en.adminsRemoved("<@UFRED>, <@UEVE>"),
    );
    expect((await workspaceNow()).admins).toEqual([]);
    expect(textOf(await run(EXAMPLES["admins-list"]))).toBe(en.noAdmins);
  });

  it("schedule and weekends save the cadence and say what it now is", async () => {
    expect(textOf(await run(EXAMPLES.schedule))).toBe(
      "✅ Schedule saved: Weekly — one question, rotating, Friday at 16:30.",
    );
    expect(await workspaceNow()).toMatchObject({ cadence: "weekly", weekday: 5, nudgeMinute: 990 });
    await run({ kind: "schedule", cadence: "workdays", minute: 8 * 60 });
    expect(textOf(await run(EXAMPLES.weekends))).toBe(
      en.scheduleSaved(en.scheduleSummary(en.cadenceWorkdays, "", "08:00", true)),
    );
    expect(await workspaceNow()).toMatchObject({
      cadence: "workdays",
      weekday: 5,
      nudgeMinute: 480,
      includeWeekends: true,
    });
  });

  it("language answers in the new language; timezone saves the default zone", async () => {
    expect(await run(EXAMPLES.language, "de")).toEqual({ kind: "text", text: "✅ Default language: English." });
    expect((await workspaceNow()).language).toBe("en");
    expect(textOf(await run(EXAMPLES.timezone, "de"))).toBe(texts("de").timezoneSaved("Asia/Tokyo"));
    expect((await workspaceNow()).timezone).toBe("Asia/Tokyo");
  });

  it("settings asks the door to open the form, changing nothing", async () => {
    const admin = ctx(await actorFor("UADMIN", true));
    const before = state();
    expect(await m.core.admin.run(EXAMPLES.settings, admin)).toEqual({ kind: "open-settings", workspace: ws });
    expect(state()).toBe(before);
  });

  it("nudge-now counts the leaders first and nudges them only when started", async () => {
    const reply = await run(EXAMPLES["nudge-now"]);
    if (reply.kind !== "nudge-now") throw new Error(`expected nudge-now, got ${reply.kind}`);
    expect(reply.leaders).toBe(1);
    expect(m.checkins.nudges.size).toBe(0);
    expect(await reply.start()).toEqual({ leaders: 1, sent: 1, retrying: 0, failed: 0 });
    expect(m.senders.nudges.sent.map((s) => s.memberExternalId)).toEqual(["UDORA"]);
  });

  it("suggestions-channel, ask-schedule and ask-schedule-off set where and when suggestions are asked", async () => {
    const st = suggestionTexts("en");
    expect(textOf(await run(EXAMPLES["suggestions-channel"]))).toBe(st.channelSaved("<#CIDEAS>"));
    expect((await workspaceNow()).suggestionsChannel).toBe("CIDEAS");
    expect(textOf(await run(EXAMPLES["ask-schedule"]))).toBe(
      "✅ Every month on day 15 at 10:00, I'll ask <#CTEAM> for suggestions.",
    );
    expect(textOf(await run(EXAMPLES["ask-schedule-off"]))).toBe(st.askScheduleRemoved("<#COLD>"));
    expect([...m.suggestions.schedules.values()]).toMatchObject([{ channelRef: "CTEAM", dayOfMonth: 15, minute: 600 }]);
  });

  it("channel-exclude stops measuring and deletes the channel's signals; channel-include resumes", async () => {
    const forget = vi.spyOn(m.core.dashboard.figures, "forget");
    expect(textOf(await run(EXAMPLES["channel-exclude"]))).toBe(presenceTexts("en").excluded("<#CHR>", 2));
    expect(m.presence.signals.size).toBe(0);
    // The dashboard's kept figures go with the signals, not a few minutes later.
    expect(forget).toHaveBeenCalledWith(ws.id);
    expect(await m.presence.channelStates(ws.id, ["CHR"])).toEqual(new Map([["CHR", "excluded"]]));
    expect(textOf(await run(EXAMPLES["channel-include"]))).toBe(presenceTexts("en").included("<#CHR>"));
    expect(await m.presence.channelStates(ws.id, ["CHR"])).toEqual(new Map([["CHR", "tracked"]]));
  });

  it("digest-channel, digest-channel-remove and digest-time set where and when the digest goes", async () => {
    const pt = presenceTexts("en");
    expect(textOf(await run({ kind: "digest-channel", channel: "CBOARD" }))).toBe(
      pt.digestChannelAdded("<#CBOARD>", "every Monday at 09:00"),
    );
    expect([...m.presence.digestTargetRows].sort()).toEqual([`${ws.id}|CBOARD`, `${ws.id}|CLEADS`]);
    expect(textOf(await run(EXAMPLES["digest-channel-remove"]))).toBe(pt.digestChannelRemoved("<#CLEADS>"));
    expect([...m.presence.digestTargetRows]).toEqual([`${ws.id}|CBOARD`]);
    expect(textOf(await run(EXAMPLES["digest-time"]))).toBe(pt.digestTimeSaved("every Tuesday at 08:00"));
    expect(await workspaceNow()).toMatchObject({ digestWeekday: 2, digestMinute: 480 });
  });

  it("digest-now sends last week's digest privately to the asking admin when started", async () => {
    const reply = await run(EXAMPLES["digest-now"], "de");
    if (reply.kind !== "digest-now") throw new Error(`expected digest-now, got ${reply.kind}`);
    expect(m.senders.presence.previews).toHaveLength(0);
    await reply.start();
    expect(m.senders.presence.previews).toHaveLength(1);
    expect(m.senders.presence.previews[0]).toMatchObject({
      userId: "UADMIN",
      report: { week: "2026-W47", language: "de" },
    });
    expect(m.senders.presence.digests).toHaveLength(0);
  });

  it("presence-llm is refused without a configured LLM, and switches on and off with one", async () => {
    expect(await run(EXAMPLES["presence-llm"])).toEqual({ kind: "text", text: presenceTexts("en").llmNotConfigured });
    expect((await workspaceNow()).presenceLlm).toBe(false);

    m = memoryCore({ now: "2026-11-25T10:00:00Z", llm: (_vocabulary, fallback) => fallback });
    ws = await m.workspaces.workspace();
    expect(await run(EXAMPLES["presence-llm"])).toEqual({ kind: "text", text: presenceTexts("en").llmOn });
    expect((await workspaceNow()).presenceLlm).toBe(true);
    expect(await run({ kind: "presence-llm", on: false })).toEqual({ kind: "text", text: presenceTexts("en").llmOff });
    expect((await workspaceNow()).presenceLlm).toBe(false);
  });
});

describe("admin.run for the workspace's vocabulary", () => {
  it("sets and clears the industry preset, and refuses an unknown one without saving", async () => {
    expect(textOf(await run(EXAMPLES["presence-industry-unknown"]))).toContain("alchemy");
    expect(m.vocabulary.rows.size).toBe(0);
    const set = textOf(await run(EXAMPLES["presence-industry"]));
    expect(set).toContain("healthcare");
    expect(m.vocabulary.rows.get(ws.id)).toMatchObject({ industry: "healthcare", version: 1 });
    const cleared = textOf(await run({ kind: "presence-industry", industry: null }));
    expect(cleared).not.toBe(set);
    expect(m.vocabulary.rows.get(ws.id)).toMatchObject({ industry: null, version: 2 });
  });

  it("adds, lists and removes the workspace's own terms; an empty list is refused", async () => {
    expect(textOf(await run(EXAMPLES["presence-terms-invalid"]))).toMatch(/\S/);
    expect(m.vocabulary.rows.size).toBe(0);
    expect(textOf(await run(EXAMPLES["presence-terms-add"]))).toContain("Stadtwerke Nord");
    expect(m.vocabulary.rows.get(ws.id)!.terms).toEqual(["Fahrgast", "Stadtwerke Nord"]);
    const listed = textOf(await run(EXAMPLES["presence-terms-list"]));
    expect(listed).toContain("Fahrgast");
    expect(listed).toContain("Stadtwerke Nord");
    expect(textOf(await run(EXAMPLES["presence-terms-remove"]))).toContain("Fahrgast");
    expect(m.vocabulary.rows.get(ws.id)!.terms).toEqual(["Stadtwerke Nord"]);
  });
});

describe("admin.saveSettings", () => {
  it("saves valid fields, leaves invalid ones as they were, and refuses non-admins", async () => {
    const admin = await actorFor("UADMIN", true);
    const result = await m.core.admin.saveSettings(admin, {
      cadence: "monthly",
      weekday: 9,
      minute: 7 * 60,
      language: "fr",
      includeWeekends: true,
    });
    expect(result).toMatchObject({
      ok: true,
      workspace: { cadence: "weekly", weekday: 1, nudgeMinute: 420, language: "de", includeWeekends: true },
    });
    const anna = await actorFor("UANNA", false);
    const before = state();
    expect(await m.core.admin.saveSettings(anna, { includeWeekends: false, cadence: "workdays" })).toEqual({
      ok: false,
      reason: "not-admin",
    });
    expect(state()).toBe(before);
  });
});
