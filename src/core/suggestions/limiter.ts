// The hourly limit on suggestions, kept in this process's memory only. Nothing about who
// submitted when is written anywhere, so a person's named and anonymous suggestions share no
// key at rest. People are held as RotatingHasher hashes (not even this process can recompute
// one once its key has rotated out), and leave memory once their hour is over.
import { RotatingHasher } from "../shared/hash.js";
import type { Clock } from "../shared/ports.js";

export interface LimitSlot {
  /** Gives the slot back: what it was taken for did not happen, so it must not count. */
  release(): void;
}

export class SubmissionLimiter {
  private readonly hasher: RotatingHasher;
  /** Person hash → times (ms) of their submissions; each list is pruned when it is read. */
  private readonly recent = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(
    private readonly clock: Clock,
    private readonly limit: number,
    private readonly windowMs = 3600_000,
  ) {
    this.hasher = new RotatingHasher(clock, windowMs);
  }

  /** One of the person's submissions in the current window, or null when they have used them all. */
  take(person: string): LimitSlot | null {
    const now = this.clock().getTime();
    const since = now - this.windowMs;
    this.sweep(now, since);
    const [current, previous] = this.hasher.hashes(person);
    const mine = this.within(current, since);
    if (mine.length + this.within(previous, since).length >= this.limit) return null;
    this.recent.set(current, [...mine, now]);
    return {
      release: () => {
        const times = this.recent.get(current) ?? [];
        const at = times.indexOf(now);
        if (at >= 0) times.splice(at, 1);
      },
    };
  }

  private within(key: string, since: number): number[] {
    return (this.recent.get(key) ?? []).filter((t) => t >= since);
  }

  /** Forgets people whose last submission is older than the window, at most once per window. */
  private sweep(now: number, since: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, times] of this.recent) if (times.every((t) => t < since)) this.recent.delete(key);
  }
}
