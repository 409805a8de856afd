// Trains a linear model (logistic regression for one output, softmax regression for several)
// by full-batch Adam on the mean log loss plus an L2 penalty. Deterministic: no sampling, a
// fixed number of steps, examples and features in a fixed order.
import type { LinearModel } from "../../src/core/presence/linearModel.js";

export interface Example {
  features: Map<string, number>;
  /** Index of the class (softmax) or 0/1 (one output). */
  label: number;
}

export interface TrainOptions {
  /** L2 strength per feature, by name (cue features are trusted more than words). */
  l2: (feature: string) => number;
  /** Features seen in fewer examples are dropped (words only; cues are always kept). */
  minCount: number;
  steps: number;
  learningRate: number;
}

export function trainLinear(
  examples: readonly Example[],
  outputs: readonly string[],
  options: TrainOptions,
): LinearModel {
  const K = outputs.length;
  const binary = K === 1;
  const seen = new Map<string, number>();
  for (const ex of examples) for (const name of ex.features.keys()) seen.set(name, (seen.get(name) ?? 0) + 1);
  const names = [...seen.keys()].filter((n) => !n.startsWith("w:") || seen.get(n)! >= options.minCount).sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const F = names.length;
  const rows = examples.map((ex) => {
    const idx: number[] = [];
    const val: number[] = [];
    for (const [name, v] of ex.features) {
      const i = index.get(name);
      if (i !== undefined) {
        idx.push(i);
        val.push(v);
      }
    }
    return { idx, val, label: ex.label };
  });
  const l2 = Float64Array.from(names, (n) => options.l2(n));

  const P = F * K + K; // weights, then biases
  const theta = new Float64Array(P);
  const m = new Float64Array(P);
  const v = new Float64Array(P);
  const grad = new Float64Array(P);
  const scores = new Float64Array(K);
  const N = rows.length;
  const b1 = 0.9;
  const b2 = 0.999;

  for (let step = 1; step <= options.steps; step++) {
    grad.fill(0);
    for (const row of rows) {
      for (let k = 0; k < K; k++) scores[k] = theta[F * K + k]!;
      for (let j = 0; j < row.idx.length; j++) {
        const base = row.idx[j]! * K;
        for (let k = 0; k < K; k++) scores[k]! += row.val[j]! * theta[base + k]!;
      }
      // error = predicted probability - target
      if (binary) {
        scores[0] = 1 / (1 + Math.exp(-scores[0]!)) - row.label;
      } else {
        let max = -Infinity;
        for (let k = 0; k < K; k++) max = Math.max(max, scores[k]!);
        let sum = 0;
        for (let k = 0; k < K; k++) sum += scores[k] = Math.exp(scores[k]! - max);
        for (let k = 0; k < K; k++) scores[k] = scores[k]! / sum - (k === row.label ? 1 : 0);
      }
      for (let j = 0; j < row.idx.length; j++) {
        const base = row.idx[j]! * K;
        for (let k = 0; k < K; k++) grad[base + k]! += (row.val[j]! * scores[k]!) / N;
      }
      for (let k = 0; k < K; k++) grad[F * K + k]! += scores[k]! / N;
    }
    for (let f = 0; f < F; f++) for (let k = 0; k < K; k++) grad[f * K + k]! += (l2[f]! * theta[f * K + k]!) / N;
    const lr = options.learningRate;
    for (let p = 0; p < P; p++) {
      m[p] = b1 * m[p]! + (1 - b1) * grad[p]!;
      v[p] = b2 * v[p]! + (1 - b2) * grad[p]! * grad[p]!;
      const mh = m[p]! / (1 - b1 ** step);
      const vh = v[p]! / (1 - b2 ** step);
      theta[p]! -= (lr * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }

  const weights = new Map<string, Float64Array>();
  for (let f = 0; f < F; f++) {
    const w = theta.slice(f * K, f * K + K);
    if (w.some((x) => Math.abs(x) >= 5e-4)) weights.set(names[f]!, w);
  }
  return { outputs, bias: theta.slice(F * K), weights };
}
