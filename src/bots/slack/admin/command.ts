// /cx-admin: parsed into a command the core's AdminService runs (and refuses for non-admins);
// here each kind of answer is laid out.
import { type AdminCommand, parseAdminCommand } from "../../../core/admin/commands.js";
import { dashboardTexts } from "../../../prompts/dashboardTexts.js";
import { presenceTexts } from "../../../prompts/presenceTexts.js";
import { texts } from "../../../prompts/texts.js";
import { nudgeNowDone, nudgeNowStart } from "../../../views/nudgeNow.js";
import type { CommandArgs, Context } from "../guarded.js";
import {
  channelMention,
  escapeMrkdwn,
  mention,
  mentionedChannels,
  mentionedUsers,
  unescapeSlackText,
} from "../mrkdwn.js";
import { ephemeral } from "../replies.js";
import { settingsModal } from "./blocks.js";

export async function adminCommand({ deps, actor }: Context, { command, respond, client }: CommandArgs) {
  const t = texts(actor.language);
  const parsed = withPlainTerms(
    parseAdminCommand(command.text, mentionedUsers(command.text), mentionedChannels(command.text)),
  );
  const reply = await deps.core.admin.run(parsed, {
    actor,
    mention,
    channel: channelMention,
    literal: escapeMrkdwn,
    profile: (userId) => deps.people.profile(userId),
  });
  switch (reply.kind) {
    case "refused":
      return void (await respond(
        ephemeral(reply.reason === "not-viewer" ? dashboardTexts(actor.language).notViewer : t.notAdmin),
      ));
    case "text":
      return void (await respond(ephemeral(reply.text, reply.withHelp ? t.adminHelp : undefined)));
    case "open-settings":
      return void (await client.views.open({
        trigger_id: command.trigger_id,
        view: settingsModal(reply.workspace, actor.language),
      }));
    case "dashboard": {
      // Ephemeral: the personal link is shown to the person who asked, and to no one else.
      const dt = dashboardTexts(actor.language);
      const link = await reply.issue();
      return void (await respond(ephemeral(dt.link(`<${link.url}|${dt.linkLabel}>`, reply.minutes))));
    }
    case "digest-now": {
      const sent = await reply.start();
      // Typed in the bot's own direct message, the preview just appeared right there: saying
      // "I sent you a preview as a direct message" under it would only repeat it.
      if (sent && sent.channelRef === command.channel_id) return;
      return void (await respond(ephemeral(presenceTexts(actor.language).digestPreviewSent)));
    }
    case "nudge-now": {
      const start = nudgeNowStart(reply.leaders, actor.language);
      await respond(ephemeral(start.text));
      if (start.kind === "none") return;
      const report = await reply.start();
      return void (await respond(ephemeral(nudgeNowDone(report, actor.language))));
    }
  }
}

/** Slack sends "&", "<" and ">" in command text as entities: a term is stored as the person typed it. */
function withPlainTerms(command: AdminCommand): AdminCommand {
  if (command.kind === "presence-terms-add" || command.kind === "presence-terms-remove")
    return { ...command, terms: command.terms.map(unescapeSlackText) };
  return command;
}
