// Two replicas on one PostgreSQL database: one is killed (SIGKILL) in the middle of a tick
// that is sending nudges; the other takes over the scheduler lease and finishes the work.
// Nothing may be lost and no leader may get a second DM.
import { type ChildProcess, spawn } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { localDateTime } from "../src/core/shared/time.js";
import { leasedTick } from "../src/jobs/clock.js";
import { testDatabase } from "./helpers/database.js";
import { type Harness, startHarness, tempDir } from "./helpers/harness.js";
import { SIGNING_SECRET } from "./helpers/slackRequests.js";

const LEADERS = 40;
const running: Harness[] = [];
let replicaA: ChildProcess | null = null;

afterAll(async () => {
  replicaA?.kill("SIGKILL");
  while (running.length) await running.pop()!.stop();
});

// This test needs PostgreSQL (SQLite allows one process). `.ci/run` runs it with the server
// that every project machine has; elsewhere set TEST_DATABASE=postgresql to include it.
const onPostgres = testDatabase === "postgresql";
describe.skipIf(!onPostgres)(
  `replicas on PostgreSQL${onPostgres ? "" : " — skipped: set TEST_DATABASE=postgresql (and TEST_POSTGRES_URL) to run"}`,
  () => {
    it("loses and doubles nothing when the replica holding the scheduler dies mid-tick", async () => {
      // Replica B runs in this process with a clock we control; it never ticks on its own.
      const b = await startHarness({ now: new Date().toISOString(), dir: tempDir() });
      running.push(b);
      b.slack.delays.set("chat.postMessage", 250);
      const workspace = await b.app.stores.workspaces.ensureWorkspace("slack", "T0001", b.app.core.defaults);
      // Every day, due one minute ago in Berlin, so replica A's first tick finds all of them due.
      const local = localDateTime(new Date(Date.now() - 60_000), "Europe/Berlin");
      await b.app.stores.workspaces.updateWorkspace(workspace.id, {
        cadence: "workdays",
        includeWeekends: true,
        nudgeMinute: local.hour * 60 + local.minute,
      });
      for (let i = 0; i < LEADERS; i++) {
        const m = await b.app.stores.workspaces.ensureMember(workspace.id, `UL${String(i).padStart(3, "0")}`, {
          timezone: "Europe/Berlin",
          language: "en",
        });
        await b.app.stores.workspaces.updateMember(m.id, {
          isLeader: true,
          leaderSince: new Date(Date.now() - 86400_000),
        });
      }

      // Replica A is a real process (npm start's entry point) on the same database and fake Slack.
      replicaA = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
        env: {
          ...process.env,
          PORT: "0",
          DATABASE_URL: b.databaseUrl,
          SLACK_BOT_TOKEN: "xoxb-test-token",
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_API_URL: b.slack.apiUrl,
          LOG_LEVEL: "warn",
        },
        stdio: "ignore",
      });
      // Let A claim the nudges and get a few out, then kill it without warning.
      await b.slack.waitFor(() => b.slack.callsOf("chat.postMessage").length >= 8, 30_000);
      replicaA.kill("SIGKILL");
      await new Promise((resolve) => replicaA!.once("exit", resolve));
      const beforeTakeover = b.slack.callsOf("chat.postMessage").length;
      expect(beforeTakeover).toBeLessThan(LEADERS);

      // While A's lease is valid, B does nothing; once it has expired (90 s), B takes over.
      expect(await leasedTick(b.app.core, b.app.lease, "replica-b")).toBeNull();
      b.slack.delays.delete("chat.postMessage");
      b.clock.advance(3 * 60_000);
      expect(await leasedTick(b.app.core, b.app.lease, "replica-b")).not.toBeNull();

      const perLeader = new Map<string, number>();
      for (const call of b.slack.callsOf("chat.postMessage"))
        perLeader.set(String(call.args.channel), (perLeader.get(String(call.args.channel)) ?? 0) + 1);
      expect(perLeader.size).toBe(LEADERS);
      expect([...perLeader.values()].every((n) => n === 1)).toBe(true);
      expect(b.rows(`SELECT status, COUNT(*) AS n FROM Nudge GROUP BY status`)).toEqual([
        { status: "sent", n: LEADERS },
      ]);
    }, 60_000);
  },
);
