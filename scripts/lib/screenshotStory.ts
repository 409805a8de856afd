// What `npm run screenshots` shows, kept apart from the browser driving so it can be checked
// without a browser: the people of the Playground's default team, eight weeks of channel messages
// for the digest chart, the Bot Framework activities that carry them through the Playground's
// "Mock an Activity → Custom activity", and where to find Chromium.
import fs from "node:fs";
import type { Tone } from "../../src/core/presence/classifier.js";
import { isoWeek, localDateTime } from "../../src/core/shared/time.js";

/** The Playground's built-in tenant (its default .m365agentsplayground.yml): ids the UI itself uses. */
export const PLAYGROUND = {
  tenantId: "00000000-0000-0000-0000-0000000000001",
  bot: { id: "00000000-0000-0000-0000-00000000000011", name: "Test Bot" },
  teamId: "team-id",
  /** Alex Wilber is the one signed in; the others are members of "My Team". */
  users: [
    { id: "user-id-0", aadObjectId: "00000000-0000-0000-0000-0000000000020", name: "Alex Wilber" },
    { id: "user-id-1", aadObjectId: "00000000-0000-0000-0000-0000000000021", name: "Megan Bowen" },
    { id: "user-id-2", aadObjectId: "00000000-0000-0000-0000-0000000000022", name: "Adele Vance" },
    { id: "user-id-3", aadObjectId: "00000000-0000-0000-0000-0000000000023", name: "Isaiah Langer" },
    { id: "user-id-4", aadObjectId: "00000000-0000-0000-0000-0000000000024", name: "Patti Fernandez" },
    { id: "user-id-5", aadObjectId: "00000000-0000-0000-0000-0000000000025", name: "Lynne Robbins" },
  ],
} as const;

export type PlaygroundUser = (typeof PLAYGROUND.users)[number];

/** The texts the digest is built from, with the label the built-in classifier is expected to give. */
const TEXTS = {
  onboarding: { text: "The customer loved the new onboarding call", customer: true, tone: "positive" },
  launchDay: {
    text: "A customer wrote that our support saved her launch day, thank you all",
    customer: true,
    tone: "positive",
  },
  renewal: { text: "Happy customer call today: they renewed for two more years", customer: true, tone: "positive" },
  visit: {
    text: "We visited two customers on Friday and learned a lot about how they use the app",
    customer: true,
    tone: "positive",
  },
  excelExport: { text: "Three customers asked for an export to Excel this week", customer: true, tone: "neutral" },
  austria: { text: "Customer asked whether we ship to Austria", customer: true, tone: "neutral" },
  tickets: {
    text: "Support tickets are down 20 % since the FAQ update, customers find answers themselves",
    customer: true,
    tone: "neutral",
  },
  manual: { text: "Customers who never read the manual, again", customer: true, tone: "negative" },
  sameQuestions: { text: "These users are so annoying, always the same questions", customer: true, tone: "negative" },
  standup: { text: "Standup moved to 10:00 tomorrow", customer: false, tone: null },
  deploy: { text: "Deploy of the billing service is done", customer: false, tone: null },
  review: { text: "Can someone review my pull request?", customer: false, tone: null },
  lunch: { text: "Lunch at the Italian place?", customer: false, tone: null },
  retro: { text: "Reminder: the retro is on Thursday", customer: false, tone: null },
  build: { text: "The build is red again", customer: false, tone: null },
} as const satisfies Record<string, { text: string; customer: boolean; tone: Tone | null }>;

type TextKey = keyof typeof TEXTS;

/**
 * Eight weeks, oldest first: customers come up more often and are spoken of more kindly as the
 * weeks go by — the kind of trend the digest exists to show. Each week has at least three
 * authors, so no week falls under the default minimum group size.
 */
const WEEKS: TextKey[][] = [
  ["manual", "standup", "deploy", "review", "lunch"],
  ["sameQuestions", "excelExport", "retro", "build", "standup"],
  ["manual", "austria", "onboarding", "deploy", "review"],
  ["excelExport", "sameQuestions", "renewal", "lunch", "build"],
  ["tickets", "onboarding", "manual", "retro", "standup"],
  ["launchDay", "austria", "visit", "deploy", "review"],
  ["renewal", "excelExport", "sameQuestions", "lunch", "build"],
  ["visit", "tickets", "launchDay", "onboarding", "standup"],
];

export interface SeedMessage {
  /** 1 = last week (the week `digest-now` reports), 8 = the oldest week of its chart. */
  weeksAgo: number;
  author: PlaygroundUser;
  text: string;
  expected: { customer: boolean; tone: Tone | null };
}

/** The seeded channel messages; authors rotate through the five team members who are not signed in. */
export function seedMessages(): SeedMessage[] {
  const authors = PLAYGROUND.users.slice(1);
  return WEEKS.flatMap((keys, w) =>
    keys.map((key, i) => {
      const { text, customer, tone } = TEXTS[key];
      return {
        weeksAgo: WEEKS.length - w,
        author: authors[(w + i) % authors.length]!,
        text,
        expected: { customer, tone },
      };
    }),
  );
}

const DAY_MS = 86_400_000;

/**
 * When the `index`-th message of a week `weeksAgo` weeks before `now`'s ISO week was written:
 * Tuesday to Thursday of that week, mid-morning UTC (the screenshot bot runs with time zone UTC,
 * so its weeks are these weeks).
 */
export function seedTimestamp(now: Date, weeksAgo: number, index: number): Date {
  const mondayOfThisWeek =
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - ((now.getUTCDay() + 6) % 7) * DAY_MS;
  return new Date(
    mondayOfThisWeek - weeksAgo * 7 * DAY_MS + (1 + (index % 3)) * DAY_MS + 9 * 3_600_000 + index * 60_000,
  );
}

/** The ISO week label ("2026-W48") the bot files a seeded message under (its time zone is UTC). */
export function seedWeek(now: Date, weeksAgo: number): string {
  return isoWeek(localDateTime(seedTimestamp(now, weeksAgo, 0), "UTC"));
}

/** Where the Playground's mocked connector listens; activities name it so the bot can answer. */
export const connectorUrl = (playgroundPort: number) => `http://localhost:${playgroundPort}/_connector`;

function channelActivity(playgroundPort: number, from: PlaygroundUser, conversationId: string) {
  return {
    channelId: "msteams",
    serviceUrl: connectorUrl(playgroundPort),
    recipient: PLAYGROUND.bot,
    conversation: { id: conversationId, isGroup: true, conversationType: "channel", tenantId: PLAYGROUND.tenantId },
    from: { id: from.id, aadObjectId: from.aadObjectId, name: from.name },
    // The General channel's id is the team's id in Teams; its name lets the digest say "General".
    channelData: {
      tenant: { id: PLAYGROUND.tenantId },
      team: { id: PLAYGROUND.teamId, name: "My Team" },
      channel: { id: PLAYGROUND.teamId, name: "General" },
    },
  };
}

/** A plain message in the team's General channel, as Teams sends it to a bot with channel consent. */
export function channelMessageActivity(message: SeedMessage, index: number, now: Date, playgroundPort: number) {
  return {
    type: "message",
    id: `screenshot-seed-${message.weeksAgo}-${index}`,
    timestamp: seedTimestamp(now, message.weeksAgo, index).toISOString(),
    ...channelActivity(playgroundPort, message.author, PLAYGROUND.teamId),
    text: message.text,
  };
}

/** What the Playground sends when its signed-in user clicks a card button (captured from the UI). */
export interface CardClick {
  verb: string;
  data: Record<string, unknown>;
  /** `team-id;messageid=…`: the post the card is on. */
  conversationId: string;
  replyToId: string;
}

/** Reads a card click from the body the Playground's page posts to its /_conversation/v1/invoke. */
export function parseCardClick(body: string): CardClick | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  const invoke = parsed as {
    name?: string;
    value?: { action?: { verb?: string; data?: Record<string, unknown> } };
    conversation?: { id?: string };
    replyToId?: string;
  };
  const action = invoke.value?.action;
  if (invoke.name !== "adaptiveCard/action" || !action?.verb || !invoke.conversation?.id || !invoke.replyToId)
    return null;
  return {
    verb: action.verb,
    data: action.data ?? {},
    conversationId: invoke.conversation.id,
    replyToId: invoke.replyToId,
  };
}

/** The same click by another member of the team: how the screenshots get more than one vote. */
export function cardClickActivity(click: CardClick, by: PlaygroundUser, now: Date, playgroundPort: number) {
  return {
    type: "invoke",
    name: "adaptiveCard/action",
    id: `screenshot-click-${by.id}-${now.getTime()}`,
    timestamp: now.toISOString(),
    ...channelActivity(playgroundPort, by, click.conversationId),
    replyToId: click.replyToId,
    value: { action: { type: "Action.Execute", verb: click.verb, data: click.data } },
  };
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The smallest rectangle around `boxes`, widened by `pad` on every side and kept on the page. */
export function clipAround(boxes: Box[], pad: number, page: { width: number; height: number }): Box {
  if (boxes.length === 0) throw new Error("nothing to clip around");
  const left = Math.max(0, Math.floor(Math.min(...boxes.map((b) => b.x)) - pad));
  const top = Math.max(0, Math.floor(Math.min(...boxes.map((b) => b.y)) - pad));
  const right = Math.min(page.width, Math.ceil(Math.max(...boxes.map((b) => b.x + b.width)) + pad));
  const bottom = Math.min(page.height, Math.ceil(Math.max(...boxes.map((b) => b.y + b.height)) + pad));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

export const CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

/**
 * The Chromium to drive: $CHROMIUM when set (it must exist), else Debian's package. Returns the
 * path or a message that says what to install; playwright-core downloads no browser of its own.
 */
export function findChromium(
  env: NodeJS.ProcessEnv,
  exists: (file: string) => boolean = fs.existsSync,
): { path: string } | { error: string } {
  const chosen = env.CHROMIUM?.trim();
  if (chosen)
    return exists(chosen) ? { path: chosen } : { error: `CHROMIUM is set to ${chosen}, but there is no such file.` };
  const found = CHROMIUM_CANDIDATES.find((file) => exists(file));
  if (found) return { path: found };
  return {
    error: `Chromium was not found (looked for ${CHROMIUM_CANDIDATES.join(", ")}). Install Debian's package with \`sudo apt-get install chromium\`, or set CHROMIUM to a Chromium or Chrome executable.`,
  };
}
