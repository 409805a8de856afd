// Preparing and tokenising one chat message for the built-in classifier.
//
//  prepare: hides code identifiers, paths and URLs (customer_id, userAgent, /api/users) behind
//  "codeident"/"url", keeps the name of a Slack link (<https://crm/acc/1|Hoffmann GmbH>),
//  normalises gender forms (Kund:innen -> Kundinnen), line breaks and dashes;
//  tokenize: words (hyphenated compounds stay one token), emoji and punctuation, each
//  lower-cased, with sentence numbers, in parallel arrays so a message allocates little.
// Every step is one left-to-right pass: time grows linearly with the text.
import { factsOf, hashStep, startMessage, tokenAt, type WordFacts } from "./wordFacts.js";

/** Messages longer than this are classified on their first MAX_CHARS characters: nobody writes
 * more in a chat message, and it bounds the work for pasted logs or binary junk. */
export const MAX_CHARS = 4000;

const URL_RE = /\bhttps?:\/\/[^\s|>]+|\bwww\.[^\s|>]+/gu;
const SLACK_LINK_RE = /<(?:https?:\/\/|mailto:)[^|>\s]*\|([^>]*)>/gu;
const SLACK_MENTION_RE = /<[@#!][^>\s]*>/gu;
const BACKTICK_RE = /`[^`]*`/gu;
const PATH_RE = /(?:^|(?<=\s))\/[\p{L}\p{N}_/{}:.-]+/gu;
const FILE_RE =
  /(?<![\p{L}\p{N}_-])[\p{L}\p{N}_-]+\.(?:ts|js|tsx|jsx|mjs|py|json|sql|ya?ml|go|java|rb|csv|md|env|toml)\b/gu;
const GENDER_RE = /(\p{L})(?:[:*_]|\/-?)(in|innen)(?![\p{L}])/gu;
const GENDER_CAPS_RE = /(\p{Ll})In(nen)?(?![\p{L}])/gu;
const WORD_RE = /[\p{L}\p{N}_]+/gu;
const CAMEL_RE = /^\p{Ll}+\p{Lu}/u;
const PASCAL_STEM_RE =
  /(?:Customer|Client|User|Consumer|Subscriber|Account|Tenant|Patient|Guest|Member|Kunde|Kunden)\p{Lu}|\p{Ll}(?:Customer|Client|User|Consumer|Subscriber|Account|Tenant|Patient|Guest|Member|Kunde|Kunden)/u;

function isIdentifier(word: string): boolean {
  return (word.includes("_") && /\p{L}_|_\p{L}/u.test(word)) || CAMEL_RE.test(word) || PASCAL_STEM_RE.test(word);
}

const MAYBE_IDENTIFIER_RE = /_|\p{Ll}\p{Lu}/u;
const MAYBE_FILE_RE = /\.(?:ts|js|tsx|jsx|mjs|py|json|sql|ya?ml|go|java|rb|csv|md|env|toml)\b/u;
const MAYBE_GENDER_RE = /\p{L}(?:[:*_/]|\/-)in|\p{Ll}In/u;

/** Words the workspace named as terms stay words even when they look like code ("HubSpot"). */
export interface KnownWords {
  startsTerm(word: string): boolean;
}

// What one pass over the characters tells prepare() about which rewrites can apply. Each bit
// is implied by the test it guards (a bit may be set needlessly, never missing), so a message
// with none of them set skips the tests and rewrites altogether.
const C_QUOTE = 1; // ’ ‘ ´
const C_LT = 2;
const C_BACKTICK = 4;
const C_SLASH = 8;
const C_NEWLINE = 16;
const C_FILE = 32; // "." before the first letter of a file extension: needed by MAYBE_FILE_RE
const C_SPACE_DASH = 64; // " -" or " –"
const C_GENDER = 128; // "i" after one of : * _ / -, or "In": needed by MAYBE_GENDER_RE
const C_IDENTIFIER = 256; // "_" or a lower-case letter before an upper-case one
const C_URL = 512; // "tp" or "w.": needed by "http" and "www."

/** First letters of the extensions in MAYBE_FILE_RE (ts js mjs py json sql yaml go rb csv md env…). */
const EXTENSION_START = new Set([..."tjmpsygrce"].map((c) => c.charCodeAt(0)));

function isLowerAscii(c: number): boolean {
  return c >= 97 && c <= 122;
}
function isUpperAscii(c: number): boolean {
  return c >= 65 && c <= 90;
}

// Letter case of a character beyond ASCII, by \p{Ll}/\p{Lu}, filled on first sight (a fixed
// property of the character): for UTF-16 code units in a table, for characters beyond (emoji,
// a few scripts) in a map. A lone surrogate is no letter, as for a /u pattern.
const LOWER = 1;
const UPPER = 2;
const CASE_UNKNOWN = 255;
const CASE = new Uint8Array(65536).fill(CASE_UNKNOWN);
const ASTRAL_CASE = new Map<number, number>();
const IS_LOWER = /^\p{Ll}$/u;
const IS_UPPER = /^\p{Lu}$/u;

function caseOf(ch: string): number {
  return (IS_LOWER.test(ch) ? LOWER : 0) | (IS_UPPER.test(ch) ? UPPER : 0);
}

function letterCase(c: number): number {
  if (c < 128) return isLowerAscii(c) ? LOWER : isUpperAscii(c) ? UPPER : 0;
  let k = CASE[c]!;
  if (k === CASE_UNKNOWN) CASE[c] = k = c >= 0xd800 && c <= 0xdfff ? 0 : caseOf(String.fromCharCode(c));
  return k;
}

function astralCase(cp: number): number {
  let k = ASTRAL_CASE.get(cp);
  if (k === undefined) {
    if (ASTRAL_CASE.size >= 10_000) ASTRAL_CASE.clear();
    ASTRAL_CASE.set(cp, (k = caseOf(String.fromCodePoint(cp))));
  }
  return k;
}

function charFlags(t: string): number {
  let f = 0;
  let prev = 0;
  let prevCase = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    let k: number;
    if (c < 128) {
      if (c === 60) f |= C_LT;
      else if (c === 96) f |= C_BACKTICK;
      else if (c === 47) f |= C_SLASH;
      else if (c === 10) f |= C_NEWLINE;
      else if (c === 95) f |= C_IDENTIFIER;
      else if (c === 45 && prev === 32) f |= C_SPACE_DASH;
      else if (c === 105 && (prev === 58 || prev === 42 || prev === 95 || prev === 47 || prev === 45)) f |= C_GENDER;
      else if (c === 110 && prev === 73)
        f |= C_GENDER; // "In"
      else if ((c === 112 && prev === 116) || (c === 46 && prev === 119)) f |= C_URL;
      else if (prev === 46 && EXTENSION_START.has(c)) f |= C_FILE;
      k = isLowerAscii(c) ? LOWER : isUpperAscii(c) ? UPPER : 0;
    } else {
      if (c === 0x2019 || c === 0x2018 || c === 0xb4) f |= C_QUOTE;
      else if (c === 0x2013 && prev === 32) f |= C_SPACE_DASH;
      const low = c >= 0xd800 && c <= 0xdbff && i + 1 < t.length ? t.charCodeAt(i + 1) : 0;
      if (low >= 0xdc00 && low <= 0xdfff) {
        // a surrogate pair is one character
        k = astralCase((c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000);
        i++;
      } else k = letterCase(c);
    }
    // \p{Ll}\p{Lu}, a lower-case letter before an upper-case one
    if (k & UPPER && prevCase & LOWER) f |= C_IDENTIFIER;
    prev = t.charCodeAt(i);
    prevCase = k;
  }
  return f;
}

export function prepare(text: string, known?: KnownWords): string {
  // Each rewrite is guarded by a cheap test: most messages need none of them. The character
  // flags are worked out again after a rewrite that changed the text (no closure for that:
  // one per message would be garbage of its own).
  let t = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  let f = charFlags(t);
  let u = t;
  if (f & C_QUOTE) u = t.replace(/[’‘´]/g, "'");
  if (u !== t) f = charFlags((t = u));
  if (f & C_LT && t.includes("<")) u = t.replace(SLACK_LINK_RE, " $1 ").replace(SLACK_MENTION_RE, " ");
  if (u !== t) f = charFlags((t = u));
  if (f & C_BACKTICK && t.includes("`")) u = t.replace(BACKTICK_RE, " codeident ");
  if (u !== t) f = charFlags((t = u));
  if (f & C_URL && (t.includes("http") || t.includes("www."))) u = t.replace(URL_RE, " url ");
  if (u !== t) f = charFlags((t = u));
  if (f & C_FILE && MAYBE_FILE_RE.test(t)) u = t.replace(FILE_RE, " codeident ");
  if (u !== t) f = charFlags((t = u));
  if (f & C_SLASH && t.includes("/")) u = t.replace(PATH_RE, " codeident ");
  if (u !== t) f = charFlags((t = u));
  if (f & C_GENDER && MAYBE_GENDER_RE.test(t)) u = t.replace(GENDER_RE, "$1$2").replace(GENDER_CAPS_RE, "$1in$2");
  if (u !== t) f = charFlags((t = u));
  if (f & C_IDENTIFIER && MAYBE_IDENTIFIER_RE.test(t))
    u = t.replace(WORD_RE, (w) => (isIdentifier(w) && !known?.startsTerm(w) ? "codeident" : w));
  if (u !== t) f = charFlags((t = u));
  if (f & C_NEWLINE && t.includes("\n")) u = t.replace(/\r?\n+/g, " ¶ ");
  if (u !== t) f = charFlags((t = u));
  if (f & C_SPACE_DASH && (t.includes(" -") || t.includes(" –"))) u = t.replace(/\s[-–]+\s/g, " – ");
  return u;
}

const ABBREVIATIONS = new Set([
  "Mr",
  "Mrs",
  "Ms",
  "Mx",
  "Dr",
  "Prof",
  "Nr",
  "No",
  "Fr",
  "Hr",
  "St",
  "Fam",
  "Zi",
  "Whg",
  "Apt",
  "Rm",
  "z.B",
  "u.a",
  "bzw",
  "ca",
  "ggf",
  "evtl",
  "inkl",
  "vs",
  "Hrn",
  "Jr",
  "Sr",
  "Ltd",
  "Inc",
  "Corp",
  "Co",
]);

/** One message, tokenised. Parallel arrays keep per-call allocation small. */
export class Msg {
  readonly raw: string[] = [];
  readonly w: string[] = [];
  readonly punct: boolean[] = [];
  /** Sentence number of each token. */
  readonly sent: number[] = [];
  /** What is known about each lower-cased token by itself (one lookup per token). */
  readonly facts: WordFacts[] = [];
  /** Set by customer detection: the token names a customer or a customer thing (Kundenfeedback). */
  customer: boolean[] = [];
  /** Set by customer detection: the token names customers as people (Kunden, Fahrgäste, Acme). */
  person: boolean[] = [];
  /** Set by tone detection: a tone word under negation ("nicht zufrieden", "keine Idioten"). */
  negated: boolean[] = [];
  private flatText: string | null = null;

  /** Adds a token as written, with the facts of its lower-cased word. */
  push(raw: string, facts: WordFacts, punct: boolean, sentence: number): void {
    this.raw.push(raw);
    this.w.push(facts.word);
    this.facts.push(facts);
    this.punct.push(punct);
    this.sent.push(sentence);
  }

  /** The lower-cased tokens joined by single spaces, with a space at both ends; made when
   * first asked for (most messages need no pattern run over it). */
  get flat(): string {
    return (this.flatText ??= ` ${this.w.join(" ")} `);
  }
}

const PUNCT = new Set([
  ".",
  "!",
  "?",
  ";",
  ":",
  ",",
  "(",
  ")",
  "[",
  "]",
  '"',
  "„",
  "“",
  "”",
  "«",
  "»",
  "–",
  "—",
  "…",
  "¶",
  "/",
]);
const SENTENCE_END = new Set([".", "!", "?", "…", "¶"]);

// Character classes for the tokenizer, by UTF-16 code unit: 1 letter or digit, 2 a joiner inside
// a word ('-&.), 3 punctuation. Filled for ASCII up front and for other characters on first
// sight (a fixed property of the character, so the result never depends on what was seen).
const WORD = 1;
const JOINER = 2;
const PUNCTUATION = 3;
const UNKNOWN = 255;
const CHAR_CLASS = new Uint8Array(65536).fill(UNKNOWN);
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const PICTOGRAPH = /^\p{Extended_Pictographic}$/u;

function charClass(code: number): number {
  let k = CHAR_CLASS[code]!;
  if (k === UNKNOWN) {
    const ch = String.fromCharCode(code);
    k = LETTER_OR_DIGIT.test(ch) ? WORD : PUNCT.has(ch) ? PUNCTUATION : "'-&.".includes(ch) ? JOINER : 0;
    if (ch === ".") k = PUNCTUATION;
    CHAR_CLASS[code] = k;
  }
  return k;
}

/** Emoji are single tokens; most sit outside the BMP (a surrogate pair). */
function pictographAt(text: string, i: number): number {
  const cp = text.codePointAt(i)!;
  const len = cp > 0xffff ? 2 : 1;
  return isPictograph(cp) ? len : 0;
}

/** Is the code point an emoji? Cached per code point (a fixed property of the character). */
const PICTOGRAPHS = new Map<number, boolean>();
function isPictograph(cp: number): boolean {
  let yes = PICTOGRAPHS.get(cp);
  if (yes === undefined) {
    if (PICTOGRAPHS.size >= 10_000) PICTOGRAPHS.clear();
    PICTOGRAPHS.set(cp, (yes = PICTOGRAPH.test(String.fromCodePoint(cp))));
  }
  return yes;
}

export function tokenize(prepared: string): Msg {
  const msg = new Msg();
  let s = 0;
  startMessage();
  const n = prepared.length;
  let i = 0;
  while (i < n) {
    const c0 = prepared.charCodeAt(i);
    const k = charClass(c0);
    if (k === WORD) {
      // a word: letters and digits, joined by ' - & . when a letter or digit follows
      const start = i;
      let h = hashStep(0, c0);
      i++;
      for (;;) {
        let c = 0;
        while (i < n && charClass((c = prepared.charCodeAt(i))) === WORD) {
          h = hashStep(h, c);
          i++;
        }
        if (
          i + 1 < n &&
          (c === 39 || c === 45 || c === 38 || c === 46) &&
          charClass(prepared.charCodeAt(i + 1)) === WORD
        ) {
          h = hashStep(h, c);
          i++;
        } else break;
      }
      const t = tokenAt(prepared, start, i, h);
      msg.push(t.raw, t.facts, false, s);
      continue;
    }
    if (k === PUNCTUATION) {
      const t = tokenAt(prepared, i, i + 1, hashStep(0, c0));
      i++;
      // the full stop of "Mr.", "Dr.", "Nr." neither ends a sentence nor separates a name
      if (c0 === 46 && msg.raw.length > 0 && ABBREVIATIONS.has(msg.raw[msg.raw.length - 1]!)) continue;
      msg.push(t.raw, t.facts, true, s);
      if (SENTENCE_END.has(t.raw)) s++;
      continue;
    }
    const emoji = c0 >= 0xa9 ? pictographAt(prepared, i) : 0;
    if (emoji > 0) {
      // as written, not lower-cased: a few pictographs are letters with a case (Ⓜ)
      const r = prepared.slice(i, i + emoji);
      msg.push(r, factsOf(r), false, s);
      i += emoji;
      continue;
    }
    i++;
  }
  const count = msg.raw.length;
  msg.customer = falses(count);
  msg.person = falses(count);
  msg.negated = falses(count);
  return msg;
}

function falses(n: number): boolean[] {
  return new Array<boolean>(n).fill(false);
}

/** The flat text of the sentence token i is in. */
export function sentenceOf(msg: Msg, i: number): string {
  let from = i;
  let to = i;
  while (from > 0 && msg.sent[from - 1] === msg.sent[i]) from--;
  while (to + 1 < msg.w.length && msg.sent[to + 1] === msg.sent[i]) to++;
  return ` ${msg.w.slice(from, to + 1).join(" ")} `;
}

export function isCapitalised(raw: string): boolean {
  const c = raw.charAt(0);
  return c !== c.toLowerCase();
}

/** The word before/after token i in the same clause, or "". */
export function prevWord(msg: Msg, i: number): string {
  return i > 0 && !msg.punct[i - 1] ? msg.w[i - 1]! : "";
}
export function nextWord(msg: Msg, i: number): string {
  return i + 1 < msg.w.length && !msg.punct[i + 1] ? msg.w[i + 1]! : "";
}

export function clauseStart(msg: Msg, i: number): number {
  let j = i;
  while (j > 0 && !msg.punct[j - 1]) j--;
  return j;
}

export function clauseEnd(msg: Msg, i: number): number {
  let j = i;
  while (j + 1 < msg.w.length && !msg.punct[j + 1]) j++;
  return j;
}

/** Is there a customer token between from and to (inclusive), without crossing punctuation? */
export function customerInClause(msg: Msg, from: number, to: number): boolean {
  for (let k = from; k <= to && k < msg.w.length; k++) {
    if (k < 0) continue;
    if (msg.punct[k]) return false;
    if (msg.customer[k]) return true;
  }
  return false;
}
