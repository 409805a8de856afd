// What the dashboard keeps and reads, as ports the storage adapter implements. Tokens and
// sessions are stored only as SHA-256 hashes: the random value lives in the link or cookie alone.
import type { Language } from "../shared/model.js";

export interface StoredToken {
  workspaceId: string;
  person: string;
  language: Language;
  expiresAt: Date;
  usedAt: Date | null;
}

export interface DashboardSession {
  workspaceId: string;
  person: string;
  language: Language;
  expiresAt: Date;
}

/** Per status and touchpoint counts, response times and top votes for a span of weeks. */
export interface SuggestionRows {
  /** One row per suggestion created in the span: when, status, touchpoint, and when it was first answered. */
  suggestions: { createdAt: Date; status: string; touchpoint: string; respondedAt: Date | null }[];
  /** The most-voted suggestions of the span (active votes), highest first. */
  top: { number: number; text: string; votes: number; status: string; touchpoint: string }[];
}

export interface DashboardStore {
  listViewers(workspaceId: string): Promise<string[]>;
  addViewers(workspaceId: string, people: string[]): Promise<void>;
  removeViewers(workspaceId: string, people: string[]): Promise<void>;
  isViewer(workspaceId: string, person: string): Promise<boolean>;

  saveToken(tokenHash: string, token: Omit<StoredToken, "usedAt">): Promise<void>;
  /**
   * Marks the token used if it is unused and unexpired, in one atomic step, and returns the row
   * as it was before (null for a hash never issued). Two tabs racing get one session between them.
   */
  redeemToken(tokenHash: string, now: Date): Promise<{ token: StoredToken; redeemed: boolean } | null>;

  saveSession(idHash: string, session: DashboardSession): Promise<void>;
  findSession(idHash: string, now: Date): Promise<DashboardSession | null>;
  /** Ends a person's sessions (they are no longer a viewer). */
  endSessions(workspaceId: string, person: string): Promise<void>;
  /** Forgets expired tokens and sessions. */
  pruneExpired(now: Date): Promise<void>;

  suggestionRows(workspaceId: string, from: Date, to: Date, topCount: number): Promise<SuggestionRows>;
}
