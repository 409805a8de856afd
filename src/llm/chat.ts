// One JSON-answering Chat Completions call, shared by the classifier and the summarizer:
// explicit per-attempt timeout plus an overall deadline, bounded retries (the SDK's, which
// honour Retry-After on 429), token accounting, and failures as ClassifierFailure whose
// message is safe to log (status or category only — never a request or response body).
import OpenAI, { APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import type { ChatCompletionCreateParamsNonStreaming } from "openai/resources/chat/completions";
import { ClassifierFailure } from "../core/presence/fallback.js";
import type { OpenAiConfig } from "./config.js";

export interface LlmOptions {
  /** Retries per request after the first attempt (429, 5xx, timeouts, connection errors). Default 2. */
  maxRetries?: number;
}

export interface TokenUsage {
  /** Completions received (failed attempts are not counted; they cost no tokens). */
  requests: number;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

export const DEFAULT_MAX_RETRIES = 2;

export function createClient(config: OpenAiConfig, options: LlmOptions): OpenAI {
  // Every option is explicit, so the SDK reads nothing from process.env (it would otherwise
  // pick up OPENAI_BASE_URL, OPENAI_ORG_ID, OPENAI_LOG …) and never logs request bodies.
  return new OpenAI({
    apiKey: config.apiKey,
    baseURL: config.baseUrl ?? "https://api.openai.com/v1",
    organization: null,
    project: null,
    webhookSecret: null,
    timeout: config.timeoutMs,
    maxRetries: Math.max(0, Math.min(5, options.maxRetries ?? DEFAULT_MAX_RETRIES)),
    logLevel: "off",
  });
}

export type JsonSchema = { name: string; schema: Record<string, unknown> };

/**
 * What the server accepts, learnt from 400 answers: some OpenAI-compatible servers (and older
 * Azure API versions) lack json_schema output, some models reject temperature 0.
 */
interface Capabilities {
  jsonSchema: boolean;
  temperature: boolean;
}

export class JsonChat {
  private readonly client: OpenAI;
  private readonly capabilities: Capabilities = { jsonSchema: true, temperature: true };
  private readonly deadlineMs: number;
  private readonly totals: TokenUsage = { requests: 0, promptTokens: 0, completionTokens: 0, totalTokens: 0 };

  constructor(
    private readonly config: OpenAiConfig,
    options: LlmOptions = {},
  ) {
    this.client = createClient(config, options);
    // The SDK's timeout ends when response headers arrive; the deadline also covers a body
    // that never finishes, and all retries with their waits (one attempt's worth of slack).
    this.deadlineMs = config.timeoutMs * (this.client.maxRetries + 2);
  }

  usage(): TokenUsage {
    return { ...this.totals };
  }

  /** The parsed JSON object of the answer; throws ClassifierFailure on anything else. */
  async request(system: string, user: string, schema: JsonSchema): Promise<unknown> {
    for (let adaptations = 0; ; adaptations++) {
      const body: ChatCompletionCreateParamsNonStreaming = {
        model: this.config.model,
        messages: [
          { role: "system", content: system },
          { role: "user", content: user },
        ],
        response_format: this.capabilities.jsonSchema
          ? { type: "json_schema", json_schema: { name: schema.name, strict: true, schema: schema.schema } }
          : { type: "json_object" },
        ...(this.capabilities.temperature ? { temperature: 0 } : {}),
      };
      try {
        const completion = await this.client.chat.completions.create(body, {
          signal: AbortSignal.timeout(this.deadlineMs),
        });
        this.count(completion.usage);
        const choice = completion.choices?.[0];
        if (!choice) throw new ClassifierFailure("response has no choices");
        if (choice.finish_reason === "length")
          throw new ClassifierFailure("response was cut off (finish_reason length)");
        if (choice.message?.refusal) throw new ClassifierFailure("model refused to answer");
        const content = choice.message?.content;
        if (typeof content !== "string" || !content.trim()) throw new ClassifierFailure("response has no content");
        return parseJson(content);
      } catch (error) {
        if (error instanceof ClassifierFailure) throw error;
        if (adaptations < 2 && error instanceof APIError && error.status === 400 && this.adapt(error)) continue;
        throw new ClassifierFailure(describeError(error));
      }
    }
  }

  /** Turns off what a 400 answer complains about; false when there is nothing to turn off. */
  private adapt(error: APIError): boolean {
    const hint = `${error.param ?? ""} ${error.message}`.toLowerCase();
    if (this.capabilities.temperature && hint.includes("temperature")) {
      this.capabilities.temperature = false;
      return true;
    }
    if (this.capabilities.jsonSchema && /response_format|json_schema/.test(hint)) {
      this.capabilities.jsonSchema = false;
      return true;
    }
    return false;
  }

  private count(usage: OpenAI.CompletionUsage | undefined): void {
    this.totals.requests++;
    const prompt = nonNegative(usage?.prompt_tokens);
    const completion = nonNegative(usage?.completion_tokens);
    this.totals.promptTokens += prompt;
    this.totals.completionTokens += completion;
    this.totals.totalTokens += nonNegative(usage?.total_tokens) || prompt + completion;
  }
}

function nonNegative(n: unknown): number {
  return typeof n === "number" && Number.isFinite(n) && n > 0 ? n : 0;
}

/** JSON, tolerating one surrounding ```json fence that some servers add in json_object mode. */
function parseJson(content: string): unknown {
  const fenced = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/i.exec(content);
  try {
    return JSON.parse(fenced ? fenced[1]! : content);
  } catch {
    throw new ClassifierFailure("response content is not valid JSON");
  }
}

function describeError(error: unknown): string {
  if (error instanceof APIConnectionTimeoutError) return "timeout";
  if (error instanceof APIUserAbortError) return "timeout (overall deadline)";
  if (error instanceof APIError) return error.status === undefined ? "connection failed" : `HTTP ${error.status}`;
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))
    return "timeout (overall deadline)";
  return `request failed (${error instanceof Error ? error.name : typeof error})`;
}
