import { useCallback, useEffect, useRef, useState } from 'react';
import type { Lesson } from '../../shared/lessons/lesson-types';
import { needsFrames, pulsingIds, sceneChangedBetween } from '../../shared/lessons/lesson-state-changes';
import { stateAt, type AnimationPhase, type LessonState, type Timeline } from '../../shared/lessons/timeline';
import { extrapolatedTime, type PresentationState } from '../../shared/presentation/presentation-state';
import type { SceneDirection } from '../scene/SceneView';

/** A jump larger than this (lesson seconds) between frames is a seek: the scene jumps instead of animating. */
const SEEK_SECONDS = 0.75;

export interface Received {
  state: PresentationState;
  /** performance.now() / 1000 when it arrived. */
  at: number;
}

/**
 * The audience's side of the lesson clock. The presenter's clock is the one state; the audience
 * reads its latest time (moving it on at the lesson's speed between two messages) and turns it into
 * the scene with the same pure `stateAt` the player uses, so both windows show the same thing at
 * the same lesson time. Like the player, it tells the 3D view only when the scene changes and asks
 * for frames while an animation runs.
 */
export function useFollowedLesson(lesson: Lesson | null, timeline: Timeline | null, received: { current: Received | null }) {
  const [direction, setDirection] = useState<SceneDirection | null>(null);
  const [caption, setCaption] = useState<string | null>(null);
  const [stepIndex, setStepIndex] = useState<number | null>(null);
  const phasesNow = useRef<readonly AnimationPhase[]>([]);
  const timeNow = useRef({ time: 0, stepTime: 0 });
  const frames = useRef<(() => void) | null>(null);
  const readPhases = useCallback(() => phasesNow.current, []);
  const readTime = useCallback(() => timeNow.current.time, []);
  const readStepTime = useCallback(() => timeNow.current.stepTime, []);

  useEffect(() => {
    if (!lesson || !timeline) {
      setDirection(null);
      setCaption(null);
      setStepIndex(null);
      return;
    }
    let previous: LessonState | null = null;
    let previousTime = Number.NaN;
    let frame = 0;
    const tick = (): void => {
      const latest = received.current;
      if (latest) {
        const now = performance.now() / 1000;
        const time = extrapolatedTime(latest.state, now - latest.at, timeline.duration);
        const next = stateAt(timeline, time);
        const jumped = !previous || Math.abs(time - previousTime) > SEEK_SECONDS;
        phasesNow.current = next.phases;
        timeNow.current = { time: next.t, stepTime: next.stepTime };
        if (jumped || sceneChangedBetween(previous, next)) {
          setDirection({ scene: next.scene, instant: jumped, pulsing: pulsingIds(next), phases: readPhases, frames, time: readTime, stepTime: readStepTime });
        }
        if (needsFrames(next, latest.state.playing)) frames.current?.();
        const sentence = next.captionIndex === null ? null : (lesson.steps[next.stepIndex]?.sentences[next.captionIndex]?.text ?? null);
        setCaption((current) => (current === sentence ? current : sentence));
        setStepIndex(next.stepIndex);
        previous = next;
        previousTime = time;
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [lesson, timeline, received, readPhases, readTime, readStepTime]);

  return { direction, caption, stepIndex };
}
