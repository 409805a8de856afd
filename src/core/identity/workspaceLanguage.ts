// A new workspace speaks the language of the person who installs or first configures it, not
// the server's DEFAULT_LANGUAGE: otherwise an English-speaking team gets German channel posts
// next to an English personal chat. Adopted once; an admin's explicit choice (`language en|de`,
// the settings form) is never overridden, and neither is a workspace that chose before.
// Called by the identity service (someone installs the app) and the admin service (the first
// admin command), so no door decides this.
import type { Language, Workspace } from "../shared/model.js";
import type { WorkspaceStore } from "./ports.js";

export async function adoptLanguage(
  store: Pick<WorkspaceStore, "updateWorkspace">,
  workspace: Workspace,
  language: Language | null | undefined,
): Promise<Workspace> {
  if (workspace.languageChosen || !language) return workspace;
  return store.updateWorkspace(workspace.id, { language, languageChosen: true });
}
