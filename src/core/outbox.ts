// The outbox: messages that must go out are recorded first, then delivered by kind-specific
// handlers with the shared retry policy. Enqueueing twice with the same key is a no-op.
import type { Workspace } from "./model.js";
import type { Clock, Logger } from "./ports.js";
import { laterOf, retryDecision, runPool } from "./retry.js";

export interface OutboxEntry {
  id: string;
  workspaceId: string;
  kind: string;
  subjectId: string;
  recipient: string;
  attempts: number;
}

export interface NewOutboxEntry {
  workspaceId: string;
  kind: string;
  subjectId: string;
  recipient: string;
  /** Identifies the one effect this message stands for, e.g. "answer:<suggestion>:<status>". */
  dedupeKey: string;
}

export interface OutboxStore {
  enqueue(entries: (NewOutboxEntry & { nextAttemptAt: Date })[]): Promise<number>;
  claimDue(now: Date, limit: number, leaseMs: number): Promise<OutboxEntry[]>;
  markSent(id: string, at: Date): Promise<void>;
  markFailedAttempt(id: string, attempts: number, nextAttemptAt: Date, reason: string, giveUp: boolean): Promise<void>;
  getWorkspace(id: string): Promise<Workspace | null>;
  /** Removes the entry with this key, so the same effect can be queued afresh later. */
  forget(dedupeKey: string): Promise<void>;
}

export type OutboxHandler = (entry: OutboxEntry, workspace: Workspace) => Promise<void>;

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
    return this.store.enqueue(entries.map((entry) => ({ ...entry, nextAttemptAt: now })));
  }

  async forget(dedupeKey: string): Promise<void> {
    await this.store.forget(dedupeKey);
  }

  /** Starts delivering without waiting for it (e.g. inside a platform request); failures are logged and retried by the clock. */
  kick(): void {
    this.deliverDue().catch((error: Error) => this.logger.warn({ reason: error.message }, "outbox delivery failed; the clock retries"));
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
      await handler(entry, workspace);
      await this.store.markSent(entry.id, now);
      return "sent";
    } catch (error) {
      const decision = retryDecision(error, attempts, now);
      await this.store.markFailedAttempt(entry.id, attempts, decision.nextAttemptAt, decision.reason, decision.giveUp);
      this.logger.warn({ outboxId: entry.id, kind: entry.kind, attempts, giveUp: decision.giveUp, reason: decision.reason }, "outbox delivery failed");
      return decision.giveUp ? "failed" : "retrying";
    }
  }
}
