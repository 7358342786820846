import { IcosahedronGeometry, type BufferGeometry } from 'three';
import type { Vec3 } from '../../../shared/anatomy/gland-anatomy';
import type { Random } from '../../../shared/random';
import { MYOEPITHELIAL_RADIUS, OPENING_ANGLE, angleFromOpening } from './alveolus-layout';
import { buildDetailTubes, frameMatrix, mergePositionNormal } from './detail-geometry';
import { angleBetween, cross, greatCircleArc, normalize, randomTangent, randomUnit, rotateAbout, scale, type MutableVec3 } from './detail-math';

/**
 * The myoepithelial basket (fact sheet §1.4): star-shaped cells under the lactocytes whose long
 * processes interconnect into an open meshwork around the alveolus. Bodies are flattened
 * ellipsoids on a sphere just outside the cells; processes are tubes along great-circle arcs of
 * that sphere: links between neighbouring cells, plus free processes that fork. No nerves are
 * drawn: these cells have no nerve supply and contract to oxytocin carried in the blood.
 */
export interface MyoepithelialCell {
  /** Unit direction of the cell body from the alveolus centre. */
  direction: Vec3;
  centre: Vec3;
}

export interface MyoepithelialProcess {
  points: Vec3[];
  radii: number[];
}

export interface MyoepithelialBasket {
  cells: MyoepithelialCell[];
  processes: MyoepithelialProcess[];
  /** Bodies and processes, merged: one draw call. */
  geometry: BufferGeometry;
}

/**
 * A body at a fixed place on every alveolus (upper right, near the rim, so it shows from the
 * front), so the main view can pin the "myoepithelial cell" label to it.
 */
export const MYOEPITHELIAL_ANCHOR_DIRECTION: Vec3 = normalize([0.9, 0.25, -0.2]);
/** [U] Enough star-shaped cells for an open meshwork over the half that is shown. */
const CELL_COUNT = 10;
/** Cells keep apart so the meshwork stays open (the lactocytes show through its gaps). */
const MIN_CELL_SEPARATION = 0.55;
/** Bodies are thin and flat where they lie on the cells (length, width, thickness) [U]. */
const BODY_SIZE: Vec3 = [0.62, 0.42, 0.12];
/** Processes taper from the body outwards [U]. */
const PROCESS_RADIUS = { base: 0.085, middle: 0.055, tip: 0.04 } as const;
/** Nothing reaches the section plane: processes stop this far short of it (more than their radius). */
const CUT_MARGIN = 0.12;
/** Sample spacing along arcs (small, so the smoothed tube hugs the sphere). */
const ARC_STEP = 0.3;

function allowed(direction: Vec3, spread: number): boolean {
  return direction[2] * MYOEPITHELIAL_RADIUS <= -(spread + CUT_MARGIN) && angleFromOpening(direction) > OPENING_ANGLE + 0.2;
}

function placeCells(random: Random): MyoepithelialCell[] {
  const directions: MutableVec3[] = [[...MYOEPITHELIAL_ANCHOR_DIRECTION]];
  for (let attempt = 0; attempt < 4000 && directions.length < CELL_COUNT; attempt += 1) {
    const d = randomUnit(random);
    if (allowed(d, BODY_SIZE[0]) && directions.every((o) => angleBetween(o, d) >= MIN_CELL_SEPARATION)) directions.push(d);
  }
  return directions.map((direction) => ({ direction, centre: scale(direction, MYOEPITHELIAL_RADIUS) }));
}

/** Each cell links to its two nearest neighbours (if not too far): the interconnecting meshwork. */
function links(cells: readonly MyoepithelialCell[]): [number, number][] {
  const pairs = new Set<string>();
  const out: [number, number][] = [];
  cells.forEach((cell, i) => {
    const near = cells
      .map((other, j) => ({ j, angle: angleBetween(cell.direction, other.direction) }))
      // Neighbours within ~75°: farther cells are not reached by one cell's processes.
      .filter(({ j, angle }) => j !== i && angle < 1.3)
      .sort((a, b) => a.angle - b.angle)
      .slice(0, 2);
    for (const { j } of near) {
      const key = `${Math.min(i, j)}-${Math.max(i, j)}`;
      if (!pairs.has(key)) {
        pairs.add(key);
        out.push([i, j]);
      }
    }
  });
  return out;
}

function linkProcess(a: MyoepithelialCell, b: MyoepithelialCell): MyoepithelialProcess {
  // The minor arc between two points of the kept half stays in it.
  const points = greatCircleArc([0, 0, 0], MYOEPITHELIAL_RADIUS, a.direction, b.direction, ARC_STEP);
  const radii = points.map((_, i) => {
    const t = points.length > 1 ? i / (points.length - 1) : 0;
    return PROCESS_RADIUS.middle + (PROCESS_RADIUS.base - PROCESS_RADIUS.middle) * (2 * t - 1) ** 2;
  });
  return { points, radii };
}

/** An arc from `start` heading along the tangent `heading`, for `angle` radians, stopping before it leaves the kept half. */
function headingArc(start: Vec3, heading: Vec3, angle: number): MutableVec3[] {
  const axis = normalize(cross(start, heading));
  const steps = Math.max(2, Math.ceil((angle * MYOEPITHELIAL_RADIUS) / ARC_STEP));
  const out: MutableVec3[] = [];
  for (let i = 0; i <= steps; i += 1) {
    const d = rotateAbout(start, axis, (angle * i) / steps);
    if (i > 0 && !allowed(d, PROCESS_RADIUS.base)) break;
    out.push(d);
  }
  return out;
}

/** A free process that forks in two near its end, like the arms of a star. */
function freeProcess(cell: MyoepithelialCell, random: Random): MyoepithelialProcess[] {
  // [U] Long processes: 0.3–0.5 rad of the basket sphere is ~1.2–2 units (~25–40 µm) before they fork.
  const trunk = headingArc(cell.direction, randomTangent(cell.direction, random), random.range(0.3, 0.5));
  if (trunk.length < 3) return [];
  const fork = trunk[trunk.length - 1]!;
  const incoming = normalize(cross(cross(fork, trunk[trunk.length - 2]!), fork));
  const taper = (count: number, from: number, to: number) => Array.from({ length: count }, (_, i) => from + ((to - from) * i) / Math.max(1, count - 1));
  const out: MyoepithelialProcess[] = [{ points: trunk.map((d) => scale(d, MYOEPITHELIAL_RADIUS)), radii: taper(trunk.length, PROCESS_RADIUS.base, PROCESS_RADIUS.middle) }];
  for (const turn of [-1, 1]) {
    // Branches diverge by ~25–40° from the trunk's direction.
    const heading = rotateAbout(scale(incoming, -1), fork, turn * random.range(0.45, 0.7));
    const branch = headingArc(fork, heading, random.range(0.18, 0.32));
    if (branch.length >= 2) out.push({ points: branch.map((d) => scale(d, MYOEPITHELIAL_RADIUS)), radii: taper(branch.length, PROCESS_RADIUS.middle, PROCESS_RADIUS.tip) });
  }
  return out;
}

function bodyGeometry(cell: MyoepithelialCell, random: Random): BufferGeometry {
  const body = new IcosahedronGeometry(1, 2);
  const u = randomTangent(cell.direction, random);
  const v = cross(cell.direction, u);
  body.applyMatrix4(frameMatrix(cell.centre, u, v, cell.direction, BODY_SIZE));
  return body;
}

export function buildMyoepithelialBasket(random: Random): MyoepithelialBasket {
  const cells = placeCells(random);
  // Besides its links, each cell sends out two free forking processes: four or more arms in all, a star.
  const processes = [...links(cells).map(([i, j]) => linkProcess(cells[i]!, cells[j]!)), ...cells.flatMap((cell) => [0, 1].flatMap(() => freeProcess(cell, random)))];
  const bodies = cells.map((cell) => bodyGeometry(cell, random));
  const tubes = buildDetailTubes(processes.map((p, i) => ({ id: `process-${i + 1}`, points: p.points, radii: p.radii })), 6);
  const geometry = mergePositionNormal([...bodies, tubes]);
  [...bodies, tubes].forEach((g) => g.dispose());
  return { cells, processes, geometry };
}
