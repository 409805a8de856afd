// The features the linear model sees for one message: the rule cues (c:*, ff:*, t+:*, t-:*,
// n:*) with capped counts, and the message's words, in which every word naming customers (or a
// workspace term) is replaced by "<c>" — so what is learnt about "Kunden" carries over to
// Fahrgäste and to a workspace's own account names. Word pairs were tried and dropped:
// they did not improve cross-validation and doubled the lookups. Used identically at training
// time (scripts/train-presence.ts) and at run time.
import type { Evidence } from "./evidence.js";
import type { Msg } from "./text.js";
import type { WordFacts } from "./wordFacts.js";

/** Receives named features (objects with methods, not closures: one scorer per message). */
export interface CueSink {
  cue(name: string, value: number): void;
}

/** Cue features the customer decision uses; the tone decision uses every feature. */
export function isCustomerCue(name: string): boolean {
  return name.startsWith("c:") || name.startsWith("ff:");
}

/** Features the customer decision learns from: its cues and the words, but not numbers. */
export function isCustomerFeature(name: string): boolean {
  return isCustomerCue(name) || (name.startsWith("w:") && name !== `w:${NUMBER_WORD}`);
}

/** A cap keeps one repeated cue from outweighing everything else. */
function cueValue(count: number): number {
  return Math.min(count, 2);
}

/** Emits the cue features of `ev` that `accept` lets through. */
export function emitCues(ev: Evidence, sink: CueSink, accept: (name: string) => boolean): void {
  for (const [name, count] of ev.features) if (accept(name)) sink.cue(name, cueValue(count));
}

const NUMBER = /^\p{N}/u;

function isNumber(w: string): boolean {
  const c = w.charCodeAt(0);
  return (c >= 48 && c <= 57) || (c > 127 && NUMBER.test(w));
}
/** Numbers as one word. They say something about tone (figures are factual) but nothing about
 * customers, so the customer decision does not learn from it (see isCustomerFeature). */
export const NUMBER_WORD = "<n>";
/** A customer word or term, whichever (no token can be spelt so: "<" is no word character). */
const CUSTOMER_WORD = "<c>";

function normalised(msg: Msg, i: number): string | null {
  if (msg.customer[i]) return CUSTOMER_WORD;
  const w = msg.w[i]!;
  // "?" and "!" were tried: they only taught the model the punctuation habits of the corpus
  if (msg.punct[i]) return null;
  return isNumber(w) ? NUMBER_WORD : w;
}

/** Receives the words of a message: the run-time scorer looks them up as they are; training
 * names them "w:<word>". */
export interface WordSink {
  /** `facts` are the token's own when `word` is the token itself (not "<c>" or a number). */
  word(word: string, facts?: WordFacts): void;
}

const MAX_REPEATS = 3;

/** Emits the words of the message, normalised; a multi-word customer name ("Stadtwerke Nord")
 * is one "<c>". `which` picks the negated tone words only, or leaves them out: the tone
 * decision does not see "zufrieden" in "nicht zufrieden" (the negation cue stands for it). */
export function emitWords(msg: Msg, sink: WordSink, which: "all" | "negated" | "not negated" = "all"): void {
  // a word counts up to MAX_REPEATS times: a pasted log that repeats one word 200 times must
  // not outvote everything (once only loses signal: two customer mentions say more than one).
  // The count of a token's own word lives on its facts (one object per word and message),
  // stamped with this call, so counting needs no map per message.
  const stamp = ++emitStamp;
  let customers = 0;
  let numbers = 0;
  for (let i = 0; i < msg.w.length; i++) {
    if (which !== "all" && msg.negated[i] !== (which === "negated")) continue;
    if (msg.customer[i] && i > 0 && msg.customer[i - 1]) continue;
    const word = normalised(msg, i);
    if (word === null) continue;
    if (word === CUSTOMER_WORD) {
      if (customers++ < MAX_REPEATS) sink.word(word);
      continue;
    }
    if (word === NUMBER_WORD) {
      if (numbers++ < MAX_REPEATS) sink.word(word);
      continue;
    }
    const f = msg.facts[i]!;
    if (f.seenStamp !== stamp) {
      f.seenStamp = stamp;
      f.seen = 0;
    }
    if (f.seen >= MAX_REPEATS) continue;
    f.seen++;
    sink.word(word, f);
  }
}

let emitStamp = 0;

/** Collects named features in a map (for training): cues by name, words as "w:<word>". */
export class FeatureMap implements CueSink, WordSink {
  readonly features = new Map<string, number>();

  constructor(private readonly accept: (name: string) => boolean = () => true) {}

  cue(name: string, value: number): void {
    if (this.accept(name)) this.features.set(name, (this.features.get(name) ?? 0) + value);
  }

  word(word: string): void {
    this.cue(`w:${word}`, 1);
  }
}
