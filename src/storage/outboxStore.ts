// The outbox table on Prisma, with the same claim-by-conditional-update as nudges.

import type { Workspace } from "../core/shared/model.js";
import type { NewOutboxEntry, OutboxEntry, OutboxStore } from "../core/shared/outbox.js";
import type { Db } from "./database.js";
import { isUniqueViolation } from "./uniqueViolation.js";
import { toWorkspace } from "./workspaceStore.js";

export class PrismaOutboxStore implements OutboxStore {
  constructor(private readonly db: Db) {}

  async enqueue(entries: (NewOutboxEntry & { createdAt: Date; nextAttemptAt: Date })[]): Promise<number> {
    if (entries.length > 1) {
      // Many at once (the reminders of a batch of nudges) in one statement; should one of them
      // be queued already, one by one below.
      try {
        return (await this.db.outboxMessage.createMany({ data: entries })).count;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    let created = 0;
    for (const entry of entries) {
      try {
        await this.db.outboxMessage.create({ data: entry });
        created++;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error; // already queued: the same effect, once
      }
    }
    return created;
  }

  async claimDue(now: Date, limit: number, leaseMs: number): Promise<OutboxEntry[]> {
    const due = {
      status: "pending",
      nextAttemptAt: { lte: now },
      OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }],
    };
    const candidates = await this.db.outboxMessage.findMany({
      where: due,
      orderBy: { nextAttemptAt: "asc" },
      take: limit,
      select: { id: true, claimedUntil: true },
    });
    const claimed: OutboxEntry[] = [];
    for (const { id, claimedUntil } of candidates) {
      const { count } = await this.db.outboxMessage.updateMany({
        where: { ...due, id },
        data: { claimedUntil: new Date(now.getTime() + leaseMs) },
      });
      if (count !== 1) continue;
      const row = await this.db.outboxMessage.findUniqueOrThrow({ where: { id } });
      // A known outcome clears claimedUntil; one still set means the last attempt left it open.
      const interrupted = claimedUntil !== null;
      claimed.push({
        id: row.id,
        workspaceId: row.workspaceId,
        kind: row.kind,
        subjectId: row.subjectId,
        recipient: row.recipient,
        attempts: row.attempts,
        interrupted,
        createdAt: row.createdAt,
      });
    }
    return claimed;
  }

  async markSent(id: string, at: Date): Promise<void> {
    await this.db.outboxMessage.update({
      where: { id },
      data: { status: "sent", sentAt: at, claimedUntil: null, lastError: null, attempts: { increment: 1 } },
    });
  }

  async markFailedAttempt(
    id: string,
    attempts: number,
    nextAttemptAt: Date,
    reason: string,
    giveUp: boolean,
  ): Promise<void> {
    await this.db.outboxMessage.update({
      where: { id },
      data: { attempts, nextAttemptAt, lastError: reason, claimedUntil: null, ...(giveUp ? { status: "failed" } : {}) },
    });
  }

  async postpone(id: string, nextAttemptAt: Date, reason: string): Promise<void> {
    // claimedUntil stays set (running out when the entry is due again): the outcome is still open.
    await this.db.outboxMessage.update({
      where: { id },
      data: { nextAttemptAt, lastError: reason, claimedUntil: nextAttemptAt },
    });
  }

  async forget(dedupeKey: string): Promise<void> {
    await this.db.outboxMessage.deleteMany({ where: { dedupeKey } });
  }

  async getWorkspace(id: string): Promise<Workspace | null> {
    const row = await this.db.workspace.findUnique({ where: { id } });
    return row && toWorkspace(row);
  }
}
