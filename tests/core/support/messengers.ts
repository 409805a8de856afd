// Platform senders that record what they were asked to deliver. `failNext` queues errors the
// next calls throw (a DeliveryError for a 429 or a 5xx, say), so retries can be exercised.
import type { DeliveryTarget, NudgeMessenger, NudgeView, ReminderView } from "../../../src/core/checkins/ports.js";
import type { DigestReport, PresenceMessenger } from "../../../src/core/presence/ports.js";
import type { Language, Workspace } from "../../../src/core/shared/model.js";
import type { MessageRef } from "../../../src/core/shared/ports.js";
import type { AskPromptView, SuggestionMessenger, SuggestionView } from "../../../src/core/suggestions/ports.js";

class Failures {
  private readonly queue: Error[] = [];
  failNext(...errors: Error[]): void {
    this.queue.push(...errors);
  }
  protected maybeFail(): void {
    const error = this.queue.shift();
    if (error) throw error;
  }
}

export class RecordingNudgeMessenger extends Failures implements NudgeMessenger {
  readonly sent: { memberExternalId: string; view: NudgeView; ref: MessageRef }[] = [];
  readonly updated: { ref: MessageRef; view: NudgeView }[] = [];
  /** What findSentNudge answers, by nudge id (a platform that can find tagged messages). */
  readonly delivered = new Map<string, MessageRef>();
  private count = 0;

  async sendNudge(target: DeliveryTarget, view: NudgeView): Promise<MessageRef> {
    this.maybeFail();
    const ref = { channelRef: `D-${target.member.externalId}`, messageRef: `ts-${++this.count}` };
    this.sent.push({ memberExternalId: target.member.externalId, view, ref });
    this.delivered.set(view.nudgeId, ref);
    return ref;
  }

  readonly reminders: { memberExternalId: string; nudge: MessageRef; view: ReminderView; tag: string }[] = [];

  async sendReminder(target: DeliveryTarget, nudge: MessageRef, view: ReminderView, tag: string): Promise<MessageRef> {
    this.maybeFail();
    this.reminders.push({ memberExternalId: target.member.externalId, nudge, view, tag });
    return { channelRef: nudge.channelRef, messageRef: `ts-${++this.count}` };
  }

  async updateNudge(_target: DeliveryTarget, ref: MessageRef, view: NudgeView): Promise<void> {
    this.updated.push({ ref, view });
  }
}

/** A nudge messenger of a platform that can look up what it delivered (Slack's message metadata). */
export class FindingNudgeMessenger extends RecordingNudgeMessenger {
  async findSentNudge(_target: DeliveryTarget, nudgeId: string): Promise<MessageRef | null> {
    return this.delivered.get(nudgeId) ?? null;
  }
}

export class RecordingSuggestionMessenger extends Failures implements SuggestionMessenger {
  readonly posts: { channel: string; view: SuggestionView; tag: string }[] = [];
  readonly updates: { ref: MessageRef; view: SuggestionView }[] = [];
  readonly notices: { author: string; view: SuggestionView; tag: string }[] = [];
  readonly prompts: { channel: string; prompt: AskPromptView; tag: string | undefined }[] = [];
  private count = 0;

  async postSuggestion(_workspace: Workspace, channel: string, view: SuggestionView, tag: string): Promise<MessageRef> {
    this.maybeFail();
    this.posts.push({ channel, view, tag });
    return { channelRef: channel, messageRef: `post-${++this.count}` };
  }
  async updateSuggestion(_workspace: Workspace, ref: MessageRef, view: SuggestionView): Promise<void> {
    this.updates.push({ ref, view });
  }
  async notifyAuthor(_workspace: Workspace, author: string, view: SuggestionView, tag: string): Promise<void> {
    this.maybeFail();
    this.notices.push({ author, view, tag });
  }
  async postAskPrompt(
    _workspace: Workspace,
    channel: string,
    prompt: AskPromptView,
    tag?: string,
  ): Promise<MessageRef> {
    this.maybeFail();
    this.prompts.push({ channel, prompt, tag });
    return { channelRef: channel, messageRef: `ask-${++this.count}` };
  }
}

export class RecordingPresenceMessenger extends Failures implements PresenceMessenger {
  readonly notices: { channel: string; language: Language; minAuthors: number }[] = [];
  readonly digests: { channel: string; report: DigestReport }[] = [];
  readonly previews: { userId: string; report: DigestReport }[] = [];

  async postNotice(_workspace: Workspace, channel: string, language: Language, minAuthors: number): Promise<void> {
    this.maybeFail();
    this.notices.push({ channel, language, minAuthors });
  }
  async postDigest(_workspace: Workspace, channel: string, report: DigestReport): Promise<MessageRef> {
    this.maybeFail();
    this.digests.push({ channel, report });
    return { channelRef: channel, messageRef: `digest-${this.digests.length}` };
  }
  async sendDigestPreview(_workspace: Workspace, userId: string, report: DigestReport): Promise<void> {
    this.maybeFail();
    this.previews.push({ userId, report });
  }
}
