// SQLite as the single-process default: WAL, a busy timeout, no "database is locked" under 50
// concurrent writers, a clear refusal of a second server process on the same file, and
// deleted rows that are really gone from the files.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { testDatabase } from "./helpers/database.js";
import { type Harness, startHarness, tempDir } from "./helpers/harness.js";
import { FORM, post, sign, slashCommand, viewSubmission } from "./helpers/slackRequests.js";

const running: Harness[] = [];
afterEach(async () => {
  while (running.length) await running.pop()!.stop();
});

describe.skipIf(testDatabase !== "sqlite")("SQLite", () => {
  it("runs in WAL mode and takes 50 concurrent writers while another connection writes too", async () => {
    const h = await startHarness({ now: "2026-11-24T09:00:00Z" });
    running.push(h);
    const file = h.databaseUrl.slice("file:".length);
    const other = new Database(file, { timeout: 10_000 });
    expect(other.pragma("journal_mode", { simple: true })).toBe("wal");
    // Another process-like writer holding short write transactions the whole time.
    let otherWrites = 0;
    const busy = setInterval(() => {
      other.transaction(() =>
        other
          .prepare(`INSERT INTO ProcessedEvent (id, createdAt) VALUES (?, ?)`)
          .run(`other-${otherWrites++}`, new Date().toISOString()),
      )();
    }, 1);
    const submissions = Array.from({ length: 50 }, (_, i) =>
      post(
        h.eventsUrl,
        sign(
          viewSubmission({
            userId: `UW${String(i).padStart(3, "0")}`,
            callbackId: "suggestion_modal",
            privateMetadata: JSON.stringify({ language: "en" }),
            values: {
              text: { value: { value: `Idea number ${i}` } },
              touchpoint: { value: { selected_option: { value: "product" } } },
              anonymous: { value: { selected_options: [] } },
            },
          }),
          FORM,
        ),
      ),
    );
    const results = await Promise.all(submissions);
    clearInterval(busy);
    other.close();
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(200));
    expect(results.filter((r) => r.text.includes("errors"))).toEqual([]);
    expect(h.rows(`SELECT COUNT(*) AS n FROM Suggestion`)).toEqual([{ n: 50 }]);
    expect(h.rows(`SELECT COUNT(DISTINCT number) AS n FROM Suggestion`)).toEqual([{ n: 50 }]);
    expect(otherWrites).toBeGreaterThan(0);
    expect(h.logs.join("")).not.toMatch(/database is locked|SQLITE_BUSY/);
    // 50 signed requests against a writer that never pauses: slow on a loaded machine, and
    // nothing here is about time.
  }, 90_000);

  it("refuses a second server process on the same file, and takes over a stale lock", async () => {
    const dir = tempDir();
    const lock = path.join(dir, "kundennah.db.lock");
    const other = spawn("sleep", ["30"]);
    try {
      fs.writeFileSync(lock, String(other.pid));
      await expect(startHarness({ dir })).rejects.toThrow(
        /Another Kundennah process \(pid \d+\) is already using .*kundennah\.db.*use PostgreSQL/,
      );
    } finally {
      other.kill();
    }
    await new Promise((resolve) => other.once("exit", resolve));
    // Its process is gone now: the lock is stale and the next start takes it over.
    const h = await startHarness({ dir });
    running.push(h);
    expect(fs.readFileSync(lock, "utf8")).toBe(String(process.pid));
  });

  it("leaves no trace of a deleted row in the database file, its WAL or its shared memory once the hourly sweep ran", async () => {
    const h = await startHarness({ now: "2026-11-24T09:00:00Z" });
    running.push(h);
    h.slack.addUser({ id: "UADMIN", is_admin: true, locale: "en-US", tz: "Europe/Berlin" });
    const admin = async (text: string, reply: string) => {
      await post(h.eventsUrl, sign(slashCommand("/cx-admin", text, "UADMIN", h.slack.responseUrl(reply)), FORM));
      return h.slack.waitFor(() => h.slack.responses.find((r) => r.path === `/response/${reply}`)?.body);
    };
    const canary = "CCANARY7Q3ZXW";
    await admin(`ask-schedule <#${canary}|secret-project> 1 10:00`, "on");
    expect(h.rows(`SELECT channelRef FROM AskSchedule`)).toEqual([{ channelRef: canary }]);
    await admin(`ask-schedule <#${canary}|secret-project> off`, "off");
    expect(h.rows(`SELECT channelRef FROM AskSchedule`)).toEqual([]);

    const file = h.databaseUrl.slice("file:".length);
    const holders = () =>
      ["", "-wal", "-shm"]
        .map((suffix) => file + suffix)
        .filter((f) => fs.existsSync(f) && fs.readFileSync(f).includes(canary));

    // A reader in the middle of a read (a backup, say) keeps the WAL: the sweep does not wait
    // for it (the process would stand still), it says so and tries again an hour later.
    const reader = new Database(file, { readonly: true });
    reader.exec("BEGIN");
    reader.prepare(`SELECT COUNT(*) FROM AskSchedule`).get();
    await h.app.core.tick();
    expect(h.logs.join("")).toContain("the database was busy");
    expect(holders().map((f) => path.basename(f))).toEqual(["kundennah.db-wal"]);
    reader.exec("COMMIT");
    reader.close();

    // secure_delete zeroed the row where it stood; the sweep checkpoints the WAL, which still
    // held the page as it was before the delete, and truncates it.
    h.clock.advance(3600_000);
    await h.app.core.tick();
    expect(holders()).toEqual([]);
    expect(fs.existsSync(file)).toBe(true);
  });
});
