// A settable clock and a logger that keeps what it was told, for the core's unit tests.
import type { Clock, Logger } from "../../../src/core/shared/ports.js";
import type { Timer } from "../../../src/core/shared/rateLimits.js";

export interface TestClock {
  clock: Clock;
  now(): Date;
  set(iso: string | Date): void;
  advance(ms: number): void;
}

export function testClock(start: string | Date): TestClock {
  let current = new Date(start);
  return {
    clock: () => new Date(current),
    now: () => new Date(current),
    set: (at) => {
      current = new Date(at);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

/**
 * Simulated real time for waits inside a tick: a sleep returns at once (on the next turn of
 * the event loop) with the time moved on to when it would have ended, and the test clock with
 * it. Concurrent sleeps end at the latest of their wake times, so time never runs short.
 * `slept` lists every wait asked for, in ms.
 */
export function testTimer(time?: TestClock): Timer & { slept: number[] } {
  let current = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => current,
    sleep: async (ms) => {
      slept.push(ms);
      const wake = current + Math.max(0, ms);
      await new Promise((resolve) => setImmediate(resolve));
      if (wake > current) {
        time?.advance(wake - current);
        current = wake;
      }
    },
  };
}

export interface LogLine {
  level: "info" | "warn" | "error" | "debug";
  obj: object;
  msg: string | undefined;
}

/** Keeps every line, so a test can check what was logged (and what was not: anonymity). */
export class MemoryLogger implements Logger {
  readonly lines: LogLine[] = [];
  info(obj: object, msg?: string) {
    this.lines.push({ level: "info", obj, msg });
  }
  warn(obj: object, msg?: string) {
    this.lines.push({ level: "warn", obj, msg });
  }
  error(obj: object, msg?: string) {
    this.lines.push({ level: "error", obj, msg });
  }
  debug(obj: object, msg?: string) {
    this.lines.push({ level: "debug", obj, msg });
  }
}

/** Everything a test double received, as one string, for "this value appears nowhere" checks. */
export function everything(...received: unknown[]): string {
  return JSON.stringify(received);
}
