// Migrations run by the app itself: in order, once, and without losing rows when a table is
// rebuilt (SQLite's DROP TABLE would otherwise cascade into every table that references it).
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../src/storage/database.js";
import { applySqliteMigrations, readMigrations } from "../src/storage/migrate.js";
import { tempDir } from "./helpers/harness.js";

describe("applyMigrations", () => {
  it("upgrades a database with data from the first migration to the latest, keeping every row", () => {
    const all = readMigrations("sqlite").map((m) => m.name);
    expect(all.length).toBeGreaterThan(1);
    const db = new Database(path.join(tempDir(), "upgrade.db"));
    db.pragma("foreign_keys = ON");
    expect(applySqliteMigrations(db, (name) => name === all[0])).toEqual([all[0]]);
    db.exec(`INSERT INTO Workspace (id, platform, externalId, updatedAt) VALUES ('w1', 'slack', 'T1', CURRENT_TIMESTAMP);
             INSERT INTO Member (id, workspaceId, externalId, isLeader, updatedAt) VALUES ('m1', 'w1', 'U1', 1, CURRENT_TIMESTAMP);
             INSERT INTO CheckIn (id, memberId, question, week, rating, updatedAt) VALUES ('c1', 'm1', 'care', '2026-W48', 4, CURRENT_TIMESTAMP);`);

    expect(applySqliteMigrations(db)).toEqual(all.slice(1));
    expect(db.prepare(`SELECT COUNT(*) AS n FROM Member`).get()).toEqual({ n: 1 });
    expect(db.prepare(`SELECT COUNT(*) AS n FROM CheckIn`).get()).toEqual({ n: 1 });
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    // A second start applies nothing.
    expect(applySqliteMigrations(db)).toEqual([]);
    db.close();
  });

  it("drops the old submission ledger so that none of its person hashes is left in the files", async () => {
    const file = path.join(tempDir(), "kundennah.db");
    const db = new Database(file);
    db.pragma("journal_mode = WAL");
    applySqliteMigrations(db, (name) => !name.endsWith("_drop_submission_throttle"));
    const insert = db.prepare(
      `INSERT INTO SubmissionThrottle (id, keyHash, createdAt) VALUES (?, ?, CURRENT_TIMESTAMP)`,
    );
    for (let i = 0; i < 50; i++) insert.run(`t${i}`, `HASHCANARY${i}-under-the-old-ledger`);
    db.close();
    expect(fs.readFileSync(file).includes("HASHCANARY")).toBe(true);

    // The app's own start: migrations on its raw connection, then the Prisma connection.
    const opened = await openDatabase(`file:${file}`);
    expect(
      await opened.prisma.$queryRawUnsafe(`SELECT name FROM sqlite_master WHERE name = 'SubmissionThrottle'`),
    ).toEqual([]);
    await opened.close();
    for (const f of ["", "-wal", "-shm"].map((suffix) => file + suffix).filter((f) => fs.existsSync(f))) {
      expect(fs.readFileSync(f).includes("HASHCANARY"), `${path.basename(f)} still holds ledger rows`).toBe(false);
    }
  });
});
