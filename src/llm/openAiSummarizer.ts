// The digest's "what moved this week" bullets from an OpenAI-compatible LLM. Only the
// aggregates object (and the language) is sent — never message text; as a guard, aggregates
// holding long strings are not sent at all. Any failure yields [] and the digest has no bullets.
import type { DigestSummarizer } from "../core/presence/summary.js";
import { JsonChat, type JsonSchema, type LlmOptions, type TokenUsage } from "./chat.js";
import type { OpenAiConfig } from "./config.js";
import { summarySystemPrompt } from "./prompts.js";

export const MAX_BULLETS = 3;
export const MAX_BULLET_CHARS = 200;
/** Longest string an aggregates object may hold (a channel name, a week id) — longer looks like message text. */
export const MAX_AGGREGATE_STRING = 100;
const MAX_AGGREGATES_JSON = 20_000;

const BULLETS_SCHEMA: JsonSchema = {
  name: "digest_bullets",
  schema: {
    type: "object",
    additionalProperties: false,
    required: ["bullets"],
    properties: { bullets: { type: "array", items: { type: "string" } } },
  },
};

/** True when every string in `value` (keys included) is short: figures and labels only. */
function onlyShortStrings(value: unknown): boolean {
  if (typeof value === "string") return value.length <= MAX_AGGREGATE_STRING;
  if (Array.isArray(value)) return value.every(onlyShortStrings);
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).every(([key, v]) => key.length <= MAX_AGGREGATE_STRING && onlyShortStrings(v));
  }
  return true;
}

/** 1–3 non-empty bullets of at most MAX_BULLET_CHARS each (bullet symbols stripped), or null. */
export function parseBullets(answer: unknown): string[] | null {
  const bullets =
    typeof answer === "object" && answer !== null ? (answer as Record<string, unknown>).bullets : undefined;
  if (!Array.isArray(bullets) || bullets.length < 1 || bullets.length > MAX_BULLETS) return null;
  const cleaned: string[] = [];
  for (const bullet of bullets) {
    if (typeof bullet !== "string") return null;
    const text = bullet.replace(/^\s*(?:[-*•–·]|\d+[.)])\s*/u, "").trim();
    if (!text || text.length > MAX_BULLET_CHARS) return null;
    cleaned.push(text);
  }
  return cleaned;
}

export class OpenAiSummarizer implements DigestSummarizer {
  readonly name = "llm";
  private readonly chat: JsonChat;

  constructor(config: OpenAiConfig, options: LlmOptions = {}) {
    this.chat = new JsonChat(config, options);
  }

  usage(): TokenUsage {
    return this.chat.usage();
  }

  async summarize(aggregates: Record<string, unknown>, language: "de" | "en"): Promise<string[]> {
    try {
      if (!onlyShortStrings(aggregates)) return [];
      const user = JSON.stringify({ language, aggregates });
      if (user.length > MAX_AGGREGATES_JSON) return [];
      const answer = await this.chat.request(summarySystemPrompt(language), user, BULLETS_SCHEMA);
      return parseBullets(answer) ?? [];
    } catch {
      return [];
    }
  }
}
