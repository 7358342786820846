import { lazy, Suspense, useMemo } from 'react';
import { INITIAL_PHYSIOLOGY } from '../../shared/lessons/lesson-physiology';
import { INITIAL_SCENE } from '../../shared/lessons/scene';
import type { Theme } from '../../shared/settings';
import type { Host } from '../host/host';
import { SceneView, type SceneDirection } from '../scene/SceneView';
import { bodyLabelOf } from './pointer-targets';

const LessonPhysiologyScene = lazy(() => import('../physiology/LessonPhysiologyScene').then((m) => ({ default: m.LessonPhysiologyScene })));

/** A class quiz's pick question: the map its answer lives on, and whether the answer is shown. */
export type QuizPick = { map: 'gland'; ids: readonly string[]; revealed: boolean } | { map: 'body'; part: string; revealed: boolean };

const NONE: readonly string[] = [];

/** The body map at rest, for a pick question about the body while the lesson shows the gland. */
const RESTING_BODY: SceneDirection = {
  scene: { ...INITIAL_SCENE, physiology: INITIAL_PHYSIOLOGY },
  instant: true,
  pulsing: [],
  phases: () => [],
  frames: { current: null },
  time: () => 0,
  stepTime: () => 0,
};

/**
 * What the room sees of the lesson, in the audience window and in the presenter's own view: the
 * gland (kept mounted under the body map, as in the player) or the body map, as the lesson directs,
 * with what the presenter points out. During a class quiz, a pick question shows the map its
 * answer is on, and the answer lights up when revealed.
 */
export function PresentationScene({
  host,
  theme,
  reducedMotion,
  direction,
  pointer,
  onPoint,
  quizPick,
  onProblems,
}: {
  host: Host;
  theme: Theme;
  reducedMotion: boolean;
  direction: SceneDirection | null;
  pointer: string | null;
  onPoint?: (id: string) => void;
  quizPick: QuizPick | null;
  onProblems(problems: string[]): void;
}) {
  const glandDirection = quizPick?.map === 'gland' ? null : direction;
  const bodyDirection = quizPick?.map === 'body' ? RESTING_BODY : quizPick ? null : direction?.scene.physiology ? direction : null;
  const pointers = useMemo(() => {
    if (quizPick?.map === 'gland') return quizPick.revealed ? quizPick.ids : NONE;
    return pointer ? [pointer] : NONE;
  }, [quizPick, pointer]);
  const bodyHighlight = quizPick?.map === 'body' ? (quizPick.revealed ? bodyLabelOf(`body:${quizPick.part}`) : null) : bodyLabelOf(pointer);
  return (
    <>
      <div className="app__scene-slot" hidden={bodyDirection !== null}>
        <SceneView host={host} theme={theme} reducedMotion={reducedMotion} onProblems={onProblems} direction={glandDirection} chrome="none" pointers={pointers} {...(onPoint ? { onPoint } : {})} />
      </div>
      {bodyDirection?.scene.physiology && (
        <Suspense fallback={null}>
          <LessonPhysiologyScene physiology={bodyDirection.scene.physiology} direction={bodyDirection} theme={theme} reducedMotion={reducedMotion} highlight={bodyHighlight} />
        </Suspense>
      )}
    </>
  );
}
