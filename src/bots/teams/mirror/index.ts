// The leader mirror in Teams (issue 12): `mirror …` commands, the self-rating and answer cards
// (Action.Execute, with the Action.Submit fallback the other cards have), and the messenger the
// core sends through. The raters' path resolves who is answering without writing anything about
// them (no member row is created or touched, so no @updatedAt moves when they answer).
import { CardFactory, MessageFactory, TeamsInfo, type TurnContext } from "botbuilder";
import type { Core } from "../../../core/index.js";
import type { InviteView, MirrorMessenger, ResultsView, SelfRatingView } from "../../../core/mirror/ports.js";
import type { PersonCheck, StartRefusal } from "../../../core/mirror/service.js";
import { isLanguage, type Language, type Workspace } from "../../../core/shared/model.js";
import { DeliveryError } from "../../../core/shared/ports.js";
import { QUESTION_KEYS, type QuestionKey } from "../../../core/shared/questions.js";
import { longDate } from "../../../prompts/format.js";
import { mirrorRefusalText, mirrorTexts } from "../../../prompts/mirrorTexts.js";
import { idsOf, type TeamsActor } from "../actor.js";
import type { AdaptiveCard } from "../adaptiveCard.js";
import { withDeliveryRetries } from "../delivery.js";
import { escapeMarkdown, teamsText } from "../markdown.js";
import { inPersonalChat, type Proactive } from "../proactive.js";
import type { CardRoute, Command, CommandRoute, Routes, TeamsDeps, Turn } from "../routes.js";
import { inviteCard, MIRROR_VERB, type MirrorVerb, noticeCard, resultsCard, selfRatingCard } from "./cards.js";

const attachment = (card: AdaptiveCard) => MessageFactory.attachment(CardFactory.adaptiveCard(card));

export class TeamsMirrorMessenger implements MirrorMessenger {
  constructor(
    private readonly core: Core,
    private readonly deps: Proactive,
  ) {}

  private async send(workspace: Workspace, externalId: string, card: AdaptiveCard, what: string): Promise<void> {
    const member = await this.core.identity.find(workspace, externalId);
    if (!member) throw new DeliveryError("teams: this person has no personal chat with the app", { permanent: true });
    await inPersonalChat(this.deps, member, async (context) => {
      await withDeliveryRetries(what, () => context.sendActivity(attachment(card)), this.deps.retryPolicy);
    });
  }

  sendSelfRating(workspace: Workspace, leaderId: string, view: SelfRatingView): Promise<void> {
    return this.send(workspace, leaderId, selfRatingCard(view), "mirror self-rating");
  }
  sendInvite(workspace: Workspace, raterId: string, view: InviteView): Promise<void> {
    return this.send(workspace, raterId, inviteCard(view, false), "mirror invitation");
  }
  sendReminder(workspace: Workspace, raterId: string, view: InviteView): Promise<void> {
    return this.send(workspace, raterId, inviteCard(view, true), "mirror reminder");
  }
  sendResults(workspace: Workspace, leaderId: string, view: ResultsView): Promise<void> {
    return this.send(workspace, leaderId, resultsCard(view), "mirror results");
  }
  async shareResults(): Promise<void> {
    throw new DeliveryError("teams: sharing the mirror into a channel is not available in Teams yet", {
      permanent: true,
    });
  }
}

/** The five answers of a submitted card; Teams sends inputs as strings. */
function answersOf(data: Record<string, unknown>): Partial<Record<QuestionKey, number>> {
  const out: Partial<Record<QuestionKey, number>> = {};
  for (const q of QUESTION_KEYS) if (data[q] !== undefined && data[q] !== "") out[q] = Number(data[q]);
  return out;
}

/**
 * A mirror card's button, for a Visitor: an answer must not create or update the rater's member
 * row. The card is replaced by a short notice — never by the answers.
 */
function mirrorAction(verb: MirrorVerb): CardRoute {
  return {
    who: "visitor",
    async handle(turn, actor, { data }) {
      const { core } = turn.deps;
      const language: Language = isLanguage(data.language) ? data.language : core.defaults.language;
      const t = mirrorTexts(language);
      const roundId = typeof data.roundId === "string" ? data.roundId : "";
      if (verb === MIRROR_VERB.answer) {
        const result = await core.mirror.answer({ actor, roundId, answers: answersOf(data) });
        const message = {
          ok: t.thanks,
          already: t.already,
          "not-invited": t.notInvited,
          closed: t.roundOver,
          incomplete: t.incomplete,
        }[result];
        return { kind: "card", card: noticeCard(message) };
      }
      const result = await core.mirror.selfRate(actor, roundId, answersOf(data));
      return {
        kind: "card",
        card: noticeCard(
          { ok: t.selfSaved, "not-yours": t.notYours, closed: t.roundOver, incomplete: t.selfIncomplete }[result],
        ),
      };
    },
  };
}

/** People @mentioned in the command (not the bot, not channels); bots are told apart by their "28:" id. */
async function mentioned(
  deps: TeamsDeps,
  context: TurnContext,
  actor: TeamsActor,
): Promise<{ ids: string[]; bots: string[]; names: Map<string, string> }> {
  const ids: string[] = [];
  const bots: string[] = [];
  const names = new Map<string, string>();
  for (const entity of context.activity.entities ?? []) {
    if (entity.type !== "mention") continue;
    const person = (entity as { mentioned?: { id?: string; aadObjectId?: string; name?: string } }).mentioned;
    if (!person?.id || person.id === context.activity.recipient?.id || person.id.startsWith("19:")) continue;
    if (person.id.startsWith("28:")) {
      bots.push(person.id);
      names.set(person.id, person.name ?? "bot");
      continue;
    }
    const aadObjectId =
      person.aadObjectId ??
      (await TeamsInfo.getMember(context, person.id).then(
        (m) => m.aadObjectId,
        () => undefined,
      ));
    const key = await deps.core.identity.personKey(
      actor.workspace,
      idsOf({ id: person.id, aadObjectId: aadObjectId ?? null }),
    );
    ids.push(key);
    names.set(key, person.name ?? key);
  }
  return { ids, bots, names };
}

/** In Teams a rater must have the app in their personal chat, or the invitation cannot reach them. */
async function checkTeamsPerson(
  deps: TeamsDeps,
  workspace: Workspace,
  id: string,
  bots: string[],
): Promise<PersonCheck> {
  if (bots.includes(id)) return { ok: false, reason: "bot" };
  const member = await deps.core.identity.find(workspace, id);
  const conversation = member ? await deps.core.addresses.get(member) : null;
  if (!member || !conversation) return { ok: false, reason: "unknown" };
  if (!conversation.active) return { ok: false, reason: "gone" };
  return { ok: true, language: member.language };
}

/** `mirror`, `mirror start @…`, `mirror raters @…`, `mirror channels` (in a channel). */
async function mirrorCommand(turn: Turn, actor: TeamsActor, command: Command): Promise<void> {
  const { deps, context, reply } = turn;
  const { words } = command;
  const { core } = deps;
  const language = actor.language;
  const t = mirrorTexts(language);
  const timeZone = actor.member.timezone ?? actor.workspace.timezone;
  const sub = (words[1] ?? "").toLowerCase();
  const { ids, bots, names } = await mentioned(deps, context, actor);
  const raters = [...ids, ...bots];
  const check = (id: string) => checkTeamsPerson(deps, actor.workspace, id, bots);
  const refusal = (r: StartRefusal) => refusalTextTeams(r, language, timeZone, names);
  switch (sub) {
    case "start": {
      const result = await core.mirror.start({ actor, raters, check });
      return reply.text(
        teamsText(
          result.ok ? t.started(result.invited, longDate(result.closesAt, language, timeZone)) : refusal(result),
        ),
      );
    }
    case "raters": {
      const result = await core.mirror.setRaters({ actor, raters, check });
      return reply.text(teamsText(result.ok ? t.ratersSaved(result.count) : refusal(result)));
    }
    case "channels": {
      // In Teams the channel is where the command is typed (like digest-channel).
      const channel =
        context.activity.conversation?.conversationType === "channel"
          ? (context.activity.channelData as { channel?: { id?: string } } | undefined)?.channel?.id
          : undefined;
      const result = await core.mirror.setChannels(actor, channel ? [channel] : []);
      return reply.text(teamsText(result.ok ? t.channelsSaved(result.count) : t.notLeader));
    }
    case "":
    case "status": {
      const status = await core.mirror.status(actor);
      if (!status.ok) return reply.text(teamsText(t.notLeader));
      const open = status.open;
      return reply.text(
        teamsText(
          open
            ? t.openStatus(open.invited, open.answered, longDate(open.closesAt, language, timeZone), open.selfRated)
            : t.noRound,
        ),
      );
    }
    default:
      return reply.text(teamsText(t.usage));
  }
}

function refusalTextTeams(
  refusal: StartRefusal,
  language: Language,
  timeZone: string,
  names: Map<string, string>,
): string {
  const t = mirrorTexts(language);
  return mirrorRefusalText(refusal, language, {
    person: (id) => escapeMarkdown(names.get(id) ?? id),
    openRound: (status) =>
      t.openStatus(status.invited, status.answered, longDate(status.closesAt, language, timeZone), status.selfRated),
  });
}

const mirror: CommandRoute = {
  who: "member",
  handle: mirrorCommand,
  // `mirror schedule quarterly|off` is an admin command: the admin service parses and permits it.
  declines: (command) => (command.words[1] ?? "").toLowerCase() === "schedule",
};

export const mirrorRoutes: Routes = {
  cards: { [MIRROR_VERB.self]: mirrorAction(MIRROR_VERB.self), [MIRROR_VERB.answer]: mirrorAction(MIRROR_VERB.answer) },
  commands: { mirror, spiegel: mirror },
};
