// Opens the database named by DATABASE_URL — an embedded SQLite file by default, PostgreSQL to
// scale out — applies pending migrations and returns a Prisma client on a driver adapter
// (no native Prisma engine is needed anywhere).
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client.js";
import { applySqliteMigrations, type Provider } from "./migrate.js";

/**
 * Both generated clients expose the same models and methods (the PostgreSQL schema is derived
 * from the SQLite one), so the stores are written once against the SQLite client's type.
 */
export type Db = InstanceType<typeof PrismaClient>;

export interface OpenedDatabase {
  prisma: Db;
  provider: Provider;
  /**
   * Makes the rows deleted so far unrecoverable from the database's files, as far as the
   * database allows (see openSqlite; PostgreSQL offers no such guarantee, so it does nothing).
   * False when the database was too busy to finish; a later call catches up.
   */
  scrubDeleted(): Promise<boolean>;
  close(): Promise<void>;
}

/** How long a writer waits for a lock before SQLite reports "database is locked". */
const SQLITE_BUSY_TIMEOUT_MS = 10_000;

export function providerOf(url: string): Provider | null {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  return null;
}

export class DatabaseInUseError extends Error {}

export async function openDatabase(url: string, options: { exclusive?: boolean } = {}): Promise<OpenedDatabase> {
  const provider = providerOf(url);
  if (provider === "postgresql") return openPostgres(url);
  if (provider === "sqlite") {
    const file = url.replace(/^file:/, "");
    const unlock = options.exclusive && file !== ":memory:" ? lockSqliteFile(file) : () => undefined;
    try {
      const opened = await openSqlite(file);
      return { ...opened, close: async () => {
        await opened.close();
        unlock();
      } };
    } catch (error) {
      unlock();
      throw error;
    }
  }
  throw new Error(`DATABASE_URL must be file:… (SQLite) or postgresql://… (got a "${url.split(":")[0]}:" URL)`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * A lock file next to the database with the owner's pid. SQLite serves one server process
 * well; two would fight over the scheduler with no lease to coordinate them. A lock left by a
 * crashed process (its pid is gone) is taken over.
 */
function lockSqliteFile(file: string): () => void {
  const lock = `${path.resolve(file)}.lock`;
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: "wx" });
      return () => fs.rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(fs.readFileSync(lock, "utf8"));
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new DatabaseInUseError(
          `Another Kundennah process (pid ${owner}) is already using ${file}. SQLite supports one server process; ` +
            "to run several replicas, use PostgreSQL (DATABASE_URL=postgresql://…).",
        );
      }
      fs.rmSync(lock, { force: true }); // stale: its process is gone
    }
  }
  throw new DatabaseInUseError(`Could not take the lock ${lock}`);
}

/**
 * Deleted rows must not linger: with secure_delete SQLite overwrites them with zeros where they
 * stood (in their page, or a whole freed page) instead of only marking the space free. It is a
 * per-connection setting, so every connection the app opens sets it.
 */
const SECURE_DELETE = "secure_delete = ON";

async function openSqlite(file: string): Promise<OpenedDatabase> {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // Migrate and tune with a plain connection first: WAL lets readers run beside the writer.
  // Migrations drop tables too (the old submission ledger), so this one zeroes as well.
  const raw = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    raw.pragma("journal_mode = WAL");
    raw.pragma("foreign_keys = ON");
    raw.pragma(SECURE_DELETE);
    applySqliteMigrations(raw);
  } finally {
    raw.close();
  }
  const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: file, timeout: SQLITE_BUSY_TIMEOUT_MS }) });
  await prisma.$connect();
  await prisma.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  await prisma.$queryRawUnsafe(`PRAGMA ${SECURE_DELETE}`);
  return { prisma, provider: "sqlite", scrubDeleted: async () => scrubSqlite(file), close: () => prisma.$disconnect() };
}

/**
 * The WAL still holds each page as it was before a delete until a checkpoint copies the zeroed
 * page into the file; TRUNCATE then empties the WAL. On a connection of its own that never
 * waits: the app's connection would wait out its busy timeout for a reader (a backup, say),
 * and better-sqlite3 waits synchronously, so the whole process would stand still.
 */
function scrubSqlite(file: string): boolean {
  if (file === ":memory:") return true;
  const scrub = new Database(file, { timeout: 0 });
  try {
    scrub.pragma(SECURE_DELETE);
    const [result] = scrub.pragma("wal_checkpoint(TRUNCATE)") as { busy: number }[];
    return result?.busy === 0;
  } finally {
    scrub.close();
  }
}

/** PostgreSQL's driver, adapter and client are loaded only for PostgreSQL (memory for SQLite users). */
async function openPostgres(connectionString: string): Promise<OpenedDatabase> {
  const [{ default: pg }, { PrismaPg }, { PrismaClient: PrismaPgClient }, { applyPostgresMigrations }] = await Promise.all([
    import("pg"),
    import("@prisma/adapter-pg"),
    import("./generated-pg/client.js"),
    import("./migrate.js"),
  ]);
  const client = new pg.Client({ connectionString });
  try {
    await client.connect();
    await applyPostgresMigrations(client);
  } finally {
    await client.end().catch(() => undefined);
  }
  const prisma = new PrismaPgClient({ adapter: new PrismaPg({ connectionString, max: 10 }) }) as unknown as Db;
  await prisma.$connect();
  // Deleted rows stay in PostgreSQL's pages until VACUUM lets new rows overwrite them; nothing
  // short of rewriting the table (VACUUM FULL, an exclusive lock) removes them at once.
  return { prisma, provider: "postgresql", scrubDeleted: async () => true, close: () => prisma.$disconnect() };
}
