// What we keep of a text a person typed: without NUL and the other C0 control characters
// (tab and newline stay), trimmed. NUL cannot be stored in PostgreSQL at all, and the others
// only hide or garble text. Every stored user text goes through here before it is validated,
// so "empty" and "too long" are judged on exactly what would be stored.

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F]/g;

export function cleanUserText(text: string): string {
  return text.replace(CONTROL_CHARACTERS, "").trim();
}
