// The suggestion box in Slack: /cx-suggest (form, list), /cx-ask, votes, answers.
// Anonymous submissions never create or touch a member row: no memberOf() on that path.
import type { App, BlockAction, ButtonAction, ViewStateValue, ViewSubmitAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { isLanguage, type Language, type Workspace } from "../../core/shared/model.js";
import type { MessageRef } from "../../core/shared/ports.js";
import {
  type AskPromptView,
  isResponseStatus,
  isTouchpoint,
  type SuggestionMessenger,
  type SuggestionView,
} from "../../core/suggestions/ports.js";
import { SuggestionService } from "../../core/suggestions/service.js";
import { suggestionTexts } from "../../prompts/suggestionTexts.js";
import { texts } from "../../prompts/texts.js";
import { submitRefusalText } from "../../views/suggestionSubmit.js";
import { guarded as guardedAction } from "./actions.js";
import { ephemeral, guarded } from "./commands.js";
import { resolveActor, type SlackDeps } from "./context.js";
import { findOutboxPost, outboxMetadata, toDeliveryError } from "./messenger.js";
import {
  answerNotice,
  askPromptBlocks,
  listBlocks,
  respondModal,
  SUGGEST_ACTION,
  SUGGEST_CALLBACK,
  suggestionPostBlocks,
  suggestionPostText,
  suggestModal,
  thanksView,
} from "./suggestionBlocks.js";

type Values = Record<string, Record<string, ViewStateValue>>;
type ButtonBody = BlockAction<ButtonAction>;

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

function metadataLanguage(raw: string, fallback: Language): Language {
  try {
    const language = (JSON.parse(raw) as { language?: unknown }).language;
    return isLanguage(language) ? language : fallback;
  } catch {
    return fallback;
  }
}

export function registerSuggestions(app: App, deps: SlackDeps): void {
  const { core } = deps;

  app.command("/cx-suggest", async ({ ack, command, respond, client }) => {
    await ack();
    await guarded(deps, command, respond, async (actor) => {
      if (command.text.trim().toLowerCase() === "list") {
        const lists = await core.suggestions.browse(actor.workspace);
        await respond({
          response_type: "ephemeral",
          text: suggestionTexts(actor.language).listTitle,
          blocks: listBlocks(actor.language, lists),
        });
        return;
      }
      await client.views.open({
        trigger_id: command.trigger_id,
        view: suggestModal(actor.language, command.text.trim()),
      });
    });
  });

  app.command("/cx-ask", async ({ ack, command, respond }) => {
    await ack();
    await guarded(deps, command, respond, async (actor) => {
      const t = suggestionTexts(actor.language);
      // Leaders and admins only: the core refuses anyone else.
      const asked = await core.suggestions.ask({ actor, channel: command.channel_id });
      if (!asked.ok)
        return void (await respond(ephemeral(asked.reason === "not-allowed" ? t.askNotLeader : t.askFailed)));
      await respond(ephemeral(t.askPosted));
    });
  });

  app.action<ButtonBody>(SUGGEST_ACTION.open, async ({ ack, body, client }) => {
    await ack();
    const actor = await resolveActor(deps, body.team?.id ?? body.user.team_id ?? "", body.user.id).catch(() => null);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: suggestModal(actor?.language ?? core.defaults.language, ""),
    });
  });

  app.view<ViewSubmitAction>(SUGGEST_CALLBACK.submit, async ({ ack, body, view, client }) => {
    const values = view.state.values as Values;
    const text = values.text?.value?.value ?? "";
    const touchpoint = values.touchpoint?.value?.selected_option?.value;
    const anonymous = (values.anonymous?.value?.selected_options ?? []).length > 0;
    const language = metadataLanguage(view.private_metadata, core.defaults.language);
    const t = suggestionTexts(language);
    const invalid = SuggestionService.checkText(text);
    if (invalid)
      return void (await ack({
        response_action: "errors",
        errors: { text: submitRefusalText(invalid, language) },
      }));

    try {
      // Only the database before the answer: Slack wants it within 3 seconds, and a profile
      // lookup is not needed to store an idea (nor wanted for an anonymous one).
      const workspace = await core.identity.workspace("slack", body.team?.id ?? body.user.team_id ?? "");
      const result = await core.suggestions.submit({
        workspace,
        authorExternalId: body.user.id,
        anonymous,
        text,
        touchpoint: isTouchpoint(touchpoint) ? touchpoint : "other",
      });
      if (!result.ok)
        return void (await ack({
          response_action: "errors",
          errors: { text: submitRefusalText(result.reason, language) },
        }));
      const thanks = result.shared ? t.thanksShared(result.suggestion.number) : t.thanksSaved(result.suggestion.number);
      await ack({ response_action: "update", view: thanksView(language, thanks) });
      await core.suggestions.deliverPending();
    } catch (error) {
      core.logger.error(
        { view: SUGGEST_CALLBACK.submit, reason: (error as Error).message },
        "submitting a suggestion failed",
      );
      await ack({ response_action: "errors", errors: { text: texts(language).genericError } }).catch(() => undefined);
    }
  });

  app.action<ButtonBody>(SUGGEST_ACTION.vote, async ({ ack, body, action, respond }) => {
    await ack();
    await guardedAction(
      deps,
      body,
      respond,
      // action_ts is unique per click and repeated by a retry of the same click.
      async (actor) =>
        void (await core.suggestions.toggleVote({
          voter: actor,
          suggestionId: action.value ?? "",
          actionId: action.action_ts,
        })),
      { create: true },
    );
  });

  app.action<ButtonBody>(SUGGEST_ACTION.respond, async ({ ack, body, action, client, respond }) => {
    await ack();
    await guardedAction(deps, body, respond, async (actor) => {
      // Leaders and admins only: the core refuses anyone else.
      const found = await core.suggestions.forAnswer(actor, action.value ?? "");
      if (!found.ok && found.reason === "not-allowed") {
        return void (await respond({
          response_type: "ephemeral",
          replace_original: false,
          text: suggestionTexts(actor.language).notAllowedToRespond,
        }));
      }
      if (!found.ok) return;
      await client.views.open({ trigger_id: body.trigger_id, view: respondModal(actor.language, found.suggestion) });
    });
  });

  app.view<ViewSubmitAction>(SUGGEST_CALLBACK.respond, async ({ ack, body, view, client }) => {
    const values = view.state.values as Values;
    const status = values.status?.value?.selected_option?.value;
    const note = values.note?.value?.value ?? null;
    let suggestionId = "";
    try {
      suggestionId = String((JSON.parse(view.private_metadata) as { suggestionId?: unknown }).suggestionId ?? "");
    } catch {
      /* a malformed form carries no suggestion: nothing to answer */
    }
    await ack();
    if (!isResponseStatus(status) || !suggestionId) return;
    try {
      const actor = await resolveActor(deps, body.team?.id ?? body.user.team_id ?? "", body.user.id);
      const answered = await core.suggestions.respond({ actor, suggestionId, status, note });
      if (!answered.ok && answered.reason === "not-allowed") {
        return void (await client.chat.postMessage({
          channel: actor.userId,
          text: suggestionTexts(actor.language).notAllowedToRespond,
        }));
      }
      await core.suggestions.deliverPending();
    } catch (error) {
      core.logger.error(
        { view: SUGGEST_CALLBACK.respond, reason: (error as Error).message },
        "answering a suggestion failed",
      );
    }
  });
}
