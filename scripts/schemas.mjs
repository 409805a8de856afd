// prisma/schema.prisma is the one schema people edit (SQLite). The PostgreSQL schema is
// derived from it — same models, same fields — so the two can never drift apart.
import fs from "node:fs";

export const SQLITE_SCHEMA = "prisma/schema.prisma";
export const POSTGRES_SCHEMA = "prisma/schema.postgresql.prisma";

export function toPostgres(schema) {
  const out = schema
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('url      = "file:./dev.db"', 'url      = "postgresql://localhost:5432/kundennah"')
    .replace('output     = "../src/storage/generated"', 'output     = "../src/storage/generated-pg"');
  if (out === schema) throw new Error("schema.prisma no longer has the lines toPostgres() rewrites");
  return `// GENERATED from schema.prisma by scripts/schemas.mjs — edit schema.prisma instead.\n${out}`;
}

export function writePostgresSchema() {
  fs.writeFileSync(POSTGRES_SCHEMA, toPostgres(fs.readFileSync(SQLITE_SCHEMA, "utf8")));
}
