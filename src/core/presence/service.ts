// Customer presence: ingest channel messages as signals (never text), honour exclusions and
// retention, and build and schedule the weekly digest through the outbox.

import type { WorkspaceStore } from "../identity/ports.js";
import type { OrgMirror } from "../mirror/ports.js";
import type { PersonHasher } from "../shared/hash.js";
import type { Language, Workspace } from "../shared/model.js";
import type { Outbox } from "../shared/outbox.js";
import type { PlatformRegistry } from "../shared/platforms.js";
import type { Clock, Logger, MessageRef } from "../shared/ports.js";
import {
  addDays,
  formatLocalDate,
  isoWeek,
  isoWeekday,
  localDateTime,
  recentWeeks,
  zonedTimeToUtc,
} from "../shared/time.js";
import type { PresenceClassifier } from "./classifier.js";
import {
  buildDigest,
  foldedChannels,
  type PresenceFigures,
  presenceFigures,
  summaryFacts,
  TREND_WEEKS,
} from "./digest.js";
import { leaderFigures } from "./leaderFigures.js";
import type {
  ChannelMessage,
  DigestReport,
  PresenceMessenger,
  PresenceStore,
  Signal,
  VocabularySummary,
} from "./ports.js";
import type { DigestSummarizer } from "./summary.js";
import type { WorkspaceClassifiers } from "./workspaceClassifiers.js";
import type { VocabularyService, WorkspaceVocabulary } from "./workspaceVocabulary.js";

export interface PresenceOptions {
  store: PresenceStore;
  /** Read again for every page of a baseline, which can run for minutes. */
  workspaces: Pick<WorkspaceStore, "getWorkspace">;
  /** How each platform shows presence things, registered by its door (Core.registerPlatform). */
  messengers: PlatformRegistry<PresenceMessenger>;
  outbox: Outbox;
  clock: Clock;
  logger: Logger;
  hash: PersonHasher;
  /** Each workspace's built-in and (when configured) LLM classifier, built with its vocabulary. */
  classifiers: WorkspaceClassifiers;
  /** The workspaces' vocabularies, for the digest's line on which one was in force. */
  vocabulary: VocabularyService;
  summarizer: DigestSummarizer | null;
  minAuthors: number;
  retentionWeeks: number;
}

export const DIGEST_OUTBOX = "presence.digest";
export const NOTICE_OUTBOX = "presence.notice";
const EVENT_MEMORY_MS = 3 * 86400_000;
const DIGEST_LATE_LIMIT_MS = 24 * 3600_000;

export class PresenceService {
  /** Leader mirror (issue 12): the organisation's mirror for a week's digest; set by the core. */
  orgMirror: ((workspace: Workspace, week: string, weekEnd: Date) => Promise<OrgMirror | null>) | null = null;

  /** Told when a channel's signals are deleted, so figures kept elsewhere (the dashboard's) are dropped at once. */
  private readonly signalsRemoved: ((workspaceId: string) => void)[] = [];

  constructor(private readonly options: PresenceOptions) {
    options.outbox.handle(DIGEST_OUTBOX, async (entry, workspace, once) => {
      const messenger = this.messenger(workspace);
      await once(messenger, async (tag) =>
        messenger.postDigest(workspace, entry.recipient, await this.report(workspace, entry.subjectId), tag),
      );
    });
    options.outbox.handle(NOTICE_OUTBOX, async (entry, workspace, once) => {
      const messenger = this.messenger(workspace);
      await once(messenger, (tag) =>
        messenger.postNotice(workspace, entry.recipient, workspace.language, options.minAuthors, tag),
      );
    });
  }

  private messenger(workspace: Workspace): PresenceMessenger {
    return this.options.messengers.for(workspace);
  }

  /** The LLM only where an admin switched it on; both with the workspace's vocabulary as it is now. */
  private async classifierFor(workspace: Workspace): Promise<PresenceClassifier> {
    const set = await this.options.classifiers.for(workspace.id);
    return workspace.presenceLlm && set.llm ? set.llm : set.builtin;
  }

  /**
   * How message references and platform event ids are stored: keyed hashes, like authors. They
   * find a signal again for an edit, a delete or a retry, but a copy of the database cannot name
   * the message behind a signal (and through it, with the bot token, its author).
   */
  readonly keys = {
    message: (workspaceId: string, channelRef: string, messageRef: string) =>
      this.options.hash(`presence-message:${workspaceId}:${channelRef}:${messageRef}`),
    event: (eventId: string) => this.options.hash(`presence-event:${eventId}`),
  };

  /**
   * New or edited messages. Retried deliveries (same event id) are skipped; the same message
   * twice updates one signal. Messages in excluded channels leave nothing behind. Event ids are
   * recorded only after the signals are stored: when storing fails, the platform's retry counts.
   */
  async ingest(workspace: Workspace, messages: ChannelMessage[]): Promise<number> {
    const { store, clock } = this.options;
    const eventKeys = new Map(messages.flatMap((m) => (m.eventId ? [[m, this.keys.event(m.eventId)] as const] : [])));
    const { known, channels: states } = await store.ingestState(
      workspace.id,
      [...new Set(eventKeys.values())],
      [...new Set(messages.map((m) => m.channelRef))],
    );
    const fresh: ChannelMessage[] = [];
    const handled = new Set<string>(); // the same event twice in one batch counts once too
    for (const message of messages) {
      const eventKey = eventKeys.get(message);
      if (eventKey && (known.has(eventKey) || handled.has(eventKey))) continue;
      if (eventKey) handled.add(eventKey);
      const state = states.get(message.channelRef);
      if (state === "excluded") continue;
      // A channel we never saw join (the bot was there before install, or the join event was
      // missed) gets its notice now, before anything from it is counted.
      if (state === "unknown") {
        await this.joined(workspace, message.channelRef, message.groupRef);
        states.set(message.channelRef, "tracked");
      }
      fresh.push(message);
    }
    const stored = fresh.length > 0 ? await this.storeSignals(workspace, fresh) : 0;
    await store.recordEvents([...handled], clock());
    return stored;
  }

  private async storeSignals(workspace: Workspace, fresh: ChannelMessage[]): Promise<number> {
    const { store } = this.options;
    const classifier = await this.classifierFor(workspace);
    const verdicts = await classifier.classify(fresh.map((m) => m.text));
    const signals: Signal[] = fresh.map((message, i) => {
      const local = localDateTime(message.at, workspace.timezone);
      return {
        workspaceId: workspace.id,
        channelRef: message.channelRef,
        messageRef: this.keys.message(workspace.id, message.channelRef, message.messageRef),
        day: formatLocalDate(local),
        week: isoWeek(local),
        customer: verdicts[i]!.customer,
        tone: verdicts[i]!.tone,
        classifier: classifier.name,
        authorHash: this.options.hash(`presence:${workspace.id}:${message.authorId}`),
      };
    });
    await store.upsertSignals(signals);
    return signals.length;
  }

  /** A deleted message's signal goes (a retried delete finds nothing more to delete). */
  async remove(workspace: Workspace, channelRef: string, messageRef: string): Promise<void> {
    await this.options.store.deleteSignal(
      workspace.id,
      channelRef,
      this.keys.message(workspace.id, channelRef, messageRef),
    );
  }

  /**
   * The bot joined a channel: say what is measured, then track it. The notice is queued first
   * (through the outbox, so a failed post is retried) and keyed by channel, so a repeated join
   * event cannot post it twice and a crash between the two steps cannot measure unannounced.
   */
  async joined(workspace: Workspace, channelRef: string, groupRef?: string): Promise<boolean> {
    await this.options.outbox.enqueue({
      workspaceId: workspace.id,
      kind: NOTICE_OUTBOX,
      subjectId: channelRef,
      recipient: channelRef,
      dedupeKey: noticeKey(workspace, channelRef),
    });
    const fresh = await this.options.store.trackChannel(workspace.id, channelRef, groupRef);
    this.options.outbox.kick();
    return fresh;
  }

  /** The bot left or was removed: stop measuring and forget the channel's signals. */
  async left(workspace: Workspace, channelRef: string): Promise<void> {
    await this.options.store.forgetChannel(workspace.id, channelRef);
    for (const listener of this.signalsRemoved) listener(workspace.id);
    // Invited again later, the channel is told again.
    await this.options.outbox.forget(noticeKey(workspace, channelRef));
  }

  /** The bot was removed from a group (a Teams team): every channel tracked as part of it is forgotten. */
  async leftGroup(workspace: Workspace, groupRef: string): Promise<string[]> {
    const channels = await this.options.store.channelsOfGroup(workspace.id, groupRef);
    for (const channelRef of channels) await this.left(workspace, channelRef);
    return channels;
  }

  async exclude(workspace: Workspace, channelRef: string): Promise<number> {
    await this.options.store.setExcluded(workspace.id, channelRef, true);
    const deleted = await this.options.store.deleteChannelSignals(workspace.id, channelRef);
    for (const listener of this.signalsRemoved) listener(workspace.id);
    return deleted;
  }

  onSignalsRemoved(listener: (workspaceId: string) => void): void {
    this.signalsRemoved.push(listener);
  }

  async include(workspace: Workspace, channelRef: string): Promise<void> {
    await this.options.store.setExcluded(workspace.id, channelRef, false);
  }

  /**
   * Reads history pages into signals (the 4-week baseline); each page is ingested as it comes,
   * with the workspace's settings as they are then: `presence llm off` stops texts going to the
   * LLM from the next page on, also when switched on another replica.
   */
  async baseline(workspace: Workspace, channelRef: string, pages: AsyncIterable<ChannelMessage[]>): Promise<number> {
    let total = 0;
    let page = 0;
    for await (const messages of pages) {
      total += await this.ingest((await this.options.workspaces.getWorkspace(workspace.id)) ?? workspace, messages);
      page++;
      this.options.logger.info(
        { channel: channelRef, page, messages: total },
        "presence baseline: reading channel history",
      );
    }
    await this.options.store.markBaseline(workspace.id, channelRef, this.options.clock());
    this.options.logger.info({ channel: channelRef, messages: total }, "presence baseline complete");
    return total;
  }

  /** Deletes signals of messages older than the retention limit and forgets old event ids. */
  async retention(now: Date): Promise<number> {
    const { store, retentionWeeks } = this.options;
    await store.pruneEvents(new Date(now.getTime() - EVENT_MEMORY_MS));
    // By the day the message was written (a baseline reads weeks-old messages today).
    return store.deleteSignalsBefore(
      new Date(now.getTime() - retentionWeeks * 7 * 86400_000).toISOString().slice(0, 10),
    );
  }

  get minAuthors(): number {
    return this.options.minAuthors;
  }

  /** The digest for `week` (an ISO week label) in the workspace's language. */
  async report(workspace: Workspace, week: string, language: Language = workspace.language): Promise<DigestReport> {
    const { store, minAuthors } = this.options;
    const weeks = weeksEndingWith(week);
    const { start, end } = weekBounds(week, workspace.timezone);
    const [counts, leaders, suggestions, vocabulary] = await Promise.all([
      this.weekCounts(workspace, weeks),
      leaderFigures(store, workspace.id, week, minAuthors),
      store.suggestionStats(workspace.id, start, end),
      this.options.vocabulary.get(workspace.id),
    ]);
    const report = buildDigest({ language, weeks, ...counts, leaders, suggestions, minAuthors });
    if (this.orgMirror) report.orgMirror = await this.orgMirror(workspace, week, end); // leader mirror (issue 12)
    report.vocabulary = vocabularySummary(vocabulary, start, workspace.timezone);
    if (workspace.presenceLlm && this.options.summarizer) {
      report.bullets = await this.options.summarizer.summarize(summaryFacts(report), language).catch(() => []);
    }
    return report;
  }

  /** Presence figures over any span of weeks (oldest first), computed exactly as the digest's. */
  async figures(workspace: Workspace, weeks: string[]): Promise<PresenceFigures> {
    return presenceFigures({
      weeks,
      ...(await this.weekCounts(workspace, weeks)),
      minAuthors: this.options.minAuthors,
    });
  }

  /** The counts the figures are made of; each week folds its own small channels (distinct authors across them). */
  private async weekCounts(workspace: Workspace, weeks: string[]) {
    const { store, minAuthors } = this.options;
    const [channelWeeks, workspaceWeeks] = await Promise.all([
      store.channelWeeks(workspace.id, weeks),
      store.combinedWeeks(workspace.id, weeks),
    ]);
    const otherWeeks = (
      await Promise.all(
        weeks.map((w) => {
          const folded = foldedChannels(channelWeeks, w, minAuthors);
          return folded.length ? store.combinedWeeks(workspace.id, [w], folded) : Promise.resolve([]);
        }),
      )
    ).flat();
    return { channelWeeks, workspaceWeeks, otherWeeks };
  }

  /** Queues each target's digest once per week when its time has come (Monday 09:00 by default). */
  async scheduleDigests(now: Date): Promise<number> {
    let queued = 0;
    for (const { workspace, channelRefs } of await this.options.store.digestTargets()) {
      const due = digestDue(workspace, now);
      if (!due) continue;
      for (const channelRef of channelRefs) {
        queued += await this.options.outbox.enqueue({
          workspaceId: workspace.id,
          kind: DIGEST_OUTBOX,
          subjectId: due.week,
          recipient: channelRef,
          dedupeKey: `digest:${workspace.id}:${channelRef}:${due.week}`,
        });
      }
    }
    return queued;
  }

  /** `/cx-admin digest-now`: last week's digest, privately to the asking admin. */
  async preview(workspace: Workspace, userId: string, language: Language): Promise<MessageRef | void> {
    const local = localDateTime(this.options.clock(), workspace.timezone);
    const report = await this.report(workspace, isoWeek(addDays(local, -7)), language);
    return this.messenger(workspace).sendDigestPreview(workspace, userId, report);
  }
}

/** The `count` (digest: TREND_WEEKS) ISO week labels ending with `week`, oldest first. */
export function weeksEndingWith(week: string, count = TREND_WEEKS): string[] {
  const { monday } = mondayOf(week);
  return recentWeeks(monday, count);
}

function mondayOf(week: string) {
  const [yearText, weekText] = week.split("-W");
  const year = Number(yearText);
  const jan4 = { year, month: 1, day: 4 };
  const mondayWeek1 = addDays(jan4, -(isoWeekday(jan4) - 1));
  return { monday: addDays(mondayWeek1, (Number(weekText) - 1) * 7) };
}

/** The instants a week starts and ends in a time zone. */
export function weekBounds(week: string, timeZone: string): { start: Date; end: Date } {
  const { monday } = mondayOf(week);
  return { start: zonedTimeToUtc(monday, 0, timeZone), end: zonedTimeToUtc(addDays(monday, 7), 0, timeZone) };
}

/** When the workspace's digest moment of this week has passed (by less than a day): the week it reports. */
export function digestDue(workspace: Workspace, now: Date): { week: string } | null {
  const local = localDateTime(now, workspace.timezone);
  const day = addDays(local, workspace.digestWeekday - local.weekday);
  const dueAt = zonedTimeToUtc(day, workspace.digestMinute, workspace.timezone);
  const late = now.getTime() - dueAt.getTime();
  if (late < 0 || late >= DIGEST_LATE_LIMIT_MS) return null;
  return { week: isoWeek(addDays(day, -7)) };
}

/** Which vocabulary the week's messages were classified with; a change since the week began is named, since terms apply only from then on. */
export function vocabularySummary(
  vocabulary: WorkspaceVocabulary,
  weekStart: Date,
  timeZone: string,
): VocabularySummary {
  const changed =
    vocabulary.changedAt && vocabulary.changedAt.getTime() > weekStart.getTime() ? vocabulary.changedAt : null;
  return {
    industry: vocabulary.industry,
    terms: vocabulary.terms.length,
    changedOn: changed && formatLocalDate(localDateTime(changed, timeZone)),
  };
}

function noticeKey(workspace: Workspace, channelRef: string): string {
  return `notice:${workspace.id}:${channelRef}`;
}
