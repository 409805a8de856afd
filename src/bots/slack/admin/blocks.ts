// The admin settings form (a modal): cadence, weekday, time, language, weekends.
import type { KnownBlock, PlainTextOption, View } from "@slack/types";
import type { Language, Workspace } from "../../../core/shared/model.js";
import { formatMinuteOfDay } from "../../../core/shared/time.js";
import { texts } from "../../../prompts/texts.js";

export const SETTINGS_CALLBACK = "settings_modal";

const plain = (text: string) => ({ type: "plain_text" as const, text, emoji: true });

export function settingsModal(workspace: Workspace, language: Language): View {
  const t = texts(language);
  const option = (text: string, value: string): PlainTextOption => ({ text: plain(text), value });
  const cadences = [
    option(t.cadenceWeekly, "weekly"),
    option(t.cadenceWorkdays, "workdays"),
    option(t.cadenceWeeklyAll, "weekly-all"),
  ];
  const weekdays = t.weekdays.map((day, i) => option(day, String(i + 1)));
  const languages = [option("Deutsch", "de"), option("English", "en")];
  const weekendOption = option(t.settingsWeekendsOption, "on");
  const select = (blockId: string, label: string, options: PlainTextOption[], value: string): KnownBlock => ({
    type: "input",
    block_id: blockId,
    label: plain(label),
    element: {
      type: "static_select",
      action_id: "value",
      options,
      initial_option: options.find((o) => o.value === value) ?? options[0]!,
    },
  });
  return {
    type: "modal",
    callback_id: SETTINGS_CALLBACK,
    title: plain(t.settingsTitle.slice(0, 24)),
    submit: plain(t.save),
    close: plain(t.cancel),
    blocks: [
      select("cadence", t.settingsCadence, cadences, workspace.cadence),
      select("weekday", t.settingsWeekday, weekdays, String(workspace.weekday)),
      {
        type: "input",
        block_id: "time",
        label: plain(t.settingsTime),
        element: { type: "timepicker", action_id: "value", initial_time: formatMinuteOfDay(workspace.nudgeMinute) },
      },
      select("language", t.settingsLanguage, languages, workspace.language),
      {
        type: "input",
        block_id: "weekends",
        optional: true,
        label: plain(t.settingsWeekends),
        element: {
          type: "checkboxes",
          action_id: "value",
          options: [weekendOption],
          ...(workspace.includeWeekends ? { initial_options: [weekendOption] } : {}),
        },
      },
    ],
  };
}
