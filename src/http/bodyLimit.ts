// Request bodies arrive before anyone knows who sent them: Slack's signature covers the whole
// body, and a Bot Framework token is checked once the activity is parsed. So a body is read into
// memory only up to a limit; a larger one is refused with 413 as soon as that is known — from
// Content-Length before reading anything, or by counting bytes as a chunked body streams in.
import type { Request, RequestHandler } from "express";
import { HttpError } from "./errors.js";

/** Slack's and the Bot Framework's payloads stay far below this (a full modal is ~100 KB). */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * After a 413 the rest of the body is read and thrown away, so that the caller, still sending,
 * gets to read the answer; past this much more the connection is dropped instead.
 */
const DISCARD_AT_MOST = 16 * MAX_BODY_BYTES;

declare module "http" {
  interface IncomingMessage {
    /** The body as read by readBody; Bolt's ExpressReceiver takes it from here too. */
    rawBody?: Buffer;
  }
}

function discardRest(req: Request): void {
  let discarded = 0;
  req.on("data", (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DISCARD_AT_MOST) req.socket.destroy();
  });
  req.resume();
}

/** Reads the body, at most `limit` bytes, into `req.rawBody`. */
export function readBody(limit = MAX_BODY_BYTES): RequestHandler {
  return (req, _res, next) => {
    const tooLarge = () => {
      discardRest(req);
      next(new HttpError(413, "request body too large"));
    };
    if (Number(req.headers["content-length"]) > limit) return tooLarge();

    const chunks: Buffer[] = [];
    let received = 0;
    const stop = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received <= limit) return void chunks.push(chunk);
      stop();
      chunks.length = 0;
      tooLarge();
    };
    const onEnd = () => {
      stop();
      req.rawBody = Buffer.concat(chunks);
      next();
    };
    const onError = () => {
      stop();
      next(new HttpError(400, "request body could not be read"));
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  };
}

/** readBody, then the body as JSON into `req.body`. */
export function readJsonBody(limit = MAX_BODY_BYTES): RequestHandler[] {
  const parse: RequestHandler = (req, _res, next) => {
    try {
      req.body = JSON.parse(req.rawBody?.toString("utf8") ?? "");
    } catch {
      return next(new HttpError(400, "request body is not valid JSON"));
    }
    next();
  };
  return [readBody(limit), parse];
}
