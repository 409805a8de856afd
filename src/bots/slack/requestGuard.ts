// In front of Bolt on /slack/events (HTTP mode): what can be refused before Bolt reads a body
// and checks its signature.
import type { Express } from "express";
import { readBody } from "../../http/bodyLimit.js";

/** Mounted before Bolt's receiver; the body it reads is the one Bolt verifies (`req.rawBody`). */
export function guardSlackRequests(server: Express, path: string): void {
  server.post(path, readBody());
}
