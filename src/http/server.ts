// The one HTTP server: Slack at /slack/events, Teams at /api/messages, health at /healthz.
import http from "node:http";
import express, { type Express } from "express";
import type { DatabaseHealth } from "../storage/health.js";

/** Ready means the database takes writes, not only answers: a locked or full database loses every message. */
export function createHttpApp(databaseHealth: () => Promise<DatabaseHealth>): Express {
  const app = express();
  app.disable("x-powered-by");
  app.get("/healthz", async (_req, res) => {
    const health = await databaseHealth();
    if (health.ok) res.json({ status: "ok", database: "ok" });
    else res.status(503).json({ status: "not ready", database: health.database, reason: health.reason });
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
