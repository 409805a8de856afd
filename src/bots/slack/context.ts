// Resolves who and where a Slack request comes from, through the core's identity service.

import type { Actor as CoreActor } from "../../core/identity/service.js";
import type { Core } from "../../core/index.js";
import type { Member } from "../../core/shared/model.js";
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
