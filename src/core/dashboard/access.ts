// Who may look at the dashboard, and how a chat command becomes a browser session: a random
// one-time token in a personal link (10 minutes), redeemed once for a session (8 hours) bound to
// one workspace. Only SHA-256 hashes of tokens and session ids are stored, so a copy of the
// database opens no dashboard.
import crypto from "node:crypto";
import type { WorkspaceStore } from "../identity/ports.js";
import type { Actor } from "../identity/service.js";
import type { Language, Workspace } from "../shared/model.js";
import type { Clock } from "../shared/ports.js";
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

export type LinkPermission =
  | { ok: true; minutes: number; issue(): Promise<{ url: string; expiresAt: Date }> }
  | { ok: false; reason: "not-viewer" };

export type Opened =
  | { ok: true; session: DashboardSession; workspace: Workspace }
  | { ok: false; reason: "signed-out" | "wrong-workspace"; session: DashboardSession | null };

export class DashboardAccess {
  constructor(
    private readonly deps: {
      store: DashboardStore;
      workspaces: Pick<WorkspaceStore, "getWorkspace">;
      clock: Clock;
      /** Where the bot is reached from a browser, without a trailing slash. */
      publicUrl: () => string;
    },
  ) {}

  /** Admins always; otherwise only people an admin named as viewers. */
  async mayView(actor: Actor): Promise<boolean> {
    return actor.isAdmin || this.deps.store.isViewer(actor.workspace.id, actor.userId);
  }

  /**
   * The permission for `/cx-admin dashboard`, decided here and not in a door: a viewer (or admin)
   * gets `issue`, which makes their personal one-time link when the door is ready to show it
   * (Teams first makes sure it is a personal chat); anyone else is refused.
   */
  async linkFor(actor: Actor): Promise<LinkPermission> {
    if (!(await this.mayView(actor))) return { ok: false, reason: "not-viewer" };
    return {
      ok: true,
      minutes: LINK_TTL_MS / 60_000,
      issue: () => this.issueLink(actor.workspace, actor.userId, actor.language),
    };
  }

  /** A personal one-time link for `person`; only through `linkFor`, which checked the permission. */
  private async issueLink(
    workspace: Workspace,
    person: string,
    language: Language,
  ): Promise<{ url: string; expiresAt: Date }> {
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

  /**
   * The live session a cookie names and its workspace, when the session may open `workspaceId`:
   * the HTTP side reads no storage itself. `wrong-workspace` for a session of another workspace.
   */
  async open(sessionId: string | undefined, workspaceId: string): Promise<Opened> {
    const session = await this.session(sessionId);
    if (!session) return { ok: false, reason: "signed-out", session: null };
    if (session.workspaceId !== workspaceId) return { ok: false, reason: "wrong-workspace", session };
    const workspace = await this.deps.workspaces.getWorkspace(session.workspaceId);
    if (!workspace) return { ok: false, reason: "signed-out", session };
    return { ok: true, session, workspace };
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
