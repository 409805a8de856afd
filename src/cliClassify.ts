// `kundennah classify [--classifier builtin|llm] [--industry NAME] [--terms FILE [--column NAME]]
//  [--explain TEXT] < in.jsonl > out.jsonl`: customer presence for a file of messages, or the
// reasons for one message. Streams: reads and classifies CHUNK_LINES lines at a time and writes
// each chunk's verdicts before reading on, so memory stays flat for any input size.
import { once } from "node:events";
import { readFile } from "node:fs/promises";
import { StringDecoder } from "node:string_decoder";
import { formatExplanation } from "./cliExplain.js";
import { createBuiltinClassifier } from "./core/presence/builtinClassifier.js";
import type { PresenceClassifier } from "./core/presence/classifier.js";
import { parseTermsFile } from "./core/presence/termsFile.js";
import { INDUSTRY_PRESETS, type IndustryPreset, isIndustryPreset } from "./core/presence/vocabulary.js";
import { ConfigError } from "./env.js";
import { readOpenAiConfig } from "./llm/config.js";
import { createLlmClassifier, type LlmClassifier } from "./llm/openAiClassifier.js";

export const CLASSIFY_USAGE = `usage: kundennah classify [--classifier builtin|llm] [--industry NAME] [--terms FILE [--column NAME]] < in.jsonl > out.jsonl
       kundennah classify [--industry NAME] [--terms FILE [--column NAME]] --explain "message text"

  Reads one JSON object {"id", "text"} per line and writes one {"id", "customer", "tone"}
  per line, in the same order; tone is positive, neutral, negative, or null when the
  message is not about customers. Blank lines are ignored.

  --classifier builtin   the built-in classifier (default; nothing leaves this machine)
  --classifier llm       an OpenAI-compatible LLM: sends the message texts to the server in
                         OPENAI_BASE_URL (default OpenAI); needs OPENAI_API_KEY, optional
                         OPENAI_MODEL, OPENAI_TIMEOUT_MS, OPENAI_BATCH_SIZE. Batches the LLM
                         fails on are classified by the built-in classifier (noted on stderr).
  --industry NAME        also count the customer words of one trade: ${INDUSTRY_PRESETS.join(", ")}
  --terms FILE           also count a workspace's own customer words and account names: one per
                         line, or a CSV export with a column such as "Name" or "Account Name"
  --column NAME          the CSV column that holds the names
  --explain TEXT         print which cues decided for TEXT (customer words, false friends, tone
                         cues, negations) and the model's strongest features; reads no input

  A malformed line (not JSON, no string or number "id", no string "text") is skipped with
  a warning naming its line number; the other lines are still classified. Malformed rows of a
  terms file are skipped the same way. Exit code: 0 all lines classified, 1 some lines
  skipped, 2 usage or configuration error.`;

/** Lines classified per step. */
export const CHUNK_LINES = 500;

interface Item {
  id: string | number;
  text: string;
}

/** The record on a line, or why there is none. Never quotes the line: it holds message text. */
function parseLine(line: string): Item | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return "not valid JSON";
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "not a JSON object";
  const { id, text } = value as Record<string, unknown>;
  if (!(typeof id === "string" || (typeof id === "number" && Number.isFinite(id))))
    return `"id" must be a string or a number`;
  if (typeof text !== "string") return `"text" must be a string`;
  return { id, text };
}

/** Lines of a byte or string stream, decoded as UTF-8 across chunk boundaries. */
async function* lines(input: NodeJS.ReadableStream): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  let rest = "";
  for await (const chunk of input) {
    rest += typeof chunk === "string" ? chunk : decoder.write(chunk as Buffer);
    let newline: number;
    while ((newline = rest.indexOf("\n")) >= 0) {
      yield rest.slice(0, newline);
      rest = rest.slice(newline + 1);
    }
  }
  rest += decoder.end();
  if (rest) yield rest;
}

interface Options {
  classifier: "builtin" | "llm";
  industry?: IndustryPreset;
  termsFile?: string;
  column?: string;
  explain?: string;
}

const VALUE_OPTIONS = ["--classifier", "--industry", "--terms", "--column", "--explain"] as const;

function parseArgs(argv: string[]): Options | { error: string } {
  const args = argv[0] === "classify" ? argv.slice(1) : argv;
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.indexOf("=");
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!(VALUE_OPTIONS as readonly string[]).includes(name)) return { error: `unknown argument "${arg}"` };
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined) return { error: `${name} needs a value` };
    values.set(name, value);
  }
  const classifier = values.get("--classifier") ?? "builtin";
  if (classifier !== "builtin" && classifier !== "llm")
    return { error: `--classifier must be builtin or llm, got "${classifier}"` };
  const industry = values.get("--industry");
  if (industry !== undefined && !isIndustryPreset(industry))
    return { error: `--industry must be one of ${INDUSTRY_PRESETS.join(", ")}, got "${industry}"` };
  if (values.has("--column") && !values.has("--terms")) return { error: "--column needs --terms FILE" };
  const explain = values.get("--explain");
  if (explain !== undefined && classifier === "llm")
    return { error: "--explain explains the built-in classifier; leave out --classifier llm" };
  return { classifier, industry, termsFile: values.get("--terms"), column: values.get("--column"), explain };
}

/** Reads the terms file; reports what was read and every skipped row on `warn`. */
async function readTerms(
  path: string,
  column: string | undefined,
  warn: (message: string) => void,
): Promise<string[] | { error: string }> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    return {
      error: `cannot read terms file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    };
  }
  const result = parseTermsFile(text, column === undefined ? {} : { column });
  if (result.fatal) return { error: `terms file ${path}: ${result.fatal}` };
  for (const e of result.errors) warn(`terms file ${path}, line ${e.line}: ${e.message} — skipped`);
  const source = result.format === "csv" ? `column "${result.column}"` : "one per line";
  const extras = [
    result.duplicates ? `${result.duplicates} duplicate${result.duplicates === 1 ? "" : "s"}` : "",
    result.errors.length ? `${result.errors.length} row${result.errors.length === 1 ? "" : "s"} skipped` : "",
  ].filter(Boolean);
  warn(
    `terms: ${result.terms.length} name${result.terms.length === 1 ? "" : "s"} from ${path} (${source})${extras.length ? `; ${extras.join(", ")}` : ""}`,
  );
  return result.terms;
}

async function write(output: NodeJS.WritableStream, text: string): Promise<void> {
  if (!output.write(text)) await once(output, "drain");
}

/**
 * Runs `kundennah classify`; `argv` are the arguments after the command name (a leading
 * "classify" is accepted too). Returns the exit code; writes warnings and errors to `errors`.
 */
export async function runClassify(
  argv: string[],
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  env: Record<string, string | undefined>,
  errors: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  const warn = (message: string): void => void errors.write(`${message}\n`);
  if (argv.includes("--help") || argv.includes("-h")) {
    warn(CLASSIFY_USAGE);
    return 0;
  }
  const options = parseArgs(argv);
  if ("error" in options) {
    warn(`${options.error}\n\n${CLASSIFY_USAGE}`);
    return 2;
  }

  let terms: string[] | undefined;
  if (options.termsFile !== undefined) {
    const read = await readTerms(options.termsFile, options.column, warn);
    if ("error" in read) {
      warn(read.error);
      return 2;
    }
    terms = read;
  }
  const builtin = createBuiltinClassifier({ industry: options.industry, terms });
  if (options.explain !== undefined) {
    await write(
      output,
      formatExplanation(builtin.explain(options.explain), { industry: options.industry, terms: terms?.length ?? 0 }),
    );
    return 0;
  }

  let classifier: PresenceClassifier = builtin;
  let llm: LlmClassifier | null = null;
  if (options.classifier === "llm") {
    let config: ReturnType<typeof readOpenAiConfig>;
    try {
      config = readOpenAiConfig(env);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      warn(`configuration error: ${error.message}`);
      return 2;
    }
    if (!config) {
      warn(
        "--classifier llm needs OPENAI_API_KEY (and OPENAI_BASE_URL for Azure or a self-hosted server); or use --classifier builtin",
      );
      return 2;
    }
    llm = createLlmClassifier(
      config,
      builtin,
      (reason, count) =>
        warn(
          `warning: ${count} message${count === 1 ? "" : "s"} classified by the built-in classifier instead (${reason})`,
        ),
      // The same vocabulary in the prompt (only the terms found in each batch go out).
      { vocabulary: { industry: options.industry ?? null, ...(terms ? { terms } : {}) } },
    );
    classifier = llm;
  }

  let skipped = 0;
  let lineNumber = 0;
  let chunk: Item[] = [];
  const flush = async (): Promise<void> => {
    if (chunk.length === 0) return;
    const items = chunk;
    chunk = [];
    const verdicts = await classifier.classify(items.map((item) => item.text));
    const out = items.map((item, k) =>
      JSON.stringify({ id: item.id, customer: verdicts[k]!.customer, tone: verdicts[k]!.tone }),
    );
    await write(output, `${out.join("\n")}\n`);
  };

  for await (const raw of lines(input)) {
    lineNumber++;
    const line = (lineNumber === 1 ? raw.replace(/^\uFEFF/, "") : raw).replace(/\r$/, "");
    if (!line.trim()) continue;
    const item = parseLine(line);
    if (typeof item === "string") {
      skipped++;
      warn(`line ${lineNumber}: ${item} — skipped`);
      continue;
    }
    chunk.push(item);
    if (chunk.length >= CHUNK_LINES) await flush();
  }
  await flush();

  if (llm) {
    const u = llm.usage();
    warn(
      `llm: ${u.requests} request${u.requests === 1 ? "" : "s"}, ${u.promptTokens} prompt + ${u.completionTokens} completion tokens`,
    );
  }
  if (skipped > 0) {
    warn(`${skipped} malformed line${skipped === 1 ? "" : "s"} skipped`);
    return 1;
  }
  return 0;
}
