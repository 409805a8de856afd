// The leader mirror's types and the ports it talks through. Storage implements MirrorStore
// (src/storage/mirrorStore.ts); each door implements MirrorMessenger.
import type { Language, Member, Workspace } from "../shared/model.js";
import type { SentLookup } from "../shared/outbox.js";
import type { QuestionKey, Rating } from "../shared/questions.js";

/** A rater's answer to one question: 1–5, or 0 for "can't judge". */
export type MirrorAnswer = Rating | 0;
export type MirrorAnswers = Record<QuestionKey, MirrorAnswer>;
export type SelfRatings = Record<QuestionKey, Rating>;

/** Per question, how many raters chose each value (index 0 = can't judge, 1–5 the ratings). */
export type Tally = Record<QuestionKey, number[]>;

export type RoundStatus = "open" | "closed" | "withheld";

export interface MirrorRound {
  id: string;
  workspaceId: string;
  leaderId: string;
  status: RoundStatus;
  openedAt: Date;
  remindAt: Date;
  closesAt: Date;
  reminded: boolean;
  closedAt: Date | null;
  quarter: string | null;
  invited: number;
  selfRatings: SelfRatings | null;
  results: MirrorResults | null;
}

export interface NewRound {
  workspaceId: string;
  leaderId: string;
  openedAt: Date;
  remindAt: Date;
  closesAt: Date;
  raters: { id: string; language: Language | null }[];
}

/** What the conversations showed for a question, where it can be measured. */
export interface PresenceEvidence {
  kind: "presence";
  /** Messages in the leader's channels (only channel-weeks with enough distinct authors). */
  messages: number;
  customerShare: number;
  positiveShare: number | null;
  negativeShare: number | null;
  channels: number;
}
export interface AskingEvidence {
  kind: "asking";
  /** How often the leader ran /cx-ask in the evidence period. */
  asks: number;
  /** Named suggestions from the people the leader asked, in the same period. */
  teamSuggestions: number;
  days: number;
}
export type Evidence = PresenceEvidence | AskingEvidence;

export type MirrorLabel = "blind-spot" | "hidden-strength" | "aligned";

export interface QuestionFigures {
  question: QuestionKey;
  self: number | null;
  /** How many gave a 1–5 rating ("can't judge" does not count). */
  answered: number;
  /** null when fewer than the minimum answered. */
  team: number | null;
  /** Standard deviation; only when at least SPREAD_MIN answered. */
  spread: number | null;
  /** self − team; null when either is missing. */
  gap: number | null;
  label: MirrorLabel | null;
  evidence: Evidence | null;
}

export interface MirrorResults {
  /** How many of the invited answered (one submit each). */
  responses: number;
  invited: number;
  questions: QuestionFigures[];
  /** Where the self figures came from: the round's self-rating or the recent check-ins. */
  selfSource: "self-rating" | "check-ins" | "none";
}

/** The neutral view each door lays out. */
export interface ResultsView {
  language: Language;
  leaderName: string;
  round: { id: string; openedAt: Date; closedAt: Date };
  /** null: withheld (too few answers to show without identifying anyone). */
  results: MirrorResults | null;
  minResponses: number;
}

export interface InviteView {
  roundId: string;
  language: Language;
  leaderName: string;
  closesAt: Date;
  timeZone: string;
}

export interface SelfRatingView {
  roundId: string;
  language: Language;
  invited: number;
  closesAt: Date;
  timeZone: string;
}

export interface OrgMirror {
  quarter: string;
  leaders: number;
  questions: { question: QuestionKey; self: number | null; team: number | null; blindSpotShare: number | null }[];
}

export interface MirrorExportRow {
  platform: string;
  workspace: string;
  quarter: string;
  leaders: number;
  question: QuestionKey;
  avgSelf: number | null;
  avgTeam: number | null;
  blindSpotShare: number | null;
}

export interface MirrorStore {
  openRoundOf(leaderId: string): Promise<MirrorRound | null>;
  /** Creates the round, its invitations and an empty histogram; false when the leader already has an open round. */
  createRound(round: NewRound): Promise<MirrorRound | null>;
  getRound(id: string): Promise<MirrorRound | null>;
  setSelfRatings(roundId: string, ratings: SelfRatings): Promise<boolean>;
  /**
   * Flips the rater's invitation to answered and adds the answers to the round's histogram, in
   * one transaction: "not-invited" when there is no invitation, "already" when it was used,
   * "closed" when the round is no longer open.
   */
  recordAnswer(
    roundId: string,
    raterId: string,
    answers: MirrorAnswers,
  ): Promise<"ok" | "not-invited" | "already" | "closed">;
  answeredCount(roundId: string): Promise<number>;
  /** Makes earlier versions of the histogram and the invitations unrecoverable from the files; false when busy. */
  scrub(): Promise<boolean>;
  getInvite(roundId: string, raterId: string): Promise<{ language: Language | null; answered: boolean } | null>;
  /** The rounds whose reminder is due and not yet sent; marks them reminded, returning the non-answerers. */
  claimReminders(now: Date): Promise<{ round: MirrorRound; pending: { id: string; language: Language | null }[] }[]>;
  /** Open rounds whose time is up. */
  dueRounds(now: Date): Promise<MirrorRound[]>;
  tally(roundId: string): Promise<Tally | null>;
  /**
   * Closes an open round once: stores the results (or none when withheld), deletes the
   * histogram and the invitations. False when another tick closed it first.
   */
  closeRound(
    roundId: string,
    close: { status: "closed" | "withheld"; at: Date; quarter: string; results: MirrorResults | null },
  ): Promise<boolean>;
  closedRounds(leaderId: string, limit: number): Promise<MirrorRound[]>;
  getLeaderSettings(leaderId: string): Promise<{ raters: string[]; channels: string[] }>;
  setRaters(leaderId: string, raters: string[]): Promise<void>;
  setChannels(leaderId: string, channels: string[]): Promise<void>;
  /** Leaders of the workspace with a stored raters list. */
  leadersWithRaters(workspaceId: string): Promise<{ leaderId: string; raters: string[] }[]>;
  getSchedule(workspaceId: string): Promise<{ cadence: "quarterly" | "off"; lastQuarter: string | null }>;
  /** `startedQuarter`: the quarter counted as done, so switching on starts rounds from the next quarter on. */
  setSchedule(workspaceId: string, cadence: "quarterly" | "off", startedQuarter: string): Promise<void>;
  /** Marks `quarter` as started for the workspace; false when it already was. */
  claimQuarter(workspaceId: string, quarter: string): Promise<boolean>;
  scheduledWorkspaces(): Promise<Workspace[]>;
  /** Shown (closed, not withheld) rounds of a workspace that closed in `quarter`. */
  roundsClosedIn(workspaceId: string, quarter: string): Promise<MirrorRound[]>;
  /** The quarter's organisation mirror as first shown, if it was. */
  frozenOrgMirror(workspaceId: string, quarter: string): Promise<{ week: string; figures: OrgMirror } | null>;
  /** Keeps `figures` as the quarter's organisation mirror unless one was kept first; returns the kept one. */
  freezeOrgMirror(
    workspaceId: string,
    quarter: string,
    week: string,
    figures: OrgMirror,
  ): Promise<{ week: string; figures: OrgMirror }>;
  /** Every frozen organisation mirror, for the export. */
  frozenOrgMirrors(): Promise<{ workspace: Workspace; figures: OrgMirror }[]>;
  /** Asking evidence: /cx-ask runs by the leader and named suggestions by these people since `since`. */
  askingCounts(
    workspaceId: string,
    leaderId: string,
    raterIds: string[],
    since: Date,
    until: Date,
  ): Promise<{ asks: number; suggestions: number }>;
  /** Invited rater ids of a round (for the evidence of named suggestions); empty once closed. */
  raterIds(roundId: string): Promise<string[]>;
  getMember(id: string): Promise<Member | null>;
}

/** How each platform shows the mirror. `tag` names the outbox entry a post delivers. */
export interface MirrorMessenger extends SentLookup {
  sendSelfRating(workspace: Workspace, leaderExternalId: string, view: SelfRatingView, tag: string): Promise<void>;
  sendInvite(workspace: Workspace, raterExternalId: string, view: InviteView, tag: string): Promise<void>;
  sendReminder(workspace: Workspace, raterExternalId: string, view: InviteView, tag: string): Promise<void>;
  sendResults(workspace: Workspace, leaderExternalId: string, view: ResultsView, tag: string): Promise<void>;
  /** The same aggregate, into a channel the leader chose. */
  shareResults(workspace: Workspace, channelRef: string, view: ResultsView): Promise<void>;
}
