// The golden record of the built-in presence classifier: for every message of the labelled
// sets (../shared/eval/*.jsonl), the training corpus (corpus/presence/*.txt), a slice of the
// benchmark corpus and a few bad inputs, what classifyMessage() answers and a fingerprint of
// everything explain() says (cues in order with their words, probabilities, contributions) —
// with no configuration and with an industry preset plus workspace terms.
//
// It exists so that speed work on the classifier can prove it changed nothing: any difference
// in any output of any message fails `npx tsx scripts/presence-golden.ts --check` and
// tests/core/presence/golden.test.ts. The file holds no message text (the eval sets are not
// ours to copy): per message a key, a hash of the text, the verdict, the cue names and a hash
// of the full explanation.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { messages } from "../../bench/lib/corpus.js";
import {
  type BuiltinClassifier,
  createBuiltinClassifier,
  type Explanation,
} from "../../src/core/presence/builtinClassifier.js";
import { readCorpus } from "./presenceCorpus.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const GOLDEN_PATH = resolve(repoRoot, "tests/core/presence/classifier.golden.tsv");

/** ../shared/eval from the main checkout, ../../shared/eval from a worktree under wt/. */
export function evalDir(): string | undefined {
  return [resolve(repoRoot, "../shared/eval"), resolve(repoRoot, "../../shared/eval")].find((d) => existsSync(d));
}

export interface GoldenInput {
  /** Where the message comes from, unique: "eval/presence-dev2.jsonl:17", "corpus/b2b:12". */
  key: string;
  text: string;
}

/** Inputs that must classify in linear time without throwing (see the bad-input tests). */
function badInputs(): GoldenInput[] {
  const binary = Array.from({ length: 4096 }, (_, k) => String.fromCharCode((k * 7919) % 65536)).join("");
  const texts = [
    "",
    "   \n\t ",
    "Der Kunde ".repeat(10_000),
    "🎉🙄💅😂".repeat(50),
    "Der customer ist sehr happy mit dem neuen Tarif, merci!",
    binary,
    "\u0000\u0001\u0002",
    "`".repeat(10_000),
    "Frau ".repeat(2000),
    `${"„".repeat(3000)}Kunde`,
    "a".repeat(100_000),
    `${"Kunden-".repeat(1000)}Service`,
  ];
  return texts.map((text, k) => ({ key: `bad:${k}`, text }));
}

export function goldenInputs(): { inputs: GoldenInput[]; evalFound: boolean } {
  const inputs: GoldenInput[] = [];
  const dir = evalDir();
  if (dir) {
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith(".jsonl"))
      .sort()) {
      readFileSync(resolve(dir, file), "utf8")
        .split("\n")
        .forEach((line, k) => {
          if (line.trim() === "") return;
          inputs.push({ key: `eval/${file}:${k + 1}`, text: (JSON.parse(line) as { text: string }).text });
        });
    }
  }
  for (const row of readCorpus()) inputs.push({ key: `corpus/${row.id}`, text: row.text });
  for (const [k, text] of messages(400, 3).entries()) inputs.push({ key: `bench:${k}`, text });
  inputs.push(...badInputs());
  return { inputs, evalFound: dir !== undefined };
}

/** The configurations recorded: none, and a preset with terms that occur in the sets. */
export function goldenClassifiers(): [string, BuiltinClassifier][] {
  return [
    ["default", createBuiltinClassifier()],
    [
      "b2b+terms",
      createBuiltinClassifier({
        industry: "b2b",
        terms: [
          "Stadtwerke Nord",
          "Meridian Health",
          "Hartmann",
          "Acme",
          "HubSpot",
          "Fahrgast",
          "Globex",
          "Apotheke am Markt",
          "Kontor 7 Handel",
        ],
      }),
    ],
  ];
}

const hash = (s: string, n = 16): string => createHash("sha256").update(s).digest("hex").slice(0, n);
/** Twelve significant digits: the same arithmetic in the same order gives the same digits. */
const num = (x: number): string => x.toPrecision(12);

function explanationText(e: Explanation): string {
  return JSON.stringify({
    verdict: e.verdict,
    notes: e.notes,
    customer: num(e.customerProbability),
    tones: Object.entries(e.toneProbabilities).map(([t, p]) => [t, num(p!)]),
    contributions: e.contributions.map((c) => [c.feature, num(c.customer), num(c.tone)]),
  });
}

/** One line per message and configuration. */
export function goldenLine(config: string, c: BuiltinClassifier, input: GoldenInput): string {
  const v = c.classifyMessage(input.text);
  const e = c.explain(input.text);
  const cues = e.notes.map((n) => n.feature).join(",") || "-";
  return [
    config,
    input.key,
    hash(input.text, 8),
    v.customer ? "customer" : "no",
    v.tone ?? "-",
    cues,
    hash(explanationText(e)),
  ].join("\t");
}

export const GOLDEN_HEADER =
  "# config\tkey\ttext hash\tcustomer\ttone\tcues (explain, in order)\texplanation hash — written by scripts/presence-golden.ts --write";

export function computeGolden(): { lines: string[]; evalFound: boolean } {
  const { inputs, evalFound } = goldenInputs();
  const lines: string[] = [];
  for (const [config, c] of goldenClassifiers()) for (const input of inputs) lines.push(goldenLine(config, c, input));
  return { lines, evalFound };
}

/** Differences between the recorded lines and the current ones, keyed by config and key. Rows
 * of eval sets that are absent on this machine are skipped, not counted as differences. */
export function compareGolden(recorded: string[], current: string[], evalFound: boolean): string[] {
  const byKey = (lines: string[]) =>
    new Map(lines.filter((l) => l && !l.startsWith("#")).map((l) => [l.split("\t").slice(0, 2).join("\t"), l]));
  const want = byKey(recorded);
  const got = byKey(current);
  const diffs: string[] = [];
  for (const [key, line] of want) {
    const now = got.get(key);
    if (now === undefined) {
      if (!evalFound && key.includes("\teval/")) continue;
      diffs.push(`missing now: ${line}`);
    } else if (now !== line) diffs.push(`was: ${line}\nnow: ${now}`);
  }
  for (const [key, line] of got) if (!want.has(key)) diffs.push(`not recorded: ${line}`);
  return diffs;
}
