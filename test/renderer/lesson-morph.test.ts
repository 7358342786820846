import { describe, expect, it } from 'vitest';
import { lessonCameraProgress, lessonMorph } from '../../src/renderer/scene/gland/lesson-morph';
import type { AnimationPhase } from '../../src/shared/lessons/timeline';

const morph = (progress: number, from: 'anatomy' | 'tree' = 'anatomy', to: 'anatomy' | 'tree' = 'tree'): AnimationPhase => ({ kind: 'morph', cue: 0, from, to, progress, elapsed: progress * 1.5 });

describe('the morph a lesson shows', () => {
  it('is the scene layout when no morph runs', () => {
    expect(lessonMorph([], 'tree', false)).toBe(1);
    expect(lessonMorph([], 'anatomy', false)).toBe(0);
  });

  it('follows the phase of a running morph, eased, in either direction', () => {
    expect(lessonMorph([morph(0)], 'tree', false)).toBe(0);
    expect(lessonMorph([morph(0.5)], 'tree', false)).toBeCloseTo(0.5);
    expect(lessonMorph([morph(0.25)], 'tree', false)).toBeLessThan(0.25);
    expect(lessonMorph([morph(1)], 'tree', false)).toBe(1);
    expect(lessonMorph([morph(0.25, 'tree', 'anatomy')], 'anatomy', false)).toBeGreaterThan(0.75);
  });

  it('holds still for a paused clock: the same phase gives the same morph', () => {
    expect(lessonMorph([morph(0.37)], 'tree', false)).toBe(lessonMorph([morph(0.37)], 'tree', false));
  });

  it('switches at once with reduced motion', () => {
    expect(lessonMorph([morph(0.3)], 'tree', true)).toBe(1);
  });
});

describe('the camera move a lesson shows', () => {
  const camera = (progress: number): AnimationPhase => ({ kind: 'camera', cue: 1, cueName: 'focus', from: { kind: 'shot', shot: 'whole-breast' }, to: { kind: 'structure', id: 'nipple' }, fromCloseUp: null, toCloseUp: null, progress, elapsed: progress * 0.9 });
  it('follows the running camera phase, and says when none runs', () => {
    expect(lessonCameraProgress([camera(0.4)])).toBe(0.4);
    expect(lessonCameraProgress([morph(0.4)])).toBeNull();
    expect(lessonCameraProgress([])).toBeNull();
  });
});
