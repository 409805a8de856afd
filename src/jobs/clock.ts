// The clock: one node-schedule job a minute asks the core for due work. Nothing per leader
// lives in memory. Every replica ticks, but only the holder of the scheduler lease works; a
// dead holder's lease runs out after LEASE_TTL_MS and the next tick elsewhere takes over.
import crypto from "node:crypto";
import os from "node:os";
import schedule from "node-schedule";
import type { Core } from "../core/index.js";
import type { LeaseStore } from "../core/shared/ports.js";

export const SCHEDULER_LEASE = "scheduler";
/** Longer than a tick interval, so a live holder always renews in time; short enough that a dead one is replaced within two minutes. */
export const LEASE_TTL_MS = 90_000;

export interface ClockHandle {
  stop(): Promise<void>;
  /** Runs one tick now (also used at start, so nudges missed while down go out at once). */
  tickNow(): Promise<void>;
}

export function instanceId(): string {
  return `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString("hex")}`;
}

/** One scheduled tick on one replica: the work runs only while this replica holds the lease. */
export async function leasedTick(
  core: Core,
  lease: LeaseStore,
  holder: string,
  ttlMs = LEASE_TTL_MS,
): Promise<Record<string, number> | null> {
  const renew = () => lease.tryAcquire(SCHEDULER_LEASE, holder, ttlMs, core.clock());
  if (!(await renew())) return null;
  // Renewed between the phases of a long tick; lost to another replica, the tick stops.
  return core.tick(renew);
}

export function startClock(core: Core, lease: LeaseStore, holder = instanceId(), ttlMs = LEASE_TTL_MS): ClockHandle {
  let running: Promise<void> | null = null;
  const tick = async () => {
    if (running) return; // the previous tick is still at work: skip, never overlap
    running = (async () => {
      try {
        const result = await leasedTick(core, lease, holder, ttlMs);
        if (result && Object.values(result).some((n) => n > 0)) core.logger.info(result, "tick");
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
      // Hand over at once instead of letting the other replicas wait for the lease to expire.
      await lease.release(SCHEDULER_LEASE, holder).catch(() => undefined);
    },
  };
}
