// What the rules found in one message: named features with counts (the input of the
// decision) and, when explaining, a readable note per cue.

export type CueFamily = "customer" | "false friend" | "tone +" | "tone -" | "negation" | "model";

export interface Note {
  family: CueFamily;
  feature: string;
  /** The words that triggered the cue. */
  text: string;
}

export class Evidence {
  readonly features = new Map<string, number>();
  readonly notes: Note[] | null;

  constructor(explain: boolean) {
    this.notes = explain ? [] : null;
  }

  /** Counts a cue; `text` is evaluated only when explaining. */
  add(family: CueFamily, feature: string, text: string | (() => string), value = 1): void {
    this.features.set(feature, (this.features.get(feature) ?? 0) + value);
    if (this.notes) this.notes.push({ family, feature, text: typeof text === "string" ? text : text() });
  }

  /** Records a note without a feature (false friends, negations). */
  note(family: CueFamily, feature: string, text: string | (() => string)): void {
    if (this.notes) this.notes.push({ family, feature, text: typeof text === "string" ? text : text() });
  }

  count(feature: string): number {
    return this.features.get(feature) ?? 0;
  }
}
