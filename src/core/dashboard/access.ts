// Who may look at the dashboard, and how a chat command becomes a browser session: a random
// one-time token in a personal link (10 minutes), redeemed once for a session (8 hours) bound to
// one workspace. Only SHA-256 hashes of tokens and session ids are stored, so a copy of the
// database opens no dashboard.
import crypto from "node:crypto";
import type { Language, Workspace } from "../model.js";
import type { Clock } from "../ports.js";
import type { DashboardSession, DashboardStore } from "./model.js";

export const LINK_TTL_MS = 10 * 60_000;
export const SESSION_TTL_MS = 8 * 3600_000;
/** 32 random bytes: 256 bits, well above the 128 an unguessable bearer secret needs. */
const TOKEN_BYTES = 32;

export const sha256 = (value: string) => crypto.createHash("sha256").update(value).digest("hex");
const randomSecret = () => crypto.randomBytes(TOKEN_BYTES).toString("base64url");

export type Redemption =
  | { ok: true; sessionId: string; session: DashboardSession }
  /** `language` is the link owner's when the link is known (used or expired), else unknown. */
  | { ok: false; reason: "used" | "expired" | "unknown"; language: Language | null };

export class DashboardAccess {
  constructor(
    private readonly deps: {
      store: DashboardStore;
      clock: Clock;
      /** Where the bot is reached from a browser, without a trailing slash. */
      publicUrl: () => string;
    },
  ) {}

  /** Admins always; otherwise only people an admin named as viewers. */
  async mayView(workspace: Workspace, person: string, isAdmin: boolean): Promise<boolean> {
    return isAdmin || this.deps.store.isViewer(workspace.id, person);
  }

  /** A personal one-time link for `person`; the caller has checked `mayView`. */
  async issueLink(workspace: Workspace, person: string, language: Language): Promise<{ url: string; expiresAt: Date }> {
    const now = this.deps.clock();
    await this.deps.store.pruneExpired(now);
    const token = randomSecret();
    const expiresAt = new Date(now.getTime() + LINK_TTL_MS);
    await this.deps.store.saveToken(sha256(token), { workspaceId: workspace.id, person, language, expiresAt });
    return { url: `${this.deps.publicUrl()}/dashboard/open?token=${token}`, expiresAt };
  }

  async redeem(token: string): Promise<Redemption> {
    const now = this.deps.clock();
    // A token we never issued has no row; its shape alone tells nothing either way.
    const found = token ? await this.deps.store.redeemToken(sha256(token), now) : null;
    if (!found) return { ok: false, reason: "unknown", language: null };
    const { token: stored, redeemed } = found;
    if (!redeemed) return { ok: false, reason: stored.usedAt ? "used" : "expired", language: stored.language };
    const sessionId = randomSecret();
    const session: DashboardSession = {
      workspaceId: stored.workspaceId,
      person: stored.person,
      language: stored.language,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
    };
    await this.deps.store.saveSession(sha256(sessionId), session);
    return { ok: true, sessionId, session };
  }

  /** The live session a cookie names, or null. */
  async session(sessionId: string | undefined): Promise<DashboardSession | null> {
    if (!sessionId) return null;
    return this.deps.store.findSession(sha256(sessionId), this.deps.clock());
  }

  async viewers(workspaceId: string): Promise<string[]> {
    return this.deps.store.listViewers(workspaceId);
  }

  async addViewers(workspaceId: string, people: string[]): Promise<void> {
    await this.deps.store.addViewers(workspaceId, people);
  }

  /** A removed viewer's open sessions end at once, not after 8 hours. */
  async removeViewers(workspaceId: string, people: string[]): Promise<void> {
    await this.deps.store.removeViewers(workspaceId, people);
    for (const person of people) await this.deps.store.endSessions(workspaceId, person);
  }
}
