// Where Teams can reach a person proactively: the conversation reference of their personal chat
// with the bot, one per member (the core's AddressStore). The reference itself is an opaque
// JSON string to everyone but the Teams door.

import type { AddressStore, StoredAddress } from "../core/identity/ports.js";
import type { Db } from "./database.js";

export class PrismaConversationStore implements AddressStore {
  constructor(private readonly db: Db) {}

  async save(memberId: string, reference: string): Promise<void> {
    await this.db.conversationRef.upsert({
      where: { memberId },
      create: { memberId, reference, active: true },
      update: { reference, active: true },
    });
  }

  async get(memberId: string): Promise<StoredAddress | null> {
    const row = await this.db.conversationRef.findUnique({ where: { memberId } });
    return row ? { reference: row.reference, active: row.active } : null;
  }

  async deactivate(memberId: string): Promise<void> {
    await this.db.conversationRef.updateMany({ where: { memberId }, data: { active: false } });
  }
}
