// One register function for the mirror in Slack: its listeners. The messenger the core uses is
// registered with the door's others (Core.registerPlatform in ../app.ts).
import type { App } from "@slack/bolt";
import type { SlackDeps } from "../context.js";
import { registerMirrorListeners } from "./listeners.js";

export { SlackMirrorMessenger } from "./messenger.js";

export function registerMirror(app: App, deps: SlackDeps): void {
  registerMirrorListeners(app, deps);
}
