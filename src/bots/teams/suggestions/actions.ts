// The suggestion cards' buttons (Action.Execute, or their Action.Submit fallback): open and submit
// the form — as a Visitor, so nothing about the submitter is written — and, by named people with
// a member row like any other click, vote, and (leaders and admins) answer on the channel post.
import { isLanguage } from "../../../core/shared/model.js";
import { isResponseStatus, type Suggestion } from "../../../core/suggestions/ports.js";
import { suggestionTexts } from "../../../prompts/suggestionTexts.js";
import { texts } from "../../../prompts/texts.js";
import type { TeamsActor } from "../actor.js";
import { teamsText } from "../markdown.js";
import type { CardAction, CardOutcome, CardRoute, Turn } from "../routes.js";
import { respondFormCard, SUGGESTION_VERB, suggestFormCard, thanksCard } from "./cards.js";
import { postCardFor } from "./messenger.js";
import { submit } from "./submit.js";

type MemberAction = (
  turn: Turn,
  actor: TeamsActor,
  suggestion: Suggestion,
  data: CardAction["data"],
) => Promise<CardOutcome>;

/** A button on a suggestion: the suggestion it names, found in the clicker's own workspace only. */
function onSuggestion(action: MemberAction): CardRoute {
  return {
    who: "member",
    async handle(turn, actor, { data }) {
      const suggestionId = typeof data.suggestionId === "string" ? data.suggestionId : "";
      const suggestion = suggestionId ? await turn.deps.core.suggestions.get(suggestionId) : null;
      if (!suggestion || suggestion.workspaceId !== actor.workspace.id)
        return { kind: "text", text: teamsText(texts(actor.language).genericError) };
      return action(turn, actor, suggestion, data);
    },
  };
}

async function postCard(turn: Turn, actor: TeamsActor, suggestion: Suggestion): Promise<CardOutcome> {
  const view = { ...suggestion, language: actor.workspace.language };
  return { kind: "card", card: await postCardFor(turn.deps.core, actor.workspace, view) };
}

const notAllowed = (actor: TeamsActor): CardOutcome => ({
  kind: "text",
  text: teamsText(suggestionTexts(actor.language).notAllowedToRespond),
});

/** Leaders and admins only (the core refuses anyone else): the answer form, with `problem` if the last try had one. */
async function answerForm(
  turn: Turn,
  actor: TeamsActor,
  suggestion: Suggestion,
  problem?: string,
): Promise<CardOutcome> {
  const found = await turn.deps.core.suggestions.forAnswer(actor, suggestion.id);
  if (!found.ok) return notAllowed(actor);
  return { kind: "card", card: respondFormCard(actor.language, found.suggestion, problem) };
}

export const cardRoutes: Record<string, CardRoute> = {
  [SUGGESTION_VERB.open]: {
    who: "visitor",
    handle: async (_turn, visitor, { data }) => ({
      kind: "card",
      card: suggestFormCard(isLanguage(data.language) ? data.language : visitor.language, { text: "" }),
    }),
  },
  [SUGGESTION_VERB.submit]: {
    who: "visitor",
    async handle(turn, visitor, { data }) {
      const outcome = await submit(turn, visitor, data);
      return { kind: "card", card: outcome.ok ? thanksCard(outcome.thanks) : outcome.form };
    },
  },
  [SUGGESTION_VERB.vote]: onSuggestion(async (turn, actor, suggestion) => {
    // The invoke's activity id is repeated by a platform retry of the same click.
    const updated = await turn.deps.core.suggestions.toggleVote({
      voter: actor,
      suggestionId: suggestion.id,
      actionId: turn.context.activity.id ?? `${Date.now()}`,
    });
    return postCard(turn, actor, updated ?? suggestion);
  }),
  [SUGGESTION_VERB.cancel]: onSuggestion((turn, actor, suggestion) => postCard(turn, actor, suggestion)),
  [SUGGESTION_VERB.respondForm]: onSuggestion((turn, actor, suggestion) => answerForm(turn, actor, suggestion)),
  [SUGGESTION_VERB.respond]: onSuggestion(async (turn, actor, suggestion, data) => {
    const { core } = turn.deps;
    const status = data.status;
    if (!isResponseStatus(status))
      return answerForm(turn, actor, suggestion, suggestionTexts(actor.language).teamsNoResponseStatus);
    const note = typeof data.note === "string" ? data.note : null;
    const answered = await core.suggestions.respond({ actor, suggestionId: suggestion.id, status, note });
    if (!answered.ok) return notAllowed(actor);
    turn.deps.background(() => core.suggestions.deliverPending(), "suggestion answer");
    return postCard(turn, actor, answered.suggestion);
  }),
};
