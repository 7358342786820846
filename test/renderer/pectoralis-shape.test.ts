import { describe, expect, it } from 'vitest';
import type { GlandAnatomy, Vec3 } from '../../src/shared/anatomy/gland-anatomy';
import { generateGland } from '../../src/shared/anatomy/generate-gland';
import { DEFAULT_GLAND_PARAMETERS } from '../../src/shared/anatomy/gland-parameters';
import { buildPectoralisShape, ribCageFront } from '../../src/renderer/scene/gland/pectoralis-shape';
import type { SurfaceMesh } from '../../src/renderer/scene/gland/surface-mesh';

const gland = generateGland(DEFAULT_GLAND_PARAMETERS);
const muscle = buildPectoralisShape(gland);
const vertex = (values: Float32Array, i: number): Vec3 => [values[i * 3]!, values[i * 3 + 1]!, values[i * 3 + 2]!];
const vertices = (mesh: SurfaceMesh): Vec3[] => Array.from({ length: mesh.positions.length / 3 }, (_, i) => vertex(mesh.positions, i));
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** The slab's depth at each (x, y) it covers: its front and back faces share their grid. */
function columns(mesh: SurfaceMesh): { x: number; y: number; front: number; back: number }[] {
  const byPlace = new Map<string, number[]>();
  for (const [x, y, z] of vertices(mesh)) {
    const key = `${x.toFixed(4)},${y.toFixed(4)}`;
    byPlace.set(key, [...(byPlace.get(key) ?? []), z]);
  }
  return [...byPlace].map(([key, zs]) => {
    const [x, y] = key.split(',').map(Number) as [number, number];
    return { x, y, front: Math.max(...zs), back: Math.min(...zs) };
  });
}

/** Under the breast's flat base: inside the envelope's footprint on the chest wall. */
const underBreast = (anatomy: GlandAnatomy, x: number, y: number, scale = 1): boolean =>
  Math.hypot((x - anatomy.envelope.center[0]) / anatomy.envelope.radii[0], (y - anatomy.envelope.center[1]) / anatomy.envelope.radii[1]) <= scale;

describe('buildPectoralisShape', () => {
  const { pectoralis } = gland;
  const slab = columns(muscle);

  it('lies on the chest side of the breast, within the rectangle the anatomy gives it', () => {
    for (const [x, y, z] of vertices(muscle)) {
      expect(z).toBeLessThan(0);
      expect(Math.abs(x - pectoralis.center[0])).toBeLessThanOrEqual(pectoralis.width / 2 + 1e-6);
      expect(Math.abs(y - pectoralis.center[1])).toBeLessThanOrEqual(pectoralis.height / 2 + 1e-6);
    }
  });

  it('lies in front of the ribs, never through them', () => {
    for (const [x, y, z] of vertices(muscle)) expect(z).toBeGreaterThanOrEqual(ribCageFront(gland.ribs, x, y)! - 1e-6);
  });

  it('carries the breast: under its base the muscle comes up to it', () => {
    const under = slab.filter((c) => underBreast(gland, c.x, c.y, 0.9));
    expect(under.length).toBeGreaterThan(100);
    expect(median(under.map((c) => c.front))).toBeGreaterThan(-0.15);
  });

  it('away from the breast, lies on the ribs and curves back with them', () => {
    const ribs = (x: number, y: number): number => ribCageFront(gland.ribs, x, y)!;
    const away = slab.filter((c) => !underBreast(gland, c.x, c.y, 1.45));
    expect(away.length).toBeGreaterThan(100);
    const gap = median(away.map((c) => c.back - ribs(c.x, c.y)));
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(gap).toBeLessThan(0.4);
    const medial = away.filter((c) => c.x < pectoralis.center[0] - pectoralis.width / 4);
    const lateral = away.filter((c) => c.x > pectoralis.center[0] + pectoralis.width / 4);
    const recession = median(medial.map((c) => ribs(c.x, c.y))) - median(lateral.map((c) => ribs(c.x, c.y)));
    expect(recession).toBeGreaterThan(1);
    expect(median(medial.map((c) => c.front)) - median(lateral.map((c) => c.front))).toBeGreaterThan(recession / 2);
  });

  it('is thicker medially than laterally, and thins to rounded borders', () => {
    const thickness = (c: { front: number; back: number }): number => c.front - c.back;
    const middle = slab.filter((c) => Math.abs(c.y - pectoralis.center[1]) < pectoralis.height / 6);
    const medialThird = middle.filter((c) => c.x < pectoralis.center[0] - pectoralis.width / 6);
    const lateralThird = middle.filter((c) => c.x > pectoralis.center[0] + pectoralis.width / 6);
    expect(median(medialThird.map(thickness))).toBeGreaterThan(median(lateralThird.map(thickness)));
    expect(median(medialThird.map(thickness))).toBeGreaterThan(pectoralis.thickness * 0.8);
    // The outline, where the two faces meet: a slab with rounded borders has no thickness there.
    const xs = slab.map((c) => c.x);
    const medialBorder = slab.filter((c) => c.x === Math.min(...xs));
    for (const c of medialBorder) expect(thickness(c)).toBeLessThan(1e-6);
  });

  it('is one closed surface (front and back meet at the outline)', () => {
    const key = (i: number): string => vertex(muscle.positions, i).map((c) => c.toFixed(5)).join(',');
    const uses = new Map<string, number>();
    for (let t = 0; t < muscle.indices.length; t += 3) {
      const corners = [muscle.indices[t]!, muscle.indices[t + 1]!, muscle.indices[t + 2]!].map(key);
      for (let k = 0; k < 3; k += 1) {
        const [a, b] = [corners[k]!, corners[(k + 1) % 3]!];
        if (a === b) continue;
        const edge = a < b ? `${a}|${b}` : `${b}|${a}`;
        uses.set(edge, (uses.get(edge) ?? 0) + 1);
      }
    }
    expect([...uses.values()].filter((n) => n !== 2)).toEqual([]);
  });

  it('shades the fibres: the shading changes across them, hardly along them (medial to lateral)', () => {
    const shade = (i: number): number => muscle.colors[i * 3]!;
    const along: number[] = [];
    const across: number[] = [];
    for (let t = 0; t < muscle.indices.length; t += 3) {
      const corners = [muscle.indices[t]!, muscle.indices[t + 1]!, muscle.indices[t + 2]!];
      const [a, b, c] = corners.map((i) => vertex(muscle.positions, i)) as [Vec3, Vec3, Vec3];
      const facesForward = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]) > 0;
      if (!facesForward) continue;
      for (let k = 0; k < 3; k += 1) {
        const [i, j] = [corners[k]!, corners[(k + 1) % 3]!];
        const [p, q] = [vertex(muscle.positions, i), vertex(muscle.positions, j)];
        const [dx, dy] = [Math.abs(q[0] - p[0]), Math.abs(q[1] - p[1])];
        const change = Math.abs(shade(j) - shade(i)) / Math.hypot(dx, dy);
        if (dx > 3 * dy) along.push(change);
        else if (dy > 3 * dx) across.push(change);
      }
    }
    const mean = (values: number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;
    expect(mean(across)).toBeGreaterThan(0.05);
    expect(mean(along)).toBeLessThan(mean(across) / 3);
  });

  it('lies on a flat chest wall when there are no ribs', () => {
    const flat = buildPectoralisShape({ ...gland, ribs: [] });
    for (const [, , z] of vertices(flat)) {
      expect(z).toBeLessThan(0);
      expect(z).toBeGreaterThanOrEqual(-pectoralis.thickness * 1.5);
    }
  });
});
