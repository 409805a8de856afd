// The weekly digest's optional "what moved this week" bullets. Implementations see aggregate
// figures only (counts, shares, week-over-week changes per channel) — never message text.

export interface DigestSummarizer {
  readonly name: string;
  /**
   * Up to three short bullet points in `language`, written from `aggregates` alone. Never
   * throws: on any failure the answer is [] and the digest simply has no bullets.
   */
  summarize(aggregates: Record<string, unknown>, language: "de" | "en"): Promise<string[]>;
}
