// Keyed hashes of people: stable enough to count or rate-limit, useless without the secret.
import crypto from "node:crypto";

export type PersonHasher = (value: string) => string;

/** A keyed hash is HMAC-SHA256 in base64url: 43 characters. A stored reference of any other length is plain. */
export const KEYED_HASH_LENGTH = 43;

export function createHasher(secret: string): PersonHasher {
  return (value) => crypto.createHmac("sha256", secret).update(value).digest("base64url");
}

/**
 * Hashes with keys that live only in this process's memory and change every period. Used for
 * the suggestion rate limit (see SubmissionLimiter): nothing outside this process can turn a
 * hash back into a person, and after two periods not even this process can. `hashes` returns
 * the current and the previous period's hash, so a window that spans a key change still counts
 * every submission.
 */
export class RotatingHasher {
  private keys: { period: number; current: PersonHasher; previous: PersonHasher } | null = null;

  constructor(
    private readonly clock: () => Date,
    private readonly periodMs = 3600_000,
  ) {}

  hashes(value: string): [current: string, previous: string] {
    const period = Math.floor(this.clock().getTime() / this.periodMs);
    if (!this.keys || this.keys.period !== period) {
      const fresh = () => createHasher(crypto.randomBytes(32).toString("base64url"));
      // Consecutive periods keep the old key as "previous"; after a gap both are new.
      const previous = this.keys && this.keys.period === period - 1 ? this.keys.current : fresh();
      this.keys = { period, current: fresh(), previous };
    }
    return [this.keys.current(value), this.keys.previous(value)];
  }
}
