// A lean fake Slack Web API for benchmarks, run in its own process so it does not share an
// event loop with the server under test or the load generator. Adapted from
// tests/helpers/fakeSlack.ts, but it keeps counters instead of every call, and it can answer a
// share of chat.postMessage calls with HTTP 429 + Retry-After (deterministically seeded).
//   FAKE_RATE_LIMIT_SHARE=0.1  FAKE_RETRY_AFTER=1
// GET /__stats[?channels=1] returns the counters; GET /__reset clears them.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ready, rng } from "./common.js";

const share = Number(process.env.FAKE_RATE_LIMIT_SHARE ?? 0);
const retryAfter = String(process.env.FAKE_RETRY_AFTER ?? 1);
let random = rng(42);

let calls: Record<string, number> = {};
let rateLimited = 0;
let responses = 0;
let channels = new Map<string, number>();
let ts = 1_700_000_000;

function field(raw: string, contentType: string, name: string): string {
  if (contentType.includes("application/json")) return String((JSON.parse(raw) as Record<string, unknown>)[name] ?? "");
  return new URLSearchParams(raw).get(name) ?? "";
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const url = req.url ?? "/";
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(payload));
    };
    if (url.startsWith("/__stats")) {
      return send(200, {
        calls,
        rateLimited,
        responses,
        ...(url.includes("channels=1") ? { channels: Object.fromEntries(channels) } : {}),
      });
    }
    if (url.startsWith("/__reset")) {
      calls = {};
      rateLimited = 0;
      responses = 0;
      channels = new Map();
      random = rng(42);
      return send(200, { ok: true });
    }
    if (url.startsWith("/response/")) {
      responses++;
      return send(200, { ok: true });
    }
    if (url.startsWith("/upload/")) {
      res.writeHead(200, { "content-type": "text/plain" });
      return res.end("OK");
    }
    const method = url.replace(/^\/api\//, "").split("?")[0]!;
    calls[method] = (calls[method] ?? 0) + 1;
    const raw = Buffer.concat(chunks).toString("utf8");
    const type = req.headers["content-type"] ?? "";
    switch (method) {
      case "auth.test":
        return send(200, {
          ok: true,
          url: "https://acme.slack.com/",
          team: "Acme",
          user: "kundennah",
          team_id: "T0001",
          user_id: "UBOT",
          bot_id: "BBOT",
        });
      case "users.info": {
        const user = field(raw, type, "user");
        return send(200, {
          ok: true,
          user: {
            id: user,
            name: user.toLowerCase(),
            real_name: `Person ${user}`,
            tz: "Europe/Berlin",
            locale: "de-DE",
            is_admin: false,
            is_owner: false,
            profile: { display_name: user },
          },
        });
      }
      case "chat.postMessage": {
        if (share > 0 && random() < share) {
          rateLimited++;
          return send(429, { ok: false, error: "ratelimited" }, { "retry-after": retryAfter });
        }
        const channel = field(raw, type, "channel");
        channels.set(channel, (channels.get(channel) ?? 0) + 1);
        return send(200, {
          ok: true,
          channel: channel.startsWith("U") ? `D${channel.slice(1)}` : channel,
          ts: `${++ts}.000100`,
          message: {},
        });
      }
      case "conversations.open":
        return send(200, { ok: true, channel: { id: `D${field(raw, type, "users").slice(1)}` } });
      case "conversations.history":
        return send(200, { ok: true, messages: [], has_more: false, response_metadata: { next_cursor: "" } });
      case "files.getUploadURLExternal": {
        const port = (server.address() as AddressInfo).port;
        return send(200, { ok: true, upload_url: `http://127.0.0.1:${port}/upload/F${++ts}`, file_id: `F${ts}` });
      }
      case "files.completeUploadExternal":
        return send(200, { ok: true, files: [] });
      default:
        return send(200, { ok: true });
    }
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => ready(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
process.on("SIGTERM", () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
