// FROZEN COPY, for the classifier benchmark only: the built-in classifier as it was before
// issue #11 (git show 708fff8^:src/core/presence/builtinClassifier.ts), the keyword-and-rules
// classifier that ran 78,600 messages/s in docs/performance.md. bench/classifier.ts times it in
// the same run as today's classifier, so the speed target ("at least as fast as the old one,
// 100,000/s against its 78,600/s") is a ratio measured on one machine under one load. Not
// used by the app; do not edit (only this header and the import path differ).
// Built-in, dependency-free customer-presence classifier for German and English team chat.
//
// Pipeline for one message:
//  1. prepare: hide code identifiers/URLs (customer_id, userAgent, /api/users), normalise
//     gender forms (Kund:innen -> Kundinnen), line breaks and dashes;
//  2. tokenize into words (hyphenated compounds stay one token), emoji and punctuation;
//  3. customer: a token that is a customer word family member (with compound and
//     neighbour checks against technical false friends such as "HTTP client", "Testkunde",
//     "user agent"), a customer metric (NPS, churn, Beschwerden, ratings) or a phrase/name
//     pattern (deal won, "Order for Miller Ltd");
//  4. tone: count positive cues (praise, gratitude, wins, learning, empathy, customer-first
//     proposals, improving metrics, positive emoji) and negative cues (insults, disparaging
//     adjectives and verbs, sarcasm, eye-roll emoji, mild cues such as exasperation,
//     generalising and blaming that only count when they add up), with negation scope.
// All patterns live in lexicon.ts and are compiled once at module load.

import type { PresenceClassifier, PresenceVerdict, Tone } from "../../../src/core/presence/classifier.js";
import * as L from "./lexicon.js";

// ---------------------------------------------------------------------------------------
// Preparation and tokenisation
// ---------------------------------------------------------------------------------------

const URL_RE = /\bhttps?:\/\/\S+|\bwww\.\S+/gu;
const BACKTICK_RE = /`[^`]*`/gu;
const PATH_RE = /(?:^|(?<=\s))\/[\p{L}\p{N}_/{}:.-]+/gu;
const FILE_RE =
  /(?<![\p{L}\p{N}_-])[\p{L}\p{N}_-]+\.(?:ts|js|tsx|jsx|mjs|py|json|sql|ya?ml|go|java|rb|csv|md|env|toml)\b/gu;
const GENDER_RE = /(\p{L})(?:[:*_]|\/-?)(in|innen)(?![\p{L}])/gu;
const GENDER_CAPS_RE = /(\p{Ll})In(nen)?(?![\p{L}])/gu;
const WORD_RE = /[\p{L}\p{N}_]+/gu;
const CAMEL_RE = /^\p{Ll}+\p{Lu}/u;
const PASCAL_STEM_RE =
  /(?:Customer|Client|User|Consumer|Subscriber|Account|Kunde|Kunden)\p{Lu}|\p{Ll}(?:Customer|Client|User|Consumer|Subscriber|Account|Kunde|Kunden)/u;
const TOKEN_RE = /[\p{L}\p{N}]+(?:['\-&.][\p{L}\p{N}]+)*|\p{Extended_Pictographic}|[.!?;:,()[\]"„“”«»–—…¶/]/gu;
const SENTENCE_END = new Set([".", "!", "?", "…", "¶"]);
const CLAUSE_PUNCT = /^[.!?;:,()[\]"„“”«»–—…¶/]$/u;

function isIdentifier(word: string): boolean {
  return (word.includes("_") && /\p{L}_|_\p{L}/u.test(word)) || CAMEL_RE.test(word) || PASCAL_STEM_RE.test(word);
}

const MAYBE_IDENTIFIER_RE = /_|\p{Ll}\p{Lu}/u;
const MAYBE_FILE_RE = /\.(?:ts|js|tsx|jsx|mjs|py|json|sql|ya?ml|go|java|rb|csv|md|env|toml)\b/u;
const MAYBE_GENDER_RE = /\p{L}(?:[:*_/]|\/-)in|\p{Ll}In/u;

function prepare(text: string): string {
  // Each rewrite is guarded by a cheap test: most messages need none of them.
  let t = text.replace(/[’‘´]/g, "'");
  if (t.includes("`")) t = t.replace(BACKTICK_RE, " codeident ");
  if (t.includes("http") || t.includes("www.")) t = t.replace(URL_RE, " url ");
  if (MAYBE_FILE_RE.test(t)) t = t.replace(FILE_RE, " codeident ");
  if (t.includes("/")) t = t.replace(PATH_RE, " codeident ");
  if (MAYBE_GENDER_RE.test(t)) t = t.replace(GENDER_RE, "$1$2").replace(GENDER_CAPS_RE, "$1in$2");
  if (MAYBE_IDENTIFIER_RE.test(t)) t = t.replace(WORD_RE, (w) => (isIdentifier(w) ? "codeident" : w));
  if (t.includes("\n")) t = t.replace(/\r?\n+/g, " ¶ ");
  if (t.includes(" -") || t.includes(" –")) t = t.replace(/\s[-–]+\s/g, " – ");
  return t;
}

/** One message, tokenised. Parallel arrays keep per-call allocation small. */
interface Msg {
  raw: string[];
  w: string[];
  punct: boolean[];
  sent: number[];
  customer: boolean[];
  sentences: string[]; // flat " a b c . " text per sentence
  flat: string;
}

function tokenize(prepared: string): Msg {
  const raw: string[] = [];
  const w: string[] = [];
  const punct: boolean[] = [];
  const sent: number[] = [];
  const sentences: string[] = [];
  let current = " ";
  let s = 0;
  for (const m of prepared.matchAll(TOKEN_RE)) {
    const r = m[0];
    const lw = r.toLowerCase();
    const p = CLAUSE_PUNCT.test(r);
    raw.push(r);
    w.push(lw);
    punct.push(p);
    sent.push(s);
    current += `${lw} `;
    if (p && SENTENCE_END.has(r)) {
      sentences.push(current);
      current = " ";
      s++;
    }
  }
  if (current !== " ") sentences.push(current);
  return {
    raw,
    w,
    punct,
    sent,
    customer: new Array<boolean>(raw.length).fill(false),
    sentences,
    flat: ` ${w.join(" ")} `,
  };
}

// ---------------------------------------------------------------------------------------
// Customer detection
// ---------------------------------------------------------------------------------------

enum Hit {
  None = 0,
  Plain = 1,
  Disparaging = 2, // Horrorkunde, Besserwisser-Kunde
  Appreciative = 3, // Traumkunde
}

const DE_STEM_GLOBAL = new RegExp(L.DE_CUSTOMER_STEM.source, "gu");

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
    if (suffix === "" && TECH_NEXT_DE.has(nextWord)) return Hit.None;
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

function englishHit(part: string, prevWord: string, nextWord: string): Hit {
  const m = L.EN_CUSTOMER_WORD.exec(part);
  if (!m) return Hit.None;
  const stem = m[2]!;
  const rest = m[3] ?? "";
  if (rest !== "" && !L.EN_PLAIN_ENDING.has(rest)) {
    if (L.EN_TECH_SUFFIX.test(rest)) return Hit.None;
    // compound continuation that is not technical: Userfeedback, customer-facing
  }
  // possessive ("the client's app") is about the customer, not the software
  const possessive = rest === "'s" || rest === "s'";
  if (!m[1] && !possessive) {
    const before = L.TECH_BEFORE[stem];
    if (before?.has(prevWord)) return Hit.None;
    const after = L.TECH_AFTER[stem];
    if (after && rest === "" && after.has(nextWord)) return Hit.None;
    if (after && rest === "s" && (nextWord === "secret" || nextWord === "id" || nextWord === "table")) return Hit.None;
  }
  return Hit.Plain;
}

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
    if (joined === "review") return L.REVIEW_BEFORE.has(prevWord) ? Hit.Plain : Hit.None;
    if (joined.startsWith("review")) return L.RATING_CONTEXT.test(msg.flat) ? Hit.Plain : Hit.None;
    if (plural || L.RATING_CONTEXT.test(msg.flat)) return Hit.Plain;
    return Hit.None;
  }
  if ((joined === "renewal" || joined === "renewals") && !L.RENEWAL_NOT_BEFORE.has(prevWord)) return Hit.Plain;
  if (joined === "support" && /^(?:tickets?|requests?|anfragen?|calls?|queue)$/u.test(nextWord) && prevWord !== "it")
    return Hit.Plain;
  return Hit.None;
}

/** An ambiguous user/client word with technical words right around it is an account or a
 * program, not a person ("Nutzer reporting_ro in der Datenbank anlegen"). */
function technicalNeighbourhood(msg: Msg, i: number): boolean {
  const w = msg.w[i]!;
  if (!L.AMBIGUOUS_STEM.test(w)) return false;
  for (let j = Math.max(0, i - 3); j <= i + 3 && j < msg.w.length; j++) {
    if (j !== i && L.TECH_NEARBY.has(msg.w[j]!)) return true;
  }
  return L.RUNS_AS.test(msg.sentences[msg.sent[i]!]!);
}

function tokenHit(msg: Msg, i: number): Hit {
  const hit = tokenHitRaw(msg, i);
  if (hit === Hit.Plain && technicalNeighbourhood(msg, i)) return Hit.None;
  return hit;
}

function tokenHitRaw(msg: Msg, i: number): Hit {
  const w = msg.w[i]!;
  if (w.length < 3 || w === "codeident") return Hit.None;
  const prev = i > 0 && !msg.punct[i - 1] ? msg.w[i - 1]! : "";
  const next = i + 1 < msg.w.length && !msg.punct[i + 1] ? msg.w[i + 1]! : "";
  const parts = w.includes("-") ? w.split("-") : null;
  const joined = parts ? parts.join("") : w;
  let hit = germanCompoundHit(joined, prev, next);
  if (hit) return hit;
  if (parts) {
    for (let k = 0; k < parts.length; k++) {
      const pPrev = k > 0 ? parts[k - 1]! : prev;
      const pNext = k + 1 < parts.length ? parts[k + 1]! : next;
      hit = englishHit(parts[k]!, pPrev, pNext);
      if (hit) {
        // "Besserwisser-User": an insult head makes the compound disparaging
        for (let j = 0; j < k; j++) if (L.NEG_NOUN.test(parts[j]!)) return Hit.Disparaging;
        return hit;
      }
    }
  } else {
    hit = englishHit(w, prev, next);
    if (hit) return hit;
  }
  return metricHit(joined, prev, next, msg);
}

function phraseCustomer(msg: Msg, prepared: string): boolean {
  if (L.CUSTOMER_PHRASE.test(msg.flat) || L.DEAL_EVENT.test(msg.flat) || L.SALES_ACCOUNT.test(msg.flat)) return true;
  const named = L.NAMED_ACCOUNT.exec(prepared);
  if (named && !L.TECH_ACCOUNT_NAMES.has(named[1]!.toLowerCase())) return true;
  return (
    (L.COMPANY_NAME.test(prepared) || L.FIRMA_NAME.test(prepared)) &&
    L.BUSINESS_CONTEXT.test(msg.flat) &&
    !L.SUPPLIER_CONTEXT.test(msg.flat)
  );
}

// ---------------------------------------------------------------------------------------
// Tone
// ---------------------------------------------------------------------------------------

const NEGATION_WINDOW = 3;

/** Is token i inside the scope of a negator (a few tokens back, same clause)? */
function negated(msg: Msg, i: number, window = NEGATION_WINDOW): boolean {
  for (let j = i - 1; j >= 0 && j >= i - window; j--) {
    if (msg.punct[j]) return false;
    const w = msg.w[j]!;
    if (L.CLAUSE_BREAK.has(w)) return false;
    if (L.NEGATOR.test(w)) {
      const after = msg.w[j + 1];
      return !(after !== undefined && L.NEGATION_BREAKERS.has(after));
    }
  }
  // negation raising: "I don't think the customer is unreasonable", "ich finde nicht, dass..."
  for (let j = i - 1; j >= 0; j--) {
    if (msg.punct[j] && msg.w[j] !== ",") return false;
    if (RAISING_VERBS.has(msg.w[j]!)) {
      const before = j > 0 ? msg.w[j - 1]! : "";
      const after = msg.w[j + 1] ?? "";
      return L.NEGATOR.test(before) || after === "nicht";
    }
  }
  return false;
}

const RAISING_VERBS = new Set(["think", "believe", "glaube", "denke", "finde", "glaub", "denk", "find"]);

const COPULA = new Set([
  "ist",
  "sind",
  "war",
  "waren",
  "wird",
  "werden",
  "is",
  "are",
  "was",
  "were",
  "be",
  "been",
  "'s",
  "echt",
  "einfach",
  "richtig",
  "absolut",
  "so",
  "really",
  "just",
  "simply",
  "wirklich",
  "total",
  "voll",
  "mega",
  "sehr",
  "very",
  "extrem",
  "extremely",
  "diese",
  "this",
  "week",
  "woche",
  "works",
  "worked",
  "work",
  "läuft",
  "lief",
  "laufen",
  "looks",
  "looked",
  "sounds",
  "klappt",
  "klappte",
  "funktioniert",
  "went",
  "ging",
  "feels",
  "fühlt",
  "sieht",
  "aus",
  "seems",
  "wirkt",
]);
/** Words after a praise word that show it is not an intensifier ("works great now"). */
const TRAILING = new Set([
  "now",
  "today",
  "again",
  "heute",
  "jetzt",
  "wieder",
  "bisher",
  "for",
  "für",
  "with",
  "mit",
  "and",
  "und",
  "too",
  "auch",
  "as",
  "wie",
  "ever",
  "overall",
  "insgesamt",
  "so",
  "far",
  "gelaufen",
  "thanks",
  "danke",
  "btw",
  "tbh",
  "honestly",
  "ehrlich",
  "gesagt",
]);
const GREAT_NOUNS = new Set([
  "feedback",
  "news",
  "work",
  "job",
  "call",
  "review",
  "reviews",
  "rating",
  "ratings",
  "result",
  "results",
  "experience",
  "conversation",
  "conversations",
  "chat",
  "session",
  "meeting",
  "talk",
  "insight",
  "insights",
  "story",
  "stories",
  "day",
  "week",
  "quarter",
  "month",
  "win",
  "wins",
  "question",
  "questions",
  "idea",
  "ideas",
  "point",
  "catch",
  "partnership",
  "relationship",
]);
const GERUND_PREV = new Set([
  "keep",
  "keeps",
  "kept",
  "stop",
  "stopped",
  "avoid",
  "we're",
  "were",
  "been",
  "without",
  "start",
  "started",
  "are",
  "we",
  "risk",
]);
const OPINION_VERB = new Set([
  "finden",
  "findet",
  "fanden",
  "fand",
  "find",
  "finds",
  "found",
  "sagen",
  "sagt",
  "sagte",
  "sagten",
  "say",
  "says",
  "said",
  "meinen",
  "meint",
  "meinte",
  "nennen",
  "nennt",
  "call",
  "calls",
  "called",
  "beschreiben",
  "beschreibt",
  "describe",
  "describes",
  "described",
  "feel",
  "feels",
  "felt",
  "empfinden",
  "empfindet",
  "think",
  "thinks",
  "thought",
  "calling",
  "saying",
  "schreibt",
  "schrieb",
  "writes",
  "wrote",
  "nannte",
  "claims",
  "claimed",
  "behauptet",
]);
const SELF_SUBJECT = new Set(["wir", "we", "uns", "us", "ich", "i", "we're", "i'm", "let's", "lets"]);
const TRANSITIVE_NEG = new Set(["nerven", "nervt", "annoy", "annoys"]);
const DEMONSTRATIVE = new Set([
  "diese",
  "dieser",
  "diesen",
  "diesem",
  "solche",
  "solchen",
  "solcher",
  "such",
  "these",
  "those",
  "typisch",
  "typical",
  "immer",
]);
const INDEF = new Set(["ein", "eine", "einen", "einem", "einer", "a", "an"]);
const FOR_WORDS = new Set(["für", "for", "to", "fuer"]);
const WISH_PREV = new Set(["would", "i'd", "we'd", "they'd", "würde", "würden", "gern", "gerne"]);

const SARCASM =
  / (?:na toll|na super|na klasse|na prima|na wunderbar|na bravo|oh great|oh joy|oh wonderful|just great|just perfect|just what we needed|genau das,? was wir brauch\p{L}*|great , another|toll , (?:schon )?wieder|super , (?:schon )?wieder|yay , another|love it when|i just love (?:it )?when|gotta love|got to love|muss man (?:sie |die )?lieben|ich liebe es,? wenn|liebe es , wenn) /u;

function customerInClause(msg: Msg, from: number, to: number): boolean {
  for (let k = from; k <= to && k < msg.w.length; k++) {
    if (k < 0) continue;
    if (msg.punct[k]) return false;
    if (msg.customer[k]) return true;
  }
  return false;
}

function clauseStart(msg: Msg, i: number): number {
  let j = i;
  while (j > 0 && !msg.punct[j - 1]) j--;
  return j;
}

function clauseEnd(msg: Msg, i: number): number {
  let j = i;
  while (j + 1 < msg.w.length && !msg.punct[j + 1]) j++;
  return j;
}

function isCapitalised(raw: string): boolean {
  const c = raw.charAt(0);
  return c !== c.toLowerCase();
}

function decideTone(msg: Msg, prepared: string, extraNeg: number, extraPos: number): Tone {
  const n = msg.w.length;
  const nSent = msg.sentences.length;
  const posBySentence = new Array<number>(nSent).fill(0);
  let neg = extraNeg;
  let mild = 0;
  let pos = extraPos;
  let mildEmoji = false;
  let mildAdj = 0;

  for (let i = 0; i < n; i++) {
    const w = msg.w[i]!;
    const s = msg.sent[i]!;
    if (msg.punct[i]) continue;
    const next = i + 1 < n && !msg.punct[i + 1] ? msg.w[i + 1]! : "";
    const prev = i > 0 && !msg.punct[i - 1] ? msg.w[i - 1]! : "";

    // emoji
    if (L.POSITIVE_EMOJI.has(w)) {
      posBySentence[s]!++;
      continue;
    }
    if (L.NEG_EMOJI_STRONG.has(w)) {
      neg += 2;
      continue;
    }
    if (L.NEG_EMOJI_MILD.has(w)) {
      mildEmoji = true;
      continue;
    }

    // positive words
    if (L.POSITIVE_WORD.test(w)) {
      if (negated(msg, i)) continue;
      if (L.AMBIGUOUS_PRAISE.has(w)) {
        const atEnd = next === "";
        const beforeNoun =
          next !== "" && isCapitalised(msg.raw[i + 1]!) && !L.RANK_AFTER.has(next) && w !== "great" && w !== "top";
        const greatNoun = (w === "great" || w === "super" || w === "perfect") && GREAT_NOUNS.has(next);
        const predicative =
          COPULA.has(prev) && (atEnd || TRAILING.has(next) || !/^\p{Ll}/u.test(msg.raw[i + 1] ?? "x"));
        const acknowledgement = i === 0 && msg.w[i + 1] === ",";
        if (acknowledgement || !(atEnd || beforeNoun || greatNoun || predicative)) continue;
        if (w === "top" && i > 0 && !COPULA.has(prev) && !atEnd) continue;
      }
      if (w === "happy" && next === "path") continue;
      if (w.startsWith("positiv") && (prev === "false" || prev === "falsch" || prev === "falsche")) continue;
      if (/^lov/u.test(w) && WISH_PREV.has(prev)) continue;
      posBySentence[s]!++;
      continue;
    }

    // insults
    if (L.NEG_NOUN.test(w) || (w.includes("-") && w.split("-").some((p) => L.NEG_NOUN.test(p)))) {
      if (msg.customer[i]) continue; // counted as a disparaging customer compound already
      if (negated(msg, i))
        pos++; // "der Kunde ist kein Idiot": taking their side
      else neg += 2;
      continue;
    }

    // disparaging adjectives
    const strong = L.NEG_ADJ_STRONG.test(w);
    if (strong || L.NEG_ADJ_MILD.test(w)) {
      // "annoying customers" after "keep/stop/we're" is a verb: we burden them
      if (w === "annoying" && GERUND_PREV.has(prev)) continue;
      let weight = strong ? 2 : 1;
      if (!strong && L.INTENSIFIER.has(prev)) weight = 2;
      // "nervig für Kunden", "frustrating for users": empathy
      if (FOR_WORDS.has(next) && customerInClause(msg, i + 2, i + 4)) {
        pos++;
        continue;
      }
      if (negated(msg, i)) {
        if (strong) pos++;
        continue;
      }
      // the customers' own opinion ("Kunden finden den Prozess nervig")
      const cs = clauseStart(msg, i);
      let opinion = false;
      for (let j = cs; j < i; j++) {
        if (!OPINION_VERB.has(msg.w[j]!)) continue;
        // "I find customers annoying" is our own contempt, not a reported opinion
        opinion = !SELF_SUBJECT.has(msg.w[j - 1] ?? "") && !SELF_SUBJECT.has(msg.w[j - 2] ?? "");
        break;
      }
      if (opinion) continue;
      // attributive to another noun ("nervige Popups", "annoying bug")
      if (
        next !== "" &&
        !msg.customer[i + 1] &&
        (L.THING_NOUNS.has(next) || (isCapitalised(msg.raw[i + 1]!) && /\p{Ll}/u.test(msg.raw[i + 1]!)))
      ) {
        weight = strong ? 1 : 0;
      }
      if (strong) neg += weight;
      else mildAdj = Math.max(mildAdj, weight);
      continue;
    }

    // disparaging verbs
    if (L.NEG_VERB.test(w)) {
      if (negated(msg, i)) continue;
      const cs = clauseStart(msg, i);
      let self = false;
      for (let j = cs; j < i; j++)
        if (SELF_SUBJECT.has(msg.w[j]!)) {
          self = true;
          break;
        }
      if (self) continue;
      if (TRANSITIVE_NEG.has(w) && customerInClause(msg, i + 1, clauseEnd(msg, i))) continue;
      neg += 2;
    }
  }

  // demonstrative distance before a customer word: "diese Kunden", "so ein Kunde", "such a client"
  let demonstrative = false;
  for (let i = 0; i < n && !demonstrative; i++) {
    if (!msg.customer[i]) continue;
    const p1 = i > 0 ? msg.w[i - 1]! : "";
    const p2 = i > 1 ? msg.w[i - 2]! : "";
    const p3 = i > 2 ? msg.w[i - 3]! : "";
    if (
      DEMONSTRATIVE.has(p1) ||
      (INDEF.has(p1) && (p2 === "so" || p2 === "such")) ||
      (DEMONSTRATIVE.has(p2) && !msg.punct[i - 1] && p1 !== "" && !INDEF.has(p1) && p2 !== "immer") ||
      (INDEF.has(p2) && (p3 === "so" || p3 === "such"))
    )
      demonstrative = true;
  }

  // phrase-level cues
  const flat = msg.flat;
  const ownership = L.OWNERSHIP.test(flat);
  for (const cue of L.NEG_PHRASE_MILD) {
    if (!cue.re.test(flat)) continue;
    // "customers don't get it, we need better docs": a problem the team owns, not blame
    if (cue.kind === "incompetence" && ownership) continue;
    if (cue.kind === "neverAgain") {
      if (L.NEVER_AGAIN_PROTECTIVE.test(flat)) {
        pos++;
        continue;
      }
      if (L.NEVER_AGAIN_DISMISSIVE.test(flat)) mild++;
    }
    // laughing at what a customer asked or said is mockery, not just a laugh
    if (cue.kind === "laughter" && L.REPORTED_REQUEST.test(flat)) mild++;
    mild++;
  }
  if (demonstrative) mild++;
  if (mildEmoji) mild++;
  mild += mildAdj;
  if (L.NEGATIVE_EMOTICON.test(prepared)) mild++;
  if (L.POSITIVE_EMOTICON.test(prepared)) pos++;

  const badEvent = L.BAD_EVENT.test(flat);
  for (let s = 0; s < nSent; s++) {
    const sentence = msg.sentences[s]!;
    if (L.NEG_PHRASE_STRONG.test(sentence)) neg += 2;
    if (SARCASM.test(sentence)) {
      neg += 2;
      posBySentence[s] = 0;
      continue;
    }
    if (L.LONE_EXASPERATION.test(sentence) && nSent > 1) mild++;
    if (L.LONE_PRAISE.test(sentence) && (neg > 0 || mild > 0 || badEvent) && nSent > 1) {
      neg += 2;
      posBySentence[s] = 0;
      continue;
    }
    if (L.POSITIVE_PHRASE.test(sentence)) posBySentence[s]!++;
    const proposal = L.PROPOSAL.exec(sentence);
    if (proposal && L.INVOLVEMENT.test(sentence.slice(proposal.index + proposal[0].length - 1))) posBySentence[s]!++;
    if (L.BURDEN_AVOIDED.test(sentence)) posBySentence[s]!++;
    else if (L.CONSIDERATION.test(sentence) && (proposal || L.OBLIGATION.test(sentence))) posBySentence[s]!++;
    if (L.BAD_METRIC_ABSENT.test(sentence)) posBySentence[s]!++;
    else if (L.BAD_METRIC.test(sentence) && L.DECREASE.test(sentence)) posBySentence[s]!++;
    if (L.GOOD_METRIC.test(sentence) && L.INCREASE.test(sentence)) posBySentence[s]!++;
  }
  for (let s = 0; s < nSent; s++) pos += posBySentence[s]!;

  const negTotal = neg + mild;
  if (negTotal >= 2 && negTotal >= pos) return "negative";
  if (pos >= 1) return "positive";
  return "neutral";
}

// ---------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------

const NOT_CUSTOMER: PresenceVerdict = Object.freeze({ customer: false, tone: null }) as PresenceVerdict;

/** Classifies one message. Pure and synchronous. */
export function classifyMessage(text: string): PresenceVerdict {
  if (!text?.trim()) return { ...NOT_CUSTOMER };
  const prepared = prepare(text);
  const msg = tokenize(prepared);
  let any = false;
  let extraNeg = 0;
  let extraPos = 0;
  for (let i = 0; i < msg.w.length; i++) {
    if (msg.punct[i]) continue;
    const hit = tokenHit(msg, i);
    if (hit === Hit.None) continue;
    any = true;
    msg.customer[i] = true;
    if (hit === Hit.Disparaging) extraNeg += 2;
    else if (hit === Hit.Appreciative) extraPos += 1;
  }
  if (!any && !phraseCustomer(msg, prepared)) return { ...NOT_CUSTOMER };
  return { customer: true, tone: decideTone(msg, prepared, extraNeg, extraPos) };
}

export const builtinClassifier: PresenceClassifier = {
  name: "builtin",
  classify(texts: readonly string[]): Promise<PresenceVerdict[]> {
    return Promise.resolve(texts.map((t) => classifyMessage(t)));
  },
};
