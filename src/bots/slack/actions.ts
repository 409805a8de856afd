// Button clicks on nudges and the App Home. Ack first; the message is updated by the core
// through the messenger, so Slack and Teams share one answer path.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { AnswerResult, CheckInRefusal } from "../../core/checkins/nudges.js";
import { isQuestionKey, isRating } from "../../core/shared/questions.js";
import { checkInRefusalText, texts } from "../../prompts/texts.js";
import { ACTION, parseRateValue } from "./blocks.js";
import { openCheckin } from "./commands.js";
import { type Actor, afterAckWork, type SlackDeps } from "./context.js";
import { slackText } from "./mrkdwn.js";

type ButtonBody = BlockAction<ButtonAction>;

export function registerActions(app: App, deps: SlackDeps): void {
  const { core } = deps;

  app.action<ButtonBody>(new RegExp(`^${ACTION.rate}:[1-5]$`), async ({ ack, body, action, respond }) => {
    await ack();
    await guarded(deps, body, respond, async (actor) => {
      const parsed = parseRateValue(action.value ?? "");
      if (!parsed || !isQuestionKey(parsed.question) || !isRating(parsed.rating))
        return refusal(actor, { ok: false, reason: "not-found" }, respond);
      const result = await core.nudges.answer({
        nudgeId: parsed.nudgeId,
        platformUserId: actor.userId,
        question: parsed.question,
        rating: parsed.rating,
      });
      await refusal(actor, result, respond);
    });
  });

  app.action<ButtonBody>(ACTION.snooze, async ({ ack, body, action, respond }) => {
    await ack();
    await guarded(deps, body, respond, async (actor) =>
      refusal(actor, await core.nudges.snooze(action.value ?? "", actor.userId), respond),
    );
  });

  app.action<ButtonBody>(ACTION.skip, async ({ ack, body, action, respond }) => {
    await ack();
    await guarded(deps, body, respond, async (actor) =>
      refusal(actor, await core.nudges.skip(action.value ?? "", actor.userId), respond),
    );
  });

  app.action<ButtonBody>(ACTION.reflect, async ({ ack, body, action, client, respond }) => {
    await ack();
    await guarded(deps, body, respond, async (actor) => {
      // The core refuses anyone but the nudge's leader.
      const shown = await core.nudges.show(action.value ?? "", actor.userId);
      if (!shown.ok) return refusal(actor, shown, respond);
      await openCheckin(deps, actor, client, body.trigger_id, (text) => respond(privately(text)), shown.nudge);
    });
  });

  app.action<ButtonBody>(ACTION.homeCheckin, async ({ ack, body, client, respond }) => {
    await ack();
    // The App Home has no response_url: a refusal goes to the person's DM.
    await guarded(
      deps,
      body,
      respond,
      (actor) =>
        openCheckin(deps, actor, client, body.trigger_id, (text) =>
          client.chat.postMessage({ channel: actor.userId, text: slackText(text) }),
        ),
      { create: true },
    );
  });
}

/** A private reply of our copy, in mrkdwn. */
const privately = (text: string) => ({
  response_type: "ephemeral" as const,
  replace_original: false,
  text: slackText(text),
});

/** Tells the clicker privately why nothing happened; a successful answer needs no reply. */
async function refusal(
  actor: Actor,
  result: AnswerResult | CheckInRefusal,
  respond: (msg: object) => Promise<unknown>,
) {
  if (result.ok) return;
  await respond(privately(checkInRefusalText(texts(actor.language), result.reason)));
}

/**
 * Runs a button handler; a failure becomes a friendly private reply in the clicker's language.
 * `create`: the handler needs the clicker's member row (see resolveActor).
 */
export async function guarded(
  deps: SlackDeps,
  body: ButtonBody,
  respond: (msg: object) => Promise<unknown>,
  work: (actor: Actor) => Promise<void>,
  options: { create?: boolean } = {},
) {
  await afterAckWork(
    deps,
    { teamId: body.team?.id ?? body.user.team_id ?? "", userId: body.user.id, create: Boolean(options.create) },
    {
      log: { action: body.actions[0]?.action_id },
      message: "button action failed",
      reply: (text) => respond(privately(text)),
    },
    work,
  );
}
