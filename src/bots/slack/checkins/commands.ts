// Check-in slash commands: /cx-me (the leader's own overview, pause, resume) and /cx-checkin
// (the check-in form outside a nudge).
import { parseMeCommand } from "../../../core/checkins/commands.js";
import { memberTimeZone } from "../../../core/checkins/service.js";
import { meView } from "../../../views/me.js";
import type { CommandArgs, PersonContext } from "../guarded.js";
import { showMirrorButton } from "../mirror/blocks.js"; // leader mirror (issue 12)
import { ephemeral } from "../replies.js";
import { overviewBlocks } from "./blocks.js";
import { openCheckin } from "./views.js";

export async function meCommand({ deps, actor }: PersonContext, { command, respond }: CommandArgs) {
  const { member } = actor;
  const timeZone = memberTimeZone(member, actor.workspace);
  const outcome = await deps.core.checkins.me(member, actor.workspace, parseMeCommand(command.text), deps.core.clock());
  const view = meView(outcome, actor.language, timeZone);
  if (view.kind === "text") return void (await respond(ephemeral(view.text)));
  // Leader mirror (issue 12): a button to the last mirror, read on request (no statement more for /cx-me).
  await respond({
    response_type: "ephemeral",
    text: view.overview.title,
    blocks: [...overviewBlocks(view.overview, actor.language), showMirrorButton(actor.language)],
  });
}

/** The form for what the core offers now; a refusal (not a leader, say) is the ephemeral reply. */
export function checkinCommand(context: PersonContext, { command, client }: CommandArgs) {
  return openCheckin(context, client, command.trigger_id);
}
