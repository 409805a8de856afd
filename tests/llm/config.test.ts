import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/config.js";
import { readOpenAiConfig } from "../../src/llm/config.js";

describe("readOpenAiConfig", () => {
  it("is null without OPENAI_API_KEY", () => {
    expect(readOpenAiConfig({})).toBeNull();
    expect(readOpenAiConfig({ OPENAI_API_KEY: "  " })).toBeNull();
  });

  it("has defaults", () => {
    expect(readOpenAiConfig({ OPENAI_API_KEY: "sk-test" })).toEqual({
      apiKey: "sk-test",
      baseUrl: null,
      model: "gpt-4o-mini",
      timeoutMs: 20_000,
      batchSize: 25,
    });
  });

  it("reads every variable", () => {
    expect(
      readOpenAiConfig({
        OPENAI_API_KEY: "key",
        OPENAI_BASE_URL: "https://my-resource.openai.azure.com/openai/v1/",
        OPENAI_MODEL: "my-deployment",
        OPENAI_TIMEOUT_MS: "5000",
        OPENAI_BATCH_SIZE: "100",
      }),
    ).toEqual({
      apiKey: "key",
      baseUrl: "https://my-resource.openai.azure.com/openai/v1",
      model: "my-deployment",
      timeoutMs: 5000,
      batchSize: 100,
    });
    expect(readOpenAiConfig({ OPENAI_API_KEY: "key", OPENAI_BASE_URL: "http://localhost:8000/v1" })?.baseUrl).toBe(
      "http://localhost:8000/v1",
    );
  });

  it.each([
    [{ OPENAI_BASE_URL: "localhost:8000" }, "OPENAI_BASE_URL"],
    [{ OPENAI_BASE_URL: "ftp://example.com/v1" }, "OPENAI_BASE_URL"],
    [{ OPENAI_MODEL: "gpt 4o" }, "OPENAI_MODEL"],
    [{ OPENAI_TIMEOUT_MS: "fast" }, "OPENAI_TIMEOUT_MS"],
    [{ OPENAI_TIMEOUT_MS: "999" }, "OPENAI_TIMEOUT_MS"],
    [{ OPENAI_BATCH_SIZE: "0" }, "OPENAI_BATCH_SIZE"],
    [{ OPENAI_BATCH_SIZE: "101" }, "OPENAI_BATCH_SIZE"],
    [{ OPENAI_BATCH_SIZE: "2.5" }, "OPENAI_BATCH_SIZE"],
  ])("rejects %o naming %s", (env, variable) => {
    const read = () => readOpenAiConfig({ OPENAI_API_KEY: "key", ...env });
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(new RegExp(`^${variable}: `));
  });

  it("asks for the key when other OPENAI_ settings are given without it", () => {
    expect(() => readOpenAiConfig({ OPENAI_BASE_URL: "http://localhost:8000/v1" })).toThrow(
      /^OPENAI_API_KEY: required when OPENAI_BASE_URL/,
    );
    expect(() => readOpenAiConfig({ OPENAI_MODEL: "llama3" })).toThrow(/^OPENAI_API_KEY: .*OPENAI_MODEL/);
  });
});
