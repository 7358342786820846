import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { lessonPhysiologyAt } from '../../shared/lessons/physiology-at';
import type { LessonPhysiology } from '../../shared/lessons/lesson-physiology';
import type { Theme } from '../../shared/settings';
import type { SceneDirection } from '../scene/SceneView';
import { PhysiologyScene } from './scene/PhysiologyScene';
import type { PhysiologyStructure } from './scene/scene-labels';

/** Room kept above the lesson's controls for its captions (about three lines at full width). */
const CAPTION_ROOM_REM = 6.5;

interface Inset {
  right: number;
  bottom: number;
}

/**
 * The body map as a lesson shows it: no explore panel, the picture a pure function of the lesson's
 * physiology (what its cues set) and of the lesson clock, read on every drawn frame. The body map
 * has a fixed camera, so instead of drawing under the lesson's captions, controls and transcript it
 * takes the room they leave free.
 */
export function LessonPhysiologyScene({
  physiology,
  direction,
  theme,
  reducedMotion,
  highlight = null,
}: {
  physiology: LessonPhysiology;
  direction: SceneDirection;
  theme: Theme;
  reducedMotion: boolean;
  /** A part the presenter points out to the room. */
  highlight?: PhysiologyStructure | null;
}) {
  const { stepTime, time, frames } = direction;
  const state = useMemo(() => () => lessonPhysiologyAt(physiology, stepTime()), [physiology, stepTime]);
  const box = useRef<HTMLDivElement | null>(null);
  const inset = useFreeRoom(box);
  return (
    <div ref={box} className="lesson-physiology" style={{ right: inset.right, bottom: inset.bottom }}>
      <PhysiologyScene state={state} time={time} theme={theme} reducedMotion={reducedMotion} frames={frames} highlight={highlight} />
    </div>
  );
}

/** What the lesson's controls, captions and transcript cover of the main area, kept up to date. */
function useFreeRoom(box: React.RefObject<HTMLDivElement | null>): Inset {
  const [inset, setInset] = useState<Inset>({ right: 0, bottom: 0 });
  useLayoutEffect(() => {
    const main = box.current?.closest('main');
    if (!main) return;
    const measure = (): void => {
      const area = main.getBoundingClientRect();
      const controls = main.querySelector('.player-controls')?.getBoundingClientRect();
      const transcript = main.querySelector('.transcript')?.getBoundingClientRect();
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      const next = {
        right: transcript ? Math.max(0, Math.round(area.right - transcript.left)) : 0,
        bottom: controls ? Math.max(0, Math.round(area.bottom - controls.top + CAPTION_ROOM_REM * rem)) : 0,
      };
      setInset((previous) => (previous.right === next.right && previous.bottom === next.bottom ? previous : next));
    };
    measure();
    const resized = new ResizeObserver(measure);
    resized.observe(main);
    // The transcript comes and goes, and the controls wrap differently in another language.
    const changed = new MutationObserver(measure);
    changed.observe(main, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'hidden'] });
    return () => {
      resized.disconnect();
      changed.disconnect();
    };
  }, [box]);
  return inset;
}
