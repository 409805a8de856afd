// Structured JSON logs. Tokens and secrets are redacted by path; message and reflection text
// is never passed to the logger in the first place.
import pino from "pino";

export type AppLogger = pino.Logger;

export function createLogger(level: string, destination?: pino.DestinationStream): AppLogger {
  return pino(
    {
      level,
      base: { app: "kundennah" },
      redact: { paths: ["token", "*.token", "headers.authorization", "*.headers.authorization"], censor: "[redacted]" },
    },
    destination,
  );
}
