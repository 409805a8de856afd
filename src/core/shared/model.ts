// Domain types shared by the core services and the adapters that feed them.
import type { QuestionKey, Rating } from "./questions.js";

export type Platform = "slack" | "teams";
export type Language = "de" | "en";
export type Cadence = "weekly" | "workdays" | "weekly-all";
export const CADENCES: readonly Cadence[] = ["weekly", "workdays", "weekly-all"];

export function isLanguage(value: unknown): value is Language {
  return value === "de" || value === "en";
}
export function isCadence(value: unknown): value is Cadence {
  return typeof value === "string" && (CADENCES as readonly string[]).includes(value);
}

/** Maps a platform locale such as "de-DE" or "en_US" to a language we speak, if any. */
export function languageFromLocale(locale: string | null | undefined): Language | null {
  const prefix = locale?.slice(0, 2).toLowerCase();
  return isLanguage(prefix) ? prefix : null;
}

export interface Schedule {
  cadence: Cadence;
  /** ISO weekday of the weekly nudge, 1 = Monday */
  weekday: number;
  /** minutes after local midnight */
  nudgeMinute: number;
  includeWeekends: boolean;
}

export interface Workspace extends Schedule {
  id: string;
  platform: Platform;
  externalId: string;
  language: Language;
  timezone: string;
  /** Platform user ids an admin named as fellow admins (besides KUNDENNAH_ADMINS and platform admins). */
  admins: string[];
  /** Where new suggestions are posted; null until an admin picks a channel. */
  suggestionsChannel: string | null;
  /** Whether channel messages may go to the LLM classifier (sends text to a third party). */
  presenceLlm: boolean;
  /** Whether `language` was chosen (by an admin, or adopted from the installer's locale); see workspaceLanguage.ts. */
  languageChosen: boolean;
  /** Whether an unanswered nudge gets its one reminder the next working day. */
  reminders: boolean;
  /** When the weekly digest goes out: ISO weekday and minute of day, workspace time zone. */
  digestWeekday: number;
  digestMinute: number;
}

export type WorkspaceSettings = Pick<
  Workspace,
  "cadence" | "weekday" | "nudgeMinute" | "includeWeekends" | "language" | "timezone"
>;

export interface Member {
  id: string;
  workspaceId: string;
  externalId: string;
  displayName: string | null;
  timezone: string | null;
  language: Language | null;
  isLeader: boolean;
  leaderSince: Date | null;
  pausedUntil: Date | null;
}

/** What the platform told us about a person; every field optional because platforms differ. */
export interface Profile {
  displayName?: string | null;
  timezone?: string | null;
  language?: Language | null;
}

export type NudgeStatus = "pending" | "sent" | "answered" | "snoozed" | "skipped" | "missed" | "failed";

export interface Nudge {
  id: string;
  memberId: string;
  slot: string;
  questions: QuestionKey[];
  week: string;
  dueAt: Date;
  status: NudgeStatus;
  attempts: number;
  nextAttemptAt: Date;
  channelRef: string | null;
  messageRef: string | null;
  /**
   * True when an earlier claim of this nudge ran out without an outcome: that sender may have
   * died after the platform accepted the message, so look before sending again.
   */
  interrupted?: boolean;
}

export interface CheckIn {
  id: string;
  memberId: string;
  nudgeId: string | null;
  question: QuestionKey;
  week: string;
  rating: Rating;
  reflection: string | null;
  createdAt: Date;
  updatedAt: Date;
}
