import type { LessonState } from './timeline';

/**
 * What a view playing a lesson needs to know from one frame to the next, the same for the lesson
 * player and for presenter mode's audience window (which follows the presenter's clock).
 */

/** The scene changes only when a step begins or a cue fires (or un-fires, after a seek back). */
export function sceneChangedBetween(previous: LessonState | null, next: LessonState): boolean {
  return !previous || previous.stepIndex !== next.stepIndex || previous.firedCues.length !== next.firedCues.length;
}

/** The structures the step's fired `{pulse}` cues name (they glow while their phase runs). */
export function pulsingIds(state: LessonState): string[] {
  return state.firedCues.flatMap((fired) => (fired.point.cue.name === 'pulse' ? fired.point.cue.args.ids : []));
}

/**
 * Whether the on-demand 3D view must be asked for a frame: while an animation of the lesson runs,
 * and while the body map's hormones travel, as long as the lesson plays.
 */
export function needsFrames(state: LessonState, playing: boolean): boolean {
  return playing && (state.phases.length > 0 || state.scene.physiology !== null);
}
