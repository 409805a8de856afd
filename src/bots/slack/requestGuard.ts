// In front of Bolt on /slack/events (HTTP mode): what can be refused before Bolt reads a body
// and checks its signature.
import type { Express, RequestHandler } from "express";
import { readBody } from "../../http/bodyLimit.js";
import { HttpError } from "../../http/errors.js";

/** Slack's rule for signed requests: at most five minutes off the receiver's clock. */
const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/**
 * Bolt refuses timestamps too old, but takes any from the future: a signed request stamped an
 * hour ahead could be replayed for an hour and five minutes.
 */
const refuseOutsideTimeWindow: RequestHandler = (req, _res, next) => {
  const timestamp = Number(req.headers["x-slack-request-timestamp"]);
  const skew = Math.abs(Date.now() / 1000 - timestamp);
  // NaN (no or no numeric timestamp) fails this comparison too.
  if (!(skew <= MAX_CLOCK_SKEW_SECONDS))
    return next(new HttpError(401, "request timestamp missing or more than 5 minutes off"));
  next();
};

/** Mounted before Bolt's receiver; the body it reads is the one Bolt verifies (`req.rawBody`). */
export function guardSlackRequests(server: Express, path: string): void {
  server.post(path, refuseOutsideTimeWindow, readBody());
}
