// Which of a fixed list of patterns can match a text at all, found without running them: a
// pattern requires one of its literals (regexLiterals.ts), so a pattern none of whose literals
// occurs in the text cannot match, and the caller skips it. A pattern whose literals cannot be
// worked out is always "may match". The answer is the same as running the pattern wherever the
// pattern matches, so results never change — only the runs that were bound to fail are saved.
//
//  - LiteralScan reads a text once: an Aho-Corasick automaton over all literals, one table
//    lookup per character, allocation-free per scan.
//  - TokenLiteralScan answers for a token text (a message's tokens joined by single spaces)
//    without reading the text at all: what each word contributes is worked out on its first
//    sight and kept on its WordFacts, so a message costs a few bit operations per token.
import { requiredLiterals } from "./regexLiterals.js";
import type { WordFacts } from "./wordFacts.js";

/** Literals are cut to this many characters: a prefix of a required literal is required too,
 * and shorter literals keep the automaton small. */
const MAX_LITERAL = 8;

/** Patterns by their position in a scan's list (each listed once). */
function patternIds(patterns: readonly RegExp[]): Map<RegExp, number> {
  const ids = new Map<RegExp, number>();
  for (const re of patterns) {
    if (ids.has(re)) throw new Error(`pattern listed twice: ${re.source.slice(0, 40)}`);
    ids.set(re, ids.size);
  }
  return ids;
}

function idOf(ids: ReadonlyMap<RegExp, number>, re: RegExp): number {
  const id = ids.get(re);
  if (id === undefined) throw new Error(`pattern not in this scan: ${re.source.slice(0, 40)}`);
  return id;
}

export class LiteralScan {
  private readonly ids: Map<RegExp, number>;
  /** The automaton, built on first use: loading the classifier (every CLI command does) costs
   * nothing for it. */
  private built: Automaton | null = null;
  private readonly always: Uint8Array;

  constructor(private readonly patterns: readonly RegExp[]) {
    this.ids = patternIds(patterns);
    this.always = new Uint8Array(patterns.length);
  }

  private automaton(): Automaton {
    if (this.built) return this.built;
    const literals: [string, number][] = [];
    this.patterns.forEach((re, id) => {
      const found = requiredLiterals(re);
      if (found) for (const literal of found) literals.push([literal.slice(0, MAX_LITERAL), id]);
      else this.always[id] = 1;
    });
    return (this.built = new Automaton(literals, this.patterns.length));
  }

  /** Reads `text`; may() then answers for it until the next scan. */
  scan(text: string): void {
    this.automaton().scan(text);
  }

  /** Can `re` match the last scanned text? (false means it certainly cannot) */
  may(re: RegExp): boolean {
    const a = this.automaton();
    const id = idOf(this.ids, re);
    return this.always[id] === 1 || a.hit(id);
  }
}

/**
 * Where a literal must show in a token text (tokens joined by single spaces), as pieces to
 * look for in " token " (the token with a space on either side):
 *  - ["within"]: one piece that lies within a single token, with the spaces that bound it —
 *    "typisch" anywhere in a token, " respekt" at the start of one, " na " a whole token;
 *  - ["end ", " start"]: two pieces in adjacent tokens — " na toll" needs the token "na" (its
 *    " na " ends a token) followed by one that starts with " toll".
 * The longest such choice is kept. null when the literal is only spaces.
 */
export function tokenPieces(literal: string): [string] | [string, string] | null {
  const parts = literal.split(" ");
  const last = parts.length - 1;
  const left = (k: number) => (k > 0 ? " " : "");
  const right = (k: number) => (k < last ? " " : "");
  let best: [string] | [string, string] | null = null;
  let bestLength = 0;
  for (let k = 0; k <= last; k++) {
    if (parts[k] === "") continue;
    const within = `${left(k)}${parts[k]}${right(k)}`;
    if (within.length > bestLength) {
      best = [within];
      bestLength = within.length;
    }
    if (k < last && parts[k + 1] !== "") {
      const pair: [string, string] = [`${left(k)}${parts[k]} `, ` ${parts[k + 1]}${right(k + 1)}`];
      if (pair[0].length + pair[1].length > bestLength) {
        best = pair;
        bestLength = pair[0].length + pair[1].length;
      }
    }
  }
  return best;
}

/** What a word holds, in the automaton of a TokenLiteralScan: id = 3 × pattern + one of these. */
const WITHIN = 0;
const ENDS = 1;
const STARTS = 2;
/** Patterns per TokenLiteralScan: each mask is one small integer. */
const MAX_PATTERNS = 30;
/** Elements of WordFacts.literalMasks handed out so far, to the scans in creation order. */
let slotsTaken = 0;

/**
 * For patterns run over a token text — a message's lower-cased tokens joined by single spaces,
 * with a space at both ends (msg.flat and its sentences) — which can match it (tokenPieces).
 * Each word holds three masks of patterns, kept on its facts from its first sight: pieces it
 * holds, pieces it ends with, pieces it starts with. A message may match a pattern when one of
 * its tokens holds a piece of it, or one ends with a piece of it and the next starts with the
 * piece that follows.
 */
export class TokenLiteralScan {
  private readonly ids: Map<RegExp, number>;
  private built: Automaton | null = null;
  private always = 0;
  /** This scan's three elements of WordFacts.literalMasks. */
  private readonly slot: number;
  /** Patterns that may match the last scanned text. */
  private seen = 0;
  /** Masks of the stand-in words (scan's `replacement`). */
  private readonly standIns = new Map<string, readonly number[]>();

  constructor(private readonly patterns: readonly RegExp[]) {
    if (patterns.length > MAX_PATTERNS) throw new Error(`at most ${MAX_PATTERNS} patterns per token scan`);
    this.ids = patternIds(patterns);
    this.slot = slotsTaken;
    slotsTaken += 3;
  }

  private automaton(): Automaton {
    if (this.built) return this.built;
    const literals: [string, number][] = [];
    this.patterns.forEach((re, id) => {
      const found = requiredLiterals(re)?.map(tokenPieces);
      if (!found || found.some((p) => p === null)) {
        this.always |= 1 << id;
        return;
      }
      for (const pieces of found) {
        if (pieces!.length === 1) literals.push([pieces![0], 3 * id + WITHIN]);
        else literals.push([pieces![0], 3 * id + ENDS], [pieces![1]!, 3 * id + STARTS]);
      }
    });
    return (this.built = new Automaton(literals, 3 * this.patterns.length));
  }

  /**
   * Reads the token text of `facts` (one per token); where `replaced[i]` is set, token i reads
   * `replacement` instead. may() then answers for that text and its sentences until the next
   * scan.
   */
  scan(facts: readonly WordFacts[], replaced?: readonly boolean[], replacement = ""): void {
    this.automaton(); // sets `always`
    const slot = this.slot;
    let seen = this.always;
    let ends = 0;
    for (let i = 0; i < facts.length; i++) {
      let masks: readonly number[];
      if (replaced?.[i]) masks = this.standIn(replacement);
      else {
        masks = facts[i]!.literalMasks;
        if (masks[slot] === undefined) this.fill(facts[i]!);
      }
      seen |= masks[slot + WITHIN]! | (ends & masks[slot + STARTS]!);
      ends = masks[slot + ENDS]!;
    }
    this.seen = seen;
  }

  /** Can `re` match the last scanned text or one of its sentences? (false: it certainly cannot) */
  may(re: RegExp): boolean {
    this.automaton();
    return (this.seen & (1 << idOf(this.ids, re))) !== 0;
  }

  /** The three masks of a word, at `slot` of the array returned. */
  private masksOf(word: string, into: number[], slot: number): void {
    const a = this.automaton();
    a.scan(` ${word} `);
    const masks = [0, 0, 0];
    for (let id = 0; id < 3 * this.patterns.length; id++) if (a.hit(id)) masks[id % 3]! |= 1 << Math.floor(id / 3);
    for (let k = 0; k < 3; k++) into[slot + k] = masks[k]!;
  }

  private fill(f: WordFacts): void {
    this.masksOf(f.word, f.literalMasks, this.slot);
  }

  private standIn(word: string): readonly number[] {
    let masks = this.standIns.get(word);
    if (!masks) {
      const m: number[] = [];
      this.masksOf(word, m, 0);
      // at this scan's slot, like a word's own masks
      masks = [...new Array<number>(this.slot).fill(0), ...m];
      this.standIns.set(word, masks);
    }
    return masks;
  }
}

/** Aho-Corasick over literals, each with an id (several literals may share one). */
class Automaton {
  /** Symbol of each UTF-16 code unit: 0 for characters in no literal. */
  private readonly symbol = new Uint8Array(65536);
  private readonly symbols: number;
  /** The complete automaton: next state = delta[state * symbols + symbol], stored as ~state
   * (negative) when a literal ends there — one memory read per character in the common case. */
  private readonly delta: Int32Array;
  /** Ids whose literal ends at this state (including via failure links), or null. */
  private readonly out: (readonly number[] | null)[];
  /** stamp[id] === generation: a literal with this id was seen in the last scanned text. */
  private readonly stamp: Uint32Array;
  private generation = 0;

  constructor(literals: readonly (readonly [string, number])[], ids: number) {
    this.stamp = new Uint32Array(ids);
    // the trie of all literals
    const goto: Map<number, number>[] = [new Map()];
    const outs: Set<number>[] = [new Set()];
    let symbols = 1;
    for (const [literal, id] of literals) {
      let st = 0;
      for (let k = 0; k < literal.length; k++) {
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

  /** Reads `text`; hit() then answers for it until the next scan. */
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

  /** Did a literal with this id occur in the last scanned text? */
  hit(id: number): boolean {
    return this.stamp[id] === this.generation;
  }
}
