// A linear model over named features: one weight per feature and output, plus a bias.
// Stored as text (presenceWeights.ts, written by scripts/train-presence.ts):
//   outputs<TAB>name...        the outputs (one for a yes/no model, one per class otherwise)
//   bias<TAB>w...
//   <feature><TAB>w...         one line per feature: a cue ("c:word") or a word ("w:kunde")
// At run time words are looked up by the token itself, so scoring a message builds no
// strings. Features the model has not seen count nothing.
import type { CueSink, WordSink } from "./features.js";
import type { WordFacts } from "./wordFacts.js";

export interface LinearModel {
  readonly outputs: readonly string[];
  readonly bias: Float64Array;
  /** Every feature by its full name (training and encoding use this). */
  readonly weights: ReadonlyMap<string, Float64Array>;
}

interface IndexedModel extends LinearModel {
  readonly words: ReadonlyMap<string, Float64Array>;
}

export function decodeModel(text: string): IndexedModel {
  const lines = text.split("\n").filter((l) => l !== "");
  const header = lines[0]!.split("\t");
  if (header[0] !== "outputs") throw new Error("model text must start with an outputs line");
  const outputs = header.slice(1);
  const row = (line: string): [string, Float64Array] => {
    const parts = line.split("\t");
    const w = new Float64Array(outputs.length);
    for (let k = 0; k < outputs.length; k++) w[k] = Number(parts[k + 1]);
    return [parts[0]!, w];
  };
  const [biasName, bias] = row(lines[1]!);
  if (biasName !== "bias") throw new Error("model text must have a bias line second");
  const weights = new Map<string, Float64Array>();
  const words = new Map<string, Float64Array>();
  for (const line of lines.slice(2)) {
    const [name, w] = row(line);
    weights.set(name, w);
    if (name.startsWith("w:")) words.set(name.slice(2), w);
  }
  return { outputs, bias, weights, words };
}

export function encodeModel(model: LinearModel, digits = 4): string {
  const fmt = (w: Float64Array): string => Array.from(w, (x) => Number(x.toFixed(digits)).toString()).join("\t");
  const lines = [`outputs\t${model.outputs.join("\t")}`, `bias\t${fmt(model.bias)}`];
  for (const [name, w] of [...model.weights].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    lines.push(`${name}\t${fmt(w)}`);
  return `${lines.join("\n")}\n`;
}

export interface TraceEntry {
  feature: string;
  value: number;
  weights: Float64Array;
}

/** Accumulates scores; `trace` (when given) records each feature's share for --explain. */
export class Scorer implements CueSink, WordSink {
  /** A plain array: cheaper to create per message than a typed one. */
  readonly scores: number[];

  constructor(
    private readonly model: IndexedModel,
    private readonly trace?: TraceEntry[],
  ) {
    const b = model.bias;
    this.scores = b.length === 4 ? [b[0]!, b[1]!, b[2]!, b[3]!] : Array.from(b);
  }

  private add(w: Float64Array, value: number): void {
    for (let k = 0; k < w.length; k++) this.scores[k]! += value * w[k]!;
  }

  cue(name: string, value: number): void {
    const w = this.model.weights.get(name);
    if (!w) return;
    this.add(w, value);
    this.trace?.push({ feature: name, value, weights: w });
  }

  /** Takes a word back out of the tone scores (outputs 1..), keeping its customer share. */
  removeTone(word: string): void {
    const w = this.model.words.get(word);
    if (!w) return;
    const back = new Float64Array(w.length);
    for (let k = 1; k < w.length; k++) back[k] = -w[k]!;
    this.add(back, 1);
    this.trace?.push({ feature: `w:${word} (negated)`, value: 1, weights: back });
  }

  word(word: string, facts?: WordFacts): void {
    let w: Float64Array | null | undefined;
    if (facts) {
      // looked up once per word (and model), kept on the word's facts
      if (facts.weightsModel !== this.model) {
        facts.weights = this.model.words.get(word) ?? null;
        facts.weightsModel = this.model;
      }
      w = facts.weights;
    } else w = this.model.words.get(word);
    if (!w) return;
    this.add(w, 1);
    this.trace?.push({ feature: `w:${word}`, value: 1, weights: w });
  }
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
