// One gentle reminder for a nudge left unanswered: the next working day, at the leader's nudge
// time, never more than one, never to a paused leader, and only while the workspace has
// reminders on (`/cx-admin reminders on|off`, default on).
//
// The reminder is an outbox entry, queued (with a unique key per nudge) before the nudge's first
// send and held back until it is due. The outbox's claim makes it exactly-once across replicas,
// survives crashes and retries with backoff; in Slack a post is tagged, so a sender that died
// mid-post is found again instead of posting twice. Whether a reminder is still wanted is decided
// when it is due, from the database: an answer, a skip, a snooze, a pause, reminders switched
// off or a newer nudge since (the "workdays" rhythm asks again the next day anyway) each mean
// it is dropped silently.
//
// What a reminder looks like is the door's choice (NudgeMessenger.sendReminder, part of the
// nudges sender each door registers), with one rule for both: no second card. Editing the nudge in place would be the tidiest, but neither Slack nor
// Teams notifies anyone about an edited message, so an edit alone would remind nobody.
import type { Nudge, Workspace } from "../shared/model.js";
import type { Outbox, OutboxEntry, SendOnce } from "../shared/outbox.js";
import type { PlatformRegistry } from "../shared/platforms.js";
import type { Clock, Logger } from "../shared/ports.js";
import { addDays, isoWeek, isoWeekday, type LocalDate, localDateTime, zonedTimeToUtc } from "../shared/time.js";
import type { CheckInStore, DeliveryTarget, NudgeMessenger, ReminderView } from "./ports.js";
import { memberTimeZone } from "./service.js";

export const REMINDER_KIND = "nudge-reminder";

/** The next working day after the nudge's day, at the workspace's nudge time in the leader's zone. */
export function reminderTime(nudgeDueAt: Date, workspace: Workspace, timeZone: string): Date {
  let day: LocalDate = localDateTime(nudgeDueAt, timeZone);
  do day = addDays(day, 1);
  while (!workspace.includeWeekends && isoWeekday(day) > 5);
  return zonedTimeToUtc(day, workspace.nudgeMinute, timeZone);
}

const dedupeKey = (nudgeId: string) => `reminder:${nudgeId}`;

export class NudgeReminders {
  constructor(
    private readonly deps: {
      store: Pick<CheckInStore, "getNudge" | "getTarget" | "latestNudge">;
      /** The nudges senders the doors registered: each one also knows how to remind. */
      messengers: PlatformRegistry<NudgeMessenger>;
      outbox: Outbox;
      clock: Clock;
      logger: Logger;
    },
  ) {
    deps.outbox.handle(REMINDER_KIND, (entry, workspace, once) => this.deliver(entry, workspace, once));
  }

  /**
   * Queues the reminders of nudges about to be sent for the first time, in one write. Called
   * before the sends, so a crash right after them cannot lose a reminder; queuing again (a
   * retry) is a no-op.
   */
  async queue(nudges: { nudge: Nudge; target: DeliveryTarget }[]): Promise<void> {
    if (nudges.length === 0) return;
    await this.deps.outbox.enqueue(
      ...nudges.map(({ nudge, target }) => ({
        workspaceId: target.workspace.id,
        kind: REMINDER_KIND,
        subjectId: nudge.id,
        recipient: target.member.externalId,
        dedupeKey: dedupeKey(nudge.id),
        notBefore: reminderTime(nudge.dueAt, target.workspace, memberTimeZone(target.member, target.workspace)),
      })),
    );
  }

  /** A snoozed nudge returns by itself; its reminder (sent or not) is not to come (again). */
  async cancel(nudgeId: string): Promise<void> {
    await this.deps.outbox.forget(dedupeKey(nudgeId));
  }

  /** Why a due reminder is not sent, or null when it should be. */
  private async reasonToDrop(
    nudge: Nudge | null,
    target: DeliveryTarget | null,
    workspace: Workspace,
  ): Promise<string | null> {
    if (!nudge || !target) return "the nudge or its leader is gone";
    if (!workspace.reminders) return "reminders are off in this workspace";
    if (nudge.status !== "sent") return `the nudge is ${nudge.status}`;
    if (!nudge.channelRef || !nudge.messageRef) return "the nudge message is unknown";
    if (!target.member.isLeader) return "no longer a leader";
    if (target.member.pausedUntil && target.member.pausedUntil > this.deps.clock()) return "the leader paused nudges";
    const latest = await this.deps.store.latestNudge(target.member.id);
    if (latest && latest.id !== nudge.id) return "a newer nudge went out since";
    return null;
  }

  private async deliver(entry: OutboxEntry, workspace: Workspace, once: SendOnce): Promise<void> {
    const nudge = await this.deps.store.getNudge(entry.subjectId);
    const target = nudge && (await this.deps.store.getTarget(nudge.memberId));
    const drop = await this.reasonToDrop(nudge, target, workspace);
    if (drop) {
      // Recorded as done: a reminder not wanted now is not wanted later either.
      this.deps.logger.info({ nudgeId: entry.subjectId, reason: drop }, "nudge reminder not sent");
      return;
    }
    const messenger = this.deps.messengers.for(workspace);
    const now = localDateTime(this.deps.clock(), memberTimeZone(target!.member, workspace));
    const view: ReminderView = {
      language: target!.member.language ?? workspace.language,
      sameWeek: isoWeek(now) === nudge!.week,
    };
    const ref = { channelRef: nudge!.channelRef!, messageRef: nudge!.messageRef! };
    await once(messenger, (tag) => messenger.sendReminder(target!, ref, view, tag));
  }
}
