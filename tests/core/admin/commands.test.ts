import { describe, expect, it } from "vitest";
import { parseAdminCommand } from "../../../src/core/admin/commands.js";

describe("parseAdminCommand", () => {
  it("reads leaders, schedules and settings", () => {
    expect(parseAdminCommand("leaders add <@U1> <@U2>", ["U1", "U2", "U1"])).toEqual({
      kind: "leaders-add",
      people: ["U1", "U2"],
    });
    expect(parseAdminCommand("leaders add", [])).toEqual({ kind: "usage", topic: "mentions" });
    expect(parseAdminCommand("schedule weekly fri 16:30", [])).toEqual({
      kind: "schedule",
      cadence: "weekly",
      weekday: 5,
      minute: 990,
    });
    expect(parseAdminCommand("schedule workdays 8", [])).toEqual({
      kind: "schedule",
      cadence: "workdays",
      minute: 480,
    });
    expect(parseAdminCommand("schedule monthly", [])).toEqual({ kind: "usage", topic: "schedule" });
    expect(parseAdminCommand("schedule weekly 25:00", [])).toEqual({ kind: "usage", topic: "schedule" });
    expect(parseAdminCommand("timezone Mars/Olympus", [])).toEqual({ kind: "usage", topic: "timezone" });
    expect(parseAdminCommand("timezone Asia/Tokyo", [])).toEqual({ kind: "timezone", timezone: "Asia/Tokyo" });
    expect(parseAdminCommand("", [])).toEqual({ kind: "help" });
  });
});
