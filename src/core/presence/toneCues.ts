// Tone cues: how a message about customers frames them. Collects appreciative cues (t+:*),
// disparaging cues (t-:*) and neutral problem reports (n:*) as features, with negation
// scope, and a hand-weighted score of the same cues (r:pos, r:neg) that the decision uses
// next to them.
//  - words: praise, gratitude, wins, learning, empathy (t+:word); insults, disparaging
//    adjectives and verbs (t-:insult, t-:adj, t-:verb) — negated, an insult takes the
//    customer's side ("sind keine Idioten"), negated praise is a neutral problem;
//  - framing (toneLexicon.ts): ownership, defending the customer, proposals that give them
//    something, curiosity, care for their state, respect for their time and money; and
//    stereotypes, suspicion, dismissal, resignation, irony, scare quotes, staccato and
//    shouting;
//  - phrases, metrics moving the right way, emoji (lexicon.ts).
import type { Evidence } from "./evidence.js";
import * as lexiconModule from "./lexicon.js";
import { LiteralScan, TokenLiteralScan } from "./literalScan.js";
import { clauseEnd, clauseStart, customerInClause, isCapitalised, type Msg } from "./text.js";
import * as toneLexiconModule from "./toneLexicon.js";
import { F_COMMON, F_HYPHEN, type WordFacts } from "./wordFacts.js";

// Plain copies of the word lists: reading a module namespace goes through a getter per access
// when the code runs under a transpiling loader (tsx), which costs a third of the time here.
const L = { ...lexiconModule };
const T = { ...toneLexiconModule };

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

const HAS_LOWER = /\p{Ll}/u;

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
  / (?:na toll|na super|na klasse|na prima|na wunderbar|na bravo|oh great|oh joy|oh wonderful|just great|just perfect|just what we needed|genau das,? was wir brauch\p{L}*|great , another|toll , (?:schon )?wieder|super , (?:schon )?wieder|yay , another|love it when|i just love (?:it )?when|gotta love|got to love|muss man (?:sie |die )?lieben|ich liebe es,? wenn|liebe es , wenn|ja super|oh great|oh wie schön|wonderful , the|sure , let's) /u;

/** Short quoted words: scare quotes ("„defekten“ Föhn", 'critical outages'). */
const SCARE_QUOTE =
  /(?:^|[\s(])(?:"|'|„|“|‚|‘|«)[^"'„“”‚‘’«»\s]+(?:\s[^"'„“”‚‘’«»\s]+){0,2}(?:"|'|“|”|‘|’|»)(?=[\s.,!?;:)…]|$)/u;
/** A longer quotation, usually a customer's own words. */
const LONG_QUOTE = /(?:"|„|“|«|')[^"„“”«»]{18,}?(?:"|“|”|»|')/u;
const QUOTE_CONTEXT =
  / (?:zitat|quote|quoted|schrieb|schreibt|wrote|writes|said|says|sagte|sagt|meinte|meint|feedback|review|bewertung|lob|umfrage|survey|called it|nannte)(?= )/u;

/** The message and its sentences as flat text with every customer-as-person word replaced by
 * "<c>": the framing patterns say " <c> sind nicht das problem " once for Kunden, Fahrgäste,
 * policyholders and a workspace's account names. The strings are made when a pattern that can
 * match them (FLAT_SCAN) first asks: most messages need none. */
class PersonText {
  readonly sentenceCount: number;
  private flatText: string | null = null;
  private sentences: string[] | null = null;

  constructor(private readonly msg: Msg) {
    const n = msg.w.length;
    // sentence numbers start at 0 and go up by one
    this.sentenceCount = n === 0 ? 0 : msg.sent[n - 1]! + 1;
  }

  get flat(): string {
    if (this.flatText !== null) return this.flatText;
    const msg = this.msg;
    if (!msg.person.includes(true)) return (this.flatText = msg.flat);
    // one join (a flat string, no chain of concatenations for the patterns to flatten first)
    const replaced = msg.w.slice();
    for (let i = 0; i < replaced.length; i++) if (msg.person[i]) replaced[i] = "<c>";
    return (this.flatText = ` ${replaced.join(" ")} `);
  }

  /** Sentence s, " w1 w2 . " with the spaces around: a slice of the flat text. */
  sentence(s: number): string {
    if (this.sentenceCount === 1) return this.flat;
    if (this.sentences === null) {
      const msg = this.msg;
      const flat = this.flat;
      const sentences: string[] = [];
      let from = 0; // offset of the space before the sentence's first token
      let at = 1; // offset of token i
      for (let i = 0; i < msg.w.length; i++) {
        at += (msg.person[i] ? 3 : msg.w[i]!.length) + 1; // now the offset after the space that follows token i
        if (i + 1 === msg.w.length || msg.sent[i + 1] !== msg.sent[i]) {
          sentences.push(flat.slice(from, at));
          from = at - 1;
        }
      }
      this.sentences = sentences;
    }
    return this.sentences[s]!;
  }
}

/** Praise in a clause that names the team and no customer ("stolz aufs Team"). */
function praisesTeam(msg: Msg, i: number): boolean {
  let team = false;
  for (let k = clauseStart(msg, i), end = clauseEnd(msg, i); k <= end; k++) {
    if (msg.customer[k]) return false;
    if (T.TEAM_WORD.has(msg.w[k]!)) team = true;
  }
  return team;
}

/** Sentence patterns run on the whole message first; only a hit is looked for sentence by
 * sentence (most messages are one sentence, and most patterns miss). */
class SentenceGate {
  private known: Map<RegExp, boolean> | null = null;
  constructor(private readonly text: PersonText) {}

  test(re: RegExp, s: number): boolean {
    if (!FLAT_SCAN.may(re)) return false;
    this.known ??= new Map();
    let any = this.known.get(re);
    if (any === undefined) this.known.set(re, (any = re.test(this.text.flat)));
    return any && (this.text.sentenceCount === 1 || re.test(this.text.sentence(s)));
  }
}

/** Per sentence: its word tokens, the index of its first word, and whether its last token is a
 * full stop. */
function sentenceShapes(msg: Msg, nSent: number): { count: Int32Array; first: Int32Array; fullStop: Uint8Array } {
  const count = new Int32Array(nSent);
  const first = new Int32Array(nSent).fill(-1);
  const fullStop = new Uint8Array(nSent);
  for (let i = 0; i < msg.w.length; i++) {
    const s = msg.sent[i]!;
    fullStop[s] = msg.w[i] === "." ? 1 : 0;
    if (msg.punct[i]) continue;
    if (count[s] === 0) first[s] = i;
    count[s]!++;
  }
  return { count, first, fullStop };
}

/** A one-word sentence that counts or echoes an earlier word ("Eleven.", "Neun.", "Two. Pixels."). */
function emphaticWord(msg: Msg, i: number): boolean {
  const w = msg.w[i]!;
  if (T.NUMBER_WORD.has(w) || /^\p{N}+$/u.test(w)) return true;
  for (let j = 0; j < i; j++) if (msg.w[j] === w) return true;
  return false;
}

/** Adds tone features for a message already marked with customer tokens. */
export function findToneCues(
  msg: Msg,
  prepared: string,
  disparagingWords: number,
  appreciativeWords: number,
  ev: Evidence,
): void {
  if (disparagingWords) ev.add("tone -", "t-:insult", "disparaging customer compound", disparagingWords);
  if (appreciativeWords) ev.add("tone +", "t+:word", "appreciative customer compound", appreciativeWords);
  wordCues(msg, ev);
  const text = new PersonText(msg);
  FLAT_SCAN.scan(msg.facts, msg.person, "<c>");
  framingCues(msg, prepared, text, ev);
  sentenceCues(msg, text, ev);
}

/** Praise, insults, disparaging adjectives and verbs, emoji and shouting, token by token. */
function wordCues(msg: Msg, ev: Evidence): void {
  const n = msg.w.length;
  for (let i = 0; i < n; i++) {
    if (msg.punct[i]) continue;
    const w = msg.w[i]!;
    const raw = msg.raw[i]!;
    const next = i + 1 < n && !msg.punct[i + 1] ? msg.w[i + 1]! : "";
    const prev = i > 0 && !msg.punct[i - 1] ? msg.w[i - 1]! : "";

    const f = msg.facts[i]!;
    if (f.flags & F_COMMON) continue;
    const emoji = toneEmoji(f);
    if (emoji === EMOJI_POSITIVE) {
      ev.add("tone +", "t+:emoji", w);
      continue;
    }
    if (emoji === EMOJI_NEGATIVE) {
      ev.add("tone -", "t-:emoji", w);
      continue;
    }
    if (emoji === EMOJI_MILD) {
      ev.add("tone -", "t-:emoji_mild", w);
      continue;
    }

    // shouting: a long all-caps word that is not an acronym ("ALLES", "EVERYTHING")
    if (raw !== w && raw.length >= 5 && !HAS_LOWER.test(raw) && !T.ACRONYMS.has(raw)) ev.add("tone -", "t-:caps", raw);

    const kind = toneKind(f);
    if (kind === null) continue;

    if (kind === "praise") {
      if (negated(msg, i)) {
        msg.negated[i] = true;
        ev.note("negation", "n:negated_praise", () => `${prev} … ${raw}`);
        continue;
      }
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
      ev.add("tone +", praisesTeam(msg, i) ? "t+:team" : "t+:word", raw);
      continue;
    }

    if (kind === "insult") {
      if (msg.customer[i]) continue; // counted as a disparaging customer compound already
      // "der Kunde ist kein Idiot": taking their side
      if (negated(msg, i)) {
        msg.negated[i] = true;
        ev.add("tone +", "t+:negated_insult", () => `${prev} ${raw}`);
      } else ev.add("tone -", "t-:insult", raw);
      continue;
    }

    if (kind === "strongAdjective" || kind === "mildAdjective") {
      const strong = kind === "strongAdjective";
      // "annoying customers" after "keep/stop/we're" is a verb: we burden them
      if (w === "annoying" && GERUND_PREV.has(prev)) continue;
      // "nervig für Kunden", "frustrating for users": empathy
      if (FOR_WORDS.has(next) && customerInClause(msg, i + 2, i + 4)) {
        ev.add("tone +", "t+:empathy", () => `${raw} ${next} …`);
        continue;
      }
      if (negated(msg, i)) {
        msg.negated[i] = true;
        if (strong) ev.add("tone +", "t+:negated_insult", () => `${prev} … ${raw}`);
        else ev.note("negation", "n:negated", () => `${prev} … ${raw}`);
        continue;
      }
      if (reportedOpinion(msg, i)) {
        ev.note("negation", "n:reported_opinion", raw);
        continue;
      }
      // attributive to another noun ("nervige Popups", "annoying bug") is not about people
      const thing =
        next !== "" &&
        !msg.customer[i + 1] &&
        (L.THING_NOUNS.has(next) || (isCapitalised(msg.raw[i + 1]!) && /\p{Ll}/u.test(msg.raw[i + 1]!)));
      if (thing && !strong) continue;
      ev.add("tone -", strong && !thing ? "t-:adj" : "t-:adj_mild", raw);
      continue;
    }

    // a disparaging verb
    if (negated(msg, i) || selfSubject(msg, i)) continue;
    if (TRANSITIVE_NEG.has(w) && customerInClause(msg, i + 1, clauseEnd(msg, i))) continue;
    ev.add("tone -", "t-:verb", raw);
  }

  // demonstrative distance before a customer word: "diese Kunden", "so ein Kunde", "such a client"
  for (let i = 0; i < n; i++) {
    if (!msg.customer[i]) continue;
    const p1 = i > 0 ? msg.w[i - 1]! : "";
    const p2 = i > 1 ? msg.w[i - 2]! : "";
    const p3 = i > 2 ? msg.w[i - 3]! : "";
    if (
      DEMONSTRATIVE.has(p1) ||
      (INDEF.has(p1) && (p2 === "so" || p2 === "such")) ||
      (DEMONSTRATIVE.has(p2) && !msg.punct[i - 1] && p1 !== "" && !INDEF.has(p1) && p2 !== "immer") ||
      (INDEF.has(p2) && (p3 === "so" || p3 === "such"))
    ) {
      ev.add("tone -", "t-:demonstrative", () => `${p2} ${p1} ${msg.raw[i]}`.trim());
      break;
    }
  }
}

const EMOJI_POSITIVE = 1;
const EMOJI_NEGATIVE = 2;
const EMOJI_MILD = 3;

/** Which emoji list a word is in, worked out once per word. */
function toneEmoji(f: WordFacts): number {
  let e = f.toneEmoji;
  if (e === undefined) {
    const w = f.word;
    e = L.POSITIVE_EMOJI.has(w)
      ? EMOJI_POSITIVE
      : L.NEG_EMOJI_STRONG.has(w)
        ? EMOJI_NEGATIVE
        : L.NEG_EMOJI_MILD.has(w) || T.MOCK_EMOJI.has(w)
          ? EMOJI_MILD
          : 0;
    f.toneEmoji = e;
  }
  return e;
}

/** Which tone word a word is (a hyphenated word with an insult in it is one), once per word. */
function toneKind(f: WordFacts): lexiconModule.ToneWordKind | null {
  let k = f.toneKind;
  if (k === undefined) {
    k = L.TONE_WORDS.get(f.word) ?? (f.flags & F_HYPHEN && f.parts!.some((p) => L.NEG_NOUN.test(p)) ? "insult" : null);
    f.toneKind = k;
  }
  return k;
}

/** The customers' own opinion ("Kunden finden den Prozess nervig"), not ours — unless we are
 * the ones finding it ("I find customers annoying"). */
function reportedOpinion(msg: Msg, i: number): boolean {
  for (let j = clauseStart(msg, i); j < i; j++) {
    if (OPINION_VERB.has(msg.w[j]!))
      return !SELF_SUBJECT.has(msg.w[j - 1] ?? "") && !SELF_SUBJECT.has(msg.w[j - 2] ?? "");
  }
  return false;
}

/** "Wir meckern", "we whine": complaining about ourselves is not contempt. */
function selfSubject(msg: Msg, i: number): boolean {
  for (let j = clauseStart(msg, i); j < i; j++) if (SELF_SUBJECT.has(msg.w[j]!)) return true;
  return false;
}

/** Framing over the whole message: ownership, defending, curiosity, respect; suspicion,
 * dismissal, stereotypes, resignation, irony, punishment, blame; quotes. */
function framingCues(msg: Msg, prepared: string, text: PersonText, ev: Evidence): void {
  for (const [re, family, feature] of FRAMING) {
    if (!FLAT_SCAN.may(re)) continue;
    const m = re.exec(text.flat);
    if (m) ev.add(family, feature, m[0].trim());
  }
  PREPARED_SCAN.scan(prepared);
  if (PREPARED_SCAN.may(L.NEGATIVE_EMOTICON) && L.NEGATIVE_EMOTICON.test(prepared))
    ev.add("tone -", "t-:emoji_mild", "emoticon");
  if (PREPARED_SCAN.may(L.POSITIVE_EMOTICON) && L.POSITIVE_EMOTICON.test(prepared))
    ev.add("tone +", "t+:emoji", "emoticon");
  const scare = PREPARED_SCAN.may(SCARE_QUOTE) ? SCARE_QUOTE.exec(prepared) : null;
  if (scare) ev.add("tone -", "t-:scare_quote", scare[0].trim());
  const quote = PREPARED_SCAN.may(LONG_QUOTE) ? LONG_QUOTE.exec(prepared) : null;
  if (quote && FLAT_SCAN.may(QUOTE_CONTEXT) && QUOTE_CONTEXT.test(text.flat)) ev.add("tone +", "t+:quote", quote[0]);
  if (msg.w.length > 0 && FLAT_SCAN.may(T.PROBLEM) && T.PROBLEM.test(text.flat))
    ev.add("tone -", "n:problem", () => T.PROBLEM.exec(text.flat)![0].trim());
}

const FRAMING: readonly [RegExp, "tone +" | "tone -", string][] = [
  [T.OWNERSHIP_OWN, "tone +", "t+:ownership"],
  [T.DEFENDS_CUSTOMER, "tone +", "t+:defend"],
  [T.CURIOSITY, "tone +", "t+:curiosity"],
  [T.RESPECT, "tone +", "t+:respect"],
  [T.SUSPICION, "tone -", "t-:suspicion"],
  [T.DISMISS, "tone -", "t-:dismiss"],
  [T.STEREOTYPE, "tone -", "t-:stereotype"],
  [T.RESIGNATION, "tone -", "t-:resignation"],
  [T.IRONY, "tone -", "t-:irony"],
  [T.PUNITIVE, "tone -", "t-:punitive"],
  [T.BLAME, "tone -", "t-:blame"],
  [T.LAUGHTER, "tone -", "t-:laughter"],
];

/** Which patterns can match the person text (its sentences are pieces of it) and the
 * prepared text of the message being classified: scanned once per message. */
const FLAT_SCAN = new TokenLiteralScan([
  ...FRAMING.map(([re]) => re),
  QUOTE_CONTEXT,
  T.PROBLEM,
  L.BAD_EVENT,
  L.NEG_PHRASE_STRONG,
  SARCASM,
  L.LONE_PRAISE,
  T.PROPOSAL_ANY,
  T.BENEFIT,
  T.BENEFICIARY,
  T.EMPATHY_STATE,
  L.BAD_METRIC_ABSENT,
  L.BAD_METRIC,
  L.GOOD_METRIC,
  L.DECREASE,
  L.INCREASE,
]);
const PREPARED_SCAN = new LiteralScan([L.NEGATIVE_EMOTICON, L.POSITIVE_EMOTICON, SCARE_QUOTE, LONG_QUOTE]);

/** Cues that belong to one sentence: sarcasm, proposals that give the customer something, care
 * for their state, customer metrics moving the right way, clipped or echoing sentences. */
function sentenceCues(msg: Msg, text: PersonText, ev: Evidence): void {
  const nSent = text.sentenceCount;
  const customerSentence = new Array<boolean>(nSent).fill(false);
  for (let i = 0; i < msg.w.length; i++) if (msg.customer[i]) customerSentence[msg.sent[i]!] = true;
  const gate = new SentenceGate(text);
  const badEvent = nSent > 1 && FLAT_SCAN.may(L.BAD_EVENT) && L.BAD_EVENT.test(text.flat);
  let disparaged = ev.count("t-:insult") + ev.count("t-:adj") + ev.count("t-:emoji") > 0;
  const shapes = sentenceShapes(msg, nSent);
  let staccato = 0;
  let longestStaccato = 0;
  let emphatic = false;
  for (let s = 0; s < nSent; s++) {
    // "Two. Pixels." / "Nie. Niemals.": clipped one- or two-word sentences in a row
    const clipped = shapes.count[s]! >= 1 && shapes.count[s]! <= 2 && shapes.fullStop[s] === 1;
    if (clipped) longestStaccato = Math.max(longestStaccato, ++staccato);
    else staccato = 0;
    if (clipped && s > 0 && shapes.count[s] === 1 && emphaticWord(msg, shapes.first[s]!)) emphatic = true;
    if (gate.test(L.NEG_PHRASE_STRONG, s)) {
      disparaged = true;
      ev.add("tone -", "t-:phrase", () => L.NEG_PHRASE_STRONG.exec(text.sentence(s))![0].trim());
    }
    // "Na toll, ..."; a lone "Great." after bad news
    if (
      gate.test(SARCASM, s) ||
      (nSent > 1 && FLAT_SCAN.may(L.LONE_PRAISE) && L.LONE_PRAISE.test(text.sentence(s)) && (disparaged || badEvent))
    ) {
      ev.add("tone -", "t-:sarcasm", () => (SARCASM.exec(text.sentence(s))?.[0] ?? text.sentence(s)).trim());
      continue;
    }
    // a proposal that gives the customer something ("Können wir ihr ... ermöglichen?")
    const proposal = gate.test(T.PROPOSAL_ANY, s) ? T.PROPOSAL_ANY.exec(text.sentence(s)) : null;
    if (
      proposal &&
      gate.test(T.BENEFIT, s) &&
      (customerSentence[s] || (FLAT_SCAN.may(T.BENEFICIARY) && T.BENEFICIARY.test(text.sentence(s))))
    ) {
      ev.add(
        "tone +",
        "t+:accommodate",
        () => `${proposal[0].trim()} … ${T.BENEFIT.exec(text.sentence(s))![0].trim()}`,
      );
    }
    if (gate.test(T.EMPATHY_STATE, s) && (proposal || customerSentence[s])) {
      ev.add("tone +", "t+:care", () => T.EMPATHY_STATE.exec(text.sentence(s))![0].trim());
    }
    if (gate.test(L.BAD_METRIC_ABSENT, s))
      ev.add("tone +", "t+:metric", () => L.BAD_METRIC_ABSENT.exec(text.sentence(s))![0].trim());
    else if (gate.test(L.BAD_METRIC, s) && FLAT_SCAN.may(L.DECREASE) && L.DECREASE.test(text.sentence(s)))
      ev.add("tone +", "t+:metric", () => L.DECREASE.exec(text.sentence(s))![0].trim());
    if (gate.test(L.GOOD_METRIC, s) && FLAT_SCAN.may(L.INCREASE) && L.INCREASE.test(text.sentence(s)))
      ev.add("tone +", "t+:metric", () => L.INCREASE.exec(text.sentence(s))![0].trim());
  }
  if (longestStaccato >= 2 || emphatic) ev.add("tone -", "t-:staccato", "clipped or echoing sentences");
}
