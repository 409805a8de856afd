// Check-ins in Slack: which listener answers what. The handlers live next to this file; the
// nudge messenger is what the core delivers nudges and reminders through.
import type { App, BlockAction, ButtonAction, ViewSubmitAction } from "@slack/bolt";
import type { SlackDeps } from "../context.js";
import { guardedAction, guardedCommand, guardedView } from "../guarded.js";
import { homeCheckin, rate, reflect, skip, snooze } from "./actions.js";
import { ACTION, CALLBACK } from "./blocks.js";
import { checkinCommand, meCommand } from "./commands.js";
import { publishHome } from "./home.js";
import { readCheckin, saveCheckin } from "./views.js";

export { SlackNudgeMessenger } from "./messenger.js";

type ButtonBody = BlockAction<ButtonAction>;

export function register(app: App, deps: SlackDeps): void {
  // These need the person's member row: read-or-created with the actor in one statement.
  const create = { create: true as const };
  app.command("/cx-me", guardedCommand(deps, meCommand, create));
  app.command("/cx-checkin", guardedCommand(deps, checkinCommand, create));

  app.action<ButtonBody>(new RegExp(`^${ACTION.rate}:[1-5]$`), guardedAction(deps, rate));
  app.action<ButtonBody>(ACTION.snooze, guardedAction(deps, snooze));
  app.action<ButtonBody>(ACTION.skip, guardedAction(deps, skip));
  app.action<ButtonBody>(ACTION.reflect, guardedAction(deps, reflect, create));
  app.action<ButtonBody>(ACTION.homeCheckin, guardedAction(deps, homeCheckin, create));

  app.view<ViewSubmitAction>(CALLBACK.checkin, guardedView(deps, { read: readCheckin, work: saveCheckin }, create));

  app.event("app_home_opened", (args) => publishHome(deps, args));
}
