import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef, type MutableRefObject } from 'react';
import { PerspectiveCamera, Spherical, Vector3, type Camera } from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { CameraPose } from '../../shared/bookmarks';
import { blendOrbit, orbitAfterKey, type Orbit, type OrbitLimits } from './orbit-keys';

/** Where a scale of the view (the gland, a lobule close-up, an alveolus close-up) is looked at from. */
export interface CameraScale {
  home: Orbit;
  target: readonly [number, number, number];
  limits: OrbitLimits;
}

/** What the rest of the view can ask of the camera. */
export interface ViewCommands {
  /** Handles a key meant for the view; false when the key is not one of them. */
  key(key: string): boolean;
  /**
   * Glides (or jumps, with reduced motion) to look at `target` from `distance`; `onArrive` runs
   * when it gets there, unless another move has replaced this one meanwhile.
   */
  focus(target: readonly [number, number, number], distance: number, onArrive?: () => void, progress?: () => number | null): void;
  /**
   * Switches to another scale: its home is where Home and Reset view go and its limits apply.
   * The camera is put at `start` (same direction as now, that distance from its target) and
   * glides to the scale's home — a fly-in when `start` is far, a pull-back when it is close.
   */
  enterScale(scale: CameraScale, start: { target: readonly [number, number, number]; distance: number }, progress?: () => number | null): void;
  /**
   * Glides (or jumps) to look at `target` from a given orbit: a lesson's named shot. With
   * `progress` (0 to 1, null when done) the glide follows that instead of the view's own time: a
   * lesson's clock, so pausing the lesson holds the camera where it is.
   */
  look(target: readonly [number, number, number], orbit: Orbit, progress?: () => number | null): void;
  /** Where the camera stands and what it looks at, now (a bookmark keeps it). */
  pose(): CameraPose;
  /** Glides (or jumps, with reduced motion) back to a pose that `pose` gave. */
  place(pose: CameraPose): void;
}

const FLIGHT_SECONDS = 0.9;
const spherical = new Spherical();
const offset = new Vector3();

function readOrbit(camera: Camera, target: Vector3): Orbit {
  spherical.setFromVector3(offset.copy(camera.position).sub(target));
  return { azimuth: spherical.theta, polar: spherical.phi, distance: spherical.radius };
}

function applyOrbit(orbit: Orbit, camera: Camera, controls: OrbitControls, target: Vector3, invalidate: () => void): void {
  controls.target.copy(target);
  spherical.set(orbit.distance, orbit.polar, orbit.azimuth);
  camera.position.setFromSpherical(spherical).add(target);
  camera.lookAt(target);
  controls.update();
  invalidate();
}

interface Flight {
  from: Orbit;
  to: Orbit;
  fromTarget: Vector3;
  toTarget: Vector3;
  elapsed: number;
  seconds: number;
  onArrive?: () => void;
  /** Where the flight is (0 to 1), from outside; null when it should finish. */
  progress?: () => number | null;
  /** The last `t` drawn, so a held flight stops asking for frames. */
  lastT?: number;
}

function setLimits(controls: OrbitControls, limits: OrbitLimits): void {
  controls.minDistance = limits.minDistance;
  controls.maxDistance = limits.maxDistance;
  controls.minPolarAngle = limits.minPolar;
  controls.maxPolarAngle = limits.maxPolar;
}

/** While the camera flies, the scale's limits must not clamp the path (a fly-in starts far out). */
const IN_FLIGHT: OrbitLimits = { minPolar: 0, maxPolar: Math.PI, minDistance: 0, maxDistance: Infinity };

/**
 * Pointer orbiting through three's OrbitControls (damped); keys through `orbitAfterKey`; flights
 * to a selected structure and between scales. Frames are drawn only when something moves (the
 * canvas renders on demand). Flights glide unless the learner asked for reduced motion, in which
 * case they jump. `initial` is the scale shown first; `enterScale` changes it.
 */
export function CameraRig({
  commandRef,
  reducedMotion,
  initial,
  freeArea,
  layoutKey,
  onReady,
}: {
  commandRef: MutableRefObject<ViewCommands | null>;
  reducedMotion: boolean;
  initial: CameraScale;
  /**
   * The part of the canvas (px) not covered by side panels (and, in a lesson, the player below);
   * the picture is centred on it so the subject is not hidden. Asked again when `layoutKey` changes.
   */
  freeArea?: () => { left: number; right: number; top?: number; bottom?: number } | null;
  layoutKey?: string;
  /** Called once the commands can be used (the canvas mounts its contents only once it has a size). */
  onReady?: () => void;
}) {
  const camera = useThree((s) => s.camera);
  const element = useThree((s) => s.gl.domElement);
  const invalidate = useThree((s) => s.invalidate);
  const width = useThree((s) => s.size.width);
  const height = useThree((s) => s.size.height);
  const controls = useMemo(() => new OrbitControls(camera, element), [camera, element]);
  const flight = useRef<Flight | null>(null);
  const scratchTarget = useMemo(() => new Vector3(), []);
  const scale = useRef<CameraScale>(initial);

  useEffect(() => onReady?.(), [onReady]);

  useEffect(() => {
    controls.enableDamping = !reducedMotion;
    controls.dampingFactor = 0.12;
    controls.screenSpacePanning = true;
  }, [controls, reducedMotion]);

  useEffect(() => {
    scale.current = initial;
    setLimits(controls, initial.limits);
    applyOrbit(initial.home, camera, controls, new Vector3(...initial.target), invalidate);
    // Damping keeps the view moving for a few frames after the pointer stops.
    const onChange = (): void => invalidate();
    controls.addEventListener('change', onChange);
    return () => {
      controls.removeEventListener('change', onChange);
      controls.dispose();
    };
  }, [controls, camera, invalidate, initial]);

  useEffect(() => {
    if (!(camera instanceof PerspectiveCamera)) return;
    const area = freeArea?.();
    // Centre the picture on the free area, when it is big enough to be worth centring on.
    const dx = area && width > height && area.right - area.left > width * 0.3 ? (area.left + area.right) / 2 - width / 2 : 0;
    const top = area?.top ?? 0;
    const bottom = area?.bottom ?? height;
    const dy = area && bottom - top > height * 0.4 ? (top + bottom) / 2 - height / 2 : 0;
    if (dx === 0 && dy === 0) camera.clearViewOffset();
    else camera.setViewOffset(width, height, -dx, -dy, width, height);
    camera.updateProjectionMatrix();
    invalidate();
  }, [camera, width, height, invalidate, freeArea, layoutKey]);

  useEffect(() => {
    // A readout for tests: where the camera stands, then what it looks at (scene units, 2 decimals).
    const mark = (): void => {
      element.dataset['camera'] = [...camera.position.toArray(), ...controls.target.toArray()].map((value) => value.toFixed(2)).join(' ');
    };
    mark();
    controls.addEventListener('change', mark);
    return () => controls.removeEventListener('change', mark);
  }, [controls, camera, element]);

  const land = (): void => {
    setLimits(controls, scale.current.limits);
    controls.update();
  };

  const start = (to: Orbit, toTarget: Vector3, onArrive?: () => void, progress?: () => number | null): void => {
    const fromTarget = controls.target.clone();
    const from = readOrbit(camera, fromTarget);
    if (reducedMotion) {
      flight.current = null;
      applyOrbit(to, camera, controls, toTarget, invalidate);
      land();
      onArrive?.();
      return;
    }
    setLimits(controls, IN_FLIGHT);
    flight.current = { from, to, fromTarget, toTarget, elapsed: 0, seconds: FLIGHT_SECONDS, ...(onArrive ? { onArrive } : {}), ...(progress ? { progress } : {}) };
    invalidate();
  };

  commandRef.current = {
    key: (key) => {
      if (key === 'Home') {
        start(scale.current.home, new Vector3(...scale.current.target));
        return true;
      }
      const next = orbitAfterKey(readOrbit(camera, controls.target), key, scale.current.limits);
      if (!next) return false;
      flight.current = null;
      land();
      applyOrbit(next, camera, controls, controls.target.clone(), invalidate);
      return true;
    },
    focus: (target, distance, onArrive, progress) => {
      const { limits } = scale.current;
      const current = readOrbit(camera, controls.target);
      start({ ...current, distance: Math.min(limits.maxDistance, Math.max(limits.minDistance, distance)) }, new Vector3(...target), onArrive, progress);
    },
    look: (target, orbit, progress) => start(orbit, new Vector3(...target), undefined, progress),
    pose: () => ({ position: camera.position.toArray(), target: controls.target.toArray() }),
    place: (pose) => {
      const target = new Vector3(...pose.target);
      spherical.setFromVector3(offset.set(...pose.position).sub(target));
      start({ azimuth: spherical.theta, polar: spherical.phi, distance: spherical.radius }, target);
    },
    enterScale: (next, from, progress) => {
      scale.current = next;
      flight.current = null;
      setLimits(controls, IN_FLIGHT);
      const current = readOrbit(camera, controls.target);
      applyOrbit({ ...current, distance: from.distance }, camera, controls, new Vector3(...from.target), invalidate);
      start(next.home, new Vector3(...next.target), undefined, progress);
    },
  };

  useFrame((_, delta) => {
    const active = flight.current;
    if (!active) {
      if (controls.enableDamping) controls.update();
      return;
    }
    active.elapsed += Math.min(delta, 0.1);
    const t = active.progress ? Math.min(1, Math.max(0, active.progress() ?? 1)) : Math.min(1, active.elapsed / active.seconds);
    // Held by the lesson's clock (paused): nothing moved, so no new frame is needed.
    if (t === active.lastT && t < 1) return;
    active.lastT = t;
    const k = 1 - (1 - t) ** 3;
    scratchTarget.lerpVectors(active.fromTarget, active.toTarget, k);
    applyOrbit(blendOrbit(active.from, active.to, t), camera, controls, scratchTarget, invalidate);
    if (t >= 1) {
      flight.current = null;
      land();
      active.onArrive?.();
    }
  });

  return null;
}
