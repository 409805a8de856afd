// Admin commands in Teams: `help`, and every command word no other job claims, which the core
// parses as an admin command (an unknown one is answered with the help).
import type { CommandRoute, Routes } from "../routes.js";
import { adminCommand, helpCommand } from "./commands.js";

const help: CommandRoute = { who: "member", handle: helpCommand };

export const adminRoutes: Routes = {
  // An empty message (the bot's @mention alone) asks for help too.
  commands: { help, hilfe: help, "": help },
  otherCommand: { who: "member", handle: adminCommand },
};
