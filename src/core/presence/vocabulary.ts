// The customer vocabulary a classifier works with: the trade words of tradeLexicon.ts (with
// the words of one industry preset switched on) and the workspace's own terms and account
// names. Lookups are per token and allocation-free in the common case, so a message costs
// the same whether a workspace has ten terms or ten thousand.
import {
  ENGLISH_NOUNS,
  type EnglishNoun,
  GERMAN_NOUNS,
  type GermanNoun,
  INDUSTRY_PRESETS,
  type IndustryPreset,
  type Tier,
} from "./tradeLexicon.js";

export { INDUSTRY_PRESETS, type IndustryPreset };

export function isIndustryPreset(value: string): value is IndustryPreset {
  return (INDUSTRY_PRESETS as readonly string[]).includes(value);
}

/** How sure a word makes us that a customer is meant. Preset words and workspace terms count
 * as strong: the workspace said so. */
export type Strength = "strong" | "weak";

function strengthOf(tier: Tier, industry: IndustryPreset | undefined): Strength | null {
  if (tier === "strong" || tier === "weak") return tier;
  return industry !== undefined && tier.includes(industry) ? "strong" : null;
}

// ---------------------------------------------------------------------------------------
// German trade words: a character trie over all forms, walked from every position of a
// token, finds heads (Hotelgäste) and modifiers (Patientenakte) in one pass.
// ---------------------------------------------------------------------------------------

interface TrieNode {
  next: Map<string, TrieNode>;
  entries: GermanNoun[] | null;
}

function node(): TrieNode {
  return { next: new Map(), entries: null };
}

const GERMAN_TRIE = node();
/** First characters of all forms: most positions of a token start none, and a bit test is
 * cheaper than a map lookup. */
const FIRST_CHAR = new Uint8Array(65536);
for (const entry of GERMAN_NOUNS) {
  for (const form of entry.forms) {
    FIRST_CHAR[form.charCodeAt(0)] = 1;
    let n = GERMAN_TRIE;
    for (const ch of form) {
      let child = n.next.get(ch);
      if (!child) n.next.set(ch, (child = node()));
      n = child;
    }
    (n.entries ??= []).push(entry);
  }
}

/** Endings after a modifier that make the compound a technical or organisational thing
 * (Patienten-ID, Mitgliederverwaltung is still about members, Gästeliste too). */
const GERMAN_TECH_SUFFIX =
  /^(?:n|s)?(?:-?id|-?ids|nr|nummer|tabelle|table|datenbank|db|objekt|entität|schema|endpoint|spalte|feld|klasse|dto|api|modell|migration|konto|konten|account|rolle|rollen|rechte|story|stories|agent|verzeichnis|schlüssel|kontext|filter|konfiguration|isolation)/u;

function germanEntryApplies(e: GermanNoun, prefix: string, suffix: string, rawCapital: boolean): boolean {
  if (e.capital && !rawCapital) return false;
  if (e.notPrefix?.test(prefix)) return false;
  if (e.onlyAfter && !e.onlyAfter.test(prefix)) return false;
  if (suffix === "") return true;
  if (!e.modifier || suffix.length < 3) return false;
  if (e.notSuffix?.test(suffix)) return false;
  return !GERMAN_TECH_SUFFIX.test(suffix);
}

export interface WordHit {
  strength: Strength;
  /** The customer word as found (for --explain). */
  form: string;
  /** The word ends the token, so it names people (Hotelgäste), not a thing (Gästebewertung). */
  head: boolean;
}

/** A German trade word inside a lower-cased token (hyphens removed), or null. */
export function germanTradeWord(
  joined: string,
  rawCapital: boolean,
  industry: IndustryPreset | undefined,
): WordHit | null {
  const len = joined.length;
  if (len < 4) return null;
  for (let start = 0; start <= len - 4; start++) {
    if (FIRST_CHAR[joined.charCodeAt(start)] === 0) continue;
    let n: TrieNode | undefined = GERMAN_TRIE;
    let end = start;
    // remember every complete form on the way; the longest valid one wins
    let best: WordHit | null = null;
    while (end < len && (n = n.next.get(joined[end]!)) !== undefined) {
      end++;
      if (n.entries) {
        const prefix = start === 0 ? "" : joined.slice(0, start);
        const suffix = end === len ? "" : joined.slice(end);
        for (const e of n.entries) {
          const strength = strengthOf(e.tier, industry);
          if (strength && germanEntryApplies(e, prefix, suffix, rawCapital)) {
            best = { strength, form: joined.slice(start, end), head: end === len };
            break;
          }
        }
      }
    }
    if (best) return best;
  }
  return null;
}

// ---------------------------------------------------------------------------------------
// English trade words: exact forms with neighbour checks.
// ---------------------------------------------------------------------------------------

const ENGLISH_FORMS = new Map<string, EnglishNoun[]>();
for (const entry of ENGLISH_NOUNS) {
  for (const form of entry.forms) {
    const list = ENGLISH_FORMS.get(form);
    if (list) list.push(entry);
    else ENGLISH_FORMS.set(form, [entry]);
  }
}

/** "be patient", "so patient with": the adjective, not the person. */
const PATIENT_ADJECTIVE_BEFORE = new Set([
  "be",
  "is",
  "are",
  "was",
  "were",
  "been",
  "being",
  "so",
  "very",
  "too",
  "more",
  "most",
  "less",
  "stay",
  "remain",
  "remained",
  "extremely",
  "really",
  "incredibly",
  "super",
  "quite",
  "pretty",
  "i'm",
  "you're",
  "we're",
  "they're",
  "he's",
  "she's",
  "it's",
  "not",
  "always",
  "endlessly",
  "infinitely",
  "amazingly",
  "remarkably",
  "patient",
  "and",
  "kind",
  "calm",
]);
const PATIENT_ADJECTIVE_AFTER = new Set(["with", "enough", "about", "while", "and", "for", "until", "during", "as"]);

export function isPatientAdjective(prev: string, next: string): boolean {
  return PATIENT_ADJECTIVE_BEFORE.has(prev) || PATIENT_ADJECTIVE_AFTER.has(next);
}

export function englishTradeWord(
  word: string,
  prev: string,
  next: string,
  industry: IndustryPreset | undefined,
): WordHit | null {
  const entries = ENGLISH_FORMS.get(word);
  if (!entries) return null;
  if (word === "patient" && isPatientAdjective(prev, next)) return null;
  for (const e of entries) {
    const strength = strengthOf(e.tier, industry);
    if (!strength) continue;
    if (e.onlyBefore && !e.onlyBefore.has(prev)) continue;
    if (e.notBefore?.has(prev)) continue;
    if (e.notAfter?.has(next)) continue;
    return { strength, form: word, head: true };
  }
  return null;
}

// ---------------------------------------------------------------------------------------
// Workspace terms: a token trie (first word -> next word -> ...), case-insensitive, on word
// boundaries. Matching walks at most the length of the longest term from each token, so a
// message costs O(tokens x words of the longest term), whatever the number of terms.
// ---------------------------------------------------------------------------------------

interface TermNode {
  next: Map<string, TermNode> | null;
  /** The term as given, when a term ends here. */
  term: string | null;
}

/** Endings a one-word term may carry in running text (Fahrgasts, Acme's, Meridians). */
const TERM_ENDINGS = ["'s", "s", "es", "e", "en", "n", "'"] as const;

const TERM_TOKEN_RE = /[\p{L}\p{N}]+(?:['\-&.][\p{L}\p{N}]+)*/gu;

/** The words of a term or a text as the matcher compares them. */
function termWords(text: string): string[] {
  const out: string[] = [];
  for (const m of text.replace(/[’‘´]/g, "'").matchAll(TERM_TOKEN_RE)) out.push(m[0].toLowerCase());
  return out;
}

export class TermMatcher {
  private readonly root = new Map<string, TermNode>();
  private readonly firstWords = new Set<string>();
  /** Number of distinct terms (after case folding). */
  readonly size: number;

  constructor(terms: readonly string[]) {
    let size = 0;
    for (const term of terms) {
      const words = termWords(term);
      if (words.length === 0) continue;
      let level = this.root;
      let n: TermNode | undefined;
      for (let k = 0; k < words.length; k++) {
        n = level.get(words[k]!);
        if (!n) level.set(words[k]!, (n = { next: null, term: null }));
        if (k + 1 < words.length) level = n.next ??= new Map();
      }
      if (n!.term === null) {
        n!.term = term.trim();
        size++;
      }
      this.firstWords.add(words[0]!);
    }
    this.size = size;
  }

  /** Could this word start a term? (Keeps "HubSpot" from being hidden as a code identifier.) */
  startsTerm(word: string): boolean {
    return this.firstWords.has(word.toLowerCase());
  }

  /**
   * Finds terms in a token sequence (lower-cased words; punctuation tokens never match).
   * Calls `found(from, to, term)` for each longest match, left to right, not overlapping.
   */
  scan(
    words: readonly string[],
    isPunct: readonly boolean[],
    found: (from: number, to: number, term: string) => void,
  ): void {
    if (this.size === 0) return;
    for (let i = 0; i < words.length; i++) {
      if (isPunct[i]) continue;
      let level: Map<string, TermNode> | null = this.root;
      let matchEnd = -1;
      let matchTerm = "";
      for (let j = i; j < words.length && level && !isPunct[j]; j++) {
        const n = this.lookup(level, words[j]!);
        if (!n) break;
        if (n.term !== null) {
          matchEnd = j;
          matchTerm = n.term;
        }
        level = n.next;
      }
      if (matchEnd >= 0) {
        found(i, matchEnd, matchTerm);
        i = matchEnd;
      }
    }
  }

  private lookup(level: Map<string, TermNode>, word: string): TermNode | undefined {
    const exact = level.get(word);
    if (exact) return exact;
    // an inflected last word of a term ("Acme's", "Fahrgasts")
    for (const ending of TERM_ENDINGS) {
      if (word.length > ending.length + 2 && word.endsWith(ending)) {
        const n = level.get(word.slice(0, -ending.length));
        if (n && n.term !== null) return n;
      }
    }
    return undefined;
  }
}

export const NO_TERMS = new TermMatcher([]);
