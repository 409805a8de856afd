// The dashboard's storage port in memory: viewers, one-time tokens and sessions by their hashes.
import type {
  DashboardSession,
  DashboardStore,
  StoredToken,
  SuggestionRows,
} from "../../../src/core/dashboard/model.js";

export class MemoryDashboardStore implements DashboardStore {
  readonly viewers = new Map<string, Set<string>>();
  readonly tokens = new Map<string, StoredToken>();
  readonly sessions = new Map<string, DashboardSession>();

  async listViewers(workspaceId: string): Promise<string[]> {
    return [...(this.viewers.get(workspaceId) ?? [])].sort();
  }
  async addViewers(workspaceId: string, people: string[]): Promise<void> {
    const set = this.viewers.get(workspaceId) ?? new Set<string>();
    for (const person of people) set.add(person);
    this.viewers.set(workspaceId, set);
  }
  async removeViewers(workspaceId: string, people: string[]): Promise<void> {
    for (const person of people) this.viewers.get(workspaceId)?.delete(person);
  }
  async isViewer(workspaceId: string, person: string): Promise<boolean> {
    return this.viewers.get(workspaceId)?.has(person) ?? false;
  }
  async saveToken(tokenHash: string, token: Omit<StoredToken, "usedAt">): Promise<void> {
    this.tokens.set(tokenHash, { ...token, usedAt: null });
  }
  async redeemToken(tokenHash: string, now: Date): Promise<{ token: StoredToken; redeemed: boolean } | null> {
    const token = this.tokens.get(tokenHash);
    if (!token) return null;
    const before = { ...token };
    const redeemed = token.usedAt === null && token.expiresAt > now;
    if (redeemed) token.usedAt = now;
    return { token: before, redeemed };
  }
  async saveSession(idHash: string, session: DashboardSession): Promise<void> {
    this.sessions.set(idHash, session);
  }
  async findSession(idHash: string, now: Date): Promise<DashboardSession | null> {
    const session = this.sessions.get(idHash);
    return session && session.expiresAt > now ? session : null;
  }
  async endSessions(workspaceId: string, person: string): Promise<void> {
    for (const [id, s] of this.sessions)
      if (s.workspaceId === workspaceId && s.person === person) this.sessions.delete(id);
  }
  async pruneExpired(now: Date): Promise<void> {
    for (const [id, t] of this.tokens) if (t.expiresAt <= now) this.tokens.delete(id);
    for (const [id, s] of this.sessions) if (s.expiresAt <= now) this.sessions.delete(id);
  }
  async suggestionRows(): Promise<SuggestionRows> {
    return { suggestions: [], top: [] };
  }
}
