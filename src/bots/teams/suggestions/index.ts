// The suggestion box in Teams: the `suggest` card, the "Suggest from this message" message action,
// votes and answers on the channel post, `suggestions` and `ask`, and the messenger the core uses
// to post, update and notify.
import type { CommandRoute, Routes } from "../routes.js";
import { cardRoutes } from "./actions.js";
import { askCommand, listCommand, suggestCommand } from "./commands.js";
import { invokeRoutes } from "./messageExtension.js";

export { TeamsSuggestionMessenger } from "./messenger.js";

const suggest: CommandRoute = { who: "visitor", personalOnly: true, handle: suggestCommand };
const list: CommandRoute = { who: "visitor", personalOnly: true, handle: listCommand };
const ask: CommandRoute = { who: "member", handle: askCommand };

export const suggestionRoutes: Routes = {
  cards: cardRoutes,
  invokes: invokeRoutes,
  commands: {
    suggest,
    vorschlagen: suggest,
    idee: suggest,
    suggestions: list,
    vorschläge: list,
    vorschlaege: list,
    ask,
    fragen: ask,
  },
};
