import { pointAlong, type Route } from './route-curve';

/**
 * Particles as a pure function of the clock: particle k of a stream rides branch k mod B of the
 * stream's routes, at progress
 *
 *   u = fract(φ·k + p ± t·v / L)     φ = (√5 − 1) / 2, v in units per second, L the branch length,
 *                                     p the stream's own phase
 *
 * so the same time always gives the same positions, with no state carried between frames. Phases
 * follow the particle's index over the whole stream, not within its branch, so particles on
 * branches that share a vessel (every branch to the breasts leaves the heart together) do not sit
 * on top of one another. The golden-ratio phases spread *any* first n particles evenly: the level of a hormone
 * sets how many particles are drawn (the first n of the stream's capacity), and they stay evenly
 * spaced at every density. The sign picks the direction (milk flowing back into the breast after
 * an ejection moves the other way). When the scene holds still (reduced motion, or between
 * feeds) the caller passes t = 0: the particles keep their places and still show the density.
 */
export const GOLDEN_FRACTION = (Math.sqrt(5) - 1) / 2;

export interface Stream {
  /** The branches particles are shared between (e.g. one per breast). */
  readonly routes: readonly Route[];
  /** Particles drawn at level 1. */
  readonly capacity: number;
  /** Travel speed, in route units per second. */
  readonly speed: number;
  /** Shifts every particle along its route (a share of it), so streams sharing routes do not overlap. */
  readonly phase?: number;
}

const fract = (x: number): number => x - Math.floor(x);

/** How many of a stream's particles a level (0 … 1) shows: none at 0, at least one above it. */
export function visibleCount(level: number, capacity: number): number {
  if (!(level > 0)) return 0;
  return Math.max(1, Math.min(capacity, Math.round(Math.min(1, level) * capacity)));
}

/** Progress (0 … 1) of particle k of a stream, on a branch of `length`, at time `t`. */
export function particleProgress(k: number, t: number, speed: number, length: number, direction: number, phase = 0): number {
  const travelled = length > 0 ? (t * speed) / length : 0;
  return fract(k * GOLDEN_FRACTION + phase + (direction < 0 ? -travelled : travelled));
}

/**
 * Writes the first `count` particles of the stream (xyz each) into `out` from index 0. Returns
 * the number written. `count` is clamped to the stream's capacity and to `out`'s room.
 */
export function writeStream(stream: Stream, count: number, t: number, direction: number, out: Float32Array): number {
  const branches = stream.routes.length;
  if (branches === 0) return 0;
  const n = Math.min(count, stream.capacity, Math.floor(out.length / 3));
  for (let k = 0; k < n; k += 1) {
    const route = stream.routes[k % branches]!;
    const u = particleProgress(k, t, stream.speed, route.length, direction, stream.phase ?? 0);
    pointAlong(route, u, out, k * 3);
  }
  return n;
}

/**
 * Particles that stay inside something (the local inhibitor in the alveoli's milk): each sits at
 * its own anchor and drifts on a small loop, `radius` units across, instead of travelling.
 * Writes from particle `offset` of `out` (so two breasts can share one buffer); returns the count.
 */
export function writeDrift(anchors: Float32Array, count: number, t: number, radius: number, out: Float32Array, offset = 0): number {
  const n = Math.max(0, Math.min(count, Math.floor(anchors.length / 3), Math.floor(out.length / 3) - offset));
  for (let k = 0; k < n; k += 1) {
    const angle = (k * GOLDEN_FRACTION + t * 0.15) * Math.PI * 2;
    const o = (offset + k) * 3;
    out[o] = anchors[k * 3]! + Math.cos(angle) * radius;
    out[o + 1] = anchors[k * 3 + 1]! + Math.sin(angle) * radius;
    out[o + 2] = anchors[k * 3 + 2]!;
  }
  return n;
}
