// Opens the database named by DATABASE_URL, applies pending migrations and returns a Prisma
// client on a driver adapter (no native Prisma engine is needed anywhere).
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client.js";
import { applyMigrations } from "./migrate.js";

export type Db = InstanceType<typeof PrismaClient>;

export interface OpenedDatabase {
  prisma: Db;
  provider: "sqlite";
  close(): Promise<void>;
}

/** How long a writer waits for a lock before SQLite reports "database is locked". */
const SQLITE_BUSY_TIMEOUT_MS = 10_000;

export function sqlitePath(url: string): string {
  return url.replace(/^file:/, "");
}

export async function openDatabase(url: string): Promise<OpenedDatabase> {
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite URL such as file:./data/kundennah.db (got a "${url.split(":")[0]}:" URL)`);
  }
  const file = sqlitePath(url);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });

  // Migrate and tune with a plain connection first: WAL lets readers run beside the writer.
  const raw = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    raw.pragma("journal_mode = WAL");
    raw.pragma("foreign_keys = ON");
    applyMigrations(raw, "sqlite");
  } finally {
    raw.close();
  }

  const adapter = new PrismaBetterSQLite3({ url: file, timeout: SQLITE_BUSY_TIMEOUT_MS });
  const prisma = new PrismaClient({ adapter });
  await prisma.$connect();
  await prisma.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  return { prisma, provider: "sqlite", close: () => prisma.$disconnect() };
}
