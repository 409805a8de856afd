// The workspaces' customer vocabularies on Prisma: one row per workspace, the terms as a JSON
// array. Each write names the version it was based on (optimistic concurrency), so a change
// made at the same moment on another replica is detected and retried, never overwritten.

import { isIndustryPreset } from "../core/presence/vocabulary.js";
import {
  EMPTY_VOCABULARY,
  type VocabularyStore,
  type WorkspaceVocabulary,
} from "../core/presence/workspaceVocabulary.js";
import type { Db } from "./database.js";
import { isUniqueViolation } from "./uniqueViolation.js";

function parseTerms(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === "string") : [];
  } catch {
    return [];
  }
}

export class PrismaVocabularyStore implements VocabularyStore {
  constructor(private readonly db: Db) {}

  async vocabularyVersion(workspaceId: string): Promise<number> {
    const row = await this.db.presenceVocabulary.findUnique({ where: { workspaceId }, select: { version: true } });
    return row?.version ?? 0;
  }

  async getVocabulary(workspaceId: string): Promise<WorkspaceVocabulary> {
    const row = await this.db.presenceVocabulary.findUnique({ where: { workspaceId } });
    if (!row) return EMPTY_VOCABULARY;
    return {
      // A preset that a later version no longer knows is ignored rather than fatal.
      industry: row.industry && isIndustryPreset(row.industry) ? row.industry : null,
      terms: parseTerms(row.terms),
      version: row.version,
      changedAt: row.changedAt,
    };
  }

  async saveVocabulary(
    workspaceId: string,
    basedOn: number,
    next: Pick<WorkspaceVocabulary, "industry" | "terms">,
    at: Date,
  ): Promise<boolean> {
    const data = {
      industry: next.industry,
      terms: JSON.stringify(next.terms),
      termCount: next.terms.length,
      changedAt: at,
    };
    if (basedOn === 0) {
      try {
        await this.db.presenceVocabulary.create({ data: { workspaceId, ...data, version: 1 } });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false; // another change created it first
        throw error;
      }
    }
    const { count } = await this.db.presenceVocabulary.updateMany({
      where: { workspaceId, version: basedOn },
      data: { ...data, version: basedOn + 1 },
    });
    return count === 1;
  }
}
