import type { BenchMode } from './bench-mode';

/**
 * What a bench page (`?bench=…`) exposes on `window.__atlasBench` for scripts/bench.ts. The script
 * calls it through `page.evaluate(fn)`: the page's CSP forbids eval, so no strings.
 */
export interface BenchFrame {
  /** The probe's frame counter since `freeze()`; the clock reads frame / 60 s. */
  frame: number;
  /** From the start of the frame's JavaScript until the GPU has finished it (a 1-pixel readback). */
  wallMs: number;
  /** The frame's main-thread JavaScript: the app's frame callbacks plus three.js issuing the draws. */
  jsMs: number;
  /** The part of `jsMs` before three.js starts drawing: useFrame callbacks and the matrix update. */
  callbacksMs: number;
  /** renderer.info.render summed over every render call of the frame. */
  drawCalls: number;
  triangles: number;
  /** renderer.info.memory and the number of compiled shader programs, after the frame. */
  geometries: number;
  textures: number;
  programs: number;
  /** The canvas's data-layout and data-scale attributes after the frame (null when absent). */
  layout: string | null;
  scale: string | null;
  /** How far the camera moved during the frame, in scene units. */
  cameraMoved: number;
}

export interface AtlasBench {
  mode: BenchMode;
  /**
   * performance.now() (ms since navigation) once the first frame that contains the subject (the
   * gland, or the reference spheres) has been drawn and finished by the GPU; null until then.
   */
  firstSubjectFrameMs: number | null;
  /** Frames rendered since the page loaded (every WebGLRenderer.render call). */
  renderedFrames(): number;
  canvasSize(): { width: number; height: number };
  /** Stops the render loop: from now on a frame is drawn only by `advance`. */
  freeze(): void;
  /** Remembers the camera and the point it orbits (where its line of sight passes the subject). */
  beginOrbit(): void;
  /** Draws one frame at the next tick of the 60 Hz clock; with `orbitFrame`, from that point of the orbit. */
  advance(options?: { orbitFrame?: number }): BenchFrame;
  /** Puts the camera back where `beginOrbit` found it. */
  endOrbit(): void;
}

declare global {
  interface Window {
    __atlasBench?: AtlasBench;
  }
}
