// Which database the suite runs on: SQLite files in temp dirs by default, or PostgreSQL with
// TEST_DATABASE=postgresql (one fresh database per test app, on TEST_POSTGRES_URL).
// Reads are synchronous on purpose (better-sqlite3, or psql for PostgreSQL) so a test can
// poll them inside waitFor and assert on them inline.

import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export type TestDatabase = "sqlite" | "postgresql";

export const testDatabase: TestDatabase = process.env.TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";
export const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
/**
 * One prefix per checkout, so two checkouts' suites on one server never drop each other's
 * databases (benchmarks use kntest_bench_, so a test run never drops theirs either).
 */
export const TEST_DB_PREFIX = `kntest_suite_${crypto.createHash("sha1").update(process.cwd()).digest("hex").slice(0, 6)}_`;

function psql(url: string, sql: string): string {
  return execFileSync("psql", [url, "-v", "ON_ERROR_STOP=1", "-At", "-c", sql], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** The DATABASE_URL for a test app whose files live in `dir` (the same dir means the same data). */
export function databaseUrlFor(dir: string): string {
  if (testDatabase === "sqlite") return `file:${path.join(dir, "kundennah.db")}`;
  const name = `${TEST_DB_PREFIX}${crypto.createHash("sha1").update(dir).digest("hex").slice(0, 16)}`;
  const exists = psql(POSTGRES_URL, `SELECT 1 FROM pg_database WHERE datname = '${name}'`).trim() === "1";
  if (!exists) psql(POSTGRES_URL, `CREATE DATABASE ${name}`);
  return withDatabase(POSTGRES_URL, name);
}

/**
 * PostgreSQL folds unquoted names to lower case, so camelCase tables and columns written the
 * SQLite way (CheckIn, externalId) are quoted here; ALL-CAPS keywords and quoted strings stay.
 */
function quoteIdentifiers(sql: string): string {
  return sql
    .split(/('(?:[^']|'')*')/)
    .map((part, i) =>
      i % 2 === 1 ? part : part.replace(/(?<!")\b([a-z]+[A-Z]\w*|[A-Z][a-z]+[A-Za-z]*)\b(?!")/g, '"$1"'),
    )
    .join("");
}

/** Rows as SQLite returns them (booleans as 1/0), whichever database the test runs on. */
export function queryRows(url: string, sql: string): Record<string, unknown>[] {
  if (url.startsWith("file:")) {
    const db = new Database(url.slice("file:".length), { readonly: true, fileMustExist: true });
    try {
      return db.prepare(sql).all() as Record<string, unknown>[];
    } finally {
      db.close();
    }
  }
  const json = psql(url, `SELECT coalesce(json_agg(t), '[]') FROM (${quoteIdentifiers(sql)}) t`);
  return (JSON.parse(json) as Record<string, unknown>[]).map((row) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "boolean" ? Number(v) : v])),
  );
}

/** Runs a writing statement, as another process sharing the database would (e.g. a second replica). */
export function execute(url: string, sql: string): void {
  if (url.startsWith("file:")) {
    const db = new Database(url.slice("file:".length), { fileMustExist: true, timeout: 5_000 });
    try {
      db.exec(sql);
    } finally {
      db.close();
    }
    return;
  }
  psql(url, quoteIdentifiers(sql));
}

/** Everything the app has at rest, as text: to prove what is *not* stored. */
export function storedText(url: string): string {
  if (url.startsWith("file:")) {
    const dir = path.dirname(url.slice("file:".length));
    return fs
      .readdirSync(dir)
      .map(
        (f) =>
          fs.readFileSync(path.join(dir, f)).toString("latin1") + fs.readFileSync(path.join(dir, f)).toString("utf8"),
      )
      .join("");
  }
  const tables = psql(url, `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)
    .trim()
    .split("\n")
    .filter(Boolean);
  return tables.map((t) => psql(url, `SELECT coalesce(json_agg(x)::text, '') FROM "${t}" x`)).join("\n");
}

/** Drops the databases earlier test runs left behind. */
export function dropTestDatabases(): void {
  if (testDatabase !== "postgresql") return;
  const names = psql(POSTGRES_URL, `SELECT datname FROM pg_database WHERE datname LIKE '${TEST_DB_PREFIX}%'`)
    .trim()
    .split("\n")
    .filter(Boolean);
  for (const name of names) psql(POSTGRES_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
