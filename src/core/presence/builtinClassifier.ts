// Built-in, dependency-free customer-presence classifier for German and English team chat.
//
// Pipeline for one message:
//  1. text.ts: prepare (hide code and URLs, normalise gender forms) and tokenise;
//  2. customerCues.ts: customer words of every trade, workspace terms and industry-preset
//     words, named customers, metrics and service situations, and the false friends around
//     them;
//  3. a linear model (presenceWeights.ts, trained on corpus/presence by
//     scripts/train-presence.ts) weighs those cues together with the message's words, in
//     which customer words are generalised to "<c>", and decides "about customers?";
//  4. only then toneCues.ts: appreciative and disparaging cues, by words and by framing,
//     with negation; the same model scores positive, neutral and negative.
// Pure, synchronous and deterministic; the text lives only in memory for the duration of the
// call. Each step is a bounded number of passes over the (length-capped) text.
import type { PresenceClassifier, PresenceVerdict, Tone } from "./classifier.js";
import { type CustomerFindings, findCustomerCues, type VocabularyContext } from "./customerCues.js";
import { Evidence, type Note } from "./evidence.js";
import { emitCues, emitWords, isCustomerCue } from "./features.js";
import { decodeModel, Scorer, sigmoid, type TraceEntry } from "./linearModel.js";
import { PRESENCE_WEIGHTS } from "./presenceWeights.js";
import { type Msg, prepare, tokenize } from "./text.js";
import { findToneCues } from "./toneCues.js";
import { type IndustryPreset, NO_TERMS, TermMatcher } from "./vocabulary.js";

export interface BuiltinClassifierOptions {
  /** Switches on the customer words of one trade (Besucher, Händler, players...). */
  industry?: IndustryPreset;
  /** The workspace's own customer words and account names; matched case-insensitively on
   * word boundaries. */
  terms?: readonly string[];
}

/** One feature's share in a decision, for --explain. */
export interface Contribution {
  feature: string;
  /** Added to the customer logit. */
  customer: number;
  /** Added to the chosen tone's score minus the best other tone's. */
  tone: number;
}

export interface Explanation {
  verdict: PresenceVerdict;
  /** The cues the rules found, in order. */
  notes: Note[];
  /** Probability that the message is about customers. */
  customerProbability: number;
  /** Softmax over the tone scores (empty when not about customers). */
  toneProbabilities: Partial<Record<Tone, number>>;
  /** The features that moved the decision most, largest first. */
  contributions: Contribution[];
}

export interface BuiltinClassifier extends PresenceClassifier {
  classifyMessage(text: string): PresenceVerdict;
  explain(text: string): Explanation;
}

const TONES: readonly Tone[] = ["positive", "neutral", "negative"];
const MODEL = decodeModel(PRESENCE_WEIGHTS.join("\n"));

export interface Analysis {
  msg: Msg;
  prepared: string;
  ev: Evidence;
  found: CustomerFindings;
}

const DEFAULT_VOCABULARY: VocabularyContext = { industry: undefined, terms: NO_TERMS };

/** Tokens and customer cues of one message (null for an empty one). */
export function analyseCustomer(
  text: string,
  vocab: VocabularyContext = DEFAULT_VOCABULARY,
  explain = false,
): Analysis | null {
  if (!text?.trim()) return null;
  const prepared = prepare(text, vocab.terms);
  const msg = tokenize(prepared);
  const ev = new Evidence(explain);
  const found = findCustomerCues(msg, prepared, vocab, ev);
  return { msg, prepared, ev, found };
}

/** Adds the tone cues to an analysis (only worth it once the message is about customers). */
export function addToneCues(a: Analysis): void {
  findToneCues(a.msg, a.prepared, a.found.disparagingWords, a.found.appreciativeWords, a.ev);
}

const isToneCue = (name: string): boolean => !isCustomerCue(name);

interface Decision {
  verdict: PresenceVerdict;
  scores: readonly number[];
}

function decide(a: Analysis, trace?: TraceEntry[]): Decision {
  const scorer = new Scorer(MODEL, trace);
  emitCues(a.ev, scorer, isCustomerCue);
  emitWords(a.msg, scorer);
  if (scorer.scores[0]! <= 0) return { verdict: { customer: false, tone: null }, scores: scorer.scores };
  addToneCues(a);
  emitCues(a.ev, scorer, isToneCue);
  if (a.msg.negated.includes(true)) emitWords(a.msg, { word: (w) => scorer.removeTone(w) }, "negated");
  let best = 1;
  for (let k = 2; k <= 3; k++) if (scorer.scores[k]! > scorer.scores[best]!) best = k;
  return { verdict: { customer: true, tone: TONES[best - 1]! }, scores: scorer.scores };
}

function explainDecision(a: Analysis | null): Explanation {
  if (!a)
    return {
      verdict: { customer: false, tone: null },
      notes: [],
      customerProbability: 0,
      toneProbabilities: {},
      contributions: [],
    };
  const trace: TraceEntry[] = [];
  const { verdict, scores } = decide(a, trace);
  const toneProbabilities: Partial<Record<Tone, number>> = {};
  let chosen = 0;
  let runnerUp = 0;
  if (verdict.customer) {
    const max = Math.max(scores[1]!, scores[2]!, scores[3]!);
    const exp = [1, 2, 3].map((k) => Math.exp(scores[k]! - max));
    const sum = exp.reduce((x, y) => x + y, 0);
    for (const [k, t] of TONES.entries()) toneProbabilities[t] = exp[k]! / sum;
    chosen = TONES.indexOf(verdict.tone!) + 1;
    runnerUp = [1, 2, 3].filter((k) => k !== chosen).reduce((x, y) => (scores[x]! >= scores[y]! ? x : y));
  }
  const contributions = trace
    .map(({ feature, value, weights }) => ({
      feature,
      customer: value * weights[0]!,
      tone: chosen ? value * (weights[chosen]! - weights[runnerUp]!) : 0,
    }))
    .sort(
      (x, y) => Math.max(Math.abs(y.customer), Math.abs(y.tone)) - Math.max(Math.abs(x.customer), Math.abs(x.tone)),
    );
  return {
    verdict,
    notes: a.ev.notes ?? [],
    customerProbability: sigmoid(scores[0]!),
    toneProbabilities,
    contributions,
  };
}

export function createBuiltinClassifier(options: BuiltinClassifierOptions = {}): BuiltinClassifier {
  const vocab: VocabularyContext = {
    industry: options.industry,
    terms: options.terms && options.terms.length > 0 ? new TermMatcher(options.terms) : NO_TERMS,
  };
  const classifyOne = (text: string): PresenceVerdict => {
    const a = analyseCustomer(text, vocab);
    return a ? decide(a).verdict : { customer: false, tone: null };
  };
  return {
    name: "builtin",
    classify(texts: readonly string[]): Promise<PresenceVerdict[]> {
      return Promise.resolve(texts.map(classifyOne));
    },
    classifyMessage: classifyOne,
    explain: (text: string): Explanation => explainDecision(analyseCustomer(text, vocab, true)),
  };
}

/** The default instance: no industry preset, no workspace terms. */
export const builtinClassifier: BuiltinClassifier = createBuiltinClassifier();

/** Classifies one message with the default instance. Pure and synchronous. */
export function classifyMessage(text: string): PresenceVerdict {
  return builtinClassifier.classifyMessage(text);
}
