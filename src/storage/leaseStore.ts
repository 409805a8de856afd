// Leases on Prisma: a conditional update renews or takes over an expired lease; an insert
// creates it the first time. Under concurrency the database lets exactly one caller win.

import type { LeaseStore } from "../core/shared/ports.js";
import type { Db } from "./database.js";
import { isUniqueViolation } from "./uniqueViolation.js";

export class PrismaLeaseStore implements LeaseStore {
  constructor(private readonly db: Db) {}

  async tryAcquire(name: string, holder: string, ttlMs: number, now: Date): Promise<boolean> {
    const expiresAt = new Date(now.getTime() + ttlMs);
    const { count } = await this.db.lease.updateMany({
      where: { name, OR: [{ holder }, { expiresAt: { lt: now } }] },
      data: { holder, expiresAt },
    });
    if (count === 1) return true;
    try {
      await this.db.lease.create({ data: { name, holder, expiresAt } });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false; // held by another replica
      throw error;
    }
  }

  async release(name: string, holder: string): Promise<void> {
    await this.db.lease.deleteMany({ where: { name, holder } });
  }
}
