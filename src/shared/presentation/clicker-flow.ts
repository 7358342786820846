/**
 * Running a class with a two-button clicker (PageDown, PageUp) and nothing else. A lesson's
 * narration plays on through its steps; a teacher usually wants it to stop at the end of each step,
 * to comment or take a question, then go on with the same button. So in presenter mode:
 *
 * - while playing, the clock is held just before each new step begins (`holdPoint`), the picture
 *   still showing the step that ended (it can be turned off, for a lesson played straight through);
 * - "next" plays when the lesson is paused in the middle of a step or at its very start, moves to the
 *   next step and plays it when held at a step's end, skips to the next step while playing, and at
 *   the end of the lesson starts the class quiz, if the lesson has one (`clickerNext`).
 */

/** How far before a step's start the clock is held: enough to keep the ending step's picture. */
export const HOLD_BEFORE_STEP_SECONDS = 0.05;

/** Within this of a hold point, a paused clock counts as held there. */
const AT_HOLD_SECONDS = 0.3;

/** The time to hold at if a clock playing from `before` to `now` crossed a step's end (not the lesson's end), else null. */
export function holdPoint(before: number, now: number, stepStarts: readonly number[]): number | null {
  for (const start of stepStarts.slice(1)) {
    const hold = start - HOLD_BEFORE_STEP_SECONDS;
    if (before < hold && now >= hold) return hold;
  }
  return null;
}

export type ClickerNext = 'play' | 'next-step-and-play' | 'next-step' | 'start-quiz' | 'nothing';

export function clickerNext(position: { time: number; playing: boolean; duration: number; stepStarts: readonly number[]; hasQuiz: boolean }): ClickerNext {
  const { time, playing, duration, stepStarts, hasQuiz } = position;
  if (time >= duration - 1e-6) return hasQuiz ? 'start-quiz' : 'nothing';
  if (playing) return 'next-step';
  // Held: just before a step's start (at its very start, the step has not been played yet).
  const held = stepStarts.slice(1).some((start) => time < start && start - time <= HOLD_BEFORE_STEP_SECONDS + AT_HOLD_SECONDS);
  return held ? 'next-step-and-play' : 'play';
}
