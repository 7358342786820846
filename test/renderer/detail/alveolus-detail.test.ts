import { Matrix4, Vector3, type BufferGeometry } from 'three';
import { describe, expect, it } from 'vitest';
import type { Vec3 } from '../../../src/shared/anatomy/gland-anatomy';
import {
  ALVEOLUS_CUT_PLANE,
  ALVEOLUS_DETAIL_PARTS,
  ALVEOLUS_PARTS,
  alveolusDetailStats,
  buildAlveolusDetail,
  disposeAlveolusDetail,
  type AlveolusDetailModel,
} from '../../../src/renderer/scene/detail/alveolus-detail';
import {
  APICAL_BULGE,
  APICAL_RADIUS,
  BASAL_RADIUS,
  CELL_MID_RADIUS,
  OPENING_ANGLE,
  angleFromOpening,
  cellRings,
} from '../../../src/renderer/scene/detail/alveolus-layout';
import { MILK_RADIUS } from '../../../src/renderer/scene/detail/alveolus-lumen';
import { pickAlveolusPart } from '../../../src/renderer/scene/detail/alveolus-pick';
import { facesAgreeWithNormals } from './geometry-checks';

const SEEDS = [1, 7, 42, 2024];
const models = SEEDS.map(buildAlveolusDetail);
const norm = (a: Vec3) => Math.hypot(a[0], a[1], a[2]);

/** Every vertex of a geometry, optionally once per instance matrix. */
function vertices(geometry: BufferGeometry, matrices?: Float32Array): Vec3[] {
  const position = geometry.getAttribute('position');
  const local = Array.from({ length: position.count }, (_, i) => new Vector3(position.getX(i), position.getY(i), position.getZ(i)));
  if (!matrices) return local.map((v) => [v.x, v.y, v.z]);
  const out: Vec3[] = [];
  for (let k = 0; k < matrices.length / 16; k += 1) {
    const m = new Matrix4().fromArray(matrices, k * 16);
    for (const v of local) {
      const w = v.clone().applyMatrix4(m);
      out.push([w.x, w.y, w.z]);
    }
  }
  return out;
}

function radii(points: readonly Vec3[]): { min: number; max: number } {
  const r = points.map(norm);
  return { min: Math.min(...r), max: Math.max(...r) };
}

function lactocyteVertices(model: AlveolusDetailModel): Vec3[] {
  return [...vertices(model.geometries.wedge, model.lactocytes.wedgeMatrices), ...vertices(model.geometries.sectionCells)];
}

function plain(model: AlveolusDetailModel) {
  return {
    cells: model.lactocytes.cells,
    shades: Array.from(model.lactocytes.wedgeShades),
    nuclei: Array.from(model.lactocytes.nucleusMatrices),
    basket: model.basket.cells,
    processes: model.basket.processes,
    capillaries: model.capillaries,
    fat: model.fatGlobules,
    basketPositions: Array.from(model.geometries.basket.getAttribute('position').array),
  };
}

describe('buildAlveolusDetail', () => {
  it('gives the same model for the same seed and varies the basket, capillaries and fat with it', () => {
    expect(plain(buildAlveolusDetail(7))).toEqual(plain(models[1]!));
    expect(plain(models[0]!).basket).not.toEqual(plain(models[1]!).basket);
    expect(plain(models[0]!).capillaries).not.toEqual(plain(models[1]!).capillaries);
    expect(plain(models[0]!).fat).not.toEqual(plain(models[1]!).fat);
  });

  it('lines the lumen with a single layer of lactocytes', () => {
    for (const model of models) {
      const cells = model.lactocytes.cells;
      expect(cells.length).toBeGreaterThan(100);
      for (const cell of cells) expect(Math.abs(norm(cell.centre) / CELL_MID_RADIUS - 1)).toBeLessThanOrEqual(0.1);
      // One cell per direction: no cell lies over another.
      const whole = cells.filter((c) => c.kind === 'whole');
      let closest = Infinity;
      whole.forEach((a, i) => whole.slice(i + 1).forEach((b) => (closest = Math.min(closest, Math.acos(Math.min(1, a.direction[0] * b.direction[0] + a.direction[1] * b.direction[1] + a.direction[2] * b.direction[2]))))));
      expect(closest * CELL_MID_RADIUS).toBeGreaterThan(0.5);
      // The layer spans from the apical domes to the basal surface, no deeper and no higher.
      const { min, max } = radii(lactocyteVertices(model));
      expect(min).toBeGreaterThanOrEqual(APICAL_RADIUS - APICAL_BULGE - 1e-4);
      expect(max).toBeLessThan(BASAL_RADIUS * 1.02);
      // Every cell has its nucleus inside the layer.
      for (const cell of cells) expect(norm(cell.nucleus)).toBeGreaterThan(APICAL_RADIUS);
      expect(model.lactocytes.nucleusMatrices).toHaveLength(cells.length * 16);
    }
  });

  it('puts the myoepithelial basket outside the lactocytes and the capillaries outside the basket', () => {
    for (const model of models) {
      const cells = radii(lactocyteVertices(model));
      const basket = radii(vertices(model.geometries.basket));
      const capillaries = radii([...vertices(model.geometries.arterialCapillaries), ...vertices(model.geometries.venousCapillaries)]);
      expect(basket.min).toBeGreaterThan(cells.max);
      expect(capillaries.min).toBeGreaterThan(basket.max);
      expect(model.basket.cells.length).toBeGreaterThanOrEqual(6);
      // Star-shaped: more processes than cells, and linked into a meshwork.
      expect(model.basket.processes.length).toBeGreaterThan(2 * model.basket.cells.length);
    }
  });

  it('cuts away the z > 0 hemisphere, leaving half cells in section at the cut', () => {
    expect(ALVEOLUS_CUT_PLANE).toEqual({ normal: [0, 0, 1], constant: 0 });
    for (const model of models) {
      for (const cell of model.lactocytes.cells) expect(cell.centre[2]).toBeLessThan(0);
      const sections = model.lactocytes.cells.filter((c) => c.kind === 'section');
      // Each ring is cut twice, on either side of the opening's axis.
      expect(sections).toHaveLength(2 * cellRings().length);
      expect(sections.filter((c) => c.centre[0] < 0)).toHaveLength(cellRings().length);
      for (const cell of sections) expect(cell.nucleus[2]).toBe(0);
      const section = model.geometries.sectionCells;
      const mark = section.getAttribute('mark');
      const points = vertices(section);
      points.forEach((p, i) => {
        expect(p[2]).toBeLessThanOrEqual(1e-6);
        if (mark.getX(i) > 0.5) expect(Math.abs(p[2])).toBeLessThan(1e-6);
      });
      const kept = [
        ...vertices(model.geometries.wedge, model.lactocytes.wedgeMatrices),
        ...vertices(model.geometries.basket),
        ...vertices(model.geometries.arterialCapillaries),
        ...vertices(model.geometries.venousCapillaries),
        ...vertices(model.geometries.milk),
        ...vertices(model.geometries.ductule),
        ...vertices(model.geometries.fatGlobule, model.fatMatrices),
      ];
      expect(Math.max(...kept.map((p) => p[2]))).toBeLessThan(1e-5);
      // Sectioned nuclei are thin lenses lying in the cut face.
      const nuclei = vertices(model.geometries.nucleus, model.lactocytes.nucleusMatrices);
      expect(Math.max(...nuclei.map((p) => p[2]))).toBeLessThan(0.04);
    }
  });

  it('leaves an opening at the bottom into the ductule', () => {
    for (const model of models) {
      for (const cell of model.lactocytes.cells) expect(angleFromOpening(cell.direction)).toBeGreaterThan(OPENING_ANGLE);
      const top = model.ductule.path[0]!;
      expect(top[1]).toBeCloseTo(-APICAL_RADIUS * Math.cos(OPENING_ANGLE), 6);
      expect(Math.hypot(top[0], top[2])).toBeLessThan(1e-9);
      for (const p of model.ductule.path) expect(p[2]).toBe(0);
      expect(model.ductule.innerRadius).toBeCloseTo(APICAL_RADIUS * Math.sin(OPENING_ANGLE), 9);
    }
  });

  it('holds fat globules in the milk, some budding from the cells', () => {
    for (const model of models) {
      const budding = model.fatGlobules.filter((g) => g.budding);
      const floating = model.fatGlobules.filter((g) => !g.budding);
      expect(budding.length).toBeGreaterThanOrEqual(3);
      expect(floating.length).toBeGreaterThanOrEqual(8);
      const apex = APICAL_RADIUS - APICAL_BULGE;
      for (const g of budding) {
        expect(norm(g.centre) - g.radius).toBeLessThan(apex);
        expect(norm(g.centre) + g.radius).toBeGreaterThan(apex);
      }
      for (const g of floating) expect(norm(g.centre) + g.radius).toBeLessThan(MILK_RADIUS);
    }
  });

  it('builds surfaces that face the way their normals point', () => {
    for (const model of models) {
      const wrong = Object.entries(model.geometries).filter(([, geometry]) => !facesAgreeWithNormals(geometry));
      expect(wrong.map(([name]) => name)).toEqual([]);
    }
  });

  it('places cells and nuclei with right-handed matrices (instances keep their outward faces)', () => {
    const { wedgeMatrices, nucleusMatrices } = models[0]!.lactocytes;
    for (const matrices of [wedgeMatrices, nucleusMatrices]) {
      for (let k = 0; k < matrices.length / 16; k += 1) expect(new Matrix4().fromArray(matrices, k * 16).determinant()).toBeGreaterThan(0);
    }
  });

  it('needs at most ten draw calls', () => {
    for (const model of models) {
      const stats = alveolusDetailStats(model);
      expect(stats.drawCalls).toBeLessThanOrEqual(10);
      expect(stats.triangles).toBeGreaterThan(0);
    }
  });
});

describe('ALVEOLUS_DETAIL_PARTS and pickAlveolusPart', () => {
  const inward = (anchor: Vec3, from: number) => {
    const l = norm(anchor);
    const d: Vec3 = [-anchor[0] / l, -anchor[1] / l, -anchor[2] / l];
    return { origin: [anchor[0] - d[0] * from, anchor[1] - d[1] * from, anchor[2] - d[2] * from] as Vec3, direction: d };
  };
  const fromFront = (p: Vec3) => ({ origin: [p[0], p[1], 20] as Vec3, direction: [0, 0, -1] as Vec3 });
  const anchor = (part: string) => ALVEOLUS_DETAIL_PARTS.find((p) => p.part === part)!.anchor;

  it('lists each part once with a label anchor', () => {
    expect(ALVEOLUS_DETAIL_PARTS.map((p) => p.part)).toEqual([...ALVEOLUS_PARTS]);
  });

  it('picks the part at each anchor, for every seed', () => {
    for (const model of models) {
      expect(pickAlveolusPart(model, fromFront(anchor('lactocyte')))).toBe('lactocyte');
      expect(pickAlveolusPart(model, fromFront(anchor('lumen')))).toBe('lumen');
      expect(pickAlveolusPart(model, inward(anchor('myoepithelial-cell'), 15))).toBe('myoepithelial-cell');
      expect(pickAlveolusPart(model, inward(anchor('capillary'), 15))).toBe('capillary');
    }
  });

  it('picks the cells lining the bowl through a thin layer of milk, and nothing beside the alveolus', () => {
    for (const model of models) {
      // Near the rim the milk is shallow: the click means the cells behind it.
      expect(pickAlveolusPart(model, fromFront([0, -2.72, 0]))).toBe('lactocyte');
      expect(pickAlveolusPart(model, { origin: [0, 12, 0], direction: [1, 0, 0] })).toBeNull();
    }
  });
});

describe('disposeAlveolusDetail', () => {
  it('disposes every geometry of the model', () => {
    const model = buildAlveolusDetail(3);
    const disposed: string[] = [];
    for (const [name, geometry] of Object.entries(model.geometries)) geometry.addEventListener('dispose', () => disposed.push(name));
    disposeAlveolusDetail(model);
    expect(disposed.sort()).toEqual(Object.keys(model.geometries).sort());
  });
});
