// The one HTTP server: Slack at /slack/events, Teams at /api/messages, health at /healthz.
import http from "node:http";
import express, { type Express } from "express";
import type { Store } from "../core/ports.js";

export function createHttpApp(store: Store): Express {
  const app = express();
  app.disable("x-powered-by");
  app.get("/healthz", async (_req, res) => {
    try {
      await store.ping();
      res.json({ status: "ok", database: "ok" });
    } catch {
      res.status(503).json({ status: "degraded", database: "unreachable" });
    }
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
