// The one way a Slack listener that serves a person runs: ack() first (Slack wants an answer
// within 3 seconds, and Bolt sends it on ack), then, in an after-ack slot, resolve who is there,
// do the work, and turn any failure into a friendly private reply in the person's language,
// logged by the listener's name only (no payload, no person), never as a stack trace.
import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewOutput,
  ViewSubmitAction,
} from "@slack/bolt";
import type { Language, Member } from "../../core/shared/model.js";
import { texts } from "../../prompts/texts.js";
import { type Actor, resolveActor, type SlackDeps } from "./context.js";
import { ephemeral, inDm, privately } from "./replies.js";

/** Tells the person something privately: the way back depends on where they asked. */
export type Reply = (text: string) => Promise<unknown>;

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
export type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * `create: true`: the work needs the person's member row, read-or-created with the actor in one
 * statement. Without it nothing about the person is written (anonymous and raters' paths).
 */
interface Options<Create extends boolean> {
  create?: Create;
}
type ActorFor<Create extends boolean> = Create extends true ? Actor & { member: Member } : Actor;

/** What a guarded handler gets besides Bolt's arguments: the door, the person, and a way to answer them. */
export interface Context<A extends Actor = Actor> {
  deps: SlackDeps;
  actor: A;
  reply: Reply;
}
/** The context of a handler that needs the person's member row (registered with `create: true`). */
export type PersonContext = Context<Actor & { member: Member }>;

interface Who<Create extends boolean> {
  teamId: string;
  userId: string;
  create: Create;
}

/** The team of an interaction (buttons and forms carry it in one of two places). */
export const teamOf = (body: { team?: { id: string } | null; user: { team_id?: string } }) =>
  body.team?.id ?? body.user.team_id ?? "";

/**
 * Runs the work that follows an ack() in an after-ack slot. A failure is logged (without any
 * payload) and becomes a friendly private reply in the person's language when there is someone
 * to tell (`reply`), never silence.
 */
export async function guarded<Create extends boolean>(
  deps: SlackDeps,
  who: Who<Create>,
  failure: { log: Record<string, unknown>; message: string; reply: Reply | null },
  work: (actor: ActorFor<Create>) => Promise<void>,
): Promise<void> {
  let language: Language | null = null;
  try {
    await deps.afterAck.run(async () => {
      const actor = await resolveActor(deps, who.teamId, who.userId, { create: who.create });
      language = actor.language;
      await work(actor as ActorFor<Create>);
    });
  } catch (error) {
    deps.core.logger.error({ ...failure.log, reason: (error as Error).message }, failure.message);
    await failure.reply?.(texts(language ?? deps.core.defaults.language).genericError).catch(() => undefined);
  }
}

/** A slash command listener: replies are ephemeral, through the command's response_url. */
export function guardedCommand<Create extends boolean = false>(
  deps: SlackDeps,
  work: (context: Context<ActorFor<Create>>, args: CommandArgs) => Promise<void>,
  options: Options<Create> = {},
) {
  return async (args: CommandArgs): Promise<void> => {
    await args.ack();
    const { command } = args;
    const reply: Reply = (text) => args.respond(ephemeral(text));
    await guarded(
      deps,
      { teamId: command.team_id, userId: command.user_id, create: (options.create ?? false) as Create },
      { log: { command: command.command }, message: "slash command failed", reply },
      (actor) => work({ deps, actor, reply }, args),
    );
  };
}

/**
 * A button listener: replies are shown to the clicker only. A button in the App Home has no
 * response_url (Bolt then gives no respond()), so its replies go to the person's DM.
 */
export function guardedAction<Create extends boolean = false>(
  deps: SlackDeps,
  work: (context: Context<ActorFor<Create>>, args: ButtonArgs) => Promise<void>,
  options: Options<Create> = {},
) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const { body, client } = args;
    const reply: Reply = body.response_url
      ? (text) => args.respond(privately(text))
      : (text) => client.chat.postMessage(inDm(body.user.id, text));
    await guarded(
      deps,
      { teamId: teamOf(body), userId: body.user.id, create: (options.create ?? false) as Create },
      { log: { action: args.action.action_id }, message: "button action failed", reply },
      (actor) => work({ deps, actor, reply }, args),
    );
  };
}

/** What a submitted form holds, read before the ack: its input, or errors shown next to its fields. */
export type FormReading<Input> = { input: Input } | { errors: Record<string, string> } | { nothing: true };

/**
 * A form submission listener. `read` runs before the ack, without I/O (it must fit Slack's 3
 * seconds): errors are shown in the form, which stays open; `{ nothing: true }` closes a form
 * that carries nothing to do. Replies after the ack go to the person's DM (the form is closed).
 */
export function guardedView<Input, Create extends boolean = false>(
  deps: SlackDeps,
  form: {
    read: (view: ViewOutput) => FormReading<Input>;
    work: (context: Context<ActorFor<Create>>, input: Input, args: ViewArgs) => Promise<void>;
  },
  options: Options<Create> = {},
) {
  return async (args: ViewArgs): Promise<void> => {
    const { body, view, client } = args;
    const reading = form.read(view);
    if ("errors" in reading) return void (await args.ack({ response_action: "errors", errors: reading.errors }));
    await args.ack();
    if ("nothing" in reading) return;
    const reply: Reply = (text) => client.chat.postMessage(inDm(body.user.id, text));
    await guarded(
      deps,
      { teamId: teamOf(body), userId: body.user.id, create: (options.create ?? false) as Create },
      { log: { view: view.callback_id }, message: "form submission failed", reply },
      (actor) => form.work({ deps, actor, reply }, reading.input, args),
    );
  };
}
