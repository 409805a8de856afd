// `kundennah terms import FILE --workspace ID [--column NAME] [--replace]`: a workspace's own
// customer terms from a file — one name a line, or a CRM export (CSV) with the names in a
// column. Good rows are imported, malformed ones reported by line number; the running bot uses
// the new terms for new messages (at once on the replica that notices, within
// VOCABULARY_TTL_MS on the others).
import { readFile } from "node:fs/promises";
import { loadConfig, loadDotEnv } from "./config.js";
import { parseTermsFile } from "./core/presence/termsFile.js";
import { VOCABULARY_TTL_MS } from "./core/presence/workspaceClassifiers.js";
import {
  MAX_WORKSPACE_TERMS,
  MIN_TERM_LENGTH,
  termProblem,
  VocabularyService,
} from "./core/presence/workspaceVocabulary.js";
import { type Db, openDatabase } from "./storage/database.js";
import { PrismaVocabularyStore } from "./storage/vocabularyStore.js";

export const TERMS_USAGE = `usage: kundennah terms import FILE --workspace ID [--column NAME] [--replace]
       kundennah terms list --workspace ID

  import    adds the names in FILE to the workspace's own customer terms: one name a line
            (blank lines and lines starting with # are skipped, "double quotes" allowed), or a
            CSV export with a header line, the names in a column such as "Name" or
            "Account Name" (or the one --column names). Duplicates count once, case-insensitively.
            Malformed rows are skipped and reported with their line number.
  --replace makes the file the whole list: terms not in it are removed
  list      prints the workspace's industry preset and own terms, one a line
  --workspace ID   the Slack team id (T…) or Teams tenant id; "slack:ID" or "teams:ID" when
            both platforms have one with that id

  Terms apply to messages from the import on; a running bot picks them up within
  ${VOCABULARY_TTL_MS / 1000} seconds. At most ${MAX_WORKSPACE_TERMS.toLocaleString("en-US")} terms per workspace.
  Reads DATABASE_URL (and ./.env) like the bot.
  Exit codes: 0 done, 1 failed or some rows skipped, 2 wrong usage, 78 configuration problem.`;

interface Options {
  action: "import" | "list";
  file?: string;
  workspace: string;
  column?: string;
  replace: boolean;
}

function parseArgs(argv: string[]): Options | { error: string } {
  const [action, ...rest] = argv;
  if (action !== "import" && action !== "list")
    return { error: action ? `unknown terms command: ${action}` : "terms needs import or list" };
  const positional: string[] = [];
  let workspace: string | undefined;
  let column: string | undefined;
  let replace = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const value = (): string | undefined => {
      const next = rest[i + 1];
      if (next === undefined || next.startsWith("--")) return undefined;
      i++;
      return next;
    };
    if (arg === "--workspace") {
      workspace = value();
      if (!workspace) return { error: "--workspace needs a workspace id" };
    } else if (arg === "--column") {
      column = value();
      if (!column) return { error: "--column needs a column name" };
    } else if (arg === "--replace") replace = true;
    else if (arg.startsWith("--")) return { error: `unknown option: ${arg}` };
    else positional.push(arg);
  }
  if (!workspace) return { error: "--workspace is required (the Slack team id or Teams tenant id)" };
  if (action === "list") {
    if (positional.length || column || replace) return { error: "terms list takes only --workspace" };
    return { action, workspace, replace };
  }
  if (positional.length !== 1) return { error: positional.length ? "give one FILE" : "terms import needs a FILE" };
  return { action, file: positional[0]!, workspace, replace, ...(column ? { column } : {}) };
}

/** The workspace row for "T0001", "slack:T0001" or "teams:<tenant>", or why there is none. */
async function findWorkspace(db: Db, spec: string): Promise<{ id: string; label: string } | { error: string }> {
  const m = /^(slack|teams):(.+)$/.exec(spec);
  const where = m ? { platform: m[1]!, externalId: m[2]! } : { externalId: spec };
  const found = await db.workspace.findMany({ where, select: { id: true, platform: true, externalId: true }, take: 3 });
  if (found.length === 1) return { id: found[0]!.id, label: `${found[0]!.platform}:${found[0]!.externalId}` };
  if (found.length > 1)
    return { error: `both platforms have a workspace "${spec}": say slack:${spec} or teams:${spec}` };
  const known = await db.workspace.findMany({
    select: { platform: true, externalId: true },
    take: 20,
    orderBy: { createdAt: "asc" },
  });
  const list = known.length
    ? `known workspaces: ${known.map((w) => `${w.platform}:${w.externalId}`).join(", ")}`
    : "the database has no workspace yet (start the bot and use it once)";
  return { error: `no workspace "${spec}" in the database; ${list}` };
}

const plural = (n: number, word: string) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;

export async function runTerms(
  argv: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const options = parseArgs(argv);
  if ("error" in options) {
    err.write(`${options.error}\n\n${TERMS_USAGE}\n`);
    return 2;
  }
  let text: string | undefined;
  if (options.file !== undefined) {
    try {
      text = await readFile(options.file, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      err.write(
        `cannot read ${options.file}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : (error as Error).message}\n`,
      );
      return 1;
    }
  }

  loadDotEnv();
  const config = loadConfig();
  const db = await openDatabase(config.databaseUrl, { createIfMissing: false });
  try {
    const workspace = await findWorkspace(db.prisma, options.workspace);
    if ("error" in workspace) {
      err.write(`${workspace.error}\n`);
      return 1;
    }
    const vocabulary = new VocabularyService(new PrismaVocabularyStore(db.prisma), () => new Date());
    if (options.action === "list") {
      const current = await vocabulary.get(workspace.id);
      out.write(
        `# ${workspace.label}: industry preset ${current.industry ?? "none"}, ${plural(current.terms.length, "own term")}\n`,
      );
      if (current.terms.length) out.write(`${current.terms.join("\n")}\n`);
      return 0;
    }
    return await importTerms(vocabulary, workspace, text!, options, out, err);
  } finally {
    await db.close();
  }
}

async function importTerms(
  vocabulary: VocabularyService,
  workspace: { id: string; label: string },
  text: string,
  options: Options,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const parsed = parseTermsFile(text, options.column !== undefined ? { column: options.column } : {});
  if (parsed.fatal) {
    err.write(`${options.file}: ${parsed.fatal}; nothing was imported\n`);
    return 1;
  }
  for (const e of parsed.errors) err.write(`${options.file}:${e.line}: ${e.message} — skipped\n`);
  // What the file format allows but a term may not be (a one-letter name would match "a").
  const usable: string[] = [];
  let unusable = 0;
  for (const term of parsed.terms) {
    const problem = termProblem(term);
    if (!problem) usable.push(term);
    else {
      unusable++;
      err.write(
        `${options.file}: "${term.slice(0, 60)}" ${problem.kind === "too-short" ? `is shorter than ${MIN_TERM_LENGTH} characters` : "cannot be a term"} — skipped\n`,
      );
    }
  }
  const skipped = parsed.errors.length + unusable;
  if (usable.length === 0 && !options.replace) {
    err.write(`${options.file}: no names to import${skipped ? ` (${plural(skipped, "row")} skipped)` : ""}\n`);
    return 1;
  }

  const outcome = options.replace
    ? await vocabulary.replaceTerms(workspace.id, usable)
    : await vocabulary.addTerms(workspace.id, usable, Number.POSITIVE_INFINITY);
  if (!outcome.ok) {
    const p = outcome.problem;
    err.write(
      p.kind === "workspace-full"
        ? `the workspace would have ${(p.current + p.adding).toLocaleString("en-US")} terms, more than the ${MAX_WORKSPACE_TERMS.toLocaleString("en-US")} allowed; nothing was imported\n`
        : `cannot import: ${p.kind}; nothing was imported\n`,
    );
    return 1;
  }
  const { change } = outcome;
  const notes = [
    change.unchanged.length ? `${plural(change.unchanged.length, "name")} already there` : "",
    parsed.duplicates ? `${plural(parsed.duplicates, "duplicate")} in the file` : "",
    parsed.blank ? `${plural(parsed.blank, "blank line")}` : "",
    skipped ? `${plural(skipped, "malformed row")} skipped` : "",
    change.removed?.length ? `${plural(change.removed.length, "term")} removed (not in the file)` : "",
  ].filter(Boolean);
  out.write(
    `imported ${plural(change.changed.length, "new term")} into ${workspace.label}${notes.length ? ` (${notes.join(", ")})` : ""}; ` +
      `it now has ${plural(change.vocabulary.terms.length, "own term")}${change.vocabulary.industry ? ` and the ${change.vocabulary.industry} preset` : ""}. ` +
      `They apply to new messages; a running bot picks them up within ${VOCABULARY_TTL_MS / 1000} seconds.\n`,
  );
  return skipped > 0 ? 1 : 0;
}
