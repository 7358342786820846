import { describe, expect, it } from 'vitest';
import { createRoute, joinPolylines, pointAlong } from '../../../src/renderer/physiology/scene/route-curve';
import { particleProgress, visibleCount, writeDrift, writeStream, type Stream } from '../../../src/renderer/physiology/scene/particle-streams';

const straight = createRoute(
  [
    [0, 0, 0],
    [10, 0, 0],
  ],
  false,
);
const bent = createRoute([
  [0, 0, 0],
  [4, 0, 0],
  [4, 6, 0],
  [9, 8, 1],
]);

const at = (route: typeof straight, u: number): [number, number, number] => {
  const out = new Float32Array(3);
  pointAlong(route, u, out, 0);
  return [out[0]!, out[1]!, out[2]!];
};
const gap = (a: readonly number[], b: readonly number[]): number => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);

describe('routes', () => {
  it('run from the first point to the last, measured by arc length', () => {
    expect(straight.length).toBeCloseTo(10);
    expect(at(straight, 0)).toEqual([0, 0, 0]);
    expect(at(straight, 1)).toEqual([10, 0, 0]);
    expect(at(straight, 0.25)[0]).toBeCloseTo(2.5);
    expect(at(bent, 0)).toEqual([0, 0, 0]);
    expect(at(bent, 1).map((v) => Math.round(v * 1000) / 1000)).toEqual([9, 8, 1]);
  });

  it('move a particle the same distance for the same step anywhere along a bent route', () => {
    // Distance travelled along the path (fine chords), for 20 equal steps of progress.
    const travelled = (from: number, to: number): number => {
      let sum = 0;
      for (let k = 0; k < 50; k += 1) sum += gap(at(bent, from + ((to - from) * k) / 50), at(bent, from + ((to - from) * (k + 1)) / 50));
      return sum;
    };
    const steps = Array.from({ length: 20 }, (_, i) => travelled(i / 20, (i + 1) / 20));
    for (const step of steps) expect(step).toBeCloseTo(bent.length / 20, 2);
  });

  it('join polylines without repeating their shared joints', () => {
    expect(
      joinPolylines([
        [
          [0, 0, 0],
          [1, 0, 0],
        ],
        [
          [1, 0, 0],
          [2, 0, 0],
        ],
      ]),
    ).toEqual([
      [0, 0, 0],
      [1, 0, 0],
      [2, 0, 0],
    ]);
  });
});

describe('particle streams', () => {
  const stream: Stream = { routes: [straight, bent], capacity: 40, speed: 3 };

  it('put the same particles in the same places for the same time, whatever was drawn before', () => {
    const a = new Float32Array(120);
    const b = new Float32Array(120);
    writeStream(stream, 30, 12.5, 1, a);
    writeStream(stream, 40, 3, 1, b);
    writeStream(stream, 30, 12.5, 1, b);
    expect(Array.from(b.subarray(0, 90))).toEqual(Array.from(a.subarray(0, 90)));
  });

  it('show more particles for a higher level, none at zero, and never more than the capacity', () => {
    const counts = [0, 0.05, 0.2, 0.5, 0.8, 1].map((level) => visibleCount(level, 40));
    expect(counts[0]).toBe(0);
    for (let i = 1; i < counts.length; i += 1) expect(counts[i]).toBeGreaterThanOrEqual(counts[i - 1]!);
    expect(counts.at(-1)).toBe(40);
    expect(visibleCount(3, 40)).toBe(40);
    expect(visibleCount(Number.NaN, 40)).toBe(0);
    expect(visibleCount(0.001, 40)).toBe(1);
  });

  it('spread any first few particles along the whole route (golden-ratio phases)', () => {
    for (const n of [3, 7, 12, 25]) {
      const phases = Array.from({ length: n }, (_, j) => particleProgress(j, 0, 1, 10, 1)).sort((x, y) => x - y);
      const gaps = phases.map((p, i) => (i === 0 ? p + 1 - phases.at(-1)! : p - phases[i - 1]!));
      // Three-gap theorem: the largest gap stays within a small multiple of 1/n.
      expect(Math.max(...gaps)).toBeLessThan(2.7 / n);
    }
  });

  it('move forward along the route with a positive direction and backward with a negative one', () => {
    const route = createRoute(
      [
        [0, 0, 0],
        [20, 0, 0],
      ],
      false,
    );
    const forward = { routes: [route], capacity: 10, speed: 2 };
    const before = new Float32Array(30);
    const after = new Float32Array(30);
    writeStream(forward, 10, 1, 1, before);
    writeStream(forward, 10, 1.5, 1, after);
    // Each particle moved 1 unit towards the end (x = 20), unless it wrapped round to the start.
    for (let k = 0; k < 10; k += 1) {
      const moved = after[k * 3]! - before[k * 3]!;
      if (before[k * 3]! < 18.9) expect(moved).toBeCloseTo(1, 4);
    }
    writeStream(forward, 10, 1.5, -1, after);
    writeStream(forward, 10, 1, -1, before);
    for (let k = 0; k < 10; k += 1) {
      const moved = after[k * 3]! - before[k * 3]!;
      if (before[k * 3]! > 1.1) expect(moved).toBeCloseTo(-1, 4);
    }
  });

  it('share particles between branches in turn, so every branch gets its part', () => {
    const out = new Float32Array(12);
    const far = createRoute(
      [
        [0, 100, 0],
        [10, 100, 0],
      ],
      false,
    );
    writeStream({ routes: [straight, far], capacity: 4, speed: 1 }, 4, 0, 1, out);
    expect([out[1], out[4], out[7], out[10]]).toEqual([0, 100, 0, 100]);
  });

  it('shift a stream with its own phase, so two streams on one route do not overlap', () => {
    const a = new Float32Array(3);
    const b = new Float32Array(3);
    writeStream({ routes: [straight], capacity: 1, speed: 1 }, 1, 2, 1, a);
    writeStream({ routes: [straight], capacity: 1, speed: 1, phase: 0.3 }, 1, 2, 1, b);
    expect(Math.abs(a[0]! - b[0]!)).toBeGreaterThan(2);
  });

  it('keep drifting particles near their anchors, written after an offset', () => {
    const anchors = new Float32Array([1, 2, 3, 4, 5, 6]);
    const out = new Float32Array(12);
    expect(writeDrift(anchors, 2, 7, 0.25, out, 1)).toBe(2);
    expect(Array.from(out.subarray(0, 3))).toEqual([0, 0, 0]);
    expect(gap(Array.from(out.subarray(3, 6)), [1, 2, 3])).toBeCloseTo(0.25, 5);
    expect(gap(Array.from(out.subarray(6, 9)), [4, 5, 6])).toBeCloseTo(0.25, 5);
    expect(writeDrift(anchors, 5, 0, 0.25, out, 3)).toBe(1);
  });
});
