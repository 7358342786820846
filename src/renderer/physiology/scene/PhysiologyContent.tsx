import { useFrame, useThree } from '@react-three/fiber';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, type MutableRefObject } from 'react';
import { PerspectiveCamera, Vector3 } from 'three';
import type { Vec3 } from '../../../shared/anatomy/gland-anatomy';
import { HORMONES, type HormoneId, type PhysiologyState } from '../../../shared/physiology/physiology-types';
import type { Theme } from '../../../shared/settings';
import { SIDES } from './body-layout';
import { glandForBodyMap } from './gland-layout';
import { PHYSIOLOGY_PALETTES } from './physiology-palette';
import { buildPhysiologyModel } from './physiology-model';
import { CAMERA_FOV, CAMERA_TARGET, cameraPosition } from './scene-camera';
import { copyDrive, createSceneDrive, sameDrive, updateSceneDrive } from './scene-drive';
import { LABEL_PLACEMENTS, PHYSIOLOGY_LABELS, stackLabels, type AnchorKey, type PhysiologyLabel } from './scene-labels';

/** The HTML around the canvas that the frame loop writes to directly (never through React state). */
export interface SceneDom {
  labels: MutableRefObject<Partial<Record<PhysiologyLabel, HTMLElement | null>>>;
  leaders: MutableRefObject<Partial<Record<PhysiologyLabel, SVGLineElement | null>>>;
  legend: MutableRefObject<Partial<Record<HormoneId, HTMLElement | null>>>;
}

/** Filled in by the scene; the clock calls it on each tick (see PhysiologyScene's `frames`). */
export type FrameRequests = { current: (() => void) | null };

const projected = new Vector3();

/** Points the tests sample: `data-anchors` on the canvas, CSS pixels from its top-left corner. */
const TEST_ANCHORS: readonly AnchorKey[] = ['left-nipple', 'right-nipple', 'anterior-pituitary', 'posterior-pituitary', 'hypothalamus', 'heart', 'placenta'];

export function PhysiologyContent({
  state,
  time,
  theme,
  reducedMotion,
  frames,
  dom,
  labelsKey,
}: {
  state: () => PhysiologyState;
  time: () => number;
  theme: Theme;
  reducedMotion: boolean;
  frames: FrameRequests | undefined;
  dom: SceneDom;
  /** Changes when the labels' text or type size does (language, theme): the framing is measured again. */
  labelsKey: string;
}) {
  const invalidate = useThree((s) => s.invalidate);
  const camera = useThree((s) => s.camera);
  const canvas = useThree((s) => s.gl.domElement);
  const width = useThree((s) => s.size.width);
  const height = useThree((s) => s.size.height);
  // The gland is generated once (about 30 ms); the model is rebuilt only when the theme changes.
  const gland = useMemo(glandForBodyMap, []);
  const model = useMemo(() => buildPhysiologyModel(gland, PHYSIOLOGY_PALETTES[theme]), [gland, theme]);
  useEffect(() => () => model.dispose(), [model]);
  const drive = useMemo(createSceneDrive, []);
  const probe = useMemo(createSceneDrive, []);
  const drawn = useRef({ drive: createSceneDrive(), time: Number.NaN, fresh: true });

  useLayoutEffect(() => {
    if (!(camera instanceof PerspectiveCamera)) return;
    camera.fov = CAMERA_FOV;
    camera.near = 10;
    camera.far = 1000;
    // The camera stands back far enough for every label to fit beside its column.
    const extents = PHYSIOLOGY_LABELS.map((key) => ({ x: LABEL_PLACEMENTS[key].at[0], width: (dom.labels.current[key]?.firstElementChild as HTMLElement | null)?.offsetWidth ?? 0 }));
    camera.position.set(...cameraPosition(width, height, extents));
    camera.lookAt(...CAMERA_TARGET);
    camera.updateProjectionMatrix();
    camera.updateMatrixWorld();
    drawn.current.fresh = true;
    invalidate();
  }, [camera, width, height, invalidate, dom, labelsKey]);

  // Marks the canvas once a frame with the body in it has been drawn (tests wait on it).
  useEffect(() => {
    const body = model.root.getObjectByName('body');
    if (!body) return;
    body.onAfterRender = () => {
      if (canvas.dataset['physiologyScene'] !== 'ready') canvas.dataset['physiologyScene'] = 'ready';
    };
  }, [model, canvas]);

  /** Places the labels, their leader lines and the test anchors; runs when the layout changes. */
  const layout = useCallback(
    (placenta: boolean) => {
      const toScreen = (p: Vec3): { x: number; y: number } => {
        projected.set(p[0], p[1], p[2]).project(camera);
        return { x: Math.round(((projected.x + 1) / 2) * width * 10) / 10, y: Math.round(((1 - projected.y) / 2) * height * 10) / 10 };
      };
      const shown = PHYSIOLOGY_LABELS.filter((key) => placenta || !LABEL_PLACEMENTS[key].withPlacenta);
      const wanted = new Map(shown.map((key) => [key, toScreen(LABEL_PLACEMENTS[key].at)]));
      // Shown before they are measured (a hidden label has no height).
      for (const key of PHYSIOLOGY_LABELS) {
        const label = dom.labels.current[key];
        if (label) label.hidden = !wanted.has(key);
      }
      // Each column is stacked so that no label covers the next, however small the canvas.
      for (const side of ['left', 'right'] as const) {
        const column = shown.filter((key) => LABEL_PLACEMENTS[key].side === side);
        const heights = column.map((key) => (dom.labels.current[key]?.firstElementChild as HTMLElement | null)?.offsetHeight ?? 0);
        const ys = stackLabels(
          column.map((key, i) => ({ y: wanted.get(key)!.y, height: heights[i]! })),
          4,
          4,
          height - 4,
        );
        column.forEach((key, i) => (wanted.get(key)!.y = ys[i]!));
      }
      for (const key of PHYSIOLOGY_LABELS) {
        const placement = LABEL_PLACEMENTS[key];
        const at = wanted.get(key);
        const label = dom.labels.current[key];
        const leader = dom.leaders.current[key];
        if (leader) leader.style.display = at ? '' : 'none';
        if (!at) continue;
        const anchor = toScreen(model.anchors[placement.anchor]);
        if (label) label.style.transform = `translate(${at.x}px, ${at.y}px)`;
        if (leader) {
          leader.setAttribute('x1', String(at.x + (placement.side === 'left' ? 6 : -6)));
          leader.setAttribute('y1', String(at.y));
          leader.setAttribute('x2', String(anchor.x));
          leader.setAttribute('y2', String(anchor.y));
        }
      }
      const anchors: Record<string, { x: number; y: number }> = {};
      for (const key of TEST_ANCHORS) if (key !== 'placenta' || placenta) anchors[key] = toScreen(model.anchors[key]);
      for (const side of SIDES) model.openings[side].forEach((p, i) => (anchors[`${side}-nipple-opening-${i + 1}`] = toScreen(p)));
      canvas.dataset['anchors'] = JSON.stringify(anchors);
    },
    [camera, width, height, model, dom, canvas],
  );

  // The clock's tick: a frame only when something drawn would change.
  useEffect(() => {
    if (!frames) return;
    const request = (): void => {
      updateSceneDrive(state(), reducedMotion, probe);
      const last = drawn.current;
      if (last.fresh || !sameDrive(probe, last.drive) || (probe.moving && time() !== last.time)) invalidate();
    };
    frames.current = request;
    return () => {
      if (frames.current === request) frames.current = null;
    };
  }, [frames, state, time, reducedMotion, probe, invalidate]);
  useEffect(() => invalidate(), [state, time, reducedMotion, model, invalidate]);

  useFrame(() => {
    updateSceneDrive(state(), reducedMotion, drive);
    const t = time();
    model.apply(drive, t);
    const last = drawn.current;
    if (last.fresh || drive.placenta !== last.drive.placenta) layout(drive.placenta);
    for (const id of HORMONES) {
      const present = drive.streams[id] > 0;
      if (last.fresh || present !== last.drive.streams[id] > 0) {
        const row = dom.legend.current[id];
        if (row) row.dataset['present'] = present ? 'yes' : 'no';
      }
    }
    copyDrive(drive, last.drive);
    last.time = t;
    last.fresh = false;
  });

  return <primitive object={model.root} />;
}
