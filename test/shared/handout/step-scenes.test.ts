import { describe, expect, it } from 'vitest';
import { sceneScale, stepEndScenes } from '../../../src/shared/handout/step-scenes';
import { INITIAL_SCENE } from '../../../src/shared/lessons/scene';
import { buildTimeline, readingTimings } from '../../../src/shared/lessons/timeline';
import { load } from '../lessons/lesson-test-support';

function lesson(id: string) {
  const [result] = load([`content/lessons/en/${id}.md`]);
  if (!result?.lesson) throw new Error(`${id} does not load`);
  return result.lesson;
}

describe('stepEndScenes', () => {
  it('gives each step the scene it ends on, after all its cues, inside the step', () => {
    const tree = lesson('tree-of-milk');
    const timeline = buildTimeline(tree, readingTimings(tree));
    const stills = stepEndScenes(tree);
    expect(stills.map((still) => still.position)).toEqual(tree.steps.map((_, i) => i));
    for (const [i, still] of stills.entries()) {
      const timed = timeline.steps[i]!;
      expect(still.scene).toEqual(timed.endScene);
      expect(still.time).toBeGreaterThanOrEqual(timed.start);
      expect(still.time).toBeLessThan(timed.end);
      expect(still.stepTime).toBeCloseTo(still.time - timed.start, 9);
    }
    // The lesson opens an alveolus and morphs into the tree: both show in its stills.
    expect(stills.map((still) => sceneScale(still.scene))).toContain('alveolus');
    expect(stills.some((still) => still.scene.view === 'tree')).toBe(true);
  });

  it('keeps the body map of steps that show it', () => {
    const stills = stepEndScenes(lesson('ejection-reflex'));
    expect(stills.some((still) => still.scene.physiology !== null)).toBe(true);
  });

  it('has no still for a lesson without steps', () => {
    expect(stepEndScenes({ id: 'empty', steps: [] })).toEqual([]);
  });
});

describe('sceneScale', () => {
  it('is the breast without a close-up, else the lobule or alveolus opened', () => {
    expect(sceneScale(INITIAL_SCENE)).toBe('breast');
    expect(sceneScale({ closeUp: 'lobule-3.1.2.1.1' })).toBe('lobule');
    expect(sceneScale({ closeUp: 'alveolus-3.1.2.1.1.5' })).toBe('alveolus');
  });
});
