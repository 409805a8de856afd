// The leader mirror in Teams (issue 12): `mirror …` commands, the card buttons — self-rating,
// answer, Share with my team, `me`'s Show my mirror (Action.Execute, with the Action.Submit
// fallback the other cards have) — and the messenger the core sends through. Every button is a
// Visitor route: who clicks is resolved without writing anything about them (no member row is
// created or touched, so no @updatedAt moves when a rater answers); the service decides.
import { CardFactory, MessageFactory, TeamsInfo, type TurnContext } from "botbuilder";
import { mirrorChartSpec } from "../../../charts/mirror.js";
import { chartPng } from "../../../charts/render.js";
import type { Core } from "../../../core/index.js";
import type { InviteView, MirrorMessenger, ResultsView, SelfRatingView } from "../../../core/mirror/ports.js";
import type { PersonCheck, StartRefusal } from "../../../core/mirror/service.js";
import { isLanguage, type Language, type Workspace } from "../../../core/shared/model.js";
import { DeliveryError } from "../../../core/shared/ports.js";
import { QUESTION_KEYS, type QuestionKey } from "../../../core/shared/questions.js";
import { longDate } from "../../../prompts/format.js";
import { mirrorRefusalText, mirrorShareText, mirrorStatusText, mirrorTexts } from "../../../prompts/mirrorTexts.js";
import { presenceTexts } from "../../../prompts/presenceTexts.js";
import { idsOf, type TeamsActor } from "../actor.js";
import type { AdaptiveCard } from "../adaptiveCard.js";
import { type ChannelPoster, channelRefOf, inChannel, isSharedConversation } from "../channels.js";
import { withDeliveryRetries } from "../delivery.js";
import { escapeMarkdown, teamsText } from "../markdown.js";
import { inPersonalChat, type Proactive } from "../proactive.js";
import type { CardRoute, Command, CommandRoute, Routes, TeamsDeps, Turn } from "../routes.js";
import {
  inviteCard,
  MIRROR_VERB,
  type MirrorVerb,
  noticeCard,
  overviewMirrorCard,
  resultsCard,
  selfRatingCard,
  sharedCard,
} from "./cards.js";

export { withShowMirror } from "./cards.js";

const attachment = (card: AdaptiveCard) => MessageFactory.attachment(CardFactory.adaptiveCard(card));

export class TeamsMirrorMessenger implements MirrorMessenger {
  constructor(
    private readonly core: Core,
    private readonly deps: Proactive & ChannelPoster,
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
  async sendResults(workspace: Workspace, leaderId: string, view: ResultsView): Promise<void> {
    const card = resultsCard(view, { chartPng: await mirrorPng(this.core, view) });
    return this.send(workspace, leaderId, card, "mirror results");
  }
  /** Into a team channel or group chat of the leader's (the service checked which). */
  async shareResults(workspace: Workspace, channelRef: string, view: ResultsView): Promise<void> {
    const card = sharedCard(view, await mirrorPng(this.core, view));
    await inChannel(this.deps, workspace, channelRef, async (context) => {
      await withDeliveryRetries("mirror share", () => context.sendActivity(attachment(card)), this.deps.retryPolicy);
    });
  }
}

/** The chart as PNG for the card's fallback; a chart that fails to render costs only the fallback. */
async function mirrorPng(core: Core, view: ResultsView): Promise<Buffer | null> {
  if (!view.results) return null;
  try {
    return await chartPng(mirrorChartSpec(view.results, view.language));
  } catch (error) {
    core.logger.warn(
      { reason: (error as Error).message },
      "the mirror chart could not be rendered; the card has Teams' own chart only",
    );
    return null;
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

/**
 * `me`'s "Show my mirror": the last round and the trend, read only when asked for. A Visitor
 * like the raters: reading writes nothing about the clicker; the service says whether they lead.
 */
const showMine: CardRoute = {
  who: "visitor",
  async handle(turn, actor) {
    const overview = await turn.deps.core.mirror.overview(actor);
    const timeZone = actor.member?.timezone ?? actor.workspace.timezone;
    const card = overview
      ? overviewMirrorCard(overview, actor.language, timeZone)
      : noticeCard(teamsText(mirrorTexts(actor.language).notLeader));
    return { kind: "card", card };
  },
};

/**
 * "Share with my team" on the results card: `shareForm` brings the card back with the leader's
 * team channels to pick from; `share` posts the same aggregate into the pick, and the card says
 * so. A Visitor, as the card's other buttons: the service checks that the clicker is the round's
 * leader (a card can be forged), that the round showed figures and that the channel is one of
 * the leader's; a refusal is told in the clicker's language, and nothing is posted.
 */
function shareAction(verb: typeof MIRROR_VERB.shareForm | typeof MIRROR_VERB.share): CardRoute {
  return {
    who: "visitor",
    async handle(turn, actor, { data }) {
      const { core, channels } = turn.deps;
      const roundId = typeof data.roundId === "string" ? data.roundId : "";
      const options = await core.mirror.shareOptions(actor, roundId);
      if (!options.ok) return { kind: "card", card: noticeCard(mirrorShareText(options.reason, actor.language)) };
      const { view } = options;
      const chartPng = await mirrorPng(core, view);
      const choices = options.channels.map((ref, i) => ({
        title: channels.nameOf(ref) ?? presenceTexts(view.language).teamsChannelLabel(i + 1),
        value: ref,
      }));
      if (verb === MIRROR_VERB.shareForm)
        return { kind: "card", card: resultsCard(view, { chartPng, shareChoices: choices }) };
      const channel = typeof data.channel === "string" ? data.channel : "";
      const result = await core.mirror.share({ actor, roundId, channel, teamChannelsOnly: true });
      const notice = teamsText(mirrorShareText(result, view.language));
      return {
        kind: "card",
        card: resultsCard(view, { chartPng, notice, ...(result === "ok" ? {} : { shareChoices: choices }) }),
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
      // In Teams the channel (or group chat) is where the command is typed, like digest-channel;
      // its presence signals are kept under the same reference.
      const channel = isSharedConversation(context.activity) ? channelRefOf(context.activity) : undefined;
      const result = await core.mirror.setChannels(actor, channel ? [channel] : []);
      return reply.text(teamsText(result.ok ? t.channelsSaved(result.count) : t.notLeader));
    }
    case "":
    case "status": {
      const status = await core.mirror.status(actor);
      if (!status.ok) return reply.text(teamsText(t.notLeader));
      const open = status.open;
      return reply.text(teamsText(open ? mirrorStatusText(open, language, timeZone) : t.noRound));
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
  return mirrorRefusalText(refusal, language, {
    person: (id) => escapeMarkdown(names.get(id) ?? id),
    openRound: (status) => mirrorStatusText(status, language, timeZone),
  });
}

const mirror: CommandRoute = {
  who: "member",
  handle: mirrorCommand,
  // `mirror schedule quarterly|off` is an admin command: the admin service parses and permits it.
  declines: (command) => (command.words[1] ?? "").toLowerCase() === "schedule",
};

export const mirrorRoutes: Routes = {
  cards: {
    [MIRROR_VERB.self]: mirrorAction(MIRROR_VERB.self),
    [MIRROR_VERB.answer]: mirrorAction(MIRROR_VERB.answer),
    [MIRROR_VERB.shareForm]: shareAction(MIRROR_VERB.shareForm),
    [MIRROR_VERB.share]: shareAction(MIRROR_VERB.share),
    [MIRROR_VERB.showMine]: showMine,
  },
  commands: { mirror, spiegel: mirror },
};
