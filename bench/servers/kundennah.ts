// Our real server (startApp: Express + Bolt + Prisma) in its own process, for the benchmarks.
// Configured entirely from the environment like `npm start` (loadConfig), but with the
// scheduler off so no tick competes with the measured requests. Logs go to stdout, which the
// benchmark discards (the production default: JSON lines to stdout).

import { startApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { ready } from "../lib/common.js";

const config = loadConfig(process.env);
const app = await startApp(config, {
  logger: createLogger(config.logLevel),
  startScheduler: process.env.BENCH_SCHEDULER === "true",
});
ready(app.url);
process.on("SIGTERM", () => {
  void app.stop().finally(() => process.exit(0));
});
