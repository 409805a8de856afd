// Customer cues: which words and phrases of a message point at the company's customers, and
// which look like it but are not (false friends). Marks customer tokens in msg.customer so
// the tone cues can ask "is this said about a customer?".
//
// Families (feature names in brackets, weighed by the decision in builtinClassifier.ts):
//  - words: Kunde/customer/user/client... with their compounds [c:word], trade words such as
//    Fahrgäste, Patientinnen, policyholders [c:word strong, c:weak], workspace terms and
//    industry-preset words [c:word];
//  - metrics: NPS, churn, Beschwerden, reviews [c:metric]; deals, renewals, key accounts
//    [c:deal, c:account, c:phrase];
//  - named customers: "Frau Krüger", "Mrs. Okafor" [c:honorific], "Familie Berger"
//    [c:family], "Autohaus Riedel", "Meridian Health", "Müller & Söhne" [c:org], legal forms
//    with business context [c:company], "Closed Globex" [c:sales], "the Harper account",
//    "Order for X" [c:named], "Zimmer 214", "table 9" asking or waiting [c:locator];
//  - service situations: callbacks, bookings, refunds [c:service], "wer bei uns anruft"
//    [c:generic];
//  - false friends: DB user, HTTP client, Mandanten-ID, internal customer, Customer Success
//    room, "Frau Sommer aus der Buchhaltung" [ff:*].
import type { Evidence } from "./evidence.js";
import * as lexiconModule from "./lexicon.js";
import { TokenLiteralScan } from "./literalScan.js";
import * as namedLexiconModule from "./namedLexicon.js";
import { isCapitalised, type Msg, sentenceOf } from "./text.js";
import {
  englishTradeWord,
  germanTradeWord,
  INDUSTRY_PRESETS,
  type IndustryPreset,
  isPatientAdjective,
  type TermMatcher,
  type WordHit,
} from "./vocabulary.js";
import { F_COMMON, F_HINT, F_HINT_JOINED, F_PERSON, F_SERVICE, F_SHORT, type WordFacts } from "./wordFacts.js";

// Plain copies of the word lists: reading a module namespace goes through a getter per access
// when the code runs under a transpiling loader (tsx), which costs a third of the time here.
const L = { ...lexiconModule };
const N = { ...namedLexiconModule };

export enum Hit {
  None = 0,
  Plain = 1,
  Disparaging = 2, // Horrorkunde, Besserwisser-Kunde
  Appreciative = 3, // Traumkunde
  Weak = 4, // Mitglieder, Bewohner, readers
}

export interface VocabularyContext {
  industry: IndustryPreset | undefined;
  terms: TermMatcher;
}

// ---------------------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------------------

const DE_STEM_GLOBAL = new RegExp(L.DE_CUSTOMER_STEM.source, "gu");

/** Whether the last customer word found ends its token (a person, not Kundenfeedback). */
let lastHead = false;

function germanCompoundHit(joined: string, prevWord: string, nextWord: string): Hit {
  DE_STEM_GLOBAL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DE_STEM_GLOBAL.exec(joined)) !== null) {
    const stem = m[0];
    const prefix = joined.slice(0, m.index);
    const suffix = joined.slice(m.index + stem.length);
    if (stem.startsWith("kund")) {
      if (L.KUNDE_NOT_CUSTOMER_PREFIX.test(prefix)) continue;
      if (stem === "kunde" && suffix === "" && L.KUNDE_SUBJECT_PREFIX.test(prefix)) continue;
      if (stem === "kundschaft" && suffix.startsWith("er")) continue; // Kundschafter
    }
    if (stem.startsWith("käufer") && L.KAEUFER_NOT_PREFIX.test(prefix)) continue;
    if (stem.startsWith("verbraucher") && L.VERBRAUCHER_NOT_PREFIX.test(prefix)) continue;
    if (L.DE_TECH_PREFIX.test(prefix)) return Hit.None;
    if (prefix === "" && TECH_PREV_DE.has(prevWord)) return Hit.None;
    if (suffix !== "" && L.DE_TECH_SUFFIX.test(suffix)) return Hit.None;
    // the stem regex may have swallowed a linking n/s: "Benutzer|n|amen" is Benutzer+namen
    if (/[ns]$/u.test(stem) && L.DE_TECH_SUFFIX.test(stem.slice(-1) + suffix)) return Hit.None;
    if (suffix !== "" && N.DE_DEPARTMENT_SUFFIX.test(suffix)) return Hit.None;
    if (suffix === "" && TECH_NEXT_DE.has(nextWord)) return Hit.None;
    if (N.INTERNAL_BEFORE.test(prevWord) || prefix.startsWith("intern")) return Hit.None;
    lastHead = suffix === "";
    if (L.DE_NEG_CUSTOMER_PREFIX.test(prefix)) return Hit.Disparaging;
    if (L.DE_POS_CUSTOMER_PREFIX.test(prefix)) return Hit.Appreciative;
    return Hit.Plain;
  }
  return Hit.None;
}

/** Separate words before/after a German customer word that make it a test fixture or a
 * database artefact ("Test Kunde", "Kunden ID"). */
const TECH_PREV_DE = new Set(["test", "dummy", "fake", "mock", "demo", "codeident"]);
const TECH_NEXT_DE = new Set([
  "id",
  "ids",
  "tabelle",
  "table",
  "objekt",
  "schema",
  "endpoint",
  "api",
  "dto",
  "codeident",
]);

function englishHit(part: string, prevWord: string, nextWord: string, next2: string): Hit {
  const m = L.EN_CUSTOMER_WORD.exec(part);
  if (!m) return Hit.None;
  const stem = m[2]!;
  const rest = m[3] ?? "";
  if (rest !== "" && !L.EN_PLAIN_ENDING.has(rest) && L.EN_TECH_SUFFIX.test(rest)) return Hit.None;
  // possessive ("the client's app") is about the customer, not the software
  const possessive = rest === "'s" || rest === "s'";
  if (!m[1] && !possessive) {
    const before = L.TECH_BEFORE[stem];
    if (before?.has(prevWord)) return Hit.None;
    const after = L.TECH_AFTER[stem];
    if (after && rest === "" && after.has(nextWord)) return Hit.None;
    if (after && rest === "s" && (nextWord === "secret" || nextWord === "id" || nextWord === "table")) return Hit.None;
  }
  if (N.INTERNAL_BEFORE.test(prevWord)) return Hit.None;
  // "Customer Success room", "customer service team": a department, not a customer
  if (N.DEPARTMENT_WORD.has(nextWord) && N.DEPARTMENT_THING.has(next2)) return Hit.None;
  if (stem === "consumer" && N.CONSUMER_GOODS.has(nextWord)) return Hit.None;
  lastHead = rest === "" || L.EN_PLAIN_ENDING.has(rest);
  return Hit.Plain;
}

/** "review score", "review sites": customer reviews, not code reviews. */
const REVIEW_AFTER = new Set([
  "score",
  "scores",
  "rating",
  "ratings",
  "site",
  "sites",
  "platform",
  "platforms",
  "stars",
]);

/** "data retention policy", "employee retention" are not customer retention. */
const RETENTION_NOT_BEFORE = new Set([
  "data",
  "log",
  "logs",
  "backup",
  "backups",
  "employee",
  "employees",
  "staff",
  "talent",
  "message",
  "s3",
  "bucket",
  "mitarbeiter",
  "daten",
  "email",
  "mail",
]);
const RETENTION_NOT_AFTER = new Set([
  "policy",
  "policies",
  "period",
  "periods",
  "days",
  "window",
  "time",
  "settings",
  "rules",
  "rule",
]);

function metricHit(joined: string, prevWord: string, nextWord: string, msg: Msg): Hit {
  if (L.METRIC_TOKEN.test(joined)) {
    if (L.METRIC_NOT_PREFIX.test(joined)) return Hit.None;
    if (/hotline|callcenter/u.test(joined) && (prevWord === "it" || /^it-/u.test(joined))) return Hit.None;
    if (joined.startsWith("churn") && prevWord === "code") return Hit.None;
    if (joined.startsWith("retention") && (RETENTION_NOT_BEFORE.has(prevWord) || RETENTION_NOT_AFTER.has(nextWord)))
      return Hit.None;
    return Hit.Plain;
  }
  if (L.RATING_TOKEN.test(joined)) {
    if (L.RATING_NOT_BEFORE.has(prevWord) || L.RATING_NOT_PREFIX.test(joined)) return Hit.None;
    const plural = joined.endsWith("s") || joined.endsWith("en");
    const compound = /\p{L}bewertung/u.test(joined) && !joined.startsWith("bewertung");
    if (compound) return Hit.Plain;
    if (joined === "review") return L.REVIEW_BEFORE.has(prevWord) || REVIEW_AFTER.has(nextWord) ? Hit.Plain : Hit.None;
    if (joined.startsWith("review")) return L.RATING_CONTEXT.test(msg.flat) ? Hit.Plain : Hit.None;
    if (plural || L.RATING_CONTEXT.test(msg.flat)) return Hit.Plain;
    return Hit.None;
  }
  if ((joined === "renewal" || joined === "renewals") && !L.RENEWAL_NOT_BEFORE.has(prevWord)) return Hit.Plain;
  if (joined === "support" && /^(?:tickets?|requests?|anfragen?|calls?|queue)$/u.test(nextWord) && prevWord !== "it")
    return Hit.Plain;
  return Hit.None;
}

/** An ambiguous user/client/tenant word with technical words right around it is an account
 * or a program, not a person ("Nutzer reporting_ro in der Datenbank anlegen"). */
function technicalNeighbourhood(msg: Msg, i: number): boolean {
  const w = msg.w[i]!;
  if (!L.AMBIGUOUS_STEM.test(w)) return false;
  for (let j = Math.max(0, i - 3); j <= i + 3 && j < msg.w.length; j++) {
    if (j !== i && L.TECH_NEARBY.has(msg.w[j]!)) return true;
  }
  return FLAT_SCAN.may(RUNS_AS_HINT) && RUNS_AS_HINT.test(msg.flat) && L.RUNS_AS.test(sentenceOf(msg, i));
}

const RUNS_AS_HINT = / (?:runs?|running|ran|läuft|laufen|lief) (?:as|als) /u;

function tokenHit(msg: Msg, i: number, vocab: VocabularyContext): { hit: Hit; kind: string } {
  const f = msg.facts[i]!;
  if (f.flags & F_SHORT) return NONE;
  const w = msg.w[i]!;
  const prev = i > 0 && !msg.punct[i - 1] ? msg.w[i - 1]! : "";
  const next = i + 1 < msg.w.length && !msg.punct[i + 1] ? msg.w[i + 1]! : "";
  const next2 = i + 2 < msg.w.length && !msg.punct[i + 2] && next !== "" ? msg.w[i + 2]! : "";
  const parts = f.parts;
  const joined = f.joined;
  const capital = isCapitalised(msg.raw[i]!);
  if (!(f.flags & F_HINT_JOINED)) return tradeHit(msg, i, joined, capital, prev, next, vocab);

  let hit = germanCompoundHit(joined, prev, next);
  if (hit) return technical(msg, i, hit, "customer word");
  if (parts) {
    for (let k = 0; k < parts.length; k++) {
      const pPrev = k > 0 ? parts[k - 1]! : prev;
      const pNext = k + 1 < parts.length ? parts[k + 1]! : next;
      hit = englishHit(parts[k]!, pPrev, pNext, k + 1 < parts.length ? next : next2);
      if (hit) {
        // "Besserwisser-User": an insult head makes the compound disparaging
        for (let j = 0; j < k; j++)
          if (L.NEG_NOUN.test(parts[j]!)) return { hit: Hit.Disparaging, kind: "customer word" };
        return technical(msg, i, hit, "customer word");
      }
    }
  } else {
    hit = englishHit(w, prev, next, next2);
    if (hit) return technical(msg, i, hit, "customer word");
  }

  const trade = tradeHit(msg, i, joined, capital, prev, next, vocab);
  if (trade.hit) return trade;
  hit = metricHit(joined, prev, next, msg);
  lastHead = false;
  return hit ? { hit, kind: "metric" } : NONE;
}

function tradeHit(
  msg: Msg,
  i: number,
  joined: string,
  capital: boolean,
  prev: string,
  next: string,
  vocab: VocabularyContext,
): { hit: Hit; kind: string } {
  // "be patient", "so patient with": the English adjective, before the German noun can claim it
  if (joined === "patient" && isPatientAdjective(prev, next)) return NONE;
  const trade =
    germanTrade(msg.facts[i]!, capital, vocab.industry) ?? englishTradeWord(msg.w[i]!, prev, next, vocab.industry);
  if (!trade || N.INTERNAL_BEFORE.test(prev)) return NONE;
  lastHead = trade.head;
  if (trade.strength === "strong") return technical(msg, i, Hit.Plain, "trade word");
  return technical(msg, i, Hit.Weak, "trade word (weak)");
}

const NONE = { hit: Hit.None, kind: "" };

/** germanTradeWord of a token, worked out once per word, industry and capital letter. */
function germanTrade(f: WordFacts, capital: boolean, industry: IndustryPreset | undefined): WordHit | null {
  const slot = (industry === undefined ? 0 : INDUSTRY_PRESETS.indexOf(industry) + 1) * 2 + (capital ? 1 : 0);
  let hit = f.germanTrade[slot];
  if (hit === undefined) f.germanTrade[slot] = hit = germanTradeWord(f.joined, capital, industry);
  return hit;
}

function technical(msg: Msg, i: number, hit: Hit, kind: string): { hit: Hit; kind: string } {
  if ((hit === Hit.Plain || hit === Hit.Weak) && technicalNeighbourhood(msg, i)) return NONE;
  return { hit, kind };
}

// ---------------------------------------------------------------------------------------
// Named customers and service situations (on the prepared text, case-sensitive)
// ---------------------------------------------------------------------------------------

/** A capitalised word that can be (part of) a name: not a pronoun, weekday or department. */
function isName(msg: Msg, j: number): boolean {
  if (j < 0 || j >= msg.w.length || msg.punct[j]) return false;
  const raw = msg.raw[j]!;
  return raw.length >= 2 && isCapitalised(raw) && /^\p{L}/u.test(raw) && !N.NOT_A_NAME.has(raw);
}

function wordsAround(msg: Msg, from: number, to: number, raw: boolean): string {
  return (raw ? msg.raw : msg.w).slice(Math.max(0, from), Math.max(0, to)).join(" ");
}

/**
 * Customers named by person, company or place, found in one walk over the tokens. Returns a
 * company name with a legal form ("Miller Ltd", "Weber AG"), if any: whether that is a customer
 * depends on the business talked about, which the caller checks.
 */
function namedCues(msg: Msg, prepared: string, ev: Evidence): string {
  const n = msg.w.length;
  let company = "";
  for (let i = 0; i < n; i++) {
    if (msg.punct[i]) continue;
    const raw = msg.raw[i]!;
    const w = msg.w[i]!;
    // one lookup tells which of the patterns below this word can start
    const f = msg.facts[i]!;
    let wordTriggers = f.wordTriggers;
    if (wordTriggers === undefined)
      f.wordTriggers = wordTriggers = (WORD_TRIGGERS.get(w) ?? 0) | (RAW_TRIGGER_WORDS.has(w) ? T_RAW : 0);
    const t = (wordTriggers & T_RAW ? (RAW_TRIGGERS.get(raw) ?? 0) : 0) | wordTriggers;
    if (t === 0) continue;
    if (t & T_LEGAL && isName(msg, i - 1) && company === "") company = wordsAround(msg, i - 1, i + 1, true);
    if (t & T_HONORIFIC) {
      let j = i + 1;
      while (j < n && (N.TITLES.has(msg.raw[j]!) || N.NAME_PARTICLES.has(msg.raw[j]!))) j++;
      if (isName(msg, j)) {
        const name = wordsAround(msg, i, j + 1, true);
        if (
          N.INTERNAL_PERSON_AFTER.test(` ${wordsAround(msg, j + 1, j + 9, true)}`) ||
          N.INTERNAL_PERSON_BEFORE.test(`${wordsAround(msg, i - 5, i, true)} `)
        ) {
          ev.add("false friend", "ff:internal", `${name} (a colleague or supplier)`);
        } else ev.add("customer", N.TITLES.has(raw) ? "c:doctor" : "c:honorific", name);
        i = j;
        continue;
      }
    }
    if (
      (t & T_FAMILY && isName(msg, i + 1)) ||
      (t & T_THE && isName(msg, i + 1) && N.FAMILY_AFTER.has(msg.w[i + 2] ?? ""))
    ) {
      ev.add("customer", "c:family", () => wordsAround(msg, i, i + 3, true));
    }
    if (t & T_ORG_DE) {
      let j = i + 1;
      while (j < n && j <= i + 3 && N.ORG_LINKS.has(msg.raw[j]!)) j++;
      if (isName(msg, j)) ev.add("customer", "c:org", () => wordsAround(msg, i, j + 1, true));
    }
    if (t & T_ORG_EN && isName(msg, i - 1)) ev.add("customer", "c:org", () => wordsAround(msg, i - 1, i + 1, true));
    if (t & T_SALES_BEFORE) {
      const j = msg.w[i + 1] === "the" ? i + 2 : i + 1;
      if (isName(msg, j)) ev.add("customer", "c:sales", () => wordsAround(msg, i, j + 1, true));
    }
    if (t & T_SALES_AFTER || (t & T_LIVE && N.AUXILIARIES.has(msg.w[i - 1] ?? ""))) {
      let j = i - 1;
      while (j >= 0 && j >= i - 2 && N.AUXILIARIES.has(msg.w[j]!)) j--;
      if (isName(msg, j) && !N.ARTICLES.has(msg.w[j - 1] ?? ""))
        ev.add("customer", "c:sales", () => wordsAround(msg, j, i + 1, true));
    }
    if (t & T_NOUN_AFTER_NAME && isName(msg, i - 1) && !N.TECH_ACCOUNT_NAMES_SET.has(msg.w[i - 1]!)) {
      ev.add("customer", "c:named", () => wordsAround(msg, i - 1, i + 1, true));
    }
    if (t & T_NOUN_BEFORE_NAME && N.NAME_PREPOSITIONS.has(msg.w[i + 1] ?? "")) {
      const j = N.ARTICLES.has(msg.w[i + 2] ?? "") ? i + 3 : i + 2;
      if (isName(msg, j)) ev.add("customer", "c:named", () => wordsAround(msg, i, j + 1, true));
    }
    if (t & T_LOCATOR && N.ROOM_NUMBER.test(msg.w[i + 1] ?? "")) {
      const number = msg.w[i + 1] === "nr" || msg.w[i + 1] === "no" ? i + 2 : i + 1;
      const personBefore =
        N.PERSON_BEFORE_LOCATOR.has(msg.w[i - 1] ?? "") ||
        (N.LOCATOR_LINKS.has(msg.w[i - 1] ?? "") && N.PERSON_BEFORE_LOCATOR.has(msg.w[i - 2] ?? ""));
      if (
        /^\p{N}/u.test(msg.w[number] ?? "") &&
        (personBefore || N.PERSON_VERB_AFTER.test(`${wordsAround(msg, number + 1, number + 5, false)} `))
      ) {
        ev.add("customer", "c:locator", () => wordsAround(msg, i, number + 1, true));
      }
    }
    if (t & T_PERSON) {
      let j = i + 1;
      if (N.LOCATOR_LINKS.has(msg.w[j] ?? "")) j++;
      if (N.LOCATOR_LINKS.has(msg.w[j] ?? "")) j++;
      if (j > i + 1 && /^\p{N}{2,4}$/u.test(msg.w[j] ?? "") && !msg.punct[j])
        ev.add("customer", "c:locator", () => wordsAround(msg, i, j + 1, true));
    }
  }
  if (prepared.includes("&") && N.AMPERSAND_NAME.test(prepared))
    ev.add("customer", "c:org", () => N.AMPERSAND_NAME.exec(prepared)![0].trim());
  if (RESERVATION_HINT.test(prepared) && N.RESERVATION_NAME.test(prepared))
    ev.add("customer", "c:named", () => N.RESERVATION_NAME.exec(prepared)![0]);
  return company;
}

// Which named-customer pattern a word can start, as bits: by the word as written (names and
// legal forms are case-sensitive) and by the lower-cased word.
const T_LEGAL = 1;
const T_HONORIFIC = 2;
const T_FAMILY = 4;
const T_THE = 8;
const T_ORG_DE = 16;
const T_ORG_EN = 32;
const T_SALES_BEFORE = 64;
const T_SALES_AFTER = 128;
const T_LIVE = 256;
const T_NOUN_AFTER_NAME = 512;
const T_NOUN_BEFORE_NAME = 1024;
const T_LOCATOR = 2048;
const T_PERSON = 4096;
/** Not a pattern: the word, lower-cased, is one of the RAW_TRIGGERS (which are case-sensitive). */
const T_RAW = 1 << 30;

function triggers(groups: [number, Iterable<string>][]): Map<string, number> {
  const map = new Map<string, number>();
  for (const [bit, words] of groups) for (const word of words) map.set(word, (map.get(word) ?? 0) | bit);
  return map;
}
const RAW_TRIGGERS = triggers([
  [T_LEGAL, N.LEGAL_FORMS],
  [T_HONORIFIC, N.HONORIFICS],
  [T_HONORIFIC, N.TITLES],
  [T_FAMILY, N.FAMILY_WORDS],
  [T_ORG_DE, N.ORG_NOUNS_DE],
  [T_ORG_EN, N.ORG_SUFFIXES_EN],
  [T_NOUN_AFTER_NAME, N.BUSINESS_NOUNS_AFTER_NAME],
]);
const RAW_TRIGGER_WORDS = new Set([...RAW_TRIGGERS.keys()].map((k) => k.toLowerCase()));
const WORD_TRIGGERS = triggers([
  [T_THE, ["the"]],
  [T_SALES_BEFORE, N.SALES_VERBS_BEFORE],
  [T_SALES_AFTER, N.SALES_VERBS_AFTER],
  [T_LIVE, ["live"]],
  [T_NOUN_BEFORE_NAME, N.BUSINESS_NOUNS_BEFORE_NAME],
  [T_LOCATOR, N.LOCATOR_WORDS],
  [T_PERSON, N.PERSON_BEFORE_LOCATOR],
]);

const RESERVATION_HINT = /Namen|name|booked|gebucht|reserviert/u;

/** "Herr" and "Frau" before a name are an honorific (namedCues); "meine Damen und Herren" a
 * greeting. Otherwise these words stand for a customer nobody named ("die ältere Dame"). */
function isPersonWord(msg: Msg, i: number): boolean {
  if (!(msg.facts[i]!.flags & F_PERSON)) return false;
  const w = msg.w[i]!;
  if ((w === "herr" || w === "herrn") && isCapitalised(msg.raw[i + 1] ?? "")) return false;
  return !(w.startsWith("dame") && msg.w[i + 1] === "und");
}

/** Cheap tests before the deal and "wer bei uns ..." patterns: words every match contains. */
const DEAL_HINT = /deal|auftrag|renewal|contract|agreement|vertrag/u;
const GENERIC_HINT = / (?:us|uns|here|hier) /u;
/** The account patterns all need this word. */
const ACCOUNT_HINT = /account/u;

/** Which of the patterns run over msg.flat can match it: scanned once per message (each
 * pattern still runs, and decides, wherever it can match). */
const FLAT_SCAN = new TokenLiteralScan([
  RUNS_AS_HINT,
  L.CUSTOMER_PHRASE,
  DEAL_HINT,
  L.DEAL_EVENT,
  GENERIC_HINT,
  N.GENERIC_CUSTOMER,
  N.STAFF_CONTEXT,
  ACCOUNT_HINT,
  L.SUPPLIER_CONTEXT,
  L.BUSINESS_CONTEXT,
]);

// ---------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------

export interface CustomerFindings {
  /** A customer word (or term) was found in the message. */
  words: number;
  /** Tone carried by the word itself: Horrorkunde (negative), Traumkunde (positive). */
  disparagingWords: number;
  appreciativeWords: number;
}

/**
 * Finds customer cues in a tokenised message: marks customer tokens in msg.customer and adds
 * the c:* and ff:* features to `ev`.
 */
export function findCustomerCues(msg: Msg, prepared: string, vocab: VocabularyContext, ev: Evidence): CustomerFindings {
  const found: CustomerFindings = { words: 0, disparagingWords: 0, appreciativeWords: 0 };
  FLAT_SCAN.scan(msg.facts);
  vocab.terms.scan(msg.w, msg.punct, (from, to, term) => {
    for (let k = from; k <= to; k++) msg.customer[k] = msg.person[k] = true;
    found.words++;
    ev.add("customer", "c:word", `${term} (workspace term)`);
  });
  let service = 0;
  let person = -1;
  for (let i = 0; i < msg.w.length; i++) {
    const flags = msg.facts[i]!.flags;
    if (msg.punct[i] || msg.customer[i] || flags & F_COMMON) continue;
    const { hit, kind } = tokenHit(msg, i, vocab);
    if (hit === Hit.None) {
      if (flags & F_HINT) ev.add("false friend", "ff:word", msg.raw[i]!);
      // callbacks, bookings, refunds: weak alone (suppliers send invoices too), they add up
      if (flags & F_SERVICE) {
        service++;
        ev.note("customer", "c:service", msg.raw[i]!);
      }
      if (person < 0 && isPersonWord(msg, i)) person = i;
      continue;
    }
    msg.customer[i] = true;
    msg.person[i] = lastHead;
    if (kind === "metric") {
      ev.add("customer", "c:metric", msg.raw[i]!);
      continue;
    }
    found.words++;
    if (hit === Hit.Weak) ev.add("customer", "c:weak", `${msg.raw[i]!} (${kind})`);
    else ev.add("customer", "c:word", `${msg.raw[i]!} (${kind})`);
    if (hit === Hit.Disparaging) found.disparagingWords++;
    else if (hit === Hit.Appreciative) found.appreciativeWords++;
  }

  if (service > 0) ev.add("customer", "c:service", "", Math.min(service, 3));
  if (person >= 0) ev.add("customer", "c:person", msg.raw[person]!);

  // the flat text is made only when a pattern can match it
  const phrase = FLAT_SCAN.may(L.CUSTOMER_PHRASE) ? L.CUSTOMER_PHRASE.exec(msg.flat) : null;
  if (phrase) ev.add("customer", "c:phrase", phrase[0].trim());
  const deal =
    FLAT_SCAN.may(DEAL_HINT) && DEAL_HINT.test(msg.flat) && FLAT_SCAN.may(L.DEAL_EVENT)
      ? L.DEAL_EVENT.exec(msg.flat)
      : null;
  if (deal) ev.add("customer", "c:deal", deal[0].trim());
  if (FLAT_SCAN.may(ACCOUNT_HINT) && ACCOUNT_HINT.test(msg.flat)) {
    const account = L.SALES_ACCOUNT.exec(msg.flat);
    if (account) ev.add("customer", "c:account", account[0].trim());
    const named = L.NAMED_ACCOUNT.exec(prepared);
    if (named && !L.TECH_ACCOUNT_NAMES.has(named[1]!.toLowerCase())) ev.add("customer", "c:account", named[0].trim());
  }
  const company = namedCues(msg, prepared, ev);
  if (company) {
    const flat = msg.flat;
    if (FLAT_SCAN.may(L.SUPPLIER_CONTEXT) && L.SUPPLIER_CONTEXT.test(flat))
      ev.add("false friend", "ff:supplier", () => L.SUPPLIER_CONTEXT.exec(flat)![0].trim());
    else if (FLAT_SCAN.may(L.BUSINESS_CONTEXT) && L.BUSINESS_CONTEXT.test(flat))
      ev.add("customer", "c:company", company);
  }
  const generic =
    FLAT_SCAN.may(GENERIC_HINT) && GENERIC_HINT.test(msg.flat) && FLAT_SCAN.may(N.GENERIC_CUSTOMER)
      ? N.GENERIC_CUSTOMER.exec(msg.flat)
      : null;
  if (generic) ev.add("customer", "c:generic", generic[0].trim());
  if (FLAT_SCAN.may(N.STAFF_CONTEXT) && N.STAFF_CONTEXT.test(msg.flat))
    ev.add("false friend", "ff:staff", () => N.STAFF_CONTEXT.exec(msg.flat)![0].trim());
  return found;
}
