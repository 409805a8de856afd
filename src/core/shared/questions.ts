// The five customer-focused leadership questions, by stable key. Their wording lives in
// src/prompts; the order here is the rotation order of the weekly cadence.

export const QUESTION_KEYS = ["care", "presence", "importance", "ask", "contact"] as const;
export type QuestionKey = (typeof QUESTION_KEYS)[number];

export function isQuestionKey(value: unknown): value is QuestionKey {
  return typeof value === "string" && (QUESTION_KEYS as readonly string[]).includes(value);
}

export const RATINGS = [1, 2, 3, 4, 5] as const;
export type Rating = (typeof RATINGS)[number];

export function isRating(value: unknown): value is Rating {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 5;
}
