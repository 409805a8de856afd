// Customer presence in Teams: what happens in team channels and group chats without addressing
// the bot (messages, edits, deletes, the bot being added or removed), and the messenger the core
// posts notices, digests and previews through.
import type { Activity } from "botbuilder";
import type { Core } from "../../../core/index.js";
import type { ChannelPoster } from "../channels.js";
import { type Listener, Redeliver, type Routes } from "../routes.js";
import { TeamsPresence } from "./measuring.js";

export { TeamsPresenceMessenger } from "./messenger.js";

type Measure = (activity: Partial<Activity>) => Promise<void>;

export function presenceRoutes(core: Core, poster: ChannelPoster): Routes {
  const presence = new TeamsPresence(core, poster);

  /**
   * Measuring never talks back into a channel: a failure is logged (without any text). A message,
   * edit or delete is then answered with an error status, so Teams delivers it again; the bot
   * added to or removed from a team or group chat is only logged.
   */
  const measuring =
    (what: string, measure: Measure, onFailure: "redeliver" | "log" = "redeliver"): Listener =>
    async ({ context }) => {
      try {
        await measure(context.activity);
      } catch (error) {
        core.logger.error({ activity: what, reason: (error as Error).message }, "measuring customer presence failed");
        if (onFailure === "redeliver") throw new Redeliver((error as Error).message);
      }
    };

  const membership = measuring("conversationUpdate", (activity) => presence.conversationUpdate(activity), "log");
  return {
    overheard: measuring("message", (activity) => presence.message(activity)),
    activities: {
      messageUpdate: { shared: measuring("messageUpdate", (activity) => presence.update(activity)) },
      messageDelete: { shared: measuring("messageDelete", (activity) => presence.remove(activity)) },
      conversationUpdate: { shared: membership },
      installationUpdate: { shared: membership },
    },
  };
}
