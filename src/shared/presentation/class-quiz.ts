import type { ClassQuizPosition } from './presentation-state';

/**
 * The class quiz on the projector, driven by a two-button clicker: "next" first reveals the answer
 * of the question shown, then moves to the next question; after the last one comes a closing card
 * (index = question count). "previous" walks the same path backwards. Pure, so the presenter and
 * the tests agree on every press.
 */
export function startClassQuiz(): ClassQuizPosition {
  return { index: 0, revealed: false };
}

export function classQuizForward(position: ClassQuizPosition, questionCount: number): ClassQuizPosition {
  if (position.index >= questionCount) return { index: questionCount, revealed: false };
  if (!position.revealed) return { index: position.index, revealed: true };
  return { index: position.index + 1, revealed: false };
}

export function classQuizBack(position: ClassQuizPosition, questionCount: number): ClassQuizPosition {
  if (position.index >= questionCount) return questionCount > 0 ? { index: questionCount - 1, revealed: true } : { index: 0, revealed: false };
  if (position.revealed) return { index: position.index, revealed: false };
  if (position.index === 0) return position;
  return { index: position.index - 1, revealed: true };
}

/** Where the class is: "question 3 of 12", or past the end. */
export function classQuizProgress(position: ClassQuizPosition, questionCount: number): { question: number; count: number; finished: boolean } {
  const finished = position.index >= questionCount;
  return { question: Math.min(position.index + 1, questionCount), count: questionCount, finished };
}
