// The features the linear model sees for one message: the rule cues (c:*, ff:*, t+:*, t-:*,
// n:*, r:*) with capped counts, and word unigrams and bigrams in which every customer word or
// workspace term is replaced by "<c>" — so "typisch <c>" or "<c> sind nicht das problem"
// carries over from Endkunde to Fahrgast to a workspace's own account names — and numbers by
// "<n>". Used identically at training time (scripts/train-presence.ts) and at run time.
import type { Evidence } from "./evidence.js";
import type { Msg } from "./text.js";

export type FeatureSink = (name: string, value: number) => void;

/** Cue features the customer decision uses; the tone decision uses every feature. */
export function isCustomerCue(name: string): boolean {
  return name.startsWith("c:") || name.startsWith("ff:");
}

/** Caps keep one repeated cue from outweighing everything else. */
function cueValue(name: string, count: number): number {
  if (name === "r:pos" || name === "r:neg") return Math.min(count, 6) / 2;
  return Math.min(count, 2);
}

/** Emits the cue features of `ev` that `accept` lets through. */
export function emitCues(ev: Evidence, sink: FeatureSink, accept: (name: string) => boolean): void {
  for (const [name, count] of ev.features) if (accept(name)) sink(name, cueValue(name, count));
}

const KEEP_PUNCT = new Set(["?", "!"]);
const NUMBER = /^\p{N}[\p{N}.,:%-]*$/u;

function normalised(msg: Msg, i: number): string | null {
  if (msg.customer[i]) return "<c>";
  const w = msg.w[i]!;
  if (msg.punct[i]) return KEEP_PUNCT.has(w) ? w : null;
  if (NUMBER.test(w)) return "<n>";
  return w;
}

/** Receives the n-grams of a message: the run-time scorer looks them up without building
 * strings; training names them "w:<token>" and "b:<first> <second>". */
export interface NgramSink {
  unigram(token: string): void;
  bigram(first: string, second: string): void;
}

/** Emits unigrams and bigrams within a clause. */
export function emitNgrams(msg: Msg, sink: NgramSink): void {
  let prev: string | null = null;
  for (let i = 0; i < msg.w.length; i++) {
    const tok = normalised(msg, i);
    if (tok === null) {
      prev = null;
      continue;
    }
    sink.unigram(tok);
    if (prev !== null) sink.bigram(prev, tok);
    prev = tok;
  }
}

/** An NgramSink that hands named features to a FeatureSink (for training). */
export function namedNgrams(sink: FeatureSink): NgramSink {
  return {
    unigram: (token) => sink(`w:${token}`, 1),
    bigram: (first, second) => sink(`b:${first} ${second}`, 1),
  };
}
