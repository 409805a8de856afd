// Resolves who and where a Slack request comes from, through the core's identity service.

import type { Actor as CoreActor } from "../../core/identity/service.js";
import type { Core } from "../../core/index.js";
import type { Language, Member } from "../../core/shared/model.js";
import { texts } from "../../prompts/texts.js";
import type { AfterAckQueue } from "./afterAck.js";
import type { SlackPeople } from "./people.js";

export interface SlackDeps {
  core: Core;
  people: SlackPeople;
  /** Where follow-up work waits after ack(), so acks never queue behind it. */
  afterAck: AfterAckQueue;
}

export type Actor = CoreActor;

/**
 * The actor of a request. `create` reads-or-creates their member row with what Slack told us
 * about them (one statement); without it nothing about the person is written.
 */
export function resolveActor(
  deps: SlackDeps,
  teamId: string,
  userId: string,
  options: { create: true },
): Promise<Actor & { member: Member }>;
export function resolveActor(
  deps: SlackDeps,
  teamId: string,
  userId: string,
  options?: { create?: boolean },
): Promise<Actor>;
export async function resolveActor(
  deps: SlackDeps,
  teamId: string,
  userId: string,
  options: { create?: boolean } = {},
): Promise<Actor> {
  const person = await deps.people.lookup(userId).catch(() => null);
  const { isAdmin, ...profile } = person ?? { isAdmin: false };
  return deps.core.identity.resolve({
    platform: "slack",
    team: teamId,
    user: userId,
    ...(person ? { profile } : {}),
    create: Boolean(options.create),
    platformAdmin: isAdmin,
  });
}

/** The actor's member row, created on first use (for an actor resolved without `create`). */
export async function memberOf(deps: SlackDeps, actor: Actor): Promise<Member> {
  if (actor.member) return actor.member;
  return (await resolveActor(deps, actor.workspace.externalId, actor.userId, { create: true })).member;
}

/**
 * Runs the work that follows an ack() in an after-ack slot. A failure is logged (without any
 * payload) and becomes a friendly private reply in the person's language, never silence.
 * `create`: the work needs the person's member row (see resolveActor).
 */
export async function afterAckWork(
  deps: SlackDeps,
  who: { teamId: string; userId: string; create?: boolean },
  failure: { log: Record<string, unknown>; message: string; reply: (text: string) => Promise<unknown> },
  work: (actor: Actor) => Promise<void>,
): Promise<void> {
  let language: Language | null = null;
  try {
    await deps.afterAck.run(async () => {
      const actor = await resolveActor(deps, who.teamId, who.userId, { create: Boolean(who.create) });
      language = actor.language;
      await work(actor);
    });
  } catch (error) {
    deps.core.logger.error({ ...failure.log, reason: (error as Error).message }, failure.message);
    await failure.reply(texts(language ?? deps.core.defaults.language).genericError).catch(() => undefined);
  }
}
