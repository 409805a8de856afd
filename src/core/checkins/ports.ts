// The check-in job's ports: where nudges and answers are stored, and how a platform delivers
// and updates a nudge message.

import type { CheckIn, Language, Member, Nudge, NudgeStatus, Platform, Workspace } from "../shared/model.js";
import type { SentLookup } from "../shared/outbox.js";
import type { MessageRef } from "../shared/ports.js";
import type { QuestionKey, Rating } from "../shared/questions.js";

export interface NewNudge {
  memberId: string;
  slot: string;
  questions: QuestionKey[];
  week: string;
  dueAt: Date;
  status: "pending" | "missed";
}

export interface LeaderWithWorkspace {
  member: Member;
  workspace: Workspace;
}

export interface CheckInExportRow {
  platform: Platform;
  workspace: string;
  leader: string;
  /** The leader's display name as the platform last reported it; null when never reported. */
  leaderName: string | null;
  question: QuestionKey;
  week: string;
  rating: number;
  reflection: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type NudgePatch = Partial<
  Pick<Nudge, "status" | "attempts" | "nextAttemptAt" | "dueAt" | "channelRef" | "messageRef">
> & {
  sentAt?: Date;
  lastError?: string | null;
  claimedUntil?: Date | null;
};

export interface CheckInStore {
  /** Every leader of every workspace who is not paused at `at` (pauses ending later still count). */
  listActiveLeaders(at: Date): Promise<LeaderWithWorkspace[]>;
  getTarget(memberId: string): Promise<DeliveryTarget | null>;

  /** Slots among `slots` that already have a nudge row for the member. */
  existingSlots(pairs: { memberId: string; slot: string }[]): Promise<Set<string>>;
  /** Inserts nudges whose (member, slot) is new; existing ones are left untouched. Returns how many were inserted. */
  createNudges(nudges: NewNudge[]): Promise<number>;
  /**
   * Atomically takes up to `limit` due nudges (pending or snoozed) for `leaseMs`, each with its
   * leader and workspace (one read for the batch); other callers skip them meanwhile.
   * `onlyIds` narrows the choice to those nudges.
   */
  claimDueNudges(now: Date, limit: number, leaseMs: number, onlyIds?: string[]): Promise<ClaimedNudge[]>;
  nudgeIds(keys: { memberId: string; slot: string }[]): Promise<string[]>;
  getNudge(id: string): Promise<Nudge | null>;
  latestNudge(memberId: string): Promise<Nudge | null>;
  updateNudge(id: string, patch: NudgePatch): Promise<Nudge>;
  /** The outcomes of many sends at once, in as few statements as the database allows. */
  recordNudges(outcomes: NudgeOutcome[]): Promise<void>;

  /** Creates or updates the member's answer to `question` for `week` (never a second row). */
  saveCheckIn(input: {
    memberId: string;
    question: QuestionKey;
    week: string;
    rating: Rating;
    reflection?: string | null;
    nudgeId?: string | null;
  }): Promise<CheckIn>;
  listCheckIns(memberId: string, weeks: string[]): Promise<CheckIn[]>;
  /** The answers of many members in some weeks, in one read (a batch of nudges about to go out). */
  listCheckInsOf(memberIds: string[], weeks: string[]): Promise<CheckIn[]>;
  /** Distinct weeks (newest first) in which the member answered anything. */
  answeredWeeks(memberId: string, limit: number): Promise<string[]>;
  exportCheckIns(): AsyncIterable<CheckInExportRow>;
}

/** The view of a nudge that a platform renders into a message. */
export interface NudgeView {
  nudgeId: string;
  language: Language;
  questions: QuestionKey[];
  status: NudgeStatus;
  ratings: Partial<Record<QuestionKey, Rating>>;
  /** The leader's own reflections of the nudge's week, for platforms that show them in the message. */
  reflections: Partial<Record<QuestionKey, string>>;
  /** Weeks in a row with at least one answer, shown after an answer. */
  streak: number;
  /** Set when snoozed: when the nudge comes back (leader's local time, "HH:MM"). */
  snoozedUntil?: string;
}

export interface DeliveryTarget {
  workspace: Workspace;
  member: Member;
}

/** A nudge taken for sending, with whom it goes to (null when the member row is gone). */
export type ClaimedNudge = Nudge & { target: DeliveryTarget | null };

/** What became of one claimed nudge; every outcome also gives the claim back. */
export interface NudgeOutcome {
  id: string;
  patch: NudgePatch;
}

/** What a nudge's one reminder says (see reminders.ts). */
export interface ReminderView {
  language: Language;
  /** The nudge's week is still the current one when the reminder goes out. */
  sameWeek: boolean;
}

/**
 * Delivers nudges on one platform. Throws DeliveryError on failure. `findSent` finds a reminder
 * an interrupted sender already posted (platforms that can tag messages).
 */
export interface NudgeMessenger extends SentLookup {
  sendNudge(target: DeliveryTarget, view: NudgeView): Promise<MessageRef>;
  /** The one reminder of an unanswered nudge: a short message tied to it, never a second card. `tag` names the outbox entry. */
  sendReminder(target: DeliveryTarget, nudge: MessageRef, view: ReminderView, tag: string): Promise<MessageRef | void>;
  updateNudge(target: DeliveryTarget, ref: MessageRef, view: NudgeView): Promise<void>;
  /**
   * Finds a nudge message that was already delivered (platforms that can tag messages), so a
   * sender that died between the platform's accept and our record does not cause a double.
   */
  findSentNudge?(target: DeliveryTarget, nudgeId: string, since: Date): Promise<MessageRef | null>;
}
