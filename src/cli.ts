// The kundennah command line: exports, the classifier, the Slack manifest and backups.
// Reads DATABASE_URL like the bot does; prints to stdout so it composes with shell tools.

import { runClassify } from "./cliClassify.js";
import { runSlackManifest, SLACK_MANIFEST_USAGE } from "./cliSlackManifest.js";
import { loadConfig, loadDotEnv } from "./config.js";
import { orgMirrorExport } from "./core/mirror/service.js";
import { BackupTargetExists, backupSqlite } from "./storage/backup.js";
import { PrismaCheckInStore } from "./storage/checkinStore.js";
import { type Db, existingSqliteFile, openDatabase, providerOf } from "./storage/database.js";
import { PrismaMirrorStore } from "./storage/mirrorStore.js"; // leader mirror (issue 12)
import { PrismaSuggestionStore } from "./storage/suggestionStore.js";

const USAGE = `usage: kundennah export checkins|suggestions|mirror [--format csv|json]
       kundennah classify [--classifier builtin|llm] < in.jsonl > out.jsonl
       kundennah terms import FILE --workspace ID [--column NAME] [--replace]
       kundennah slack-manifest --host bot.example.com | --socket-mode
       kundennah backup FILE
       kundennah help

  export checkins      every leader check-in: platform, workspace, leader id and name,
                       question, week, rating, reflection, created and updated timestamps
  export suggestions   every suggestion: number, touchpoint, author id and name (empty
                       when anonymous), text, status, votes, answer, timestamps
  export mirror        the organisation's leader mirror per quarter as the digest showed it:
                       per question average self, average team, share of leaders with a
                       blind spot (at least 3 leaders; never one leader's figures)
  classify             customer presence for a file of messages (kundennah classify --help)
  terms import         a workspace's own customer terms from a list or a CRM export
                       (kundennah terms --help)
  slack-manifest       the Slack app manifest for your host, ready to paste
                       (kundennah slack-manifest --help)
  backup FILE          a consistent copy of the SQLite database, also while the bot runs;
                       for PostgreSQL it prints the pg_dump command to use instead

  export and backup read DATABASE_URL (and ./.env) like the bot; a relative file: path
  counts from the current directory, and a database that is not there is refused.
  Exit codes: 0 done, 1 failed, 2 wrong usage, 78 configuration problem.`;

const EXPORTS = {
  checkins: {
    columns: [
      "platform",
      "workspace",
      "leader",
      "leaderName",
      "question",
      "week",
      "rating",
      "reflection",
      "createdAt",
      "updatedAt",
    ],
    rows: (db: Db) => new PrismaCheckInStore(db).exportCheckIns(),
  },
  suggestions: {
    columns: [
      "platform",
      "workspace",
      "number",
      "touchpoint",
      "author",
      "authorName",
      "text",
      "status",
      "votes",
      "responseNote",
      "createdAt",
      "respondedAt",
    ],
    rows: (db: Db) => new PrismaSuggestionStore(db).exportSuggestions(),
  },
  // Leader mirror (issue 12): the organisation's mirror per quarter, as the digest showed it.
  mirror: {
    columns: ["platform", "workspace", "quarter", "leaders", "question", "avgSelf", "avgTeam", "blindSpotShare"],
    rows: (db: Db) => orgMirrorExport(new PrismaMirrorStore(db)),
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

const isHelp = (arg: string | undefined) => arg === "help" || arg === "--help" || arg === "-h";

export async function runCli(argv: string[], out: NodeJS.WritableStream = process.stdout): Promise<void> {
  const [command, ...args] = argv;
  if (isHelp(command)) {
    out.write(`${USAGE}\n`);
    return;
  }
  if (command === "classify") {
    loadDotEnv();
    process.exitCode = await runClassify(args, process.stdin, out, process.env);
    return;
  }
  if (command === "terms") {
    const { runTerms, TERMS_USAGE } = await import("./cliTerms.js");
    if (isHelp(args[0])) out.write(`${TERMS_USAGE}\n`);
    else process.exitCode = await runTerms(args, out, process.stderr);
    return;
  }
  if (command === "slack-manifest") {
    if (isHelp(args[0])) out.write(`${SLACK_MANIFEST_USAGE}\n`);
    else process.exitCode = runSlackManifest(args, out, process.stderr);
    return;
  }
  if ((command === "export" || command === "backup") && isHelp(args[0])) {
    out.write(`${USAGE}\n`);
    return;
  }
  if (command === "backup") return backup(args, out);
  if (command === "export") return exportRows(args, out);
  fail(command ? `unknown command: ${command}\n\n${USAGE}` : USAGE);
}

async function exportRows([what, ...rest]: string[], out: NodeJS.WritableStream): Promise<void> {
  if (what !== "checkins" && what !== "suggestions" && what !== "mirror") fail(USAGE);
  const { columns, rows } = EXPORTS[what];
  const formatIndex = rest.indexOf("--format");
  const format = formatIndex >= 0 ? rest[formatIndex + 1] : "csv";
  if (format !== "csv" && format !== "json") fail(`--format must be csv or json\n\n${USAGE}`);

  loadDotEnv();
  const config = loadConfig();
  const db = await openDatabase(config.databaseUrl, { createIfMissing: false });
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

async function backup(args: string[], out: NodeJS.WritableStream): Promise<void> {
  const [target, ...extra] = args;
  if (!target || target.startsWith("-") || extra.length)
    fail(`usage: kundennah backup FILE   (FILE must not exist yet)\n\n${USAGE}`);
  loadDotEnv();
  const { databaseUrl } = loadConfig();
  if (providerOf(databaseUrl) === "postgresql") {
    fail(
      "kundennah backup copies SQLite databases. For PostgreSQL use pg_dump, which also reads a consistent snapshot while the bot runs:\n" +
        `  pg_dump --format=custom --file=${target} "$DATABASE_URL"\n` +
        "and restore with pg_restore (see docs/deployment.md).",
    );
  }
  const source = existingSqliteFile(databaseUrl);
  if (source === ":memory:") fail("DATABASE_URL names an in-memory database; there is nothing to back up");
  const started = Date.now();
  try {
    const result = await backupSqlite(source, target);
    out.write(
      `backed up ${source} to ${result.file}: ${result.pages} pages, ${(result.bytes / 1e6).toFixed(1)} MB, in ${((Date.now() - started) / 1000).toFixed(1)} s (integrity checked)\n`,
    );
  } catch (error) {
    if (error instanceof BackupTargetExists) fail(error.message);
    throw error;
  }
}
