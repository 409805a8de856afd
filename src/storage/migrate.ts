// Applies the SQL migrations under prisma/migrations/<provider>/ in name order, recording each
// in `_prisma_migrations` the way `prisma migrate deploy` does, so both tools agree on state.
// The app does this itself because Prisma's CLI cannot migrate PostgreSQL offline.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type BetterSqlite3 from "better-sqlite3";
import type pg from "pg"; // type only: the driver itself loads with PostgreSQL

const MIGRATIONS_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../prisma/migrations");

export type Provider = "sqlite" | "postgresql";

const CREATE_TABLE: Record<Provider, string> = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" TEXT PRIMARY KEY NOT NULL,
    "checksum" TEXT NOT NULL,
    "finished_at" DATETIME,
    "migration_name" TEXT NOT NULL,
    "logs" TEXT,
    "rolled_back_at" DATETIME,
    "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
  )`,
  postgresql: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`,
};

const APPLIED = `SELECT migration_name FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(provider: Provider): Migration[] {
  const dir = path.join(MIGRATIONS_ROOT, provider);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

/**
 * Returns the names of the migrations it applied. Each runs in its own transaction, with
 * foreign keys switched off around it: SQLite ignores that pragma inside a transaction, and a
 * table rebuild (DROP TABLE + rename) would otherwise cascade-delete every referencing row.
 */
export function applySqliteMigrations(db: BetterSqlite3.Database, only?: (name: string) => boolean): string[] {
  db.exec(CREATE_TABLE.sqlite);
  const done = new Set((db.prepare(APPLIED).all() as { migration_name: string }[]).map((r) => r.migration_name));
  const applied: string[] = [];
  const foreignKeys = db.pragma("foreign_keys", { simple: true });
  db.pragma("foreign_keys = OFF");
  try {
    for (const migration of readMigrations("sqlite")) {
      if (done.has(migration.name) || (only && !only(migration.name))) continue;
      db.transaction(() => {
        db.exec(migration.sql);
        const broken = db.pragma("foreign_key_check") as unknown[];
        if (broken.length > 0)
          throw new Error(`migration ${migration.name} leaves ${broken.length} broken foreign key(s)`);
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES (?, ?, current_timestamp, ?, 1)`,
        ).run(crypto.randomUUID(), migration.checksum, migration.name);
      }).immediate();
      applied.push(migration.name);
    }
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? "ON" : "OFF"}`);
  }
  return applied;
}

/** Arbitrary but fixed: the advisory lock that keeps two starting replicas from migrating at once. */
const MIGRATION_LOCK = 4_242_001;

/** PostgreSQL: transactional DDL, serialized across replicas by an advisory lock. */
export async function applyPostgresMigrations(client: pg.Client): Promise<string[]> {
  await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
  try {
    await client.query(CREATE_TABLE.postgresql);
    const done = new Set((await client.query<{ migration_name: string }>(APPLIED)).rows.map((r) => r.migration_name));
    const applied: string[] = [];
    for (const migration of readMigrations("postgresql")) {
      if (done.has(migration.name)) continue;
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
          [crypto.randomUUID(), migration.checksum, migration.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`);
      }
      applied.push(migration.name);
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
  }
}
