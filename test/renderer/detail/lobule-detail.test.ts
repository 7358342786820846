import { describe, expect, it } from 'vitest';
import type { Vec3 } from '../../../src/shared/anatomy/gland-anatomy';
import { smoothPolyline } from '../../../src/renderer/scene/gland/tube-geometry';
import { raySphere } from '../../../src/renderer/scene/gland/pick-structure';
import {
  ALVEOLUS_RADIUS,
  LOBULE_DETAIL_RADIUS,
  MAX_DETAIL_ALVEOLI,
  buildLobuleDetail,
  disposeLobuleDetail,
  lobuleDetailStats,
  pickAlveolus,
  type LobuleDetailInput,
  type LobuleDetailModel,
} from '../../../src/renderer/scene/detail/lobule-detail';
import { pointPolylineDistance } from '../../../src/renderer/scene/detail/detail-math';
import { facesAgreeWithNormals } from './geometry-checks';

const DUCT: Vec3[] = [
  [1.2, 0.4, 1.1],
  [1.5, 0.7, 1.4],
  [1.7, 1.1, 1.6],
];

function input(overrides: Partial<LobuleDetailInput> = {}): LobuleDetailInput {
  return { lobuleId: 'lobule-3.1.2', ductPoints: DUCT, ductRadius: 0.03, alveolusCount: 110, seed: 1234, ...overrides };
}

const dist = (a: Vec3, b: Vec3) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
const norm = (a: Vec3) => Math.hypot(a[0], a[1], a[2]);

/** The model without its three.js objects, for deep comparison. */
function plain(model: LobuleDetailModel) {
  const g = model.geometries;
  return {
    alveoli: model.alveoli,
    ducts: model.ducts,
    capillaries: model.capillaries,
    matrices: Array.from(model.alveolusMatrices),
    shades: Array.from(model.alveolusShades),
    ductPositions: Array.from(g.ducts.getAttribute('position').array),
    arterialPositions: Array.from(g.arterialCapillaries.getAttribute('position').array),
    venousPositions: Array.from(g.venousCapillaries.getAttribute('position').array),
  };
}

describe('buildLobuleDetail', () => {
  const models = [1, 2, 3, 99, 2024].map((seed) => buildLobuleDetail(input({ seed, alveolusCount: 300 })));
  const typical = buildLobuleDetail(input());

  it('gives the same model for the same input, and a different one for another seed or lobule', () => {
    expect(plain(buildLobuleDetail(input()))).toEqual(plain(typical));
    expect(plain(buildLobuleDetail(input({ seed: 1235 }))).alveoli).not.toEqual(typical.alveoli);
    expect(plain(buildLobuleDetail(input({ lobuleId: 'lobule-3.1.1' }))).alveoli.map((a) => a.centre)).not.toEqual(typical.alveoli.map((a) => a.centre));
  });

  it('draws min(alveolusCount, 160) alveoli with unique ids alveolus-<lobule path>.<k>', () => {
    for (const count of [0, 1, 2, 37, 110, 160, 161, 300]) {
      const model = buildLobuleDetail(input({ alveolusCount: count }));
      const expected = Math.min(count, MAX_DETAIL_ALVEOLI);
      expect(model.alveoli).toHaveLength(expected);
      expect(new Set(model.alveoli.map((a) => a.id)).size).toBe(expected);
      model.alveoli.forEach((a, k) => expect(a.id).toBe(`alveolus-3.1.2.${k + 1}`));
      expect(model.alveolusMatrices).toHaveLength(expected * 16);
    }
  });

  it('keeps alveoli apart (centre distance ≥ 0.8 × sum of radii) and inside the lobule', () => {
    for (const model of [typical, ...models]) {
      expect(model.alveoli.length).toBeGreaterThan(0);
      model.alveoli.forEach((a) => {
        expect(a.radius).toBeGreaterThanOrEqual(ALVEOLUS_RADIUS.min);
        expect(a.radius).toBeLessThanOrEqual(ALVEOLUS_RADIUS.max);
        expect(norm(a.centre) + a.radius).toBeLessThanOrEqual(model.lobuleRadius + 1e-9);
      });
      // The closest pair, relative to the sum of their radii.
      let closest = Infinity;
      model.alveoli.forEach((a, i) => {
        for (const b of model.alveoli.slice(i + 1)) closest = Math.min(closest, dist(a.centre, b.centre) / (a.radius + b.radius));
      });
      expect(closest).toBeGreaterThanOrEqual(0.8);
      expect(model.lobuleRadius).toBe(LOBULE_DETAIL_RADIUS);
      expect(model.boundingRadius).toBeGreaterThanOrEqual(model.lobuleRadius);
    }
  });

  it('connects every ductule to its parent duct, and every alveolus to a ductule', () => {
    for (const model of [typical, ...models]) {
      const [terminal, ...ductules] = model.ducts;
      expect(terminal!.parentId).toBeNull();
      const parentLine = smoothPolyline(terminal!.points, terminal!.radii).centres;
      for (const ductule of ductules) {
        expect(ductule.parentId).toBe(terminal!.id);
        // It starts on the parent's drawn centre line, well within the parent's radius.
        expect(pointPolylineDistance(ductule.points[0]!, parentLine)).toBeLessThan(Math.min(...terminal!.radii) * 0.1);
        expect(ductule.radii[0]).toBeLessThanOrEqual(Math.min(...terminal!.radii));
      }
      for (const alveolus of model.alveoli) expect(model.ducts[alveolus.ductIndex]?.parentId).toBe(terminal!.id);
      // Grapes hang at their ductule's end.
      const near = model.alveoli.filter((a) => dist(a.centre, model.ducts[a.ductIndex]!.points.at(-1)!) < 2.5);
      expect(near.length).toBeGreaterThanOrEqual(0.95 * model.alveoli.length);
    }
  });

  it('brings the terminal duct in from below', () => {
    for (const model of [typical, ...models]) {
      const first = model.ducts[0]!.points[0]!;
      expect(first[1]).toBeLessThan(-4.5);
      expect(Math.hypot(first[0], first[2])).toBeLessThan(1);
      for (const a of model.alveoli) expect(a.centre[1]).toBeGreaterThan(first[1]);
    }
    for (const ductPoints of [[], [[1, 1, 1]], [[1, 1, 1], [1, 1, 1]]] as Vec3[][]) {
      const model = buildLobuleDetail(input({ ductPoints }));
      expect(model.ducts[0]!.points[0]![1]).toBeLessThan(-4.5);
    }
  });

  it('winds arterial then venous capillaries over the alveoli surfaces', () => {
    for (const model of [typical, ...models]) {
      const arterial = model.capillaries.filter((c) => c.kind === 'arterial');
      const venous = model.capillaries.filter((c) => c.kind === 'venous');
      expect(arterial.length).toBeGreaterThan(0);
      expect(venous).toHaveLength(arterial.length);
      arterial.forEach((a, i) => expect(venous[i]!.points[0]).toEqual(a.points.at(-1)));
      // Each loop (arterial then venous) lies on the alveoli, except its arriving and leaving
      // tails and short bridges over the crevices between neighbouring alveoli.
      arterial.forEach((a, i) => {
        const body = [...a.points, ...venous[i]!.points.slice(1)].slice(7, -7);
        const gaps = body.map((p) => Math.min(...model.alveoli.map((al) => Math.abs(dist(p, al.centre) - al.radius))));
        expect(gaps.filter((gap) => gap < 2 * a.radius).length).toBeGreaterThanOrEqual(0.6 * gaps.length);
        expect(Math.max(...gaps)).toBeLessThan(0.6);
      });
    }
  });

  it('builds tubes that face outwards and never fold', () => {
    for (const model of [typical, ...models]) {
      const wrong = Object.entries(model.geometries).filter(([, geometry]) => !facesAgreeWithNormals(geometry));
      expect(wrong.map(([name]) => name)).toEqual([]);
    }
  });

  it('is drawn in four draw calls (five with a selection)', () => {
    expect(lobuleDetailStats(typical)).toMatchObject({ drawCalls: 4 });
    expect(lobuleDetailStats(typical, true).drawCalls).toBe(5);
    expect(lobuleDetailStats(typical).triangles).toBeGreaterThan(0);
    expect(typical.geometries.ducts.getAttribute('treePosition')).toBeUndefined();
  });
});

describe('pickAlveolus', () => {
  const model = buildLobuleDetail(input({ alveolusCount: 160 }));

  it('returns the first alveolus along the ray', () => {
    for (const alveolus of model.alveoli.filter((_, i) => i % 7 === 0)) {
      const from: Vec3 = [alveolus.centre[0] + 3, alveolus.centre[1] + 20, alveolus.centre[2] + 11];
      const l = dist(from, alveolus.centre);
      const ray = { origin: from, direction: [(alveolus.centre[0] - from[0]) / l, (alveolus.centre[1] - from[1]) / l, (alveolus.centre[2] - from[2]) / l] as Vec3 };
      const hits = model.alveoli.map((a) => ({ id: a.id, t: raySphere(ray, a.centre, a.radius) })).filter((h) => h.t !== null);
      const nearest = hits.reduce((best, h) => (h.t! < best.t! ? h : best));
      expect(pickAlveolus(model, ray)).toBe(nearest.id);
    }
  });

  it('returns null when the ray misses every alveolus', () => {
    expect(pickAlveolus(model, { origin: [0, 40, 0], direction: [1, 0, 0] })).toBeNull();
  });
});

describe('disposeLobuleDetail', () => {
  it('disposes every geometry of the model', () => {
    const model = buildLobuleDetail(input({ alveolusCount: 20 }));
    const disposed: string[] = [];
    for (const [name, geometry] of Object.entries(model.geometries)) geometry.addEventListener('dispose', () => disposed.push(name));
    disposeLobuleDetail(model);
    expect(disposed.sort()).toEqual(Object.keys(model.geometries).sort());
  });
});
