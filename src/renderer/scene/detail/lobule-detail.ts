import { IcosahedronGeometry, Quaternion, Vector3, type BufferGeometry } from 'three';
import type { Vec3 } from '../../../shared/anatomy/gland-anatomy';
import { DEFAULT_GLAND_PARAMETERS } from '../../../shared/anatomy/gland-parameters';
import { createRandom, type Random } from '../../../shared/random';
import { raySphere, type Ray } from '../gland/pick-structure';
import { smoothPolyline } from '../gland/tube-geometry';
import { buildDetailTubes, disposeGeometries, packMatrices, sphereMatrix, triangleCount } from './detail-geometry';
import {
  add,
  addScaled,
  distance,
  easeSharpTurns,
  length,
  lerp,
  mixSeed,
  normalize,
  pointPolylineDistance,
  randomTangent,
  randomUnit,
  scale,
  sub,
  type MutableVec3,
} from './detail-math';

/**
 * The lobule close-up: one terminal duct entering from below, running up through the lobule and
 * giving off short intralobular ductules, each ending in a grape-like cluster of alveoli, with a
 * capillary net (arterial end red, venous end blue) winding over the alveoli.
 *
 * Local frame: centred on the lobule, +y up (the duct enters from -y), about 10 units across.
 * Pure: three.js is used for geometry only. The same input always gives the same model.
 *
 * Sizes are drawn for teaching, not to scale; numbers marked [U] are illustrative choices that
 * the fact sheet (/work/shared/reference/physiology-facts.md §1.4) does not give.
 */
export interface LobuleDetailInput {
  /** `lobule-3.1.2` … */
  lobuleId: string;
  /** The terminal duct's polyline in the gland frame (cm); its last span sets how the duct bends in. */
  ductPoints: readonly Vec3[];
  /** The terminal duct's radius where it reaches the lobule (cm, gland frame). */
  ductRadius: number;
  /** Alveoli in this lobule in the gland model; at most MAX_DETAIL_ALVEOLI are drawn. */
  alveolusCount: number;
  seed: number;
}

export interface DetailDuct {
  /** `terminal-duct` or `ductule-<k>` (k from 1). */
  id: string;
  parentId: string | null;
  points: Vec3[];
  radii: number[];
}

export interface DetailAlveolus {
  /** `alveolus-<lobule path>.<k>`, k from 1, as in the gland model. */
  id: string;
  centre: Vec3;
  radius: number;
  /** Index into `ducts` of the ductule that drains it. */
  ductIndex: number;
}

export interface CapillaryPath {
  id: string;
  kind: 'arterial' | 'venous';
  points: Vec3[];
  radius: number;
}

export interface LobuleDetailModel {
  lobuleId: string;
  /** Every alveolus lies inside this sphere around the origin. */
  lobuleRadius: number;
  /** Everything drawn (ducts and capillaries too) lies inside this sphere around the origin: for framing. */
  boundingRadius: number;
  /** `ducts[0]` is the terminal duct; the rest are its ductules. */
  ducts: DetailDuct[];
  alveoli: DetailAlveolus[];
  capillaries: CapillaryPath[];
  geometries: {
    /** Terminal duct and ductules, merged: one draw call. */
    ducts: BufferGeometry;
    arterialCapillaries: BufferGeometry;
    venousCapillaries: BufferGeometry;
    /** A unit sphere, instanced once per alveolus. */
    alveolus: BufferGeometry;
  };
  /** 16 floats (column-major) per alveolus, in `alveoli` order, for `InstancedMesh.instanceMatrix`. */
  alveolusMatrices: Float32Array;
  /** A shade (≈0.9–1.06) per alveolus, so neighbouring grapes are told apart. */
  alveolusShades: Float32Array;
}

/** Half of "about 10 units across" (presentation scale). */
export const LOBULE_DETAIL_RADIUS = 5;
/** More would not read as separate grapes and costs draw time; a lobule has ~10–300 in the gland model. */
export const MAX_DETAIL_ALVEOLI = 160;
/**
 * [U] Alveolus radius: about 8% of the lobule's diameter each, i.e. alveoli ~0.1–0.2 mm across in a
 * lobule ~1–2 mm across (the gland generator also takes alveoli as roughly 0.1 mm across).
 */
export const ALVEOLUS_RADIUS = { min: 0.35, max: 0.5 } as const;
/** [U] Alveoli drained by one ductule: enough for a grape-like cluster, few enough to tell clusters apart. */
const ALVEOLI_PER_CLUSTER = 10;
const MAX_CLUSTERS = 16;
/** Loose packing of spheres in a cluster (random close packing is ~0.64; grapes hang looser). */
const CLUSTER_PACKING = 0.5;
/** Neighbouring alveoli may press into each other a little (like grapes), never by more than this share of their radii. */
const PLACEMENT_GAP = 0.9;
/** Where the terminal duct enters the lobule (its hilum) and how far its intralobular part runs up. */
const HILUM: Vec3 = [0, -3.4, 0];
const AXIS_TOP_Y = 1.6;
/** Length of the extralobular stretch of terminal duct shown below the hilum. */
const ENTRY_LENGTH = 1.7;
/**
 * The terminal duct keeps its size relative to the lobule as in the gland model (gland cm →
 * close-up units by the default lobule radius), clamped so it stays visible and narrower than an alveolus.
 */
const DUCT_SCALE = LOBULE_DETAIL_RADIUS / DEFAULT_GLAND_PARAMETERS.lobuleRadius;
const TERMINAL_DUCT_RADIUS = { min: 0.2, max: 0.4 } as const;
/** [U] Intralobular ductules are narrower than the terminal duct they branch from and taper to the alveoli. */
const DUCTULE_RADII = [0.15, 0.13, 0.11] as const;
/**
 * [U] Capillaries are ~5–10 µm across, about a twentieth of an alveolus; drawn at about a ninth
 * of an alveolus radius so they stay visible on a projector.
 */
const CAPILLARY_RADIUS = 0.045;

export function alveolusCountDrawn(count: number): number {
  return Math.max(0, Math.min(MAX_DETAIL_ALVEOLI, Math.floor(Number.isFinite(count) ? count : 0)));
}

export function buildLobuleDetail(input: LobuleDetailInput): LobuleDetailModel {
  const random = createRandom(mixSeed(input.seed, input.lobuleId));
  const path = input.lobuleId.startsWith('lobule-') ? input.lobuleId.slice('lobule-'.length) : input.lobuleId;
  const terminal = terminalDuct(input.ductPoints, input.ductRadius, random);
  const axis = smoothPolyline(terminal.points, terminal.radii).centres.filter((p) => p[1] >= HILUM[1] + 0.3);
  const clusters = planClusters(alveolusCountDrawn(input.alveolusCount), random);
  const ductules = clusters.map((cluster, k) => ductule(cluster, axis, k, random));
  const ducts = [terminal, ...ductules];
  const alveoli = placeAlveoli(clusters, ducts, path, random);
  const capillaries = clusters.flatMap((cluster, k) => clusterCapillaries(cluster, alveoli.filter((a) => a.ductIndex === k + 1), k, random));
  // 720 triangles: smooth silhouettes at close-up size (detail subdivides each face linearly).
  const alveolus = new IcosahedronGeometry(1, 5);
  return {
    lobuleId: input.lobuleId,
    lobuleRadius: LOBULE_DETAIL_RADIUS,
    boundingRadius: boundingRadius(ducts, alveoli, capillaries),
    ducts,
    alveoli,
    capillaries,
    geometries: {
      ducts: buildDetailTubes(ducts, 10),
      arterialCapillaries: buildDetailTubes(capillaryTubes(capillaries, 'arterial'), 6),
      venousCapillaries: buildDetailTubes(capillaryTubes(capillaries, 'venous'), 6),
      alveolus,
    },
    alveolusMatrices: packMatrices(alveoli.map((a) => sphereMatrix(a.centre, a.radius))),
    alveolusShades: new Float32Array(alveoli.map(() => random.range(0.9, 1.06))),
  };
}

// ---------------------------------------------------------------------------------------------
// Ducts

function terminalDuctRadius(glandRadius: number): number {
  const radius = Number.isFinite(glandRadius) ? glandRadius * DUCT_SCALE : 0;
  return Math.min(TERMINAL_DUCT_RADIUS.max, Math.max(TERMINAL_DUCT_RADIUS.min, radius));
}

/**
 * The stretch below the hilum follows the last span of the real terminal duct, turned so the duct
 * arrives heading straight up and scaled to ENTRY_LENGTH; a straight stem if the polyline is degenerate.
 */
function entryStretch(ductPoints: readonly Vec3[]): Vec3[] {
  const tail = ductPoints.slice(-4);
  const last = tail[tail.length - 1];
  const before = tail[tail.length - 2];
  const span = tail.reduce((sum, p, i) => sum + (i > 0 ? distance(p, tail[i - 1]!) : 0), 0);
  if (!last || !before || span < 1e-9 || distance(last, before) < 1e-9) {
    return [addScaled(HILUM, [0, -1, 0], ENTRY_LENGTH), addScaled(HILUM, [0, -1, 0], ENTRY_LENGTH / 2), HILUM];
  }
  const heading = normalize(sub(last, before));
  const turn = new Quaternion().setFromUnitVectors(new Vector3(...heading), new Vector3(0, 1, 0));
  return tail.map((p) => {
    const v = new Vector3(...sub(p, last)).applyQuaternion(turn).multiplyScalar(ENTRY_LENGTH / span);
    return add(HILUM, [v.x, v.y, v.z]);
  });
}

function terminalDuct(ductPoints: readonly Vec3[], glandRadius: number, random: Random): DetailDuct {
  const radius = terminalDuctRadius(glandRadius);
  const entry = entryStretch(ductPoints);
  // The intralobular part runs up the lobule's axis with a slight natural wobble.
  const steps = 4;
  const axis: Vec3[] = [];
  for (let i = 1; i <= steps; i += 1) {
    const y = HILUM[1] + ((AXIS_TOP_Y - HILUM[1]) * i) / steps;
    axis.push([random.range(-0.2, 0.2), y, random.range(-0.2, 0.2)]);
  }
  const points = [...entry, ...axis];
  // It narrows a little as it gives off its ductules (never widens: no sinus-like bulges).
  const radii = points.map((_, i) => radius * (i < entry.length ? 1 : 1 - (0.25 * (i - entry.length + 1)) / steps));
  return { id: 'terminal-duct', parentId: null, points, radii };
}

interface ClusterPlan {
  centre: MutableVec3;
  size: number;
  radius: number;
}

function clusterRadius(size: number): number {
  return ALVEOLUS_RADIUS.max * Math.cbrt(size / CLUSTER_PACKING);
}

/**
 * Cluster centres spread over the upper ~¾ of a sphere (a Fibonacci spiral, jittered), leaving
 * the bottom free for the entering duct.
 */
function planClusters(count: number, random: Random): ClusterPlan[] {
  if (count === 0) return [];
  const n = Math.min(MAX_CLUSTERS, Math.max(1, Math.round(count / ALVEOLI_PER_CLUSTER)));
  const top = 0.96;
  const bottom = -0.45;
  const golden = Math.PI * (3 - Math.sqrt(5));
  const phase = random.range(0, Math.PI * 2);
  const plans: ClusterPlan[] = [];
  for (let k = 0; k < n; k += 1) {
    const size = Math.floor(count / n) + (k < count % n ? 1 : 0);
    const radius = clusterRadius(size);
    const y = n === 1 ? 0.3 : top - ((top - bottom) * (k + random.range(0.3, 0.7))) / n;
    const ring = Math.sqrt(1 - y * y);
    const angle = phase + k * golden + random.range(-0.25, 0.25);
    const direction: Vec3 = [ring * Math.cos(angle), y, ring * Math.sin(angle)];
    const reach = Math.max(0, LOBULE_DETAIL_RADIUS - radius - 0.15);
    plans.push({ centre: scale(direction, reach * random.range(0.9, 1)), size, radius });
  }
  return plans;
}

/** A short ductule from the nearest suitable point of the terminal duct's centre line to the cluster. */
function ductule(cluster: ClusterPlan, axis: readonly Vec3[], k: number, random: Random): DetailDuct {
  const horizontal = Math.hypot(cluster.centre[0], cluster.centre[2]);
  // Ductules leave the duct a little below their cluster, angled upwards like twigs.
  const targetY = cluster.centre[1] - 0.4 * horizontal;
  const start = axis.reduce((best, p) => (Math.abs(p[1] - targetY) < Math.abs(best[1] - targetY) ? p : best), axis[0] ?? HILUM);
  const towards = normalize(sub(cluster.centre, start));
  const middle = addScaled(lerp(start, cluster.centre, 0.5), randomTangent(towards, random), random.range(0, 0.25));
  return { id: `ductule-${k + 1}`, parentId: 'terminal-duct', points: [start, middle, cluster.centre], radii: [...DUCTULE_RADII] };
}

// ---------------------------------------------------------------------------------------------
// Alveoli

interface Obstacles {
  ducts: readonly DetailDuct[];
  /** Smoothed centre lines, as the tubes are drawn. */
  lines: Vec3[][];
}

function fits(candidate: Vec3, radius: number, placed: readonly DetailAlveolus[], obstacles: Obstacles, ownDuct: number): boolean {
  if (length(candidate) + radius > LOBULE_DETAIL_RADIUS - 0.02) return false;
  for (const other of placed) if (distance(candidate, other.centre) < PLACEMENT_GAP * (radius + other.radius)) return false;
  return obstacles.ducts.every((duct, i) => {
    if (i === ownDuct) return true;
    const ductRadius = Math.max(...duct.radii);
    return pointPolylineDistance(candidate, obstacles.lines[i]!) >= radius + ductRadius;
  });
}

/** Grapes around the ductule's end, nudged outwards (away from the lobule centre). */
function clusterCandidate(cluster: ClusterPlan, radius: number, attempt: number, random: Random): MutableVec3 {
  const reach = cluster.radius * (1 + (0.8 * attempt) / 80);
  const outward = normalize(cluster.centre);
  const direction = normalize(addScaled(randomUnit(random), outward, 0.5));
  return addScaled(cluster.centre, direction, random.range(Math.min(0.3, reach), Math.max(0.35, reach - radius * 0.5)));
}

function placeAlveoli(clusters: readonly ClusterPlan[], ducts: readonly DetailDuct[], path: string, random: Random): DetailAlveolus[] {
  const obstacles: Obstacles = { ducts, lines: ducts.map((d) => smoothPolyline(d.points, d.radii).centres) };
  const placed: DetailAlveolus[] = [];
  clusters.forEach((cluster, k) => {
    for (let i = 0; i < cluster.size; i += 1) {
      const spot = placeOne(cluster, placed, obstacles, k + 1, random);
      placed.push({ id: `alveolus-${path}.${placed.length + 1}`, ...spot, ductIndex: k + 1 });
    }
  });
  return placed;
}

/** Near its cluster if there is room (it always is in practice), else anywhere free in the lobule. */
function placeOne(cluster: ClusterPlan, placed: readonly DetailAlveolus[], obstacles: Obstacles, ownDuct: number, random: Random): { centre: Vec3; radius: number } {
  const radius = random.range(ALVEOLUS_RADIUS.min, ALVEOLUS_RADIUS.max);
  const near = findSpot(radius, (attempt) => (attempt < 80 ? clusterCandidate(cluster, radius, attempt, random) : anywhere(radius, random)), placed, obstacles, ownDuct);
  if (near) return { centre: near, radius };
  const small = ALVEOLUS_RADIUS.min;
  const free = findSpot(small, () => anywhere(small, random), placed, { ducts: [], lines: [] }, ownDuct);
  return { centre: free ?? scale(randomUnit(random), LOBULE_DETAIL_RADIUS - small), radius: small };
}

function anywhere(radius: number, random: Random): MutableVec3 {
  return scale(randomUnit(random), random.range(1.2, LOBULE_DETAIL_RADIUS - radius));
}

function findSpot(radius: number, candidate: (attempt: number) => MutableVec3, placed: readonly DetailAlveolus[], obstacles: Obstacles, ownDuct: number): MutableVec3 | null {
  for (let attempt = 0; attempt < 2000; attempt += 1) {
    const c = candidate(attempt);
    if (fits(c, radius, placed, obstacles, ownDuct)) return c;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Capillaries

/** Capillary centre lines: even samples (about a quarter of an alveolus radius), turning at most this much per sample (bend radius ≥ 0.2). */
const CAPILLARY_SPACING = 0.1;
const MAX_CAPILLARY_TURN = 0.5;
/** Capillaries lie on the alveoli, half sunk into their surface so they do not float. */
const CAPILLARY_LIFT = CAPILLARY_RADIUS * 0.6;

/**
 * Points over one alveolus's surface from direction `entry` to `exit`. Far-apart ends are joined
 * over the outer side of the alveolus; close ones directly (going out and back would make a hairpin).
 */
function surfaceArc(alveolus: DetailAlveolus, entry: Vec3, exit: Vec3, outward: Vec3): Vec3[] {
  const apart = Math.acos(Math.max(-1, Math.min(1, entry[0] * exit[0] + entry[1] * exit[1] + entry[2] * exit[2])));
  const bow = 1.5 * Math.max(0, Math.min(1, (apart - Math.PI / 3) / (Math.PI / 3)));
  const bias = normalize(add(add(entry, exit), scale(outward, bow)), outward);
  const out: Vec3[] = [];
  const samples = 6;
  for (let s = 0; s <= samples; s += 1) {
    const t = s / samples;
    const d = normalize(add(add(scale(entry, (1 - t) * (1 - t)), scale(bias, 2 * t * (1 - t))), scale(exit, t * t)), bias);
    out.push(addScaled(alveolus.centre, d, alveolus.radius + CAPILLARY_LIFT));
  }
  return out;
}

/** Whether going on from `current` to `next` keeps turning less than a hairpin (which would fold the tube). */
function onward(previous: DetailAlveolus | undefined, current: DetailAlveolus, next: DetailAlveolus): boolean {
  if (!previous) return true;
  const back = normalize(sub(previous.centre, current.centre));
  const ahead = normalize(sub(next.centre, current.centre));
  return back[0] * ahead[0] + back[1] * ahead[1] + back[2] * ahead[2] < Math.cos(Math.PI / 2.5);
}

/** A walk from alveolus to nearby alveolus within one cluster, never doubling back. */
function capillaryWalk(members: readonly DetailAlveolus[], start: number, steps: number, random: Random): DetailAlveolus[] {
  const walk = [members[start]!];
  const left = members.filter((_, i) => i !== start);
  while (walk.length < steps) {
    const current = walk[walk.length - 1]!;
    const choices = left.filter((a) => onward(walk[walk.length - 2], current, a)).sort((a, b) => distance(a.centre, current.centre) - distance(b.centre, current.centre));
    if (choices.length === 0) break;
    const next = choices[choices.length > 1 && random.next() < 0.35 ? 1 : 0]!;
    left.splice(left.indexOf(next), 1);
    walk.push(next);
  }
  return walk;
}

function loopPoints(walk: readonly DetailAlveolus[], clusterCentre: Vec3, random: Random): Vec3[] {
  const outwardOf = (a: DetailAlveolus): MutableVec3 => normalize(sub(a.centre, clusterCentre), normalize(a.centre));
  const first = walk[0]!;
  const last = walk[walk.length - 1]!;
  const inFrom = normalize(addScaled(outwardOf(first), randomTangent(outwardOf(first), random), 0.8));
  const outTo = normalize(addScaled(outwardOf(last), randomTangent(outwardOf(last), random), 0.8));
  // An arteriole-side tail arrives from outside the cluster; a venule-side tail leaves it.
  const points: Vec3[] = [addScaled(first.centre, inFrom, first.radius + 0.6)];
  // Cross to the next alveolus over the crevice between them, not down into it (that would kink the tube).
  const towards = (from: DetailAlveolus, to: DetailAlveolus): MutableVec3 => normalize(addScaled(normalize(sub(to.centre, from.centre)), outwardOf(from), 0.8));
  walk.forEach((alveolus, i) => {
    const entry = i === 0 ? inFrom : towards(alveolus, walk[i - 1]!);
    const exit = i === walk.length - 1 ? outTo : towards(alveolus, walk[i + 1]!);
    points.push(...surfaceArc(alveolus, entry, exit, outwardOf(alveolus)));
  });
  points.push(addScaled(last.centre, outTo, last.radius + 0.6));
  return points;
}

/** One or two capillary loops per cluster; each runs arterial (red) for its first half, venous (blue) after. */
function clusterCapillaries(cluster: ClusterPlan, members: readonly DetailAlveolus[], k: number, random: Random): CapillaryPath[] {
  if (members.length < 2) return [];
  // [U] A capillary net is dense; one or two loops per grape cluster suggest it without hiding the alveoli.
  const loops = members.length >= 7 ? 2 : 1;
  const paths: CapillaryPath[] = [];
  let start = Math.floor(random.range(0, members.length));
  for (let loop = 0; loop < loops; loop += 1) {
    // Each loop runs over up to five neighbouring alveoli before it drains.
    const walk = capillaryWalk(members, start, Math.min(members.length, 5), random);
    // Even spacing and rounded corners, so the thin tube never folds where it turns.
    const points = easeSharpTurns(loopPoints(walk, cluster.centre, random), CAPILLARY_SPACING, MAX_CAPILLARY_TURN);
    const split = Math.floor(points.length / 2);
    const id = `capillary-${k + 1}.${loop + 1}`;
    paths.push({ id: `${id}-arterial`, kind: 'arterial', points: points.slice(0, split + 1), radius: CAPILLARY_RADIUS });
    paths.push({ id: `${id}-venous`, kind: 'venous', points: points.slice(split), radius: CAPILLARY_RADIUS });
    // The second loop starts from the far side of the cluster.
    const from = members[start]!.centre;
    start = members.reduce((best, a, i) => (distance(a.centre, from) > distance(members[best]!.centre, from) ? i : best), 0);
  }
  return paths;
}

function capillaryTubes(capillaries: readonly CapillaryPath[], kind: CapillaryPath['kind']) {
  return capillaries.filter((c) => c.kind === kind).map((c) => ({ id: c.id, points: c.points, radii: c.points.map(() => c.radius) }));
}

function boundingRadius(ducts: readonly DetailDuct[], alveoli: readonly DetailAlveolus[], capillaries: readonly CapillaryPath[]): number {
  let r = LOBULE_DETAIL_RADIUS;
  for (const d of ducts) d.points.forEach((p, i) => (r = Math.max(r, length(p) + (d.radii[i] ?? 0))));
  for (const a of alveoli) r = Math.max(r, length(a.centre) + a.radius);
  for (const c of capillaries) for (const p of c.points) r = Math.max(r, length(p) + c.radius);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Picking, statistics, disposal

/** The alveolus whose sphere the ray (in the model's frame, unit direction) meets first, or null. */
export function pickAlveolus(model: LobuleDetailModel, ray: Ray): string | null {
  let best: { id: string; t: number } | null = null;
  for (const alveolus of model.alveoli) {
    const t = raySphere(ray, alveolus.centre, alveolus.radius);
    if (t !== null && (best === null || t < best.t)) best = { id: alveolus.id, t };
  }
  return best?.id ?? null;
}

export interface DetailStats {
  drawCalls: number;
  triangles: number;
}

/** Draw calls and triangles of the lobule close-up as LobuleDetail draws it (plus one halo when an alveolus is selected). */
export function lobuleDetailStats(model: LobuleDetailModel, selected = false): DetailStats {
  const g = model.geometries;
  const tubes = [g.ducts, g.arterialCapillaries, g.venousCapillaries].filter((geometry) => triangleCount(geometry) > 0);
  const halo = selected ? triangleCount(g.alveolus) : 0;
  return {
    drawCalls: tubes.length + (model.alveoli.length > 0 ? 1 : 0) + (selected ? 1 : 0),
    triangles: tubes.reduce((sum, geometry) => sum + triangleCount(geometry), 0) + triangleCount(g.alveolus, model.alveoli.length) + halo,
  };
}

export function disposeLobuleDetail(model: LobuleDetailModel): void {
  disposeGeometries(Object.values(model.geometries));
}
