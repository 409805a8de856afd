// The interfaces every job reaches the outside through: time, logs, a message a platform
// accepted, how a failed delivery is classified, and the scheduler's lease. Each job keeps
// its own ports next to it (checkins/ports.ts, suggestions/ports.ts, presence/ports.ts,
// identity/ports.ts); adapters implement them, storage in src/storage, delivery in src/bots.

export interface MessageRef {
  channelRef: string;
  messageRef: string;
}

/** Time-limited ownership of scheduled work, so only one replica runs it at a time. */
export interface LeaseStore {
  /** Takes or renews `name` for `holder` until now + ttl; false while someone else holds it. */
  tryAcquire(name: string, holder: string, ttlMs: number, now: Date): Promise<boolean>;
  release(name: string, holder: string): Promise<void>;
}

/**
 * What a platform's rate limit applies to: the one conversation the send went to (Slack's
 * chat.postMessage per channel, the Teams connector per conversation), or the method itself
 * in that workspace (Slack's tiered methods such as conversations.history).
 */
export type RateLimitScope = "conversation" | "method";

/** A failed delivery, classified so the outbox knows whether and when to try again. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly options: {
      permanent?: boolean;
      retryAfterMs?: number;
      /** With retryAfterMs: what has to wait; "conversation" when absent. */
      limitedPer?: RateLimitScope;
    } = {},
  ) {
    super(message);
    this.name = "DeliveryError";
  }
}

export type Clock = () => Date;

export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}
