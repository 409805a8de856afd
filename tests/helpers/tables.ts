// Every row of every table, compared before and after an action: to prove that the action
// wrote exactly what it should and nothing else (no ledger row, no moved timestamp). Also a
// way to change the test database's schema from outside the app, to make writes fail for real.
import { execFileSync } from "node:child_process";
import Database from "better-sqlite3";
import { queryRows } from "./database.js";

/** Table name → its rows, each as JSON. */
export type TableSnapshot = Record<string, string[]>;

export interface TableChange {
  added: Record<string, unknown>[];
  removed: Record<string, unknown>[];
}

function psql(url: string, sql: string): string {
  return execFileSync("psql", [url, "-v", "ON_ERROR_STOP=1", "-q", "-At", "-c", sql], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Every table but the migration log. PostgreSQL in one query: a psql process per table would block the app under test (same process) for seconds. */
export function snapshotTables(url: string): TableSnapshot {
  if (url.startsWith("file:")) {
    const tables = queryRows(
      url,
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`,
    ).map((r) => String(r.name));
    return Object.fromEntries(
      tables.map((table) => [table, queryRows(url, `SELECT * FROM "${table}"`).map((row) => JSON.stringify(row))]),
    );
  }
  const tables = psql(
    url,
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  )
    .trim()
    .split("\n")
    .filter(Boolean);
  const all = tables.map((t) => `'${t}', (SELECT coalesce(json_agg(x), '[]') FROM "${t}" x)`).join(", ");
  const snapshot = JSON.parse(psql(url, `SELECT json_build_object(${all})`)) as Record<
    string,
    Record<string, unknown>[]
  >;
  return Object.fromEntries(
    Object.entries(snapshot).map(([table, rows]) => [table, rows.map((row) => JSON.stringify(row))]),
  );
}

/** Per table that differs: rows only in `after` (new or changed) and rows only in `before` (deleted or changed). */
export function changedTables(before: TableSnapshot, after: TableSnapshot): Record<string, TableChange> {
  const changes: Record<string, TableChange> = {};
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = new Set(before[table] ?? []);
    const is = new Set(after[table] ?? []);
    const added = [...is].filter((row) => !was.has(row)).map((row) => JSON.parse(row) as Record<string, unknown>);
    const removed = [...was].filter((row) => !is.has(row)).map((row) => JSON.parse(row) as Record<string, unknown>);
    if (added.length || removed.length || !(table in before) || !(table in after)) changes[table] = { added, removed };
  }
  return changes;
}

/**
 * Makes the database itself refuse new suggestions whose text contains `marker` (a trigger),
 * so a test can see what a failed write does to the person's answer and to the hourly limit.
 */
export function refuseSuggestionsContaining(url: string, marker: string): void {
  if (url.startsWith("file:")) {
    const db = new Database(url.slice("file:".length));
    try {
      db.exec(
        `CREATE TRIGGER "refuse_marked" BEFORE INSERT ON "Suggestion" WHEN NEW."text" LIKE '%${marker}%' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`,
      );
    } finally {
      db.close();
    }
    return;
  }
  psql(
    url,
    `CREATE FUNCTION refuse_marked() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$ LANGUAGE plpgsql;
     CREATE TRIGGER refuse_marked BEFORE INSERT ON "Suggestion" FOR EACH ROW WHEN (NEW."text" LIKE '%${marker}%') EXECUTE FUNCTION refuse_marked();`,
  );
}
