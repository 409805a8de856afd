#!/usr/bin/env node
// Writes a new migration for every provider from the difference between the schema as of the
// last migration (prisma/migrations/schema.snapshot.prisma) and prisma/schema.prisma.
// usage: npm run db:migration -- add_something
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name_in_snake_case>");
  process.exit(2);
}
const snapshot = "prisma/migrations/schema.snapshot.prisma";
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const sql = execFileSync(
  process.execPath,
  ["scripts/prisma.mjs", "migrate", "diff", "--from-schema-datamodel", snapshot, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { encoding: "utf8" },
).replace(/^Loaded Prisma config.*\n/m, "");
if (!sql.trim() || /empty migration/i.test(sql)) {
  console.log("The schema has not changed since the last migration.");
  process.exit(0);
}
const dir = path.join("prisma/migrations/sqlite", `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
fs.copyFileSync("prisma/schema.prisma", snapshot);
console.log(`wrote ${dir}/migration.sql`);
