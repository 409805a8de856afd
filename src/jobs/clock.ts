// The clock: one node-schedule job a minute asks the core for due work. Nothing per leader
// lives in memory; a tick that is still running when the next minute starts is skipped.
import schedule from "node-schedule";
import type { Core } from "../core/core.js";

export interface ClockHandle {
  stop(): Promise<void>;
  /** Runs one tick now (also used at start, so nudges missed while down go out at once). */
  tickNow(): Promise<void>;
}

export function startClock(core: Core): ClockHandle {
  let running: Promise<void> | null = null;
  const tick = async () => {
    if (running) return;
    running = (async () => {
      try {
        const result = await core.tick();
        if (Object.values(result).some((n) => n > 0)) core.logger.info(result, "tick");
      } catch (error) {
        core.logger.error({ reason: (error as Error).message }, "tick failed");
      }
    })().finally(() => {
      running = null;
    });
    await running;
  };
  const job = schedule.scheduleJob("* * * * *", tick);
  return {
    tickNow: tick,
    stop: async () => {
      job.cancel();
      await running;
    },
  };
}
