// SuggestionService against in-memory ports: validation, the hourly rate limit, what an
// anonymous suggestion leaves behind (nothing naming its author, anywhere a port was handed
// something), votes, answers that tell the author once, and prompts asked now or monthly.
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "../../../src/core/identity/service.js";
import type { Workspace } from "../../../src/core/shared/model.js";
import { DeliveryError } from "../../../src/core/shared/ports.js";
import { SUBMISSIONS_PER_HOUR, SUGGESTION_MAX_LENGTH } from "../../../src/core/suggestions/service.js";
import { everything } from "../support/basics.js";
import { type MemoryCore, memoryCore } from "../support/core.js";

let m: MemoryCore;
let ws: Workspace;

beforeEach(async () => {
  m = memoryCore({ now: "2026-11-23T08:00:00Z" });
  ws = await m.workspaces.workspace({ suggestionsChannel: "CSUGGEST" });
});

const submit = (author: string, text: string, anonymous = false) =>
  m.core.suggestions.submit({
    workspace: ws,
    authorExternalId: author,
    authorProfile: { displayName: `Name of ${author}` },
    anonymous,
    text,
    touchpoint: "service",
  });

async function actor(user: string, roles: { isLeader?: boolean; isAdmin?: boolean } = {}): Promise<Actor> {
  const resolved = await m.core.identity.resolve({ platform: "slack", team: "T1", user, create: true });
  return { ...resolved, isLeader: roles.isLeader ?? false, isAdmin: roles.isAdmin ?? false };
}

describe("submit", () => {
  it("stores a named suggestion with its author, queues its channel post and delivers it", async () => {
    const result = await submit("UANNA", "  Call back <!channel> within a day \u0007 ");
    expect(result).toMatchObject({
      ok: true,
      shared: true,
      suggestion: { number: 1, text: "Call back <!channel> within a day", authorExternalId: "UANNA", status: "new" },
    });
    expect(m.workspaces.members.size).toBe(1);
    expect([...m.workspaces.members.values()][0]).toMatchObject({ externalId: "UANNA", displayName: "Name of UANNA" });
    await m.core.suggestions.deliverPending();
    expect(m.senders.suggestions.posts).toHaveLength(1);
    expect(m.senders.suggestions.posts[0]).toMatchObject({ channel: "CSUGGEST", view: { number: 1, language: "de" } });
    expect((await m.core.suggestions.get(result.ok ? result.suggestion.id : ""))!).toMatchObject({
      channelRef: "CSUGGEST",
      messageRef: "post-1",
    });
  });

  it("refuses empty and too long texts before anything is stored or counted", async () => {
    expect(await submit("UANNA", " \u0000 \n ")).toEqual({ ok: false, reason: "empty" });
    expect(await submit("UANNA", "x".repeat(SUGGESTION_MAX_LENGTH + 1))).toEqual({ ok: false, reason: "too-long" });
    expect(await submit("UANNA", "x".repeat(SUGGESTION_MAX_LENGTH))).toMatchObject({ ok: true });
    expect(m.suggestions.rows.size).toBe(1);
  });

  it("is stored but not shared while no suggestions channel is set", async () => {
    ws = await m.workspaces.updateWorkspace(ws.id, { suggestionsChannel: null });
    expect(await submit("UANNA", "Idea")).toMatchObject({ ok: true, shared: false });
    expect(m.outbox.rows.size).toBe(0);
  });
});

describe("the hourly rate limit", () => {
  it(`allows ${SUBMISSIONS_PER_HOUR} an hour per person, counting anonymous ones, and again an hour later`, async () => {
    for (let i = 0; i < SUBMISSIONS_PER_HOUR; i++) {
      expect(await submit("UANNA", `Idea ${i}`, i % 2 === 0)).toMatchObject({ ok: true });
      m.time.advance(60_000);
    }
    expect(await submit("UANNA", "One more", true)).toEqual({ ok: false, reason: "rate-limited" });
    expect(await submit("UANNA", "One more", false)).toEqual({ ok: false, reason: "rate-limited" });
    expect(await submit("UBEN", "Someone else")).toMatchObject({ ok: true });
    expect(m.suggestions.rows.size).toBe(SUBMISSIONS_PER_HOUR + 1);
    // The first of the ten leaves the window one hour after it was made.
    m.time.set("2026-11-23T09:00:01Z");
    expect(await submit("UANNA", "Next hour")).toMatchObject({ ok: true });
    expect(await submit("UANNA", "Still limited")).toEqual({ ok: false, reason: "rate-limited" });
  });

  it("does not count a submission the store failed to keep", async () => {
    const create = m.suggestions.createSuggestion.bind(m.suggestions);
    let failOnce = true;
    m.suggestions.createSuggestion = async (input) => {
      if (failOnce) {
        failOnce = false;
        throw new Error("database is locked");
      }
      return create(input);
    };
    await expect(submit("UANNA", "Lost")).rejects.toThrow("database is locked");
    for (let i = 0; i < SUBMISSIONS_PER_HOUR; i++)
      expect(await submit("UANNA", `Idea ${i}`)).toMatchObject({ ok: true });
    expect(await submit("UANNA", "Over")).toEqual({ ok: false, reason: "rate-limited" });
  });
});

describe("anonymous suggestions", () => {
  it("hand no port anything that names the author: no member id, platform id or name", async () => {
    // Anna is known: she once submitted under her name, so she has a member row.
    await submit("UANNA", "Named idea");
    await m.core.suggestions.deliverPending();
    const anna = (await m.workspaces.findMember(ws.id, "UANNA"))!;
    const marks = {
      suggestions: m.suggestions.received.length,
      workspaces: m.workspaces.writes.length,
      log: m.logger.lines.length,
      posts: m.senders.suggestions.posts.length,
    };

    const result = await submit("UANNA", "Secret idea", true);
    await m.core.suggestions.deliverPending();
    expect(result).toMatchObject({ ok: true, suggestion: { authorExternalId: null } });
    const id = result.ok ? result.suggestion.id : "";

    const received = everything(
      m.suggestions.received.slice(marks.suggestions),
      m.workspaces.writes.slice(marks.workspaces),
      [...m.outbox.rows.values()].filter((r) => r.subjectId === id),
      m.logger.lines.slice(marks.log),
      m.senders.suggestions.posts.slice(marks.posts),
    );
    expect(received).toContain("Secret idea"); // it did reach the ports…
    for (const trace of ['"UANNA"', `"${anna.id}"`, "Name of UANNA"]) expect(received).not.toContain(trace); // …without the author
    expect(m.suggestions.rows.get(id)!.authorId).toBeNull();
    expect(m.workspaces.writes.length).toBe(marks.workspaces); // not even Anna's row was touched
  });

  it("creates no member row for a first-time anonymous author", async () => {
    await submit("UNEW", "First and anonymous", true);
    expect(m.workspaces.members.size).toBe(0);
  });

  it("never tells an anonymous author about an answer", async () => {
    const result = await submit("UANNA", "Secret idea", true);
    const lead = await actor("ULEAD", { isLeader: true });
    await m.core.suggestions.respond({
      actor: lead,
      suggestionId: result.ok ? result.suggestion.id : "",
      status: "planned",
      note: "Next quarter",
    });
    expect([...m.outbox.rows.values()].map((r) => r.kind)).toEqual(["suggestion.post"]);
  });
});

describe("votes and answers", () => {
  it("flips a vote per click, and a retried click (same action id) changes nothing", async () => {
    const result = await submit("UANNA", "Idea");
    const id = result.ok ? result.suggestion.id : "";
    const ben = await actor("UBEN");
    expect((await m.core.suggestions.toggleVote({ voter: ben, suggestionId: id, actionId: "a1" }))!.votes).toBe(1);
    expect((await m.core.suggestions.toggleVote({ voter: ben, suggestionId: id, actionId: "a1" }))!.votes).toBe(1);
    expect((await m.core.suggestions.toggleVote({ voter: ben, suggestionId: id, actionId: "a2" }))!.votes).toBe(0);
    // A vote from another workspace is ignored.
    const other = { ...ben, workspace: { ...ben.workspace, id: "w-other" } };
    expect(await m.core.suggestions.toggleVote({ voter: other, suggestionId: id, actionId: "a3" })).toBeNull();
  });

  it("tells a named author once per distinct answer, and updates the channel post", async () => {
    const result = await submit("UANNA", "Idea");
    await m.core.suggestions.deliverPending();
    const id = result.ok ? result.suggestion.id : "";
    const lead = await actor("ULEAD", { isLeader: true });
    const answer = (status: "planned" | "done", note: string | null) =>
      m.core.suggestions.respond({ actor: lead, suggestionId: id, status, note });

    expect(await answer("planned", "Next sprint")).toMatchObject({
      ok: true,
      suggestion: { status: "planned", responseNote: "Next sprint", responderExternalId: "ULEAD" },
    });
    await m.core.suggestions.deliverPending();
    expect(await answer("planned", "Next sprint")).toMatchObject({ ok: true }); // the same answer again
    await m.core.suggestions.deliverPending();
    await answer("done", null);
    await m.core.suggestions.deliverPending();
    expect(m.senders.suggestions.notices.map((n) => [n.author, n.view.status, n.view.responseNote])).toEqual([
      ["UANNA", "planned", "Next sprint"],
      ["UANNA", "done", null],
    ]);
    expect([...m.outbox.rows.values()].filter((r) => r.kind === "suggestion.answer")).toHaveLength(2);
    expect(m.senders.suggestions.updates.map((u) => u.view.status)).toEqual(["planned", "planned", "done"]);
  });

  it("lets an admin who is no leader answer, refuses someone else's workspace's suggestion", async () => {
    const result = await submit("UANNA", "Idea");
    const id = result.ok ? result.suggestion.id : "";
    const admin = await actor("UADMIN", { isAdmin: true });
    expect(await m.core.suggestions.forAnswer(admin, id)).toMatchObject({ ok: true, suggestion: { id } });
    const elsewhere = { ...admin, workspace: { ...admin.workspace, id: "w-other" } };
    expect(await m.core.suggestions.forAnswer(elsewhere, id)).toEqual({ ok: false, reason: "not-found" });
    expect(
      await m.core.suggestions.respond({ actor: elsewhere, suggestionId: id, status: "done", note: null }),
    ).toEqual({ ok: false, reason: "not-found" });
  });
});

describe("asking for suggestions", () => {
  it("posts a prompt now and records who asked; a failed post is reported and forgotten", async () => {
    const lead = await actor("ULEAD", { isLeader: true });
    expect(await m.core.suggestions.ask({ actor: lead, channel: "CTEAM" })).toEqual({ ok: true });
    expect(m.senders.suggestions.prompts).toEqual([
      { channel: "CTEAM", prompt: { language: "de", promptKey: expect.any(String), askedBy: "ULEAD" }, tag: undefined },
    ]);
    expect([...m.suggestions.asks.values()]).toMatchObject([{ memberId: lead.member!.id, channelRef: "CTEAM" }]);

    m.senders.suggestions.failNext(new DeliveryError("not_in_channel", { permanent: true }));
    expect(await m.core.suggestions.ask({ actor: lead, channel: "CPRIVATE" })).toEqual({
      ok: false,
      reason: "not-posted",
    });
    expect([...m.suggestions.asks.values()].map((a) => a.channelRef)).toEqual(["CTEAM"]);
  });

  it("queues the monthly prompt once when its day comes, clamped to short months", async () => {
    await m.suggestions.upsertAskSchedule(ws.id, "CTEAM", 31, 10 * 60);
    m.time.set("2027-02-28T08:59:00Z"); // 09:59 Berlin on the last day of February
    expect(await m.core.suggestions.askScheduled(m.time.now())).toBe(0);
    m.time.set("2027-02-28T09:00:00Z");
    expect(await m.core.suggestions.askScheduled(m.time.now())).toBe(1);
    m.time.set("2027-02-28T15:00:00Z");
    expect(await m.core.suggestions.askScheduled(m.time.now())).toBe(0);
    await m.core.outbox.deliverDue();
    expect(m.senders.suggestions.prompts).toMatchObject([
      { channel: "CTEAM", prompt: { askedBy: null }, tag: expect.any(String) },
    ]);
  });
});
