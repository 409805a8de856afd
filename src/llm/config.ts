// Settings for the optional OpenAI-compatible LLM (presence classification and digest bullets).
// Read by src/config.ts from the environment it is given; this module never touches process.env.
//
// OPENAI_BASE_URL points at any OpenAI-compatible Chat Completions endpoint, including the
// path prefix the server expects: https://api.openai.com/v1 (the default),
// https://RESOURCE.openai.azure.com/openai/v1 for Azure OpenAI (OPENAI_MODEL is then the
// deployment name), or a self-hosted server such as http://localhost:8000/v1.
import { ConfigError, type Env, envInteger, envValue as value } from "../env.js";

export interface OpenAiConfig {
  apiKey: string;
  /** null: OpenAI's own API. */
  baseUrl: string | null;
  model: string;
  /** Per HTTP attempt. */
  timeoutMs: number;
  /** Messages per request. */
  batchSize: number;
}

export const OPENAI_DEFAULTS = { model: "gpt-4o-mini", timeoutMs: 20_000, batchSize: 25 } as const;

function baseUrl(env: Env): string | null {
  const raw = value(env, "OPENAI_BASE_URL");
  if (raw === null) return null;
  let url: URL | null = null;
  try {
    url = new URL(raw);
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new ConfigError("OPENAI_BASE_URL", `expected an http(s) URL such as https://api.openai.com/v1, got "${raw}"`);
  }
  return raw.replace(/\/+$/, "");
}

/** null when OPENAI_API_KEY is unset: the LLM features are then unavailable. */
export function readOpenAiConfig(env: Env): OpenAiConfig | null {
  const apiKey = value(env, "OPENAI_API_KEY");
  const base = baseUrl(env);
  if (apiKey === null) {
    const stray = ["OPENAI_BASE_URL", "OPENAI_MODEL"].find((name) => value(env, name) !== null);
    if (stray) {
      throw new ConfigError(
        "OPENAI_API_KEY",
        `required when ${stray} is set (for a server that needs no key, any non-empty value)`,
      );
    }
    return null;
  }
  const model = value(env, "OPENAI_MODEL") ?? OPENAI_DEFAULTS.model;
  if (/\s/.test(model))
    throw new ConfigError("OPENAI_MODEL", `expected a model or deployment name without spaces, got "${model}"`);
  return {
    apiKey,
    baseUrl: base,
    model,
    timeoutMs: envInteger(env, "OPENAI_TIMEOUT_MS", OPENAI_DEFAULTS.timeoutMs, 1_000, 600_000),
    batchSize: envInteger(env, "OPENAI_BATCH_SIZE", OPENAI_DEFAULTS.batchSize, 1, 100),
  };
}
