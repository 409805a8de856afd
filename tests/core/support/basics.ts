// A settable clock and a logger that keeps what it was told, for the core's unit tests.
import type { Clock, Logger } from "../../../src/core/shared/ports.js";

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
