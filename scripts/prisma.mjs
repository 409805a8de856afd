#!/usr/bin/env node
// Runs the Prisma CLI offline. Prisma 6.19 downloads native engines unless these variables
// point at an existing file; with `engine: "js"` and a driver adapter it never uses them.
// `node scripts/prisma.mjs generate` generates the clients for SQLite and PostgreSQL.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, writePostgresSchema } from "./schemas.mjs";

const here = fileURLToPath(import.meta.url);
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? here,
  PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? here,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};

export function prisma(args, options = {}) {
  const r = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", ...args], {
    stdio: "inherit",
    env,
    ...options,
  });
  return r;
}

if (process.argv[1] === here) {
  const args = process.argv.slice(2);
  if (args[0] === "generate" && !args.includes("--schema")) {
    writePostgresSchema();
    for (const schema of [SQLITE_SCHEMA, POSTGRES_SCHEMA]) {
      const r = prisma(["generate", "--schema", schema]);
      if (r.status !== 0) process.exit(r.status ?? 1);
    }
    process.exit(0);
  }
  process.exit(prisma(args).status ?? 1);
}
