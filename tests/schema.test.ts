// SQLite and PostgreSQL declare the same models and fields, and their migrations build the
// same tables and columns.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
// @ts-expect-error — a plain .mjs script shared with the CLI tooling
import { toPostgres } from "../scripts/schemas.mjs";
import { applyPostgresMigrations, applySqliteMigrations } from "../src/storage/migrate.js";
import { POSTGRES_URL, TEST_DB_PREFIX } from "./helpers/database.js";
import { tempDir } from "./helpers/harness.js";

/** model name → sorted "field type" lines, from a Prisma schema's text. */
function models(schema: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [, name, body] of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    out[name!] = body!
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("//") && !l.startsWith("@@"))
      .map((l) => l.split(/\s+/).slice(0, 2).join(" "))
      .sort();
  }
  return out;
}

const sqliteSchema = fs.readFileSync("prisma/schema.prisma", "utf8");
const postgresSchema = fs.readFileSync("prisma/schema.postgresql.prisma", "utf8");

describe("the two schemas", () => {
  it("declare the same models and fields, and the PostgreSQL file is derived from the SQLite one", () => {
    expect(Object.keys(models(sqliteSchema)).length).toBeGreaterThan(10);
    expect(models(postgresSchema)).toEqual(models(sqliteSchema));
    expect(postgresSchema).toBe(toPostgres(sqliteSchema));
    expect(postgresSchema).toContain('provider = "postgresql"');
  });

  it("have a migration for every change on both databases", () => {
    const names = (provider: string) => fs.readdirSync(path.join("prisma/migrations", provider)).sort();
    expect(names("postgresql").length).toBeGreaterThan(0);
    expect(fs.readFileSync("prisma/migrations/schema.snapshot.prisma", "utf8")).toBe(sqliteSchema);
  });
});

function sqliteColumns(): Record<string, string[]> {
  const db = new Database(path.join(tempDir(), "columns.db"));
  applySqliteMigrations(db);
  const tables = (
    db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations'`,
      )
      .all() as { name: string }[]
  ).map((t) => t.name);
  const out = Object.fromEntries(
    tables.map((t) => [
      t,
      (db.prepare(`PRAGMA table_info("${t}")`).all() as { name: string }[]).map((c) => c.name).sort(),
    ]),
  );
  db.close();
  return out;
}

function postgresReachable(): boolean {
  try {
    execFileSync("psql", [POSTGRES_URL, "-At", "-c", "SELECT 1"], { stdio: "ignore", timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

const reachable = postgresReachable();
describe.skipIf(!reachable)(
  `migrations on PostgreSQL${reachable ? "" : ` — skipped: no PostgreSQL at ${POSTGRES_URL} (set TEST_POSTGRES_URL)`}`,
  () => {
    it("build the same tables and columns as on SQLite, and apply only once", { timeout: 60_000 }, async () => {
      const name = `${TEST_DB_PREFIX}schema_${process.pid}`;
      execFileSync("psql", [POSTGRES_URL, "-c", `DROP DATABASE IF EXISTS ${name}`, "-c", `CREATE DATABASE ${name}`], {
        stdio: "ignore",
      });
      const url = new URL(POSTGRES_URL);
      url.pathname = `/${name}`;
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        expect((await applyPostgresMigrations(client)).length).toBeGreaterThan(0);
        expect(await applyPostgresMigrations(client)).toEqual([]);
        const { rows } = await client.query<{ table_name: string; column_name: string }>(
          `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name != '_prisma_migrations'`,
        );
        const pgColumns: Record<string, string[]> = {};
        for (const r of rows) (pgColumns[r.table_name] ??= []).push(r.column_name);
        for (const t of Object.keys(pgColumns)) pgColumns[t]!.sort();
        expect(pgColumns).toEqual(sqliteColumns());
      } finally {
        await client.end();
        execFileSync("psql", [POSTGRES_URL, "-c", `DROP DATABASE IF EXISTS ${name}`], { stdio: "ignore" });
      }
    });
  },
);
