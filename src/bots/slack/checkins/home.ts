// The App Home tab: the leader's own overview, the next nudge and (leader mirror) the last mirror.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { nextOccurrence } from "../../../core/checkins/schedule.js";
import { memberTimeZone } from "../../../core/checkins/service.js";
import { longDate, longDateTime } from "../../../prompts/format.js";
import type { SlackDeps } from "../context.js";
import { guarded } from "../guarded.js";
import { overviewMirrorBlocks } from "../mirror/blocks.js"; // leader mirror (issue 12)
import { homeView } from "./blocks.js";

type HomeOpened = SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs;

/** Publishes the home tab when it is opened. Nobody asked a question: a failure is only logged. */
export async function publishHome(deps: SlackDeps, { event, body, client }: HomeOpened): Promise<void> {
  if (event.tab !== "home") return;
  const { core } = deps;
  const who = { teamId: body.team_id, userId: event.user, create: true as const };
  const failure = { log: { event: "app_home_opened" }, message: "publishing the App Home failed", reply: null };
  await guarded(deps, who, failure, async (actor) => {
    const { member } = actor;
    const now = core.clock();
    const timeZone = memberTimeZone(member, actor.workspace);
    const overview = await core.checkins.overview(member, actor.workspace, now);
    const paused =
      member.pausedUntil && member.pausedUntil > now ? longDate(member.pausedUntil, actor.language, timeZone) : null;
    const next = member.isLeader && !paused ? nextOccurrence(actor.workspace, timeZone, now) : null;
    const view = homeView(
      overview,
      actor.language,
      paused,
      next ? longDateTime(next.dueAt, actor.language, timeZone) : null,
    );
    // Leader mirror (issue 12): the last mirror and its trend; the service gives it to leaders only.
    const mirror = await core.mirror.overview(actor);
    if (mirror) view.blocks.push({ type: "divider" }, ...overviewMirrorBlocks(mirror, actor.language, timeZone));
    await client.views.publish({ user_id: event.user, view });
  });
}
