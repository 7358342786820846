import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clampSpeed, LessonClock, MAX_SPEED, MIN_SPEED, SPEEDS, stepAtTime } from '../../../src/shared/lessons/lesson-clock';
import type { Lesson } from '../../../src/shared/lessons/lesson-types';
import { buildTimeline, readingTimings, stateAt, stepIndexAt } from '../../../src/shared/lessons/timeline';
import { load } from './lesson-test-support';

/** A time source the test moves by hand. */
class FakeTime {
  t = 1000;
  now = () => this.t;
  advance(seconds: number) {
    this.t += seconds;
  }
}

const simple = { duration: 30, stepStarts: [0, 10, 18] };

function clock(options: { startAt?: number; speed?: number } = {}) {
  const time = new FakeTime();
  return { time, clock: new LessonClock({ now: time.now, timeline: simple, ...options }) };
}

describe('LessonClock', () => {
  it('stands still until played, runs at its speed, and stops where paused', () => {
    const { time, clock: c } = clock();
    time.advance(5);
    expect(c.time()).toBe(0);
    expect(c.playing).toBe(false);
    c.play();
    time.advance(2);
    expect(c.time()).toBe(2);
    c.pause();
    time.advance(3);
    expect(c.time()).toBe(2);
    c.play();
    time.advance(1);
    expect(c.time()).toBe(3);
  });

  it('starts where it is told: resuming a lesson after a restart', () => {
    const { time, clock: c } = clock({ startAt: 12.5 });
    expect(c.time()).toBe(12.5);
    expect(c.stepIndex()).toBe(1);
    c.play();
    time.advance(1);
    expect(c.time()).toBe(13.5);
    expect(clock({ startAt: 99 }).clock.time()).toBe(30);
  });

  it('changes speed without a jump, within 0.75–1.5', () => {
    const { time, clock: c } = clock();
    c.play();
    time.advance(4);
    expect(c.setSpeed(1.5)).toBe(1.5);
    expect(c.time()).toBe(4);
    time.advance(2);
    expect(c.time()).toBe(7);
    expect(c.setSpeed(3)).toBe(MAX_SPEED);
    expect(c.setSpeed(0.1)).toBe(MIN_SPEED);
    time.advance(4);
    expect(c.time()).toBe(10);
    expect(clampSpeed(Number.NaN)).toBe(1);
    expect(SPEEDS).toEqual([0.75, 1, 1.25, 1.5]);
    expect(clock({ speed: 9 }).clock.speed).toBe(1.5);
  });

  it('seeks within the lesson, playing or not as before', () => {
    const { time, clock: c } = clock();
    c.seek(20);
    expect(c.time()).toBe(20);
    expect(c.playing).toBe(false);
    c.play();
    c.seek(-3);
    time.advance(1);
    expect(c.time()).toBe(1);
    expect(c.playing).toBe(true);
    c.seek(Number.NaN);
    expect(c.time()).toBe(0);
  });

  it('steps forward and back, and replays the current step', () => {
    const { clock: c } = clock({ startAt: 12 });
    c.stepForward();
    expect(c.time()).toBe(18);
    c.stepForward();
    expect(c.time()).toBe(30);
    c.replayStep();
    expect(c.time()).toBe(18);
    c.seek(14);
    c.replayStep();
    expect(c.time()).toBe(10);
    c.seek(14);
    c.stepBack();
    expect(c.time()).toBe(0);
    c.stepBack();
    expect(c.time()).toBe(0);
    c.goToStep(2);
    expect(c.time()).toBe(18);
    c.goToStep(7);
    expect(c.time()).toBe(18);
  });

  it('pauses itself at the end, and plays again from the start', () => {
    const { time, clock: c } = clock({ startAt: 28 });
    c.play();
    const revision = c.revision;
    time.advance(5);
    expect(c.time()).toBe(30);
    expect(c.playing).toBe(false);
    expect(c.ended).toBe(true);
    expect(c.revision).toBeGreaterThan(revision);
    time.advance(5);
    expect(c.time()).toBe(30);
    c.play();
    expect(c.time()).toBe(0);
    expect(c.ended).toBe(false);
  });

  it('counts a revision for every change a voice must follow, and none for a sync or a hold', () => {
    const { time, clock: c } = clock();
    const revisions: number[] = [c.revision];
    const note = () => revisions.push(c.revision);
    c.play();
    note();
    c.setSpeed(1.25);
    note();
    c.seek(3);
    note();
    c.stepForward();
    note();
    c.pause();
    note();
    expect(new Set(revisions).size).toBe(revisions.length);
    c.play();
    const before = c.revision;
    c.sync(12);
    c.hold(13);
    time.advance(1);
    c.hold(null);
    c.setSpeed(1.25);
    c.play();
    expect(c.revision).toBe(before);
  });

  it('follows a voice that syncs it, and waits at a hold without jumping when let go', () => {
    const { time, clock: c } = clock();
    c.play();
    time.advance(1);
    c.sync(0.9);
    expect(c.time()).toBe(0.9);
    time.advance(1);
    expect(c.time()).toBeCloseTo(1.9, 9);
    c.hold(2.5);
    time.advance(2);
    expect(c.time()).toBe(2.5);
    expect(c.heldAt).toBe(2.5);
    time.advance(3);
    expect(c.time()).toBe(2.5);
    c.hold(null);
    time.advance(0.5);
    expect(c.time()).toBe(3);
    // A sync past the hold lifts it.
    c.hold(3.2);
    c.sync(4);
    time.advance(1);
    expect(c.time()).toBe(5);
    expect(c.heldAt).toBeNull();
    // A hold behind the time pins it where it is.
    c.hold(1);
    time.advance(1);
    expect(c.time()).toBe(5);
  });

  it('moves onto another timeline', () => {
    const { clock: c } = clock();
    c.setTimeline({ duration: 50, stepStarts: [0, 25] }, 40);
    expect(c.time()).toBe(40);
    expect(c.duration).toBe(50);
    expect(c.stepIndex()).toBe(1);
  });

  it('agrees with the timeline on which step is playing', () => {
    fc.assert(
      fc.property(fc.double({ min: -5, max: 40, noNaN: true }), (t) => {
        const timeline = { duration: 30, stepStarts: [0, 10, 10, 18], steps: [], lessonId: 'x' };
        expect(stepAtTime(timeline.stepStarts, t)).toBe(stepIndexAt(timeline, t));
      }),
    );
  });
});

describe('one clock: play, pause, speed and seeks agree', () => {
  const lesson = load(['test/fixtures/lessons/engine/en/tree-of-milk.md'], { checkTranslations: false })[0]?.lesson as Lesson;
  const timeline = buildTimeline(lesson, readingTimings(lesson));

  it('shows at t what a fresh clock that jumped to t shows', () => {
    const action = fc.oneof(
      fc.record({ kind: fc.constant('frames' as const), count: fc.integer({ min: 1, max: 120 }) }),
      fc.record({ kind: fc.constant('speed' as const), speed: fc.constantFrom(...SPEEDS) }),
      fc.record({ kind: fc.constant('pause' as const) }),
      fc.record({ kind: fc.constant('play' as const) }),
      fc.record({ kind: fc.constant('seek' as const), to: fc.double({ min: 0, max: 700, noNaN: true }) }),
      fc.record({ kind: fc.constantFrom('forward' as const, 'back' as const, 'replay' as const) }),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 40 }), (actions) => {
        const time = new FakeTime();
        const played = new LessonClock({ now: time.now, timeline });
        played.play();
        for (const a of actions) {
          if (a.kind === 'frames') for (let i = 0; i < a.count; i++) {
            time.advance(1 / 60);
            stateAt(timeline, played.time());
          }
          else if (a.kind === 'speed') played.setSpeed(a.speed);
          else if (a.kind === 'pause') played.pause();
          else if (a.kind === 'play') played.play();
          else if (a.kind === 'seek') played.seek(a.to);
          else if (a.kind === 'forward') played.stepForward();
          else if (a.kind === 'back') played.stepBack();
          else played.replayStep();
        }
        const t = played.time();
        const jumped = new LessonClock({ now: new FakeTime().now, timeline, startAt: t });
        expect(stateAt(timeline, played.time())).toEqual(stateAt(timeline, jumped.time()));
      }),
      { numRuns: 100 },
    );
  });
});
