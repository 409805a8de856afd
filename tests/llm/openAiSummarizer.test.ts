// The digest bullets: only the aggregates go out; anything odd coming back gives [].
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { OpenAiConfig } from "../../src/llm/config.js";
import { OpenAiSummarizer } from "../../src/llm/openAiSummarizer.js";
import { summarySystemPrompt } from "../../src/llm/prompts.js";
import { type FakeMode, type FakeOpenAi, startFakeOpenAi } from "../helpers/fakeOpenAi.js";

const AGGREGATES = {
  week: "2026-W47",
  previousWeek: "2026-W46",
  channels: [
    {
      channel: "#support",
      messages: 412,
      customerShare: 0.31,
      previousShare: 0.22,
      tone: { positive: 0.4, neutral: 0.5, negative: 0.1 },
    },
    {
      channel: "#sales",
      messages: 120,
      customerShare: 0.55,
      previousShare: 0.6,
      tone: { positive: 0.6, neutral: 0.35, negative: 0.05 },
    },
  ],
};
const DEFAULT_BULLETS = [
  "Kunden kamen häufiger vor als letzte Woche.",
  "Der Ton wurde positiver.",
  "Support sprach am meisten über Kunden.",
];

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(() => fake.close());
afterEach(() => {
  fake.requests.length = 0;
  fake.mode = "correct";
  fake.summaryBullets = DEFAULT_BULLETS;
  fake.summaryContent = null;
});

const config = (): OpenAiConfig => ({
  apiKey: "test-key",
  baseUrl: fake.baseUrl,
  model: "gpt-test",
  timeoutMs: 300,
  batchSize: 25,
});

describe("OpenAI digest summarizer", () => {
  it("sends the aggregates and nothing else, and returns the three bullets", async () => {
    const summarizer = new OpenAiSummarizer(config());
    expect(await summarizer.summarize(AGGREGATES, "de")).toEqual(DEFAULT_BULLETS);

    expect(fake.requests).toHaveLength(1);
    const { body } = fake.requests[0]!;
    expect(Object.keys(body).sort()).toEqual(["messages", "model", "response_format", "temperature"]);
    expect(body.messages).toHaveLength(2);
    expect(body.messages[0]).toEqual({ role: "system", content: summarySystemPrompt("de") });
    expect(body.messages[1].role).toBe("user");
    expect(JSON.parse(body.messages[1].content)).toEqual({ language: "de", aggregates: AGGREGATES });
    expect(body.response_format).toMatchObject({
      type: "json_schema",
      json_schema: { name: "digest_bullets", strict: true },
    });
    expect(summarizer.usage().requests).toBe(1);
  });

  it("asks for the requested language", async () => {
    await new OpenAiSummarizer(config()).summarize(AGGREGATES, "en");
    expect(fake.requests[0]!.body.messages[0].content).toContain("in English");
    expect(summarySystemPrompt("de")).toContain("German");
  });

  it("strips bullet symbols and accepts fewer than three", async () => {
    fake.summaryBullets = ["• Mehr Kundenbezug im Support.", "- Ton stabil."];
    expect(await new OpenAiSummarizer(config()).summarize(AGGREGATES, "de")).toEqual([
      "Mehr Kundenbezug im Support.",
      "Ton stabil.",
    ]);
  });

  it.each<[string, Partial<{ bullets: unknown; content: string; mode: FakeMode }>]>([
    ["malformed JSON", { mode: "malformed" }],
    ["content that is not JSON at all", { content: "- one\n- two\n- three" }],
    ["no bullets key", { content: JSON.stringify({ points: ["a", "b", "c"] }) }],
    ["four bullets", { bullets: ["a", "b", "c", "d"] }],
    ["no bullets", { bullets: [] }],
    ["an empty bullet", { bullets: ["a", "  ", "c"] }],
    ["a bullet over 200 characters", { bullets: ["a", "x".repeat(201), "c"] }],
    ["a bullet that is not a string", { bullets: ["a", 2, "c"] }],
    ["HTTP 500", { mode: "http500" }],
    ["a hang", { mode: "hang" }],
  ])("returns [] on %s", async (_name, { bullets, content, mode }) => {
    if (bullets !== undefined) fake.summaryBullets = bullets;
    if (content !== undefined) fake.summaryContent = content;
    if (mode) fake.mode = mode;
    expect(await new OpenAiSummarizer(config(), { maxRetries: 0 }).summarize(AGGREGATES, "en")).toEqual([]);
  });

  it("does not send aggregates that hold long strings (they look like message text)", async () => {
    const leaky = {
      ...AGGREGATES,
      sample:
        "Der Kunde hat heute wieder angerufen und sich über die Lieferzeit beschwert, das ist schon das dritte Mal.",
    };
    expect(await new OpenAiSummarizer(config()).summarize(leaky, "de")).toEqual([]);
    expect(fake.requests).toHaveLength(0);
  });
});
