import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef, type MutableRefObject } from 'react';
import { Spherical, Vector3, type Camera } from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { blendOrbit, orbitAfterKey, type Orbit, type OrbitLimits } from './orbit-keys';

/** What the rest of the view can ask of the camera. */
export interface ViewCommands {
  /** Handles a key meant for the view; false when the key is not one of them. */
  key(key: string): boolean;
  /** Glides (or jumps, with reduced motion) to look at `target` from `distance`. */
  focus(target: readonly [number, number, number], distance: number): void;
}

const FLIGHT_SECONDS = 0.9;
const spherical = new Spherical();
const offset = new Vector3();
/** Shifts the picture right on wide screens so the subject is not hidden behind the side panel. */
const WIDE_FILM_OFFSET = -5;

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
}

/**
 * Pointer orbiting through three's OrbitControls (damped); keys through `orbitAfterKey`; flights
 * to a selected structure. Frames are drawn only when something moves (the canvas renders on
 * demand). Flights glide unless the learner asked for reduced motion, in which case they jump.
 */
export function CameraRig({
  commandRef,
  reducedMotion,
  home,
  homeTarget,
  limits,
  sidePanel = true,
}: {
  commandRef: MutableRefObject<ViewCommands | null>;
  reducedMotion: boolean;
  home: Orbit;
  homeTarget: readonly [number, number, number];
  limits: OrbitLimits;
  sidePanel?: boolean;
}) {
  const camera = useThree((s) => s.camera);
  const element = useThree((s) => s.gl.domElement);
  const invalidate = useThree((s) => s.invalidate);
  const aspect = useThree((s) => s.size.width / Math.max(1, s.size.height));
  const controls = useMemo(() => new OrbitControls(camera, element), [camera, element]);
  const flight = useRef<Flight | null>(null);
  const scratchTarget = useMemo(() => new Vector3(), []);

  useEffect(() => {
    controls.minDistance = limits.minDistance;
    controls.maxDistance = limits.maxDistance;
    controls.minPolarAngle = limits.minPolar;
    controls.maxPolarAngle = limits.maxPolar;
    controls.enableDamping = !reducedMotion;
    controls.dampingFactor = 0.12;
    controls.screenSpacePanning = true;
  }, [controls, limits, reducedMotion]);

  useEffect(() => {
    applyOrbit(home, camera, controls, new Vector3(...homeTarget), invalidate);
    // Damping keeps the view moving for a few frames after the pointer stops.
    const onChange = (): void => invalidate();
    controls.addEventListener('change', onChange);
    return () => {
      controls.removeEventListener('change', onChange);
      controls.dispose();
    };
  }, [controls, camera, invalidate, home, homeTarget]);

  useEffect(() => {
    if (!('filmOffset' in camera)) return;
    camera.filmOffset = sidePanel && aspect > 1.3 ? WIDE_FILM_OFFSET : 0;
    camera.updateProjectionMatrix();
    invalidate();
  }, [camera, aspect, invalidate, sidePanel]);

  const start = (to: Orbit, toTarget: Vector3): void => {
    const fromTarget = controls.target.clone();
    const from = readOrbit(camera, fromTarget);
    if (reducedMotion) {
      flight.current = null;
      applyOrbit(to, camera, controls, toTarget, invalidate);
      return;
    }
    flight.current = { from, to, fromTarget, toTarget, elapsed: 0, seconds: FLIGHT_SECONDS };
    invalidate();
  };

  commandRef.current = {
    key: (key) => {
      if (key === 'Home') {
        start(home, new Vector3(...homeTarget));
        return true;
      }
      const next = orbitAfterKey(readOrbit(camera, controls.target), key, limits);
      if (!next) return false;
      flight.current = null;
      applyOrbit(next, camera, controls, controls.target.clone(), invalidate);
      return true;
    },
    focus: (target, distance) => {
      const current = readOrbit(camera, controls.target);
      start({ ...current, distance: Math.min(limits.maxDistance, Math.max(limits.minDistance, distance)) }, new Vector3(...target));
    },
  };

  useFrame((_, delta) => {
    const active = flight.current;
    if (!active) {
      if (controls.enableDamping) controls.update();
      return;
    }
    active.elapsed += Math.min(delta, 0.1);
    const t = Math.min(1, active.elapsed / active.seconds);
    const k = 1 - (1 - t) ** 3;
    scratchTarget.lerpVectors(active.fromTarget, active.toTarget, k);
    applyOrbit(blendOrbit(active.from, active.to, t), camera, controls, scratchTarget, invalidate);
    if (t >= 1) flight.current = null;
  });

  return null;
}
