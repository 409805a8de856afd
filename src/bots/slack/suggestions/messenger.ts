// Delivers suggestions to Slack: the post in the suggestions channel (with vote and answer
// buttons), its updates, the author's notice of an answer, and a leader's call for ideas.
import type { WebClient } from "@slack/web-api";
import type { Workspace } from "../../../core/shared/model.js";
import type { MessageRef } from "../../../core/shared/ports.js";
import type { AskPromptView, SuggestionMessenger, SuggestionView } from "../../../core/suggestions/ports.js";
import { findOutboxPost, outboxMetadata, toDeliveryError } from "../delivery.js";
import { answerNotice, askPromptBlocks, suggestionPostBlocks, suggestionPostText } from "./blocks.js";

export class SlackSuggestionMessenger implements SuggestionMessenger {
  constructor(private readonly client: WebClient) {}

  private async call<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toDeliveryError(error);
    }
  }

  async postSuggestion(_workspace: Workspace, channel: string, view: SuggestionView, tag: string): Promise<MessageRef> {
    const res = await this.call(() =>
      this.client.chat.postMessage({
        channel,
        text: suggestionPostText(view),
        blocks: suggestionPostBlocks(view),
        unfurl_links: false,
        ...outboxMetadata(tag),
      }),
    );
    return { channelRef: String(res.channel), messageRef: String(res.ts) };
  }

  async updateSuggestion(_workspace: Workspace, ref: MessageRef, view: SuggestionView): Promise<void> {
    await this.call(() =>
      this.client.chat.update({
        channel: ref.channelRef,
        ts: ref.messageRef,
        text: suggestionPostText(view),
        blocks: suggestionPostBlocks(view),
      }),
    );
  }

  async notifyAuthor(
    _workspace: Workspace,
    authorExternalId: string,
    view: SuggestionView,
    tag: string,
  ): Promise<void> {
    await this.call(() =>
      this.client.chat.postMessage({ channel: authorExternalId, ...answerNotice(view), ...outboxMetadata(tag) }),
    );
  }

  async postAskPrompt(
    _workspace: Workspace,
    channel: string,
    prompt: AskPromptView,
    tag?: string,
  ): Promise<MessageRef> {
    const res = await this.call(() =>
      this.client.chat.postMessage({ channel, ...askPromptBlocks(prompt), ...outboxMetadata(tag) }),
    );
    return { channelRef: String(res.channel), messageRef: String(res.ts) };
  }

  findSent(_workspace: Workspace, conversation: string, tag: string, since: Date): Promise<MessageRef | null> {
    return findOutboxPost(this.client, conversation, tag, since);
  }
}
