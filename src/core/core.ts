// The core services wired together; what every platform adapter receives.
import { AdminService } from "./admin.js";
import { CheckInService } from "./checkins.js";
import type { Platform, WorkspaceSettings } from "./model.js";
import { NudgeService } from "./nudges.js";
import type { Clock, Logger, Messenger, Store } from "./ports.js";
import { Outbox, type OutboxStore } from "./outbox.js";
import { SuggestionService, type SuggestionStore } from "./suggestions.js";
import type { PersonHasher } from "./hash.js";

export interface CoreOptions {
  store: Store;
  suggestionStore: SuggestionStore;
  outboxStore: OutboxStore;
  /** Keyed hash for people (rate limits, distinct counts); never reversible without the secret. */
  hash: PersonHasher;
  clock: Clock;
  logger: Logger;
  nudgeGraceMs: number;
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
  outbox: Outbox;
  /** One clock tick: nudges, queued messages, scheduled suggestion prompts. */
  tick(): Promise<Record<string, number>>;
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
  });
  const outbox = new Outbox(options.outboxStore, options.clock, options.logger);
  const suggestions = new SuggestionService({
    store: options.store,
    suggestions: options.suggestionStore,
    outbox,
    clock: options.clock,
    logger: options.logger,
    hash: options.hash,
  });
  return {
    store: options.store,
    clock: options.clock,
    logger: options.logger,
    defaults: options.defaults,
    admins: new Set(options.admins),
    nudges,
    checkins: new CheckInService(options.store),
    admin: new AdminService(options.store, options.suggestionStore, options.clock),
    suggestions,
    outbox,
    tick: async () => {
      const nudgeReport = await nudges.tick();
      const outboxReport = await outbox.deliverDue(options.clock());
      const prompts = await suggestions.askScheduled(options.clock());
      return {
        ...nudgeReport,
        outboxSent: outboxReport.sent,
        outboxRetrying: outboxReport.retrying,
        outboxFailed: outboxReport.failed,
        prompts,
      };
    },
    registerMessenger: (platform, messenger) => {
      messengers[platform] = messenger;
    },
  };
}
