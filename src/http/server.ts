// The one HTTP server: Slack at /slack/events, Teams at /api/messages, health at /healthz.
import http from "node:http";
import express, { type Express } from "express";
import type { DatabaseHealth } from "../storage/health.js";

/** A door (Slack, Teams) that is connected, or why not yet. */
export type DoorHealth = { ready: true } | { ready: false; reason: string };

/**
 * Ready means the database takes writes, not only answers: a locked or full database loses every
 * message (503). A door that is not connected yet (Slack unreachable at start) is reported by
 * name with status "degraded" but still 200: a 503 would make a probe restart or unroute the
 * process, taking the other door down with it while the missing one reconnects by itself.
 */
export function createHttpApp(
  databaseHealth: () => Promise<DatabaseHealth>,
  doors: Record<string, () => DoorHealth> = {},
): Express {
  const app = express();
  app.disable("x-powered-by");
  app.get("/healthz", async (_req, res) => {
    const health = await databaseHealth();
    const states = Object.entries(doors).map(([name, state]) => [name, state()] as const);
    const doorFields = Object.fromEntries(states.map(([name, state]) => [name, state.ready ? "ok" : "not ready"]));
    const notReady = Object.fromEntries(states.flatMap(([name, state]) => (state.ready ? [] : [[name, state.reason]])));
    const reasons = Object.keys(notReady).length > 0 ? { doors: notReady } : {};
    if (!health.ok)
      return void res
        .status(503)
        .json({ status: "not ready", database: health.database, reason: health.reason, ...doorFields, ...reasons });
    res.json({
      status: Object.keys(notReady).length > 0 ? "degraded" : "ok",
      database: "ok",
      ...doorFields,
      ...reasons,
    });
  });
  return app;
}

/** `host` narrows where the server listens (127.0.0.1 for the unauthenticated Teams local mode). */
export function listen(app: Express, port: number, host?: string): Promise<http.Server> {
  return new Promise((resolve, reject) => {
    const server = http.createServer(app);
    server.once("error", reject);
    if (host) server.listen(port, host, () => resolve(server));
    else server.listen(port, () => resolve(server));
  });
}
