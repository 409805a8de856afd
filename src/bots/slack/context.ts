// Resolves who and where a Slack request comes from: workspace row, member row, language.
import type { Core } from "../../core/index.js";
import type { Language, Member, Workspace } from "../../core/shared/model.js";
import type { SlackPeople, SlackPerson } from "./people.js";
import type { AfterAckQueue } from "./afterAck.js";
import { texts } from "../../prompts/texts.js";

export interface SlackDeps {
  core: Core;
  people: SlackPeople;
  /** Where follow-up work waits after ack(), so acks never queue behind it. */
  afterAck: AfterAckQueue;
}

export interface Actor {
  workspace: Workspace;
  person: SlackPerson | null;
  language: Language;
  userId: string;
}

export async function resolveActor(deps: SlackDeps, teamId: string, userId: string): Promise<Actor> {
  const { core, people } = deps;
  const workspace = await core.store.ensureWorkspace("slack", teamId, core.defaults);
  const person = await people.lookup(userId).catch(() => null);
  const member = await core.store.findMember(workspace.id, userId);
  return { workspace, person, userId, language: member?.language ?? person?.language ?? workspace.language };
}

/** The actor's member row, created on first use, with what Slack told us about them. */
export async function memberOf(deps: SlackDeps, actor: Actor): Promise<Member> {
  const { isAdmin: _ignored, ...profile } = actor.person ?? { isAdmin: false };
  return deps.core.store.ensureMember(actor.workspace.id, actor.userId, profile);
}

export function isAdmin(deps: SlackDeps, actor: Actor): boolean {
  return deps.core.admins.has(actor.userId) || actor.workspace.admins.includes(actor.userId) || Boolean(actor.person?.isAdmin);
}

/**
 * Runs the work that follows an ack() in an after-ack slot. A failure is logged (without any
 * payload) and becomes a friendly private reply in the person's language, never silence.
 */
export async function afterAckWork(
  deps: SlackDeps,
  who: { teamId: string; userId: string },
  failure: { log: Record<string, unknown>; message: string; reply: (text: string) => Promise<unknown> },
  work: (actor: Actor) => Promise<void>,
): Promise<void> {
  let language: Language | null = null;
  try {
    await deps.afterAck.run(async () => {
      const actor = await resolveActor(deps, who.teamId, who.userId);
      language = actor.language;
      await work(actor);
    });
  } catch (error) {
    deps.core.logger.error({ ...failure.log, reason: (error as Error).message }, failure.message);
    await failure.reply(texts(language ?? deps.core.defaults.language).genericError).catch(() => undefined);
  }
}
