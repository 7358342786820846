import { describe, expect, it } from 'vitest';
import { clickerNext, holdPoint, HOLD_BEFORE_STEP_SECONDS } from '../../../src/shared/presentation/clicker-flow';

const starts = [0, 30, 75, 120];
const at = (time: number, playing = false, hasQuiz = true) => clickerNext({ time, playing, duration: 160, stepStarts: starts, hasQuiz });

describe('holding at the end of each step', () => {
  it('holds just before the next step when playing crosses it', () => {
    expect(holdPoint(29.5, 30.2, starts)).toBeCloseTo(30 - HOLD_BEFORE_STEP_SECONDS);
    expect(holdPoint(74, 76, starts)).toBeCloseTo(75 - HOLD_BEFORE_STEP_SECONDS);
  });
  it('does not hold inside a step, at the start, going backwards or once held', () => {
    expect(holdPoint(10, 20, starts)).toBeNull();
    expect(holdPoint(0, 0.5, starts)).toBeNull();
    expect(holdPoint(40, 20, starts)).toBeNull();
    expect(holdPoint(30 - HOLD_BEFORE_STEP_SECONDS, 30.3, starts)).toBeNull();
  });
  it('never holds at the lesson\'s end (the clock stops there by itself)', () => {
    expect(holdPoint(150, 160, starts)).toBeNull();
  });
});

describe('the clicker\'s "next"', () => {
  it('plays a paused lesson, at the start or in the middle of a step', () => {
    expect(at(0)).toBe('play');
    expect(at(50)).toBe('play');
    // At a step's very start (after "previous" or the step list): that step has not been played yet.
    expect(at(30)).toBe('play');
    expect(at(75)).toBe('play');
  });
  it('moves on and plays when held at a step\'s end', () => {
    expect(at(30 - HOLD_BEFORE_STEP_SECONDS)).toBe('next-step-and-play');
    expect(at(75 - HOLD_BEFORE_STEP_SECONDS)).toBe('next-step-and-play');
  });
  it('skips to the next step while playing', () => {
    expect(at(50, true)).toBe('next-step');
  });
  it('starts the class quiz at the end of the lesson, when there is one', () => {
    expect(at(160)).toBe('start-quiz');
    expect(at(160, false, false)).toBe('nothing');
  });
});
