// The dashboard's rules without a server: links are single-use and expire, sessions end, the
// presence figures are the digest's, reused for a minute and shown while they are refreshed,
// CSV cannot smuggle formulas, and vega-interpreter is served as a classic script.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DashboardAccess, LINK_TTL_MS, SESSION_TTL_MS, sha256 } from "../../src/core/dashboard/access.js";
import { DashboardFigures, median, PRESENCE_CACHE_MS, PRESENCE_STALE_MS } from "../../src/core/dashboard/figures.js";
import type { DashboardStore } from "../../src/core/dashboard/model.js";
import type { Actor } from "../../src/core/identity/service.js";
import type { PresenceStore } from "../../src/core/presence/ports.js";
import type { PresenceService } from "../../src/core/presence/service.js";
import type { Language, Workspace } from "../../src/core/shared/model.js";
import { interpreterScript } from "../../src/dashboard/assets.js";
import { tableCsv } from "../../src/dashboard/csv.js";
import { MemoryDashboardStore } from "./support/dashboard.js";

const workspace = { id: "w1", timezone: "Europe/Berlin", language: "en" } as Workspace;
const workspaces = { getWorkspace: async (id: string) => (id === workspace.id ? workspace : null) };

function actor(userId: string, language: Language, isAdmin = false): Actor {
  return { workspace, member: null, userId, ids: [userId], language, ownLanguage: null, isAdmin, isLeader: false };
}

/** A link the way `/cx-admin dashboard` makes one: through the permission check. */
async function issueLink(access: DashboardAccess, person: Actor) {
  const permitted = await access.linkFor(person);
  if (!permitted.ok) throw new Error(`refused: ${permitted.reason}`);
  return permitted.issue();
}

describe("DashboardAccess", () => {
  it("makes a 256-bit link that works once, within 10 minutes, and keeps only its hash", async () => {
    let now = new Date("2026-11-30T10:00:00Z");
    const store = new MemoryDashboardStore();
    const access = new DashboardAccess({
      store: store,
      workspaces,
      clock: () => now,
      publicUrl: () => "https://bot.example.com",
    });
    const link = await issueLink(access, actor("U1", "de", true));
    const token = new URL(link.url).searchParams.get("token")!;
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect([...store.tokens.keys()]).toEqual([sha256(token)]);
    expect(link.expiresAt.getTime() - now.getTime()).toBe(LINK_TTL_MS);

    const first = await access.redeem(token);
    if (!first.ok) throw new Error("refused");
    expect(first.session).toMatchObject({ workspaceId: "w1", person: "U1", language: "de" });
    expect([...store.sessions.keys()]).toEqual([sha256(first.sessionId)]);
    expect(await access.redeem(token)).toEqual({ ok: false, reason: "used", language: "de" });
    expect(await access.redeem("x".repeat(43))).toEqual({ ok: false, reason: "unknown", language: null });

    const late = new URL((await issueLink(access, actor("U1", "en", true))).url).searchParams.get("token")!;
    now = new Date(now.getTime() + LINK_TTL_MS);
    expect(await access.redeem(late)).toEqual({ ok: false, reason: "expired", language: "en" });

    expect(await access.session(first.sessionId)).not.toBeNull();
    now = new Date(now.getTime() - LINK_TTL_MS + SESSION_TTL_MS);
    expect(await access.session(first.sessionId)).toBeNull();
  });

  it("lets viewers and admins in, and ends a removed viewer's sessions", async () => {
    const store = new MemoryDashboardStore();
    const access = new DashboardAccess({
      store: store,
      workspaces,
      clock: () => new Date("2026-11-30T10:00:00Z"),
      publicUrl: () => "http://localhost:3000",
    });
    expect(await access.linkFor(actor("UHR", "de"))).toEqual({ ok: false, reason: "not-viewer" });
    expect(await access.mayView(actor("UADMIN", "en", true))).toBe(true);
    await store.addViewers(workspace.id, ["UHR"]);
    expect(await access.mayView(actor("UHR", "de"))).toBe(true);
    const token = new URL((await issueLink(access, actor("UHR", "de"))).url).searchParams.get("token")!;
    const redeemed = await access.redeem(token);
    if (!redeemed.ok) throw new Error("refused");
    expect(await access.open(redeemed.sessionId, "w1")).toMatchObject({
      ok: true,
      workspace: { id: "w1" },
      session: { person: "UHR" },
    });
    expect(await access.open(redeemed.sessionId, "w2")).toMatchObject({ ok: false, reason: "wrong-workspace" });
    await access.removeViewers("w1", ["UHR"]);
    expect(await access.session(redeemed.sessionId)).toBeNull();
  });
});

describe("DashboardFigures", () => {
  /** A PresenceService whose figures say which computation they came from, or fail when told to. */
  function countingPresence() {
    const state = { calls: 0, weeksAsked: [] as string[], fail: false, release: null as null | (() => void) };
    let gate: Promise<void> | null = null;
    const presence = {
      minAuthors: 3,
      figures: async (_w: Workspace, weeks: string[]) => {
        const call = ++state.calls;
        state.weeksAsked = weeks;
        if (gate) await gate;
        if (state.fail) throw new Error("database gone");
        return {
          channels: [],
          other: null,
          workspace: {
            channelRef: null,
            messages: call,
            customerShare: null,
            positiveShare: null,
            negativeShare: null,
            change: null,
            trend: [],
            toneTrend: [],
          },
        };
      },
    } as unknown as PresenceService;
    /** The next computations wait until `release()`. */
    const hold = () => {
      gate = new Promise<void>((resolve) => {
        state.release = () => {
          gate = null;
          resolve();
        };
      });
    };
    return { presence, state, hold };
  }

  function figuresWith(presence: PresenceService, clock: { tick: number }) {
    return new DashboardFigures({
      presence,
      presenceStore: {} as PresenceStore,
      store: {} as DashboardStore,
      clock: () => new Date("2026-11-30T10:00:00Z"),
      monotonic: () => clock.tick,
    });
  }

  it("computes the presence figures through the digest's code once a minute per workspace", async () => {
    const { presence, state, hold } = countingPresence();
    const clock = { tick: 0 };
    const figures = figuresWith(presence, clock);
    const [a, b] = await Promise.all([figures.presence(workspace), figures.presence(workspace)]);
    expect(state.calls).toBe(1);
    expect(a).toBe(b);
    expect(state.weeksAsked).toHaveLength(26);
    expect(state.weeksAsked.at(-1)).toBe("2026-W48");
    expect(state.weeksAsked[0]).toBe("2026-W23");
    clock.tick = PRESENCE_CACHE_MS - 1;
    expect(await figures.presence(workspace)).toBe(a);
    expect(state.calls).toBe(1);

    // A minute on, the page still answers at once with the figures it has, while new ones are
    // computed behind it (one computation, however many pages ask meanwhile).
    clock.tick = PRESENCE_CACHE_MS;
    hold();
    expect(await figures.presence(workspace)).toBe(a);
    expect(await figures.presence(workspace)).toBe(a);
    expect(state.calls).toBe(2);
    state.release!();
    await new Promise((resolve) => setImmediate(resolve));
    const refreshed = await figures.presence(workspace);
    expect(refreshed).not.toBe(a);
    expect(refreshed.workspace.messages).toBe(2);
    expect(state.calls).toBe(2);
  });

  it("never shows presence figures older than PRESENCE_STALE_MS, and keeps no failed computation", async () => {
    const { presence, state } = countingPresence();
    const clock = { tick: 0 };
    const figures = figuresWith(presence, clock);
    expect((await figures.presence(workspace)).workspace.messages).toBe(1);

    // Left alone for longer: the page waits for new figures.
    clock.tick = PRESENCE_STALE_MS;
    const second = await figures.presence(workspace);
    expect(second.workspace.messages).toBe(2);

    // A refresh that fails keeps the figures shown, until they are too old to show.
    clock.tick += PRESENCE_CACHE_MS;
    state.fail = true;
    expect(await figures.presence(workspace)).toBe(second);
    await new Promise((resolve) => setImmediate(resolve));
    clock.tick += PRESENCE_STALE_MS;
    await expect(figures.presence(workspace)).rejects.toThrow("database gone");
    // Nothing was kept from the failure: the next page computes again, and succeeds.
    state.fail = false;
    const calls = state.calls;
    expect((await figures.presence(workspace)).workspace.messages).toBe(calls + 1);
  });

  it("drops a workspace's figures when told its signals were removed (an exclusion), and only that workspace's", async () => {
    const { presence, state } = countingPresence();
    const clock = { tick: 0 };
    const figures = figuresWith(presence, clock);
    const first = await figures.presence(workspace);
    figures.forget("another-workspace");
    expect(await figures.presence(workspace)).toBe(first);
    figures.forget(workspace.id);
    const after = await figures.presence(workspace);
    expect(after).not.toBe(first);
    expect(after.workspace.messages).toBe(2);
    expect(state.calls).toBe(2);
  });

  it("takes the median of an even and an odd count", () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe("dashboard CSV and assets", () => {
  it("writes raw values, quotes what needs it and defuses formulas", () => {
    const csv = tableCsv({
      columns: [{ label: "Channel" }, { label: "Share, latest" }],
      rows: [
        [
          { text: "CSUP", value: "CSUP" },
          { text: "23 %", value: 0.2345 },
        ],
        [
          { text: '=HYPERLINK("x")', value: '=HYPERLINK("x")' },
          { text: "too few people", value: null },
        ],
      ],
    });
    expect(csv).toBe('\uFEFFChannel,"Share, latest"\r\nCSUP,0.2345\r\n"\'=HYPERLINK(""x"")",\r\n');
  });

  it("serves vega-interpreter as a classic script that takes vega's helpers from the page", () => {
    const require = createRequire(import.meta.url);
    let dir = path.dirname(require.resolve("vega-interpreter"));
    while (path.basename(dir) !== "vega-interpreter") dir = path.dirname(dir);
    const script = interpreterScript(fs.readFileSync(path.join(dir, "build/vega-interpreter.js"), "utf8"));
    expect(script).not.toMatch(/^\s*(import|export)\b/m);
    const vega = {
      ascending: () => 0,
      isString: (v: unknown) => typeof v === "string",
      DisallowedObjectProperties: new Set<string>(),
    };
    const scope = { vega } as {
      vega: typeof vega;
      vegaInterpreter?: { expressionInterpreter: Record<string, unknown> };
    };
    new Function("globalThis", script)(scope);
    // What vega calls in place of compiled code: one entry per kind of expression.
    for (const kind of ["operator", "parameter", "event", "handler", "encode"])
      expect(typeof scope.vegaInterpreter?.expressionInterpreter[kind]).toBe("function");
  });
});
