import { useThree } from '@react-three/fiber';
import { useLayoutEffect } from 'react';
import { Box3, Vector3, type Camera, type Object3D, type Quaternion } from 'three';
import type { Orbit } from '../scene/orbit-keys';
import type { AtlasBench, BenchFrame } from './bench-api';
import { frameTimestamp, parseBenchMode, type BenchMode } from './bench-mode';
import { closestPointOnRay, orbitAtFrame, orbitOf, orbitPosition, type Point } from './camera-path';

/**
 * The benchmark's hands inside the canvas (see scripts/bench.ts and bench-api.ts). Outside a
 * `?bench=…` page it renders nothing and installs nothing.
 */
const MODE = parseBenchMode(window.location.search);

/** The name of the gland's root group (GlandModel.tsx); the probe waits for it to be drawn. */
export const GLAND_SUBJECT = 'gland';

export function BenchProbe({ subject = GLAND_SUBJECT }: { subject?: string }) {
  return MODE ? <ActiveProbe mode={MODE} subject={subject} /> : null;
}

interface OrbitState {
  start: Orbit;
  pivot: Point;
  position: Vector3;
  quaternion: Quaternion;
}

const toPoint = (v: Vector3): Point => [v.x, v.y, v.z];

function ActiveProbe({ mode, subject }: { mode: BenchMode; subject: string }) {
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const camera = useThree((s) => s.camera);
  const get = useThree((s) => s.get);

  useLayoutEffect(() => {
    const context = gl.getContext();
    const pixel = new Uint8Array(4);
    // Chromium's WebGL finish() is only a flush; reading a pixel back waits for the GPU.
    const finishGpu = (): void => context.readPixels(0, 0, 1, 1, context.RGBA, context.UNSIGNED_BYTE, pixel);
    let frame = 0;
    let renderStart = 0;
    let orbit: OrbitState | null = null;
    let pose: Point | null = null;
    const before = new Vector3();

    const previousBefore = scene.onBeforeRender;
    const previousAfter = scene.onAfterRender;
    // The orbit pose goes on in onBeforeRender, after every useFrame callback, so CameraRig's
    // controls (which look at their own target each frame) cannot turn the camera away.
    scene.onBeforeRender = function (this: Object3D, ...args: Parameters<Object3D['onBeforeRender']>) {
      const renderCamera: Camera = args[2];
      if (pose && orbit) {
        renderCamera.position.set(...pose);
        renderCamera.lookAt(...orbit.pivot);
        renderCamera.updateMatrixWorld();
      }
      renderStart = performance.now();
      previousBefore.apply(this, args);
    };
    scene.onAfterRender = function (this: Object3D, ...args: Parameters<Object3D['onAfterRender']>) {
      previousAfter.apply(this, args);
      if (api.firstSubjectFrameMs === null && scene.getObjectByName(subject)) {
        finishGpu();
        api.firstSubjectFrameMs = performance.now();
      }
    };

    const api: AtlasBench = {
      mode,
      firstSubjectFrameMs: null,
      renderedFrames: () => gl.info.render.frame,
      canvasSize: () => ({ width: gl.domElement.width, height: gl.domElement.height }),
      freeze: () => {
        const state = get();
        state.setFrameloop('never');
        // A frame already requested would otherwise still be drawn by the rAF loop, with a
        // millisecond timestamp that breaks the seconds clock `advance` keeps.
        state.internal.frames = 0;
        // Counters are reset per bench frame instead, so a frame with several render calls adds up.
        gl.info.autoReset = false;
      },
      beginOrbit: () => {
        const target = scene.getObjectByName(subject);
        const centre = target ? new Box3().setFromObject(target).getCenter(new Vector3()) : new Vector3();
        const direction = camera.getWorldDirection(new Vector3());
        const pivot = closestPointOnRay(toPoint(camera.position), toPoint(direction), toPoint(centre));
        orbit = { start: orbitOf(toPoint(camera.position), pivot), pivot, position: camera.position.clone(), quaternion: camera.quaternion.clone() };
      },
      advance: (options = {}) => {
        frame += 1;
        pose = orbit && options.orbitFrame !== undefined ? orbitPosition(orbitAtFrame(orbit.start, options.orbitFrame), orbit.pivot) : null;
        gl.info.reset();
        before.copy(camera.position);
        renderStart = Number.NaN;
        const t0 = performance.now();
        get().advance(frameTimestamp(frame));
        const t1 = performance.now();
        finishGpu();
        const t2 = performance.now();
        const result: BenchFrame = {
          frame,
          wallMs: t2 - t0,
          jsMs: t1 - t0,
          callbacksMs: Number.isNaN(renderStart) ? t1 - t0 : renderStart - t0,
          drawCalls: gl.info.render.calls,
          triangles: gl.info.render.triangles,
          geometries: gl.info.memory.geometries,
          textures: gl.info.memory.textures,
          programs: gl.info.programs?.length ?? 0,
          layout: gl.domElement.dataset['layout'] ?? null,
          scale: gl.domElement.dataset['scale'] ?? null,
          cameraMoved: camera.position.distanceTo(before),
        };
        return result;
      },
      endOrbit: () => {
        if (!orbit) return;
        camera.position.copy(orbit.position);
        camera.quaternion.copy(orbit.quaternion);
        camera.updateMatrixWorld();
        orbit = null;
        pose = null;
      },
    };
    window.__atlasBench = api;
    return () => {
      scene.onBeforeRender = previousBefore;
      scene.onAfterRender = previousAfter;
      gl.info.autoReset = true;
      if (window.__atlasBench === api) delete window.__atlasBench;
    };
  }, [gl, scene, camera, get, mode, subject]);

  return null;
}
