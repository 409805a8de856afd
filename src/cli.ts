// The kundennah command line: `kundennah export checkins --format csv|json`.
// Reads DATABASE_URL like the bot does; prints to stdout so it composes with shell tools.
import { loadConfig, loadDotEnv } from "./config.js";
import { openDatabase } from "./storage/database.js";
import { PrismaStore } from "./storage/prismaStore.js";

const USAGE = `usage: kundennah export checkins [--format csv|json]

  export checkins   every leader check-in: platform, workspace, leader, question,
                    week, rating, reflection, created and updated timestamps`;

const COLUMNS = ["platform", "workspace", "leader", "question", "week", "rating", "reflection", "createdAt", "updatedAt"] as const;

/** RFC 4180 quoting; a leading =, +, - or @ is prefixed so spreadsheets do not run it as a formula. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

export async function runCli(argv: string[], out: NodeJS.WritableStream = process.stdout): Promise<void> {
  const [command, what, ...rest] = argv;
  if (command !== "export" || what !== "checkins") fail(USAGE);
  const formatIndex = rest.indexOf("--format");
  const format = formatIndex >= 0 ? rest[formatIndex + 1] : "csv";
  if (format !== "csv" && format !== "json") fail(`--format must be csv or json\n\n${USAGE}`);

  loadDotEnv();
  const config = loadConfig();
  const db = await openDatabase(config.databaseUrl);
  try {
    const store = new PrismaStore(db.prisma);
    if (format === "csv") out.write(`${COLUMNS.join(",")}\n`);
    else out.write("[");
    let first = true;
    for await (const row of store.exportCheckIns()) {
      if (format === "csv") out.write(`${COLUMNS.map((c) => csvField(row[c])).join(",")}\n`);
      else out.write(`${first ? "\n" : ",\n"}${JSON.stringify(row)}`);
      first = false;
    }
    if (format === "json") out.write(first ? "]\n" : "\n]\n");
  } finally {
    await db.close();
  }
}
