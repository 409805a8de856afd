// The leader mirror: a leader asks a few people how they see the leader's customer focus on
// the five questions, rates themselves, and after ten days sees both side by side with what
// the team's channels show. The service owns every rule and permission; the doors parse input,
// call it and lay out what it returns. Anonymity is kept by the store's shape (see MirrorStore):
// this service never logs a rater id together with anything about an answer.

import type { CheckInStore } from "../checkins/ports.js";
import type { WorkspaceStore } from "../identity/ports.js";
import type { Actor } from "../identity/service.js";
import type { PresenceStore } from "../presence/ports.js";
import type { Language, Member, Profile, Workspace } from "../shared/model.js";
import type { Outbox } from "../shared/outbox.js";
import type { PlatformRegistry } from "../shared/platforms.js";
import type { Clock, Logger } from "../shared/ports.js";
import { isRating, QUESTION_KEYS, type QuestionKey } from "../shared/questions.js";
import { localDateTime, recentWeeks } from "../shared/time.js";
import { isWithheld, orgMirror, quarterOf, roundFigures } from "./figures.js";
import type {
  Evidence,
  InviteView,
  MirrorAnswers,
  MirrorExportRow,
  MirrorMessenger,
  MirrorResults,
  MirrorRound,
  MirrorStore,
  OrgMirror,
  ResultsView,
  SelfRatings,
} from "./ports.js";

export const MIRROR_MAX_RATERS = 50;
/** Never below three, whatever is configured: two answers and one's own would reveal the other. */
export const MIRROR_FLOOR = 3;
export const ROUND_DAYS = 10;
export const REMINDER_DAYS = 5;
/** Presence evidence: the weeks up to the close. Asking evidence: the days before it. */
export const EVIDENCE_WEEKS = 4;
export const ASKING_DAYS = 90;
/** Self figures from check-ins when the leader gave no self-rating: the last weeks of answers. */
const CHECKIN_WEEKS = 12;

export const MIRROR_OUTBOX = {
  self: "mirror.self",
  invite: "mirror.invite",
  remind: "mirror.remind",
  results: "mirror.results",
} as const;

/** What a door found out about a person it was asked to invite. */
export type PersonCheck =
  | { ok: true; language: Language | null }
  | { ok: false; reason: "bot" | "gone" | "other-workspace" | "unknown" };

export type StartRefusal =
  | { reason: "not-leader" }
  | { reason: "too-few"; min: number }
  | { reason: "too-many"; max: number }
  | { reason: "self" }
  | { reason: "invalid-people"; people: { id: string; why: "bot" | "gone" | "other-workspace" | "unknown" }[] }
  | { reason: "open"; status: RoundStatusView };

export type StartResult = ({ ok: true } & RoundStatusView) | ({ ok: false } & StartRefusal);

export interface RoundStatusView {
  roundId: string;
  invited: number;
  answered: number;
  closesAt: Date;
  selfRated: boolean;
}

/** Why a round cannot be shared: someone else's, still running, withheld, or (Teams) not a team channel of the leader's. */
export type ShareRefusal = "not-yours" | "open" | "nothing" | "not-team-channel";

export type AnswerResult = "ok" | "not-invited" | "already" | "closed" | "incomplete";

export interface MirrorOverview {
  latest: ResultsView | null;
  /** Oldest first: per shown round, when it closed and the team figure per question. */
  trend: { closedAt: Date; team: Partial<Record<QuestionKey, number | null>> }[];
  open: RoundStatusView | null;
}

export interface MirrorOptions {
  mirror: MirrorStore;
  workspaces: Pick<WorkspaceStore, "getWorkspace" | "findMember" | "ensureMember">;
  checkIns: Pick<CheckInStore, "listCheckIns">;
  /** The core's registry: each door registers its sender with Core.registerPlatform. */
  messengers: PlatformRegistry<MirrorMessenger>;
  presence: Pick<PresenceStore, "combinedWeeks">;
  outbox: Outbox;
  clock: Clock;
  logger: Logger;
  minResponses: number;
  minAuthors: number;
}

const DAY_MS = 86400_000;

export class MirrorService {
  readonly minResponses: number;

  constructor(private readonly options: MirrorOptions) {
    this.minResponses = Math.max(MIRROR_FLOOR, options.minResponses);
    const { outbox, mirror } = options;
    outbox.handle(MIRROR_OUTBOX.self, async (entry, workspace, once) => {
      const round = await mirror.getRound(entry.subjectId);
      if (round?.status !== "open") return; // nothing left to rate
      const leader = await mirror.getMember(round.leaderId);
      if (!leader) return;
      const messenger = this.messenger(workspace);
      await once(messenger, (tag) =>
        messenger.sendSelfRating(
          workspace,
          entry.recipient,
          {
            roundId: round.id,
            language: leader.language ?? workspace.language,
            invited: round.invited,
            closesAt: round.closesAt,
            timeZone: leader.timezone ?? workspace.timezone,
          },
          tag,
        ),
      );
    });
    const inviteHandler =
      (reminder: boolean) =>
      async (
        entry: { subjectId: string; recipient: string },
        workspace: Workspace,
        once: Parameters<Parameters<Outbox["handle"]>[1]>[2],
      ) => {
        const view = await this.inviteView(workspace, entry.subjectId, entry.recipient);
        if (!view) return; // closed, or (a reminder) already answered: nothing to send
        const messenger = this.messenger(workspace);
        await once(messenger, (tag) =>
          reminder
            ? messenger.sendReminder(workspace, entry.recipient, view, tag)
            : messenger.sendInvite(workspace, entry.recipient, view, tag),
        );
      };
    outbox.handle(MIRROR_OUTBOX.invite, inviteHandler(false));
    outbox.handle(MIRROR_OUTBOX.remind, inviteHandler(true));
    outbox.handle(MIRROR_OUTBOX.results, async (entry, workspace, once) => {
      const round = await mirror.getRound(entry.subjectId);
      // Queued just before the round is closed: wait for the close (a crash in between is retried by the next tick).
      if (!round || round.status === "open") throw new Error("mirror round not closed yet");
      const leader = await mirror.getMember(round.leaderId);
      if (!leader) return;
      const messenger = this.messenger(workspace);
      await once(messenger, (tag) =>
        messenger.sendResults(workspace, entry.recipient, this.resultsView(workspace, leader, round), tag),
      );
    });
  }

  private messenger(workspace: Workspace): MirrorMessenger {
    return this.options.messengers.for(workspace);
  }

  /** The actor's member row when they are a leader: only leaders run rounds. */
  private leaderOf(actor: Actor): Member | null {
    return actor.isLeader && actor.member ? actor.member : null;
  }

  private async inviteView(workspace: Workspace, roundId: string, raterId: string): Promise<InviteView | null> {
    const { mirror } = this.options;
    const round = await mirror.getRound(roundId);
    if (round?.status !== "open") return null;
    const invite = await mirror.getInvite(roundId, raterId);
    if (!invite || invite.answered) return null;
    const leader = await mirror.getMember(round.leaderId);
    const rater = await this.options.workspaces.findMember(workspace.id, raterId);
    return {
      roundId,
      language: invite.language ?? rater?.language ?? workspace.language,
      leaderName: leader?.displayName ?? "",
      closesAt: round.closesAt,
      timeZone: rater?.timezone ?? workspace.timezone,
    };
  }

  resultsView(workspace: Workspace, leader: Member, round: MirrorRound): ResultsView {
    return {
      language: leader.language ?? workspace.language,
      leaderName: leader.displayName ?? "",
      round: { id: round.id, openedAt: round.openedAt, closedAt: round.closedAt ?? round.closesAt },
      results: round.status === "closed" ? round.results : null,
      minResponses: this.minResponses,
    };
  }

  /**
   * What a rater's "Answer" button opens: the round's form, or why there is none for them.
   * Only invited raters get one; the actor is resolved without a member row (nothing stored).
   */
  async answerForm(
    actor: Actor,
    roundId: string,
  ): Promise<{ ok: true; view: InviteView } | { ok: false; reason: "closed" | "already" | "not-invited" }> {
    const { workspace, userId: raterId } = actor;
    const round = await this.options.mirror.getRound(roundId);
    if (!round || round.workspaceId !== workspace.id) return { ok: false, reason: "not-invited" };
    if (round.status !== "open") return { ok: false, reason: "closed" };
    const invite = await this.options.mirror.getInvite(roundId, raterId);
    if (!invite) return { ok: false, reason: "not-invited" };
    if (invite.answered) return { ok: false, reason: "already" };
    const view = await this.inviteView(workspace, roundId, raterId);
    return view ? { ok: true, view } : { ok: false, reason: "closed" };
  }

  private async statusOf(round: MirrorRound): Promise<RoundStatusView> {
    return {
      roundId: round.id,
      invited: round.invited,
      answered: await this.options.mirror.answeredCount(round.id),
      closesAt: round.closesAt,
      selfRated: round.selfRatings !== null,
    };
  }

  /**
   * `/cx-mirror start @a @b @c`: checks everything before storing anything, then opens the
   * round, queues the leader's self-rating card and one invitation per rater.
   */
  async start(input: {
    actor: Actor;
    raters: string[];
    check: (id: string) => Promise<PersonCheck>;
    profile?: Profile;
  }): Promise<StartResult> {
    const { workspace } = input.actor;
    let leader = this.leaderOf(input.actor);
    if (!leader) return { ok: false, reason: "not-leader" };
    // The profile is refreshed for leaders only, so the name raters read is current; nothing is stored for anyone else.
    if (input.profile)
      leader = await this.options.workspaces.ensureMember(workspace.id, leader.externalId, input.profile);
    const open = await this.options.mirror.openRoundOf(leader.id);
    if (open) return { ok: false, reason: "open", status: await this.statusOf(open) };
    const checked = await this.checkRaters(leader, input.raters, input.check);
    if (!checked.ok) return checked;
    const { raters } = checked;
    const round = await this.open(workspace, leader, raters);
    if (!round) {
      const raced = await this.options.mirror.openRoundOf(leader.id);
      return raced
        ? { ok: false, reason: "open", status: await this.statusOf(raced) }
        : { ok: false, reason: "not-leader" };
    }
    // The list is kept for scheduled rounds, like `/cx-mirror raters` would.
    await this.options.mirror.setRaters(
      leader.id,
      raters.map((r) => r.id),
    );
    this.options.outbox.kick();
    return { ok: true, ...(await this.statusOf(round)) };
  }

  private async open(
    workspace: Workspace,
    leader: Member,
    raters: { id: string; language: Language | null }[],
  ): Promise<MirrorRound | null> {
    const { mirror, outbox, clock, logger } = this.options;
    const now = clock();
    const round = await mirror.createRound({
      workspaceId: workspace.id,
      leaderId: leader.id,
      openedAt: now,
      remindAt: new Date(now.getTime() + REMINDER_DAYS * DAY_MS),
      closesAt: new Date(now.getTime() + ROUND_DAYS * DAY_MS),
      raters,
    });
    if (!round) return null;
    await outbox.enqueue(
      {
        workspaceId: workspace.id,
        kind: MIRROR_OUTBOX.self,
        subjectId: round.id,
        recipient: leader.externalId,
        dedupeKey: `mirror-self:${round.id}`,
      },
      ...raters.map((r) => ({
        workspaceId: workspace.id,
        kind: MIRROR_OUTBOX.invite,
        subjectId: round.id,
        recipient: r.id,
        dedupeKey: `mirror-invite:${round.id}:${r.id}`,
      })),
    );
    logger.info({ round: round.id, invited: raters.length }, "mirror round opened");
    return round;
  }

  /** `/cx-mirror` (status): the open round, or null; leaders only. */
  async status(
    actor: Actor,
  ): Promise<{ ok: true; open: RoundStatusView | null } | { ok: false; reason: "not-leader" }> {
    const leader = this.leaderOf(actor);
    if (!leader) return { ok: false, reason: "not-leader" };
    const open = await this.options.mirror.openRoundOf(leader.id);
    return { ok: true, open: open ? await this.statusOf(open) : null };
  }

  /** `/cx-mirror raters @…`: the list for scheduled rounds (checked like a start). */
  async setRaters(input: {
    actor: Actor;
    raters: string[];
    check: (id: string) => Promise<PersonCheck>;
  }): Promise<{ ok: true; count: number } | ({ ok: false } & StartRefusal)> {
    const leader = this.leaderOf(input.actor);
    if (!leader) return { ok: false, reason: "not-leader" };
    const checked = await this.checkRaters(leader, input.raters, input.check);
    if (!checked.ok) return checked;
    await this.options.mirror.setRaters(
      leader.id,
      checked.raters.map((r) => r.id),
    );
    return { ok: true, count: checked.raters.length };
  }

  /** Who may rate a leader, for a start and for the kept list alike: not themselves, 3–50 people, each one checked. */
  private async checkRaters(
    leader: Member,
    people: string[],
    check: (id: string) => Promise<PersonCheck>,
  ): Promise<{ ok: true; raters: { id: string; language: Language | null }[] } | ({ ok: false } & StartRefusal)> {
    const ids = [...new Set(people)];
    if (ids.includes(leader.externalId)) return { ok: false, reason: "self" };
    if (ids.length < this.minResponses) return { ok: false, reason: "too-few", min: this.minResponses };
    if (ids.length > MIRROR_MAX_RATERS) return { ok: false, reason: "too-many", max: MIRROR_MAX_RATERS };
    const checked = await Promise.all(ids.map(async (id) => ({ id, check: await check(id) })));
    const invalid = checked.flatMap(({ id, check }) => (check.ok ? [] : [{ id, why: check.reason }]));
    if (invalid.length) return { ok: false, reason: "invalid-people", people: invalid };
    return { ok: true, raters: checked.map(({ id, check }) => ({ id, language: check.ok ? check.language : null })) };
  }

  /** `/cx-mirror channels #a #b`: whose presence figures count as the leader's conversation evidence. */
  async setChannels(
    actor: Actor,
    channels: string[],
  ): Promise<{ ok: true; count: number } | { ok: false; reason: "not-leader" }> {
    const leader = this.leaderOf(actor);
    if (!leader) return { ok: false, reason: "not-leader" };
    const unique = [...new Set(channels)].slice(0, 20);
    await this.options.mirror.setChannels(leader.id, unique);
    return { ok: true, count: unique.length };
  }

  /** The leader's own view at the start of a round (first person). Only the round's leader, only while open. */
  async selfRate(
    actor: Actor,
    roundId: string,
    ratings: Partial<Record<QuestionKey, unknown>>,
  ): Promise<"ok" | "not-yours" | "closed" | "incomplete"> {
    const leader = this.leaderOf(actor);
    if (!leader) return "not-yours";
    const round = await this.options.mirror.getRound(roundId);
    if (!round || round.leaderId !== leader.id) return "not-yours";
    if (round.status !== "open") return "closed";
    const complete = QUESTION_KEYS.every((q) => isRating(ratings[q]));
    if (!complete) return "incomplete";
    await this.options.mirror.setSelfRatings(
      roundId,
      Object.fromEntries(QUESTION_KEYS.map((q) => [q, ratings[q]])) as SelfRatings,
    );
    return "ok";
  }

  /**
   * A rater's one answer. Refused unless invited to this very round and not yet answered; the
   * answers go into the round's histogram in the same transaction that uses up the invitation.
   * Nothing is logged: a log line's time next to the rater's other actions could link them.
   */
  async answer(input: {
    actor: Actor;
    roundId: string;
    answers: Partial<Record<QuestionKey, unknown>>;
  }): Promise<AnswerResult> {
    const round = await this.options.mirror.getRound(input.roundId);
    if (!round || round.workspaceId !== input.actor.workspace.id) return "not-invited";
    const answers = {} as MirrorAnswers;
    for (const q of QUESTION_KEYS) {
      const value = input.answers[q];
      if (value !== 0 && !isRating(value)) return "incomplete";
      answers[q] = value;
    }
    const result = await this.options.mirror.recordAnswer(round.id, input.actor.userId, answers);
    if (result === "ok") await this.scrub();
    return result;
  }

  /** Left for the next tick when the files were busy: until then they may hold the histogram as it was before this answer. */
  private scrubPending = false;

  private async scrub(): Promise<void> {
    this.scrubPending = !(await this.options.mirror.scrub().catch(() => false));
  }

  /** The clock: reminders, closes, scheduled rounds. Each step is keyed so a second tick changes nothing. */
  async tick(now: Date): Promise<{ mirrorReminders: number; mirrorClosed: number; mirrorStarted: number }> {
    const report = { mirrorReminders: 0, mirrorClosed: 0, mirrorStarted: 0 };
    const { mirror, outbox } = this.options;
    if (this.scrubPending) await this.scrub();
    for (const { round, pending } of await mirror.claimReminders(now)) {
      report.mirrorReminders += await outbox.enqueue(
        ...pending.map((r) => ({
          workspaceId: round.workspaceId,
          kind: MIRROR_OUTBOX.remind,
          subjectId: round.id,
          recipient: r.id,
          dedupeKey: `mirror-remind:${round.id}:${r.id}`,
        })),
      );
    }
    for (const round of await mirror.dueRounds(now)) {
      if (await this.close(round, now)) report.mirrorClosed++;
    }
    report.mirrorStarted = await this.startScheduled(now);
    return report;
  }

  /**
   * Closes a round exactly once: the results message is queued first (its key makes that
   * idempotent), then the round is closed conditionally — a crash in between is finished by
   * the next tick, and the message waits in the outbox until the round is closed.
   */
  private async close(round: MirrorRound, now: Date): Promise<boolean> {
    const { mirror, outbox, logger } = this.options;
    const leader = await mirror.getMember(round.leaderId);
    const workspace = await this.options.workspaces.getWorkspace(round.workspaceId);
    if (!leader || !workspace) {
      await mirror.closeRound(round.id, { status: "withheld", at: now, quarter: quarterOf(now), results: null });
      return true;
    }
    const responses = await mirror.answeredCount(round.id);
    const withheld = isWithheld(responses, this.minResponses);
    const results = withheld ? null : await this.results(workspace, leader, round, responses, now);
    await outbox.enqueue({
      workspaceId: workspace.id,
      kind: MIRROR_OUTBOX.results,
      subjectId: round.id,
      recipient: leader.externalId,
      dedupeKey: `mirror-results:${round.id}`,
    });
    const closed = await mirror.closeRound(round.id, {
      status: withheld ? "withheld" : "closed",
      at: now,
      quarter: quarterOf(now),
      results,
    });
    if (closed) {
      logger.info({ round: round.id, withheld }, "mirror round closed");
      await this.scrub(); // a withheld round's answers must not linger in the files either
    }
    return closed;
  }

  private async results(
    workspace: Workspace,
    leader: Member,
    round: MirrorRound,
    responses: number,
    now: Date,
  ): Promise<MirrorResults> {
    const { mirror } = this.options;
    const tally = (await mirror.tally(round.id))!;
    const self = round.selfRatings ?? (await this.selfFromCheckIns(workspace, leader, now));
    return roundFigures({
      tally,
      responses,
      invited: round.invited,
      self: self ?? {},
      selfSource: round.selfRatings ? "self-rating" : self ? "check-ins" : "none",
      evidence: await this.evidence(workspace, leader, round, now),
      minResponses: this.minResponses,
    });
  }

  /** Without a self-rating, the leader's own check-ins of the last weeks stand in for it. */
  private async selfFromCheckIns(
    workspace: Workspace,
    leader: Member,
    now: Date,
  ): Promise<Partial<Record<QuestionKey, number>> | null> {
    const weeks = recentWeeks(localDateTime(now, leader.timezone ?? workspace.timezone), CHECKIN_WEEKS);
    const checkIns = await this.options.checkIns.listCheckIns(leader.id, weeks);
    if (checkIns.length === 0) return null;
    const out: Partial<Record<QuestionKey, number>> = {};
    for (const q of QUESTION_KEYS) {
      const ratings = checkIns.filter((c) => c.question === q).map((c) => c.rating);
      if (ratings.length) out[q] = ratings.reduce((a, b) => a + b, 0) / ratings.length;
    }
    return out;
  }

  /**
   * What the conversations show: presence in the leader's channels over the weeks up to the
   * close (a channel-week counts only with enough distinct authors, as in the digest), and how
   * often the leader asked for suggestions and how many named ones the asked people sent.
   */
  async evidence(
    workspace: Workspace,
    leader: Member,
    round: MirrorRound,
    now: Date,
  ): Promise<Partial<Record<QuestionKey, Evidence>>> {
    const { mirror, presence, minAuthors } = this.options;
    const out: Partial<Record<QuestionKey, Evidence>> = {};
    const { channels } = await mirror.getLeaderSettings(leader.id);
    const weeks = recentWeeks(localDateTime(now, workspace.timezone), EVIDENCE_WEEKS);
    let messages = 0;
    let customer = 0;
    let positive = 0;
    let negative = 0;
    let counted = 0;
    for (const channel of channels) {
      const rows = (await presence.combinedWeeks(workspace.id, weeks, [channel])).filter(
        (r) => r.authors >= minAuthors,
      );
      if (rows.length === 0) continue;
      counted++;
      for (const r of rows) {
        messages += r.messages;
        customer += r.customer;
        positive += r.positive;
        negative += r.negative;
      }
    }
    if (messages > 0) {
      out.presence = {
        kind: "presence",
        messages,
        customerShare: customer / messages,
        positiveShare: customer > 0 ? positive / customer : null,
        negativeShare: customer > 0 ? negative / customer : null,
        channels: counted,
      };
    }
    const since = new Date(now.getTime() - ASKING_DAYS * DAY_MS);
    const counts = await mirror.askingCounts(workspace.id, leader.id, await mirror.raterIds(round.id), since, now);
    out.ask = { kind: "asking", asks: counts.asks, teamSuggestions: counts.suggestions, days: ASKING_DAYS };
    return out;
  }

  /** `/cx-me` (on request) and App Home: the last shown mirror, the trend across rounds, an open round. Null for anyone but a leader. */
  async overview(actor: Actor): Promise<MirrorOverview | null> {
    const leader = this.leaderOf(actor);
    if (!leader) return null;
    const { workspace } = actor;
    const { mirror } = this.options;
    const [rounds, open] = await Promise.all([mirror.closedRounds(leader.id, 6), mirror.openRoundOf(leader.id)]);
    const latest = rounds[0];
    return {
      latest: latest ? this.resultsView(workspace, leader, latest) : null,
      trend: rounds
        .filter((r) => r.results)
        .reverse()
        .map((r) => ({
          closedAt: r.closedAt!,
          team: Object.fromEntries(r.results!.questions.map((q) => [q.question, q.team])),
        })),
      open: open ? await this.statusOf(open) : null,
    };
  }

  /**
   * The leader's own round, once it can be shared: only the leader, only a closed round that
   * showed figures. Where the leader may share it (their team channels) comes with it, for a
   * door whose form must list the places itself (Teams).
   */
  async shareOptions(
    actor: Actor,
    roundId: string,
  ): Promise<{ ok: true; view: ResultsView; channels: string[] } | { ok: false; reason: ShareRefusal }> {
    const shareable = await this.shareable(actor, roundId);
    if (!shareable.ok) return shareable;
    const { leader, round } = shareable;
    const { channels } = await this.options.mirror.getLeaderSettings(leader.id);
    return { ok: true, view: this.resultsView(actor.workspace, leader, round), channels };
  }

  /**
   * "Share with my team": the same aggregate into a channel the leader chose. `teamChannelsOnly`:
   * the door's picker cannot vouch for the channel (a Teams card's choice can be forged), so
   * only the leader's own team channels (`mirror channels`) are accepted.
   */
  async share(input: {
    actor: Actor;
    roundId: string;
    channel: string;
    teamChannelsOnly?: boolean;
  }): Promise<"ok" | ShareRefusal> {
    const shareable = await this.shareable(input.actor, input.roundId);
    if (!shareable.ok) return shareable.reason;
    const { leader, round } = shareable;
    const { workspace } = input.actor;
    if (input.teamChannelsOnly) {
      const { channels } = await this.options.mirror.getLeaderSettings(leader.id);
      if (!channels.includes(input.channel)) return "not-team-channel";
    }
    await this.messenger(workspace).shareResults(workspace, input.channel, this.resultsView(workspace, leader, round));
    return "ok";
  }

  private async shareable(
    actor: Actor,
    roundId: string,
  ): Promise<{ ok: true; leader: Member; round: MirrorRound } | { ok: false; reason: ShareRefusal }> {
    const leader = this.leaderOf(actor);
    if (!leader) return { ok: false, reason: "not-yours" };
    const round = await this.options.mirror.getRound(roundId);
    if (!round || round.leaderId !== leader.id) return { ok: false, reason: "not-yours" };
    if (round.status === "open") return { ok: false, reason: "open" };
    if (round.status !== "closed" || !round.results) return { ok: false, reason: "nothing" };
    return { ok: true, leader, round };
  }

  /** `/cx-admin mirror schedule quarterly|off`, parsed by core/admin/commands.ts; the admin service checks the right. */
  async setSchedule(workspace: Workspace, cadence: "quarterly" | "off"): Promise<void> {
    // Switched on mid-quarter, the first rounds start with the next quarter, not at once.
    await this.options.mirror.setSchedule(workspace.id, cadence, quarterOf(this.options.clock()));
  }

  /** At the start of each quarter, one round for every leader with a raters list (once per quarter). */
  private async startScheduled(now: Date): Promise<number> {
    const { mirror, workspaces } = this.options;
    let started = 0;
    const quarter = quarterOf(now);
    for (const workspace of await mirror.scheduledWorkspaces()) {
      if (!(await mirror.claimQuarter(workspace.id, quarter))) continue;
      for (const { leaderId, raters } of await mirror.leadersWithRaters(workspace.id)) {
        const leader = await mirror.getMember(leaderId);
        if (!leader?.isLeader || raters.length < this.minResponses || (await mirror.openRoundOf(leaderId))) continue;
        const members = await Promise.all(raters.map((id) => workspaces.findMember(workspace.id, id)));
        if (
          await this.open(
            workspace,
            leader,
            raters.map((id, i) => ({ id, language: members[i]?.language ?? null })),
          )
        )
          started++;
      }
    }
    return started;
  }

  /**
   * The organisation's mirror for the digest of `week` (which ends at `weekEnd`): once at least
   * ORG_MIN_LEADERS leaders closed rounds in that quarter, it is frozen and shown in that one
   * week's digest — later rounds of the quarter never move it, so no two published figures
   * differ by one leader. Never a single leader's figures.
   */
  async orgMirrorForDigest(workspace: Workspace, week: string, weekEnd: Date): Promise<OrgMirror | null> {
    const { mirror } = this.options;
    const quarter = quarterOf(new Date(weekEnd.getTime() - 1));
    const frozen = await mirror.frozenOrgMirror(workspace.id, quarter);
    if (frozen) return frozen.week === week ? frozen.figures : null;
    const figures = orgMirror(
      quarter,
      (await mirror.roundsClosedIn(workspace.id, quarter)).filter((r) => r.closedAt && r.closedAt < weekEnd),
    );
    if (!figures) return null;
    const kept = await mirror.freezeOrgMirror(workspace.id, quarter, week, figures);
    return kept.week === week ? kept.figures : null;
  }

  /** `npx kundennah export mirror`: the organisation mirrors as the digests showed them — never one leader. */
  exportRows(): AsyncIterable<MirrorExportRow> {
    return orgMirrorExport(this.options.mirror);
  }
}

/** The export's rows: per workspace, quarter and question, the frozen organisation mirror. */
export async function* orgMirrorExport(store: Pick<MirrorStore, "frozenOrgMirrors">): AsyncIterable<MirrorExportRow> {
  for (const { workspace, figures } of await store.frozenOrgMirrors()) {
    for (const q of figures.questions) {
      yield {
        platform: workspace.platform,
        workspace: workspace.externalId,
        quarter: figures.quarter,
        leaders: figures.leaders,
        question: q.question,
        avgSelf: q.self,
        avgTeam: q.team,
        blindSpotShare: q.blindSpotShare,
      };
    }
  }
}
