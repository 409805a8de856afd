// The one way out to the Bot Connector for proactive sends and card updates: transient answers
// (429 throttled, 412 concurrent update, 502/504 gateway trouble) are retried here with
// jittered exponential backoff, honouring Retry-After; after a few tries we give up cleanly with
// a DeliveryError and let the core's outbox reschedule. 403/404 mean the app is gone for that
// person: permanent, never retried. The SDK's own retry policy is switched off (see
// withoutSdkRetries) so that these rules are the only ones in play.
import { DeliveryError } from "../../core/shared/ports.js";

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  /** A Retry-After longer than this is not waited out in-process; the outbox takes over. */
  maxDelayMs: number;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 4, baseDelayMs: 500, maxDelayMs: 15_000 };

const TRANSIENT = new Set([412, 429, 502, 504]);
const GONE = new Set([403, 404]);

interface ConnectorFailure {
  status: number | null;
  retryAfterMs: number | null;
  code: string | null;
}

/** Status, Retry-After and error code from whatever the connector client threw. */
function describeFailure(error: unknown): ConnectorFailure {
  const e = error as {
    statusCode?: number;
    status?: number;
    code?: string;
    response?: { status?: number; headers?: { get?(name: string): string | undefined } | Record<string, string> };
  };
  const status = e?.statusCode ?? e?.response?.status ?? e?.status ?? null;
  const headers = e?.response?.headers;
  const raw =
    headers && typeof (headers as { get?: unknown }).get === "function"
      ? (headers as { get(name: string): string | undefined }).get("retry-after")
      : (headers as Record<string, string> | undefined)?.["retry-after"];
  return {
    status: typeof status === "number" ? status : null,
    retryAfterMs: parseRetryAfter(raw),
    code: typeof e?.code === "string" ? e.code : null,
  };
}

/** Retry-After is either seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined | null, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** 403/404 from the connector: the person removed the app (or left); only a reinstall helps. */
export class ConversationGoneError extends DeliveryError {
  constructor(message: string) {
    super(message, { permanent: true });
    this.name = "ConversationGoneError";
  }
}

function jittered(ms: number): number {
  return Math.round(ms * (0.75 + Math.random() * 0.5));
}

/**
 * Runs `call` (one connector request) under the retry policy. `what` names the operation for
 * logs and errors; it never contains message text.
 */
export async function withDeliveryRetries<T>(
  what: string,
  call: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<T> {
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const failure = describeFailure(error);
      if (failure.status !== null && GONE.has(failure.status)) {
        throw new ConversationGoneError(`teams: ${what} answered ${failure.status} (app removed for this person)`);
      }
      const transient = failure.status !== null ? TRANSIENT.has(failure.status) : isNetworkError(failure.code);
      const backoff = jittered(policy.baseDelayMs * 2 ** (attempt - 1));
      const wait = Math.max(failure.retryAfterMs ?? 0, backoff);
      const label =
        failure.status !== null ? `HTTP ${failure.status}` : (failure.code ?? (error as Error)?.message ?? "error");
      if (!transient) {
        // 400/401 and friends will not heal by themselves soon; the outbox decides whether to try again later.
        throw new DeliveryError(`teams: ${what} failed with ${label}`, { permanent: failure.status === 400 });
      }
      if (attempt >= policy.attempts || wait > policy.maxDelayMs) {
        throw new DeliveryError(`teams: ${what} still failing with ${label} after ${attempt} attempt(s)`, {
          retryAfterMs: failure.retryAfterMs ?? undefined,
        });
      }
      await sleep(wait);
    }
  }
}

function isNetworkError(code: string | null): boolean {
  return code === "ECONNRESET" || code === "ECONNREFUSED" || code === "ETIMEDOUT" || code === "REQUEST_SEND_ERROR";
}
