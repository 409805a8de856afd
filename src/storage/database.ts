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

async function openSqlite(file: string): Promise<OpenedDatabase> {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // Migrate and tune with a plain connection first: WAL lets readers run beside the writer.
  const raw = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    raw.pragma("journal_mode = WAL");
    raw.pragma("foreign_keys = ON");
    applySqliteMigrations(raw);
  } finally {
    raw.close();
  }
  const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: file, timeout: SQLITE_BUSY_TIMEOUT_MS }) });
  await prisma.$connect();
  await prisma.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  return { prisma, provider: "sqlite", close: () => prisma.$disconnect() };
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
  return { prisma, provider: "postgresql", close: () => prisma.$disconnect() };
}
