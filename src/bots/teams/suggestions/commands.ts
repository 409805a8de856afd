// The suggestion box's text commands: `suggest [idea]` and `suggestions` (Visitors: nothing is
// written about the person) and `ask` (leaders and admins, in a team channel).
import { suggestionTexts } from "../../../prompts/suggestionTexts.js";
import type { TeamsActor, Visitor } from "../actor.js";
import { channelRefOf } from "../channels.js";
import { teamsText } from "../markdown.js";
import type { Command, Turn } from "../routes.js";
import { listCard, suggestFormCard } from "./cards.js";

/**
 * `suggest [idea]` opens the form, prefilled — in the personal chat only (the route says so): in
 * a channel the card would show the idea, and who asked for the form, to everyone before anything
 * is submitted.
 */
export async function suggestCommand(turn: Turn, visitor: Visitor, command: Command): Promise<void> {
  await turn.reply.card(suggestFormCard(visitor.language, { text: command.rest }));
}

/** `suggestions`: recent and top-voted, privately (in the personal chat). */
export async function listCommand(turn: Turn, visitor: Visitor): Promise<void> {
  await turn.reply.card(listCard(visitor.language, await turn.deps.core.suggestions.browse(visitor.workspace)));
}

/** `ask` (leaders and admins), typed in a team channel: the rotating prompt goes there. */
export async function askCommand(turn: Turn, actor: TeamsActor): Promise<void> {
  const t = suggestionTexts(actor.language);
  // Leaders and admins only, and in a channel: the core refuses otherwise and says why.
  const channel = actor.personal ? null : channelRefOf(turn.context.activity);
  const asked = await turn.deps.core.suggestions.ask({ actor, channel });
  if (!asked.ok)
    return turn.reply.text(
      teamsText(
        { "not-allowed": t.askNotLeader, "no-channel": t.teamsAskInChannel, "not-posted": t.teamsAskFailed }[
          asked.reason
        ],
      ),
    );
  await turn.reply.text(teamsText(t.askPosted));
}
