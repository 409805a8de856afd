// The core's one front door: the services wired together, which is all a platform door gets.
// No storage here — doors ask services, and services decide what a person may do.
import { AdminService } from "./admin/service.js";
import { NudgeService } from "./checkins/nudges.js";
import type { CheckInStore, NudgeMessenger } from "./checkins/ports.js";
import { NudgeReminders } from "./checkins/reminders.js";
import { CheckInService } from "./checkins/service.js";
import { DashboardAccess } from "./dashboard/access.js";
import { DashboardFigures } from "./dashboard/figures.js";
import type { DashboardStore } from "./dashboard/model.js";
import { AddressBook } from "./identity/addresses.js";
import type { AddressStore, WorkspaceStore } from "./identity/ports.js";
import { IdentityService } from "./identity/service.js";
import type { MirrorMessenger, MirrorStore } from "./mirror/ports.js";
import { MirrorService } from "./mirror/service.js";
import { createBuiltinClassifier } from "./presence/builtinClassifier.js";
import type { PresenceMessenger, PresenceStore } from "./presence/ports.js";
import { PresenceService } from "./presence/service.js";
import type { DigestSummarizer } from "./presence/summary.js";
import { type LlmFactory, WorkspaceClassifiers } from "./presence/workspaceClassifiers.js";
import { VocabularyService, type VocabularyStore } from "./presence/workspaceVocabulary.js";
import type { PersonHasher } from "./shared/hash.js";
import type { Platform, WorkspaceSettings } from "./shared/model.js";
import { Outbox, type OutboxStore } from "./shared/outbox.js";
import { PlatformRegistry } from "./shared/platforms.js";
import type { Clock, Logger } from "./shared/ports.js";
import type { Timer } from "./shared/rateLimits.js";
import type { SuggestionMessenger, SuggestionStore } from "./suggestions/ports.js";
import { SuggestionService } from "./suggestions/service.js";

export interface CoreOptions {
  workspaceStore: WorkspaceStore;
  checkInStore: CheckInStore;
  addressStore: AddressStore;
  suggestionStore: SuggestionStore;
  outboxStore: OutboxStore;
  presenceStore: PresenceStore;
  /** The leader mirror's rounds, invitations and histograms (issue 12). */
  mirrorStore: MirrorStore;
  /** Fewest answers a mirror round needs to be shown (never below 3). */
  mirrorMinResponses: number;
  /** Builds a workspace's LLM classifier (falling back to its built-in one), when OPENAI_API_KEY is set. */
  llmClassifier: LlmFactory | null;
  /** Each workspace's industry preset and own terms. */
  vocabularyStore: VocabularyStore;
  /** How soon a vocabulary changed on another replica is used here (default 15 s). */
  vocabularyTtlMs?: number;
  summarizer: DigestSummarizer | null;
  /** Viewers, one-time links and sessions of the dashboard, and its suggestion counts. */
  dashboardStore: DashboardStore;
  /** Where browsers reach this bot (PUBLIC_URL), for dashboard links; asked when a link is made. */
  publicUrl: () => string;
  presenceMinAuthors: number;
  presenceRetentionWeeks: number;
  /** Makes rows deleted so far unrecoverable from the storage files; run after each retention sweep. False when busy. */
  scrubDeleted(): Promise<boolean>;
  /** Keyed hash for people (distinct authors in presence figures); never reversible without the secret. */
  hash: PersonHasher;
  clock: Clock;
  logger: Logger;
  nudgeGraceMs: number;
  /** How long a claimed nudge or outbox message stays with its sender (defaults: 2 minutes). */
  claimLeaseMs?: number;
  /** Real time for waiting out a Retry-After within a tick (default: the process's; tests simulate it). */
  timer?: Timer;
  /** Settings a new workspace starts with. */
  defaults: WorkspaceSettings;
  /** Platform user ids with admin rights in addition to the platform's own admins. */
  admins: string[];
}

/** How a platform delivers each job's messages; one object per door (Core.registerPlatform). */
export interface PlatformSenders {
  nudges: NudgeMessenger;
  suggestions: SuggestionMessenger;
  presence: PresenceMessenger;
  mirror: MirrorMessenger;
}

export interface Core {
  clock: Clock;
  logger: Logger;
  defaults: WorkspaceSettings;
  identity: IdentityService;
  /** Where a platform can reach a person proactively (Teams conversation references). */
  addresses: AddressBook;
  nudges: NudgeService;
  checkins: CheckInService;
  admin: AdminService;
  suggestions: SuggestionService;
  presence: PresenceService;
  vocabulary: VocabularyService;
  /** The leader mirror (issue 12). */
  mirror: MirrorService;
  outbox: Outbox;
  /** Who may see the dashboard, its links and sessions, and the figures its pages show. */
  dashboard: { access: DashboardAccess; figures: DashboardFigures };
  /**
   * One clock tick: nudges, queued messages, scheduled suggestion prompts, retention.
   * `stillLeading` is asked between the phases; when it says no (the scheduler lease went to
   * another replica) the tick stops there.
   */
  tick(stillLeading?: () => Promise<boolean>): Promise<Record<string, number>>;
  /** Each door registers, once, how it delivers nudges, suggestions, presence and mirror messages. */
  registerPlatform(platform: Platform, senders: PlatformSenders): void;
}

export function createCore(options: CoreOptions): Core {
  const senders = {
    nudges: new PlatformRegistry<NudgeMessenger>("nudges"),
    suggestions: new PlatformRegistry<SuggestionMessenger>("suggestions"),
    presence: new PlatformRegistry<PresenceMessenger>("presence"),
    mirror: new PlatformRegistry<MirrorMessenger>("the leader mirror"),
  };
  const workspaces = options.workspaceStore;
  const admins = new Set(options.admins);
  const identity = new IdentityService({ workspaces, defaults: options.defaults, admins });
  const outbox = new Outbox(options.outboxStore, options.clock, options.logger, options.claimLeaseMs);
  // The one reminder of an unanswered nudge goes through the outbox, by the door's nudges sender.
  const reminders = new NudgeReminders({
    store: options.checkInStore,
    messengers: senders.nudges,
    outbox,
    clock: options.clock,
    logger: options.logger,
  });
  const nudges = new NudgeService({
    store: options.checkInStore,
    members: workspaces,
    messengers: senders.nudges,
    reminders,
    clock: options.clock,
    logger: options.logger,
    graceMs: options.nudgeGraceMs,
    ...(options.claimLeaseMs ? { claimLeaseMs: options.claimLeaseMs } : {}),
    ...(options.timer ? { timer: options.timer } : {}),
  });
  const suggestions = new SuggestionService({
    workspaces,
    messengers: senders.suggestions,
    suggestions: options.suggestionStore,
    outbox,
    clock: options.clock,
    logger: options.logger,
  });
  const vocabulary = new VocabularyService(options.vocabularyStore, options.clock);
  const classifiers = new WorkspaceClassifiers({
    store: options.vocabularyStore,
    clock: options.clock,
    builtin: (v) => createBuiltinClassifier(v),
    llm: options.llmClassifier,
    ...(options.vocabularyTtlMs !== undefined ? { ttlMs: options.vocabularyTtlMs } : {}),
  });
  // A change made here is used here from the next message on; other replicas follow within the TTL.
  vocabulary.onChange((workspaceId) => classifiers.invalidate(workspaceId));
  const presence = new PresenceService({
    store: options.presenceStore,
    workspaces,
    messengers: senders.presence,
    outbox,
    clock: options.clock,
    logger: options.logger,
    hash: options.hash,
    classifiers,
    vocabulary,
    summarizer: options.summarizer,
    minAuthors: options.presenceMinAuthors,
    retentionWeeks: options.presenceRetentionWeeks,
  });
  const dashboard = {
    access: new DashboardAccess({
      store: options.dashboardStore,
      workspaces,
      clock: options.clock,
      publicUrl: options.publicUrl,
    }),
    figures: new DashboardFigures({
      presence,
      presenceStore: options.presenceStore,
      store: options.dashboardStore,
      clock: options.clock,
    }),
  };
  presence.onSignalsRemoved((workspaceId) => dashboard.figures.forget(workspaceId));
  const mirror = new MirrorService({
    mirror: options.mirrorStore,
    workspaces,
    checkIns: options.checkInStore,
    presence: options.presenceStore,
    messengers: senders.mirror,
    outbox,
    clock: options.clock,
    logger: options.logger,
    minResponses: options.mirrorMinResponses,
    minAuthors: options.presenceMinAuthors,
  });
  // The digest shows the organisation's mirror in the one week that freezes it.
  presence.orgMirror = (workspace, week, weekEnd) => mirror.orgMirrorForDigest(workspace, week, weekEnd);
  let lastRetention = 0;
  return {
    clock: options.clock,
    logger: options.logger,
    defaults: options.defaults,
    identity,
    addresses: new AddressBook(options.addressStore, identity),
    nudges,
    checkins: new CheckInService(options.checkInStore, workspaces),
    admin: new AdminService({
      workspaces,
      nudges,
      suggestions: options.suggestionStore,
      presence,
      presenceStore: options.presenceStore,
      vocabulary,
      mirror,
      clock: options.clock,
      llmAvailable: options.llmClassifier !== null,
      dashboard: dashboard.access,
    }),
    suggestions,
    presence,
    vocabulary,
    mirror,
    outbox,
    dashboard,
    tick: async (stillLeading = async () => true) => {
      const now = options.clock();
      const report: Record<string, number> = { ...(await nudges.tick(stillLeading)) };
      if (!(await stillLeading())) return report;
      report.digests = await presence.scheduleDigests(now);
      report.prompts = await suggestions.askScheduled(now);
      Object.assign(report, await mirror.tick(now)); // reminders, closes, scheduled rounds
      const outboxReport = await outbox.deliverDue(now);
      Object.assign(report, {
        outboxSent: outboxReport.sent,
        outboxRetrying: outboxReport.retrying,
        outboxFailed: outboxReport.failed,
      });
      if (!(await stillLeading())) return report;
      // Retention is a sweep over an indexed column: hourly is plenty.
      report.expiredSignals = 0;
      if (now.getTime() - lastRetention >= 3600_000) {
        lastRetention = now.getTime();
        report.expiredSignals = await presence.retention(now);
        if (!(await options.scrubDeleted()))
          options.logger.warn(
            {},
            "the database was busy: deleted rows are scrubbed from its files at the next hourly sweep",
          );
      }
      return report;
    },
    registerPlatform: (platform, platformSenders) => {
      senders.nudges.register(platform, platformSenders.nudges);
      senders.suggestions.register(platform, platformSenders.suggestions);
      senders.presence.register(platform, platformSenders.presence);
      senders.mirror.register(platform, platformSenders.mirror);
    },
  };
}
