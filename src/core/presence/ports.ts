// Presence signals and the ports the presence feature talks through.

import type { OrgMirror } from "../mirror/ports.js";
import type { Language, Workspace } from "../shared/model.js";
import type { SentLookup } from "../shared/outbox.js";
import type { MessageRef } from "../shared/ports.js";
import type { QuestionKey } from "../shared/questions.js";
import type { Tone } from "./classifier.js";
import type { IndustryPreset } from "./vocabulary.js";

/** A channel message as the platform door hands it over. The text is used, never stored. */
export interface ChannelMessage {
  /** Platform delivery id (Slack event_id); retries repeat it. */
  eventId?: string;
  channelRef: string;
  /** The group the channel belongs to (a Teams team id), when the platform has one. */
  groupRef?: string;
  messageRef: string;
  authorId: string;
  text: string;
  at: Date;
}

export interface Signal {
  workspaceId: string;
  channelRef: string;
  /** A keyed hash of the platform's message id: it finds the signal again, but names no message. */
  messageRef: string;
  day: string;
  week: string;
  customer: boolean;
  tone: Tone | null;
  classifier: string;
  authorHash: string;
}

/** Counts for one channel (or a whole workspace) in one week. */
export interface WeekCounts {
  channelRef: string;
  week: string;
  messages: number;
  customer: number;
  positive: number;
  negative: number;
  authors: number;
}

/** The leaders' figures of one week: only leaders sent a nudge for it, and only their answers for it. */
export interface LeaderWeekStats {
  /** Distinct leaders who were sent a nudge that week. */
  leaders: number;
  nudged: number;
  answered: number;
  /** Per question: how many of those leaders answered, and their average rating. */
  questions: { question: QuestionKey; leaders: number; average: number | null }[];
}

export interface SuggestionWeekStats {
  created: number;
  /** Share of suggestions from the last 8 weeks that got an answer. */
  answeredShare: number | null;
  top: { number: number; text: string; votes: number }[];
}

export type ChannelState = "tracked" | "excluded" | "unknown";

/** What a batch of messages needs to know before anything is stored. */
export interface IngestState {
  /** Which of the (keyed) event ids were handled already: the platform's retries. */
  known: Set<string>;
  /** The state of each channel ("unknown" for a channel never tracked). */
  channels: Map<string, ChannelState>;
}

export interface PresenceStore {
  /** The batch's known events and its channels' states, in one read (never cached: an exclusion on another replica counts at once). */
  ingestState(workspaceId: string, eventIds: string[], channelRefs: string[]): Promise<IngestState>;
  /** Records (keyed) event ids as handled, once what they carried is stored. */
  recordEvents(eventIds: string[], at: Date): Promise<void>;
  pruneEvents(before: Date): Promise<void>;
  /** Starts measuring a channel; returns false when it was already tracked. */
  trackChannel(workspaceId: string, channelRef: string, groupRef?: string): Promise<boolean>;
  /** Channels tracked as part of a group (a Teams team). */
  channelsOfGroup(workspaceId: string, groupRef: string): Promise<string[]>;
  setExcluded(workspaceId: string, channelRef: string, excluded: boolean): Promise<void>;
  /** Forgets a channel entirely: its row and every signal. */
  forgetChannel(workspaceId: string, channelRef: string): Promise<void>;
  deleteChannelSignals(workspaceId: string, channelRef: string): Promise<number>;
  markBaseline(workspaceId: string, channelRef: string, at: Date): Promise<void>;
  /** Writes signals (an edit updates its message's one signal); none stays in a channel that is excluded, whoever excluded it. */
  upsertSignals(signals: Signal[]): Promise<void>;
  deleteSignal(workspaceId: string, channelRef: string, messageRef: string): Promise<void>;
  /** Deletes signals of messages written before `day` ("YYYY-MM-DD"). */
  deleteSignalsBefore(day: string): Promise<number>;
  /** Per channel and week, for the given weeks. */
  channelWeeks(workspaceId: string, weeks: string[]): Promise<WeekCounts[]>;
  /** Whole-workspace counts per week (or the given channels' combined), with distinct authors across them. */
  combinedWeeks(workspaceId: string, weeks: string[], channelRefs?: string[]): Promise<WeekCounts[]>;
  /** A week's leader figures as they stand now, every average included (the core hides small groups). */
  leaderStats(workspaceId: string, week: string): Promise<LeaderWeekStats>;
  /** The figures frozen for a week when its digest was first computed, if it was. */
  frozenLeaderStats(workspaceId: string, week: string): Promise<LeaderWeekStats | null>;
  /** Keeps `stats` as the week's frozen figures unless others were kept first; returns the kept ones. */
  freezeLeaderStats(workspaceId: string, week: string, stats: LeaderWeekStats): Promise<LeaderWeekStats>;
  suggestionStats(workspaceId: string, weekStart: Date, weekEnd: Date): Promise<SuggestionWeekStats>;
  addDigestTarget(workspaceId: string, channelRef: string): Promise<void>;
  removeDigestTarget(workspaceId: string, channelRef: string): Promise<void>;
  digestTargets(): Promise<{ workspace: Workspace; channelRefs: string[] }[]>;
}

export interface ChannelFigures {
  /** null for "other channels" and for the whole workspace */
  channelRef: string | null;
  messages: number;
  customerShare: number | null;
  positiveShare: number | null;
  negativeShare: number | null;
  /**
   * Why the week's figures are withheld (customerShare null): nothing measured, fewer than the
   * minimum of people wrote, or (whole workspace) the folded rest would be revealed by subtraction.
   */
  hidden: "no-messages" | "few-authors" | "small-rest" | null;
  /** Change of the customer share against the week before, in percentage points. */
  change: number | null;
  /** Customer share per week, oldest first (8 weeks); null where too few people wrote. */
  trend: (number | null)[];
  /** The same weeks split by tone, each a share of all messages (together they make `trend`); null where `trend` is. */
  toneTrend: (ToneShares | null)[];
}

/** Shares of all messages that were about customers in each tone. */
export type ToneShares = Record<Tone, number>;

export interface DigestReport {
  week: string;
  weeks: string[];
  language: Language;
  channels: ChannelFigures[];
  other: ChannelFigures | null;
  workspace: ChannelFigures;
  /** answeredShare is null when fewer than minAuthors leaders were nudged. */
  leaders: LeaderWeekStats & { answeredShare: number | null };
  suggestions: SuggestionWeekStats;
  bullets: string[];
  minAuthors: number;
  /** Leader mirror (issue 12): the organisation's mirror, in the one digest that shows it. */
  orgMirror?: OrgMirror | null;
  /** The workspace's customer vocabulary the figures were classified with. */
  vocabulary?: VocabularySummary;
}

export interface VocabularySummary {
  industry: IndustryPreset | null;
  /** How many own terms. */
  terms: number;
  /** The local day ("YYYY-MM-DD") it changed, when that was after the reported week began: the week was partly classified with an earlier one. */
  changedOn: string | null;
}

/** How each platform shows presence things. `tag` names the outbox entry a post delivers (see SentLookup). */
export interface PresenceMessenger extends SentLookup {
  /** The notice of what is measured, naming the minimum group size in force. */
  postNotice(
    workspace: Workspace,
    channelRef: string,
    language: Language,
    minAuthors: number,
    tag: string,
  ): Promise<void>;
  postDigest(workspace: Workspace, channelRef: string, report: DigestReport, tag: string): Promise<MessageRef>;
  /** Returns where the preview went (the person's direct message), where the platform tells. */
  sendDigestPreview(workspace: Workspace, userId: string, report: DigestReport): Promise<MessageRef | void>;
}
