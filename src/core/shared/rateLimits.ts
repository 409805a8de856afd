// Rate limits while a wave of sends is under way: a 429 holds back only what its limit applies
// to (one conversation, or one method in one workspace) until its Retry-After has passed;
// every other send goes on. The holds live for one pass (a clock tick); what cannot wait that
// long is recorded with its next attempt time instead (retryDecision).
import type { RateLimitScope } from "./ports.js";

/** Real time for waits inside a pass (the injected Clock is the domain's time and may stand still). */
export interface Timer {
  /** Milliseconds on a monotonic scale. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realTimer: Timer = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

/** The keys a send is held back by: its own conversation, and the method it calls in its workspace. */
export function rateLimitKeys(workspaceId: string, conversation: string, method: string): string[] {
  return [`${workspaceId}|conversation|${conversation}`, `${workspaceId}|method|${method}`];
}

/** The one key a 429 holds back, by what its limit applies to. */
export function heldKey(
  scope: RateLimitScope | undefined,
  workspaceId: string,
  conversation: string,
  method: string,
): string {
  const [byConversation, byMethod] = rateLimitKeys(workspaceId, conversation, method);
  return scope === "method" ? byMethod! : byConversation!;
}

export class RateLimitHolds {
  private readonly until = new Map<string, number>();

  /** Nothing under `key` goes out before `untilMs` (a later hold extends, an earlier one does not shorten). */
  hold(key: string, untilMs: number): void {
    this.until.set(key, Math.max(untilMs, this.until.get(key) ?? 0));
  }

  /** When a send under all of `keys` may go out (0 when none of them is held). */
  freeAt(keys: string[]): number {
    let at = 0;
    for (const key of keys) at = Math.max(at, this.until.get(key) ?? 0);
    return at;
  }
}
