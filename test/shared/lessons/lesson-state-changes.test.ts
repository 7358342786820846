import { describe, expect, it } from 'vitest';
import { needsFrames, pulsingIds, sceneChangedBetween } from '../../../src/shared/lessons/lesson-state-changes';
import type { Lesson } from '../../../src/shared/lessons/lesson-types';
import { buildTimeline, cueTimes, readingTimings, stateAt, timeOfStep } from '../../../src/shared/lessons/timeline';
import { load } from './lesson-test-support';

const lesson = load(['test/fixtures/lessons/engine/en/tree-of-milk.md'], { checkTranslations: false })[0]?.lesson as Lesson;
const timeline = buildTimeline(lesson, readingTimings(lesson));

describe('what changes from one frame of a lesson to the next', () => {
  it('tells a new step and a fired cue, and nothing between two cues', () => {
    const start = timeOfStep(timeline, 1);
    expect(sceneChangedBetween(null, stateAt(timeline, 0))).toBe(true);
    expect(sceneChangedBetween(stateAt(timeline, start - 0.01), stateAt(timeline, start + 0.01))).toBe(true);
    const [cue] = cueTimes(timeline, 1);
    expect(cue).toBeDefined();
    expect(sceneChangedBetween(stateAt(timeline, cue!.time - 0.01), stateAt(timeline, cue!.time + 0.01))).toBe(true);
    expect(sceneChangedBetween(stateAt(timeline, cue!.time + 0.01), stateAt(timeline, cue!.time + 0.02))).toBe(false);
  });

  it('names the structures of the pulse cues fired so far in the step', () => {
    const pulse = timeline.steps.flatMap((_, i) => cueTimes(timeline, i)).find((timed) => timed.point.cue.name === 'pulse');
    expect(pulse).toBeDefined();
    expect(pulsingIds(stateAt(timeline, pulse!.time - 0.01))).toEqual([]);
    expect(pulsingIds(stateAt(timeline, pulse!.time + 0.01)).length).toBeGreaterThan(0);
  });

  it('asks for frames only while playing and something moves', () => {
    const pulse = timeline.steps.flatMap((_, i) => cueTimes(timeline, i)).find((timed) => timed.point.cue.name === 'pulse')!;
    const moving = stateAt(timeline, pulse.time + 0.05);
    expect(moving.phases.length).toBeGreaterThan(0);
    expect(needsFrames(moving, true)).toBe(true);
    expect(needsFrames(moving, false)).toBe(false);
  });
});
