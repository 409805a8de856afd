// A local stand-in for an OpenAI-compatible server: POST {baseUrl}/chat/completions in the
// real Chat Completions wire format, recording every request. By default it answers
// correctly — classification with the built-in classifier's verdicts (so assertions mean
// something), summaries with three fixed bullets — and `mode` / `queue()` make it misbehave.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { classifyMessage } from "../../src/core/presence/builtinClassifier.js";

export type FakeMode =
  | "correct"
  /** content that is not JSON */
  | "malformed"
  /** one result fewer than messages */
  | "wrongCount"
  /** right count, but an index repeated */
  | "wrongIds"
  /** a tone outside the allowed labels */
  | "badTone"
  | "http500"
  | "http429"
  /** never answers (until the client gives up) */
  | "hang"
  /** sends headers, then never finishes the body */
  | "stallBody"
  /** 400 for response_format json_schema (like servers without structured outputs), else correct */
  | "noJsonSchema"
  /** 400 for temperature (like models that only allow the default), else correct */
  | "noTemperature";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  // biome-ignore lint/suspicious/noExplicitAny: the parsed request body of whatever a test sends
  body: any;
}

export interface FakeOpenAi {
  /** For OPENAI_BASE_URL / OpenAiConfig.baseUrl, e.g. http://127.0.0.1:1234/v1 */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Applies to every request once the queue is empty. */
  mode: FakeMode;
  /** Modes for the next requests, one each, before `mode` applies again. */
  queue(...modes: FakeMode[]): void;
  /** Bullets returned for summary requests in "correct" mode (or raw content via `summaryContent`). */
  summaryBullets: unknown;
  summaryContent: string | null;
  /** Token usage the server has reported, summed. */
  reported: { promptTokens: number; completionTokens: number };
  close(): Promise<void>;
}

const tokens = (s: string): number => Math.max(1, Math.ceil(s.length / 4));

function verdictsFor(body: {
  messages: { role: string; content: string }[];
}): { i: number; customer: boolean; tone: string | null }[] {
  const user = JSON.parse(body.messages.find((m) => m.role === "user")!.content) as {
    messages: { i: number; text: string }[];
  };
  return user.messages.map(({ i, text }) => ({ i, ...classifyMessage(text) }));
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const pending: FakeMode[] = [];
  const fake: FakeOpenAi = {
    baseUrl: "",
    requests: [],
    mode: "correct",
    queue: (...modes) => void pending.push(...modes),
    summaryBullets: [
      "Kunden kamen häufiger vor als letzte Woche.",
      "Der Ton wurde positiver.",
      "Support sprach am meisten über Kunden.",
    ],
    summaryContent: null,
    reported: { promptTokens: 0, completionTokens: 0 },
    close: async () => {},
  };

  const server = http.createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (raw += chunk));
    req.on("end", () => {
      // biome-ignore lint/suspicious/noExplicitAny: see FakeRequest.body
      let body: any = null;
      try {
        body = JSON.parse(raw);
      } catch {
        // recorded as null
      }
      fake.requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body });
      const mode = pending.shift() ?? fake.mode;

      const sendJson = (status: number, json: unknown, headers: Record<string, string> = {}): void => {
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(JSON.stringify(json));
      };
      const apiError = (status: number, message: string, param: string | null = null): void =>
        sendJson(
          status,
          { error: { message, type: "invalid_request_error", param, code: null } },
          { "retry-after-ms": "1" },
        );

      if (req.method !== "POST" || !req.url?.endsWith("/chat/completions") || !body) return apiError(404, "not found");
      if (mode === "hang") return; // the client's timeout ends it
      if (mode === "http500") return apiError(500, "The server had an error while processing your request.");
      if (mode === "http429") return apiError(429, "Rate limit reached for requests");
      if (mode === "noJsonSchema" && body.response_format?.type === "json_schema") {
        return apiError(
          400,
          "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.",
          "response_format",
        );
      }
      if (mode === "noTemperature" && body.temperature !== undefined && body.temperature !== 1) {
        return apiError(400, "Unsupported value: 'temperature' does not support 0 with this model.", "temperature");
      }

      const summary =
        body.response_format?.json_schema?.name === "digest_bullets" ||
        /"aggregates"/.test(body.messages?.[1]?.content ?? "");
      let content: string;
      if (mode === "malformed") content = '{"results": [{"i": 0, "customer": tru';
      else if (summary) content = fake.summaryContent ?? JSON.stringify({ bullets: fake.summaryBullets });
      else {
        const results = verdictsFor(body);
        if (mode === "wrongCount") results.pop();
        if (mode === "wrongIds" && results.length > 1) results[1]!.i = results[0]!.i;
        if (mode === "badTone") results[0] = { i: 0, customer: true, tone: "enthusiastic" };
        content = JSON.stringify({ results });
      }
      const promptTokens = tokens(JSON.stringify(body.messages));
      const completionTokens = tokens(content);
      fake.reported.promptTokens += promptTokens;
      fake.reported.completionTokens += completionTokens;
      const completion = {
        id: `chatcmpl-${fake.requests.length}`,
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [
          { index: 0, message: { role: "assistant", content, refusal: null }, logprobs: null, finish_reason: "stop" },
        ],
        usage: {
          prompt_tokens: promptTokens,
          completion_tokens: completionTokens,
          total_tokens: promptTokens + completionTokens,
        },
      };
      if (mode === "stallBody") {
        res.writeHead(200, { "content-type": "application/json" });
        res.write(JSON.stringify(completion).slice(0, 20)); // and never end
        return;
      }
      sendJson(200, completion);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  fake.baseUrl = `http://127.0.0.1:${port}/v1`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
