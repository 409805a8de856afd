// A local stand-in for the Bot Connector service that Teams' activities name as `serviceUrl`.
// It implements the REST routes the SDK calls — send to a conversation, reply to an activity,
// update an activity, get a roster member — records every call, and can answer with failures
// (429 with Retry-After, 403, 502 …) on demand.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type ConnectorCallKind = "send" | "reply" | "update" | "member" | "create";

export interface ConnectorCall {
  kind: ConnectorCallKind;
  conversationId: string;
  activityId?: string;
  body: Record<string, unknown>;
  status: number;
  authorization: string | null;
}

export interface TeamsUser {
  id: string;
  aadObjectId?: string;
  name?: string;
}

type Failure = { status: number; retryAfter?: number };

export class FakeTeamsConnector {
  readonly calls: ConnectorCall[] = [];
  readonly users = new Map<string, TeamsUser>();
  private readonly failures = new Map<ConnectorCallKind, Failure[]>();
  /** Calls the connector carries out but never answers: what a sender sees when it dies mid-request. */
  readonly unanswered = new Set<ConnectorCallKind>();
  private readonly held: (() => void)[] = [];
  private server!: http.Server;
  private nextId = 1;
  url = "";

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Finally answers the calls held back by `unanswered`. */
  answerHeld(): void {
    for (const answer of this.held.splice(0)) answer();
  }

  addUser(user: TeamsUser): void {
    this.users.set(user.id, user);
  }

  /** The next calls of `kind` fail with these HTTP answers, in order. */
  failNext(kind: ConnectorCallKind, ...failures: Failure[]): void {
    this.failures.set(kind, [...(this.failures.get(kind) ?? []), ...failures]);
  }

  /** Calls that got through (2xx), optionally of one kind. */
  delivered(kind?: ConnectorCallKind): ConnectorCall[] {
    return this.calls.filter((c) => c.status < 300 && (!kind || c.kind === kind));
  }

  /** Messages the bot posted (new messages and replies), in order. */
  messages(): ConnectorCall[] {
    return this.delivered().filter((c) => c.kind === "send" || c.kind === "reply");
  }

  async waitFor<T>(probe: () => T | undefined | false | null, timeoutMs = 5000): Promise<T> {
    const started = Date.now();
    for (;;) {
      const value = probe();
      if (value) return value;
      if (Date.now() - started > timeoutMs) throw new Error("fake connector: timed out waiting");
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const path = (req.url ?? "/").split("?")[0]!.replace(/\/+$/, "");
    const parts = path.split("/").map(decodeURIComponent); // ["", "v3", "conversations", id, "activities", activityId]
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(payload));
    };

    let kind: ConnectorCallKind | null = null;
    const conversationId = parts[3] ?? "";
    const activityId = parts[5];
    if (req.method === "POST" && parts.length === 3 && parts[2] === "conversations") kind = "create";
    else if (req.method === "POST" && parts[4] === "activities" && parts.length === 5) kind = "send";
    else if (req.method === "POST" && parts[4] === "activities" && parts.length === 6) kind = "reply";
    else if (req.method === "PUT" && parts[4] === "activities" && parts.length === 6) kind = "update";
    else if (req.method === "GET" && parts[4] === "members" && parts.length === 6) kind = "member";
    if (!kind) return send(404, { error: { code: "NotFound", message: `no route ${req.method} ${path}` } });

    const call: ConnectorCall = {
      kind,
      conversationId,
      ...(activityId ? { activityId } : {}),
      body,
      status: 200,
      authorization: req.headers.authorization ?? null,
    };
    this.calls.push(call);
    const failure = this.failures.get(kind)?.shift();
    if (failure) {
      call.status = failure.status;
      const headers: Record<string, string> =
        failure.retryAfter !== undefined ? { "retry-after": String(failure.retryAfter) } : {};
      return send(
        failure.status,
        { error: { code: failure.status === 403 ? "BotDisabledByAdmin" : "Throttled", message: "fake failure" } },
        headers,
      );
    }
    switch (kind) {
      case "create":
        return send(200, { id: `a:conversation-${this.nextId++}` });
      case "member": {
        const user = this.users.get(parts[5] ?? "");
        call.status = user ? 200 : 404;
        return user
          ? send(200, { ...user, userPrincipalName: `${user.name ?? "user"}@example.com` })
          : send(404, { error: { code: "MemberNotFoundInConversation", message: "not found" } });
      }
      case "update":
        return send(200, { id: activityId });
      default: {
        const id = `activity-${this.nextId++}`;
        if (this.unanswered.has(kind)) return void this.held.push(() => send(200, { id }));
        return send(200, { id });
      }
    }
  }
}
