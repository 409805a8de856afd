// `kundennah backup FILE` while another connection keeps writing, as the running bot would:
// the copy must be a consistent database (every transaction wholly in or wholly out) that passes
// SQLite's integrity check, and nothing may be overwritten or created by a refused backup.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../src/storage/database.js";
import { PrismaWorkspaceStore } from "../src/storage/workspaceStore.js";
import { tempDir } from "./helpers/harness.js";

const run = promisify(execFile);

async function kundennah(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["bin/kundennah.mjs", ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** A database with many rows, so the copy has real work to do while the writer runs. */
async function seed(file: string): Promise<string> {
  const db = await openDatabase(`file:${file}`);
  const store = new PrismaWorkspaceStore(db.prisma);
  const ws = await store.ensureWorkspace("slack", "T0001", {
    cadence: "weekly",
    weekday: 1,
    nudgeMinute: 540,
    includeWeekends: false,
    language: "de",
    timezone: "Europe/Berlin",
  });
  await db.close();
  const raw = new Database(file);
  const insert = raw.prepare(
    `INSERT INTO "Member" (id, workspaceId, externalId, displayName, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const now = Date.now();
  raw.transaction(() => {
    for (let i = 0; i < 20_000; i++)
      insert.run(`seed${i}`, ws.id, `USEED${i}`, `Person ${i} ${"x".repeat(100)}`, now, now);
  })();
  raw.close();
  return ws.id;
}

describe("kundennah backup", () => {
  it("copies the SQLite database consistently while another connection writes", async () => {
    const dir = tempDir();
    const file = path.join(dir, "kundennah.db");
    const workspaceId = await seed(file);

    // The writer: like the bot, a WAL connection committing small transactions, each a member
    // and their check-in together, for as long as the backup runs.
    const writer = new Database(file, { timeout: 10_000 });
    writer.pragma("journal_mode = WAL");
    const addMember = writer.prepare(
      `INSERT INTO "Member" (id, workspaceId, externalId, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)`,
    );
    const addCheckIn = writer.prepare(
      `INSERT INTO "CheckIn" (id, memberId, question, week, rating, createdAt, updatedAt) VALUES (?, ?, 'care', '2026-W47', 4, ?, ?)`,
    );
    const pair = writer.transaction((n: number) => {
      const now = Date.now();
      addMember.run(`w${n}`, workspaceId, `UW${n}`, now, now);
      addCheckIn.run(`c${n}`, `w${n}`, now, now);
    });
    const count = (db: Database.Database) =>
      (db.prepare(`SELECT count(*) AS n FROM "CheckIn"`).get() as { n: number }).n;
    let written = 0;
    let writing = true;
    const loop = (async () => {
      while (writing) {
        pair(written++);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();

    const target = path.join(dir, "backups", "kundennah-copy.db");
    const before = written;
    const backup = await kundennah(["backup", target], { DATABASE_URL: `file:${file}` });
    const after = written;
    writing = false;
    await loop;
    writer.close();

    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(
      new RegExp(`backed up ${file} to ${target}: \\d+ pages, [\\d.]+ MB, in [\\d.]+ s \\(integrity checked\\)`),
    );
    expect(after).toBeGreaterThan(before); // the writer kept committing while the backup ran

    const copy = new Database(target, { readonly: true });
    try {
      expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(copy.pragma("journal_mode", { simple: true })).toBe("delete"); // one self-contained file
      const checkIns = count(copy);
      const writtenMembers = (
        copy.prepare(`SELECT count(*) AS n FROM "Member" WHERE id LIKE 'w%'`).get() as { n: number }
      ).n;
      // Every transaction wholly in or wholly out, and a snapshot from while the backup ran.
      expect(writtenMembers).toBe(checkIns);
      expect(checkIns).toBeGreaterThanOrEqual(before);
      expect(checkIns).toBeLessThanOrEqual(after);
      expect((copy.prepare(`SELECT count(*) AS n FROM "Member" WHERE id LIKE 'seed%'`).get() as { n: number }).n).toBe(
        20_000,
      );
      expect((copy.prepare(`SELECT count(*) AS n FROM "_prisma_migrations"`).get() as { n: number }).n).toBeGreaterThan(
        0,
      );
    } finally {
      copy.close();
    }
    expect(fs.readdirSync(path.dirname(target))).toEqual(["kundennah-copy.db"]);
  }, 120_000);

  it("never overwrites, refuses a missing database, and points PostgreSQL to pg_dump", async () => {
    const dir = tempDir();
    const file = path.join(dir, "kundennah.db");
    await seed(file);
    const existing = path.join(dir, "existing.db");
    fs.writeFileSync(existing, "keep me");

    const overwrite = await kundennah(["backup", existing], { DATABASE_URL: `file:${file}` });
    expect(overwrite.code).toBe(2);
    expect(overwrite.stderr).toContain(`${existing} exists already; a backup never overwrites a file`);
    expect(fs.readFileSync(existing, "utf8")).toBe("keep me");

    const missing = await kundennah(["backup", path.join(dir, "copy.db")], {
      DATABASE_URL: `file:${path.join(dir, "nope.db")}`,
    });
    expect(missing.code).toBe(78);
    expect(missing.stderr).toContain(`DATABASE_URL: there is no database at ${path.join(dir, "nope.db")}`);

    const postgres = await kundennah(["backup", path.join(dir, "pg.dump")], {
      DATABASE_URL: "postgresql://kundennah@db.internal:5432/kundennah",
    });
    expect(postgres.code).toBe(2);
    expect(postgres.stderr).toContain(`pg_dump --format=custom --file=${path.join(dir, "pg.dump")} "$DATABASE_URL"`);

    const usage = await kundennah(["backup"], { DATABASE_URL: `file:${file}` });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("usage: kundennah backup FILE");
    expect(
      fs
        .readdirSync(dir)
        .filter((f) => !f.startsWith("kundennah.db"))
        .sort(),
    ).toEqual(["existing.db"]); // no copy, no partial file
  }, 120_000);
});
