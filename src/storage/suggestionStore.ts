// Suggestions, votes and suggestion prompts on Prisma.

import type { Platform } from "../core/shared/model.js";
import type { MessageRef } from "../core/shared/ports.js";
import {
  isTouchpoint,
  type ResponseStatus,
  type Suggestion,
  type SuggestionExportRow,
  type SuggestionStatus,
  type SuggestionStore,
  type Touchpoint,
} from "../core/suggestions/ports.js";
import type { Db } from "./database.js";
import { byIdPages, PAGE_SIZE } from "./paging.js";
import { isUniqueViolation } from "./uniqueViolation.js";
import { toWorkspace } from "./workspaceStore.js";

const withPeople = {
  author: { select: { externalId: true } },
  responder: { select: { externalId: true } },
  _count: { select: { votes: { where: { active: true } } } },
} as const;

type Row = Awaited<ReturnType<Db["suggestion"]["findFirstOrThrow"]>> & {
  author: { externalId: string } | null;
  responder: { externalId: string } | null;
  _count: { votes: number };
};

function toSuggestion(row: Row): Suggestion {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    number: row.number,
    text: row.text,
    touchpoint: isTouchpoint(row.touchpoint) ? row.touchpoint : "other",
    authorExternalId: row.author?.externalId ?? null,
    status: row.status as SuggestionStatus,
    responseNote: row.responseNote,
    responderExternalId: row.responder?.externalId ?? null,
    channelRef: row.channelRef,
    messageRef: row.messageRef,
    votes: row._count.votes,
    createdAt: row.createdAt,
  };
}

export class PrismaSuggestionStore implements SuggestionStore {
  constructor(private readonly db: Db) {}

  async createSuggestion(input: {
    workspaceId: string;
    text: string;
    touchpoint: Touchpoint;
    authorId: string | null;
  }): Promise<Suggestion> {
    // The running number is max + 1; two submissions racing for it retry on the unique key.
    for (let attempt = 0; ; attempt++) {
      const last = await this.db.suggestion.findFirst({
        where: { workspaceId: input.workspaceId },
        orderBy: { number: "desc" },
        select: { number: true },
      });
      try {
        const row = await this.db.suggestion.create({
          data: { ...input, number: (last?.number ?? 0) + 1 },
          include: withPeople,
        });
        return toSuggestion(row);
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= 5) throw error;
      }
    }
  }

  async getSuggestion(id: string): Promise<Suggestion | null> {
    const row = await this.db.suggestion.findUnique({ where: { id }, include: withPeople });
    return row && toSuggestion(row);
  }

  async setSuggestionPost(id: string, ref: MessageRef): Promise<void> {
    await this.db.suggestion.update({ where: { id }, data: ref });
  }

  async toggleVote(suggestionId: string, voterId: string, actionId: string): Promise<void> {
    const key = { suggestionId_voterId: { suggestionId, voterId } };
    const existing = await this.db.suggestionVote.findUnique({ where: key });
    if (!existing) {
      try {
        await this.db.suggestionVote.create({ data: { suggestionId, voterId, lastActionId: actionId } });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error; // the retried click won the race
      }
      return;
    }
    // Conditional on the last action so a retried click (same id) cannot flip it back.
    await this.db.suggestionVote.updateMany({
      where: { id: existing.id, lastActionId: { not: actionId } },
      data: { active: !existing.active, lastActionId: actionId },
    });
  }

  async respond(
    id: string,
    input: { status: ResponseStatus; note: string | null; responderId: string; at: Date },
  ): Promise<boolean> {
    const row = await this.db.suggestion.findUnique({ where: { id }, select: { status: true, responseNote: true } });
    if (!row || (row.status === input.status && row.responseNote === input.note)) return false;
    await this.db.suggestion.update({
      where: { id },
      data: { status: input.status, responseNote: input.note, responderId: input.responderId, respondedAt: input.at },
    });
    return true;
  }

  async listSuggestions(workspaceId: string, order: "recent" | "top", limit: number): Promise<Suggestion[]> {
    const rows = await this.db.suggestion.findMany({
      where: { workspaceId },
      orderBy: order === "recent" ? { createdAt: "desc" } : [{ votes: { _count: "desc" } }, { createdAt: "desc" }],
      take: limit,
      include: withPeople,
    });
    return rows.map(toSuggestion);
  }

  async recordAsk(input: {
    workspaceId: string;
    memberId: string | null;
    channelRef: string;
    promptKey: string;
    slot?: string;
  }): Promise<string | null> {
    try {
      return (await this.db.askPrompt.create({ data: input })).id;
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  async forgetAsk(id: string): Promise<void> {
    await this.db.askPrompt.deleteMany({ where: { id } });
  }

  async upsertAskSchedule(workspaceId: string, channelRef: string, dayOfMonth: number, minute: number): Promise<void> {
    await this.db.askSchedule.upsert({
      where: { workspaceId_channelRef: { workspaceId, channelRef } },
      create: { workspaceId, channelRef, dayOfMonth, minute },
      update: { dayOfMonth, minute },
    });
  }

  async deleteAskSchedule(workspaceId: string, channelRef: string): Promise<void> {
    await this.db.askSchedule.deleteMany({ where: { workspaceId, channelRef } });
  }

  async listAskSchedules() {
    const rows = await this.db.askSchedule.findMany();
    const workspaces = new Map(
      (await this.db.workspace.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.workspaceId))] } } })).map(
        (w) => [w.id, toWorkspace(w)],
      ),
    );
    return rows.flatMap((r) => {
      const workspace = workspaces.get(r.workspaceId);
      return workspace
        ? [{ id: r.id, workspace, channelRef: r.channelRef, dayOfMonth: r.dayOfMonth, minute: r.minute }]
        : [];
    });
  }

  async *exportSuggestions(): AsyncIterable<SuggestionExportRow> {
    // Ids are random, so the order is the workspace's running number; the cursor is still the id.
    const rows = byIdPages((after) =>
      this.db.suggestion.findMany({
        take: PAGE_SIZE,
        ...after,
        orderBy: [{ workspaceId: "asc" }, { number: "asc" }],
        include: { ...withPeople, author: { select: { externalId: true, displayName: true } }, workspace: true },
      }),
    );
    for await (const row of rows) {
      const s = toSuggestion(row);
      yield {
        platform: row.workspace.platform as Platform,
        workspace: row.workspace.externalId,
        number: s.number,
        touchpoint: s.touchpoint,
        author: s.authorExternalId,
        authorName: row.author?.displayName ?? null,
        text: s.text,
        status: s.status,
        votes: s.votes,
        responseNote: s.responseNote,
        createdAt: s.createdAt,
        respondedAt: row.respondedAt,
      };
    }
  }
}
