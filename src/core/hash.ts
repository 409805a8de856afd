// Keyed hashes of people: stable enough to count or rate-limit, useless without the secret.
import crypto from "node:crypto";

export type PersonHasher = (value: string) => string;

export function createHasher(secret: string): PersonHasher {
  return (value) => crypto.createHmac("sha256", secret).update(value).digest("base64url");
}
