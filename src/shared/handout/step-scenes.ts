import type { Lesson } from '../lessons/lesson-types';
import type { SceneState } from '../lessons/scene';
import { parseAlveolusId } from '../lessons/structure-ids';
import { buildTimeline, readingTimings, stateAt } from '../lessons/timeline';

/**
 * What a handout pictures for each step: the scene as the step ends, after all its cues, on the
 * reading clock (the one timeline every lesson has). A still shows where each animation ends, so
 * the animations' phases play no part.
 */

/** How long before a step's end the still is taken: inside the step, after its last cue. */
const BEFORE_END_SECONDS = 0.01;

export type SceneScale = 'breast' | 'lobule' | 'alveolus';

export interface StepScene {
  /** Position in `lesson.steps`. */
  position: number;
  scene: SceneState;
  /** Lesson time and seconds into the step at the still (the body map's feed depends on them). */
  time: number;
  stepTime: number;
}

export function stepEndScenes(lesson: Pick<Lesson, 'id' | 'steps'>): StepScene[] {
  if (lesson.steps.length === 0) return [];
  const timeline = buildTimeline(lesson, readingTimings(lesson));
  return timeline.steps.map((timed, position) => {
    const state = stateAt(timeline, Math.max(timed.start, timed.end - BEFORE_END_SECONDS));
    return { position, scene: state.scene, time: state.t, stepTime: state.stepTime };
  });
}

/** The scale the gland view shows a scene at (the canvas's `data-scale` once it is there). */
export function sceneScale(scene: Pick<SceneState, 'closeUp'>): SceneScale {
  if (scene.closeUp === null) return 'breast';
  return parseAlveolusId(scene.closeUp) ? 'alveolus' : 'lobule';
}
