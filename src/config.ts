// Configuration, read once from the environment and validated. The only module that reads
// process.env; a bad value stops the start with a message naming the variable.
import fs from "node:fs";
import { isLanguage, type Language } from "./core/model.js";
import { isValidTimeZone } from "./core/time.js";

export interface SlackConfig {
  botToken: string;
  signingSecret: string | null;
  /** Set for Socket Mode (local development without a public URL). */
  appToken: string | null;
  apiUrl: string | null;
}

export interface Config {
  port: number;
  databaseUrl: string;
  logLevel: string;
  slack: SlackConfig | null;
  admins: string[];
  nudgeGraceMs: number;
  defaultLanguage: Language;
  defaultTimezone: string;
  /** Key for hashing people (rate limits, distinct counts); generated and stored when unset. */
  hashSecret: string | null;
  /** Channel figures only when at least this many distinct people wrote that week. */
  presenceMinAuthors: number;
  /** Presence signals older than this are deleted. */
  presenceRetentionWeeks: number;
}

export class ConfigError extends Error {
  constructor(variable: string, expected: string) {
    super(`${variable}: ${expected}`);
    this.name = "ConfigError";
  }
}

type Env = Record<string, string | undefined>;

function nonEmpty(env: Env, name: string): string | null {
  const value = env[name]?.trim();
  return value ? value : null;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = nonEmpty(env, name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `expected a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function readSlack(env: Env): SlackConfig | null {
  const botToken = nonEmpty(env, "SLACK_BOT_TOKEN");
  const signingSecret = nonEmpty(env, "SLACK_SIGNING_SECRET");
  const appToken = nonEmpty(env, "SLACK_APP_TOKEN");
  const apiUrl = nonEmpty(env, "SLACK_API_URL");
  if (!botToken) {
    if (signingSecret || appToken) throw new ConfigError("SLACK_BOT_TOKEN", "required when SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set (a bot token, xoxb-…)");
    return null;
  }
  if (!botToken.startsWith("xoxb-")) throw new ConfigError("SLACK_BOT_TOKEN", "expected a bot token starting with xoxb-");
  if (appToken && !appToken.startsWith("xapp-")) throw new ConfigError("SLACK_APP_TOKEN", "expected an app-level token starting with xapp- (Socket Mode)");
  if (!appToken && !signingSecret) {
    throw new ConfigError("SLACK_SIGNING_SECRET", "required for HTTP mode (Basic Information → Signing Secret); or set SLACK_APP_TOKEN for Socket Mode");
  }
  if (apiUrl && !/^https?:\/\//.test(apiUrl)) throw new ConfigError("SLACK_API_URL", `expected an http(s) URL such as https://slack.com/api/, got "${apiUrl}"`);
  return { botToken, signingSecret, appToken, apiUrl: apiUrl && (apiUrl.endsWith("/") ? apiUrl : `${apiUrl}/`) };
}

export function loadConfig(env: Env = process.env): Config {
  const databaseUrl = nonEmpty(env, "DATABASE_URL") ?? "file:./data/kundennah.db";
  if (!databaseUrl.startsWith("file:")) {
    throw new ConfigError("DATABASE_URL", `expected a SQLite URL such as file:./data/kundennah.db, got "${databaseUrl.split(":")[0]}:…"`);
  }
  const defaultLanguage = (nonEmpty(env, "DEFAULT_LANGUAGE") ?? "de").toLowerCase();
  if (!isLanguage(defaultLanguage)) throw new ConfigError("DEFAULT_LANGUAGE", `expected "de" or "en", got "${defaultLanguage}"`);
  const defaultTimezone = nonEmpty(env, "DEFAULT_TIMEZONE") ?? "Europe/Berlin";
  if (!isValidTimeZone(defaultTimezone)) throw new ConfigError("DEFAULT_TIMEZONE", `expected an IANA time zone such as Europe/Berlin, got "${defaultTimezone}"`);
  const logLevel = (nonEmpty(env, "LOG_LEVEL") ?? "info").toLowerCase();
  if (!["fatal", "error", "warn", "info", "debug", "trace", "silent"].includes(logLevel)) {
    throw new ConfigError("LOG_LEVEL", `expected one of fatal, error, warn, info, debug, trace, silent, got "${logLevel}"`);
  }
  return {
    port: integer(env, "PORT", 3000, 0, 65535),
    databaseUrl,
    logLevel,
    slack: readSlack(env),
    admins: (nonEmpty(env, "KUNDENNAH_ADMINS") ?? "").split(",").map((s) => s.trim()).filter(Boolean),
    nudgeGraceMs: integer(env, "NUDGE_GRACE_HOURS", 6, 0, 168) * 3600_000,
    defaultLanguage,
    defaultTimezone,
    hashSecret: nonEmpty(env, "KUNDENNAH_HASH_SECRET"),
    presenceMinAuthors: integer(env, "PRESENCE_MIN_AUTHORS", 3, 2, 1000),
    presenceRetentionWeeks: integer(env, "PRESENCE_RETENTION_WEEKS", 26, 9, 520),
  };
}

/** Loads ./.env into the environment when present; variables already set win. */
export function loadDotEnv(file = ".env"): void {
  if (fs.existsSync(file)) process.loadEnvFile(file);
}
