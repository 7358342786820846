import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef, type MutableRefObject } from 'react';
import { Spherical, Vector3, type Camera } from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { blendOrbit, HOME_ORBIT, ORBIT_LIMITS, orbitAfterKey, type Orbit } from './orbit-keys';

/** Handles a key meant for the view; returns false when the key is not one of them. */
export type ViewCommand = (key: string) => boolean;

const TARGET = new Vector3(0, 0.45, 0);
/** Shifts the picture right on wide screens so the tree is not hidden behind the side panel. */
const WIDE_FILM_OFFSET = -5;
const RESET_SECONDS = 0.7;
const spherical = new Spherical();
const offset = new Vector3();

function readOrbit(camera: Camera, controls: OrbitControls): Orbit {
  spherical.setFromVector3(offset.copy(camera.position).sub(controls.target));
  return { azimuth: spherical.theta, polar: spherical.phi, distance: spherical.radius };
}

function applyOrbit(orbit: Orbit, camera: Camera, controls: OrbitControls, invalidate: () => void): void {
  spherical.set(orbit.distance, orbit.polar, orbit.azimuth);
  camera.position.setFromSpherical(spherical).add(controls.target);
  camera.lookAt(controls.target);
  controls.update();
  invalidate();
}

/**
 * Pointer orbiting through three's OrbitControls; keys through `orbitAfterKey`. Frames are drawn
 * only when something moved (the canvas renders on demand). The reset glides unless the learner
 * asked for reduced motion, in which case it jumps.
 */
export function CameraRig({ commandRef, reducedMotion }: { commandRef: MutableRefObject<ViewCommand | null>; reducedMotion: boolean }) {
  const camera = useThree((s) => s.camera);
  const element = useThree((s) => s.gl.domElement);
  const invalidate = useThree((s) => s.invalidate);
  const aspect = useThree((s) => s.size.width / Math.max(1, s.size.height));
  const controls = useMemo(() => new OrbitControls(camera, element), [camera, element]);
  const tween = useRef<{ from: Orbit; to: Orbit; elapsed: number } | null>(null);

  const read = (): Orbit => readOrbit(camera, controls);
  const apply = (orbit: Orbit): void => applyOrbit(orbit, camera, controls, invalidate);

  useEffect(() => {
    controls.target.copy(TARGET);
    controls.minDistance = ORBIT_LIMITS.minDistance;
    controls.maxDistance = ORBIT_LIMITS.maxDistance;
    controls.minPolarAngle = ORBIT_LIMITS.minPolar;
    controls.maxPolarAngle = ORBIT_LIMITS.maxPolar;
    controls.enablePan = false;
    applyOrbit(HOME_ORBIT, camera, controls, invalidate);
    const onChange = (): void => invalidate();
    controls.addEventListener('change', onChange);
    return () => {
      controls.removeEventListener('change', onChange);
      controls.dispose();
    };
  }, [controls, camera, invalidate]);

  useEffect(() => {
    if (!('filmOffset' in camera)) return;
    camera.filmOffset = aspect > 1.3 ? WIDE_FILM_OFFSET : 0;
    camera.updateProjectionMatrix();
    invalidate();
  }, [camera, aspect, invalidate]);

  commandRef.current = (key) => {
    const current = read();
    const next = orbitAfterKey(current, key);
    if (!next) return false;
    if (key === 'Home' && !reducedMotion) {
      tween.current = { from: current, to: next, elapsed: 0 };
      invalidate();
    } else {
      tween.current = null;
      apply(next);
    }
    return true;
  };

  useFrame((_, delta) => {
    const active = tween.current;
    if (!active) return;
    active.elapsed += Math.min(delta, 0.1);
    const t = active.elapsed / RESET_SECONDS;
    apply(blendOrbit(active.from, active.to, t));
    if (t >= 1) tween.current = null;
  });

  return null;
}
