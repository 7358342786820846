import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateGland } from '../../../src/shared/anatomy/generate-gland';
import { DEFAULT_GLAND_PARAMETERS } from '../../../src/shared/anatomy/gland-parameters';
import { classQuizBack, classQuizForward, classQuizProgress, startClassQuiz } from '../../../src/shared/presentation/class-quiz';
import { paceMinutes, paceOf } from '../../../src/shared/presentation/pacing';
import { extrapolatedTime, readPresentationMessage, type PresentationState } from '../../../src/shared/presentation/presentation-state';
import { isClickerKey, presenterCommandOf } from '../../../src/shared/presentation/presenter-keys';

const state: PresentationState = {
  lessonFile: 'content/lessons/en/tree-of-milk.md',
  timings: 'reading',
  time: 12.5,
  playing: true,
  speed: 1.5,
  captions: true,
  blackout: false,
  pointer: 'duct-3',
  quiz: null,
};

describe('presentation messages', () => {
  it('accepts the state, hello, commands and the end', () => {
    expect(readPresentationMessage({ kind: 'state', state })).toEqual({ kind: 'state', state });
    expect(readPresentationMessage({ kind: 'hello' })).toEqual({ kind: 'hello' });
    expect(readPresentationMessage({ kind: 'command', command: 'blackout' })).toEqual({ kind: 'command', command: 'blackout' });
    expect(readPresentationMessage({ kind: 'ended' })).toEqual({ kind: 'ended' });
    expect(readPresentationMessage({ kind: 'closed' })).toEqual({ kind: 'closed' });
  });

  it('carries a pointer at any structure of the gland, close-up part or part of the body map', () => {
    for (const pointer of ['duct-3', 'lobule-3.1.2.1.1', 'alveolus-3.1.1.1.1.1', 'part:lactocyte', 'body:anterior-pituitary', 'nerve-t4-lateral-cutaneous']) {
      expect(readPresentationMessage({ kind: 'state', state: { ...state, pointer } }), pointer).not.toBeNull();
    }
  });

  it('carries a pointer at every structure of the default gland', () => {
    const refused = [...generateGland(DEFAULT_GLAND_PARAMETERS).structures.keys()].filter((pointer) => readPresentationMessage({ kind: 'state', state: { ...state, pointer } }) === null);
    expect(refused).toEqual([]);
  });

  it('ignores what is not one of ours', () => {
    expect(readPresentationMessage(null)).toBeNull();
    expect(readPresentationMessage('next')).toBeNull();
    expect(readPresentationMessage({ kind: 'command', command: 'format-disk' })).toBeNull();
    expect(readPresentationMessage({ kind: 'state', state: { ...state, time: -1 } })).toBeNull();
    expect(readPresentationMessage({ kind: 'state', state: { ...state, time: Number.NaN } })).toBeNull();
    expect(readPresentationMessage({ kind: 'state', state: { ...state, lessonFile: '../../etc/passwd?x=<script>' } })).toBeNull();
    expect(readPresentationMessage({ kind: 'state', state: { ...state, pointer: '<img onerror=alert(1)>' } })).toBeNull();
    expect(readPresentationMessage({ kind: 'state', state: { ...state, extra: true } })).toBeNull();
    expect(readPresentationMessage({ kind: 'hello', from: 'elsewhere' })).toBeNull();
  });
});

describe('extrapolated time', () => {
  it('moves a playing lesson on at its speed and holds a paused one', () => {
    expect(extrapolatedTime(state, 2, 100)).toBeCloseTo(15.5);
    expect(extrapolatedTime({ ...state, playing: false }, 2, 100)).toBe(12.5);
  });
  it('never passes the end nor goes back', () => {
    expect(extrapolatedTime(state, 1000, 100)).toBe(100);
    expect(extrapolatedTime(state, -5, 100)).toBe(12.5);
  });
});

describe('presenter keys', () => {
  it('maps a two-button clicker, blank, full screen and leave', () => {
    expect(presenterCommandOf('PageDown')).toBe('next');
    expect(presenterCommandOf('PageUp')).toBe('previous');
    expect(presenterCommandOf('ArrowRight')).toBe('next');
    expect(presenterCommandOf('ArrowLeft')).toBe('previous');
    expect(presenterCommandOf(' ')).toBe('play-pause');
    expect(presenterCommandOf('b')).toBe('blackout');
    expect(presenterCommandOf('B')).toBe('blackout');
    expect(presenterCommandOf('.')).toBe('blackout');
    expect(presenterCommandOf('F')).toBe('full-screen');
    expect(presenterCommandOf('Escape')).toBe('leave');
    expect(presenterCommandOf('p')).toBe('switch-view');
    expect(presenterCommandOf('x')).toBeNull();
    expect(presenterCommandOf('Enter')).toBeNull();
  });
  it('lets only the page keys through wherever focus is', () => {
    expect(isClickerKey('PageDown')).toBe(true);
    expect(isClickerKey('ArrowRight')).toBe(false);
  });
});

describe('class quiz', () => {
  it('reveals, then moves on, then closes', () => {
    let position = startClassQuiz();
    position = classQuizForward(position, 2);
    expect(position).toEqual({ index: 0, revealed: true });
    position = classQuizForward(position, 2);
    expect(position).toEqual({ index: 1, revealed: false });
    position = classQuizForward(classQuizForward(position, 2), 2);
    expect(position).toEqual({ index: 2, revealed: false });
    expect(classQuizProgress(position, 2).finished).toBe(true);
    expect(classQuizForward(position, 2)).toEqual(position);
  });

  it('walks back along the same path, and stops at the first question', () => {
    const count = 5;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), (presses) => {
        let position = startClassQuiz();
        const path = [position];
        for (let i = 0; i < presses; i += 1) {
          position = classQuizForward(position, count);
          path.push(position);
        }
        // Each back press undoes one forward press (until the closing card, which stays put).
        const distinct = path.filter((p, i) => i === 0 || JSON.stringify(p) !== JSON.stringify(path[i - 1]));
        for (let i = distinct.length - 1; i > 0; i -= 1) {
          position = classQuizBack(position, count);
          expect(position).toEqual(distinct[i - 1]);
        }
        expect(classQuizBack(position, count)).toEqual(startClassQuiz());
      }),
    );
  });
});

describe('pacing', () => {
  it('is on pace within the tolerance', () => {
    expect(paceOf(100, 80)).toEqual({ kind: 'on-pace' });
    expect(paceOf(80, 100)).toEqual({ kind: 'on-pace' });
  });
  it('is behind when the class spent longer than the lesson has gone, ahead when it skipped', () => {
    expect(paceOf(400, 200)).toEqual({ kind: 'behind', seconds: 200 });
    expect(paceOf(60, 200)).toEqual({ kind: 'ahead', seconds: 140 });
    expect(paceMinutes(paceOf(400, 200))).toBe(3);
    expect(paceMinutes(paceOf(60, 95))).toBe(1);
    expect(paceMinutes(paceOf(10, 10))).toBe(0);
  });
});
