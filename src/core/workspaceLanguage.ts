// A new workspace speaks the language of the person who installs or first configures it, not
// the server's DEFAULT_LANGUAGE: otherwise an English-speaking team gets German channel posts
// next to an English personal chat. Adopted once; an admin's explicit choice (`language en|de`,
// the settings form) is never overridden, and neither is a workspace that chose before.
import type { Language, Workspace } from "./model.js";
import type { Store } from "./ports.js";

export async function adoptLanguage(store: Store, workspace: Workspace, language: Language | null | undefined): Promise<Workspace> {
  if (workspace.languageChosen || !language) return workspace;
  return store.updateWorkspace(workspace.id, { language, languageChosen: true });
}
