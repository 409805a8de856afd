// Shared delivery policy for everything that must go out: exponential backoff with jitter,
// Retry-After honoured, permanent failures given up at once.
import { DeliveryError } from "./ports.js";

const BASE_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 60 * 60_000;
export const MAX_ATTEMPTS = 8;

export interface RetryDecision {
  giveUp: boolean;
  nextAttemptAt: Date;
  reason: string;
}

export function asDeliveryError(error: unknown): DeliveryError {
  return error instanceof DeliveryError ? error : new DeliveryError(String((error as Error)?.message ?? error));
}

/** What to do after attempt number `attempts` (1-based) failed with `error`. */
export function retryDecision(error: unknown, attempts: number, now: Date, maxAttempts = MAX_ATTEMPTS): RetryDecision {
  const delivery = asDeliveryError(error);
  const giveUp = Boolean(delivery.options.permanent) || attempts >= maxAttempts;
  // A platform that says when to come back (429 Retry-After) is taken at its word, plus a little
  // jitter so a crowd of retries does not return in the same instant; otherwise back off.
  const retryAfter = delivery.options.retryAfterMs;
  const wait =
    retryAfter !== undefined
      ? retryAfter + Math.random() * 1000
      : Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (attempts - 1)) * (0.75 + Math.random() * 0.5);
  return { giveUp, nextAttemptAt: new Date(now.getTime() + wait), reason: delivery.message.slice(0, 500) };
}

/** Runs `work` over `items` with at most `size` in flight. */
export async function runPool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

export function laterOf(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}
