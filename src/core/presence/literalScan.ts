// One left-to-right pass over a text that tells, for a fixed list of patterns, which of them
// can match it at all: an Aho-Corasick automaton over the required literals of every pattern
// (regexLiterals.ts). A pattern none of whose literals occurs in the text cannot match, so the
// caller skips it; a pattern whose literals cannot be worked out is always "may match". The
// answer is the same as running the pattern wherever the pattern matches, so results never
// change — only the runs that were bound to fail are saved.
//
// Linear in the text (each character is one table lookup in a complete automaton) and
// allocation-free per scan: a generation stamp per pattern instead of a fresh set.
//
// TokenLiteralScan answers the same question for a token text (a message's tokens joined by
// single spaces) without reading the text at all: what a token contributes is worked out once
// per word and kept on its WordFacts, so a message costs one OR per token.
import { requiredLiterals } from "./regexLiterals.js";
import type { WordFacts } from "./wordFacts.js";

/** Literals are cut to this many characters: a prefix of a required literal is required too,
 * and shorter literals keep the automaton small. */
const MAX_LITERAL = 8;

export class LiteralScan {
  /** The automaton, built on first use: loading the classifier (every CLI command does) costs
   * nothing for it. */
  private built: Automaton | null = null;

  constructor(private readonly patterns: readonly RegExp[]) {}

  private automaton(): Automaton {
    return (this.built ??= new Automaton(this.patterns, requiredLiterals));
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

/**
 * The piece of a literal that must lie within one token of a token text, with the spaces that
 * bound it: " na toll" needs a token that is exactly "na" or one that starts with "toll", and
 * the longer of " na " and " toll" is kept. Searched for in " token ", a piece occurs exactly
 * where the token can hold it. null when the literal is only spaces.
 */
export function tokenPiece(literal: string): string | null {
  const parts = literal.split(" ");
  let best: string | null = null;
  for (let k = 0; k < parts.length; k++) {
    if (parts[k] === "") continue;
    const piece = `${k > 0 ? " " : ""}${parts[k]}${k + 1 < parts.length ? " " : ""}`;
    if (best === null || piece.length > best.length) best = piece;
  }
  return best;
}

function tokenPieces(re: RegExp): string[] | null {
  const literals = requiredLiterals(re);
  if (!literals) return null;
  const pieces: string[] = [];
  for (const literal of literals) {
    const piece = tokenPiece(literal);
    if (piece === null) return null;
    pieces.push(piece);
  }
  return pieces;
}

/** Bits per element of WordFacts.literalMasks: 30 keeps every element a small integer. */
const BITS = 30;
/** Elements of WordFacts.literalMasks handed out so far, to the scans in creation order. */
let slotsTaken = 0;

/**
 * For patterns run over a token text — a message's lower-cased tokens joined by single spaces,
 * with a space at both ends (msg.flat and its sentences) — which can match it. Every literal a
 * pattern requires has a piece that lies within a single token (tokenPiece), so a pattern none
 * of whose pieces occurs in any token cannot match. Which pieces a word holds is worked out on
 * the word's first sight and kept on its facts; a scan is an OR per token.
 */
export class TokenLiteralScan {
  private built: Automaton | null = null;
  /** This scan's elements of WordFacts.literalMasks. */
  private readonly slot: number;
  private readonly width: number;
  /** The OR of the masks of the last scanned tokens. */
  private readonly seen: Int32Array;
  /** Masks of the stand-in words (scan's `replacement`). */
  private readonly standIns = new Map<string, Int32Array>();

  constructor(private readonly patterns: readonly RegExp[]) {
    this.width = Math.ceil(patterns.length / BITS);
    this.slot = slotsTaken;
    slotsTaken += this.width;
    this.seen = new Int32Array(this.width);
  }

  private automaton(): Automaton {
    return (this.built ??= new Automaton(this.patterns, tokenPieces));
  }

  /**
   * Reads the token text of `facts` (one per token); where `replaced[i]` is set, token i reads
   * `replacement` instead. may() then answers for that text and its sentences until the next
   * scan.
   */
  scan(facts: readonly WordFacts[], replaced?: readonly boolean[], replacement = ""): void {
    const seen = this.seen;
    const slot = this.slot;
    seen.fill(0);
    let standIn: Int32Array | null = null;
    for (let i = 0; i < facts.length; i++) {
      if (replaced?.[i]) {
        standIn ??= this.standIn(replacement);
        for (let k = 0; k < seen.length; k++) seen[k]! |= standIn[k]!;
        continue;
      }
      const f = facts[i]!;
      if (f.literalMasks[slot] === undefined) this.fill(f);
      for (let k = 0; k < seen.length; k++) seen[k]! |= f.literalMasks[slot + k]!;
    }
  }

  /** Can `re` match the last scanned text or one of its sentences? (false: it certainly cannot) */
  may(re: RegExp): boolean {
    const a = this.automaton();
    const id = a.idOf(re);
    return a.always[id] === 1 || (this.seen[(id / BITS) | 0]! & (1 << (id % BITS))) !== 0;
  }

  private masksOf(word: string): Int32Array {
    const a = this.automaton();
    a.scan(` ${word} `);
    const masks = new Int32Array(this.width);
    for (let id = 0; id < this.patterns.length; id++) if (a.hit(id)) masks[(id / BITS) | 0]! |= 1 << (id % BITS);
    return masks;
  }

  private fill(f: WordFacts): void {
    const masks = this.masksOf(f.word);
    for (let k = 0; k < this.width; k++) f.literalMasks[this.slot + k] = masks[k]!;
  }

  private standIn(word: string): Int32Array {
    let masks = this.standIns.get(word);
    if (!masks) this.standIns.set(word, (masks = this.masksOf(word)));
    return masks;
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
  readonly always: Uint8Array;
  private generation = 0;

  constructor(patterns: readonly RegExp[], literalsOf: (re: RegExp) => string[] | null) {
    this.stamp = new Uint32Array(patterns.length);
    this.always = new Uint8Array(patterns.length);
    // the trie of all literals
    const goto: Map<number, number>[] = [new Map()];
    const outs: Set<number>[] = [new Set()];
    let symbols = 1;
    patterns.forEach((re, id) => {
      if (this.ids.has(re)) throw new Error(`pattern listed twice: ${re.source.slice(0, 40)}`);
      this.ids.set(re, id);
      const literals = literalsOf(re);
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

  idOf(re: RegExp): number {
    const id = this.ids.get(re);
    if (id === undefined) throw new Error(`pattern not in this scan: ${re.source.slice(0, 40)}`);
    return id;
  }

  /** Did a literal of pattern `id` occur in the last scanned text? */
  hit(id: number): boolean {
    return this.stamp[id] === this.generation;
  }

  /** Can `re` match the last scanned text? (false means it certainly cannot) */
  may(re: RegExp): boolean {
    const id = this.idOf(re);
    return this.always[id] === 1 || this.hit(id);
  }
}
