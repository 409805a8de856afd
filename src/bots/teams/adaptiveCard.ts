// The Adaptive Card (schema 1.5) elements Kundennah sends, as types: a misspelt property or an
// element Teams does not know fails the typecheck instead of rendering as nothing. Only what the
// cards use is here; see https://adaptivecards.io/explorer/ for the full schema. Also the
// envelope every card of this app shares (card(), full width) and the content type it travels
// under in attachments, invoke responses and dialogs.

/** The content type of an Adaptive Card attachment, invoke response or dialog. */
export const ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

export type Spacing = "None" | "Small" | "Default" | "Medium" | "Large" | "ExtraLarge";

interface ElementBase {
  id?: string;
  spacing?: Spacing;
  separator?: boolean;
}

export interface TextBlock extends ElementBase {
  type: "TextBlock";
  /** Teams markdown: our copy through teamsText, what a person typed through escapeCardText. */
  text: string;
  wrap?: boolean;
  size?: "Small" | "Default" | "Medium" | "Large" | "ExtraLarge";
  weight?: "Lighter" | "Default" | "Bolder";
  color?: "Default" | "Dark" | "Light" | "Accent" | "Good" | "Warning" | "Attention";
  isSubtle?: boolean;
}

export interface FactSet extends ElementBase {
  type: "FactSet";
  facts: { title: string; value: string }[];
}

export interface Image extends ElementBase {
  type: "Image";
  url: string;
  altText?: string;
  size?: "Auto" | "Stretch" | "Small" | "Medium" | "Large";
}

interface InputBase extends ElementBase {
  id: string;
  label?: string;
  isRequired?: boolean;
  errorMessage?: string;
}

export interface InputText extends InputBase {
  type: "Input.Text";
  placeholder?: string;
  isMultiline?: boolean;
  maxLength?: number;
  value?: string;
}

export interface InputChoiceSet extends InputBase {
  type: "Input.ChoiceSet";
  choices: { title: string; value: string }[];
  style?: "compact" | "expanded";
  placeholder?: string;
  value?: string;
}

export interface InputToggle extends InputBase {
  type: "Input.Toggle";
  title: string;
  value?: string;
  valueOn?: string;
  valueOff?: string;
}

/** Data a button carries back to the bot (with Action.Execute also as the invoke's `data`). */
export type ActionData = Record<string, unknown>;

export interface SubmitAction {
  type: "Action.Submit";
  title: string;
  data: ActionData;
  style?: "positive" | "destructive";
}

/** Universal Actions: the card is replaced by the invoke's answer; `fallback` for older clients. */
export interface ExecuteAction {
  type: "Action.Execute";
  title: string;
  verb: string;
  data: ActionData;
  style?: "positive" | "destructive";
  fallback?: SubmitAction;
}

export type Action = ExecuteAction | SubmitAction;

export interface ActionSet extends ElementBase {
  type: "ActionSet";
  actions: Action[];
}

/** Teams' own charts (drawn in the reader's theme); `fallback` where a client cannot draw them. */
export interface VerticalBarChart extends ElementBase {
  type: "Chart.VerticalBar.Grouped";
  stacked?: boolean;
  title: string;
  yAxisTitle?: string;
  data: { legend: string; color: string; values: { x: string; y: number }[] }[];
  fallback: Image | "drop";
}

export type CardElement =
  | TextBlock
  | FactSet
  | Image
  | InputText
  | InputChoiceSet
  | InputToggle
  | ActionSet
  | VerticalBarChart;

export interface AdaptiveCard {
  $schema: "http://adaptivecards.io/schemas/adaptive-card.json";
  type: "AdaptiveCard";
  version: "1.5";
  body: CardElement[];
  actions?: Action[];
  msteams?: {
    width?: "Full";
    /** Mentions in the card's text: `<at>name</at>` resolved to a person. */
    entities?: { type: "mention"; text: string; mentioned: { id: string; name: string } }[];
  };
}

/** A card; full width (as Teams shows the bot's messages best) unless `extra` says otherwise. */
export function card(
  body: CardElement[],
  extra: Pick<AdaptiveCard, "actions" | "msteams"> = { msteams: { width: "Full" } },
): AdaptiveCard {
  return {
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    type: "AdaptiveCard",
    version: "1.5",
    body,
    ...extra,
  };
}

/** A wrapping TextBlock; `text` must already be Teams markdown (teamsText / escapeCardText). */
export function textBlock(text: string, extra: Omit<TextBlock, "type" | "text"> = {}): TextBlock {
  return { type: "TextBlock", text, wrap: true, ...extra };
}

/** Action.Execute with an Action.Submit fallback, both carrying the same data. */
export function execute(
  title: string,
  verb: string,
  data: ActionData,
  style?: "positive" | "destructive",
): ExecuteAction {
  return {
    type: "Action.Execute",
    title,
    verb,
    data,
    ...(style ? { style } : {}),
    fallback: { type: "Action.Submit", title, data },
  };
}

/** Teams refuses messages over ~28 KB; leave room for the activity around the card. */
export const MAX_CARD_BYTES = 26_000;

/**
 * A card built with its chart's PNG fallback, or built again without it when that would pass
 * MAX_CARD_BYTES: the PNG is the first to go, the chart Teams draws itself stays.
 */
export function withinCardLimit(build: (png: Buffer | null) => AdaptiveCard, png: Buffer | null): AdaptiveCard {
  const built = build(png);
  return png && Buffer.byteLength(JSON.stringify(built)) > MAX_CARD_BYTES ? build(null) : built;
}
