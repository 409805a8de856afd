// Dashboard viewers, one-time link tokens and sessions (hashes only), and the suggestion rows
// the dashboard counts, on Prisma.

import type { DashboardSession, DashboardStore, StoredToken, SuggestionRows } from "../core/dashboard/model.js";
import { isLanguage, type Language } from "../core/shared/model.js";
import type { Db } from "./database.js";

const language = (value: string): Language => (isLanguage(value) ? value : "de");

export class PrismaDashboardStore implements DashboardStore {
  constructor(private readonly db: Db) {}

  async listViewers(workspaceId: string): Promise<string[]> {
    const rows = await this.db.dashboardViewer.findMany({
      where: { workspaceId },
      orderBy: { createdAt: "asc" },
      select: { externalId: true },
    });
    return rows.map((r) => r.externalId);
  }

  async addViewers(workspaceId: string, people: string[]): Promise<void> {
    for (const externalId of people) {
      await this.db.dashboardViewer.upsert({
        where: { workspaceId_externalId: { workspaceId, externalId } },
        create: { workspaceId, externalId },
        update: {},
      });
    }
  }

  async removeViewers(workspaceId: string, people: string[]): Promise<void> {
    await this.db.dashboardViewer.deleteMany({ where: { workspaceId, externalId: { in: people } } });
  }

  async isViewer(workspaceId: string, person: string): Promise<boolean> {
    return (await this.db.dashboardViewer.count({ where: { workspaceId, externalId: person } })) > 0;
  }

  async saveToken(tokenHash: string, token: Omit<StoredToken, "usedAt">): Promise<void> {
    await this.db.dashboardToken.create({ data: { tokenHash, ...token } });
  }

  async redeemToken(tokenHash: string, now: Date): Promise<{ token: StoredToken; redeemed: boolean } | null> {
    const row = await this.db.dashboardToken.findUnique({ where: { tokenHash } });
    if (!row) return null;
    // The conditional update is the single-use guarantee: of two concurrent redemptions only
    // one changes the row, on SQLite and PostgreSQL alike.
    const { count } = await this.db.dashboardToken.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    return { token: { ...row, language: language(row.language) }, redeemed: count === 1 };
  }

  async saveSession(idHash: string, session: DashboardSession): Promise<void> {
    await this.db.dashboardSession.create({ data: { idHash, ...session } });
  }

  async findSession(idHash: string, now: Date): Promise<DashboardSession | null> {
    const row = await this.db.dashboardSession.findUnique({ where: { idHash } });
    if (!row || row.expiresAt <= now) return null;
    return {
      workspaceId: row.workspaceId,
      person: row.person,
      language: language(row.language),
      expiresAt: row.expiresAt,
    };
  }

  async endSessions(workspaceId: string, person: string): Promise<void> {
    await this.db.dashboardSession.deleteMany({ where: { workspaceId, person } });
  }

  async pruneExpired(now: Date): Promise<void> {
    await this.db.dashboardToken.deleteMany({ where: { expiresAt: { lt: now } } });
    await this.db.dashboardSession.deleteMany({ where: { expiresAt: { lt: now } } });
  }

  async suggestionRows(workspaceId: string, from: Date, to: Date, topCount: number): Promise<SuggestionRows> {
    const span = { workspaceId, createdAt: { gte: from, lt: to } };
    const [suggestions, top] = await Promise.all([
      this.db.suggestion.findMany({
        where: span,
        select: { createdAt: true, status: true, touchpoint: true, respondedAt: true },
      }),
      this.db.suggestion.findMany({
        where: span,
        orderBy: [{ votes: { _count: "desc" } }, { createdAt: "desc" }],
        take: topCount,
        select: {
          number: true,
          text: true,
          status: true,
          touchpoint: true,
          _count: { select: { votes: { where: { active: true } } } },
        },
      }),
    ]);
    return {
      suggestions,
      // As in the digest: the start of the text only, and only suggestions someone voted for.
      top: top
        .filter((s) => s._count.votes > 0)
        .map((s) => ({
          number: s.number,
          text: s.text.slice(0, 120),
          votes: s._count.votes,
          status: s.status,
          touchpoint: s.touchpoint,
        }))
        .sort((a, b) => b.votes - a.votes),
    };
  }
}
