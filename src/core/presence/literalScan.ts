// One left-to-right pass over a text that tells, for a fixed list of patterns, which of them
// can match it at all: an Aho-Corasick automaton over the required literals of every pattern
// (regexLiterals.ts). A pattern none of whose literals occurs in the text cannot match, so the
// caller skips it; a pattern whose literals cannot be worked out is always "may match". The
// answer is the same as running the pattern wherever the pattern matches, so results never
// change — only the runs that were bound to fail are saved.
//
// Linear in the text (each character is one table lookup in a complete automaton) and
// allocation-free per scan: a generation stamp per pattern instead of a fresh set.
import { requiredLiterals } from "./regexLiterals.js";

/** Literals are cut to this many characters: a prefix of a required literal is required too,
 * and shorter literals keep the automaton small. */
const MAX_LITERAL = 8;

export class LiteralScan {
  /** The automaton, built on first use: loading the classifier (every CLI command does) costs
   * nothing for it. */
  private built: Automaton | null = null;

  constructor(private readonly patterns: readonly RegExp[]) {}

  private automaton(): Automaton {
    return (this.built ??= new Automaton(this.patterns));
  }

  /** Reads `text`; may() then answers for it until the next scan. */
  scan(text: string): void {
    this.automaton().scan(text);
  }

  /** Can `re` match the last scanned text? (false means it certainly cannot) */
  may(re: RegExp): boolean {
    return this.automaton().may(re);
  }
}

class Automaton {
  /** Symbol of each UTF-16 code unit: 0 for characters in no literal. */
  private readonly symbol = new Uint8Array(65536);
  private readonly symbols: number;
  /** The complete automaton: next state = delta[state * symbols + symbol], stored as ~state
   * (negative) when a literal ends there — one memory read per character in the common case. */
  private readonly delta: Int32Array;
  /** Patterns whose literal ends at this state (including via failure links), or null. */
  private readonly out: (readonly number[] | null)[];
  private readonly ids = new Map<RegExp, number>();
  /** stamp[id] === generation: a literal of pattern id was seen in the last scanned text. */
  private readonly stamp: Uint32Array;
  private readonly always: Uint8Array;
  private generation = 0;

  constructor(patterns: readonly RegExp[]) {
    this.stamp = new Uint32Array(patterns.length);
    this.always = new Uint8Array(patterns.length);
    // the trie of all literals
    const goto: Map<number, number>[] = [new Map()];
    const outs: Set<number>[] = [new Set()];
    let symbols = 1;
    patterns.forEach((re, id) => {
      if (this.ids.has(re)) throw new Error(`pattern listed twice: ${re.source.slice(0, 40)}`);
      this.ids.set(re, id);
      const literals = requiredLiterals(re);
      if (!literals) {
        this.always[id] = 1;
        return;
      }
      for (const literal of literals) {
        let st = 0;
        for (let k = 0; k < Math.min(literal.length, MAX_LITERAL); k++) {
          const c = literal.charCodeAt(k);
          if (this.symbol[c] === 0) {
            if (symbols === 255) throw new Error("too many distinct characters in the literals");
            this.symbol[c] = symbols++;
          }
          const a = this.symbol[c]!;
          let t = goto[st]!.get(a);
          if (t === undefined) {
            t = goto.length;
            goto.push(new Map());
            outs.push(new Set());
            goto[st]!.set(a, t);
          }
          st = t;
        }
        outs[st]!.add(id);
      }
    });
    this.symbols = symbols;
    // complete the automaton breadth first: a missing move is the failure state's move
    const delta = new Int32Array(goto.length * symbols);
    const fail = new Int32Array(goto.length);
    const queue: number[] = [];
    for (const [a, t] of goto[0]!) {
      delta[a] = t;
      queue.push(t);
    }
    for (let q = 0; q < queue.length; q++) {
      const st = queue[q]!;
      for (const id of outs[fail[st]!]!) outs[st]!.add(id);
      for (let a = 0; a < symbols; a++) {
        const t = goto[st]!.get(a);
        if (t === undefined) delta[st * symbols + a] = delta[fail[st]! * symbols + a]!;
        else {
          fail[t] = delta[fail[st]! * symbols + a]!;
          delta[st * symbols + a] = t;
          queue.push(t);
        }
      }
    }
    for (let k = 0; k < delta.length; k++) if (outs[delta[k]!]!.size > 0) delta[k] = ~delta[k]!;
    this.delta = delta;
    this.out = outs.map((o) => (o.size > 0 ? [...o] : null));
  }

  /** Reads `text`; may() then answers for it until the next scan. */
  scan(text: string): void {
    // stamps are 32 bits: on wrap-around, forget every old stamp
    let gen = (this.generation + 1) >>> 0;
    if (gen === 0) {
      this.stamp.fill(0);
      gen = 1;
    }
    this.generation = gen;
    const { delta, symbol, symbols, out, stamp } = this;
    let st = 0;
    for (let i = 0; i < text.length; i++) {
      st = delta[st * symbols + symbol[text.charCodeAt(i)]!]!;
      if (st < 0) {
        st = ~st;
        const ids = out[st]!;
        for (let k = 0; k < ids.length; k++) stamp[ids[k]!] = gen;
      }
    }
  }

  /** Can `re` match the last scanned text? (false means it certainly cannot) */
  may(re: RegExp): boolean {
    const id = this.ids.get(re);
    if (id === undefined) throw new Error(`pattern not in this scan: ${re.source.slice(0, 40)}`);
    return this.always[id] === 1 || this.stamp[id] === this.generation;
  }
}
