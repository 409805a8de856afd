// The admin settings form's submission. The core saves for admins only; anyone else is told why.
import type { ViewOutput, ViewStateValue } from "@slack/bolt";
import type { SettingsInput } from "../../../core/admin/service.js";
import { parseTimeOfDay } from "../../../core/shared/time.js";
import { texts } from "../../../prompts/texts.js";
import type { Context, FormReading } from "../guarded.js";

type Values = Record<string, Record<string, ViewStateValue>>;

/** The form's fields as the person chose them; the core checks them. */
export function readSettings(view: ViewOutput): FormReading<SettingsInput> {
  const values = view.state.values as Values;
  return {
    input: {
      cadence: values.cadence?.value?.selected_option?.value,
      weekday: Number(values.weekday?.value?.selected_option?.value),
      minute: parseTimeOfDay(values.time?.value?.selected_time ?? ""),
      language: values.language?.value?.selected_option?.value,
      includeWeekends: (values.weekends?.value?.selected_options ?? []).length > 0,
    },
  };
}

export async function saveSettings({ deps, actor, reply }: Context, input: SettingsInput) {
  const saved = await deps.core.admin.saveSettings(actor, input);
  if (!saved.ok) return void (await reply(texts(actor.language).notAdmin));
  // Said in the language just chosen: the workspace speaks it from now on.
  await reply(`${texts(saved.workspace.language).settingsSaved} ${saved.summary}`);
}
