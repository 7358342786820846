import type { SceneView } from '../../../shared/lessons/camera-shots';
import type { AnimationPhase } from '../../../shared/lessons/timeline';

const layout = (view: SceneView): number => (view === 'tree' ? 1 : 0);
const smooth = (t: number): number => t * t * (3 - 2 * t);

/**
 * The morph (0 = anatomy, 1 = tree) a lesson shows at its clock's time: mid-way through a
 * `{morph}` cue's phase while it runs, else the scene's layout. With reduced motion the layout
 * switches at once. A pure function of the lesson state, so pausing or seeking the lesson holds
 * or moves the morph exactly as the clock does.
 */
export function lessonMorph(phases: readonly AnimationPhase[], view: SceneView, reducedMotion: boolean): number {
  const morph = phases.find((phase) => phase.kind === 'morph');
  if (!morph || morph.kind !== 'morph' || reducedMotion) return layout(view);
  const from = layout(morph.from);
  const to = layout(morph.to);
  return from + (to - from) * smooth(Math.min(1, Math.max(0, morph.progress)));
}

/** How far a lesson's camera move has gone (0 to 1), or null when none runs (the camera should be there). */
export function lessonCameraProgress(phases: readonly AnimationPhase[]): number | null {
  const camera = phases.find((phase) => phase.kind === 'camera');
  return camera ? Math.min(1, Math.max(0, camera.progress)) : null;
}
