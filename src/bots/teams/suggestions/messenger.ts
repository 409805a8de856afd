// The messenger the core posts, updates and notifies through: the suggestion's channel post (with
// its votes and answer), the author's notice in their personal chat, and the `ask` prompt.
import { CardFactory, MessageFactory } from "botbuilder";
import type { Core } from "../../../core/index.js";
import type { Workspace } from "../../../core/shared/model.js";
import { DeliveryError, type MessageRef } from "../../../core/shared/ports.js";
import type { AskPromptView, SuggestionMessenger, SuggestionView } from "../../../core/suggestions/ports.js";
import type { AdaptiveCard } from "../adaptiveCard.js";
import { type ChannelPoster, inChannel } from "../channels.js";
import { withDeliveryRetries } from "../delivery.js";
import { inPersonalChat, type Proactive } from "../proactive.js";
import { type AuthorMention, answerNoticeCard, askPromptCard, suggestionPostCard } from "./cards.js";

const attachment = (card: AdaptiveCard) => MessageFactory.attachment(CardFactory.adaptiveCard(card));

async function authorOf(
  core: Core,
  workspace: Workspace,
  authorExternalId: string | null,
): Promise<AuthorMention | null> {
  if (!authorExternalId) return null;
  const member = await core.identity.find(workspace, authorExternalId);
  return { id: authorExternalId, name: member?.displayName || "?" };
}

export async function postCardFor(core: Core, workspace: Workspace, view: SuggestionView): Promise<AdaptiveCard> {
  return suggestionPostCard(view, await authorOf(core, workspace, view.authorExternalId));
}

/**
 * No findSent: the Bot Connector cannot read sent activities back (it has no GET for a
 * conversation's activities), so an outbox entry interrupted mid-send is sent again.
 */
export class TeamsSuggestionMessenger implements SuggestionMessenger {
  constructor(
    private readonly core: Core,
    private readonly deps: Proactive & ChannelPoster,
  ) {}

  async postSuggestion(workspace: Workspace, channel: string, view: SuggestionView): Promise<MessageRef> {
    const card = await postCardFor(this.core, workspace, view);
    return inChannel(this.deps, workspace, channel, async (context) => {
      const sent = await withDeliveryRetries(
        "post suggestion",
        () => context.sendActivity(attachment(card)),
        this.deps.retryPolicy,
      );
      if (!sent?.id) throw new DeliveryError("teams: the connector returned no activity id");
      return { channelRef: channel, messageRef: sent.id };
    });
  }

  async updateSuggestion(workspace: Workspace, ref: MessageRef, view: SuggestionView): Promise<void> {
    const card = await postCardFor(this.core, workspace, view);
    await inChannel(this.deps, workspace, ref.channelRef, async (context) => {
      await withDeliveryRetries(
        "update suggestion",
        () => context.updateActivity({ ...attachment(card), id: ref.messageRef }),
        this.deps.retryPolicy,
      );
    });
  }

  async notifyAuthor(workspace: Workspace, authorExternalId: string, view: SuggestionView): Promise<void> {
    const member = await this.core.identity.find(workspace, authorExternalId);
    if (!member) throw new DeliveryError("teams: the author is not known", { permanent: true });
    await inPersonalChat(this.deps, member, async (context) => {
      await withDeliveryRetries(
        "notify author",
        () => context.sendActivity(attachment(answerNoticeCard(view))),
        this.deps.retryPolicy,
      );
    });
  }

  async postAskPrompt(workspace: Workspace, channel: string, prompt: AskPromptView): Promise<MessageRef> {
    const asker = prompt.askedBy ? await this.core.identity.find(workspace, prompt.askedBy) : null;
    const card = askPromptCard(prompt, asker?.displayName ?? null);
    return inChannel(this.deps, workspace, channel, async (context) => {
      const sent = await withDeliveryRetries(
        "post ask prompt",
        () => context.sendActivity(attachment(card)),
        this.deps.retryPolicy,
      );
      if (!sent?.id) throw new DeliveryError("teams: the connector returned no activity id");
      return { channelRef: channel, messageRef: sent.id };
    });
  }
}
