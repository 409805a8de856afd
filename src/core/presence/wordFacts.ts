// What the classifier knows about a lower-cased word by itself, whatever the message around it:
// is it a common word, can it contain a customer stem, is it a service word, which tone word
// is it, what weights has the model for it... Looking these up took a dozen hash lookups and
// two regex runs per token and per message; now a token costs one lookup (in tokenize) and the
// answers are worked out the first time a word is seen.
//
// Every fact is a pure function of the word (and, for the trade-word slot, of the industry and
// the capital letter), so caching them changes no result. The cache is bounded: when it holds
// MAX_WORDS words it is emptied — only between messages (see startMessage), so all tokens of
// one message share one object per word, which the repeat count in features.ts relies on.
import * as lexiconModule from "./lexicon.js";
import * as namedLexiconModule from "./namedLexicon.js";
import type { WordHit } from "./vocabulary.js";

const L = { ...lexiconModule };
const N = { ...namedLexiconModule };

/** In lexicon.COMMON_WORDS: never a customer or tone word. */
export const F_COMMON = 1;
/** Shorter than three characters, or the code placeholder: never a customer word. */
export const F_SHORT = 2;
/** The word with its hyphens removed contains a customer stem (lexicon.CUSTOMER_HINT). */
export const F_HINT_JOINED = 4;
/** The word as it is contains a customer stem. */
export const F_HINT = 8;
/** A service situation: callbacks, bookings, refunds (namedLexicon.SERVICE_WORD). */
export const F_SERVICE = 16;
/** A word for a customer nobody named: Dame, Herr, guest... (namedLexicon.PERSON_WORD). */
export const F_PERSON = 32;
/** Contains a hyphen. */
export const F_HYPHEN = 64;

export interface WordFacts {
  readonly word: string;
  readonly flags: number;
  /** The word without hyphens ("kunden-feedback" → "kundenfeedback"). */
  readonly joined: string;
  /** The word split at hyphens, or null. */
  readonly parts: readonly string[] | null;
  /** Slots the modules that own the knowledge fill on first use (undefined: not yet). */
  germanTrade: (WordHit | null | undefined)[];
  wordTriggers: number | undefined;
  toneKind: lexiconModule.ToneWordKind | null | undefined;
  /** Which emoji list the word is in (toneCues.ts); 0 for none. */
  toneEmoji: number | undefined;
  /** The model's weights for this word, for `weightsModel` (linearModel.ts). */
  weights: Float64Array | null | undefined;
  weightsModel: unknown;
  /** Which pattern pieces of each TokenLiteralScan the word holds (literalScan.ts). */
  literalMasks: number[];
  /** Repeat count within one emitWords call, valid while seenStamp is that call's stamp. */
  seen: number;
  seenStamp: number;
}

const MAX_WORDS = 50_000;
const cache = new Map<string, WordFacts>();

function compute(word: string): WordFacts {
  const hyphen = word.includes("-");
  const parts = hyphen ? word.split("-") : null;
  const joined = parts ? parts.join("") : word;
  let flags = 0;
  if (L.COMMON_WORDS.has(word)) flags |= F_COMMON;
  if (word.length < 3 || word === "codeident") flags |= F_SHORT;
  if (L.CUSTOMER_HINT.test(joined)) flags |= F_HINT_JOINED;
  if (joined === word ? flags & F_HINT_JOINED : L.CUSTOMER_HINT.test(word)) flags |= F_HINT;
  if (N.SERVICE_WORD.test(word)) flags |= F_SERVICE;
  if (N.PERSON_WORD.has(word)) flags |= F_PERSON;
  if (hyphen) flags |= F_HYPHEN;
  return {
    word,
    flags,
    joined,
    parts,
    germanTrade: [],
    wordTriggers: undefined,
    toneKind: undefined,
    toneEmoji: undefined,
    weights: undefined,
    weightsModel: undefined,
    literalMasks: [],
    seen: 0,
    seenStamp: 0,
  };
}

/** The facts of a lower-cased word. */
export function factsOf(word: string): WordFacts {
  let f = cache.get(word);
  if (f === undefined) cache.set(word, (f = compute(word)));
  return f;
}

// Tokens as written ("Kunden", "KUNDEN", "kunden"), found by their characters in the text: a
// token seen before costs no substring, no lower-casing and no string hashing, only a compare
// of its characters. An open-addressing table, half full at most.
/** A token as written, and the facts of its lower-cased word. */
export interface Token {
  readonly raw: string;
  readonly facts: WordFacts;
}
const TABLE_SIZE = 1 << 17;
const MAX_TOKENS = TABLE_SIZE >> 1;
const tokenHashes = new Int32Array(TABLE_SIZE);
const tokenEntries = new Array<Token | undefined>(TABLE_SIZE).fill(undefined);
let tokenCount = 0;

/** The hash tokenAt expects: call with 0, then with each character code of the token in turn. */
export function hashStep(h: number, c: number): number {
  return (Math.imul(h, 31) + c) | 0;
}

/** The token text.slice(start, end), whose hash (hashStep over its characters) is `hash`. */
export function tokenAt(text: string, start: number, end: number, hash: number): Token {
  const len = end - start;
  let at = hash & (TABLE_SIZE - 1);
  for (;;) {
    const e = tokenEntries[at];
    if (e === undefined) break;
    if (tokenHashes[at] === hash && e.raw.length === len && sameChars(e.raw, text, start)) return e;
    at = (at + 1) & (TABLE_SIZE - 1);
  }
  const raw = text.slice(start, end);
  const e: Token = { raw, facts: factsOf(raw.toLowerCase()) };
  tokenHashes[at] = hash;
  tokenEntries[at] = e;
  tokenCount++;
  return e;
}

function sameChars(raw: string, text: string, start: number): boolean {
  for (let k = 0; k < raw.length; k++) if (raw.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

/** Called before a message is tokenised: the only point where the caches may be emptied. The
 * tokens go with the words, so that one word has one facts object within a message. */
export function startMessage(): void {
  if (cache.size >= MAX_WORDS || tokenCount >= MAX_TOKENS) {
    cache.clear();
    tokenEntries.fill(undefined);
    tokenCount = 0;
  }
}
