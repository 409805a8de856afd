// A local stand-in for Slack's Web API (https://slack.com/api/<method>) and for response_url
// webhooks. It speaks the real wire format — form-encoded or JSON requests, {ok: …} JSON
// answers, HTTP 429 with Retry-After — and records every call for assertions.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  token: string | null;
  /** What the fake answered (absent while a delayed answer is pending). */
  result?: Record<string, unknown>;
}

export interface FakeUser {
  id: string;
  tz?: string;
  locale?: string;
  is_admin?: boolean;
  is_owner?: boolean;
  real_name?: string;
  is_bot?: boolean;
  /** A deactivated account (someone who left). */
  deleted?: boolean;
  team_id?: string;
}

type Failure = { status: number; retryAfter?: number } | { error: string };

export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  readonly responses: { path: string; body: Record<string, unknown> }[] = [];
  readonly users = new Map<string, FakeUser>();
  private readonly failures = new Map<string, Failure[]>();
  /** conversations.history pages per channel, served in order with next_cursor links. */
  readonly history = new Map<string, object[][]>();
  readonly uploads: { path: string; bytes: Buffer }[] = [];
  /** Milliseconds to hold each answer of a method, to simulate a slow Slack. */
  readonly delays = new Map<string, number>();
  /**
   * Methods whose calls Slack carries out (a post shows up in the history) but whose answer
   * never arrives: what a sender sees when it dies, or its connection does, mid-request.
   */
  readonly unanswered = new Set<string>();
  private readonly held: (() => void)[] = [];
  /** Answers of a method wait until the test opens its gate (a slow Slack that the test paces). */
  private readonly gates = new Map<string, Promise<void>>();
  private server!: http.Server;
  private posts = 0;
  url = "";

  /** Slack stamps a message with its own time; here that is the time of the app under test. */
  constructor(private readonly clock: () => Date = () => new Date()) {}

  /** A message ts as Slack writes it: seconds, then a part that keeps it unique. */
  private nextTs(): string {
    return `${Math.floor(this.clock().getTime() / 1000)}.${String(++this.posts).padStart(6, "0")}`;
  }

  /** `port` 0 picks a free one; a fixed one lets a test start Slack where the bot already looks. */
  async start(port = 0): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(port, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  responseUrl(name: string): string {
    return `${this.url}/response/${name}`;
  }

  addUser(user: FakeUser): void {
    this.users.set(user.id, user);
  }

  /** The next calls of `method` fail like Slack would: an HTTP status or an {ok:false} error. */
  failNext(method: string, ...failures: Failure[]): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...failures]);
  }

  /** Finally answers the calls held back by `unanswered` (their senders were only slow). */
  answerHeld(): void {
    for (const answer of this.held.splice(0)) answer();
  }

  /**
   * Holds the answers of `method` until the returned function is called. Holding again replaces
   * the gate for later calls; the calls already waiting go on when their own gate opens.
   */
  hold(method: string): () => void {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    this.gates.set(method, gate);
    return () => {
      if (this.gates.get(method) === gate) this.gates.delete(method);
      open();
    };
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Waits until `predicate` holds; the bot works after ack, so effects arrive a little later. */
  async waitFor<T>(probe: () => T | undefined | false | null, timeoutMs = 5000): Promise<T> {
    const started = Date.now();
    for (;;) {
      const value = probe();
      if (value) return value;
      if (Date.now() - started > timeoutMs) throw new Error("fake Slack: timed out waiting for a call");
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const path = req.url ?? "/";
    const body = parseBody(raw, req.headers["content-type"] ?? "");
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(payload));
    };

    if (path.startsWith("/upload/")) {
      this.uploads.push({ path, bytes: Buffer.concat(chunks) });
      res.writeHead(200, { "content-type": "text/plain" });
      return res.end("OK");
    }
    if (path.startsWith("/response/")) {
      this.responses.push({ path, body });
      return send(200, { ok: true });
    }
    const method = path.replace(/^\/api\//, "").split("?")[0]!;
    const auth = req.headers.authorization;
    const call: RecordedCall = {
      method,
      args: body,
      token: auth ? auth.replace(/^Bearer /, "") : ((body.token as string) ?? null),
    };
    this.calls.push(call);
    const delay = this.delays.get(method);
    if (delay) await new Promise((r) => setTimeout(r, delay));
    await this.gates.get(method);

    if (this.unanswered.has(method)) {
      const result = (call.result = this.answer(method, body));
      this.held.push(() => send(200, result));
      return; // the request stays open until answerHeld(), or until the caller gives up or dies
    }
    const failure = this.failures.get(method)?.shift();
    if (failure && "status" in failure) {
      return send(
        failure.status,
        { ok: false, error: "ratelimited" },
        failure.retryAfter !== undefined ? { "retry-after": String(failure.retryAfter) } : {},
      );
    }
    if (failure) return send(200, { ok: false, error: failure.error });
    call.result = this.answer(method, body);
    send(200, call.result);
  }

  /**
   * What the bot posted to a conversation (a DM "D…" holds the posts to user "U…"), newest
   * first, from `oldest` on; message metadata only when asked for, as Slack does.
   */
  private posted(channel: string, query: Record<string, unknown>): object[] {
    const target = channel.startsWith("D") ? `U${channel.slice(1)}` : channel;
    const oldest = Number(query.oldest ?? 0);
    const withMetadata = query.include_all_metadata === true || query.include_all_metadata === "true";
    return this.callsOf("chat.postMessage")
      .filter((c) => c.args.channel === target && c.result?.ok && Number(c.result.ts) > oldest)
      .map((c) => ({
        type: "message",
        ts: c.result!.ts,
        bot_id: "BBOT",
        text: c.args.text,
        ...(withMetadata && c.args.metadata ? { metadata: c.args.metadata } : {}),
      }))
      .reverse();
  }

  private answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          url: "https://acme.slack.com/",
          team: "Acme",
          user: "kundennah",
          team_id: "T0001",
          user_id: "UBOT",
          bot_id: "BBOT",
        };
      case "users.info": {
        const user = this.users.get(String(body.user));
        if (!user) return { ok: false, error: "user_not_found" };
        return {
          ok: true,
          user: {
            name: user.id.toLowerCase(),
            real_name: user.real_name ?? user.id,
            ...user,
            profile: { display_name: user.real_name ?? "" },
          },
        };
      }
      case "chat.postMessage": {
        const channel = String(body.channel);
        return {
          ok: true,
          channel: channel.startsWith("U") ? `D${channel.slice(1)}` : channel,
          ts: this.nextTs(),
          message: {},
        };
      }
      case "chat.update":
        return { ok: true, channel: body.channel, ts: body.ts };
      case "conversations.open":
        return { ok: true, channel: { id: `D${String(body.users).slice(1)}` } };
      case "conversations.history": {
        const channel = String(body.channel);
        if (!this.history.has(channel))
          return {
            ok: true,
            messages: this.posted(channel, body),
            has_more: false,
            response_metadata: { next_cursor: "" },
          };
        const pages = this.history.get(channel)!;
        const index = body.cursor ? Number(String(body.cursor).replace("page-", "")) : 0;
        const next = index + 1 < pages.length ? `page-${index + 1}` : "";
        return {
          ok: true,
          messages: pages[index] ?? [],
          has_more: Boolean(next),
          response_metadata: { next_cursor: next },
        };
      }
      case "files.getUploadURLExternal":
        return { ok: true, upload_url: `${this.url}/upload/F${this.posts}`, file_id: `F${this.posts}` };
      case "files.completeUploadExternal":
        return { ok: true, files: (body.files as { id: string }[] | undefined)?.map((f) => ({ id: f.id })) ?? [] };
      case "views.open":
      case "views.publish":
      case "views.update":
        return { ok: true, view: { id: "V0001" } };
      default:
        return { ok: true };
    }
  }
}

/** Slack's client sends form fields; structured ones (blocks, view) arrive as JSON strings. */
function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (!raw) return {};
  if (contentType.includes("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return out;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
