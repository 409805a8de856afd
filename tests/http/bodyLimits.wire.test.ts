// Bodies arrive before anyone knows who sent them: /slack/events checks the signature over the
// whole body, /api/messages the token only once the activity is parsed. So both read at most
// 1 MiB; a larger body is answered 413 as soon as that is known (from Content-Length, or by
// counting as it streams in, chunked) and is never held in memory.
import http from "node:http";
import v8 from "node:v8";
import vm from "node:vm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../helpers/harness.js";
import { JSON_TYPE, post, sign } from "../helpers/slackRequests.js";
import { membersAdded, postActivity } from "../helpers/teamsActivities.js";

const MiB = 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, "a");

/** Anyone can send a fresh timestamp; the signature over the junk is forged. */
const unsignedHeaders = () => ({
  "content-type": "application/json",
  "x-slack-request-timestamp": String(Math.floor(Date.now() / 1000)),
  "x-slack-signature": `v0=${"0".repeat(64)}`,
});

let h: Harness;
const open = new Set<http.ClientRequest>();

beforeAll(async () => {
  h = await startHarness({ teams: true });
});

afterEach(() => {
  for (const req of open) req.destroy();
  open.clear();
});

afterAll(async () => {
  await h?.stop();
});

interface Answer {
  status: number;
  contentType: string | undefined;
  body: string;
}

/**
 * POSTs `size` bytes of junk, unsigned, either with Content-Length or chunked. With
 * `headersOnly` the body is announced but never sent: only an answer given before reading it comes.
 */
function sendJunk(url: string, options: { size: number; chunked: boolean; headersOnly?: boolean }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const headers: Record<string, string> = unsignedHeaders();
    if (!options.chunked) headers["content-length"] = String(options.size);
    const req = http.request({
      host: target.hostname,
      port: target.port,
      path: target.pathname,
      method: "POST",
      headers,
    });
    open.add(req);
    req.on("error", reject);
    req.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, contentType: res.headers["content-type"], body }));
    });
    if (options.headersOnly) {
      req.flushHeaders();
      return;
    }
    let sent = 0;
    const write = () => {
      while (sent < options.size) {
        const piece = CHUNK.subarray(0, Math.min(CHUNK.length, options.size - sent));
        sent += piece.length;
        if (!req.write(piece)) return void req.once("drain", write);
      }
      req.end();
    };
    write();
  });
}

/**
 * Streams `size` bytes chunked and never ends the body. Settles once all of it is handed to the
 * kernel, the server has answered, or it hung up — whichever comes first.
 */
function streamUnfinished(url: string, size: number): { req: http.ClientRequest; settled: Promise<void> } {
  const target = new URL(url);
  const req = http.request({
    host: target.hostname,
    port: target.port,
    path: target.pathname,
    method: "POST",
    headers: unsignedHeaders(),
  });
  open.add(req);
  const settled = new Promise<void>((resolve) => {
    let done = false;
    const finish = () => {
      done = true;
      resolve();
    };
    req.on("response", (res) => {
      res.resume();
      finish();
    });
    req.on("error", finish);
    let sent = 0;
    const write = () => {
      while (!done && sent < size) {
        sent += CHUNK.length;
        if (!req.write(CHUNK)) return void req.once("drain", write);
      }
      finish();
    };
    write();
  });
  return { req, settled };
}

/**
 * After a full garbage collection: the memory of all Buffers (where a body being read lives), and
 * the resident set. The JS heap is left out: its figure lags behind V8's concurrent sweeping on a
 * busy machine, and a body being read does not live there.
 */
function memory() {
  v8.setFlagsFromString("--expose-gc");
  (vm.runInNewContext("gc") as () => void)();
  const { arrayBuffers, rss } = process.memoryUsage();
  return { buffers: arrayBuffers, rss };
}

const doors = () => [
  { door: "Slack", url: h.eventsUrl },
  { door: "Teams", url: h.messagesUrl },
];

function expectTooLarge(answer: Answer, what: string) {
  expect(answer.status, what).toBe(413);
  expect(answer.contentType, what).toMatch(/^application\/json/);
  expect(JSON.parse(answer.body), what).toEqual({ status: 413, error: expect.any(String) });
}

describe("request body limits", () => {
  it("answers 413 to a body announced larger than 1 MiB before it is sent", async () => {
    for (const { door, url } of doors()) {
      expectTooLarge(await sendJunk(url, { size: 100 * MiB, chunked: false, headersOnly: true }), door);
    }
  });

  it("answers 413 to 10 MB unsigned, with Content-Length and chunked", async () => {
    for (const { door, url } of doors()) {
      for (const chunked of [false, true]) {
        expectTooLarge(await sendJunk(url, { size: 10 * MiB, chunked }), `${door}, chunked: ${chunked}`);
      }
    }
  });

  it("reads no more than 1 MiB before the signature check: 2 MiB unsigned is too large, not unauthorized", async () => {
    for (const { door, url } of doors()) {
      for (const chunked of [false, true]) {
        expectTooLarge(await sendJunk(url, { size: 2 * MiB, chunked }), `${door}, chunked: ${chunked}`);
      }
    }
  });

  it("holds none of it in memory, even while many large bodies are still arriving", async () => {
    const before = memory();
    // Eight unfinished chunked bodies of 24 MiB: a server that kept what it read would now hold
    // well over 100 MB (an unlimited Slack door alone held 96 MB here).
    const streams = doors().flatMap(({ url }) => Array.from({ length: 4 }, () => streamUnfinished(url, 24 * MiB)));
    await Promise.all(streams.map((s) => s.settled));
    const during = memory();
    for (const s of streams) s.req.destroy();
    // Bounded by the 1 MiB per request plus what this test process's own sockets hold while
    // writing; a server that kept the bodies would hold several times 48 MiB.
    expect(during.buffers - before.buffers).toBeLessThan(48 * MiB);
    expect(during.rss - before.rss).toBeLessThan(64 * MiB);
  });

  it("still takes real payloads up to the limit", async () => {
    const padding = "x".repeat(900 * 1024);
    const slack = await post(
      h.eventsUrl,
      sign(JSON.stringify({ type: "url_verification", token: "t", challenge: "ch-900k", padding }), JSON_TYPE),
    );
    expect(slack.status).toBe(200);
    expect(slack.text).toContain("ch-900k");
    const teams = await postActivity(h.messagesUrl, {
      ...membersAdded(h.teams!.url, { id: "29:1anna", name: "Anna" }),
      padding,
    });
    expect(teams.status).toBe(200);
  });
});
