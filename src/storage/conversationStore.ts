// Where Teams can reach a person proactively: the conversation reference of their personal chat
// with the bot, one per member. Kept apart from the core's Store because only the Teams door
// needs it; the reference itself is an opaque JSON string to everyone but that door.
import type { Db } from "./database.js";

export interface StoredConversation {
  reference: string;
  /** false after Teams answered 403/404 (app removed); true again on a new installation. */
  active: boolean;
}

export interface ConversationStore {
  /** Saves (or replaces) the member's reference and marks it active again. */
  save(memberId: string, reference: string): Promise<void>;
  get(memberId: string): Promise<StoredConversation | null>;
  deactivate(memberId: string): Promise<void>;
}

export class PrismaConversationStore implements ConversationStore {
  constructor(private readonly db: Db) {}

  async save(memberId: string, reference: string): Promise<void> {
    await this.db.conversationRef.upsert({
      where: { memberId },
      create: { memberId, reference, active: true },
      update: { reference, active: true },
    });
  }

  async get(memberId: string): Promise<StoredConversation | null> {
    const row = await this.db.conversationRef.findUnique({ where: { memberId } });
    return row ? { reference: row.reference, active: row.active } : null;
  }

  async deactivate(memberId: string): Promise<void> {
    await this.db.conversationRef.updateMany({ where: { memberId }, data: { active: false } });
  }
}
