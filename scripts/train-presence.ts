// Trains the built-in customer-presence model on the labelled corpus in corpus/presence and
// writes src/core/presence/presenceWeights.ts. Deterministic: the same corpus and code give
// the same file, byte for byte.
//
// usage: npm run train:presence [-- --cv | --check]
//   --cv     also reports leave-one-file-out cross-validation (each corpus file, i.e. each
//            group of trades, held out in turn): how the model does on trades it has not seen
//   --check  retrains and exits 1 if the shipped weights differ (corpus or code changed
//            without retraining)
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { addToneCues, analyseCustomer } from "../src/core/presence/builtinClassifier.js";
import type { Tone } from "../src/core/presence/classifier.js";
import { emitCues, emitWords, isCustomerCue, isCustomerFeature, namedWords } from "../src/core/presence/features.js";
import { decodeModel, encodeModel, type LinearModel, Scorer } from "../src/core/presence/linearModel.js";
import { type CorpusRow, corpusDigest, readCorpus } from "./lib/presenceCorpus.js";
import { type Example, trainLinear } from "./lib/trainLinear.js";

const TONES: readonly Tone[] = ["positive", "neutral", "negative"];
const OPTIONS = {
  // cue features carry hand-written knowledge that holds beyond the corpus: trust them more
  l2: (name: string): number => (name.startsWith("w:") ? 2 : 1),
  minCount: 2,
  steps: 300,
  learningRate: 0.05,
};

const WEIGHTS_PATH = resolve(dirname(fileURLToPath(import.meta.url)), "../src/core/presence/presenceWeights.ts");

interface Featurised {
  row: CorpusRow;
  customer: Map<string, number>;
  tone: Map<string, number>;
}

function featurise(row: CorpusRow): Featurised {
  const customer = new Map<string, number>();
  const tone = new Map<string, number>();
  const a = analyseCustomer(row.text);
  if (a) {
    const add = (m: Map<string, number>) => (name: string, value: number) => m.set(name, (m.get(name) ?? 0) + value);
    emitCues(a.ev, add(customer), isCustomerCue);
    emitWords(a.msg, namedWords((name, value) => isCustomerFeature(name) && add(customer)(name, value)));
    addToneCues(a);
    emitCues(a.ev, add(tone), () => true);
    emitWords(a.msg, namedWords(add(tone)));
  }
  return { row, customer, tone };
}

/** One table: output 0 is the customer logit, outputs 1-3 the tone scores. */
function train(data: readonly Featurised[]): LinearModel {
  const customer = trainLinear(
    data.map((d): Example => ({ features: d.customer, label: d.row.customer ? 1 : 0 })),
    ["customer"],
    OPTIONS,
  );
  const tone = trainLinear(
    data.filter((d) => d.row.customer).map((d): Example => ({ features: d.tone, label: TONES.indexOf(d.row.tone!) })),
    TONES,
    OPTIONS,
  );
  const weights = new Map<string, Float64Array>();
  for (const name of new Set([...customer.weights.keys(), ...tone.weights.keys()])) {
    const c = customer.weights.get(name);
    const t = tone.weights.get(name);
    weights.set(name, Float64Array.of(c?.[0] ?? 0, t?.[0] ?? 0, t?.[1] ?? 0, t?.[2] ?? 0));
  }
  return { outputs: ["customer", ...TONES], bias: Float64Array.of(customer.bias[0]!, ...tone.bias), weights };
}

function predict(model: ReturnType<typeof decodeModel>, d: Featurised): { customer: boolean; tone: Tone | null } {
  const c = new Scorer(model);
  for (const [name, value] of d.customer) c.cue(name, value);
  if (c.scores[0]! <= 0) return { customer: false, tone: null };
  const t = new Scorer(model);
  for (const [name, value] of d.tone) t.cue(name, value);
  let best = 1;
  for (let k = 2; k <= 3; k++) if (t.scores[k]! > t.scores[best]!) best = k;
  return { customer: true, tone: TONES[best - 1]! };
}

function crossValidate(data: readonly Featurised[]): void {
  const files = [...new Set(data.map((d) => d.row.file))];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let toneRight = 0;
  let toneTotal = 0;
  for (const file of files) {
    // through the stored text, so rounding is what it is at run time
    const model = decodeModel(encodeModel(train(data.filter((d) => d.row.file !== file))));
    for (const d of data.filter((d) => d.row.file === file)) {
      const p = predict(model, d);
      if (d.row.customer && p.customer) tp++;
      else if (p.customer) fp++;
      else if (d.row.customer) fn++;
      if (d.row.customer) {
        toneTotal++;
        if (p.tone === d.row.tone) toneRight++;
      }
    }
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  const f1 = (2 * precision * recall) / Math.max(1e-9, precision + recall);
  console.log(`leave-one-file-out over ${files.length} files: customer P ${precision.toFixed(3)} R ${recall.toFixed(3)} F1 ${f1.toFixed(3)}, tone ${(toneRight / toneTotal).toFixed(3)}`);
}

function weightsFile(model: LinearModel, rows: readonly CorpusRow[]): string {
  const lines = encodeModel(model).trimEnd().split("\n");
  return [
    "// Generated by scripts/train-presence.ts (npm run train:presence) — do not edit by hand.",
    `// Trained on corpus/presence: ${rows.length} messages, digest ${corpusDigest()}.`,
    "// Output 0 is the customer logit; outputs 1-3 score the tones positive, neutral, negative.",
    `export const CORPUS_DIGEST = "${corpusDigest()}";`,
    "export const PRESENCE_WEIGHTS: readonly string[] = [",
    ...lines.map((l) => `  ${JSON.stringify(l)},`),
    "];",
    "",
  ].join("\n");
}

const args = process.argv.slice(2);
const rows = readCorpus();
const data = rows.map(featurise);
if (args.includes("--cv")) crossValidate(data);
const model = train(data);
const text = weightsFile(model, rows);
if (args.includes("--check")) {
  const shipped = readFileSync(WEIGHTS_PATH, "utf8");
  if (shipped !== text) {
    console.error("src/core/presence/presenceWeights.ts is out of date: run npm run train:presence");
    process.exit(1);
  }
  console.log(`weights match the corpus (${rows.length} messages)`);
} else {
  writeFileSync(WEIGHTS_PATH, text);
  console.log(`wrote ${WEIGHTS_PATH}: ${model.weights.size} features from ${rows.length} messages`);
}
