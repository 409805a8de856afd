// One register function for the mirror in Slack: listeners and the messenger the core uses.
import type { App } from "@slack/bolt";
import type { SlackDeps } from "../context.js";
import { registerMirrorListeners } from "./listeners.js";
import { SlackMirrorMessenger } from "./messenger.js";

export function registerMirror(app: App, deps: SlackDeps): void {
  const { core } = deps;
  core.mirror.registerMessenger("slack", new SlackMirrorMessenger(app.client, (reason) => core.logger.warn({ reason }, "the mirror chart could not be uploaded; the figures were posted")));
  registerMirrorListeners(app, deps);
}
