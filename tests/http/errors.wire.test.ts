// Whatever goes wrong in the HTTP server is answered as JSON with the status and a short reason:
// no stack trace, no server file paths, no library message (those can quote the payload). The
// log says what happened, without the payload either.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../helpers/harness.js";

let h: Harness;
// Payloads that name a customer: they must not come back in the answer, nor go to the log (the
// second makes JSON.parse's own message quote it).
const BROKEN_JSON = ['{bad json "Kundin Erika Mustermann ist unzufrieden"', "Mustermann ist unzufrieden"];

beforeAll(async () => {
  h = await startHarness({ teams: true });
});

afterAll(async () => {
  await h?.stop();
});

function expectNoInternals(body: string) {
  expect(body).not.toMatch(/<html|<pre|\bat \w|node_modules|\/work\/|\.ts:\d|\.js:\d|Mustermann|SyntaxError/i);
}

describe("error answers", () => {
  it("answers broken JSON on /api/messages with 400 and a short JSON reason, and logs the reason without the payload", async () => {
    for (const broken of BROKEN_JSON) {
      const logsBefore = h.logs.length;
      const res = await fetch(h.messagesUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: broken,
      });
      const body = await res.text();
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(JSON.parse(body)).toEqual({ status: 400, error: expect.any(String) });
      expectNoInternals(body);
      const logged = h.logs.slice(logsBefore).join("");
      expect(logged).toContain('"status":400');
      expect(logged).toContain("/api/messages");
      expect(logged).not.toContain("Mustermann");
    }
  });

  it("answers unknown routes and methods with a JSON 404", async () => {
    for (const [method, path] of [
      ["GET", "/nope"],
      ["GET", "/slack/events"],
      ["GET", "/api/messages"],
      ["POST", "/wp-login.php"],
    ] as const) {
      const res = await fetch(`${h.app.url}${path}`, { method });
      const body = await res.text();
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(JSON.parse(body)).toEqual({ status: 404, error: expect.any(String) });
      expectNoInternals(body);
    }
  });
});
