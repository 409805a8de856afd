// Connecting the Slack door at start: checking the bot token with auth.test (what Bolt's init
// does) and, for Socket Mode, opening the socket. A token Slack refuses is a configuration
// problem and stops the start, naming SLACK_BOT_TOKEN. Slack merely unreachable is not: the
// other door (Teams) and the clock keep running, Slack is retried in the background with
// backoff, and /healthz says that the Slack door is not ready yet.
import { ConfigError } from "../../env.js";
import type { AppLogger } from "../../logger.js";

/** auth.test answers that mean the token itself is wrong; retrying cannot help. */
const REFUSED = new Set(["invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired"]);

export interface ConnectionOptions {
  /** Delays between background attempts, the last one repeated (tests shorten them). */
  retryDelaysMs?: number[];
  /** How long the start waits for the first attempt before going on without Slack. */
  firstAttemptMs?: number;
}

const DEFAULT_DELAYS_MS = [2_000, 5_000, 15_000, 30_000, 60_000];
const FIRST_ATTEMPT_MS = 10_000;

export type DoorState = { ready: true } | { ready: false; reason: string };

/** The Slack platform error code of a Web API failure, if Slack answered at all. */
function platformError(error: unknown): string | null {
  const e = error as { code?: string; data?: { error?: string } };
  return e.code === "slack_webapi_platform_error" ? (e.data?.error ?? null) : null;
}

function refusedTokenError(code: string): ConfigError {
  const hint =
    code === "account_inactive" || code === "token_revoked"
      ? "the app was uninstalled or its token revoked; reinstall it (Install App) and copy the new Bot User OAuth Token (xoxb-…)"
      : "copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions of the app this signing secret belongs to";
  return new ConfigError("SLACK_BOT_TOKEN", `was refused by Slack (${code}): ${hint}`);
}

/** Why an attempt failed, in words fit for /healthz (no token, no host names). */
function unreachableReason(error: unknown): string {
  const e = error as { code?: string; statusCode?: number };
  if (e.code === "slack_webapi_http_error" && e.statusCode) return `Slack answered HTTP ${e.statusCode}`;
  if (e.code === "slack_webapi_rate_limited_error") return "Slack rate-limited the connection check";
  const code = platformError(error);
  if (code) return `Slack answered ${code}`;
  return "Slack could not be reached";
}

export class SlackConnection {
  private state: DoorState = { ready: false, reason: "connecting to Slack" };
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    /** One attempt: auth.test (and the socket in Socket Mode); throws what the Web API throws. */
    private readonly attempt: () => Promise<void>,
    private readonly logger: AppLogger,
    private readonly options: ConnectionOptions = {},
  ) {}

  get health(): DoorState {
    return this.state;
  }

  /**
   * The first attempt, awaited for at most `firstAttemptMs`. Throws ConfigError when Slack
   * refuses the token; otherwise returns, connected or still trying in the background.
   */
  async start(): Promise<void> {
    let deadline: NodeJS.Timeout | undefined;
    const first = this.tryOnce(0);
    const waited = await Promise.race([
      first.then(() => "done" as const),
      new Promise<"late">(
        (resolve) => (deadline = setTimeout(() => resolve("late"), this.options.firstAttemptMs ?? FIRST_ATTEMPT_MS)),
      ),
    ]);
    clearTimeout(deadline);
    if (waited === "done") return first; // a refusal ends the start
    this.logger.warn(
      { door: "slack" },
      "Slack did not answer at start; Teams and the clock keep running, Slack is retried in the background",
    );
    // Refused after the deadline: the bot runs on without Slack, and says why.
    first.catch((error: Error) => this.logger.error({ door: "slack" }, error.message));
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private async tryOnce(failures: number): Promise<void> {
    if (this.stopped) return;
    try {
      await this.attempt();
      if (failures > 0)
        this.logger.info(
          { door: "slack", attempts: failures + 1 },
          "Slack is reachable again; the Slack door is ready",
        );
      this.state = { ready: true };
    } catch (error) {
      const code = platformError(error);
      if (code && REFUSED.has(code)) {
        const refused = refusedTokenError(code);
        this.state = { ready: false, reason: `SLACK_BOT_TOKEN was refused by Slack (${code})` };
        if (failures === 0) throw refused;
        this.logger.error({ door: "slack" }, refused.message);
        return; // a refused token stays refused: fixing it needs a restart with a new value
      }
      const reason = unreachableReason(error);
      this.state = { ready: false, reason };
      const delays = this.options.retryDelaysMs ?? DEFAULT_DELAYS_MS;
      const delay = delays[Math.min(failures, delays.length - 1)]!;
      this.logger.warn(
        { door: "slack", reason, retryInMs: delay },
        "Slack is not reachable; retrying in the background",
      );
      if (!this.stopped) this.timer = setTimeout(() => void this.tryOnce(failures + 1), delay);
    }
  }
}
