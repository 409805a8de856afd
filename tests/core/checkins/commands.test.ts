import { describe, expect, it } from "vitest";
import { parseMeCommand } from "../../../src/core/checkins/commands.js";

describe("parseMeCommand", () => {
  it("reads pause durations in days and weeks, within bounds", () => {
    expect(parseMeCommand("")).toEqual({ kind: "overview" });
    expect(parseMeCommand("pause 2w")).toEqual({ kind: "pause", days: 14 });
    expect(parseMeCommand("pause 10d")).toEqual({ kind: "pause", days: 10 });
    expect(parseMeCommand("pause 27w")).toEqual({ kind: "usage" });
    expect(parseMeCommand("pause")).toEqual({ kind: "usage" });
    expect(parseMeCommand("resume")).toEqual({ kind: "resume" });
  });
});
