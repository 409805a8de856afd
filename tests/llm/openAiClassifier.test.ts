// The LLM classifier against a local fake OpenAI-compatible server: correct answers are used,
// every kind of failure falls back to the built-in classifier, batches and tokens add up.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { builtinClassifier, classifyMessage } from "../../src/core/presence/builtinClassifier.js";
import type { PresenceClassifier } from "../../src/core/presence/classifier.js";
import { isValidVerdict } from "../../src/core/presence/fallback.js";
import type { OpenAiConfig } from "../../src/llm/config.js";
import {
  createLlmClassifier,
  MAX_CHARS_PER_MESSAGE,
  OpenAiClassifier,
  parseResults,
} from "../../src/llm/openAiClassifier.js";
import { CLASSIFIER_SYSTEM_PROMPT } from "../../src/llm/prompts.js";
import { type FakeMode, type FakeOpenAi, startFakeOpenAi } from "../helpers/fakeOpenAi.js";

const TEXTS = [
  "Die Kundin aus Kassel hat sich für den schnellen Rückruf bedankt!",
  "Wer hat den Schlüssel für den Serverraum?",
  "Typisch Kunde, liest mal wieder keine einzige Mail.",
  "The customer reported that the export fails on large files.",
  "Please rotate the client secret in the staging vault.",
  "Huge win: Nordlicht GmbH signed the renewal, thanks everyone!",
];
const EXPECTED = TEXTS.map(classifyMessage);

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(() => fake.close());
afterEach(() => {
  fake.requests.length = 0;
  fake.mode = "correct";
  fake.reported = { promptTokens: 0, completionTokens: 0 };
});

const config = (over: Partial<OpenAiConfig> = {}): OpenAiConfig => ({
  apiKey: "test-key",
  baseUrl: fake.baseUrl,
  model: "gpt-test",
  // Roomy, so that a loaded machine does not turn a slow answer into a retry; the timeout tests
  // set their own.
  timeoutMs: 5_000,
  batchSize: 25,
  ...over,
});

/** The built-in classifier, counting the texts it is asked about. */
function spyBuiltin(): PresenceClassifier & { texts: string[] } {
  const spy = {
    name: "builtin",
    texts: [] as string[],
    classify: (texts: readonly string[]) => {
      spy.texts.push(...texts);
      return builtinClassifier.classify(texts);
    },
  };
  return spy;
}

function setup(over: Partial<OpenAiConfig> = {}, options: { maxRetries?: number; concurrency?: number } = {}) {
  const fallback = spyBuiltin();
  const events: { reason: string; count: number }[] = [];
  const classifier = createLlmClassifier(
    config(over),
    fallback,
    (reason, count) => void events.push({ reason, count }),
    options,
  );
  return { classifier, fallback, events };
}

const userMessages = (i: number): { i: number; text: string }[] =>
  JSON.parse(fake.requests[i]!.body.messages[1].content).messages;

describe("OpenAI classifier", () => {
  it("sends one well-formed structured-output request and uses the validated answer", async () => {
    const { classifier, fallback, events } = setup();
    expect(classifier.name).toBe("llm");
    expect(await classifier.classify(TEXTS)).toEqual(EXPECTED);
    expect(fallback.texts).toEqual([]);
    expect(events).toEqual([]);

    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request!.method).toBe("POST");
    expect(request!.path).toBe("/v1/chat/completions");
    expect(request!.headers.authorization).toBe("Bearer test-key");
    expect(request!.body).toMatchObject({
      model: "gpt-test",
      temperature: 0,
      response_format: { type: "json_schema", json_schema: { name: "presence_results", strict: true } },
    });
    expect(request!.body.messages[0]).toEqual({ role: "system", content: CLASSIFIER_SYSTEM_PROMPT });
    expect(userMessages(0)).toEqual(TEXTS.map((text, i) => ({ i, text })));
  });

  it("batches: 60 texts with batchSize 25 make 3 requests of 25, 25 and 10, results in order", async () => {
    const texts = Array.from({ length: 60 }, (_, k) => `${TEXTS[k % TEXTS.length]} (${k})`);
    const { classifier, fallback } = setup();
    expect(await classifier.classify(texts)).toEqual(texts.map(classifyMessage));
    expect(fallback.texts).toEqual([]);
    expect(fake.requests.map((_, i) => userMessages(i).length).sort()).toEqual([10, 25, 25]);
    for (let r = 0; r < 3; r++)
      expect(userMessages(r).map((m) => m.i)).toEqual([...Array(userMessages(r).length).keys()]);
  });

  it("counts tokens over all requests", async () => {
    const { classifier } = setup({ batchSize: 2 });
    await classifier.classify(TEXTS);
    const usage = classifier.usage();
    expect(usage.requests).toBe(3);
    expect(usage.promptTokens).toBe(fake.reported.promptTokens);
    expect(usage.completionTokens).toBe(fake.reported.completionTokens);
    expect(usage.totalTokens).toBe(usage.promptTokens + usage.completionTokens);
    expect(usage.promptTokens).toBeGreaterThan(0);
  });

  it.each<[FakeMode, RegExp, number]>([
    ["malformed", /^llm: response content is not valid JSON$/, 1],
    ["wrongCount", /^llm: invalid response: 5 results for 6 messages$/, 1],
    ["wrongIds", /^llm: invalid response: results\[1\] repeats an index$/, 1],
    ["badTone", /^llm: invalid response: results\[0\] has an unknown tone$/, 1],
    ["http500", /^llm: HTTP 500$/, 3],
    ["http429", /^llm: HTTP 429$/, 3],
  ])("%s → the built-in classifier answers that batch", async (mode, reason, requests) => {
    fake.mode = mode;
    const { classifier, fallback, events } = setup();
    const result = await classifier.classify(TEXTS);
    expect(result).toEqual(EXPECTED);
    expect(result.every(isValidVerdict)).toBe(true);
    expect(fallback.texts).toEqual(TEXTS);
    expect(events).toHaveLength(1);
    expect(events[0]!.reason).toMatch(reason);
    expect(events[0]!.count).toBe(TEXTS.length);
    // bounded retries: 2 after the first attempt for retryable statuses, none for bad content
    expect(fake.requests).toHaveLength(requests);
  });

  it("hang longer than the timeout → fallback after the timeout", async () => {
    fake.mode = "hang";
    const { classifier, fallback, events } = setup({ timeoutMs: 300 }, { maxRetries: 0 });
    const started = Date.now();
    expect(await classifier.classify(TEXTS)).toEqual(EXPECTED);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(fallback.texts).toEqual(TEXTS);
    expect(events).toEqual([{ reason: "llm: timeout", count: TEXTS.length }]);
    expect(fake.requests).toHaveLength(1);
  });

  it("headers sent but the body never finishes → fallback at the overall deadline", async () => {
    fake.mode = "stallBody";
    const { classifier, events } = setup({ timeoutMs: 300 }, { maxRetries: 0 });
    const started = Date.now();
    expect(await classifier.classify(TEXTS)).toEqual(EXPECTED);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(events).toEqual([{ reason: "llm: timeout (overall deadline)", count: TEXTS.length }]);
  });

  it("a retried 500 that then succeeds is used, not the fallback", async () => {
    fake.queue("http500");
    const { classifier, fallback } = setup();
    expect(await classifier.classify(TEXTS)).toEqual(EXPECTED);
    expect(fallback.texts).toEqual([]);
    expect(fake.requests).toHaveLength(2);
  });

  it("only the failing batch falls back", async () => {
    const texts = Array.from({ length: 60 }, (_, k) => `${TEXTS[k % TEXTS.length]} #${k}`);
    fake.queue("correct", "malformed", "correct");
    const { classifier, fallback, events } = setup({}, { concurrency: 1 });
    expect(await classifier.classify(texts)).toEqual(texts.map(classifyMessage));
    expect(fallback.texts).toEqual(texts.slice(25, 50));
    expect(events).toEqual([{ reason: "llm: response content is not valid JSON", count: 25 }]);
    expect(classifier.usage().requests).toBe(3);
  });

  it("falls back to json_object for servers without json_schema, and remembers it", async () => {
    fake.mode = "noJsonSchema";
    const { classifier, fallback } = setup({ batchSize: 3 }, { concurrency: 1 });
    expect(await classifier.classify(TEXTS)).toEqual(EXPECTED);
    expect(fallback.texts).toEqual([]);
    expect(fake.requests.map((r) => r.body.response_format.type)).toEqual([
      "json_schema",
      "json_object",
      "json_object",
    ]);
  });

  it("drops temperature for models that reject it", async () => {
    fake.mode = "noTemperature";
    const { classifier, fallback } = setup();
    expect(await classifier.classify(TEXTS)).toEqual(EXPECTED);
    expect(fallback.texts).toEqual([]);
    expect(fake.requests.map((r) => r.body.temperature)).toEqual([0, undefined]);
  });

  it("cuts very long messages", async () => {
    const { classifier } = setup();
    await classifier.classify(["Kunde ".repeat(1_000)]);
    expect(userMessages(0)[0]!.text).toHaveLength(MAX_CHARS_PER_MESSAGE);
  });

  it("never logs, and fallback reasons never contain message text", async () => {
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation(() => {}),
    );
    try {
      for (const mode of ["correct", "malformed", "http500", "hang"] as const) {
        fake.mode = mode;
        const { classifier, events } = setup({ timeoutMs: 300 }, { maxRetries: 0 });
        await classifier.classify(TEXTS);
        for (const { reason } of events) for (const text of TEXTS) expect(reason).not.toContain(text.slice(0, 12));
      }
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it("OpenAiClassifier alone throws on failure (the fallback is the wrapper's job)", async () => {
    fake.mode = "malformed";
    await expect(new OpenAiClassifier(config()).classify(TEXTS)).rejects.toThrow("not valid JSON");
  });
});

describe("parseResults", () => {
  it("accepts results in any order and reads a non-customer's stray tone as null", () => {
    expect(
      parseResults(
        {
          results: [
            { i: 1, customer: false, tone: "neutral" },
            { i: 0, customer: true, tone: "negative" },
          ],
        },
        2,
      ),
    ).toEqual([
      { customer: true, tone: "negative" },
      { customer: false, tone: null },
    ]);
  });

  it.each([
    [null, /no results array/],
    [{ results: "none" }, /no results array/],
    [{ results: [{ i: 0, customer: true, tone: "positive" }] }, /1 results for 2 messages/],
    [{ results: [{ i: 0, customer: true, tone: "positive" }, "x"] }, /results\[1\] is not an object/],
    [
      {
        results: [
          { i: 0, customer: true, tone: "positive" },
          { i: 2, customer: false, tone: null },
        ],
      },
      /results\[1\] has no valid index/,
    ],
    [
      {
        results: [
          { i: 0, customer: true, tone: "positive" },
          { i: 0.5, customer: false, tone: null },
        ],
      },
      /results\[1\] has no valid index/,
    ],
    [
      {
        results: [
          { i: 0, customer: "true", tone: "positive" },
          { i: 1, customer: false, tone: null },
        ],
      },
      /results\[0\] has no boolean customer/,
    ],
    [
      {
        results: [
          { i: 0, customer: true, tone: null },
          { i: 1, customer: false, tone: null },
        ],
      },
      /results\[0\] is a customer without a tone/,
    ],
    [
      {
        results: [
          { i: 0, customer: true },
          { i: 1, customer: false, tone: null },
        ],
      },
      /results\[0\] has an unknown tone/,
    ],
  ])("rejects %j", (answer, message) => {
    expect(() => parseResults(answer, 2)).toThrow(message);
  });
});
