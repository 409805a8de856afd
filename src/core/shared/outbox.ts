// The outbox: messages that must go out are recorded first, then delivered by kind-specific
// handlers with the shared retry policy. Enqueueing twice with the same key is a no-op.
// Each message is posted tagged with its entry id; an entry whose sender died mid-send is
// looked up by that tag before it is posted again, where the platform can tell.
import type { Workspace } from "./model.js";
import type { Clock, Logger, MessageRef } from "./ports.js";
import { asDeliveryError, laterOf, retryDecision, runPool } from "./retry.js";

export interface OutboxEntry {
  id: string;
  workspaceId: string;
  kind: string;
  subjectId: string;
  recipient: string;
  attempts: number;
  /** An earlier claim ran out without an outcome: its sender may have delivered before it died. */
  interrupted: boolean;
  createdAt: Date;
}

export interface NewOutboxEntry {
  workspaceId: string;
  kind: string;
  subjectId: string;
  recipient: string;
  /** Identifies the one effect this message stands for, e.g. "answer:<suggestion>:<status>". */
  dedupeKey: string;
  /** Not delivered before this instant (a reminder due tomorrow); now when absent. */
  notBefore?: Date;
}

export interface OutboxStore {
  enqueue(entries: (NewOutboxEntry & { createdAt: Date; nextAttemptAt: Date })[]): Promise<number>;
  claimDue(now: Date, limit: number, leaseMs: number): Promise<OutboxEntry[]>;
  markSent(id: string, at: Date): Promise<void>;
  markFailedAttempt(id: string, attempts: number, nextAttemptAt: Date, reason: string, giveUp: boolean): Promise<void>;
  /** Frees an interrupted entry until `nextAttemptAt` without counting an attempt; it stays interrupted. */
  postpone(id: string, nextAttemptAt: Date, reason: string): Promise<void>;
  getWorkspace(id: string): Promise<Workspace | null>;
  /** Removes the entry with this key, so the same effect can be queued afresh later. */
  forget(dedupeKey: string): Promise<void>;
}

/**
 * How a platform finds a message it posted for an outbox entry (Slack: by message metadata).
 * Without findSent, an interrupted entry is sent again: a rare double beats a lost message.
 */
export interface SentLookup {
  /** `conversation` is the entry's recipient; `since` is before any attempt of the entry. */
  findSent?(workspace: Workspace, conversation: string, tag: string, since: Date): Promise<MessageRef | null>;
}

/** Posts the entry's message, tagged with `tag`, unless an interrupted attempt already did (then: where that is). */
export type SendOnce = <T>(lookup: SentLookup, post: (tag: string) => Promise<T>) => Promise<T | MessageRef>;

export type OutboxHandler = (entry: OutboxEntry, workspace: Workspace, once: SendOnce) => Promise<void>;

/** Platform and our clock may disagree a little; the lookup starts this much earlier. */
const CLOCK_SKEW_MS = 60_000;

/** The lookup itself was rate-limited: try the entry again when allowed, still interrupted. */
class LookupDeferred extends Error {
  constructor(
    readonly retryAfterMs: number,
    reason: string,
  ) {
    super(reason);
  }
}

export class Outbox {
  private readonly handlers = new Map<string, OutboxHandler>();

  constructor(
    private readonly store: OutboxStore,
    private readonly clock: Clock,
    private readonly logger: Logger,
    /** How long a claimed entry stays with its sender before another may take it over. */
    private readonly leaseMs = 2 * 60_000,
  ) {}

  handle(kind: string, handler: OutboxHandler): void {
    this.handlers.set(kind, handler);
  }

  async enqueue(...entries: NewOutboxEntry[]): Promise<number> {
    const now = this.clock();
    // On our clock, like every time the lookup after a crash compares with the platform's.
    return this.store.enqueue(
      entries.map(({ notBefore, ...entry }) => ({ ...entry, createdAt: now, nextAttemptAt: notBefore ?? now })),
    );
  }

  async forget(dedupeKey: string): Promise<void> {
    await this.store.forget(dedupeKey);
  }

  /** Starts delivering without waiting for it (e.g. inside a platform request); failures are logged and retried by the clock. */
  kick(): void {
    this.deliverDue().catch((error: Error) =>
      this.logger.warn({ reason: error.message }, "outbox delivery failed; the clock retries"),
    );
  }

  async deliverDue(now = this.clock()): Promise<{ sent: number; retrying: number; failed: number }> {
    const report = { sent: 0, retrying: 0, failed: 0 };
    for (;;) {
      const at = laterOf(now, this.clock()); // fresh claims for every batch of a long run
      const batch = await this.store.claimDue(at, 100, this.leaseMs);
      if (batch.length === 0) return report;
      await runPool(batch, 4, async (entry) => {
        report[await this.deliver(entry, at)]++;
      });
    }
  }

  private async deliver(entry: OutboxEntry, now: Date): Promise<"sent" | "retrying" | "failed"> {
    const attempts = entry.attempts + 1;
    try {
      const handler = this.handlers.get(entry.kind);
      const workspace = await this.store.getWorkspace(entry.workspaceId);
      if (!handler || !workspace) throw new Error(`no handler for ${entry.kind} on this installation`);
      await handler(entry, workspace, async <T>(lookup: SentLookup, post: (tag: string) => Promise<T>) => {
        const earlier = entry.interrupted ? await this.findSent(entry, workspace, lookup) : null;
        return earlier ?? post(entry.id);
      });
      await this.store.markSent(entry.id, now);
      return "sent";
    } catch (error) {
      if (error instanceof LookupDeferred) {
        const nextAttemptAt = new Date(now.getTime() + error.retryAfterMs);
        await this.store.postpone(entry.id, nextAttemptAt, error.message);
        this.logger.warn(
          { outboxId: entry.id, kind: entry.kind, nextAttemptAt },
          "looking up an interrupted send was rate-limited; trying again later",
        );
        return "retrying";
      }
      const decision = retryDecision(error, attempts, now);
      await this.store.markFailedAttempt(entry.id, attempts, decision.nextAttemptAt, decision.reason, decision.giveUp);
      this.logger.warn(
        { outboxId: entry.id, kind: entry.kind, attempts, giveUp: decision.giveUp, reason: decision.reason },
        "outbox delivery failed",
      );
      return decision.giveUp ? "failed" : "retrying";
    }
  }

  /** The message an interrupted attempt delivered, if the platform can find it; null means send. */
  private async findSent(entry: OutboxEntry, workspace: Workspace, lookup: SentLookup): Promise<MessageRef | null> {
    const log = { outboxId: entry.id, kind: entry.kind };
    if (!lookup.findSent) {
      this.logger.info(
        log,
        "an interrupted send may have been delivered, and this platform cannot tell; sending it again",
      );
      return null;
    }
    try {
      const earlier = await lookup.findSent(
        workspace,
        entry.recipient,
        entry.id,
        new Date(entry.createdAt.getTime() - CLOCK_SKEW_MS),
      );
      if (earlier)
        this.logger.info(log, "an interrupted send had been delivered; recording it instead of sending again");
      return earlier;
    } catch (error) {
      const failure = asDeliveryError(error);
      if (failure.options.retryAfterMs !== undefined)
        throw new LookupDeferred(failure.options.retryAfterMs, failure.message);
      // A lookup that cannot work (no access to the conversation, say) must not cost the message.
      this.logger.warn(
        { ...log, reason: failure.message },
        "could not check whether an interrupted send was delivered; sending it",
      );
      return null;
    }
  }
}
