// `kundennah classify [--classifier builtin|llm] < in.jsonl > out.jsonl`: customer presence for
// a file of messages. Streams: reads and classifies CHUNK_LINES lines at a time and writes each
// chunk's verdicts before reading on, so memory stays flat for any input size.
import { once } from "node:events";
import { StringDecoder } from "node:string_decoder";
import { ConfigError } from "./env.js";
import { builtinClassifier } from "./core/presence/builtinClassifier.js";
import type { PresenceClassifier } from "./core/presence/classifier.js";
import { readOpenAiConfig } from "./llm/config.js";
import { createLlmClassifier, type LlmClassifier } from "./llm/openAiClassifier.js";

export const CLASSIFY_USAGE = `usage: kundennah classify [--classifier builtin|llm] < in.jsonl > out.jsonl

  Reads one JSON object {"id", "text"} per line and writes one {"id", "customer", "tone"}
  per line, in the same order; tone is positive, neutral, negative, or null when the
  message is not about customers. Blank lines are ignored.

  --classifier builtin   the built-in rules (default; nothing leaves this machine)
  --classifier llm       an OpenAI-compatible LLM: sends the message texts to the server in
                         OPENAI_BASE_URL (default OpenAI); needs OPENAI_API_KEY, optional
                         OPENAI_MODEL, OPENAI_TIMEOUT_MS, OPENAI_BATCH_SIZE. Batches the LLM
                         fails on are classified by the built-in rules (noted on stderr).

  A malformed line (not JSON, no string or number "id", no string "text") is skipped with
  a warning naming its line number; the other lines are still classified. Exit code: 0 all
  lines classified, 1 some lines skipped, 2 usage or configuration error.`;

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
  if (!(typeof id === "string" || (typeof id === "number" && Number.isFinite(id)))) return `"id" must be a string or a number`;
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

type Choice = { kind: "builtin" } | { kind: "llm" } | { error: string };

function parseArgs(argv: string[]): Choice {
  const args = argv[0] === "classify" ? argv.slice(1) : argv;
  let kind = "builtin";
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--classifier") {
      const next = args[++i];
      if (next === undefined) return { error: "--classifier needs a value: builtin or llm" };
      kind = next;
    } else if (arg.startsWith("--classifier=")) {
      kind = arg.slice("--classifier=".length);
    } else {
      return { error: `unknown argument "${arg}"` };
    }
  }
  if (kind !== "builtin" && kind !== "llm") return { error: `--classifier must be builtin or llm, got "${kind}"` };
  return { kind };
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
  const choice = parseArgs(argv);
  if ("error" in choice) {
    warn(`${choice.error}\n\n${CLASSIFY_USAGE}`);
    return 2;
  }

  let classifier: PresenceClassifier = builtinClassifier;
  let llm: LlmClassifier | null = null;
  if (choice.kind === "llm") {
    let config;
    try {
      config = readOpenAiConfig(env);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      warn(`configuration error: ${error.message}`);
      return 2;
    }
    if (!config) {
      warn("--classifier llm needs OPENAI_API_KEY (and OPENAI_BASE_URL for Azure or a self-hosted server); or use --classifier builtin");
      return 2;
    }
    llm = createLlmClassifier(config, builtinClassifier, (reason, count) =>
      warn(`warning: ${count} message${count === 1 ? "" : "s"} classified by the built-in classifier instead (${reason})`),
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
    const out = items.map((item, k) => JSON.stringify({ id: item.id, customer: verdicts[k]!.customer, tone: verdicts[k]!.tone }));
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
    warn(`llm: ${u.requests} request${u.requests === 1 ? "" : "s"}, ${u.promptTokens} prompt + ${u.completionTokens} completion tokens`);
  }
  if (skipped > 0) {
    warn(`${skipped} malformed line${skipped === 1 ? "" : "s"} skipped`);
    return 1;
  }
  return 0;
}
