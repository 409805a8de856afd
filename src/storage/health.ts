// Whether the database can take a write now — what /healthz reports. Reading is not enough:
// a locked SQLite file or a full disk still answers SELECT 1, while every channel message would
// fail to be stored.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { OpenedDatabase } from "./database.js";

export type DatabaseHealth = { ok: true } | { ok: false; database: "unreachable" | "cannot write"; reason: string };

/** SQLite's write-ahead log alone grows by a few MB between checkpoints. */
const MIN_FREE_BYTES = 16 * 1024 * 1024;
/** Our own connection holds the write lock for moments; a lock still there after this is someone else's. */
const PROBE_WAIT_MS = 250;

async function sqliteHealth(file: string): Promise<DatabaseHealth> {
  const { bavail, bsize } = fs.statfsSync(path.dirname(path.resolve(file)));
  const free = Number(bavail) * Number(bsize);
  if (free < MIN_FREE_BYTES)
    return {
      ok: false,
      database: "cannot write",
      reason: `the disk holding the database is full (${Math.floor(free / 1024)} KB free)`,
    };
  // A connection of its own: taking the write lock and letting go writes nothing. It never
  // waits inside SQLite (that would block the event loop), but tries again a few times.
  const probe = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    for (let waited = 0; ; waited += 50) {
      try {
        probe.exec("BEGIN IMMEDIATE");
        probe.exec("ROLLBACK");
        return { ok: true };
      } catch (error) {
        const code = (error as { code?: string }).code ?? "unknown error";
        if (!code.startsWith("SQLITE_BUSY"))
          return { ok: false, database: "cannot write", reason: `SQLite refuses to write (${code})` };
        if (waited >= PROBE_WAIT_MS)
          return { ok: false, database: "cannot write", reason: "the database file is locked by another connection" };
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  } finally {
    probe.close();
  }
}

async function postgresHealth({ prisma }: OpenedDatabase): Promise<DatabaseHealth> {
  // The lock a channel message's INSERT takes, on the tables it writes; a table lock held by
  // someone else makes it wait, a read-only server refuses the write.
  const [{ readOnly }] = await prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '${PROBE_WAIT_MS}ms'`);
    await tx.$executeRawUnsafe(`LOCK TABLE "PresenceSignal", "ProcessedEvent" IN ROW EXCLUSIVE MODE`);
    return tx.$queryRawUnsafe<[{ readOnly: boolean }]>(
      `SELECT pg_is_in_recovery() OR current_setting('transaction_read_only') = 'on' AS "readOnly"`,
    );
  });
  return readOnly ? { ok: false, database: "cannot write", reason: "the database server is read-only" } : { ok: true };
}

export async function databaseHealth(db: OpenedDatabase, url: string): Promise<DatabaseHealth> {
  try {
    return db.provider === "sqlite" ? await sqliteHealth(url.replace(/^file:/, "")) : await postgresHealth(db);
  } catch (error) {
    // Fixed wording: /healthz answers anyone, and driver messages name hosts and files.
    const message = (error as Error).message;
    if (/lock timeout/i.test(message))
      return {
        ok: false,
        database: "cannot write",
        reason: "a table that channel messages are written to is locked by another connection",
      };
    if (/read-only transaction|during recovery/i.test(message))
      return { ok: false, database: "cannot write", reason: "the database server is read-only" };
    return { ok: false, database: "unreachable", reason: "the database does not answer" };
  }
}
