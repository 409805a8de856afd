// The Teams route table (src/bots/teams/routes.ts): every job folder contributes its routes, and
// a verb, command word or activity claimed by two folders stops the door from starting.
import { describe, expect, it } from "vitest";
import { adminRoutes } from "../../src/bots/teams/admin/index.js";
import { checkinRoutes } from "../../src/bots/teams/checkins/index.js";
import { installationRoutes } from "../../src/bots/teams/installation.js";
import { mirrorRoutes } from "../../src/bots/teams/mirror/index.js";
import { activityKey, type Listener, type Routes, routeTable } from "../../src/bots/teams/routes.js";
import { suggestionRoutes } from "../../src/bots/teams/suggestions/index.js";

const listen: Listener = async () => undefined;
const presenceLike: Routes = { overheard: listen, activities: { conversationUpdate: { shared: listen } } };
const folders = [installationRoutes, checkinRoutes, suggestionRoutes, presenceLike, mirrorRoutes, adminRoutes];

describe("the Teams route table", () => {
  it("sends each verb, word and invoke to the folder that claims it", () => {
    const table = routeTable(...folders);
    expect(table.cards.get("rate")).toBe(checkinRoutes.cards?.rate);
    expect(table.cards.get("suggestion.vote")).toBe(suggestionRoutes.cards?.["suggestion.vote"]);
    expect(table.cards.get("mirror.answer")).toBe(mirrorRoutes.cards?.["mirror.answer"]);
    // Every mirror button reads who clicks without writing about them; the service checks the leader.
    for (const verb of ["mirror.self", "mirror.answer", "mirror.shareForm", "mirror.share", "mirror.showMine"])
      expect(table.cards.get(verb)?.who, verb).toBe("visitor");
    expect(table.commands.get("vorschläge")?.who).toBe("visitor");
    expect(table.commands.get("checkin")?.personalOnly).toBe(true);
    expect(table.invokes.get("composeExtension/submitAction")?.who).toBe("visitor");
    expect(table.activities.get(activityKey("conversationUpdate", "personal"))).toBe(
      installationRoutes.activities?.conversationUpdate?.personal,
    );
    expect(table.activities.get(activityKey("conversationUpdate", "shared"))).toBe(listen);
    // Words that are names on every object are words like any other: nobody claims them.
    expect(table.commands.get("constructor")).toBeUndefined();
    expect(table.cards.get("__proto__")).toBeUndefined();
  });

  it("leaves `mirror schedule` to the admin commands", () => {
    const mirror = routeTable(...folders).commands.get("mirror")!;
    const command = (text: string) => ({ text, words: text.split(" "), verb: "mirror", rest: "" });
    expect(mirror.declines?.(command("mirror schedule quarterly"))).toBe(true);
    expect(mirror.declines?.(command("mirror start"))).toBe(false);
  });

  it("refuses a verb, a word, an activity or a fallback claimed twice", () => {
    expect(() => routeTable(...folders, { cards: { skip: checkinRoutes.cards!.skip! } })).toThrow(
      /card verb "skip" is claimed twice/,
    );
    expect(() => routeTable(...folders, { commands: { idee: adminRoutes.otherCommand! } })).toThrow(
      /command word "idee"/,
    );
    expect(() => routeTable(...folders, { activities: { conversationUpdate: { shared: listen } } })).toThrow(
      /activity "conversationUpdate shared"/,
    );
    expect(() => routeTable(...folders, { otherCommand: adminRoutes.otherCommand! })).toThrow(/fallback command/);
  });

  it("needs the fallbacks", () => {
    expect(() => routeTable(checkinRoutes, suggestionRoutes)).toThrow(/fallback command/);
  });
});
