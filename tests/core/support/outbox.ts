// OutboxStore in memory: unique dedupe keys, claims by lease, the outcomes the Outbox records.

import type { Workspace } from "../../../src/core/shared/model.js";
import type { NewOutboxEntry, OutboxEntry, OutboxStore } from "../../../src/core/shared/outbox.js";

export interface OutboxRow extends NewOutboxEntry {
  id: string;
  status: "pending" | "sent" | "failed";
  attempts: number;
  nextAttemptAt: Date;
  createdAt: Date;
  sentAt: Date | null;
  lastError: string | null;
  claimedUntil: Date | null;
}

export class MemoryOutboxStore implements OutboxStore {
  readonly rows = new Map<string, OutboxRow>();
  private ids = 0;

  constructor(private readonly workspaces: { getWorkspace(id: string): Promise<Workspace | null> }) {}

  async enqueue(entries: (NewOutboxEntry & { createdAt: Date; nextAttemptAt: Date })[]): Promise<number> {
    let created = 0;
    for (const entry of entries) {
      if ([...this.rows.values()].some((r) => r.dedupeKey === entry.dedupeKey)) continue; // the same effect, once
      const id = `o${++this.ids}`;
      this.rows.set(id, {
        ...entry,
        id,
        status: "pending",
        attempts: 0,
        sentAt: null,
        lastError: null,
        claimedUntil: null,
      });
      created++;
    }
    return created;
  }

  async claimDue(now: Date, limit: number, leaseMs: number): Promise<OutboxEntry[]> {
    const due = [...this.rows.values()]
      .filter(
        (r) => r.status === "pending" && r.nextAttemptAt <= now && (r.claimedUntil === null || r.claimedUntil < now),
      )
      .sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime())
      .slice(0, limit);
    return due.map((row) => {
      const interrupted = row.claimedUntil !== null;
      row.claimedUntil = new Date(now.getTime() + leaseMs);
      const { id, workspaceId, kind, subjectId, recipient, attempts, createdAt } = row;
      return { id, workspaceId, kind, subjectId, recipient, attempts, interrupted, createdAt };
    });
  }

  async markSent(id: string, at: Date): Promise<void> {
    Object.assign(this.row(id), {
      status: "sent",
      sentAt: at,
      claimedUntil: null,
      lastError: null,
      attempts: this.row(id).attempts + 1,
    });
  }

  async markFailedAttempt(
    id: string,
    attempts: number,
    nextAttemptAt: Date,
    reason: string,
    giveUp: boolean,
  ): Promise<void> {
    Object.assign(this.row(id), {
      attempts,
      nextAttemptAt,
      lastError: reason,
      claimedUntil: null,
      ...(giveUp ? { status: "failed" } : {}),
    });
  }

  async postpone(id: string, nextAttemptAt: Date, reason: string): Promise<void> {
    Object.assign(this.row(id), { nextAttemptAt, lastError: reason, claimedUntil: nextAttemptAt });
  }

  async getWorkspace(id: string): Promise<Workspace | null> {
    return this.workspaces.getWorkspace(id);
  }

  async forget(dedupeKey: string): Promise<void> {
    for (const [id, row] of this.rows) if (row.dedupeKey === dedupeKey) this.rows.delete(id);
  }

  byKey(dedupeKey: string): OutboxRow | undefined {
    return [...this.rows.values()].find((r) => r.dedupeKey === dedupeKey);
  }

  private row(id: string): OutboxRow {
    const row = this.rows.get(id);
    if (!row) throw new Error(`no outbox entry ${id}`);
    return row;
  }
}
