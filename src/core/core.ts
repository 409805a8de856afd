// The core services wired together; what every platform adapter receives.
import { AdminService } from "./admin.js";
import { CheckInService } from "./checkins.js";
import type { Platform, WorkspaceSettings } from "./model.js";
import { NudgeService } from "./nudges.js";
import type { Clock, Logger, Messenger, Store } from "./ports.js";

export interface CoreOptions {
  store: Store;
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
  return {
    store: options.store,
    clock: options.clock,
    logger: options.logger,
    defaults: options.defaults,
    admins: new Set(options.admins),
    nudges,
    checkins: new CheckInService(options.store),
    admin: new AdminService(options.store, options.clock),
    registerMessenger: (platform, messenger) => {
      messengers[platform] = messenger;
    },
  };
}
