// The leader mirror in Slack: which listener answers what. The handlers are in listeners.ts; the
// messenger is what the core sends invitations, results and shared posts through. No listener
// here creates a member row (`create` is never set): a rater stays out of the members table.
import type { App, BlockAction, ButtonAction, ViewSubmitAction } from "@slack/bolt";
import type { SlackDeps } from "../context.js";
import { guardedAction, guardedCommand, guardedView } from "../guarded.js";
import { MIRROR_ACTION, MIRROR_CALLBACK } from "./blocks.js";
import {
  mirrorCommand,
  openAnswerForm,
  openSelfForm,
  openShareForm,
  readRating,
  readSharing,
  saveAnswer,
  saveSelfRating,
  share,
  showMine,
} from "./listeners.js";

export { SlackMirrorMessenger } from "./messenger.js";

type ButtonBody = BlockAction<ButtonAction>;

export function register(app: App, deps: SlackDeps): void {
  app.command("/cx-mirror", guardedCommand(deps, mirrorCommand));
  app.action<ButtonBody>(MIRROR_ACTION.openSelf, guardedAction(deps, openSelfForm));
  app.action<ButtonBody>(MIRROR_ACTION.openAnswer, guardedAction(deps, openAnswerForm));
  app.action<ButtonBody>(MIRROR_ACTION.showMine, guardedAction(deps, showMine));
  app.action<ButtonBody>(MIRROR_ACTION.openShare, guardedAction(deps, openShareForm));
  app.view<ViewSubmitAction>(MIRROR_CALLBACK.answer, guardedView(deps, { read: readRating, work: saveAnswer }));
  app.view<ViewSubmitAction>(MIRROR_CALLBACK.self, guardedView(deps, { read: readRating, work: saveSelfRating }));
  app.view<ViewSubmitAction>(MIRROR_CALLBACK.share, guardedView(deps, { read: readSharing, work: share }));
}
