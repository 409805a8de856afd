// The suggestion box in Teams: the `suggest` card, the "Suggest from this message" message
// action, votes and answers on the channel post, `suggestions` and `ask`, and the messenger the
// core uses to post, update and notify. Submitting and opening the form go through a Visitor,
// which reads but never creates or touches a member row: an anonymous submitter leaves no trace.
import { type Activity, ActivityTypes, CardFactory, MessageFactory, type TurnContext } from "botbuilder";
import type { Core } from "../../core/index.js";
import { isLanguage, type Language, type Workspace } from "../../core/shared/model.js";
import { DeliveryError, type MessageRef } from "../../core/shared/ports.js";
import {
  type AskPromptView,
  isResponseStatus,
  isTouchpoint,
  type SuggestionMessenger,
  type SuggestionView,
} from "../../core/suggestions/ports.js";
import { type SubmitResult, SuggestionService } from "../../core/suggestions/service.js";
import { suggestionTexts } from "../../prompts/suggestionTexts.js";
import { texts } from "../../prompts/texts.js";
import { submitRefusalText } from "../../views/suggestionSubmit.js";
import { profileOf, resolveActor, resolveVisitor, type TeamsActor, type Visitor } from "./actor.js";
import type { AdaptiveCard } from "./adaptiveCard.js";
import type { CardOutcome } from "./cardActions.js";
import { ADAPTIVE_CARD } from "./cards.js";
import { type ChannelPoster, channelRefOf, inChannel } from "./channels.js";
import type { Replies } from "./commands.js";
import { rememberConversation } from "./conversations.js";
import { withDeliveryRetries } from "./delivery.js";
import { plainText, teamsText } from "./markdown.js";
import { inPersonalChat, type Proactive } from "./messenger.js";
import {
  type AuthorMention,
  answerNoticeCard,
  askPromptCard,
  listCard,
  respondFormCard,
  SUGGESTION_VERB,
  type SuggestionVerb,
  suggestFormCard,
  suggestionPostCard,
  thanksCard,
} from "./suggestionCards.js";
import type { TeamsDeps } from "./turn.js";

type Json = Record<string, unknown>;
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

/** `suggest [text]`: the form, prefilled. Nothing is stored about the person. */
/**
 * `suggest [idea]` opens the form — in the personal chat only: in a channel the prefilled card
 * would show the idea, and who asked for the form, to everyone before anything is submitted.
 */
export async function suggestCommand(visitor: Visitor, prefill: string, reply: Replies): Promise<void> {
  if (!visitor.personal) return reply.text(teamsText(texts(visitor.language).teamsPersonalOnly));
  await reply.card(suggestFormCard(visitor.language, { text: prefill }));
}

/** `suggestions`: recent and top-voted, privately (in the personal chat). */
export async function listCommand(core: Core, visitor: Visitor, reply: Replies): Promise<void> {
  if (!visitor.personal) return reply.text(teamsText(texts(visitor.language).teamsPersonalOnly));
  await reply.card(listCard(visitor.language, await core.suggestions.browse(visitor.workspace)));
}

type SubmitOutcome = { ok: true; thanks: string } | { ok: false; form: AdaptiveCard };

/** Validates and submits what the form sent; on a problem the form comes back with it. */
async function submit(
  deps: TeamsDeps,
  activity: Partial<Activity>,
  inputs: Json,
  options: { dialog?: boolean } = {},
): Promise<SubmitOutcome> {
  const { core } = deps;
  const visitor = await resolveVisitor(deps, activity);
  const language = isLanguage(inputs.language) ? inputs.language : visitor.language;
  const t = suggestionTexts(language);
  const text = typeof inputs.text === "string" ? inputs.text : "";
  const touchpoint = isTouchpoint(inputs.touchpoint) ? inputs.touchpoint : "other";
  const anonymous = inputs.anonymous === true || inputs.anonymous === "true";
  const again = (error: string): SubmitOutcome => ({
    ok: false,
    form: suggestFormCard(language, { text, touchpoint, anonymous, error }, options),
  });
  const invalid = SuggestionService.checkText(text);
  if (invalid) return again(submitRefusalText(invalid, language));

  let result: SubmitResult;
  try {
    result = await core.suggestions.submit({
      workspace: visitor.workspace,
      authorExternalId: visitor.userId,
      ...(anonymous ? {} : { authorProfile: profileOf(activity) }),
      anonymous,
      text,
      touchpoint,
    });
  } catch (error) {
    // The form comes back in its own language with what was typed, so nothing is lost.
    core.logger.error(
      { verb: SUGGESTION_VERB.submit, reason: (error as Error).message },
      "submitting a suggestion failed",
    );
    return again(texts(language).genericError);
  }
  if (!result.ok) return again(submitRefusalText(result.reason, language));
  if (!anonymous && visitor.personal) {
    // A named author is told about answers in this chat.
    const member = await core.identity.find(visitor.workspace, visitor.userId);
    if (member) await rememberConversation(core, member, activity);
  }
  // Ack first: the channel post goes out after the answer, retried by the clock if it fails.
  deps.background(() => core.suggestions.deliverPending(), "suggestion delivery");
  const thanks = result.shared
    ? t.thanksShared(result.suggestion.number)
    : t.teamsThanksSaved(result.suggestion.number);
  return { ok: true, thanks: teamsText(thanks) };
}

/** A suggestion button or form (Action.Execute, or its Action.Submit fallback). */
export async function handleSuggestionAction(
  deps: TeamsDeps,
  context: TurnContext,
  verb: SuggestionVerb,
  data: Json,
): Promise<CardOutcome> {
  const { core } = deps;
  const { activity } = context;
  if (verb === SUGGESTION_VERB.open) {
    const visitor = await resolveVisitor(deps, activity);
    return {
      kind: "card",
      card: suggestFormCard(isLanguage(data.language) ? data.language : visitor.language, { text: "" }),
      nudgeId: null,
    };
  }
  if (verb === SUGGESTION_VERB.submit) {
    const outcome = await submit(deps, activity, data);
    return { kind: "card", card: outcome.ok ? thanksCard(outcome.thanks) : outcome.form, nudgeId: null };
  }

  // Votes and answers are by named people: they get a member row like any other click.
  const actor = await resolveActor(deps, activity);
  const t = suggestionTexts(actor.language);
  const suggestionId = typeof data.suggestionId === "string" ? data.suggestionId : "";
  const suggestion = suggestionId ? await core.suggestions.get(suggestionId) : null;
  if (!suggestion || suggestion.workspaceId !== actor.workspace.id)
    return { kind: "text", text: teamsText(texts(actor.language).genericError) };
  const postCard = async (s = suggestion) => ({
    kind: "card" as const,
    card: await postCardFor(core, actor.workspace, { ...s, language: actor.workspace.language }),
    nudgeId: null,
  });

  if (verb === SUGGESTION_VERB.vote) {
    // The invoke's activity id is repeated by a platform retry of the same click.
    const updated = await core.suggestions.toggleVote({
      voter: actor,
      suggestionId,
      actionId: activity.id ?? `${Date.now()}`,
    });
    return postCard(updated ?? suggestion);
  }
  if (verb === SUGGESTION_VERB.cancel) return postCard();

  // Leaders and admins only: the core refuses anyone else.
  const notAllowed: CardOutcome = { kind: "text", text: teamsText(t.notAllowedToRespond) };
  const status = data.status;
  if (verb === SUGGESTION_VERB.respondForm || !isResponseStatus(status)) {
    const found = await core.suggestions.forAnswer(actor, suggestionId);
    if (!found.ok) return notAllowed;
    const problem = verb === SUGGESTION_VERB.respondForm ? undefined : t.teamsNoResponseStatus;
    return { kind: "card", card: respondFormCard(actor.language, found.suggestion, problem), nudgeId: null };
  }
  const note = typeof data.note === "string" ? data.note : null;
  const answered = await core.suggestions.respond({ actor, suggestionId, status, note });
  if (!answered.ok) return notAllowed;
  deps.background(() => core.suggestions.deliverPending(), "suggestion answer");
  return postCard(answered.suggestion);
}

interface MessageActionValue {
  commandId?: string;
  data?: Json;
  messagePayload?: { body?: { content?: string; contentType?: string } };
}

/** composeExtension/fetchTask: the form in a dialog, prefilled from the message it was started on. */
export async function onFetchTask(deps: TeamsDeps, context: TurnContext): Promise<void> {
  const visitor = await resolveVisitor(deps, context.activity);
  const value = (context.activity.value ?? {}) as MessageActionValue;
  const body = value.messagePayload?.body;
  const prefill = body?.content ? (body.contentType === "text" ? body.content.trim() : plainText(body.content)) : "";
  await invokeBody(
    context,
    taskContinue(visitor.language, suggestFormCard(visitor.language, { text: prefill }, { dialog: true })),
  );
}

/** composeExtension/submitAction: the dialog's form. A problem keeps the dialog open with it. */
export async function onSubmitAction(deps: TeamsDeps, context: TurnContext): Promise<void> {
  const value = (context.activity.value ?? {}) as MessageActionValue;
  const outcome = await submit(deps, context.activity, value.data ?? {}, { dialog: true });
  if (outcome.ok) return invokeBody(context, { task: { type: "message", value: outcome.thanks } });
  const language = isLanguage(value.data?.language)
    ? value.data.language
    : (await resolveVisitor(deps, context.activity)).language;
  await invokeBody(context, taskContinue(language, outcome.form));
}

function taskContinue(language: Language, card: AdaptiveCard): Json {
  return {
    task: {
      type: "continue",
      value: {
        title: suggestionTexts(language).modalTitle,
        height: "medium",
        width: "medium",
        card: { contentType: ADAPTIVE_CARD, content: card },
      },
    },
  };
}

async function invokeBody(context: TurnContext, body: Json): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
}

/** `ask` (leaders and admins), typed in a team channel: the rotating prompt goes there. */
export async function askCommand(
  deps: TeamsDeps,
  context: TurnContext,
  actor: TeamsActor,
  reply: Replies,
): Promise<void> {
  const { core } = deps;
  const t = suggestionTexts(actor.language);
  // Leaders and admins only, and in a channel: the core refuses otherwise and says why.
  const asked = await core.suggestions.ask({ actor, channel: actor.personal ? null : channelRefOf(context.activity) });
  if (!asked.ok)
    return reply.text(
      teamsText(
        { "not-allowed": t.askNotLeader, "no-channel": t.teamsAskInChannel, "not-posted": t.teamsAskFailed }[
          asked.reason
        ],
      ),
    );
  await reply.text(teamsText(t.askPosted));
}
