#!/usr/bin/env node
// Writes a new migration for SQLite and PostgreSQL from the difference between the schema as
// of the last migration (prisma/migrations/schema.snapshot.prisma) and prisma/schema.prisma.
// usage: npm run db:migration -- add_something
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { SQLITE_SCHEMA, toPostgres, writePostgresSchema } from "./schemas.mjs";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name_in_snake_case>");
  process.exit(2);
}
const snapshot = "prisma/migrations/schema.snapshot.prisma";
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kundennah-migration-"));

function diff(from, to) {
  return execFileSync(
    process.execPath,
    ["scripts/prisma.mjs", "migrate", "diff", "--from-schema-datamodel", from, "--to-schema-datamodel", to, "--script"],
    {
      encoding: "utf8",
    },
  ).replace(/^Loaded Prisma config.*\n/m, "");
}

const pgFrom = path.join(tmp, "from.postgresql.prisma");
const pgTo = path.join(tmp, "to.postgresql.prisma");
fs.writeFileSync(pgFrom, toPostgres(fs.readFileSync(snapshot, "utf8")));
fs.writeFileSync(pgTo, toPostgres(fs.readFileSync(SQLITE_SCHEMA, "utf8")));
const scripts = { sqlite: diff(snapshot, SQLITE_SCHEMA), postgresql: diff(pgFrom, pgTo) };
if (!scripts.sqlite.trim() || /empty migration/i.test(scripts.sqlite)) {
  console.log("The schema has not changed since the last migration.");
  process.exit(0);
}
for (const [provider, sql] of Object.entries(scripts)) {
  const dir = path.join("prisma/migrations", provider, `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  console.log(`wrote ${dir}/migration.sql`);
}
fs.copyFileSync(SQLITE_SCHEMA, snapshot);
writePostgresSchema();
