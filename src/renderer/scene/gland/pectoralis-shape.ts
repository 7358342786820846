import type { GlandAnatomy, Rib } from '../../../shared/anatomy/gland-anatomy';
import { faceAveragedNormals, type SurfaceMesh } from './surface-mesh';

/**
 * Pectoralis major as the app and the glTF export draw it: one closed slab inside the rectangle
 * the generator gives it (`anatomy.pectoralis`), shaped to read as the muscle rather than a board.
 *
 * - Outline: a fan. The medial border runs down the sternum, the upper border along the clavicle,
 *   and the fibres converge laterally and upwards towards the humerus (the anterior axillary
 *   fold), so the lower border rises towards the axilla.
 * - Depth: away from the breast the slab lies on the ribs and curves back laterally as they do.
 *   Where the breast sits it rises to carry the breast's flat base (z = 0), so the breast never
 *   floats in front of it; the wedge left between it and the receding ribs is where pectoralis
 *   minor would be.
 * - Edges: the thickness falls off over the last centimetre like a quarter circle, towards the
 *   slab's middle, so every border is rounded; the corners of the outline are rounded too.
 * - Fibres: shallow grooves between bundles running along the fibres (medial to superolateral),
 *   darkened a little through the vertex colours, so the direction shows under any light.
 */

/** Samples across the muscle, medial to lateral (u) and lower to upper border (s). */
const U_SEGMENTS = 30;
const S_SEGMENTS = 84;
/** Where the fibres converge: the lateral end spans this share of the height, from the bottom. */
const LATERAL_END = { low: 0.5, high: 0.88 } as const;
/** The thickness, relative to the anatomy's: fuller medially and mid-height, thinner laterally. */
const THICKNESS_PROFILE = { medial: 1.1, lateral: 0.7, midHeightBulge: 0.15 } as const;
/** Width over which the borders round off (cm), and the radius of the outline's corners. */
const EDGE_ROUNDING = 0.9;
const CORNER_RADIUS = 1.5;
/** The muscle rises to the breast's base this far beyond the base's edge, blending to the ribs (cm). */
const BED_MARGIN = 3;
/** The muscle never comes closer to the ribs than this (cm). */
const RIB_CLEARANCE = 0.05;
/** The bed stops this short of z = 0 so the breast's rim never flickers into it (cm). */
const BED_CLEARANCE = 0.02;
/** Fibre bundles across the muscle, the depth of the grooves between them and their darkening. */
const BUNDLES = 13;
const GROOVE_DEPTH = 0.05;
const GROOVE_SHADE = 0.16;
/** The back, against the ribs, is seen only from behind the chest: a little darker. */
const BACK_SHADE = 0.85;

const smoothstep = (t: number): number => {
  const x = Math.min(Math.max(t, 0), 1);
  return x * x * (3 - 2 * x);
};

/** Sample positions in [0, 1], closer together near both ends where the borders round off. */
function samples(segments: number): number[] {
  return Array.from({ length: segments + 1 }, (_, i) => {
    const t = i / segments;
    return 0.4 * t + 0.6 * (0.5 - 0.5 * Math.cos(Math.PI * t));
  });
}

/** A quarter circle of radius `radius`: 0 at a border, 1 once `distance` inside it. */
function rounding(distance: number, radius = EDGE_ROUNDING): number {
  const t = 1 - Math.min(Math.max(distance / radius, 0), 1);
  return Math.sqrt(1 - t * t);
}

/** Value of a polyline's coordinate `k` at x, held flat beyond its ends. */
function alongX(points: Rib['points'], x: number, k: 1 | 2): number {
  const first = points[0]!;
  const last = points[points.length - 1]!;
  if (x <= first[0]) return first[k];
  if (x >= last[0]) return last[k];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [p, q] = [points[i]!, points[i + 1]!];
    if (x >= p[0] && x <= q[0]) return p[k] + ((q[k] - p[k]) * (x - p[0])) / (q[0] - p[0] || 1);
  }
  return last[k];
}

/**
 * The front of the rib cage at (x, y): between two ribs the depth is interpolated, beyond the
 * first and last rib it is held. Null where there are no ribs to lie on.
 */
export function ribCageFront(ribs: readonly Rib[], x: number, y: number): number | null {
  const sections = ribs
    .filter((rib) => rib.points.length >= 2)
    .map((rib) => ({ y: alongX(rib.points, x, 1), z: alongX(rib.points, x, 2) + rib.radius }))
    .sort((a, b) => a.y - b.y);
  if (sections.length === 0) return null;
  if (y <= sections[0]!.y) return sections[0]!.z;
  for (let i = 0; i + 1 < sections.length; i += 1) {
    const [low, high] = [sections[i]!, sections[i + 1]!];
    if (y <= high.y) return low.z + ((high.z - low.z) * (y - low.y)) / (high.y - low.y || 1);
  }
  return sections[sections.length - 1]!.z;
}

export function buildPectoralisShape(anatomy: GlandAnatomy): SurfaceMesh {
  const { pectoralis, ribs, envelope } = anatomy;
  const x0 = pectoralis.center[0] - pectoralis.width / 2;
  const y0 = pectoralis.center[1] - pectoralis.height / 2;
  const y1 = pectoralis.center[1] + pectoralis.height / 2;
  // The corners' rounding pulls both borders in near the medial and lateral ends.
  const corner = (u: number): number => CORNER_RADIUS * (1 - rounding(Math.min(u, 1 - u) * pectoralis.width, CORNER_RADIUS));
  const lowerBorder = (u: number): number => y0 + LATERAL_END.low * pectoralis.height * u ** 1.7 + corner(u);
  const upperBorder = (u: number): number => y1 - (1 - LATERAL_END.high) * pectoralis.height * u ** 1.5 - corner(u);
  const us = samples(U_SEGMENTS);
  const ss = samples(S_SEGMENTS);

  // Where the muscle's back would lie on the ribs, shifted so it is at -thickness where the ribs
  // are shallowest: the generator's slab on z ∈ [-thickness, 0], bent to the ribs (flat without).
  const wall = (x: number, y: number): number => ribCageFront(ribs, x, y) ?? 0;
  let shallowest = -Infinity;
  for (const u of us) for (const s of ss) shallowest = Math.max(shallowest, wall(x0 + u * pectoralis.width, lowerBorder(u) + s * (upperBorder(u) - lowerBorder(u))));
  const onRibs = (x: number, y: number): number => wall(x, y) - shallowest - pectoralis.thickness;

  /** 1 under the breast's base, fading to 0 within BED_MARGIN of its edge. */
  const underBreast = (x: number, y: number): number => {
    const q = Math.hypot((x - envelope.center[0]) / envelope.radii[0], (y - envelope.center[1]) / envelope.radii[1]);
    return 1 - smoothstep(((q - 1) * Math.min(envelope.radii[0], envelope.radii[1])) / BED_MARGIN);
  };

  const columns = us.length;
  const rows = ss.length;
  const positions = new Float32Array(columns * rows * 2 * 3);
  const colors = new Float32Array(positions.length);
  const indices: number[] = [];
  const frontIndex = (i: number, j: number): number => i * rows + j;
  const backIndex = (i: number, j: number): number => columns * rows + i * rows + j;
  us.forEach((u, i) => {
    const x = x0 + u * pectoralis.width;
    const [low, high] = [lowerBorder(u), upperBorder(u)];
    const fromSides = Math.min(u, 1 - u) * pectoralis.width;
    ss.forEach((s, j) => {
      const y = low + s * (high - low);
      const edge = rounding(fromSides) * rounding(Math.min(s, 1 - s) * (high - low));
      const muscle = pectoralis.thickness * (THICKNESS_PROFILE.medial + (THICKNESS_PROFILE.lateral - THICKNESS_PROFILE.medial) * u) * (1 + THICKNESS_PROFILE.midHeightBulge * Math.sin(Math.PI * s));
      // The front: a muscle's thickness off the ribs away from the breast, at the breast's base under it.
      const bed = underBreast(x, y);
      const top = Math.min(-BED_CLEARANCE, (onRibs(x, y) + muscle) * (1 - bed) - BED_CLEARANCE * bed);
      const groove = (0.5 + 0.5 * Math.cos(2 * Math.PI * s * BUNDLES)) ** 6;
      // Rounded borders: both faces close in on the slab's middle.
      const middle = top - muscle / 2;
      const half = (edge * muscle) / 2;
      const behind = Math.max(middle - half, (ribCageFront(ribs, x, y) ?? -Infinity) + RIB_CLEARANCE);
      positions.set([x, y, Math.max(middle + half - GROOVE_DEPTH * groove * edge, behind)], frontIndex(i, j) * 3);
      positions.set([x, y, behind], backIndex(i, j) * 3);
      const shade = 1 - GROOVE_SHADE * groove * edge;
      colors.set([shade, shade, shade], frontIndex(i, j) * 3);
      colors.set([BACK_SHADE, BACK_SHADE, BACK_SHADE], backIndex(i, j) * 3);
    });
  });
  for (let i = 0; i + 1 < columns; i += 1) {
    for (let j = 0; j + 1 < rows; j += 1) {
      // u grows laterally (+x) and s upwards (+y): counter-clockwise seen from the front (+z). In the
      // two corner cells whose usual diagonal would join two points of the outline (where the faces
      // meet), the other diagonal keeps the slab free of zero-thickness fins.
      const flip = (i === 0 && j === 0) || (i === columns - 2 && j === rows - 2);
      for (const [index, outwards] of [
        [frontIndex, true],
        [backIndex, false],
      ] as const) {
        const [a, b, c, d] = [index(i, j), index(i + 1, j), index(i, j + 1), index(i + 1, j + 1)];
        const quad = flip ? [a, b, d, a, d, c] : [a, b, c, b, d, c];
        indices.push(...(outwards ? quad : [quad[0]!, quad[2]!, quad[1]!, quad[3]!, quad[5]!, quad[4]!]));
      }
    }
  }
  const triangles = Uint32Array.from(indices);
  return { positions, normals: faceAveragedNormals(positions, triangles), colors, indices: triangles };
}
