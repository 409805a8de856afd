// The leader's own commands in the personal chat: `checkin` (this week's card), `me` (their
// trend), `pause 2w` and `resume`. The core decides; this file renders its answer.
import { parseMeCommand } from "../../../core/checkins/commands.js";
import { memberTimeZone } from "../../../core/checkins/service.js";
import { checkInRefusalText, texts } from "../../../prompts/texts.js";
import { meView } from "../../../views/me.js";
import type { TeamsActor } from "../actor.js";
import { teamsText } from "../markdown.js";
import { withShowMirror } from "../mirror/index.js";
import type { Turn } from "../routes.js";
import { currentModel } from "./cardActions.js";
import { checkinCard, overviewCard } from "./cards.js";

/** `checkin`: the card as the core offers it now (this week's nudge if there is one), or why not. */
export async function checkinCommand(turn: Turn, actor: TeamsActor): Promise<void> {
  const shown = await currentModel(turn.deps.core, actor, null);
  if (!shown.ok) return turn.reply.text(teamsText(checkInRefusalText(texts(actor.language), shown.reason)));
  return turn.reply.card(
    checkinCard({ ...shown.model, status: Object.keys(shown.model.ratings).length ? "answered" : "sent" }),
  );
}

/** `me [pause 2w | resume]` (args after `me`) and `pause 2w` / `resume` (the whole text). */
export async function meCommand(turn: Turn, actor: TeamsActor, args: string): Promise<void> {
  const { core } = turn.deps;
  const { reply } = turn;
  const timeZone = memberTimeZone(actor.member, actor.workspace);
  const outcome = await core.checkins.me(actor.member, actor.workspace, parseMeCommand(args), core.clock());
  const view = meView(outcome, actor.language, timeZone);
  if (view.kind === "text") return reply.text(teamsText(view.text));
  const card = overviewCard(view.overview);
  // Leader mirror (issue 12): a button to the last mirror, read on request (no statement more for `me`).
  return reply.card(actor.isLeader ? withShowMirror(card, actor.language) : card);
}
