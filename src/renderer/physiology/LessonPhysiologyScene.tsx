import { useMemo } from 'react';
import { lessonPhysiologyAt } from '../../shared/lessons/physiology-at';
import type { LessonPhysiology } from '../../shared/lessons/lesson-physiology';
import type { Theme } from '../../shared/settings';
import type { SceneDirection } from '../scene/SceneView';
import { PhysiologyScene } from './scene/PhysiologyScene';

/**
 * The body map as a lesson shows it: no explore panel, the picture a pure function of the lesson's
 * physiology (what its cues set) and of the lesson clock, read on every drawn frame.
 */
export function LessonPhysiologyScene({ physiology, direction, theme, reducedMotion }: { physiology: LessonPhysiology; direction: SceneDirection; theme: Theme; reducedMotion: boolean }) {
  const { stepTime, time, frames } = direction;
  const state = useMemo(() => () => lessonPhysiologyAt(physiology, stepTime()), [physiology, stepTime]);
  return (
    <div className="lesson-physiology">
      <PhysiologyScene state={state} time={time} theme={theme} reducedMotion={reducedMotion} frames={frames} />
    </div>
  );
}
