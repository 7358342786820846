import type { BufferGeometry } from 'three';
import type { Vec3 } from '../../../shared/anatomy/gland-anatomy';
import { createRandom } from '../../../shared/random';
import { buildMyoepithelialBasket, MYOEPITHELIAL_ANCHOR_DIRECTION, type MyoepithelialBasket } from './alveolus-basket';
import { buildCapillaries, CAPILLARY_ANCHOR_DIRECTION, capillaryGeometry, type AlveolusCapillary } from './alveolus-capillaries';
import { buildLactocyteLayer, type LactocyteLayer } from './alveolus-lactocytes';
import { CAPILLARY_SPHERE_RADIUS, CELL_MID_RADIUS, MYOEPITHELIAL_RADIUS, OUTER_RADIUS, cellRings, sphereDirection } from './alveolus-layout';
import { buildDuctule, buildFatGlobules, buildMilk, type Ductule, type FatGlobule } from './alveolus-lumen';
import { disposeGeometries, triangleCount } from './detail-geometry';
import { mixSeed, scale } from './detail-math';
import type { DetailStats } from './lobule-detail';

/**
 * The cut-open alveolus close-up: a single layer of lactocytes (with nuclei) lining a lumen of
 * milk with fat globules, the myoepithelial basket outside them, capillaries around it and the
 * ductule leaving through the opening at the bottom. The section plane z = 0 removes the half
 * with z > 0. About 10 units across, centred at the origin, +y up. See alveolus-layout.ts for the
 * frame and sizes. Pure: three.js for geometry only; the same seed gives the same model (the
 * cells' tiling is the same for every seed; their shading, the basket, capillaries and fat differ).
 */
export const ALVEOLUS_PARTS = ['lactocyte', 'myoepithelial-cell', 'capillary', 'lumen'] as const;
export type AlveolusPart = (typeof ALVEOLUS_PARTS)[number];

export interface AlveolusPartAnchor {
  part: AlveolusPart;
  /** A point on (or in) that part, in the close-up's frame, for a DOM label; the same for every seed. */
  anchor: Vec3;
}

/** The plane that cuts the alveolus open: points with `normal · p > constant` are removed. */
export const ALVEOLUS_CUT_PLANE = { normal: [0, 0, 1] as Vec3, constant: 0 } as const;

/** A half-cell on the left rim of the section, about 10° above the equator (its cut face, where the nucleus shows). */
function lactocyteAnchor(): Vec3 {
  const target = Math.PI / 2 + 0.17;
  const ring = cellRings().reduce((best, r) => (Math.abs(r.theta - target) < Math.abs(best.theta - target) ? r : best));
  const p = scale(sphereDirection(ring.theta, Math.PI), CELL_MID_RADIUS);
  return [p[0], p[1], 0];
}

export const ALVEOLUS_DETAIL_PARTS: readonly AlveolusPartAnchor[] = Object.freeze([
  { part: 'lactocyte', anchor: lactocyteAnchor() },
  { part: 'myoepithelial-cell', anchor: scale(MYOEPITHELIAL_ANCHOR_DIRECTION, MYOEPITHELIAL_RADIUS) },
  { part: 'capillary', anchor: scale(CAPILLARY_ANCHOR_DIRECTION, CAPILLARY_SPHERE_RADIUS) },
  // On the milk's cut face, a little above the centre.
  { part: 'lumen', anchor: [0, 0.6, 0] },
]);

export interface AlveolusDetailModel {
  seed: number;
  lactocytes: LactocyteLayer;
  basket: MyoepithelialBasket;
  capillaries: AlveolusCapillary[];
  fatGlobules: FatGlobule[];
  /** 16 floats per fat globule, in `fatGlobules` order. */
  fatMatrices: Float32Array;
  ductule: Ductule;
  /** Everything drawn lies inside this sphere around the origin. */
  boundingRadius: number;
  geometries: {
    /** Instanced per whole lactocyte. */
    wedge: BufferGeometry;
    /** The half cells at the cut (attribute `mark` = 1 on cut faces). */
    sectionCells: BufferGeometry;
    /** Instanced per nucleus. */
    nucleus: BufferGeometry;
    milk: BufferGeometry;
    /** Instanced per fat globule. */
    fatGlobule: BufferGeometry;
    basket: BufferGeometry;
    arterialCapillaries: BufferGeometry;
    venousCapillaries: BufferGeometry;
    ductule: BufferGeometry;
  };
}

export function buildAlveolusDetail(seed: number): AlveolusDetailModel {
  // Separate streams per layer, so changing how one layer is drawn leaves the others as they were.
  const stream = (layer: string) => createRandom(mixSeed(seed, layer));
  const lactocytes = buildLactocyteLayer(stream('lactocytes'));
  const basket = buildMyoepithelialBasket(stream('myoepithelium'));
  const capillaries = buildCapillaries(stream('capillaries'));
  const fat = buildFatGlobules(lactocytes.cells, stream('fat'));
  const ductule = buildDuctule();
  return {
    seed,
    lactocytes,
    basket,
    capillaries,
    fatGlobules: fat.globules,
    fatMatrices: fat.matrices,
    ductule,
    boundingRadius: OUTER_RADIUS + 0.15,
    geometries: {
      wedge: lactocytes.wedge,
      sectionCells: lactocytes.sectionCells,
      nucleus: lactocytes.nucleus,
      milk: buildMilk(ductule.path),
      fatGlobule: fat.sphere,
      basket: basket.geometry,
      arterialCapillaries: capillaryGeometry(capillaries, 'arterial'),
      venousCapillaries: capillaryGeometry(capillaries, 'venous'),
      ductule: ductule.geometry,
    },
  };
}

/** Draw calls and triangles as AlveolusDetail draws it: nine meshes (the invisible picking shell draws nothing). */
export function alveolusDetailStats(model: AlveolusDetailModel): DetailStats {
  const g = model.geometries;
  const wholeCells = model.lactocytes.wedgeMatrices.length / 16;
  const nuclei = model.lactocytes.nucleusMatrices.length / 16;
  const meshes: [BufferGeometry, number][] = [
    [g.wedge, wholeCells],
    [g.sectionCells, 1],
    [g.nucleus, nuclei],
    [g.milk, 1],
    [g.fatGlobule, model.fatGlobules.length],
    [g.basket, 1],
    [g.arterialCapillaries, 1],
    [g.venousCapillaries, 1],
    [g.ductule, 1],
  ];
  const drawn = meshes.filter(([geometry, count]) => count > 0 && triangleCount(geometry) > 0);
  return { drawCalls: drawn.length, triangles: drawn.reduce((sum, [geometry, count]) => sum + triangleCount(geometry, count), 0) };
}

export function disposeAlveolusDetail(model: AlveolusDetailModel): void {
  disposeGeometries(Object.values(model.geometries));
}
