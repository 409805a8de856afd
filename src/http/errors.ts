// One answer for whatever goes wrong in the HTTP server, on every route: JSON with the status and
// a short reason. Never a stack trace or a library's message: those name server files, and parser
// messages quote the payload (`Unexpected token 'K', "Kundin Eri"... is not valid JSON`). The log
// gets the reason, and for faults of ours where in the code they happened, but no payload either.
import http from "node:http";
import type { ErrorRequestHandler, Express, RequestHandler } from "express";
import type { AppLogger } from "../logger.js";

/** An answer we give on purpose; its message is a fixed, short text, safe to show and to log. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

function statusOf(error: unknown): number {
  const { status, statusCode } = (error ?? {}) as { status?: unknown; statusCode?: unknown };
  const candidate = status ?? statusCode;
  return typeof candidate === "number" && candidate >= 400 && candidate <= 599 ? candidate : 500;
}

/** What kind of error a library raised (its type, code or class), never its message. */
function kindOf(error: unknown): string {
  const { type, code, name } = (error ?? {}) as { type?: unknown; code?: unknown; name?: unknown };
  return String(type ?? code ?? name ?? typeof error);
}

/** The stack's frames without its first line, which repeats the message. */
function framesOf(error: unknown): string[] {
  const stack = (error as { stack?: unknown } | null)?.stack;
  return typeof stack === "string"
    ? stack
        .split("\n")
        .filter((line) => /^\s+at /.test(line))
        .slice(0, 8)
        .map((line) => line.trim())
    : [];
}

/** Mounted after all routes, so it answers for unknown paths and for every route's errors. */
export function answerErrorsAsJson(app: Express, logger: AppLogger): void {
  const log = logger.child({ component: "http" });
  const notFound: RequestHandler = (_req, res) => {
    res.status(404).json({ status: 404, error: "not found" });
  };
  const failed: ErrorRequestHandler = (error, req, res, _next) => {
    const ours = error instanceof HttpError;
    const status = ours ? error.status : statusOf(error);
    const entry = { status, method: req.method, path: req.path, reason: ours ? error.message : kindOf(error) };
    if (status >= 500) log.error({ ...entry, at: framesOf(error) }, "request failed");
    else log.warn(entry, "request refused");
    // Half an answer is out already: only breaking the connection still tells the caller.
    if (res.headersSent) {
      req.socket.destroy();
      return;
    }
    const reason = ours
      ? error.message
      : status >= 500
        ? "internal error"
        : (http.STATUS_CODES[status] ?? "error").toLowerCase();
    res.status(status).json({ status, error: reason });
  };
  app.use(notFound, failed);
}
