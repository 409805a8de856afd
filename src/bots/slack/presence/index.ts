// Customer presence in Slack: which listener answers what. The handlers are in listeners.ts;
// the messenger is what the core posts notices, digests and previews through.
import type { App } from "@slack/bolt";
import { IngestBatcher } from "../../../core/presence/batcher.js";
import type { SlackDeps } from "../context.js";
import { ingestMessage, joinedChannel, leftChannel } from "./listeners.js";

export { SlackPresenceMessenger } from "./messenger.js";

export function register(app: App, deps: SlackDeps): void {
  const batcher = new IngestBatcher(deps.core.presence);
  app.event("message", (args) => ingestMessage(deps, batcher, args));
  app.event("member_joined_channel", (args) => joinedChannel(deps, args));
  app.event("channel_left", ({ event, body }) => leftChannel(deps, body.team_id, event.channel));
  app.event("group_left", ({ event, body }) => leftChannel(deps, body.team_id, event.channel));
  app.event("member_left_channel", async ({ event, body, context }) => {
    if (event.user === context.botUserId) await leftChannel(deps, body.team_id, event.channel);
  });
}
