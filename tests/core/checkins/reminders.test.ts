import { describe, expect, it } from "vitest";
import { parseAdminCommand } from "../../../src/core/admin/commands.js";
import { reminderTime } from "../../../src/core/checkins/reminders.js";
import type { Workspace } from "../../../src/core/shared/model.js";

const workspace = (includeWeekends: boolean) => ({ nudgeMinute: 9 * 60, includeWeekends }) as Workspace;

describe("when the one reminder is due", () => {
  it("is the next working day at the nudge time, in the leader's time zone", () => {
    // Monday 09:00 Berlin → Tuesday 09:00 Berlin.
    expect(reminderTime(new Date("2026-11-23T08:00:00Z"), workspace(false), "Europe/Berlin").toISOString()).toBe(
      "2026-11-24T08:00:00.000Z",
    );
    // A nudge sent late on Monday afternoon is still reminded Tuesday morning.
    expect(reminderTime(new Date("2026-11-23T15:30:00Z"), workspace(false), "Europe/Berlin").toISOString()).toBe(
      "2026-11-24T08:00:00.000Z",
    );
    // Friday → Monday, unless weekends are nudge days.
    expect(reminderTime(new Date("2026-11-27T08:00:00Z"), workspace(false), "Europe/Berlin").toISOString()).toBe(
      "2026-11-30T08:00:00.000Z",
    );
    expect(reminderTime(new Date("2026-11-27T08:00:00Z"), workspace(true), "Europe/Berlin").toISOString()).toBe(
      "2026-11-28T08:00:00.000Z",
    );
    // 09:00 in New York.
    expect(reminderTime(new Date("2026-11-23T14:00:00Z"), workspace(false), "America/New_York").toISOString()).toBe(
      "2026-11-24T14:00:00.000Z",
    );
  });

  it("is switched per workspace with reminders on|off (erinnerungen in German)", () => {
    expect(parseAdminCommand("reminders off", [])).toEqual({ kind: "reminders", on: false });
    expect(parseAdminCommand("Erinnerungen on", [])).toEqual({ kind: "reminders", on: true });
    expect(parseAdminCommand("reminders maybe", [])).toEqual({ kind: "usage", topic: "reminders" });
  });
});
