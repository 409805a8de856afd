// What one /cx-me costs the database, counted statement by statement on the driver (SQLite's
// better-sqlite3 or PostgreSQL's pg) while a signed request goes through the real server: the
// identity service reads-or-creates the member in one statement, the overview reads its weeks
// and its streak in one more. Not a timing: a count, the same on every machine (speed is in bench/).
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../helpers/harness.js";
import { FORM, post, sign, slashCommand } from "../helpers/slackRequests.js";

const MAX_STATEMENTS = 2;

let h: Harness;
let seen: string[] | null = null;
const restore: (() => void)[] = [];

/** Wraps a driver method so that every statement it runs is recorded while `seen` is set. */
function count(proto: Record<string, unknown>, method: string, sqlOf: (args: unknown[]) => unknown) {
  const original = proto[method] as (...args: unknown[]) => unknown;
  proto[method] = function (this: unknown, ...args: unknown[]) {
    const sql = sqlOf(args);
    if (seen && typeof sql === "string") seen.push(sql.replace(/\s+/g, " ").slice(0, 120));
    return original.apply(this, args);
  };
  restore.push(() => (proto[method] = original));
}

const command = (text: string, reply: string) =>
  post(h.eventsUrl, sign(slashCommand("/cx-me", text, "UANNA", h.slack.responseUrl(reply)), FORM));
const replyTo = (name: string) =>
  h.slack.waitFor(() => h.slack.responses.find((r) => r.path === `/response/${name}`)?.body);

beforeAll(async () => {
  const sqlite = Database.prototype as unknown as Record<string, unknown>;
  count(sqlite, "prepare", (args) => args[0]);
  count(sqlite, "exec", (args) => args[0]);
  const client = pg.Client.prototype as unknown as Record<string, unknown>;
  count(client, "query", (args) =>
    typeof args[0] === "string" ? args[0] : (args[0] as { text?: string } | undefined)?.text,
  );

  h = await startHarness({ now: "2026-11-24T10:00:00Z" });
  h.slack.addUser({ id: "UANNA", tz: "Europe/Berlin", locale: "en-US", real_name: "Anna" });
  // A leader with answers in two weeks, so the overview has a trend and a streak to read.
  const { workspaces, checkins } = h.app.stores;
  const workspace = await workspaces.ensureWorkspace("slack", "T0001", h.app.core.defaults);
  const anna = await workspaces.ensureMember(workspace.id, "UANNA", { timezone: "Europe/Berlin", language: "en" });
  await workspaces.updateMember(anna.id, { isLeader: true, leaderSince: new Date("2026-11-01T00:00:00Z") });
  await checkins.saveCheckIn({ memberId: anna.id, question: "care", week: "2026-W47", rating: 4 });
  await checkins.saveCheckIn({ memberId: anna.id, question: "ask", week: "2026-W48", rating: 3 });
});

afterAll(async () => {
  for (const undo of restore) undo();
  await h?.stop();
});

describe("/cx-me against the database", () => {
  it(`costs at most ${MAX_STATEMENTS} SQL statements once the workspace and the person are known`, async () => {
    // The first request learns the workspace and asks Slack who Anna is; both are cached.
    await command("", "warm");
    expect(JSON.stringify(await replyTo("warm"))).toContain("Streak: 2 weeks in a row");

    for (const round of [1, 2, 3]) {
      seen = [];
      const res = await command("", `me-${round}`);
      expect(res.status).toBe(200);
      const reply = await replyTo(`me-${round}`);
      const statements = seen;
      seen = null;
      expect(JSON.stringify(reply)).toContain("Streak: 2 weeks in a row");
      expect(statements.length, statements.join("\n")).toBeGreaterThan(0);
      expect(statements.length, statements.join("\n")).toBeLessThanOrEqual(MAX_STATEMENTS);
    }
  });
});
