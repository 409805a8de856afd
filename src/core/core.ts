// The core services wired together; what every platform adapter receives.
import { AdminService } from "./admin.js";
import { CheckInService } from "./checkins.js";
import type { Platform, WorkspaceSettings } from "./model.js";
import { NudgeService } from "./nudges.js";
import type { Clock, Logger, Messenger, Store } from "./ports.js";
import { Outbox, type OutboxStore } from "./outbox.js";
import { SuggestionService, type SuggestionStore } from "./suggestions.js";
import type { PersonHasher } from "./hash.js";
import type { PresenceStore } from "./presence/model.js";
import type { PresenceClassifier } from "./presence/classifier.js";
import type { DigestSummarizer } from "./presence/summary.js";
import { builtinClassifier } from "./presence/builtinClassifier.js";
import { PresenceService } from "./presence/service.js";
// Leader mirror (issue 12)
import { MirrorService } from "./mirror/service.js";
import type { MirrorStore } from "./mirror/ports.js";

export interface CoreOptions {
  store: Store;
  suggestionStore: SuggestionStore;
  outboxStore: OutboxStore;
  presenceStore: PresenceStore;
  /** Leader mirror (issue 12). */
  mirrorStore: MirrorStore;
  mirrorMinResponses: number;
  /** The LLM classifier (falling back to the built-in one), when OPENAI_API_KEY is set. */
  llmClassifier: PresenceClassifier | null;
  summarizer: DigestSummarizer | null;
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
  /** Settings a new workspace starts with. */
  defaults: WorkspaceSettings;
  /** Platform user ids with admin rights in addition to the platform's own admins. */
  admins: string[];
}

export interface Core {
  store: Store;
  clock: Clock;
  logger: Logger;
  defaults: WorkspaceSettings;
  admins: ReadonlySet<string>;
  nudges: NudgeService;
  checkins: CheckInService;
  admin: AdminService;
  suggestions: SuggestionService;
  presence: PresenceService;
  /** Leader mirror (issue 12). */
  mirror: MirrorService;
  outbox: Outbox;
  /**
   * One clock tick: nudges, queued messages, scheduled suggestion prompts, retention.
   * `stillLeading` is asked between the phases; when it says no (the scheduler lease went to
   * another replica) the tick stops there.
   */
  tick(stillLeading?: () => Promise<boolean>): Promise<Record<string, number>>;
  /** Adapters register how they deliver on their platform. */
  registerMessenger(platform: Platform, messenger: Messenger): void;
}

export function createCore(options: CoreOptions): Core {
  const messengers: Partial<Record<Platform, Messenger>> = {};
  const nudges = new NudgeService({
    store: options.store,
    messengers,
    clock: options.clock,
    logger: options.logger,
    graceMs: options.nudgeGraceMs,
    ...(options.claimLeaseMs ? { claimLeaseMs: options.claimLeaseMs } : {}),
  });
  const outbox = new Outbox(options.outboxStore, options.clock, options.logger, options.claimLeaseMs);
  const suggestions = new SuggestionService({
    store: options.store,
    suggestions: options.suggestionStore,
    outbox,
    clock: options.clock,
    logger: options.logger,
  });
  const presence = new PresenceService({
    store: options.presenceStore,
    workspaces: options.store,
    outbox,
    clock: options.clock,
    logger: options.logger,
    hash: options.hash,
    builtin: builtinClassifier,
    llm: options.llmClassifier,
    summarizer: options.summarizer,
    minAuthors: options.presenceMinAuthors,
    retentionWeeks: options.presenceRetentionWeeks,
  });
  // Leader mirror (issue 12)
  const mirror = new MirrorService({
    mirror: options.mirrorStore,
    store: options.store,
    presence: options.presenceStore,
    outbox,
    clock: options.clock,
    logger: options.logger,
    minResponses: options.mirrorMinResponses,
    minAuthors: options.presenceMinAuthors,
    defaults: options.defaults,
  });
  presence.orgMirror = (workspace, week, weekEnd) => mirror.orgMirrorForDigest(workspace, week, weekEnd);
  let lastRetention = 0;
  return {
    store: options.store,
    clock: options.clock,
    logger: options.logger,
    defaults: options.defaults,
    admins: new Set(options.admins),
    nudges,
    checkins: new CheckInService(options.store),
    admin: new AdminService({
      store: options.store,
      suggestions: options.suggestionStore,
      presence,
      presenceStore: options.presenceStore,
      clock: options.clock,
      llmAvailable: options.llmClassifier !== null,
    }),
    suggestions,
    presence,
    mirror,
    outbox,
    tick: async (stillLeading = async () => true) => {
      const now = options.clock();
      const report: Record<string, number> = { ...(await nudges.tick()) };
      if (!(await stillLeading())) return report;
      report.digests = await presence.scheduleDigests(now);
      report.prompts = await suggestions.askScheduled(now);
      Object.assign(report, await mirror.tick(now)); // leader mirror (issue 12): reminders, closes, scheduled rounds
      const outboxReport = await outbox.deliverDue(now);
      Object.assign(report, { outboxSent: outboxReport.sent, outboxRetrying: outboxReport.retrying, outboxFailed: outboxReport.failed });
      if (!(await stillLeading())) return report;
      // Retention is a sweep over an indexed column: hourly is plenty.
      report.expiredSignals = 0;
      if (now.getTime() - lastRetention >= 3600_000) {
        lastRetention = now.getTime();
        report.expiredSignals = await presence.retention(now);
        if (!(await options.scrubDeleted())) options.logger.warn({}, "the database was busy: deleted rows are scrubbed from its files at the next hourly sweep");
      }
      return report;
    },
    registerMessenger: (platform, messenger) => {
      messengers[platform] = messenger;
    },
  };
}
