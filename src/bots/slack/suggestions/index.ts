// Suggestions in Slack: which listener answers what. The handlers are in listeners.ts; the
// messenger is what the core posts suggestions, answers and calls for ideas through.
import type { App, BlockAction, ButtonAction, ViewSubmitAction } from "@slack/bolt";
import type { SlackDeps } from "../context.js";
import { guardedAction, guardedCommand, guardedView } from "../guarded.js";
import { SUGGEST_ACTION, SUGGEST_CALLBACK } from "./blocks.js";
import {
  askCommand,
  openAnswerForm,
  openSuggestForm,
  readAnswer,
  saveAnswer,
  submitSuggestion,
  suggestCommand,
  vote,
} from "./listeners.js";

export { SlackSuggestionMessenger } from "./messenger.js";

type ButtonBody = BlockAction<ButtonAction>;

export function register(app: App, deps: SlackDeps): void {
  app.command("/cx-suggest", guardedCommand(deps, suggestCommand));
  app.command("/cx-ask", guardedCommand(deps, askCommand));
  app.action<ButtonBody>(SUGGEST_ACTION.open, guardedAction(deps, openSuggestForm));
  app.action<ButtonBody>(SUGGEST_ACTION.vote, guardedAction(deps, vote, { create: true }));
  app.action<ButtonBody>(SUGGEST_ACTION.respond, guardedAction(deps, openAnswerForm));
  app.view<ViewSubmitAction>(SUGGEST_CALLBACK.submit, (args) => submitSuggestion(deps, args));
  app.view<ViewSubmitAction>(SUGGEST_CALLBACK.respond, guardedView(deps, { read: readAnswer, work: saveAnswer }));
}
