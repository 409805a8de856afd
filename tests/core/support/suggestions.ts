// SuggestionStore in memory. Every call's arguments are kept in `received`, so a test can show
// that nothing naming an anonymous author ever reached storage.

import type { Workspace } from "../../../src/core/shared/model.js";
import type { MessageRef } from "../../../src/core/shared/ports.js";
import type {
  ResponseStatus,
  Suggestion,
  SuggestionExportRow,
  SuggestionStore,
  Touchpoint,
} from "../../../src/core/suggestions/ports.js";
import type { MemoryWorkspaceStore } from "./workspaces.js";

interface SuggestionRow {
  id: string;
  workspaceId: string;
  number: number;
  text: string;
  touchpoint: Touchpoint;
  /** Member id, as the table keeps it; null when anonymous. */
  authorId: string | null;
  status: Suggestion["status"];
  responseNote: string | null;
  responderId: string | null;
  respondedAt: Date | null;
  channelRef: string | null;
  messageRef: string | null;
  createdAt: Date;
}

export interface AskRow {
  id: string;
  workspaceId: string;
  memberId: string | null;
  channelRef: string;
  promptKey: string;
  slot: string | undefined;
}

export class MemorySuggestionStore implements SuggestionStore {
  readonly rows = new Map<string, SuggestionRow>();
  readonly votes = new Map<string, { active: boolean; lastActionId: string }>();
  readonly asks = new Map<string, AskRow>();
  readonly schedules = new Map<
    string,
    { id: string; workspaceId: string; channelRef: string; dayOfMonth: number; minute: number }
  >();
  readonly received: { method: string; args: unknown[] }[] = [];
  private ids = 0;

  constructor(
    private readonly workspaces: MemoryWorkspaceStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async createSuggestion(input: {
    workspaceId: string;
    text: string;
    touchpoint: Touchpoint;
    authorId: string | null;
  }): Promise<Suggestion> {
    this.received.push({ method: "createSuggestion", args: [input] });
    const number =
      1 +
      Math.max(0, ...[...this.rows.values()].filter((r) => r.workspaceId === input.workspaceId).map((r) => r.number));
    const row: SuggestionRow = {
      ...input,
      id: `s${++this.ids}`,
      number,
      status: "new",
      responseNote: null,
      responderId: null,
      respondedAt: null,
      channelRef: null,
      messageRef: null,
      createdAt: this.clock(),
    };
    this.rows.set(row.id, row);
    return this.toSuggestion(row);
  }

  async getSuggestion(id: string): Promise<Suggestion | null> {
    const row = this.rows.get(id);
    return row ? this.toSuggestion(row) : null;
  }

  async setSuggestionPost(id: string, ref: MessageRef): Promise<void> {
    this.received.push({ method: "setSuggestionPost", args: [id, ref] });
    Object.assign(this.rows.get(id)!, ref);
  }

  async toggleVote(suggestionId: string, voterId: string, actionId: string): Promise<void> {
    this.received.push({ method: "toggleVote", args: [suggestionId, voterId, actionId] });
    const key = `${suggestionId}|${voterId}`;
    const vote = this.votes.get(key);
    if (!vote) this.votes.set(key, { active: true, lastActionId: actionId });
    else if (vote.lastActionId !== actionId) this.votes.set(key, { active: !vote.active, lastActionId: actionId });
  }

  async respond(
    id: string,
    input: { status: ResponseStatus; note: string | null; responderId: string; at: Date },
  ): Promise<boolean> {
    this.received.push({ method: "respond", args: [id, input] });
    const row = this.rows.get(id);
    if (!row || (row.status === input.status && row.responseNote === input.note)) return false;
    Object.assign(row, {
      status: input.status,
      responseNote: input.note,
      responderId: input.responderId,
      respondedAt: input.at,
    });
    return true;
  }

  async listSuggestions(workspaceId: string, order: "recent" | "top", limit: number): Promise<Suggestion[]> {
    const all = await Promise.all(
      [...this.rows.values()].filter((r) => r.workspaceId === workspaceId).map((r) => this.toSuggestion(r)),
    );
    all.sort((a, b) => (order === "top" ? b.votes - a.votes : 0) || b.number - a.number);
    return all.slice(0, limit);
  }

  async recordAsk(input: {
    workspaceId: string;
    memberId: string | null;
    channelRef: string;
    promptKey: string;
    slot?: string;
  }): Promise<string | null> {
    this.received.push({ method: "recordAsk", args: [input] });
    if (input.slot && [...this.asks.values()].some((a) => a.slot === input.slot)) return null;
    const id = `a${++this.ids}`;
    this.asks.set(id, { id, ...input, slot: input.slot });
    return id;
  }

  async forgetAsk(id: string): Promise<void> {
    this.asks.delete(id);
  }

  async upsertAskSchedule(workspaceId: string, channelRef: string, dayOfMonth: number, minute: number): Promise<void> {
    const found = [...this.schedules.values()].find(
      (s) => s.workspaceId === workspaceId && s.channelRef === channelRef,
    );
    const id = found?.id ?? `sch${++this.ids}`;
    this.schedules.set(id, { id, workspaceId, channelRef, dayOfMonth, minute });
  }

  async deleteAskSchedule(workspaceId: string, channelRef: string): Promise<void> {
    for (const [id, s] of this.schedules)
      if (s.workspaceId === workspaceId && s.channelRef === channelRef) this.schedules.delete(id);
  }

  async listAskSchedules(): Promise<
    { id: string; workspace: Workspace; channelRef: string; dayOfMonth: number; minute: number }[]
  > {
    const out = [];
    for (const s of this.schedules.values()) {
      const workspace = await this.workspaces.getWorkspace(s.workspaceId);
      if (workspace)
        out.push({ id: s.id, workspace, channelRef: s.channelRef, dayOfMonth: s.dayOfMonth, minute: s.minute });
    }
    return out;
  }

  async *exportSuggestions(): AsyncIterable<SuggestionExportRow> {
    for (const row of this.rows.values()) {
      const s = await this.toSuggestion(row);
      const workspace = (await this.workspaces.getWorkspace(row.workspaceId))!;
      const author = row.authorId ? this.workspaces.members.get(row.authorId) : undefined;
      yield {
        platform: workspace.platform,
        workspace: workspace.externalId,
        number: s.number,
        touchpoint: s.touchpoint,
        author: s.authorExternalId,
        authorName: author?.displayName ?? null,
        text: s.text,
        status: s.status,
        votes: s.votes,
        responseNote: s.responseNote,
        createdAt: s.createdAt,
        respondedAt: row.respondedAt,
      };
    }
  }

  private async toSuggestion(row: SuggestionRow): Promise<Suggestion> {
    const externalId = (memberId: string | null) =>
      memberId ? (this.workspaces.members.get(memberId)?.externalId ?? null) : null;
    const votes = [...this.votes].filter(([key, v]) => key.startsWith(`${row.id}|`) && v.active).length;
    return {
      id: row.id,
      workspaceId: row.workspaceId,
      number: row.number,
      text: row.text,
      touchpoint: row.touchpoint,
      authorExternalId: externalId(row.authorId),
      status: row.status,
      responseNote: row.responseNote,
      responderExternalId: externalId(row.responderId),
      channelRef: row.channelRef,
      messageRef: row.messageRef,
      votes,
      createdAt: row.createdAt,
    };
  }
}
