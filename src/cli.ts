// The kundennah command line: `kundennah export checkins --format csv|json`.
// Reads DATABASE_URL like the bot does; prints to stdout so it composes with shell tools.
import { loadConfig, loadDotEnv } from "./config.js";
import { openDatabase, type Db } from "./storage/database.js";
import { PrismaStore } from "./storage/prismaStore.js";
import { PrismaSuggestionStore } from "./storage/suggestionStore.js";
import { runClassify } from "./cliClassify.js";

const USAGE = `usage: kundennah export checkins|suggestions [--format csv|json]
       kundennah classify [--classifier builtin|llm] < in.jsonl > out.jsonl

  export checkins      every leader check-in: platform, workspace, leader, question,
                       week, rating, reflection, created and updated timestamps
  export suggestions   every suggestion: number, touchpoint, author (empty when
                       anonymous), text, status, votes, answer, timestamps`;

const EXPORTS = {
  checkins: {
    columns: ["platform", "workspace", "leader", "question", "week", "rating", "reflection", "createdAt", "updatedAt"],
    rows: (db: Db) => new PrismaStore(db).exportCheckIns(),
  },
  suggestions: {
    columns: ["platform", "workspace", "number", "touchpoint", "author", "text", "status", "votes", "responseNote", "createdAt", "respondedAt"],
    rows: (db: Db) => new PrismaSuggestionStore(db).exportSuggestions(),
  },
} as const;

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
  if (command === "classify") {
    loadDotEnv();
    process.exitCode = await runClassify(argv.slice(1), process.stdin, out, process.env);
    return;
  }
  if (command !== "export" || (what !== "checkins" && what !== "suggestions")) fail(USAGE);
  const { columns, rows } = EXPORTS[what];
  const formatIndex = rest.indexOf("--format");
  const format = formatIndex >= 0 ? rest[formatIndex + 1] : "csv";
  if (format !== "csv" && format !== "json") fail(`--format must be csv or json\n\n${USAGE}`);

  loadDotEnv();
  const config = loadConfig();
  const db = await openDatabase(config.databaseUrl);
  try {
    if (format === "csv") out.write(`${columns.join(",")}\n`);
    else out.write("[");
    let first = true;
    for await (const row of rows(db.prisma)) {
      const record = row as unknown as Record<string, unknown>;
      if (format === "csv") out.write(`${columns.map((c) => csvField(record[c])).join(",")}\n`);
      else out.write(`${first ? "\n" : ",\n"}${JSON.stringify(row)}`);
      first = false;
    }
    if (format === "json") out.write(first ? "]\n" : "\n]\n");
  } finally {
    await db.close();
  }
}
