// Preparing and tokenising one chat message for the built-in classifier.
//
//  prepare: hides code identifiers, paths and URLs (customer_id, userAgent, /api/users) behind
//  "codeident"/"url", keeps the name of a Slack link (<https://crm/acc/1|Hoffmann GmbH>),
//  normalises gender forms (Kund:innen -> Kundinnen), line breaks and dashes;
//  tokenize: words (hyphenated compounds stay one token), emoji and punctuation, each
//  lower-cased, with sentence numbers, in parallel arrays so a message allocates little.
// Every step is one left-to-right pass: time grows linearly with the text.
import { factsOf, startMessage, type WordFacts } from "./wordFacts.js";

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
const C_DOT = 32; // needed by MAYBE_FILE_RE
const C_SPACE_DASH = 64; // " -" or " –"
const C_GENDER = 128; // one of : * _ / or "In": needed by MAYBE_GENDER_RE
const C_IDENTIFIER = 256; // "_" or a lower-case letter before an upper-case one

function isLowerAscii(c: number): boolean {
  return c >= 97 && c <= 122;
}
function isUpperAscii(c: number): boolean {
  return c >= 65 && c <= 90;
}

// Letter case of a UTF-16 code unit beyond ASCII, by \p{Ll}/\p{Lu}, filled on first sight (a
// fixed property of the character). Surrogates count as both: an astral letter may be either.
const LOWER = 1;
const UPPER = 2;
const CASE_UNKNOWN = 255;
const CASE = new Uint8Array(65536).fill(CASE_UNKNOWN);
const IS_LOWER = /^\p{Ll}$/u;
const IS_UPPER = /^\p{Lu}$/u;

function letterCase(c: number): number {
  if (c < 128) return isLowerAscii(c) ? LOWER : isUpperAscii(c) ? UPPER : 0;
  let k = CASE[c]!;
  if (k === CASE_UNKNOWN) {
    if (c >= 0xd800 && c <= 0xdfff) k = LOWER | UPPER;
    else {
      const ch = String.fromCharCode(c);
      k = (IS_LOWER.test(ch) ? LOWER : 0) | (IS_UPPER.test(ch) ? UPPER : 0);
    }
    CASE[c] = k;
  }
  return k;
}

function charFlags(t: string): number {
  let f = 0;
  let prev = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 128) {
      if (c === 60) f |= C_LT;
      else if (c === 96) f |= C_BACKTICK;
      else if (c === 47) f |= C_SLASH | C_GENDER;
      else if (c === 10) f |= C_NEWLINE;
      else if (c === 46) f |= C_DOT;
      else if (c === 95) f |= C_GENDER | C_IDENTIFIER;
      else if (c === 58 || c === 42) f |= C_GENDER;
      else if (c === 45 && prev === 32) f |= C_SPACE_DASH;
      else if (c === 110 && prev === 73) f |= C_GENDER; // "In"
      // \p{Ll}\p{Lu}, a lower-case letter before an upper-case one
      if (isUpperAscii(c) && letterCase(prev) & LOWER) f |= C_IDENTIFIER;
    } else {
      if (c === 0x2019 || c === 0x2018 || c === 0xb4) f |= C_QUOTE;
      else if (c === 0x2013 && prev === 32) f |= C_SPACE_DASH;
      if (letterCase(c) & UPPER && letterCase(prev) & LOWER) f |= C_IDENTIFIER;
    }
    prev = c;
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
  if (t.includes("http") || t.includes("www.")) u = t.replace(URL_RE, " url ");
  if (u !== t) f = charFlags((t = u));
  if (f & C_DOT && MAYBE_FILE_RE.test(t)) u = t.replace(FILE_RE, " codeident ");
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
export interface Msg {
  raw: string[];
  w: string[];
  punct: boolean[];
  /** Sentence number of each token. */
  sent: number[];
  /** Set by customer detection: the token names a customer or a customer thing (Kundenfeedback). */
  customer: boolean[];
  /** Set by customer detection: the token names customers as people (Kunden, Fahrgäste, Acme). */
  person: boolean[];
  /** Set by tone detection: a tone word under negation ("nicht zufrieden", "keine Idioten"). */
  negated: boolean[];
  /** The lower-cased tokens joined by single spaces, with a space at both ends. */
  flat: string;
  /** What is known about each lower-cased token by itself (one lookup per token). */
  facts: WordFacts[];
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
  return PICTOGRAPH.test(text.slice(i, i + len)) ? len : 0;
}

export function tokenize(prepared: string): Msg {
  const raw: string[] = [];
  const w: string[] = [];
  const punct: boolean[] = [];
  const sent: number[] = [];
  let s = 0;
  startMessage();
  const n = prepared.length;
  let i = 0;
  while (i < n) {
    const k = charClass(prepared.charCodeAt(i));
    if (k === WORD) {
      // a word: letters and digits, joined by ' - & . when a letter or digit follows
      const start = i;
      i++;
      for (;;) {
        while (i < n && charClass(prepared.charCodeAt(i)) === WORD) i++;
        const c = prepared.charCodeAt(i);
        if (
          i + 1 < n &&
          (c === 39 || c === 45 || c === 38 || c === 46) &&
          charClass(prepared.charCodeAt(i + 1)) === WORD
        )
          i++;
        else break;
      }
      const r = prepared.slice(start, i);
      raw.push(r);
      w.push(r.toLowerCase());
      punct.push(false);
      sent.push(s);
      continue;
    }
    if (k === PUNCTUATION) {
      const r = prepared[i]!;
      i++;
      // the full stop of "Mr.", "Dr.", "Nr." neither ends a sentence nor separates a name
      if (r === "." && raw.length > 0 && ABBREVIATIONS.has(raw[raw.length - 1]!)) continue;
      raw.push(r);
      w.push(r);
      punct.push(true);
      sent.push(s);
      if (SENTENCE_END.has(r)) s++;
      continue;
    }
    const code = prepared.charCodeAt(i);
    const emoji = code >= 0xa9 ? pictographAt(prepared, i) : 0;
    if (emoji > 0) {
      const r = prepared.slice(i, i + emoji);
      raw.push(r);
      w.push(r);
      punct.push(false);
      sent.push(s);
      i += emoji;
      continue;
    }
    i++;
  }
  const count = raw.length;
  const facts = new Array<WordFacts>(count);
  for (let k = 0; k < count; k++) facts[k] = factsOf(w[k]!);
  return {
    raw,
    w,
    punct,
    sent,
    customer: falses(count),
    person: falses(count),
    negated: falses(count),
    flat: ` ${w.join(" ")} `,
    facts,
  };
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
