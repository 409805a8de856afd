// The app installed in or removed from a person's personal chat: the conversation reference is
// stored (so nudges can reach them) and they are greeted once; removal switches it off.
import { texts } from "../../prompts/texts.js";
import { resolveActor } from "./actor.js";
import { isInstallation, isUninstallation, rememberConversation } from "./conversations.js";
import { teamsText } from "./markdown.js";
import type { Listener, Routes } from "./routes.js";

const onMembership: Listener = async ({ deps, context, reply }) => {
  const { activity } = context;
  if (isUninstallation(activity)) {
    const actor = await resolveActor(deps, activity);
    await deps.core.addresses.deactivate(actor.member);
    return;
  }
  if (!isInstallation(activity)) return;
  // The person who installs the app in a new tenant gives it their language (the activity's
  // locale); the identity service adopts it once, unless the tenant chose one already.
  const actor = await resolveActor(deps, activity, { installing: true });
  const fresh = await rememberConversation(deps.core, actor.member, activity);
  if (!fresh) return; // Teams sends installationUpdate and conversationUpdate for one install: greet once.
  const t = texts(actor.language);
  const tryOut = deps.localMode && actor.isAdmin;
  await reply.text(teamsText(tryOut ? `${t.teamsWelcome}\n\n${t.teamsLocalHint}` : t.teamsWelcome));
};

export const installationRoutes: Routes = {
  activities: {
    conversationUpdate: { personal: onMembership },
    installationUpdate: { personal: onMembership },
  },
};
