// A nudge wave in one pass: due nudges are claimed a batch at a time, each batch with its
// leaders, workspaces and answers in a few reads; sends run with bounded concurrency, the next
// batch is claimed before the current one runs dry, and outcomes are written in batches.
//
// A 429 holds back only what its limit applies to (that conversation, or that method in that
// workspace: RateLimitHolds) and the nudge is tried again in the same pass once its Retry-After
// has passed, while its claim still protects it. Exactly-once does not depend on the pass: a
// nudge stays claimed until its outcome is written, so a sender that dies mid-wave leaves claims
// that run out and are taken over as interrupted (looked up on the platform before sending).
//
// Outcomes are written by group commit: they collect for a few milliseconds (and while the
// previous write is under way) and go in one write. The window in which a crash leaves a
// delivered nudge unrecorded stays that short, and such a nudge is still claimed: whoever takes
// it over looks it up on the platform before sending (where the platform can tell).
import type { CheckIn, Nudge } from "../shared/model.js";
import type { PlatformRegistry } from "../shared/platforms.js";
import type { Clock, Logger, MessageRef } from "../shared/ports.js";
import { heldKey, RateLimitHolds, rateLimitKeys, realTimer, type Timer } from "../shared/rateLimits.js";
import { asDeliveryError, laterOf, retryDecision } from "../shared/retry.js";
import type { CheckInStore, ClaimedNudge, DeliveryTarget, NudgeMessenger, NudgeOutcome, NudgeView } from "./ports.js";
import type { NudgeReminders } from "./reminders.js";

export interface WaveReport {
  sent: number;
  retrying: number;
  failed: number;
  /** Time the pass had nothing to send but a rate-limited nudge to wait for (ms). */
  waitedMs: number;
}

export interface NudgeWaveOptions {
  store: CheckInStore;
  messengers: PlatformRegistry<NudgeMessenger>;
  reminders?: NudgeReminders;
  clock: Clock;
  timer: Timer;
  logger: Logger;
  /** Renders a nudge from its leader's answers of its week (loaded for the whole batch). */
  view(nudge: Nudge, target: DeliveryTarget, answers: CheckIn[], at: Date): Promise<NudgeView>;
  concurrency: number;
  batchSize: number;
  claimLeaseMs: number;
  maxAttempts?: number;
  /**
   * The longest Retry-After waited for within the pass; a longer one is recorded with its next
   * attempt time for a later tick (a tick that runs long only delays the next one: they never overlap).
   */
  maxWaitMs: number;
  /** Asked before each claim: false once the scheduler lease went elsewhere (the pass stops claiming). */
  stillLeading?: () => Promise<boolean>;
}

/** A claimed nudge on its way out. */
interface Job {
  nudge: ClaimedNudge;
  target: DeliveryTarget;
  messenger: NudgeMessenger;
  answers: CheckIn[];
  /** The domain time of its claim: sentAt and the next attempt count from it. */
  at: Date;
  /** Timer time of the claim: the claim protects the nudge for claimLeaseMs from here. */
  claimedAt: number;
  attempts: number;
  notBefore: number;
  /** False while an interrupted nudge has not been looked up on the platform yet. */
  lookedUp: boolean;
}

/**
 * How long outcomes collect before they are written (in real time, whatever the injected
 * timer: a pause for the database, not a wait anyone asked for). Sends are slower than writes, so without
 * it every write would carry one outcome; a crash inside it leaves delivered nudges claimed,
 * which the next sender looks up before sending (where the platform can tell).
 */
const WRITE_LINGER_MS = 20;

const SEND = "sendNudge";
const LOOKUP = "findSentNudge";

export class NudgeWave {
  private readonly ready: Job[] = [];
  private readonly holds = new RateLimitHolds();
  private readonly report: WaveReport = { sent: 0, retrying: 0, failed: 0, waitedMs: 0 };
  private exhausted = false;
  private claiming: Promise<void> | null = null;
  private inFlight = 0;
  private idleWaiter = false;
  private outcomes: NudgeOutcome[] = [];
  private writing: Promise<void> | null = null;
  private failure: unknown = null;

  constructor(
    private readonly options: NudgeWaveOptions,
    private readonly now: Date,
    private readonly onlyIds?: string[],
  ) {}

  async run(): Promise<WaveReport> {
    await Promise.all(Array.from({ length: this.options.concurrency }, () => this.lane()));
    while (this.writing || (this.outcomes.length && !this.failure)) await (this.writing ?? this.write());
    if (this.failure) throw this.failure;
    return this.report;
  }

  private async lane(): Promise<void> {
    for (let job = await this.next(); job; job = await this.next()) {
      this.inFlight++;
      try {
        await this.attempt(job);
      } catch (error) {
        this.failure ??= error; // a failed write or read: stop here, the claims run out and are taken over
        this.exhausted = true;
        this.ready.length = 0;
      } finally {
        this.inFlight--;
      }
    }
  }

  /** The next job that may go out now; waits for a held one when nothing else is left; null when done. */
  private async next(): Promise<Job | null> {
    for (;;) {
      if (this.failure) return null;
      const now = this.options.timer.now();
      let soonest = Number.POSITIVE_INFINITY;
      for (let i = 0; i < this.ready.length; i++) {
        const job = this.ready[i]!;
        const at = Math.max(job.notBefore, this.holds.freeAt(keysOf(job)));
        if (at <= now) {
          this.ready.splice(i, 1);
          // Claim the next batch while this one is still being sent, so no lane runs dry.
          if (!this.exhausted && this.ready.length < this.options.concurrency) void this.claim();
          return job;
        }
        if (!this.canWaitUntil(job, at)) {
          // Held back (by another nudge's 429) for longer than this pass may wait: a later tick.
          this.ready.splice(i--, 1);
          this.postpone(job, at - now, "held back by a rate limit");
          continue;
        }
        soonest = Math.min(soonest, at);
      }
      if (!this.exhausted) {
        await this.claim();
        continue;
      }
      if (this.ready.length === 0) return null;
      await this.waitUntil(soonest);
    }
  }

  /** Sleeps until `at`; counted as waiting when nothing else is in flight (each idle moment once). */
  private async waitUntil(at: number): Promise<void> {
    const { timer } = this.options;
    const idle = this.inFlight === 0 && !this.idleWaiter;
    if (idle) this.idleWaiter = true;
    const from = timer.now();
    await timer.sleep(at - from);
    if (idle) {
      this.report.waitedMs += timer.now() - from;
      this.idleWaiter = false;
    }
  }

  /** Claims the next batch (one claim at a time; callers share it). */
  private claim(): Promise<void> {
    this.claiming ??= this.claimBatch()
      .catch((error: unknown) => {
        this.failure ??= error;
        this.exhausted = true;
      })
      .finally(() => {
        this.claiming = null;
      });
    return this.claiming;
  }

  private async claimBatch(): Promise<void> {
    const { options } = this;
    const { store } = options;
    if (this.exhausted) return;
    if (options.stillLeading && !(await options.stillLeading())) {
      this.exhausted = true;
      return;
    }
    // Each batch is claimed at the current time, so a long pass never hands out claims that
    // have already run out (which would let another sender take the same nudge).
    const at = laterOf(this.now, options.clock());
    const batch = await store.claimDueNudges(at, options.batchSize, options.claimLeaseMs, this.onlyIds);
    if (batch.length < options.batchSize) this.exhausted = true;
    if (batch.length === 0) return;
    const claimedAt = options.timer.now();
    const jobs: Job[] = [];
    const closed: NudgeOutcome[] = [];
    for (const nudge of batch) {
      const job = this.jobFor(nudge, at, claimedAt, closed);
      if (job) jobs.push(job);
    }
    this.record(closed);
    // Only a first send queues its reminder (a snoozed nudge coming back is the leader's own
    // reminder), and before the send, so a crash right after it cannot lose the reminder.
    // (A pending nudge tried before had its reminder queued then.)
    await options.reminders?.queue(jobs.filter((j) => j.nudge.status === "pending" && j.nudge.attempts === 0));
    const answers = await store.listCheckInsOf(
      [...new Set(jobs.map((j) => j.target.member.id))],
      [...new Set(jobs.map((j) => j.nudge.week))],
    );
    for (const job of jobs) job.answers = answers.filter((c) => c.memberId === job.target.member.id);
    this.ready.push(...jobs);
  }

  /** A job for a claimed nudge, or null when it is closed at once (recorded into `closed`). */
  private jobFor(nudge: ClaimedNudge, at: Date, claimedAt: number, closed: NudgeOutcome[]): Job | null {
    const { target } = nudge;
    const messenger = target && this.options.messengers.find(target.workspace.platform);
    if (!target || !messenger) {
      closed.push({
        id: nudge.id,
        patch: { status: "failed", lastError: "no messenger for this platform", claimedUntil: null },
      });
      this.report.failed++;
      this.options.logger.warn({ nudgeId: nudge.id }, "nudge dropped: its platform is not configured");
      return null;
    }
    // A snoozed or retried nudge can come due after its leader paused ("no nudges until …") or
    // was taken off the leaders; planDue no longer asks them, so neither may this older nudge.
    const { member } = target;
    if (!member.isLeader || (member.pausedUntil && member.pausedUntil > at)) {
      closed.push({ id: nudge.id, patch: { status: "missed", claimedUntil: null } });
      this.options.logger.info({ nudgeId: nudge.id }, "nudge withdrawn: its leader paused or is no leader any more");
      return null;
    }
    return {
      nudge,
      target,
      messenger,
      answers: [],
      at,
      claimedAt,
      attempts: nudge.attempts,
      notBefore: 0,
      lookedUp: !nudge.interrupted,
    };
  }

  private async attempt(job: Job): Promise<void> {
    const { nudge, target, messenger, at } = job;
    const { logger } = this.options;
    job.attempts++;
    let method = job.lookedUp ? SEND : LOOKUP;
    try {
      const earlier = job.lookedUp ? null : await this.findSent(job);
      job.lookedUp = true;
      method = SEND;
      if (earlier)
        logger.info(
          { nudgeId: nudge.id },
          "an interrupted send had been delivered; recording it instead of sending again",
        );
      const ref =
        earlier ??
        (await messenger.sendNudge(target, {
          ...(await this.options.view(nudge, target, job.answers, at)),
          status: "sent",
        }));
      this.record([
        {
          id: nudge.id,
          patch: { status: "sent", attempts: job.attempts, sentAt: at, ...ref, lastError: null, claimedUntil: null },
        },
      ]);
      this.report.sent++;
    } catch (error) {
      const { giveUp, nextAttemptAt, reason } = retryDecision(error, job.attempts, at, this.options.maxAttempts);
      const { retryAfterMs, limitedPer } = asDeliveryError(error).options;
      if (!giveUp && retryAfterMs !== undefined) {
        const until = this.options.timer.now() + retryAfterMs;
        this.holds.hold(heldKey(limitedPer, target.workspace.id, target.member.externalId, method), until);
        if (this.canWaitUntil(job, until)) {
          job.notBefore = until;
          this.ready.push(job);
          logger.debug({ nudgeId: nudge.id, attempts: job.attempts, retryAfterMs }, "nudge rate-limited; retrying");
          return;
        }
      }
      this.record([
        {
          id: nudge.id,
          patch: {
            status: giveUp ? "failed" : nudge.status,
            attempts: job.attempts,
            nextAttemptAt,
            lastError: reason,
            claimedUntil: claimAfter(job, nextAttemptAt),
          },
        },
      ]);
      this.report[giveUp ? "failed" : "retrying"]++;
      logger.warn(
        { nudgeId: nudge.id, attempts: job.attempts, giveUp, nextAttemptAt, reason },
        "nudge delivery failed",
      );
    }
  }

  /**
   * A rate-limited nudge waits in this pass when the wait is short enough and leaves half of its
   * claim for the send (the claim is what keeps other senders off it).
   */
  private canWaitUntil(job: Job, until: number): boolean {
    const { maxWaitMs, claimLeaseMs, timer } = this.options;
    return until - timer.now() <= maxWaitMs && until <= job.claimedAt + claimLeaseMs / 2;
  }

  /** Gives a job back unattempted, due again in `waitMs`. */
  private postpone(job: Job, waitMs: number, reason: string): void {
    const nextAttemptAt = new Date(laterOf(job.at, this.options.clock()).getTime() + waitMs);
    this.record([
      {
        id: job.nudge.id,
        patch: {
          attempts: job.attempts,
          nextAttemptAt,
          lastError: reason,
          claimedUntil: claimAfter(job, nextAttemptAt),
        },
      },
    ]);
    this.report.retrying++;
  }

  /**
   * Whether an interrupted send was delivered after all. If the platform cannot tell, send (a
   * double beats a loss); a rate-limited lookup is waited for like a rate-limited send.
   */
  private async findSent({ nudge, target, messenger }: Job): Promise<MessageRef | null> {
    if (!messenger.findSentNudge) return null;
    try {
      return await messenger.findSentNudge(target, nudge.id, nudge.nextAttemptAt);
    } catch (error) {
      if (asDeliveryError(error).options.retryAfterMs !== undefined) throw error;
      this.options.logger.warn(
        { nudgeId: nudge.id, reason: (error as Error).message },
        "could not check whether an interrupted nudge was delivered; sending it",
      );
      return null;
    }
  }

  /** Queues outcomes for the next write (one write at a time; each takes all that wait). */
  private record(outcomes: NudgeOutcome[]): void {
    if (outcomes.length === 0) return;
    this.outcomes.push(...outcomes);
    if (!this.writing) void this.write();
  }

  private write(): Promise<void> {
    this.writing = (async () => {
      // Lingers a moment, unless a batch is full, so one write carries many outcomes.
      if (this.outcomes.length < this.options.batchSize) await realTimer.sleep(WRITE_LINGER_MS);
      const batch = this.outcomes;
      this.outcomes = [];
      await this.options.store.recordNudges(batch);
    })()
      .catch((error: unknown) => {
        this.failure ??= error;
        this.exhausted = true;
        this.ready.length = 0;
      })
      .finally(() => {
        this.writing = null;
        if (this.outcomes.length && !this.failure) void this.write();
      });
    return this.writing;
  }
}

function keysOf(job: Job): string[] {
  const { workspace, member } = job.target;
  const keys = rateLimitKeys(workspace.id, member.externalId, SEND);
  return job.lookedUp ? keys : [...keys, ...rateLimitKeys(workspace.id, member.externalId, LOOKUP)];
}

/**
 * The claim a nudge given back keeps: none, unless it is an interrupted one not yet looked up —
 * that one stays interrupted (its claim runs out when it is due again), so whoever takes it
 * next still looks before sending.
 */
function claimAfter(job: Job, nextAttemptAt: Date): Date | null {
  return job.lookedUp ? null : nextAttemptAt;
}
