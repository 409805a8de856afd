// `/cx-admin mirror …` in Slack (issue 12): the admin check happens in /cx-admin before this.
import { mirrorTexts } from "../../../prompts/mirrorTexts.js";
import type { Actor, SlackDeps } from "../context.js";

export async function mirrorAdminText(deps: SlackDeps, actor: Actor, text: string): Promise<string> {
  const t = mirrorTexts(actor.language);
  const outcome = await deps.core.mirror.adminCommand(actor.workspace, text.trim().split(/\s+/).slice(1));
  return outcome === "usage" ? t.scheduleUsage("slack") : t.scheduleSet(outcome === "quarterly");
}
