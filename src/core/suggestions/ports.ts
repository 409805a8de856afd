// The suggestion job's ports: where suggestions, votes and ask prompts are stored, and how
// each platform shows them.
import type { Language, Platform, Workspace } from "../shared/model.js";
import type { SentLookup } from "../shared/outbox.js";
import type { MessageRef } from "../shared/ports.js";

export const TOUCHPOINTS = ["product", "service", "sales", "delivery", "billing", "digital", "other"] as const;
export type Touchpoint = (typeof TOUCHPOINTS)[number];
export const RESPONSE_STATUSES = ["review", "planned", "done", "declined"] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];
export type SuggestionStatus = "new" | ResponseStatus;

export function isTouchpoint(value: unknown): value is Touchpoint {
  return typeof value === "string" && (TOUCHPOINTS as readonly string[]).includes(value);
}
export function isResponseStatus(value: unknown): value is ResponseStatus {
  return typeof value === "string" && (RESPONSE_STATUSES as readonly string[]).includes(value);
}

export interface Suggestion {
  id: string;
  workspaceId: string;
  number: number;
  text: string;
  touchpoint: Touchpoint;
  /** Platform id of the author; null when anonymous (nothing else is stored either). */
  authorExternalId: string | null;
  status: SuggestionStatus;
  responseNote: string | null;
  responderExternalId: string | null;
  channelRef: string | null;
  messageRef: string | null;
  votes: number;
  createdAt: Date;
}

export interface SuggestionExportRow {
  platform: Platform;
  workspace: string;
  number: number;
  touchpoint: string;
  author: string | null;
  /** The author's display name; null when anonymous or never reported. */
  authorName: string | null;
  text: string;
  status: string;
  votes: number;
  responseNote: string | null;
  createdAt: Date;
  respondedAt: Date | null;
}

export interface SuggestionStore {
  createSuggestion(input: {
    workspaceId: string;
    text: string;
    touchpoint: Touchpoint;
    authorId: string | null;
  }): Promise<Suggestion>;
  getSuggestion(id: string): Promise<Suggestion | null>;
  setSuggestionPost(id: string, ref: MessageRef): Promise<void>;
  /** Flips the voter's vote unless `actionId` was already applied (a platform retry). */
  toggleVote(suggestionId: string, voterId: string, actionId: string): Promise<void>;
  /** Returns false when the suggestion already had exactly this answer. */
  respond(
    id: string,
    input: { status: ResponseStatus; note: string | null; responderId: string; at: Date },
  ): Promise<boolean>;
  listSuggestions(workspaceId: string, order: "recent" | "top", limit: number): Promise<Suggestion[]>;
  recordAsk(input: {
    workspaceId: string;
    memberId: string | null;
    channelRef: string;
    promptKey: string;
    slot?: string;
  }): Promise<string | null>;
  forgetAsk(id: string): Promise<void>;
  upsertAskSchedule(workspaceId: string, channelRef: string, dayOfMonth: number, minute: number): Promise<void>;
  deleteAskSchedule(workspaceId: string, channelRef: string): Promise<void>;
  listAskSchedules(): Promise<
    { id: string; workspace: Workspace; channelRef: string; dayOfMonth: number; minute: number }[]
  >;
  exportSuggestions(): AsyncIterable<SuggestionExportRow>;
}

/**
 * How each platform shows suggestions; Slack and Teams each implement it. `tag` names the
 * outbox entry a post delivers (see SentLookup); a prompt a leader asks for now has none.
 */
export interface SuggestionMessenger extends SentLookup {
  postSuggestion(workspace: Workspace, channel: string, view: SuggestionView, tag: string): Promise<MessageRef>;
  updateSuggestion(workspace: Workspace, ref: MessageRef, view: SuggestionView): Promise<void>;
  notifyAuthor(workspace: Workspace, authorExternalId: string, view: SuggestionView, tag: string): Promise<void>;
  postAskPrompt(workspace: Workspace, channel: string, prompt: AskPromptView, tag?: string): Promise<MessageRef>;
}

export interface SuggestionView extends Suggestion {
  language: Language;
}

export interface AskPromptView {
  language: Language;
  promptKey: string;
  /** Platform id of the leader asking; null for a scheduled prompt. */
  askedBy: string | null;
}
