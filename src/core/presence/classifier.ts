// Customer-presence classification: does a team-chat message talk about the company's
// customers, and if so, how does it frame them? Implementations may be the built-in
// classifier (builtinClassifier.ts: cue rules weighed by a small trained model, offline) or
// remote ones (the LLM).

export type Tone = "positive" | "neutral" | "negative";

/** `tone` is null exactly when `customer` is false. */
export interface PresenceVerdict {
  customer: boolean;
  tone: Tone | null;
}

export interface PresenceClassifier {
  readonly name: string;
  /** Classifies a batch; the result has one verdict per input text, in order. */
  classify(texts: readonly string[]): Promise<PresenceVerdict[]>;
}
