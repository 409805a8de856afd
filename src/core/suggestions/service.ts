// Customer-focused suggestions: submit (validated, rate-limited, optionally anonymous), share
// in the suggestions channel, vote, answer, and tell the author — through the outbox.

import type { WorkspaceStore } from "../identity/ports.js";
import { type Actor, leadsOrAdministrates } from "../identity/service.js";
import type { Member, Profile, Workspace } from "../shared/model.js";
import type { Outbox } from "../shared/outbox.js";
import type { PlatformRegistry } from "../shared/platforms.js";
import type { Clock, Logger } from "../shared/ports.js";
import { localDateTime, zonedTimeToUtc } from "../shared/time.js";
import { cleanUserText } from "../shared/userText.js";
import { SubmissionLimiter } from "./limiter.js";
import type { ResponseStatus, Suggestion, SuggestionMessenger, SuggestionStore, Touchpoint } from "./ports.js";

export const SUGGESTION_MAX_LENGTH = 2000;
export const RESPONSE_NOTE_MAX_LENGTH = 1000;
export const SUBMISSIONS_PER_HOUR = 10;

export type SubmitResult =
  | { ok: true; suggestion: Suggestion; shared: boolean }
  | { ok: false; reason: "empty" | "too-long" | "rate-limited" };

/** Why a leader's action on suggestions was refused; each door says so in the person's language. */
export type SuggestionRefusal = { ok: false; reason: "not-allowed" | "not-found" };

export type AnswerSuggestionResult = { ok: true; suggestion: Suggestion } | SuggestionRefusal;

/**
 * `/cx-ask` (Slack) or `ask` (Teams): refused for people who neither lead nor administrate,
 * asked outside a channel (no-channel), or not posted because the platform failed.
 */
export type AskResult = { ok: true } | { ok: false; reason: "not-allowed" | "no-channel" | "not-posted" };

export const OUTBOX = { post: "suggestion.post", answer: "suggestion.answer", ask: "suggestion.ask" } as const;
export const ASK_PROMPT_KEYS = ["marketing", "say-no", "fix-one", "learn", "recommend"] as const;

export class SuggestionService {
  /** In memory only: a durable rate-limit row would tie a person's anonymous suggestions to their named ones. */
  private readonly limiter: SubmissionLimiter;

  constructor(
    private readonly deps: {
      workspaces: WorkspaceStore;
      suggestions: SuggestionStore;
      outbox: Outbox;
      clock: Clock;
      logger: Logger;
      /** How each platform shows suggestions, registered by its door (Core.registerPlatform). */
      messengers: PlatformRegistry<SuggestionMessenger>;
    },
  ) {
    this.limiter = new SubmissionLimiter(deps.clock, SUBMISSIONS_PER_HOUR);
    deps.outbox.handle(OUTBOX.post, async (entry, workspace, once) => {
      const suggestion = await this.require(entry.subjectId);
      const messenger = this.messenger(workspace);
      const ref = await once(messenger, (tag) =>
        messenger.postSuggestion(workspace, entry.recipient, { ...suggestion, language: workspace.language }, tag),
      );
      await deps.suggestions.setSuggestionPost(suggestion.id, ref);
    });
    deps.outbox.handle(OUTBOX.answer, async (entry, workspace, once) => {
      const suggestion = await this.require(entry.subjectId);
      const author = await deps.workspaces.findMember(workspace.id, entry.recipient);
      const messenger = this.messenger(workspace);
      await once(messenger, (tag) =>
        messenger.notifyAuthor(
          workspace,
          entry.recipient,
          { ...suggestion, language: author?.language ?? workspace.language },
          tag,
        ),
      );
    });
    // A scheduled prompt: the entry's subject is the prompt's key.
    deps.outbox.handle(OUTBOX.ask, async (entry, workspace, once) => {
      const messenger = this.messenger(workspace);
      await once(messenger, (tag) =>
        messenger.postAskPrompt(
          workspace,
          entry.recipient,
          { language: workspace.language, promptKey: entry.subjectId, askedBy: null },
          tag,
        ),
      );
    });
  }

  private messenger(workspace: Workspace): SuggestionMessenger {
    return this.deps.messengers.for(workspace);
  }

  get(id: string): Promise<Suggestion | null> {
    return this.deps.suggestions.getSuggestion(id);
  }

  private async require(id: string): Promise<Suggestion> {
    const suggestion = await this.deps.suggestions.getSuggestion(id);
    if (!suggestion) throw new Error("suggestion no longer exists");
    return suggestion;
  }

  /** The checks that need no database, so a form can show them before anything is stored. */
  static checkText(text: string): "empty" | "too-long" | null {
    const stored = cleanUserText(text);
    if (!stored) return "empty";
    return stored.length > SUGGESTION_MAX_LENGTH ? "too-long" : null;
  }

  /**
   * Validates and stores a suggestion and queues its channel post. For an anonymous one
   * nothing but the suggestion is written: no member row is created or touched, and the
   * hourly limit lives in memory.
   */
  async submit(input: {
    workspace: Workspace;
    authorExternalId: string;
    authorProfile?: Profile;
    anonymous: boolean;
    text: string;
    touchpoint: Touchpoint;
  }): Promise<SubmitResult> {
    const text = cleanUserText(input.text);
    const invalid = SuggestionService.checkText(text);
    if (invalid) return { ok: false, reason: invalid };
    const { suggestions, workspaces, outbox } = this.deps;
    const slot = this.limiter.take(`suggest:${input.workspace.id}:${input.authorExternalId}`);
    if (!slot) return { ok: false, reason: "rate-limited" };
    let suggestion: Suggestion;
    try {
      const author = input.anonymous
        ? null
        : await workspaces.ensureMember(input.workspace.id, input.authorExternalId, input.authorProfile);
      suggestion = await suggestions.createSuggestion({
        workspaceId: input.workspace.id,
        text,
        touchpoint: input.touchpoint,
        authorId: author?.id ?? null,
      });
    } catch (error) {
      slot.release(); // nothing was stored, so it does not count against the limit
      throw error;
    }
    const channel = input.workspace.suggestionsChannel;
    if (channel) {
      await outbox.enqueue({
        workspaceId: input.workspace.id,
        kind: OUTBOX.post,
        subjectId: suggestion.id,
        recipient: channel,
        dedupeKey: `post:${suggestion.id}`,
      });
    }
    this.deps.logger.info({ suggestion: suggestion.number, anonymous: input.anonymous }, "suggestion submitted");
    return { ok: true, suggestion, shared: Boolean(channel) };
  }

  /**
   * Sends what submit/respond queued. Adapters call it after acknowledging the platform, so
   * nobody waits on a channel post; whatever fails here is retried by the clock.
   */
  async deliverPending(): Promise<void> {
    await this.deps.outbox.deliverDue();
  }

  /** A vote click; `actionId` is the platform's id of this click, so a retry changes nothing. */
  async toggleVote(input: { voter: Actor; suggestionId: string; actionId: string }): Promise<Suggestion | null> {
    const { workspace } = input.voter;
    const suggestion = await this.deps.suggestions.getSuggestion(input.suggestionId);
    if (!suggestion || suggestion.workspaceId !== workspace.id) return null;
    const voter = await this.memberOf(input.voter);
    await this.deps.suggestions.toggleVote(suggestion.id, voter.id, input.actionId);
    return this.refreshPost(workspace, suggestion.id);
  }

  /** The suggestion a leader or admin is about to answer (the form); refused for anyone else. */
  async forAnswer(actor: Actor, suggestionId: string): Promise<AnswerSuggestionResult> {
    if (!leadsOrAdministrates(actor)) return { ok: false, reason: "not-allowed" };
    const suggestion = await this.deps.suggestions.getSuggestion(suggestionId);
    if (!suggestion || suggestion.workspaceId !== actor.workspace.id) return { ok: false, reason: "not-found" };
    return { ok: true, suggestion };
  }

  /**
   * A leader's or admin's answer; refused for anyone else. The author is told once per distinct
   * answer, never if anonymous.
   */
  async respond(input: {
    actor: Actor;
    suggestionId: string;
    status: ResponseStatus;
    note: string | null;
  }): Promise<AnswerSuggestionResult> {
    const { suggestions, outbox, clock } = this.deps;
    const found = await this.forAnswer(input.actor, input.suggestionId);
    if (!found.ok) return found;
    const { suggestion } = found;
    const { workspace } = input.actor;
    const responder = await this.memberOf(input.actor);
    const note = cleanUserText(input.note ?? "").slice(0, RESPONSE_NOTE_MAX_LENGTH) || null;
    const changed = await suggestions.respond(suggestion.id, {
      status: input.status,
      note,
      responderId: responder.id,
      at: clock(),
    });
    if (changed && suggestion.authorExternalId) {
      await outbox.enqueue({
        workspaceId: workspace.id,
        kind: OUTBOX.answer,
        subjectId: suggestion.id,
        recipient: suggestion.authorExternalId,
        dedupeKey: `answer:${suggestion.id}:${input.status}:${hashNote(note)}`,
      });
    }
    return { ok: true, suggestion: await this.refreshPost(workspace, suggestion.id) };
  }

  /** An admin who is no leader may have no member row yet; answering or asking gives them one. */
  private async memberOf(actor: Actor): Promise<Member> {
    return actor.member ?? this.deps.workspaces.ensureMember(actor.workspace.id, actor.userId);
  }

  private async refreshPost(workspace: Workspace, id: string): Promise<Suggestion> {
    const suggestion = await this.require(id);
    if (suggestion.channelRef && suggestion.messageRef) {
      try {
        await this.messenger(workspace).updateSuggestion(
          workspace,
          { channelRef: suggestion.channelRef, messageRef: suggestion.messageRef },
          { ...suggestion, language: workspace.language },
        );
      } catch (error) {
        this.deps.logger.warn(
          { suggestion: suggestion.number, reason: (error as Error).message },
          "could not update the suggestion post",
        );
      }
    }
    return suggestion;
  }

  async browse(workspace: Workspace): Promise<{ recent: Suggestion[]; top: Suggestion[] }> {
    const [recent, top] = await Promise.all([
      this.deps.suggestions.listSuggestions(workspace.id, "recent", 5),
      this.deps.suggestions.listSuggestions(workspace.id, "top", 5),
    ]);
    return { recent, top: top.filter((s) => s.votes > 0) };
  }

  /**
   * `/cx-ask`: posts a rotating prompt in a channel now and records that this leader asked.
   * The leader is waiting for the answer, so this is no outbox message: a failed post is
   * reported to them (and forgotten), and nothing posts it again on its own.
   */
  async ask(input: { actor: Actor; channel: string | null }): Promise<AskResult> {
    const { actor, channel } = input;
    if (!leadsOrAdministrates(actor)) return { ok: false, reason: "not-allowed" };
    if (!channel) return { ok: false, reason: "no-channel" };
    const { suggestions, clock } = this.deps;
    const leader = await this.memberOf(actor);
    const promptKey = promptKeyAt(clock());
    const id = await suggestions.recordAsk({
      workspaceId: actor.workspace.id,
      memberId: leader.id,
      channelRef: channel,
      promptKey,
    });
    try {
      await this.messenger(actor.workspace).postAskPrompt(actor.workspace, channel, {
        language: actor.language,
        promptKey,
        askedBy: leader.externalId,
      });
    } catch (error) {
      if (id) await suggestions.forgetAsk(id); // not posted, so not asked
      this.deps.logger.warn({ channel, reason: (error as Error).message }, "the ask prompt could not be posted");
      return { ok: false, reason: "not-posted" };
    }
    return { ok: true };
  }

  /** Queues the monthly prompts that are due; the slot key makes each month's prompt unique. */
  async askScheduled(now: Date): Promise<number> {
    let queued = 0;
    for (const schedule of await this.deps.suggestions.listAskSchedules()) {
      const month = dueMonth(schedule.dayOfMonth, schedule.minute, schedule.workspace.timezone, now);
      if (!month) continue;
      const slot = `sched:${schedule.id}:${month}`;
      const promptKey = promptKeyAt(now);
      const { workspace, channelRef } = schedule;
      // Queued before it is recorded, so a crash between the two cannot lose the month's prompt.
      queued += await this.deps.outbox.enqueue({
        workspaceId: workspace.id,
        kind: OUTBOX.ask,
        subjectId: promptKey,
        recipient: channelRef,
        dedupeKey: `ask:${slot}`,
      });
      await this.deps.suggestions.recordAsk({ workspaceId: workspace.id, memberId: null, channelRef, promptKey, slot });
    }
    return queued;
  }
}

/** This week's prompt; they rotate weekly. */
function promptKeyAt(now: Date): string {
  return ASK_PROMPT_KEYS[Math.floor(now.getTime() / (7 * 86400_000)) % ASK_PROMPT_KEYS.length]!;
}

/** A short stable fingerprint of a note, so a changed note is a new answer worth telling. */
function hashNote(note: string | null): string {
  let h = 0;
  for (const ch of note ?? "") h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return (h >>> 0).toString(36);
}

/**
 * "2026-12" when this month's prompt (day `dayOfMonth`, clamped to the month's length, at
 * `minute` local time) is due and less than a day old; null otherwise.
 */
export function dueMonth(dayOfMonth: number, minute: number, timeZone: string, now: Date): string | null {
  const local = localDateTime(now, timeZone);
  const daysInMonth = new Date(Date.UTC(local.year, local.month, 0)).getUTCDate();
  const dueAt = zonedTimeToUtc(
    { year: local.year, month: local.month, day: Math.min(dayOfMonth, daysInMonth) },
    minute,
    timeZone,
  );
  const late = now.getTime() - dueAt.getTime();
  return late >= 0 && late < 86400_000 ? `${local.year}-${String(local.month).padStart(2, "0")}` : null;
}
