// Admin in Slack: /cx-admin and the settings form it opens. Admin has no messenger of its own:
// what it starts (a nudge round, a digest preview) goes out through the other jobs' senders.
import type { App, ViewSubmitAction } from "@slack/bolt";
import type { SlackDeps } from "../context.js";
import { guardedCommand, guardedView } from "../guarded.js";
import { SETTINGS_CALLBACK } from "./blocks.js";
import { adminCommand } from "./command.js";
import { readSettings, saveSettings } from "./settings.js";

export function register(app: App, deps: SlackDeps): void {
  app.command("/cx-admin", guardedCommand(deps, adminCommand));
  app.view<ViewSubmitAction>(SETTINGS_CALLBACK, guardedView(deps, { read: readSettings, work: saveSettings }));
}
