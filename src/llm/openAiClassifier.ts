// Customer-presence classification by an OpenAI-compatible LLM. Messages go out in batches
// (config.batchSize per request, keyed by index), the answer is structured JSON that is
// validated item by item before use. Use it through createLlmClassifier, which puts the
// built-in classifier behind it for every batch that fails. Nothing here logs; message text
// leaves the process only in the request body.
import type { PresenceClassifier, PresenceVerdict, Tone } from "../core/presence/classifier.js";
import { ClassifierFailure, withFallback } from "../core/presence/fallback.js";
import { TermMatcher } from "../core/presence/vocabulary.js";
import { JsonChat, type JsonSchema, type LlmOptions, type TokenUsage } from "./chat.js";
import type { OpenAiConfig } from "./config.js";
import { classifierSystemPrompt } from "./prompts.js";

/** Longer messages are cut for the LLM: the start decides the labels, the rest only costs tokens. */
export const MAX_CHARS_PER_MESSAGE = 2_000;

const TONES: readonly (Tone | null)[] = ["positive", "neutral", "negative", null];

const RESULT_SCHEMA: JsonSchema = {
  name: "presence_results",
  schema: {
    type: "object",
    additionalProperties: false,
    required: ["results"],
    properties: {
      results: {
        type: "array",
        items: {
          type: "object",
          additionalProperties: false,
          required: ["i", "customer", "tone"],
          properties: {
            i: { type: "integer" },
            customer: { type: "boolean" },
            tone: { type: ["string", "null"], enum: TONES },
          },
        },
      },
    },
  },
};

/**
 * The verdicts in `answer` for `count` messages, in message order. Throws ClassifierFailure
 * (naming the position, never the text) unless there is exactly one well-formed result per
 * index. A non-customer result that still carries a tone is taken as non-customer; a customer
 * result without a tone is invalid.
 */
export function parseResults(answer: unknown, count: number): PresenceVerdict[] {
  const results =
    typeof answer === "object" && answer !== null ? (answer as Record<string, unknown>).results : undefined;
  if (!Array.isArray(results)) throw new ClassifierFailure("invalid response: no results array");
  if (results.length !== count)
    throw new ClassifierFailure(`invalid response: ${results.length} results for ${count} messages`);
  const verdicts = new Array<PresenceVerdict | undefined>(count);
  results.forEach((item: unknown, k) => {
    const fail = (what: string): never => {
      throw new ClassifierFailure(`invalid response: results[${k}] ${what}`);
    };
    if (typeof item !== "object" || item === null) fail("is not an object");
    const { i, customer, tone } = item as Record<string, unknown>;
    if (typeof i !== "number" || !Number.isInteger(i) || i < 0 || i >= count) fail("has no valid index i");
    const index = i as number;
    if (verdicts[index]) fail("repeats an index");
    if (typeof customer !== "boolean") fail("has no boolean customer");
    if (!TONES.includes(tone as Tone | null)) fail("has an unknown tone");
    if (customer && tone === null) fail("is a customer without a tone");
    verdicts[index] = customer ? { customer: true, tone: tone as Tone } : { customer: false, tone: null };
  });
  return verdicts as PresenceVerdict[];
}

/** The workspace's vocabulary, as the built-in classifier gets it. */
export interface LlmVocabulary {
  industry?: string | null;
  terms?: readonly string[];
}

/** Own terms named in one request at most: those found in the batch, so thousands of account names never go out at once. */
export const MAX_TERMS_PER_REQUEST = 100;

const WORD_RE = /[\p{L}\p{N}]+(?:['\-&.][\p{L}\p{N}]+)*/gu;

/**
 * The workspace terms that occur in these texts (on word boundaries, case-insensitively). Only
 * they go into the prompt: the texts are in the request anyway, so naming the terms found in
 * them reveals no other account name, and the prompt stays small with any number of terms.
 */
export function termsInTexts(matcher: TermMatcher, texts: readonly string[], limit = MAX_TERMS_PER_REQUEST): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    const words = [...text.replace(/[’‘´]/g, "'").matchAll(WORD_RE)].map((m) => m[0].toLowerCase());
    matcher.scan(words, new Array<boolean>(words.length).fill(false), (_from, _to, term) => found.add(term));
    if (found.size >= limit) break;
  }
  return [...found].slice(0, limit);
}

export class OpenAiClassifier implements PresenceClassifier {
  readonly name = "llm";
  private readonly chat: JsonChat;
  private readonly terms: TermMatcher | null;
  private readonly industry: string | null;

  constructor(
    private readonly config: OpenAiConfig,
    options: LlmOptions & { vocabulary?: LlmVocabulary } = {},
  ) {
    this.chat = new JsonChat(config, options);
    const terms = options.vocabulary?.terms ?? [];
    this.terms = terms.length ? new TermMatcher(terms) : null;
    this.industry = options.vocabulary?.industry ?? null;
  }

  /** Tokens used so far, summed over all requests. */
  usage(): TokenUsage {
    return this.chat.usage();
  }

  /** One request per config.batchSize texts, in sequence; throws ClassifierFailure if any fails. */
  async classify(texts: readonly string[]): Promise<PresenceVerdict[]> {
    const verdicts: PresenceVerdict[] = [];
    for (let start = 0; start < texts.length; start += this.config.batchSize) {
      verdicts.push(...(await this.classifyBatch(texts.slice(start, start + this.config.batchSize))));
    }
    return verdicts;
  }

  private async classifyBatch(texts: readonly string[]): Promise<PresenceVerdict[]> {
    const messages = texts.map((text, i) => ({ i, text: text.slice(0, MAX_CHARS_PER_MESSAGE) }));
    const terms = this.terms
      ? termsInTexts(
          this.terms,
          messages.map((m) => m.text),
        )
      : [];
    const system = classifierSystemPrompt({ industry: this.industry, terms });
    const answer = await this.chat.request(system, JSON.stringify({ messages }), RESULT_SCHEMA);
    return parseResults(answer, texts.length);
  }
}

export interface LlmClassifier extends PresenceClassifier {
  usage(): TokenUsage;
}

export interface LlmClassifierOptions extends LlmOptions {
  /** Requests in flight at the same time. Default 2. */
  concurrency?: number;
  /** The workspace's industry preset and own terms, for the prompt. */
  vocabulary?: LlmVocabulary;
}

/**
 * The LLM classifier with `builtin` taking over each batch it fails on (error, timeout,
 * invalid answer); `onFallback(reason, count)` is told each time. Never fails itself.
 */
export function createLlmClassifier(
  config: OpenAiConfig,
  builtin: PresenceClassifier,
  onFallback?: (reason: string, count: number) => void,
  options: LlmClassifierOptions = {},
): LlmClassifier {
  const llm = new OpenAiClassifier(config, options);
  const classifier = withFallback(llm, builtin, onFallback, {
    chunkSize: config.batchSize,
    concurrency: options.concurrency ?? 2,
  });
  return { name: classifier.name, classify: (texts) => classifier.classify(texts), usage: () => llm.usage() };
}
