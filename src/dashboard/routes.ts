// The dashboard on the bot's own HTTP server:
//   GET  /dashboard/open?token=…   a page with one button (link previews and scanners fetch
//                                  links; a GET never uses the one-time token up)
//   POST /dashboard/open           redeems the token (rate-limited per address), starts the session
//   GET  /dashboard/w/<workspace>/presence | leaders | suggestions | presence/channel/<ref>
//   GET  /dashboard/w/<workspace>/<page>/<section>.csv
//   GET  /dashboard/static/<file>
// Every page needs a session cookie for exactly the workspace in its address.
import express, { type Express, type Request, type Response } from "express";
import { SESSION_TTL_MS } from "../core/dashboard/access.js";
import type { DashboardSession } from "../core/dashboard/model.js";
import type { Core } from "../core/index.js";
import type { Language, Workspace } from "../core/shared/model.js";
import type { AppLogger } from "../logger.js";
import { dashboardTexts } from "../prompts/dashboardTexts.js";
import { loadAssets } from "./assets.js";
import { readCookie, SESSION_COOKIE, sessionCookie } from "./cookies.js";
import { tableCsv } from "./csv.js";
import { messageHtml, pageHtml } from "./html.js";
import { RateLimiter } from "./rateLimit.js";
import { channelView, leadersView, type PageKey, type PageView, presenceView, suggestionsView } from "./sections.js";

/**
 * No inline script or style anywhere, nothing from another origin. vega runs its expressions
 * through vega-interpreter, so no 'unsafe-eval' either.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** Ten tries per address in ten minutes: a person needs one. */
export const REDEEM_LIMIT = { attempts: 10, windowMs: 10 * 60_000 };

export interface DashboardDeps {
  core: Core;
  logger: AppLogger;
  /** PUBLIC_URL (or the local default): an https address makes the cookie Secure. */
  publicUrl: () => string;
}

function securityHeaders(res: Response): void {
  res.set({
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
  });
}

/** The language for a page when no token or session says whose it is: the browser's choice. */
function browserLanguage(req: Request, fallback: Language): Language {
  const header = req.headers["accept-language"];
  if (!header || header.trim() === "*") return fallback;
  const chosen = req.acceptsLanguages("de", "en");
  return chosen === "de" || chosen === "en" ? chosen : fallback;
}

const PAGES = new Set<PageKey>(["presence", "leaders", "suggestions"]);

export function registerDashboard(app: Express, deps: DashboardDeps): void {
  const { core, logger } = deps;
  const texts = dashboardTexts;
  const assets = loadAssets();
  const limiter = new RateLimiter(REDEEM_LIMIT.attempts, REDEEM_LIMIT.windowMs);
  const fallbackLanguage = core.defaults.language;

  const message = (
    res: Response,
    status: number,
    language: Language,
    title: string,
    lines: string[],
    form?: Parameters<typeof messageHtml>[3],
  ) => {
    securityHeaders(res);
    res
      .status(status)
      .set("Cache-Control", "no-store")
      .type("html")
      .send(messageHtml(language, title, lines, form));
  };

  app.use("/dashboard", (_req, res, next) => {
    securityHeaders(res);
    next();
  });

  app.get("/dashboard/static/:file", (req, res) => {
    const asset = assets.get(String(req.params.file));
    if (!asset) return void res.status(404).type("text").send("not found");
    res.set("Cache-Control", "public, max-age=3600").type(asset.type).send(asset.body);
  });

  app.get("/dashboard/open", (req, res) => {
    const language = browserLanguage(req, fallbackLanguage);
    const t = texts(language);
    const token = typeof req.query.token === "string" ? req.query.token : "";
    if (!token) return message(res, 400, language, t.unknownTitle, [t.unknownBody, t.newLinkHow]);
    message(res, 200, language, t.openTitle, [t.openBody], { action: "/dashboard/open", token, button: t.openButton });
  });

  app.post("/dashboard/open", express.urlencoded({ extended: false, limit: "4kb" }), async (req, res) => {
    const language = browserLanguage(req, fallbackLanguage);
    // The socket's address: behind a proxy that is the proxy's, which then shares one budget.
    if (!limiter.take(req.socket.remoteAddress ?? "unknown")) {
      const t = texts(language);
      return message(res.set("Retry-After", String(REDEEM_LIMIT.windowMs / 1000)), 429, language, t.rateLimitedTitle, [
        t.rateLimitedBody,
      ]);
    }
    const token = typeof req.body?.token === "string" ? req.body.token : "";
    const result = await core.dashboard.access.redeem(token);
    if (!result.ok) {
      const t = texts(result.language ?? language);
      const [title, body] = (
        {
          used: [t.usedTitle, t.usedBody],
          expired: [t.expiredTitle, t.expiredBody],
          unknown: [t.unknownTitle, t.unknownBody],
        } as const
      )[result.reason];
      logger.info({ reason: result.reason }, "dashboard link refused");
      return message(res, result.reason === "unknown" ? 400 : 410, result.language ?? language, title, [
        body,
        t.newLinkHow,
      ]);
    }
    const secure = deps.publicUrl().startsWith("https:");
    res.set("Set-Cookie", sessionCookie(result.sessionId, SESSION_TTL_MS, secure));
    // A redirect after a same-site form post: the browser sends the Strict cookie along.
    res.redirect(303, `/dashboard/w/${encodeURIComponent(result.session.workspaceId)}/presence`);
  });

  /** The session for this request and the workspace in its address, or a friendly refusal. */
  async function sessionFor(
    req: Request,
    res: Response,
  ): Promise<{ session: DashboardSession; workspace: Workspace } | null> {
    const opened = await core.dashboard.access.open(
      readCookie(req.headers.cookie, SESSION_COOKIE),
      String(req.params.workspace),
    );
    if (opened.ok) return { session: opened.session, workspace: opened.workspace };
    const language = opened.session?.language ?? browserLanguage(req, fallbackLanguage);
    const t = texts(language);
    if (opened.reason === "wrong-workspace")
      message(res, 403, language, t.wrongWorkspaceTitle, [t.wrongWorkspaceBody, t.newLinkHow]);
    else message(res, 401, language, t.signedOutTitle, [t.signedOutBody, t.newLinkHow]);
    return null;
  }

  /**
   * A page's figures, and how to lay them out. The presence figures are one object for as long
   * as DashboardFigures reuses them, so what is made from them can be reused with them (madeOnce).
   */
  async function pageFigures(
    page: PageKey,
    workspace: Workspace,
  ): Promise<{ figures: object; weeks: string[]; view: (language: Language) => PageView }> {
    const figures = core.dashboard.figures;
    switch (page) {
      case "presence": {
        const data = await figures.presence(workspace);
        return { figures: data, weeks: data.weeks, view: (language) => presenceView(data, language) };
      }
      case "leaders": {
        const data = await figures.leaders(workspace);
        return { figures: data, weeks: data.weeks, view: (language) => leadersView(data, language) };
      }
      case "suggestions": {
        const data = await figures.suggestions(workspace);
        return { figures: data, weeks: data.weeks, view: (language) => suggestionsView(data, language) };
      }
    }
  }

  const frame = (workspace: Workspace, language: Language, weeks: string[]) => ({
    language,
    base: `/dashboard/w/${encodeURIComponent(workspace.id)}/`,
    workspaceName: null,
    minAuthors: core.presence.minAuthors,
    weeks,
  });

  const notFound = (res: Response, language: Language, body?: string) => {
    const t = texts(language);
    message(res, 404, language, t.notFoundTitle, [body ?? t.notFoundBody]);
  };

  const noStore = (res: Response) => res.set("Cache-Control", "no-store");

  app.get("/dashboard/w/:workspace/:page", async (req, res) => {
    const found = await sessionFor(req, res);
    if (!found) return;
    const { session, workspace } = found;
    const page = req.params.page as PageKey;
    if (!PAGES.has(page)) return notFound(res, session.language);
    const { figures, weeks, view } = await pageFigures(page, workspace);
    const html = madeOnce(figures, `${page}:${session.language}`, () => {
      const f = frame(workspace, session.language, weeks);
      return Buffer.from(pageHtml(view(session.language), f, `${f.base}${page}/`));
    });
    // Bytes, so express adds no charset of its own: say it here.
    noStore(res).type("text/html; charset=utf-8").send(html);
  });

  app.get("/dashboard/w/:workspace/presence/channel/:channel", async (req, res) => {
    const found = await sessionFor(req, res);
    if (!found) return;
    const { session, workspace } = found;
    const data = await core.dashboard.figures.presence(workspace);
    const shown = channelView(data, req.params.channel, session.language);
    if (!shown) return notFound(res, session.language, texts(session.language).unknownChannel);
    const f = frame(workspace, session.language, data.weeks);
    noStore(res)
      .type("html")
      .send(pageHtml(shown, f, `${f.base}presence/channel/${encodeURIComponent(req.params.channel)}/`));
  });

  app.get("/dashboard/w/:workspace/presence/channel/:channel/:section.csv", async (req, res) => {
    const found = await sessionFor(req, res);
    if (!found) return;
    const { session, workspace } = found;
    const shown = channelView(await core.dashboard.figures.presence(workspace), req.params.channel, session.language);
    const section = shown?.sections.find((s) => s.id === req.params.section);
    if (!section) return notFound(res, session.language);
    sendCsv(res, `${req.params.channel}-${section.id}.csv`, tableCsv(section.table));
  });

  app.get("/dashboard/w/:workspace/:page/:section.csv", async (req, res) => {
    const found = await sessionFor(req, res);
    if (!found) return;
    const { session, workspace } = found;
    const page = req.params.page as PageKey;
    if (!PAGES.has(page)) return notFound(res, session.language);
    const { figures, view } = await pageFigures(page, workspace);
    const csv = madeOnce(figures, `${page}/${req.params.section}.csv:${session.language}`, () => {
      const section = view(session.language).sections.find((s) => s.id === req.params.section);
      return section ? Buffer.from(tableCsv(section.table)) : null;
    });
    if (csv === null) return notFound(res, session.language);
    sendCsv(res, `${page}-${req.params.section}.csv`, csv);
  });

  app.get(["/dashboard", "/dashboard/"], async (req, res) => {
    const session = await core.dashboard.access.session(readCookie(req.headers.cookie, SESSION_COOKIE));
    if (session) return void res.redirect(303, `/dashboard/w/${encodeURIComponent(session.workspaceId)}/presence`);
    const language = browserLanguage(req, fallbackLanguage);
    const t = texts(language);
    message(res, 401, language, t.signedOutTitle, [t.signedOutBody, t.newLinkHow]);
  });

  // A failure on a dashboard page is a friendly page, never a stack trace.
  app.use("/dashboard", (error: unknown, req: Request, res: Response, next: (error?: unknown) => void) => {
    if (res.headersSent) return next(error);
    logger.error(
      { reason: error instanceof Error ? error.message : String(error), path: req.path },
      "dashboard page failed",
    );
    const language = browserLanguage(req, fallbackLanguage);
    const t = texts(language);
    message(res, 500, language, t.errorTitle, [t.errorBody]);
  });
}

/**
 * What is made from one set of figures, made once per page and language, as the bytes sent. The
 * presence figures of 1,000 channels cost far more to lay out as a page than to send; they stay
 * one object for as long as DashboardFigures reuses them, and what is made of them goes with them.
 */
const made = new WeakMap<object, Map<string, Buffer>>();

/** Nothing is kept for what does not exist (null): an address cannot make the cache grow. */
function madeOnce<T extends Buffer | null>(figures: object, key: string, make: () => T): T {
  let byKey = made.get(figures);
  if (!byKey) made.set(figures, (byKey = new Map()));
  const kept = byKey.get(key);
  if (kept !== undefined) return kept as T;
  const bytes = make();
  if (bytes !== null) byKey.set(key, bytes);
  return bytes;
}

function sendCsv(res: Response, filename: string, body: string | Buffer): void {
  res
    .set({
      "Cache-Control": "no-store",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
    })
    .type("text/csv; charset=utf-8")
    .send(body);
}
