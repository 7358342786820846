import type { Vec3 } from '../../../shared/anatomy/gland-anatomy';
import type { MutableVec3 } from './detail-math';

/**
 * Shared dimensions and frame of the cut-open alveolus close-up.
 *
 * Frame: centred on the alveolus, +y up; the opening to the ductule is at the bottom (-y pole).
 * The section plane is z = 0 and the half with z > 0 is cut away, so the viewer (on +z) looks into
 * the bowl. Scale [U]: about 20 µm per unit, so the alveolus is ~150 µm across and cells, nuclei,
 * fat globules and capillaries are roughly to scale with it (none of these sizes is in the fact
 * sheet; they are textbook-typical).
 */

/** Apical surface (the lumen's wall): the lumen is ~120 µm across when the alveolus is full of milk [U]. */
export const APICAL_RADIUS = 3.0;
/**
 * Lactocytes form a single layer of cuboidal to low-columnar cells (fact sheet §1.4: single layer);
 * ~16 µm tall and about as wide [U].
 */
export const CELL_HEIGHT = 0.8;
export const BASAL_RADIUS = APICAL_RADIUS + CELL_HEIGHT;
export const CELL_MID_RADIUS = APICAL_RADIUS + CELL_HEIGHT / 2;
/** About 26 cells around a section through the alveolus's middle, as in a section of a lactating alveolus [U]. */
export const CELL_WIDTH = (2 * Math.PI * CELL_MID_RADIUS) / 26;
/** Secreting cells bulge into the lumen (their apical surface domes); drawn as a low dome [U]. */
export const APICAL_BULGE = 0.1;
/** Cells are drawn a little smaller than their tile so the junctions between them show as thin seams. */
export const CELL_TILE_FILL = 0.93;
/**
 * Angular radius of the opening to the ductule at the -y pole: the ductule's lumen (~30 µm) is
 * much narrower than the alveolus's [U].
 */
export const OPENING_ANGLE = 0.27;
/** Myoepithelial cells lie under the lactocytes (fact sheet §1.4), on their basal side: centre line just outside the cells. */
export const MYOEPITHELIAL_RADIUS = BASAL_RADIUS + 0.2;
/** Capillaries run in the stroma just outside the basement membrane, around the basket. */
export const CAPILLARY_SPHERE_RADIUS = MYOEPITHELIAL_RADIUS + 0.45;
/** Capillaries are ~5–8 µm across (a red cell squeezes through in single file) [U]. */
export const CAPILLARY_RADIUS = 0.13;
/** Where the drawing ends: the capillaries' feeding and draining stubs reach out to here. */
export const OUTER_RADIUS = 5.1;
/** Ductule wall: its lumen continues the alveolus's lumen through the opening. */
export const DUCTULE_INNER_RADIUS = APICAL_RADIUS * Math.sin(OPENING_ANGLE);
export const DUCTULE_OUTER_RADIUS = BASAL_RADIUS * Math.sin(OPENING_ANGLE);

/** Unit direction at polar angle `theta` from the opening (-y) and azimuth `phi` around y; φ ∈ [π, 2π] is the kept half (z ≤ 0). */
export function sphereDirection(theta: number, phi: number): MutableVec3 {
  return [Math.sin(theta) * Math.cos(phi), -Math.cos(theta), Math.sin(theta) * Math.sin(phi)];
}

/** Unit tangent along increasing θ (towards the top pole). */
export function thetaTangent(theta: number, phi: number): MutableVec3 {
  return [Math.cos(theta) * Math.cos(phi), Math.sin(theta), Math.cos(theta) * Math.sin(phi)];
}

/** Unit tangent along increasing φ. */
export function phiTangent(phi: number): MutableVec3 {
  return [-Math.sin(phi), 0, Math.cos(phi)];
}

/** Angle of a direction from the opening's axis (-y). */
export function angleFromOpening(p: Vec3): number {
  const l = Math.hypot(p[0], p[1], p[2]) || 1;
  return Math.acos(Math.max(-1, Math.min(1, -p[1] / l)));
}

/** One ring of cells around the opening's axis. */
export interface CellRing {
  index: number;
  /** Polar angle of the ring's middle. */
  theta: number;
  /** Polar extent of one tile. */
  dTheta: number;
  /** Cells around the whole circle (even, so the section plane passes through two cells' middles). */
  around: number;
}

/**
 * Rings of cells from the opening to the top pole. Cells are centred at φ = π + j·2π/around
 * (j = 0 … around/2): the first and last of each ring are cut in half by the section plane.
 */
export function cellRings(): CellRing[] {
  const count = Math.round((Math.PI - OPENING_ANGLE) / (CELL_WIDTH / CELL_MID_RADIUS));
  const dTheta = (Math.PI - OPENING_ANGLE) / count;
  const rings: CellRing[] = [];
  for (let index = 0; index < count; index += 1) {
    const theta = OPENING_ANGLE + (index + 0.5) * dTheta;
    const around = Math.max(4, 2 * Math.round((Math.PI * CELL_MID_RADIUS * Math.sin(theta)) / CELL_WIDTH));
    rings.push({ index, theta, dTheta, around });
  }
  return rings;
}
