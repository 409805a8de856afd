// Prisma CLI configuration. Uses the JavaScript engines with a driver adapter so that
// `prisma generate` and `prisma migrate diff` work with only the npm registry reachable.
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  async adapter() {
    return new PrismaBetterSQLite3({ url: process.env.PRISMA_CLI_SQLITE_URL ?? ":memory:" });
  },
});
