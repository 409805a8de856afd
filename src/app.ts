// Builds the running application from a Config: database, core, doors, HTTP server, clock.
// main.ts starts it for real; tests start it with a temp database and a fake Slack.
import type http from "node:http";
import type { AddressInfo } from "node:net";
import { createSlackDoor, type SlackDoor } from "./bots/slack/app.js";
import type { ConnectionOptions } from "./bots/slack/connection.js";
import type { TeamsDoor, TeamsDoorOptions } from "./bots/teams/door.js";
import type { Config } from "./config.js";
import { type Core, createCore } from "./core/index.js";
import type { PresenceClassifier } from "./core/presence/classifier.js";
import type { IndustryPreset } from "./core/presence/vocabulary.js";
import { createHasher } from "./core/shared/hash.js";
import type { Clock, LeaseStore } from "./core/shared/ports.js";
import { registerDashboard } from "./dashboard/routes.js";
import { answerErrorsAsJson } from "./http/errors.js";
import { createHttpApp, type DoorHealth, listen } from "./http/server.js";
import { type ClockHandle, startClock } from "./jobs/clock.js";
import type { AppLogger } from "./logger.js";
import { PrismaCheckInStore } from "./storage/checkinStore.js";
import { PrismaConversationStore } from "./storage/conversationStore.js";
import { PrismaDashboardStore } from "./storage/dashboardStore.js";
import { openDatabase } from "./storage/database.js";
import { databaseHealth } from "./storage/health.js";
import { PrismaLeaseStore } from "./storage/leaseStore.js";
import { PrismaMirrorStore, vacuumMirrorTables } from "./storage/mirrorStore.js"; // leader mirror (issue 12)
import { PrismaOutboxStore } from "./storage/outboxStore.js";
import { eraseOverwritten, keyPlainReferences } from "./storage/presenceRefs.js";
import { PrismaPresenceStore } from "./storage/presenceStore.js";
import { dropStoredSecret, loadOrCreateSecret } from "./storage/secrets.js";
import { PrismaSuggestionStore } from "./storage/suggestionStore.js";
import { PrismaVocabularyStore } from "./storage/vocabularyStore.js";
import { PrismaWorkspaceStore } from "./storage/workspaceStore.js";

const PERSON_KEY = "person-hash";

export interface RunningApp {
  core: Core;
  /**
   * The storage adapters, for tests and benchmarks that seed or inspect data directly. The doors
   * never get these: they see only `core`.
   */
  stores: { workspaces: PrismaWorkspaceStore; checkins: PrismaCheckInStore };
  server: http.Server;
  url: string;
  slack: SlackDoor | null;
  teams: TeamsDoor | null;
  lease: LeaseStore;
  clock: ClockHandle | null;
  stop(): Promise<void>;
}

export interface StartOptions {
  logger: AppLogger;
  /** Injected in tests; real time otherwise. */
  clock?: Clock;
  /** Tests drive ticks themselves. */
  startScheduler?: boolean;
  /** Tests shorten the Teams delivery backoff. */
  teams?: TeamsDoorOptions;
  /** Tests shorten the backoff of connecting to Slack in the background. */
  slack?: ConnectionOptions;
}

/** The LLM classifier and summarizer, loaded (with the openai package) only when configured. */
async function llmParts(config: Config, logger: AppLogger) {
  const openai = config.openai;
  if (!openai) return { llmClassifier: null, summarizer: null };
  const [{ createLlmClassifier }, { OpenAiSummarizer }] = await Promise.all([
    import("./llm/openAiClassifier.js"),
    import("./llm/openAiSummarizer.js"),
  ]);
  return {
    // One per workspace vocabulary (built and cached by the core), each with that workspace's built-in classifier behind it.
    llmClassifier: (
      vocabulary: { industry?: IndustryPreset; terms?: readonly string[] },
      fallback: PresenceClassifier,
    ) =>
      createLlmClassifier(
        openai,
        fallback,
        (reason, count) => logger.warn({ reason, count }, "LLM classifier fell back to the built-in one"),
        { vocabulary },
      ),
    summarizer: new OpenAiSummarizer(openai),
  };
}

export async function startApp(config: Config, options: StartOptions): Promise<RunningApp> {
  const { logger } = options;
  // One process per SQLite file: a second one is refused (PostgreSQL is the way to replicas).
  const db = await openDatabase(config.databaseUrl, { exclusive: true });
  if (db.createdDatabase)
    logger.info(
      { database: db.createdDatabase },
      `created the PostgreSQL database "${db.createdDatabase}" (it did not exist)`,
    );
  const stores = { workspaces: new PrismaWorkspaceStore(db.prisma), checkins: new PrismaCheckInStore(db.prisma) };
  // KUNDENNAH_HASH_SECRET keeps the key out of the database; without it, one is made and stored there.
  const personKey = config.hashSecret ?? (await loadOrCreateSecret(db.prisma, PERSON_KEY));
  const keyLeftDatabase = config.hashSecret !== null && (await dropStoredSecret(db.prisma, PERSON_KEY));
  // Known once the server listens (PORT=0 picks a free port); links are made only after that.
  let listeningPort = config.port;
  const publicUrl = () => config.publicUrl ?? `http://localhost:${listeningPort}`;
  const core = createCore({
    workspaceStore: stores.workspaces,
    checkInStore: stores.checkins,
    addressStore: new PrismaConversationStore(db.prisma),
    suggestionStore: new PrismaSuggestionStore(db.prisma),
    outboxStore: new PrismaOutboxStore(db.prisma),
    presenceStore: new PrismaPresenceStore(db.prisma),
    dashboardStore: new PrismaDashboardStore(db.prisma),
    publicUrl,
    mirrorStore: new PrismaMirrorStore(
      db.prisma,
      db.provider === "postgresql" ? () => vacuumMirrorTables(db.prisma) : db.scrubDeleted,
    ), // leader mirror (issue 12)
    mirrorMinResponses: config.mirrorMinResponses,
    vocabularyStore: new PrismaVocabularyStore(db.prisma),
    ...(await llmParts(config, logger)),
    presenceMinAuthors: config.presenceMinAuthors,
    presenceRetentionWeeks: config.presenceRetentionWeeks,
    scrubDeleted: db.scrubDeleted,
    hash: createHasher(personKey),
    clock: options.clock ?? (() => new Date()),
    logger,
    nudgeGraceMs: config.nudgeGraceMs,
    ...(config.leaseMs ? { claimLeaseMs: config.leaseMs } : {}),
    admins: config.admins,
    defaults: {
      cadence: "weekly",
      weekday: 1,
      nudgeMinute: 9 * 60,
      includeWeekends: false,
      language: config.defaultLanguage,
      timezone: config.defaultTimezone,
    },
  });

  const keyedRows = await keyPlainReferences(db, core.presence.keys);
  if (keyedRows > 0) logger.info({ rows: keyedRows }, "stored message references and event ids are now keyed hashes");
  if (keyedRows > 0 || keyLeftDatabase) await eraseOverwritten(db);

  const doors: Record<string, () => DoorHealth> = {};
  const httpApp = createHttpApp(() => databaseHealth(db, config.databaseUrl), doors);
  const slack = config.slack ? await createSlackDoor(config.slack, core, logger, httpApp, options.slack) : null;
  if (slack) doors.slack = slack.health;
  // Each door and optional part is loaded only when configured: botbuilder alone is ~50 MB.
  const teams = config.teams
    ? (await import("./bots/teams/door.js")).createTeamsDoor(config.teams, core, logger, httpApp, options.teams)
    : null;
  registerDashboard(httpApp, { core, logger, publicUrl });
  if (teams) doors.teams = () => ({ ready: true });
  answerErrorsAsJson(httpApp, logger);
  // Teams local mode accepts unauthenticated activities: then nothing but this machine may connect.
  const server = await listen(httpApp, config.port, config.teams?.mode === "local" ? "127.0.0.1" : undefined);
  try {
    await slack?.start(); // throws only when Slack refuses the token; unreachable is retried in the background
  } catch (error) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await teams?.stop();
    await db.close();
    throw error;
  }
  const lease = new PrismaLeaseStore(db.prisma);
  const clock =
    options.startScheduler === false ? null : startClock(core, lease, undefined, config.leaseMs ?? undefined);
  void clock?.tickNow();

  const port = (server.address() as AddressInfo).port;
  listeningPort = port;
  return {
    core,
    stores,
    server,
    url: `http://127.0.0.1:${port}`,
    slack,
    teams,
    lease,
    clock,
    stop: async () => {
      await clock?.stop();
      await slack?.stop();
      await teams?.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await db.close();
    },
  };
}
