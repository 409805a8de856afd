// Reading single environment variables with validation. Used by src/config.ts (the one place
// that reads process.env) and the config sections it composes, such as src/llm/config.ts.

export type Env = Record<string, string | undefined>;

/** A configuration problem: which variable, and what was expected instead. */
export class ConfigError extends Error {
  constructor(variable: string, expected: string) {
    super(`${variable}: ${expected}`);
    this.name = "ConfigError";
  }
}

/** The trimmed value, or null when unset or blank (a blank line in .env means "default"). */
export function envValue(env: Env, name: string): string | null {
  const value = env[name]?.trim();
  return value ? value : null;
}

export function envInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = envValue(env, name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(name, `expected a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}
