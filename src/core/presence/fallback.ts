// A classifier that cannot fail: whatever goes wrong with the primary (it throws, answers
// with the wrong number of verdicts, or with a verdict that breaks the PresenceVerdict rules),
// that chunk of texts is classified by the fallback instead. Used to put the optional LLM
// classifier in front of the built-in one.

import type { PresenceClassifier, PresenceVerdict } from "./classifier.js";

/**
 * A classifier failure whose message is safe to log and to show to an admin: it never
 * contains message text. Primaries that want a precise fallback reason throw this; any other
 * error is reported by its name only.
 */
export class ClassifierFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ClassifierFailure";
  }
}

export interface FallbackOptions {
  /** Texts per primary call; each chunk succeeds or falls back on its own. Default: all texts in one call. */
  chunkSize?: number;
  /** Primary calls in flight at the same time (chunks keep their order). Default 1. */
  concurrency?: number;
}

const TONES: ReadonlySet<unknown> = new Set(["positive", "neutral", "negative"]);

/** `tone` is null exactly when `customer` is false. */
export function isValidVerdict(value: unknown): value is PresenceVerdict {
  if (typeof value !== "object" || value === null) return false;
  const { customer, tone } = value as Record<string, unknown>;
  if (customer === true) return TONES.has(tone);
  return customer === false && tone === null;
}

/** Why `verdicts` is not a valid answer for `count` texts, or null when it is. */
function problemWith(verdicts: unknown, count: number): string | null {
  if (!Array.isArray(verdicts)) return "returned no list of verdicts";
  if (verdicts.length !== count) return `returned ${verdicts.length} verdicts for ${count} texts`;
  const bad = verdicts.findIndex((v) => !isValidVerdict(v));
  return bad >= 0 ? `returned an invalid verdict at position ${bad}` : null;
}

function describe(error: unknown): string {
  if (error instanceof ClassifierFailure) return error.message;
  return `failed (${error instanceof Error ? error.name : typeof error})`;
}

/** Fresh objects without extra properties, so callers never share or store anything else. */
function copy(verdicts: readonly PresenceVerdict[]): PresenceVerdict[] {
  return verdicts.map((v) => ({ customer: v.customer, tone: v.tone }));
}

async function mapInOrder<T, R>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/**
 * `primary`, with `fallback` taking over every chunk the primary fails on. The result always
 * has one valid verdict per text, in order. `onFallback(reason, count)` is told each time
 * (`reason` never contains message text; an exception thrown by it is ignored). Only when the
 * fallback itself fails is an error thrown.
 */
export function withFallback(
  primary: PresenceClassifier,
  fallback: PresenceClassifier,
  onFallback?: (reason: string, count: number) => void,
  options: FallbackOptions = {},
): PresenceClassifier {
  const chunkSize = Math.max(1, Math.floor(options.chunkSize ?? Number.POSITIVE_INFINITY));
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));

  const classifyChunk = async (texts: readonly string[]): Promise<PresenceVerdict[]> => {
    let reason: string;
    try {
      const verdicts = await primary.classify(texts);
      const problem = problemWith(verdicts, texts.length);
      if (problem === null) return copy(verdicts);
      reason = `${primary.name}: ${problem}`;
    } catch (error) {
      reason = `${primary.name}: ${describe(error)}`;
    }
    try {
      onFallback?.(reason, texts.length);
    } catch {
      // a broken listener must not cost the verdicts
    }
    const verdicts = await fallback.classify(texts);
    const problem = problemWith(verdicts, texts.length);
    if (problem !== null) throw new ClassifierFailure(`${fallback.name} (fallback): ${problem}`);
    return copy(verdicts);
  };

  return {
    name: primary.name,
    async classify(texts: readonly string[]): Promise<PresenceVerdict[]> {
      if (texts.length === 0) return [];
      const chunks: (readonly string[])[] = [];
      for (let i = 0; i < texts.length; i += Math.min(chunkSize, texts.length))
        chunks.push(texts.slice(i, i + chunkSize));
      return (await mapInOrder(chunks, concurrency, classifyChunk)).flat();
    },
  };
}
