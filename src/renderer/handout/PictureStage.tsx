import { useEffect, useMemo, useRef, useState } from 'react';
import { lessonPhysiologyAt } from '../../shared/lessons/physiology-at';
import type { Lesson } from '../../shared/lessons/lesson-types';
import { sceneScale, stepEndScenes, type StepScene } from '../../shared/handout/step-scenes';
import type { Host } from '../host/host';
import { PhysiologyScene } from '../physiology/scene/PhysiologyScene';
import { SceneView, type SceneDirection } from '../scene/SceneView';
import { StillTaker, type StillRequest } from './StillTaker';

/** How long one picture may take before the handout goes on without it (SwiftShader is slow). */
const PICTURE_TIMEOUT_MS = 60_000;
/** Frames to let React's effects and the scene settle after the scene changes, before the still. */
const SETTLING_FRAMES = 3;

/** Printed on white paper: the light, high-contrast palette, and no animation to wait for. */
const PRINT_THEME = 'projector';

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** The direction a lesson would give the gland view at the end of a step, held still. */
function stillDirection(still: StepScene): SceneDirection {
  return { scene: still.scene, instant: true, pulsing: [], phases: () => [], frames: { current: null }, time: () => still.time, stepTime: () => still.stepTime };
}

/** Whether the canvas shows the scene asked for: the gland at the right scale, or the body drawn. */
function canvasShows(stage: HTMLElement, still: StepScene): boolean {
  if (still.scene.physiology) return stage.querySelector<HTMLCanvasElement>('.handout-stage__physiology canvas')?.dataset['physiologyScene'] === 'ready';
  return stage.querySelector<HTMLCanvasElement>('.handout-stage__gland canvas')?.dataset['scale'] === sceneScale(still.scene);
}

/**
 * Draws each step's scene out of sight at a fixed size, one after the other, and hands back a
 * picture of each (null where one could not be drawn in time). Unmounting it stops the work.
 */
export function PictureStage({ host, lesson, onPicture, onDone }: { host: Host; lesson: Lesson; onPicture(position: number, picture: string | null): void; onDone(): void }) {
  const stills = useMemo(() => stepEndScenes(lesson), [lesson]);
  const [position, setPosition] = useState(0);
  const stageRef = useRef<HTMLDivElement | null>(null);
  const glandRequest = useRef<StillRequest['current']>(null);
  const bodyRequest = useRef<StillRequest['current']>(null);
  const latest = useRef({ onPicture, onDone });
  latest.current = { onPicture, onDone };
  const still = stills[position];
  // The gland stays mounted through the body map's steps (its model is built once), still on the
  // last gland scene shown, or the first one to come.
  const glandStill = useMemo(() => {
    const onGland = (candidate: StepScene) => !candidate.scene.physiology;
    return stills.slice(0, position + 1).reverse().find(onGland) ?? stills.find(onGland) ?? null;
  }, [stills, position]);
  const glandDirection = useMemo(() => (glandStill ? stillDirection(glandStill) : null), [glandStill]);

  useEffect(() => {
    if (!still) {
      latest.current.onDone();
      return;
    }
    let live = true;
    const request = still.scene.physiology ? bodyRequest : glandRequest;
    void (async () => {
      const started = performance.now();
      let settled = 0;
      while (live && settled < SETTLING_FRAMES && performance.now() - started < PICTURE_TIMEOUT_MS) {
        await nextFrame();
        const stage = stageRef.current;
        settled = stage && request.current && canvasShows(stage, still) ? settled + 1 : 0;
      }
      if (!live) return;
      let picture: string | null = null;
      if (settled >= SETTLING_FRAMES && request.current) {
        try {
          // The first frame lets the camera and the morph reach the scene; the second is the picture.
          request.current();
          picture = request.current();
        } catch {
          picture = null;
        }
      }
      latest.current.onPicture(still.position, picture);
      setPosition((current) => current + 1);
    })();
    return () => {
      live = false;
    };
  }, [still]);

  const physiology = still?.scene.physiology ?? null;
  const bodyState = useMemo(() => (physiology && still ? () => lessonPhysiologyAt(physiology, still.stepTime) : null), [physiology, still]);
  const bodyTime = useMemo(() => (still ? () => still.time : null), [still]);

  return (
    <div className="handout-stage" ref={stageRef} aria-hidden="true">
      {glandDirection && (
        <div className="handout-stage__gland">
          <SceneView host={host} theme={PRINT_THEME} reducedMotion onProblems={ignoreProblems} direction={glandDirection} chrome="none">
            <StillTaker request={glandRequest} />
          </SceneView>
        </div>
      )}
      {bodyState && bodyTime && (
        <div className="handout-stage__physiology">
          <PhysiologyScene state={bodyState} time={bodyTime} theme={PRINT_THEME} reducedMotion>
            <StillTaker request={bodyRequest} />
          </PhysiologyScene>
        </div>
      )}
    </div>
  );
}

/** The gland's own problems (a broken models/gland.json) are told by the main view already. */
function ignoreProblems(): void {}
