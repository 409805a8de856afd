// Nudges: plan which leaders are due (from the database, so restarts lose nothing), record
// each nudge before sending it (outbox), deliver with backoff, and handle the answers.

import type { WorkspaceStore } from "../identity/ports.js";
import type { CheckIn, Member, Nudge, Workspace } from "../shared/model.js";
import type { PlatformRegistry } from "../shared/platforms.js";
import type { Clock, Logger } from "../shared/ports.js";
import type { QuestionKey, Rating } from "../shared/questions.js";
import { realTimer, type Timer } from "../shared/rateLimits.js";
import { addDays, formatMinuteOfDay, localDateTime, zonedTimeToUtc } from "../shared/time.js";
import type { CheckInStore, DeliveryTarget, NewNudge, NudgeMessenger, NudgeView } from "./ports.js";
import type { NudgeReminders } from "./reminders.js";
import { currentQuestions, latestOccurrence } from "./schedule.js";
import { CheckInService, memberTimeZone } from "./service.js";
import { NudgeWave, type WaveReport } from "./wave.js";

export interface NudgeServiceOptions {
  store: CheckInStore;
  members: Pick<WorkspaceStore, "listLeaders" | "updateMember">;
  /** How each platform delivers nudges, registered by its door (Core.registerPlatform). */
  messengers: PlatformRegistry<NudgeMessenger>;
  clock: Clock;
  logger: Logger;
  /** A nudge missed while the bot was down still goes out within this window. */
  graceMs: number;
  /** How many sends run at once; platforms rate-limit per app, so keep it modest. */
  concurrency?: number;
  maxAttempts?: number;
  /** How long a claimed nudge stays with its sender before another may take it over. */
  claimLeaseMs?: number;
  /** The one reminder of an unanswered nudge, queued before its first send. */
  reminders?: NudgeReminders;
  /** Real time for waiting out a Retry-After inside a tick (tests pass their own). */
  timer?: Timer;
}

const CLAIM_BATCH = 200;
const CLAIM_LEASE_MS = 2 * 60_000;
/**
 * Sends in flight. Every nudge goes to its own DM, so Slack's per-channel limit does not bind;
 * a 429 holds back only its own conversation (or method), never the other lanes.
 */
const CONCURRENCY = 16;
/** The longest Retry-After a tick waits for; a longer one goes to a later tick. */
const MAX_WAIT_MS = 30_000;

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
}

export interface RefreshOptions {
  /**
   * false when the caller shows the refreshed message itself (a Teams Action.Execute answers
   * with the new card): a second update of the same card would race it.
   */
  updateMessage?: boolean;
}

/** Why an answer was not taken; each door tells the person in their language. */
export type CheckInRefusal = { ok: false; reason: "not-found" | "not-yours" | "not-leader" };

/** `messageRef`: the platform message showing the nudge, once sent (a door may be about to update it). */
export type AnswerResult = { ok: true; view: NudgeView; messageRef: string | null } | CheckInRefusal;

/** A check-in as a platform shows it: a nudge's view, or (outside any nudge) the same without a nudge id. */
export type CheckInView = Omit<NudgeView, "nudgeId"> & { nudgeId: string | null };

/** A nudge its leader is looking at, with its week and questions (the reflection form needs them). */
export type ShownNudge = { ok: true; nudge: Nudge; view: NudgeView } | CheckInRefusal;

/** What a check-in outside a nudge asks: the server's choice of week and questions. */
export type CheckInChoice =
  | { ok: true; nudgeId: string | null; week: string; questions: QuestionKey[] }
  | { ok: false; reason: "not-leader" };

/** Where a check-in outside a nudge was stored: always the week the server chose. */
export type CheckInResult = { ok: true; nudgeId: string | null; week: string } | CheckInRefusal;

export class NudgeService {
  private readonly checkins: CheckInService;

  constructor(private readonly options: NudgeServiceOptions) {
    this.checkins = new CheckInService(options.store, options.members);
  }

  /**
   * One clock tick: record what became due, then deliver everything that is due in one pass.
   * `nudgeWaitMs`: how long the pass sat waiting for a Retry-After with nothing else to send.
   */
  async tick(
    stillLeading?: () => Promise<boolean>,
  ): Promise<{ planned: number; missed: number; nudgeWaitMs: number } & DeliveryReport> {
    const now = this.options.clock();
    const plan = await this.planDue(now);
    const { waitedMs, ...report } = await this.wave(now, undefined, stillLeading);
    return { ...plan, ...report, nudgeWaitMs: Math.round(waitedMs) };
  }

  /** Writes a nudge row for every leader whose latest occurrence has none yet. */
  async planDue(now: Date): Promise<{ planned: number; missed: number }> {
    const { store, graceMs } = this.options;
    const candidates: NewNudge[] = [];
    for (const { member, workspace } of await store.listActiveLeaders(now)) {
      const occurrence = latestOccurrence(workspace, memberTimeZone(member, workspace), now);
      if (!occurrence) continue;
      // Only occurrences after someone became a leader count, and none inside a pause.
      if (member.leaderSince && occurrence.dueAt < member.leaderSince) continue;
      if (member.pausedUntil && member.pausedUntil > occurrence.dueAt) continue;
      const late = now.getTime() - occurrence.dueAt.getTime();
      candidates.push({
        memberId: member.id,
        slot: occurrence.slot,
        questions: occurrence.questions,
        week: occurrence.week,
        dueAt: occurrence.dueAt,
        status: late <= graceMs ? "pending" : "missed",
      });
    }
    if (candidates.length === 0) return { planned: 0, missed: 0 };
    const existing = await store.existingSlots(candidates);
    const fresh = candidates.filter((c) => !existing.has(`${c.memberId}|${c.slot}`));
    await store.createNudges(fresh);
    const missed = fresh.filter((c) => c.status === "missed").length;
    if (missed > 0)
      this.options.logger.info({ missed }, "nudges missed beyond the grace window were recorded as missed");
    return { planned: fresh.length - missed, missed };
  }

  /** Delivers due nudges until none is left; each nudge is claimed before sending (wave.ts). */
  async deliverDue(now: Date, onlyIds?: string[]): Promise<DeliveryReport> {
    const { waitedMs: _, ...report } = await this.wave(now, onlyIds);
    return report;
  }

  private wave(now: Date, onlyIds?: string[], stillLeading?: () => Promise<boolean>): Promise<WaveReport> {
    const { options } = this;
    return new NudgeWave(
      {
        store: options.store,
        messengers: options.messengers,
        ...(options.reminders ? { reminders: options.reminders } : {}),
        clock: options.clock,
        timer: options.timer ?? realTimer,
        logger: options.logger,
        view: (nudge, target, answers, at) => this.viewFor(nudge, target, at, answers),
        concurrency: options.concurrency ?? CONCURRENCY,
        batchSize: CLAIM_BATCH,
        claimLeaseMs: options.claimLeaseMs ?? CLAIM_LEASE_MS,
        ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
        maxWaitMs: MAX_WAIT_MS,
        ...(stillLeading ? { stillLeading } : {}),
      },
      now,
      onlyIds,
    ).run();
  }

  /** `/cx-admin nudge-now`: the current question(s) to every active leader of a workspace, now. */
  async nudgeNow(workspace: Workspace): Promise<{ leaders: number } & DeliveryReport> {
    const { store } = this.options;
    const now = this.options.clock();
    const leaders = (await this.options.members.listLeaders(workspace.id)).filter(
      (m) => !m.pausedUntil || m.pausedUntil <= now,
    );
    const slot = `manual:${now.toISOString().slice(0, 16)}`;
    const rows: NewNudge[] = leaders.map((member) => {
      const { week, questions } = currentQuestions(workspace, memberTimeZone(member, workspace), now);
      return { memberId: member.id, slot, questions, week, dueAt: now, status: "pending" };
    });
    await store.createNudges(rows);
    const ids = await store.nudgeIds(rows);
    return { leaders: leaders.length, ...(await this.deliverDue(now, ids)) };
  }

  /** `answers`: the leader's check-ins when already loaded (a batch about to go out); others are ignored. */
  private async viewFor(nudge: Nudge, target: DeliveryTarget, now: Date, answers?: CheckIn[]): Promise<NudgeView> {
    const checkIns = answers ?? (await this.options.store.listCheckIns(target.member.id, [nudge.week]));
    const ratings: Partial<Record<QuestionKey, Rating>> = {};
    const reflections: Partial<Record<QuestionKey, string>> = {};
    for (const c of checkIns) {
      if (c.memberId !== target.member.id || c.week !== nudge.week || !nudge.questions.includes(c.question)) continue;
      ratings[c.question] = c.rating;
      if (c.reflection) reflections[c.question] = c.reflection;
    }
    const answered = Object.keys(ratings).length > 0;
    return {
      nudgeId: nudge.id,
      language: target.member.language ?? target.workspace.language,
      questions: nudge.questions,
      status: nudge.status,
      ratings,
      reflections,
      streak: answered ? await this.checkins.streak(target.member, target.workspace, now) : 0,
    };
  }

  /**
   * What `/cx-checkin` should ask: the leader's latest nudge if it belongs to this week (so the
   * answer also updates that message), else the question(s) the schedule asks this week.
   */
  private async current(
    member: Member,
    workspace: Workspace,
  ): Promise<{ nudgeId: string | null; week: string; questions: QuestionKey[] }> {
    const now = this.options.clock();
    const planned = currentQuestions(workspace, memberTimeZone(member, workspace), now);
    const latest = await this.options.store.latestNudge(member.id);
    if (latest && latest.week === planned.week && latest.status !== "skipped") {
      return { nudgeId: latest.id, week: latest.week, questions: latest.questions };
    }
    return { nudgeId: null, ...planned };
  }

  /**
   * What `/cx-checkin` (or Teams `checkin`) offers: only leaders check in, since every answer
   * counts for the leaders' figures of its week.
   */
  async checkInFor(member: Member, workspace: Workspace): Promise<CheckInChoice> {
    if (!member.isLeader) return { ok: false, reason: "not-leader" };
    return { ok: true, ...(await this.current(member, workspace)) };
  }

  /**
   * An answer outside a nudge. The week and the questions are the server's current ones, never
   * what a form or card sent back, so nobody can write into a week whose figures were shown.
   * With a nudge for this week the answer goes to it (and updates its message).
   */
  async checkIn(
    member: Member,
    workspace: Workspace,
    input: { question: QuestionKey; rating: Rating; reflection?: string | null },
  ): Promise<CheckInResult> {
    const choice = await this.checkInFor(member, workspace);
    if (!choice.ok) return choice;
    if (!choice.questions.includes(input.question)) return { ok: false, reason: "not-found" };
    if (choice.nudgeId) {
      const result = await this.answer({ nudgeId: choice.nudgeId, platformUserId: member.externalId, ...input });
      return result.ok ? { ok: true, nudgeId: choice.nudgeId, week: choice.week } : result;
    }
    await this.options.store.saveCheckIn({ memberId: member.id, week: choice.week, ...input });
    return { ok: true, nudgeId: null, week: choice.week };
  }

  /** A nudge as its leader sees it now; refused for anyone else (the reflection button, a card refresh). */
  async show(nudgeId: string, platformUserId: string): Promise<ShownNudge> {
    const found = await this.forActor(nudgeId, platformUserId);
    if (!found.ok) return found;
    return { ok: true, nudge: found.nudge, view: await this.viewFor(found.nudge, found.target, this.options.clock()) };
  }

  /**
   * The check-in a platform shows on `checkin`: this week's nudge if there is one, else the
   * schedule's question(s) with what the leader answered this week — or why there is none.
   */
  async checkInView(member: Member, workspace: Workspace): Promise<{ ok: true; view: CheckInView } | CheckInRefusal> {
    const choice = await this.checkInFor(member, workspace);
    if (!choice.ok) return choice;
    if (choice.nudgeId) {
      const shown = await this.show(choice.nudgeId, member.externalId);
      return shown.ok ? { ok: true, view: shown.view } : shown;
    }
    const answers = await this.options.store.listCheckIns(member.id, [choice.week]);
    const ratings: Partial<Record<QuestionKey, Rating>> = {};
    const reflections: Partial<Record<QuestionKey, string>> = {};
    for (const a of answers) {
      if (choice.questions.includes(a.question)) ratings[a.question] = a.rating;
      if (a.reflection) reflections[a.question] = a.reflection;
    }
    const answered = Object.keys(ratings).length > 0;
    return {
      ok: true,
      view: {
        nudgeId: null,
        language: member.language ?? workspace.language,
        questions: choice.questions,
        status: answered ? "answered" : "sent",
        ratings,
        reflections,
        streak: answered ? await this.checkins.streak(member, workspace, this.options.clock()) : 0,
      },
    };
  }

  /** Loads a nudge for an interaction by `platformUserId`, refusing anyone but its leader. */
  private async forActor(nudgeId: string, platformUserId: string) {
    const nudge = await this.options.store.getNudge(nudgeId);
    const target = nudge && (await this.options.store.getTarget(nudge.memberId));
    if (!nudge || !target) return { ok: false as const, reason: "not-found" as const };
    if (target.member.externalId !== platformUserId) return { ok: false as const, reason: "not-yours" as const };
    return { ok: true as const, nudge, target };
  }

  /** A rating (and maybe a reflection) for one question of a nudge. Repeats update, never add. */
  async answer(
    input: {
      nudgeId: string;
      platformUserId: string;
      question: QuestionKey;
      rating: Rating;
      reflection?: string | null;
    },
    options: RefreshOptions = {},
  ): Promise<AnswerResult> {
    const found = await this.forActor(input.nudgeId, input.platformUserId);
    if (!found.ok) return found;
    const { nudge, target } = found;
    // Someone no longer on the leaders list keeps the old message, but adds no answers.
    if (!target.member.isLeader) return { ok: false, reason: "not-leader" };
    if (!nudge.questions.includes(input.question)) return { ok: false, reason: "not-found" };
    await this.options.store.saveCheckIn({
      memberId: target.member.id,
      question: input.question,
      week: nudge.week,
      rating: input.rating,
      reflection: input.reflection,
      nudgeId: nudge.id,
    });
    const updated = await this.options.store.updateNudge(nudge.id, { status: "answered" });
    return this.refresh(updated, target, options);
  }

  /** "Snooze until tomorrow": the same nudge comes back at the same local time tomorrow. */
  async snooze(nudgeId: string, platformUserId: string, options: RefreshOptions = {}): Promise<AnswerResult> {
    const found = await this.forActor(nudgeId, platformUserId);
    if (!found.ok) return found;
    const { target } = found;
    const now = this.options.clock();
    const timeZone = memberTimeZone(target.member, target.workspace);
    const local = localDateTime(now, timeZone);
    const minute = local.hour * 60 + local.minute;
    const again = zonedTimeToUtc(addDays(local, 1), minute, timeZone);
    const updated = await this.options.store.updateNudge(nudgeId, { status: "snoozed", nextAttemptAt: again });
    // The nudge comes back tomorrow at the leader's request: that replaces the reminder.
    await this.options.reminders?.cancel(nudgeId);
    return this.refresh(updated, target, { ...options, snoozedUntil: formatMinuteOfDay(minute) });
  }

  async skip(nudgeId: string, platformUserId: string, options: RefreshOptions = {}): Promise<AnswerResult> {
    const found = await this.forActor(nudgeId, platformUserId);
    if (!found.ok) return found;
    const updated = await this.options.store.updateNudge(nudgeId, { status: "skipped" });
    return this.refresh(updated, found.target, options);
  }

  /** Re-renders the nudge message in place; a failed update is logged, never lost as an answer. */
  private async refresh(
    nudge: Nudge,
    target: DeliveryTarget,
    options: RefreshOptions & { snoozedUntil?: string },
  ): Promise<AnswerResult> {
    const { snoozedUntil, updateMessage = true } = options;
    const view = {
      ...(await this.viewFor(nudge, target, this.options.clock())),
      ...(snoozedUntil ? { snoozedUntil } : {}),
    };
    const messenger = this.options.messengers.find(target.workspace.platform);
    if (updateMessage && messenger && nudge.channelRef && nudge.messageRef) {
      try {
        await messenger.updateNudge(target, { channelRef: nudge.channelRef, messageRef: nudge.messageRef }, view);
      } catch (error) {
        this.options.logger.warn(
          { nudgeId: nudge.id, reason: (error as Error).message },
          "could not update the nudge message",
        );
      }
    }
    return { ok: true, view, messageRef: nudge.messageRef };
  }
}
