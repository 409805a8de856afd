// The Slack door: a Bolt app on our Express server (HTTP mode) or on Socket Mode, with its
// listeners registered job by job and their messengers handed to the core.
import { App, type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Express } from "express";
import type { SlackConfig } from "../../config.js";
import type { Core } from "../../core/index.js";
import type { AppLogger } from "../../logger.js";
import * as admin from "./admin/index.js";
import { AfterAckQueue } from "./afterAck.js";
import * as checkins from "./checkins/index.js";
import { type ConnectionOptions, type DoorState, SlackConnection } from "./connection.js";
import * as mirror from "./mirror/index.js"; // leader mirror (issue 12)
import { SlackPeople } from "./people.js";
import * as presence from "./presence/index.js";
import { guardSlackRequests } from "./requestGuard.js";
import { NotStoredError, StoreFirstReceiver } from "./storeFirstReceiver.js";
import * as suggestions from "./suggestions/index.js";

const SLACK_EVENTS_PATH = "/slack/events";

export interface SlackDoor {
  app: App;
  /**
   * Checks the token (and connects Socket Mode). Throws ConfigError when Slack refuses the
   * token; when Slack cannot be reached it returns and keeps trying in the background.
   */
  start(): Promise<void>;
  /** Whether the door is connected, for /healthz. */
  health(): DoorState;
  stop(): Promise<void>;
}

/**
 * Bolt's and the Web API client's debug output includes whole request and response bodies
 * (message text, user ids). Only these payload-free debug lines are let through.
 */
const SAFE_LIBRARY_DEBUG =
  /^(apiCall\('[\w.]+'\) (start|end)|initialized|http request url: \S+|http response received)$/;

function boltLogger(logger: AppLogger): BoltLogger {
  const child = logger.child({ component: "bolt" });
  return {
    debug: (...msg) => {
      const line = msg.map(String).join(" ");
      if (SAFE_LIBRARY_DEBUG.test(line)) child.debug(line);
    },
    info: (...msg) => child.info(msg.map(String).join(" ")),
    warn: (...msg) => child.warn(msg.map(String).join(" ")),
    error: (...msg) => child.error(msg.map(String).join(" ")),
    setLevel: () => undefined,
    getLevel: () => LogLevel.INFO,
    setName: () => undefined,
  };
}

export async function createSlackDoor(
  config: SlackConfig,
  core: Core,
  logger: AppLogger,
  server: Express,
  connection: ConnectionOptions = {},
): Promise<SlackDoor> {
  const clientOptions = {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    // A rate-limited call throws with Retry-After, so the outbox reschedules instead of blocking.
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 2000 },
  };
  const common = { token: config.botToken, logger: boltLogger(logger), clientOptions, deferInitialization: true };
  const socketMode = Boolean(config.appToken);
  if (!socketMode) guardSlackRequests(server, SLACK_EVENTS_PATH);
  // Until Slack confirmed the token Bolt cannot authorize a request: 503 makes Slack retry it.
  let ready = false;
  if (!socketMode)
    server.post(SLACK_EVENTS_PATH, (_req, res, next) =>
      ready ? next() : void res.status(503).json({ error: "the Slack door is still connecting" }),
    );
  const app = socketMode
    ? new App({ ...common, appToken: config.appToken!, socketMode: true })
    : new App({
        ...common,
        receiver: new StoreFirstReceiver({
          signingSecret: config.signingSecret!,
          app: server,
          endpoints: SLACK_EVENTS_PATH,
          // Ack first: Bolt answers Slack as soon as a listener calls ack(), work continues after
          // (channel messages excepted: they are answered once stored, see StoreFirstReceiver).
          processBeforeResponse: false,
          logger: boltLogger(logger),
        }),
      });

  const deps = { core, people: new SlackPeople(app.client), afterAck: new AfterAckQueue() };
  // Each job registers its own listeners (src/bots/slack/<job>/index.ts).
  for (const job of [checkins, suggestions, presence, admin, mirror]) job.register(app, deps);
  app.error(async (error) => {
    if (error instanceof NotStoredError) throw error; // logged by its listener; the receiver answers 503
    logger.error(
      { component: "bolt", code: (error as { code?: string }).code, reason: error.message },
      "unhandled Slack listener error",
    );
  });
  core.registerPlatform("slack", {
    nudges: new checkins.SlackNudgeMessenger(app.client),
    suggestions: new suggestions.SlackSuggestionMessenger(app.client),
    presence: new presence.SlackPresenceMessenger(app.client, (reason) =>
      logger.warn({ reason }, "the digest chart could not be uploaded; the digest itself was posted"),
    ),
    mirror: new mirror.SlackMirrorMessenger(app.client, (reason) =>
      logger.warn({ reason }, "the mirror chart could not be uploaded; the figures were posted"),
    ),
  });

  const slack = new SlackConnection(
    async () => {
      await app.init(); // auth.test
      if (socketMode) await app.start();
      ready = true;
    },
    logger,
    connection,
  );
  return {
    app,
    start: () => slack.start(),
    health: () => slack.health,
    stop: async () => {
      slack.stop();
      if (socketMode && ready) await app.stop();
    },
  };
}
