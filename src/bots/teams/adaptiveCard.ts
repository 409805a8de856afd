// The Adaptive Card envelope every Teams card of this app shares (schema 1.5, full width), and
// the content type it travels under in attachments, invoke responses and dialogs.

type Json = Record<string, unknown>;

export const ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

export function card(body: Json[]): Json {
  return {
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    type: "AdaptiveCard",
    version: "1.5",
    body,
    msteams: { width: "Full" },
  };
}
