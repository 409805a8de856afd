// Opens the database named by DATABASE_URL — an embedded SQLite file by default, PostgreSQL to
// scale out — applies pending migrations and returns a Prisma client on a driver adapter
// (no native Prisma engine is needed anywhere).
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import type pg from "pg"; // type only: the driver itself loads with PostgreSQL
import { ConfigError } from "../env.js";
import { PrismaClient } from "./generated/client.js";
import { applySqliteMigrations, type Provider } from "./migrate.js";
import { waitingForLocks } from "./sqliteLocks.js";

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
  /** Set when this start created the PostgreSQL database (it did not exist, and the role may). */
  createdDatabase?: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Take the one-server-process lock on a SQLite file. */
  exclusive?: boolean;
  /**
   * false for tools that read an existing database (exports, backups): a missing one is
   * refused instead of created empty, which would only hide a wrong DATABASE_URL.
   */
  createIfMissing?: boolean;
}

/** How long a writer waits for a lock before the database reports it locked (both databases). */
const LOCK_WAIT_MS = 10_000;

export function providerOf(url: string): Provider | null {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  return null;
}

/**
 * The file a `file:` DATABASE_URL names. Relative paths count from the directory the process
 * runs in — for `npm start` the project folder — for the server and the CLI alike.
 */
export function sqliteFileOf(url: string): string {
  const file = url.replace(/^file:/, "");
  return file === ":memory:" ? file : path.resolve(file);
}

export class DatabaseInUseError extends Error {}

export async function openDatabase(url: string, options: OpenOptions = {}): Promise<OpenedDatabase> {
  const provider = providerOf(url);
  const createIfMissing = options.createIfMissing ?? true;
  if (provider === "postgresql") return openPostgres(url, createIfMissing);
  if (provider === "sqlite") {
    const file = createIfMissing ? sqliteFileOf(url) : existingSqliteFile(url);
    const unlock = options.exclusive && file !== ":memory:" ? lockSqliteFile(file) : () => undefined;
    try {
      const opened = await openSqlite(file);
      return {
        ...opened,
        close: async () => {
          await opened.close();
          unlock();
        },
      };
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
  const raw = new Database(file, { timeout: LOCK_WAIT_MS });
  try {
    raw.pragma("journal_mode = WAL");
    raw.pragma("foreign_keys = ON");
    raw.pragma(SECURE_DELETE);
    applySqliteMigrations(raw);
  } finally {
    raw.close();
  }
  // The app's connection never blocks on a lock; its statements wait asynchronously (see sqliteLocks.ts).
  const prisma = new PrismaClient({
    adapter: waitingForLocks(new PrismaBetterSQLite3({ url: file, timeout: 0 }), LOCK_WAIT_MS),
  });
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

/** The file of a SQLite DATABASE_URL that must be there already (for exports and backups). */
export function existingSqliteFile(url: string): string {
  const file = sqliteFileOf(url);
  if (file === ":memory:" || fs.existsSync(file)) return file;
  const relative = !path.isAbsolute(url.replace(/^file:/, ""));
  throw new ConfigError(
    "DATABASE_URL",
    `there is no database at ${file}${relative ? ` (a relative path counts from the current directory, ${process.cwd()})` : ""}. ` +
      "Run this where the bot runs (its .env is read from there), or set DATABASE_URL to the bot's database, e.g. " +
      "DATABASE_URL=file:/var/lib/kundennah/kundennah.db. Nothing was created.",
  );
}

/** PostgreSQL's driver, adapter and client are loaded only for PostgreSQL (memory for SQLite users). */
async function openPostgres(connectionString: string, createIfMissing: boolean): Promise<OpenedDatabase> {
  const [{ default: driver }, { PrismaPg }, { PrismaClient: PrismaPgClient }, { applyPostgresMigrations }] =
    await Promise.all([
      import("pg"),
      import("@prisma/adapter-pg"),
      import("./generated-pg/client.js"),
      import("./migrate.js"),
    ]);
  const target = postgresTarget(new driver.Client({ connectionString }));
  let createdDatabase: string | undefined;
  try {
    const { client, created } = await connectPostgres(driver, connectionString, target, createIfMissing);
    if (created) createdDatabase = target.database;
    try {
      await applyPostgresMigrations(client);
    } finally {
      await client.end().catch(() => undefined);
    }
  } catch (error) {
    throw explainPostgresError(error, target) ?? error;
  }
  // Without a lock timeout, a write behind a stuck lock would wait for as long as the lock is held.
  const prisma = new PrismaPgClient({
    adapter: new PrismaPg({ connectionString, max: 10, options: `-c lock_timeout=${LOCK_WAIT_MS}` }),
  }) as unknown as Db;
  await prisma.$connect();
  // Deleted rows stay in PostgreSQL's pages until VACUUM lets new rows overwrite them; nothing
  // short of rewriting the table (VACUUM FULL, an exclusive lock) removes them at once.
  return {
    prisma,
    provider: "postgresql",
    ...(createdDatabase ? { createdDatabase } : {}),
    scrubDeleted: async () => true,
    close: () => prisma.$disconnect(),
  };
}

/** Where a connection string points, for messages: never the password. */
interface PostgresTarget {
  host: string;
  port: number;
  database: string;
  user: string;
}

function postgresTarget(client: pg.Client): PostgresTarget {
  // The driver fills in what the URL leaves out (PGUSER, the operating system user); the database defaults to the user.
  const user = client.user ?? "";
  return { host: client.host, port: client.port, database: client.database ?? user, user };
}

function pgCode(error: unknown): string | undefined {
  return (error as { code?: string } | null)?.code;
}

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function connectPostgres(
  driver: typeof pg,
  connectionString: string,
  target: PostgresTarget,
  createIfMissing: boolean,
) {
  const client = new driver.Client({ connectionString });
  try {
    await client.connect();
    return { client, created: false };
  } catch (error) {
    await client.end().catch(() => undefined);
    if (pgCode(error) !== "3D000") throw error;
    if (!createIfMissing) throw new MissingDatabase(target, "");
  }
  await createDatabase(driver, connectionString, target);
  const fresh = new driver.Client({ connectionString });
  await fresh.connect();
  return { client: fresh, created: true };
}

/** The database does not exist and will not be created here; `reason` says why. */
class MissingDatabase extends Error {
  constructor(
    readonly target: PostgresTarget,
    readonly reason: string,
  ) {
    super(`database "${target.database}" does not exist`);
  }
}

/**
 * A first start against a server where the database is not there yet: create it through the
 * `postgres` maintenance database when the role may create databases, as `createdb` would.
 */
async function createDatabase(driver: typeof pg, connectionString: string, target: PostgresTarget): Promise<void> {
  const maintenance = new URL(connectionString);
  maintenance.pathname = "/postgres";
  const admin = new driver.Client({ connectionString: maintenance.toString() });
  try {
    await admin.connect();
  } catch (error) {
    await admin.end().catch(() => undefined);
    throw new MissingDatabase(
      target,
      `and Kundennah could not reach the "postgres" maintenance database to create it (${(error as Error).message})`,
    );
  }
  try {
    const { rows } = await admin.query<{ may: boolean }>(
      "SELECT rolcreatedb OR rolsuper AS may FROM pg_roles WHERE rolname = current_user",
    );
    if (!rows[0]?.may) throw new MissingDatabase(target, `and the role "${target.user}" may not create databases`);
    await admin.query(`CREATE DATABASE ${quoteIdentifier(target.database)}`).catch((error) => {
      // Another replica starting at the same moment created it first.
      if (pgCode(error) !== "42P04") throw error;
    });
  } finally {
    await admin.end().catch(() => undefined);
  }
}

/**
 * The driver's errors ("database … does not exist", "connect ECONNREFUSED", "role … does not
 * exist") said in terms of DATABASE_URL and what to do, as configuration problems; null for
 * anything else, which keeps its own message.
 */
function explainPostgresError(error: unknown, target: PostgresTarget): ConfigError | null {
  const where = `${target.host}:${target.port}`;
  const { database, user } = target;
  if (error instanceof MissingDatabase) {
    return new ConfigError(
      "DATABASE_URL",
      `the database "${database}" does not exist on ${where}${error.reason ? ` ${error.reason}` : ""}. ` +
        (error.reason
          ? `Create it as a PostgreSQL superuser — createdb -h ${target.host} -p ${target.port} -U postgres -O ${user} ${database} ` +
            `(or on the database server: sudo -u postgres createdb -O ${user} ${database}) — or allow the role to create it ` +
            `(ALTER ROLE ${quoteIdentifier(user)} CREATEDB) and Kundennah creates it at the next start.`
          : "Check that DATABASE_URL names the bot's database; this command creates nothing."),
    );
  }
  const code = pgCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code === "ECONNREFUSED") {
    return new ConfigError(
      "DATABASE_URL",
      `nothing accepts connections on ${where} (connection refused). Start PostgreSQL (for example sudo systemctl start postgresql) or correct the host and port in DATABASE_URL.`,
    );
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN")
    return new ConfigError(
      "DATABASE_URL",
      `the host "${target.host}" cannot be resolved; correct the host in DATABASE_URL.`,
    );
  if (code === "ETIMEDOUT" || code === "EHOSTUNREACH" || code === "ENETUNREACH") {
    return new ConfigError(
      "DATABASE_URL",
      `${where} cannot be reached (${code}); check the host and port in DATABASE_URL and any firewall in between.`,
    );
  }
  if (code === "28000" && /role .* does not exist/.test(message)) {
    return new ConfigError(
      "DATABASE_URL",
      `PostgreSQL on ${where} has no role "${user}". Create it (on the database server: sudo -u postgres createuser --createdb --pwprompt ${user}) ` +
        "or put an existing role into DATABASE_URL: postgresql://USER:PASSWORD@HOST:5432/kundennah.",
    );
  }
  if (code === "28000")
    return new ConfigError(
      "DATABASE_URL",
      `PostgreSQL on ${where} refused role "${user}" for database "${database}": ${message}. Allow it in pg_hba.conf or connect as another role.`,
    );
  if (code === "28P01")
    return new ConfigError(
      "DATABASE_URL",
      `PostgreSQL on ${where} refused the password of role "${user}"; correct it in DATABASE_URL (percent-encode characters such as @ : / as %40 %3A %2F).`,
    );
  if (/client password must be a string/.test(message)) {
    return new ConfigError(
      "DATABASE_URL",
      `PostgreSQL on ${where} asks for a password for role "${user}", and DATABASE_URL has none: postgresql://${user}:PASSWORD@${where}/${database}.`,
    );
  }
  if (code === "42501") {
    return new ConfigError(
      "DATABASE_URL",
      `the role "${user}" may not create tables in "${database}" (${message}). Make it the database's owner (ALTER DATABASE ${quoteIdentifier(database)} OWNER TO ${quoteIdentifier(user)}) ` +
        `or grant it the schema (GRANT CREATE ON SCHEMA public TO ${quoteIdentifier(user)}).`,
    );
  }
  return null;
}
