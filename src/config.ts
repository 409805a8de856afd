// Configuration, read once from the environment and validated. The only module that reads
// process.env; a bad value stops the start with a message naming the variable.
import fs from "node:fs";
import { isLanguage, type Language } from "./core/shared/model.js";
import { isValidTimeZone } from "./core/shared/time.js";
import { ConfigError, type Env, envInteger as integer, envValue as nonEmpty } from "./env.js";
import { type OpenAiConfig, readOpenAiConfig } from "./llm/config.js";

export interface SlackConfig {
  botToken: string;
  signingSecret: string | null;
  /** Set for Socket Mode (local development without a public URL). */
  appToken: string | null;
  apiUrl: string | null;
}

export type TeamsAppType = "SingleTenant" | "MultiTenant" | "UserAssignedMSI";

/**
 * Teams either runs against Azure Bot Service (an app id; every request carries a Bot
 * Framework token) or in local mode for the Agents Playground (no credentials, loopback only).
 */
export type TeamsConfig =
  | { mode: "azure"; appId: string; appPassword: string | null; tenantId: string | null; appType: TeamsAppType }
  | { mode: "local" };

export interface Config {
  port: number;
  databaseUrl: string;
  logLevel: string;
  slack: SlackConfig | null;
  /** null: Teams switched off (Slack is configured and no Teams settings are given). */
  teams: TeamsConfig | null;
  admins: string[];
  nudgeGraceMs: number;
  defaultLanguage: Language;
  defaultTimezone: string;
  /** Key for hashing people (distinct authors in presence figures); generated and stored when unset. */
  hashSecret: string | null;
  /** Channel figures only when at least this many distinct people wrote that week. */
  presenceMinAuthors: number;
  /** Leader mirror (issue 12): answers a question needs before it is shown; never below 3. */
  mirrorMinResponses: number;
  /** Presence signals older than this are deleted. */
  presenceRetentionWeeks: number;
  /** The optional LLM (any OpenAI-compatible endpoint); null without OPENAI_API_KEY. */
  openai: OpenAiConfig | null;
  /**
   * How long the claims of a process that died (on the scheduler, on messages it was sending)
   * block the others; null keeps the built-in defaults. Tests shorten it to restart in seconds.
   */
  leaseMs: number | null;
  /**
   * Where people's browsers reach this bot (scheme, host, optional port and path), for dashboard
   * links and the session cookie's Secure flag; null: http://localhost:PORT (the port listened on).
   */
  publicUrl: string | null;
}

export { ConfigError };

function readSlack(env: Env): SlackConfig | null {
  const botToken = nonEmpty(env, "SLACK_BOT_TOKEN");
  const signingSecret = nonEmpty(env, "SLACK_SIGNING_SECRET");
  const appToken = nonEmpty(env, "SLACK_APP_TOKEN");
  const apiUrl = nonEmpty(env, "SLACK_API_URL");
  if (!botToken) {
    if (signingSecret || appToken)
      throw new ConfigError(
        "SLACK_BOT_TOKEN",
        "required when SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set (a bot token, xoxb-…)",
      );
    return null;
  }
  if (!botToken.startsWith("xoxb-"))
    throw new ConfigError("SLACK_BOT_TOKEN", "expected a bot token starting with xoxb-");
  if (appToken && !appToken.startsWith("xapp-"))
    throw new ConfigError("SLACK_APP_TOKEN", "expected an app-level token starting with xapp- (Socket Mode)");
  if (!appToken && !signingSecret) {
    throw new ConfigError(
      "SLACK_SIGNING_SECRET",
      "required for HTTP mode (Basic Information → Signing Secret); or set SLACK_APP_TOKEN for Socket Mode",
    );
  }
  // Slack's signing secrets are 32 hex digits; anything else (a placeholder, the token pasted
  // into the wrong variable) would start fine and then refuse every request as badly signed.
  if (signingSecret && !/^[0-9a-f]{32}$/i.test(signingSecret)) {
    throw new ConfigError(
      "SLACK_SIGNING_SECRET",
      `expected the app's Signing Secret (Basic Information → App Credentials), 32 hex digits such as 0123456789abcdef0123456789abcdef; got ${signingSecret.length} character(s)`,
    );
  }
  if (apiUrl && !/^https?:\/\//.test(apiUrl))
    throw new ConfigError("SLACK_API_URL", `expected an http(s) URL such as https://slack.com/api/, got "${apiUrl}"`);
  return { botToken, signingSecret, appToken, apiUrl: apiUrl && (apiUrl.endsWith("/") ? apiUrl : `${apiUrl}/`) };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const APP_TYPES: Record<string, TeamsAppType> = {
  singletenant: "SingleTenant",
  multitenant: "MultiTenant",
  userassignedmsi: "UserAssignedMSI",
};

function readTeams(env: Env, slackConfigured: boolean): TeamsConfig | null {
  const appId = nonEmpty(env, "MICROSOFT_APP_ID");
  const appPassword = nonEmpty(env, "MICROSOFT_APP_PASSWORD");
  const tenantId = nonEmpty(env, "MICROSOFT_APP_TENANT_ID");
  const typeRaw = nonEmpty(env, "MICROSOFT_APP_TYPE");
  const localRaw = (nonEmpty(env, "TEAMS_LOCAL_MODE") ?? "").toLowerCase();
  if (localRaw && !["true", "false", "1", "0"].includes(localRaw))
    throw new ConfigError("TEAMS_LOCAL_MODE", `expected true or false, got "${localRaw}"`);
  if (!appId) {
    // MICROSOFT_APP_TYPE alone is fine: .env.example carries its default.
    if (appPassword || tenantId) {
      throw new ConfigError(
        "MICROSOFT_APP_ID",
        "required when MICROSOFT_APP_PASSWORD or MICROSOFT_APP_TENANT_ID is set (the Azure Bot's Microsoft App ID, a GUID)",
      );
    }
    // With no platform configured at all, start in local mode so there is something to try.
    const local = localRaw === "true" || localRaw === "1" || (!slackConfigured && localRaw === "");
    return local ? { mode: "local" } : null;
  }
  if (localRaw === "true" || localRaw === "1")
    throw new ConfigError(
      "TEAMS_LOCAL_MODE",
      "cannot be on while MICROSOFT_APP_ID is set (local mode is unauthenticated)",
    );
  if (!GUID.test(appId))
    throw new ConfigError(
      "MICROSOFT_APP_ID",
      `expected the Azure Bot's Microsoft App ID, a GUID such as 00000000-0000-0000-0000-000000000000`,
    );
  const appType = APP_TYPES[(typeRaw ?? "SingleTenant").toLowerCase()];
  if (!appType)
    throw new ConfigError(
      "MICROSOFT_APP_TYPE",
      `expected SingleTenant (default), MultiTenant or UserAssignedMSI, got "${typeRaw}"`,
    );
  if (tenantId && !GUID.test(tenantId))
    throw new ConfigError("MICROSOFT_APP_TENANT_ID", "expected the Microsoft Entra tenant id, a GUID");
  if (appType !== "MultiTenant" && !tenantId) {
    throw new ConfigError(
      "MICROSOFT_APP_TENANT_ID",
      `required for MICROSOFT_APP_TYPE=${appType} (the directory/tenant id of the bot's app registration)`,
    );
  }
  if (appType === "UserAssignedMSI" && appPassword)
    throw new ConfigError(
      "MICROSOFT_APP_PASSWORD",
      "must be empty for MICROSOFT_APP_TYPE=UserAssignedMSI (the managed identity needs no secret)",
    );
  if (appType !== "UserAssignedMSI" && !appPassword)
    throw new ConfigError(
      "MICROSOFT_APP_PASSWORD",
      `required for MICROSOFT_APP_TYPE=${appType} (a client secret of the bot's app registration)`,
    );
  return { mode: "azure", appId, appPassword, tenantId: appType === "MultiTenant" ? null : tenantId, appType };
}

export function loadConfig(env: Env = process.env): Config {
  const databaseUrl = nonEmpty(env, "DATABASE_URL") ?? "file:./data/kundennah.db";
  if (!/^(file:|postgres(ql)?:\/\/)/.test(databaseUrl)) {
    throw new ConfigError(
      "DATABASE_URL",
      `expected file:./data/kundennah.db (SQLite) or postgresql://user@host:5432/db, got "${databaseUrl.split(":")[0]}:…"`,
    );
  }
  const defaultLanguage = (nonEmpty(env, "DEFAULT_LANGUAGE") ?? "de").toLowerCase();
  if (!isLanguage(defaultLanguage))
    throw new ConfigError("DEFAULT_LANGUAGE", `expected "de" or "en", got "${defaultLanguage}"`);
  const defaultTimezone = nonEmpty(env, "DEFAULT_TIMEZONE") ?? "Europe/Berlin";
  if (!isValidTimeZone(defaultTimezone))
    throw new ConfigError(
      "DEFAULT_TIMEZONE",
      `expected an IANA time zone such as Europe/Berlin, got "${defaultTimezone}"`,
    );
  const logLevel = (nonEmpty(env, "LOG_LEVEL") ?? "info").toLowerCase();
  if (!["fatal", "error", "warn", "info", "debug", "trace", "silent"].includes(logLevel)) {
    throw new ConfigError(
      "LOG_LEVEL",
      `expected one of fatal, error, warn, info, debug, trace, silent, got "${logLevel}"`,
    );
  }
  const slack = readSlack(env);
  const publicUrl = nonEmpty(env, "PUBLIC_URL");
  if (publicUrl !== null && !isHttpUrl(publicUrl)) {
    throw new ConfigError(
      "PUBLIC_URL",
      `expected the address browsers reach the bot at, such as https://bot.example.com, got "${publicUrl}"`,
    );
  }
  return {
    port: integer(env, "PORT", 3000, 0, 65535),
    databaseUrl,
    logLevel,
    slack,
    teams: readTeams(env, slack !== null),
    admins: (nonEmpty(env, "KUNDENNAH_ADMINS") ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    nudgeGraceMs: integer(env, "NUDGE_GRACE_HOURS", 6, 0, 168) * 3600_000,
    defaultLanguage,
    defaultTimezone,
    hashSecret: nonEmpty(env, "KUNDENNAH_HASH_SECRET"),
    presenceMinAuthors: integer(env, "PRESENCE_MIN_AUTHORS", 3, 2, 1000),
    mirrorMinResponses: integer(env, "MIRROR_MIN_RESPONSES", 3, 3, 50),
    presenceRetentionWeeks: integer(env, "PRESENCE_RETENTION_WEEKS", 26, 9, 520),
    openai: readOpenAiConfig(env),
    publicUrl: publicUrl === null ? null : publicUrl.replace(/\/+$/, ""),
    leaseMs: nonEmpty(env, "KUNDENNAH_LEASE_SECONDS")
      ? integer(env, "KUNDENNAH_LEASE_SECONDS", 0, 1, 3600) * 1000
      : null,
  };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && !url.search && !url.hash && !url.username;
  } catch {
    return false;
  }
}

/** Loads ./.env into the environment when present; variables already set win. */
export function loadDotEnv(file = ".env"): void {
  if (fs.existsSync(file)) process.loadEnvFile(file);
}
