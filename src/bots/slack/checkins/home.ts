// Events API: the App Home tab shows the leader's own overview.
import type { App } from "@slack/bolt";
import { nextOccurrence } from "../../../core/checkins/schedule.js";
import { memberTimeZone } from "../../../core/checkins/service.js";
import { longDate, longDateTime } from "../../../prompts/format.js";
import { resolveActor, type SlackDeps } from "../context.js";
import { overviewMirrorBlocks } from "../mirror/blocks.js"; // leader mirror (issue 12)
import { homeView } from "./blocks.js";

export function registerEvents(app: App, deps: SlackDeps): void {
  const { core } = deps;
  app.event("app_home_opened", async ({ event, body, client }) => {
    if (event.tab !== "home") return;
    try {
      await deps.afterAck.run(() => publishHome());
    } catch (error) {
      core.logger.error(
        { event: "app_home_opened", reason: (error as Error).message },
        "publishing the App Home failed",
      );
    }

    async function publishHome() {
      const actor = await resolveActor(deps, body.team_id, event.user, { create: true });
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
    }
  });
}
