// Composition root: read config, start the app, stop gracefully on SIGTERM/SIGINT.

import { startApp } from "./app.js";
import { ConfigError, loadConfig, loadDotEnv } from "./config.js";
import { createLogger } from "./logger.js";

async function main() {
  loadDotEnv();
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const app = await startApp(config, { logger });
  const mode = config.slack
    ? config.slack.appToken
      ? "socket mode"
      : `HTTP at ${app.url}/slack/events`
    : "not configured";
  const teams = config.teams
    ? config.teams.mode === "local"
      ? "local mode (unauthenticated, loopback only)"
      : `${config.teams.appType} at ${app.url}/api/messages`
    : "not configured";
  logger.info({ url: app.url, slack: mode, teams }, `Kundennah is running on port ${new URL(app.url).port}`);
  if (!config.slack) {
    logger.warn(
      "Slack is not configured: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode); see README.md",
    );
  }
  if (config.teams?.mode === "local") {
    const endpoint = `http://localhost:${new URL(app.url).port}/api/messages`;
    logger.info(
      { endpoint },
      `Teams local mode: chat with the bot in the Microsoft 365 Agents Playground — run \`npm run dev\`, or start it yourself with \`TEAMSAPPTESTER_BROWSER=none npx agentsplayground start -e ${endpoint} -c msteams\` and open the URL it prints`,
    );
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    await app.stop();
    clearTimeout(force);
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error) => {
  // Also raised after the config is read, e.g. by a DATABASE_URL that names no reachable database.
  if (error instanceof ConfigError) {
    console.error(`Kundennah cannot start, configuration problem: ${error.message}`);
    console.error("See .env.example and the configuration table in README.md.");
    process.exit(78); // EX_CONFIG
  }
  console.error("Kundennah failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
