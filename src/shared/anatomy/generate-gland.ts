import { createRandom, type Random } from '../random';
import { describeZodError } from '../zod-messages';
import type {
  Alveoli,
  Areola,
  Cord,
  DuctSegment,
  Envelope,
  FatLobules,
  GlandAnatomy,
  Lobule,
  Nipple,
  NippleOpening,
  Rib,
  StructureKind,
  StructureNode,
  Vec3,
} from './gland-anatomy';
import { shrunkRadii } from './gland-geometry-checks';
import { glandParametersSchema, type GlandParameters } from './gland-parameters';

/**
 * Builds the anatomy of one lactating breast from the parameters of models/gland.json.
 * Pure and deterministic: the same parameters (seed included) give the same anatomy.
 *
 * Units and frame: centimetres; the chest wall (surface of pectoralis major) is z = 0, +z forward,
 * +y up, +x lateral. The breast is a half-ellipsoid dome on the chest wall (`Envelope`).
 *
 * Sources (see /work/shared/reference/physiology-facts.md §1, §9):
 * - Ramsay DT et al., J Anat 2005;206:525–534: ~9 main ducts, ~2 mm wide, superficial, first
 *   branch 8.0 ± 5.5 mm from the nipple and within the areola, no sinuses; glandular tissue
 *   concentrated near the nipple, with fat mixed through it (also Geddes 2007).
 * - Orifice counts (BMC Pregnancy Childbirth 2014; Cancer 2004; Rusby 2007): fewer openings than
 *   ducts, ducts share openings.
 * - Internal thoracic perforators (intercostal spaces 2–4) and the lateral thoracic artery;
 *   the lateral cutaneous branch of the 4th intercostal nerve to the nipple (Sarhadi 1996,
 *   Riccio 2015); nipple in the T4 dermatome.
 *
 * Numbers marked [U] below are plausible modelling choices without a checked source.
 */

// ---------------------------------------------------------------------------------------------
// Modelling constants

/** Breast skin, about 2 mm [U]. */
const SKIN_THICKNESS = 0.2;
/** Pectoralis major under the breast, about 1.2 cm [U]. */
const PECTORALIS_THICKNESS = 1.2;
/** Retromammary fat between the gland and the pectoral fascia [U]. */
const RETROMAMMARY_GAP = 0.3;
/** Where the nipple base sits on the dome, as fractions of the semi-axes: slightly lateral and below centre [U]. */
const NIPPLE_ON_DOME = { x: 0.06, y: -0.12 } as const;
/** Each main duct's first branch lies within ±15 % of `firstBranchDistance` (Ramsay's ± 5.5 mm is wider; kept narrow so the parameter stays meaningful). */
export const FIRST_BRANCH_JITTER = 0.15;
/** Ducts leave the nipple shallowly: the subareolar part runs ~35° below the skin tangent (Ramsay 2005: "superficial") [U]. */
const SUBAREOLAR_DIVE = (35 * Math.PI) / 180;
/** Radius at the end of a segment relative to its start: gentle taper, never a bulge. */
const SEGMENT_TAPER = 0.93;
/** Thinnest duct modelled (terminal ducts are a fraction of a millimetre) [U]. */
const MIN_DUCT_RADIUS = 0.004;
/** Alveolar radius 0.3–0.6 mm: about true to size or somewhat larger (alveoli are a fraction of a millimetre) [U]; the renderer scales for visibility. */
const ALVEOLUS_RADIUS = { min: 0.03, max: 0.06 } as const;
/** Ribs about 2.5 cm apart vertically, sloping up laterally [U]. */
const RIB_SPACING = 2.5;
const RIB_RADIUS = 0.5;
const RIB_SLOPE = 0.18;
/** Tree layout: trunk (nipple) height and overall height, about the breast's size so one camera framing fits both. */
const TREE_TRUNK_HEIGHT = 3;
const TREE_HEIGHT = 14;
/** Tree layout: directions are tilted towards the vertical by this factor so the crown grows upwards. */
const TREE_POLAR_SQUEEZE = 0.62;
/** Upper-outer quadrant (towards the axilla) carries more gland: up to +20 % reach [U: commonly taught]. */
const UPPER_OUTER_BOOST = 0.2;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/** Fat lobules between the glandular lobules, a few millimetres across [U]. */
const FAT_BETWEEN_RADIUS = { min: 0.25, max: 0.55 } as const;

/** Independent random streams, so that e.g. changing the fat count leaves the ducts unchanged. */
const STREAM = { ducts: 1, openings: 2, lobules: 3, fat: 4, areola: 5, ligaments: 6, systems: 7 } as const;

// ---------------------------------------------------------------------------------------------
// Small vector helpers

const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const scale = (a: Vec3, s: number): Vec3 => [a[0] * s, a[1] * s, a[2] * s];
const addScaled = (a: Vec3, b: Vec3, s: number): Vec3 => [a[0] + b[0] * s, a[1] + b[1] * s, a[2] + b[2] * s];
const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const norm = (a: Vec3): number => Math.hypot(a[0], a[1], a[2]);
const lerp = (a: Vec3, b: Vec3, t: number): Vec3 => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];

function normalize(a: Vec3, fallback: Vec3 = [0, 0, 1]): Vec3 {
  const n = norm(a);
  return n > 1e-12 ? scale(a, 1 / n) : fallback;
}

function randomUnit(random: Random): Vec3 {
  const z = random.range(-1, 1);
  const angle = random.range(0, Math.PI * 2);
  const ring = Math.sqrt(1 - z * z);
  return [ring * Math.cos(angle), ring * Math.sin(angle), z];
}

/** A unit vector perpendicular to `a`. */
function perpendicular(a: Vec3): Vec3 {
  const helper: Vec3 = Math.abs(a[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  return normalize(cross(a, helper));
}

// ---------------------------------------------------------------------------------------------
// The envelope

/** The outward normal of the dome at a surface point. */
function surfaceNormal(envelope: Envelope, p: Vec3): Vec3 {
  const [a, b, c] = envelope.radii;
  const [cx, cy, cz] = envelope.center;
  return normalize([(p[0] - cx) / (a * a), (p[1] - cy) / (b * b), (p[2] - cz) / (c * c)]);
}

/** The dome point on the ray from the base centre through `p`. */
function projectToSurface(envelope: Envelope, p: Vec3): Vec3 {
  const [a, b, c] = envelope.radii;
  const [cx, cy, cz] = envelope.center;
  const q: Vec3 = [(p[0] - cx) / a, (p[1] - cy) / b, Math.max(p[2] - cz, 0) / c];
  const n = norm(q);
  const unit = n > 1e-9 ? scale(q, 1 / n) : ([0, 0, 1] as Vec3);
  return [cx + unit[0] * a, cy + unit[1] * b, cz + unit[2] * c];
}

/**
 * Moves `p` inside the dome shrunk by `margin` and at least `backMargin` in front of the chest
 * wall. Points already inside are returned unchanged; others keep their depth (z) and are pulled
 * towards the dome's axis, which keeps layered structures (fat under the skin) in their layer.
 */
function containInEnvelope(envelope: Envelope, p: Vec3, margin: number, backMargin: number): Vec3 {
  const [a, b, c] = shrunkRadii(envelope, margin);
  const [cx, cy, cz] = envelope.center;
  const zMax = c * 0.98;
  const z = Math.min(Math.max(p[2] - cz, Math.min(backMargin, zMax * 0.5)), zMax);
  const x = p[0] - cx;
  const y = p[1] - cy;
  const qz = z / c;
  const allowed = (1 - 1e-4) ** 2 - qz * qz;
  const qxy = (x / a) ** 2 + (y / b) ** 2;
  const shrink = qxy > allowed ? Math.sqrt(allowed / qxy) : 1;
  return [cx + x * shrink, cy + y * shrink, cz + z];
}

/** Local frame at the nipple base: outward normal `n`, `u` ≈ lateral, `v` ≈ up. */
interface NippleFrame {
  base: Vec3;
  n: Vec3;
  u: Vec3;
  v: Vec3;
}

function nippleFrame(envelope: Envelope): NippleFrame {
  const [a, b, c] = envelope.radii;
  const { x, y } = NIPPLE_ON_DOME;
  const base: Vec3 = add(envelope.center, [x * a, y * b, c * Math.sqrt(1 - x * x - y * y)]);
  const n = surfaceNormal(envelope, base);
  const u = normalize(addScaled([1, 0, 0], n, -n[0]));
  return { base, n, u, v: cross(n, u) };
}

/** Unit vector in the skin's tangent plane at the nipple, at `angle` from lateral towards up. */
function radial(frame: NippleFrame, angle: number): Vec3 {
  return add(scale(frame.u, Math.cos(angle)), scale(frame.v, Math.sin(angle)));
}

/** A point `depth` under the skin, `distance` from the nipple base along the tangent direction `angle`. */
function pointUnderSkin(envelope: Envelope, frame: NippleFrame, angle: number, distance: number, depth: number): Vec3 {
  const surface = projectToSurface(envelope, addScaled(frame.base, radial(frame, angle), distance));
  return addScaled(surface, surfaceNormal(envelope, surface), -depth);
}

// ---------------------------------------------------------------------------------------------
// Nipple, openings, areola

interface DuctSystem {
  /** 1-based. */
  number: number;
  /** Azimuth around the nipple (0 = lateral, π/2 = up). */
  angle: number;
  /** 0-based opening index. */
  opening: number;
}

/**
 * Main ducts radiate evenly (with jitter) around the nipple. Openings take consecutive ducts, so
 * with fewer openings than ducts, neighbouring ducts share an opening (Rusby 2007: 29 ducts
 * through 15 orifices) and every opening drains at least one duct.
 */
function planSystems(parameters: GlandParameters, random: Random): DuctSystem[] {
  const ducts = parameters.mainDucts;
  const openings = Math.min(parameters.openings, ducts);
  const start = random.range(0, Math.PI * 2);
  const sector = (Math.PI * 2) / ducts;
  return Array.from({ length: ducts }, (_, i) => ({
    number: i + 1,
    angle: start + i * sector + random.range(-0.25, 0.25) * sector,
    opening: Math.floor((i * openings) / ducts),
  }));
}

function buildOpenings(parameters: GlandParameters, nipple: { tip: Vec3; radius: number }, frame: NippleFrame, systems: DuctSystem[], random: Random): NippleOpening[] {
  const count = Math.min(parameters.openings, parameters.mainDucts);
  return Array.from({ length: count }, (_, j) => {
    const mine = systems.filter((s) => s.opening === j);
    // Circular mean of the ducts' azimuths, so each opening sits on their side of the tip.
    const mean = Math.atan2(
      mine.reduce((sum, s) => sum + Math.sin(s.angle), 0),
      mine.reduce((sum, s) => sum + Math.cos(s.angle), 0),
    );
    const offset = nipple.radius * random.range(0.25, 0.6);
    return { id: `nipple-opening-${j + 1}`, position: addScaled(nipple.tip, radial(frame, mean), offset), systems: mine.map((s) => s.number) };
  });
}

function buildAreola(parameters: GlandParameters, envelope: Envelope, frame: NippleFrame, random: Random): Areola {
  const count = parameters.montgomeryGlands;
  // Montgomery tubercles sit on the outer part of the areola (raised sebaceous/areolar glands).
  const montgomeryGlands = Array.from({ length: count }, (_, k) => {
    const angle = (k / Math.max(count, 1)) * Math.PI * 2 + random.range(-0.25, 0.25);
    const distance = parameters.areolaRadius * random.range(0.55, 0.9);
    return { id: `montgomery-gland-${k + 1}`, position: pointUnderSkin(envelope, frame, angle, distance, SKIN_THICKNESS * 0.25) };
  });
  return { id: 'areola', center: frame.base, normal: frame.n, radius: parameters.areolaRadius, montgomeryGlands };
}

// ---------------------------------------------------------------------------------------------
// Ducts and lobules

interface LobulePlan {
  id: string;
  ductId: string;
  system: number;
  center: Vec3;
  radius: number;
  alveolusCount: number;
}

interface GrowthContext {
  parameters: GlandParameters;
  envelope: Envelope;
  frame: NippleFrame;
  random: Random;
  ducts: DuctSegment[];
  lobules: LobulePlan[];
  /** Depth of the gland's outer boundary under the skin: skin plus subcutaneous fat. */
  glandMargin: number;
  /** Upper bound on a lobule's radius, so lobules fit between the fat layers. */
  largestLobule: number;
  branchAngle: number;
}

/** Per system: where its lobe lies and how long its first branches are. */
interface LobePlan {
  system: DuctSystem;
  direction: Vec3;
  firstLength: number;
}

function generateDucts(parameters: GlandParameters, envelope: Envelope, frame: NippleFrame, nipple: Nipple, systems: DuctSystem[], random: Random): { ducts: DuctSegment[]; lobules: LobulePlan[] } {
  // In a small, shallow envelope a thick fat layer or big lobules would leave no room for the
  // gland; limit both so the gland always fits (the teacher's values apply in ordinary breasts).
  const smallest = Math.min(...envelope.radii);
  const glandMargin = Math.min(SKIN_THICKNESS + parameters.subcutaneousFat, smallest * 0.35);
  const largestLobule = Math.max(0.05, (smallest - glandMargin - RETROMAMMARY_GAP) / 3);
  const context: GrowthContext = {
    parameters,
    envelope,
    frame,
    random,
    ducts: [],
    lobules: [],
    glandMargin,
    largestLobule,
    branchAngle: (parameters.branchAngleDegrees * Math.PI) / 180,
  };
  for (const system of systems) {
    const opening = nipple.openings[system.opening];
    if (!opening) continue;
    const main = mainDuct(context, system, opening.position, nipple);
    context.ducts.push(main);
    const branchPoint = main.points[main.points.length - 1] ?? frame.base;
    const before = main.points[main.points.length - 2] ?? frame.base;
    const lobe = planLobe(context, system, branchPoint);
    const incoming = normalize(sub(branchPoint, before), radial(frame, system.angle));
    growChildren(context, main, incoming, lobe, lobe.firstLength, context.random.range(-0.3, 0.3));
  }
  separateLobules(context);
  return { ducts: context.ducts, lobules: context.lobules };
}

/**
 * A main duct: from its opening on the nipple tip down through the nipple, then just under the
 * areola's skin to its first branch point, `firstBranchDistance` (± jitter) from the nipple base
 * and inside the areola (Ramsay 2005). Its radius only tapers: no sinus.
 */
function mainDuct(context: GrowthContext, system: DuctSystem, opening: Vec3, nipple: Nipple): DuctSegment {
  const { parameters, envelope, frame, random } = context;
  const radius = parameters.mainDuctRadius * random.range(0.85, 1.15);
  const ring = nipple.radius * 0.45;
  const baseOffset = scale(radial(frame, system.angle), ring);
  const openingOffset = sub(opening, nipple.tip);
  const midNipple = addScaled(add(frame.base, lerp(openingOffset, baseOffset, 0.6)), frame.n, parameters.nippleLength * 0.5);
  const leavesNipple = addScaled(add(frame.base, baseOffset), frame.n, -SKIN_THICKNESS);
  const distance = Math.min(parameters.firstBranchDistance * random.range(1 - FIRST_BRANCH_JITTER, 1 + FIRST_BRANCH_JITTER), parameters.areolaRadius * 0.95);
  const branchPoint = subareolarPoint(envelope, frame, system.angle, distance, SKIN_THICKNESS + radius * 1.5);
  const bend = containInEnvelope(envelope, lerp(leavesNipple, branchPoint, 0.5), SKIN_THICKNESS + radius, 0);
  const points = [opening, midNipple, leavesNipple, bend, branchPoint];
  return {
    id: `duct-${system.number}`,
    parentId: null,
    childIds: [],
    system: system.number,
    depth: 0,
    points,
    radii: taperedRadii(radius, points.length),
    treePoints: [],
    lobuleId: null,
  };
}

/**
 * The point exactly `distance` from the nipple base, at azimuth `angle`, lying under the skin at
 * least `minDepth` deep and otherwise diving at SUBAREOLAR_DIVE. Found by bisection on the
 * tangential distance because the skin curves away from the nipple.
 */
function subareolarPoint(envelope: Envelope, frame: NippleFrame, angle: number, distance: number, minDepth: number): Vec3 {
  const depth = Math.min(distance, Math.max(minDepth, distance * Math.sin(SUBAREOLAR_DIVE)));
  // The skin falls away from the nipple, more steeply on a narrow, projecting breast, so the
  // tangential distance needed can exceed `distance`: search up to several times it.
  let low = 0;
  let high = distance * 4;
  for (let i = 0; i < 40; i += 1) {
    const mid = (low + high) / 2;
    if (norm(sub(pointUnderSkin(envelope, frame, angle, mid, depth), frame.base)) < distance) low = mid;
    else high = mid;
  }
  return pointUnderSkin(envelope, frame, angle, (low + high) / 2, depth);
}

/**
 * Each system's lobe lies in its own wedge of the breast, towards the chest wall in the direction
 * of its azimuth. `glandReach` sets how far along that line the branches reach, so most gland
 * stays near the nipple (Ramsay 2005).
 */
function planLobe(context: GrowthContext, system: DuctSystem, branchPoint: Vec3): LobePlan {
  const { envelope, frame, parameters } = context;
  const [a, b, c] = envelope.radii;
  const outward = radial(frame, system.angle);
  const flat = normalize([outward[0], outward[1], 0], [1, 0, 0]);
  const far: Vec3 = [frame.base[0] + flat[0] * 2 * a, frame.base[1] + flat[1] * 2 * b, 0.25 * c];
  const rim = containInEnvelope(envelope, far, context.glandMargin, RETROMAMMARY_GAP);
  const toRim = sub(rim, branchPoint);
  const upperOuter = 1 + UPPER_OUTER_BOOST * Math.max(0, Math.cos(Math.atan2(flat[1], flat[0]) - Math.PI / 4));
  const reach = parameters.glandReach * norm(toRim) * upperOuter;
  let levels = 0;
  for (let d = 0; d < parameters.branchDepth; d += 1) levels += parameters.lengthDecay ** d;
  // Branching zig-zags, so the straight-line reach is shorter than the path: allow for ~15 %.
  return { system, direction: normalize(toRim), firstLength: reach / levels / 0.85 };
}

/**
 * The children of `parent` at its end point: two continuing branches split by `branchAngle`
 * (alternating the split plane at each level, like a real duct tree) and, with probability
 * `sideBranchChance`, a short side branch that ends at once in a lobule (lobules bud off all along
 * the ducts, not only at the tips).
 */
function growChildren(context: GrowthContext, parent: DuctSegment, incoming: Vec3, lobe: LobePlan, length: number, roll: number): void {
  const { parameters, frame, random } = context;
  const depth = parent.depth + 1;
  const start = parent.points[parent.points.length - 1] ?? frame.base;
  const parentEndRadius = parent.radii[parent.radii.length - 1] ?? MIN_DUCT_RADIUS;
  const away = normalize(sub(start, frame.base), lobe.direction);
  const base = normalize(add(add(scale(incoming, 0.55), scale(lobe.direction, 0.3)), scale(away, 0.15)));
  // Split plane: across the azimuth around the nipple at the first level, then turning 90° per level.
  const tangent = cross(frame.n, away);
  const e1 = normalize(addScaled(tangent, base, -dot(tangent, base)), perpendicular(base));
  const e2 = cross(base, e1);
  const splitAxis = add(scale(e1, Math.cos(roll)), scale(e2, Math.sin(roll)));
  const children: { direction: Vec3; length: number; radius: number; terminal: boolean; roll: number }[] = [];
  for (const side of [-1, 1]) {
    const angle = context.branchAngle * random.range(0.8, 1.2);
    children.push({
      direction: normalize(add(scale(base, Math.cos(angle)), scale(splitAxis, side * Math.sin(angle)))),
      length: length * random.range(0.85, 1.15),
      radius: parentEndRadius * parameters.radiusDecay * random.range(0.92, 1),
      terminal: depth >= parameters.branchDepth,
      roll: roll + Math.PI / 2 + random.range(-0.4, 0.4),
    });
  }
  if (parent.depth >= 1 && random.next() < parameters.sideBranchChance) {
    const budAxis = add(scale(e1, Math.cos(roll + Math.PI / 2)), scale(e2, Math.sin(roll + Math.PI / 2)));
    const angle = context.branchAngle * random.range(1, 1.4);
    const side = random.next() < 0.5 ? -1 : 1;
    children.push({
      direction: normalize(add(scale(base, Math.cos(angle)), scale(budAxis, side * Math.sin(angle)))),
      length: length * random.range(0.4, 0.6),
      radius: parentEndRadius * parameters.radiusDecay ** 2,
      terminal: true,
      roll,
    });
  }
  children.forEach((child, k) => {
    const path = `${parent.id.slice('duct-'.length)}.${k + 1}`;
    const segment = ductSegment(context, parent, path, depth, start, child.direction, child.length, Math.min(parentEndRadius, Math.max(child.radius, MIN_DUCT_RADIUS)), child.terminal);
    parent.childIds.push(segment.id);
    context.ducts.push(segment);
    if (!child.terminal) {
      const last = segment.points[segment.points.length - 1] ?? start;
      const before = segment.points[segment.points.length - 2] ?? start;
      growChildren(context, segment, normalize(sub(last, before), child.direction), lobe, length * parameters.lengthDecay, child.roll);
    }
  });
}

/** One duct segment as a gently bowed polyline; a terminal one also plans its lobule just beyond its end. */
function ductSegment(context: GrowthContext, parent: DuctSegment, path: string, depth: number, start: Vec3, direction: Vec3, length: number, radius: number, terminal: boolean): DuctSegment {
  const { envelope, random, parameters } = context;
  const id = `duct-${path}`;
  let end: Vec3;
  let lobuleId: string | null = null;
  if (terminal) {
    const alveolusCount = Math.max(1, Math.round(parameters.alveoliPerLobule * random.range(0.8, 1.2)));
    const lobuleRadius = Math.min(parameters.lobuleRadius * Math.cbrt(alveolusCount / parameters.alveoliPerLobule) * random.range(0.9, 1.1), context.largestLobule);
    const center = containInEnvelope(envelope, addScaled(start, direction, length + lobuleRadius * 0.8), context.glandMargin + lobuleRadius, RETROMAMMARY_GAP + lobuleRadius);
    const reach = norm(sub(center, start));
    end = addScaled(center, normalize(sub(center, start), direction), -Math.min(lobuleRadius * 0.8, reach * 0.5));
    lobuleId = `lobule-${path}`;
    context.lobules.push({ id: lobuleId, ductId: id, system: parent.system, center, radius: lobuleRadius, alveolusCount });
  } else {
    end = containInEnvelope(envelope, addScaled(start, direction, length), context.glandMargin + radius, RETROMAMMARY_GAP);
  }
  const points = bowedPolyline(context, start, end, terminal ? 3 : 4, radius);
  return { id, parentId: parent.id, childIds: [], system: parent.system, depth, points, radii: taperedRadii(radius, points.length), treePoints: [], lobuleId };
}

/** `count` points from start to end with a small sideways bow, so ducts are not straight sticks. */
function bowedPolyline(context: GrowthContext, start: Vec3, end: Vec3, count: number, radius: number): Vec3[] {
  const { random, envelope } = context;
  const chord = sub(end, start);
  const bow = scale(normalize(cross(chord, randomUnit(random)), perpendicular(normalize(chord))), norm(chord) * random.range(0.03, 0.09));
  const points: Vec3[] = [start];
  for (let k = 1; k < count - 1; k += 1) {
    const t = k / (count - 1);
    points.push(containInEnvelope(envelope, addScaled(lerp(start, end, t), bow, Math.sin(Math.PI * t)), SKIN_THICKNESS + radius, RETROMAMMARY_GAP * 0.5));
  }
  points.push(end);
  return points;
}

/** Radii from `start`, shrinking linearly to start × SEGMENT_TAPER: never growing along a duct. */
function taperedRadii(start: number, count: number): number[] {
  const end = Math.max(start * SEGMENT_TAPER, Math.min(start, MIN_DUCT_RADIUS));
  return Array.from({ length: count }, (_, k) => start + ((end - start) * k) / Math.max(count - 1, 1));
}

/** Buckets of sphere indices for fast "what is near here" queries (lobules, fat). */
class SphereGrid {
  private readonly cells = new Map<number, number[]>();

  constructor(
    private readonly cell: number,
    private readonly centers: readonly Vec3[],
  ) {
    centers.forEach((c, index) => {
      const key = this.key(Math.floor(c[0] / cell), Math.floor(c[1] / cell), Math.floor(c[2] / cell));
      const bucket = this.cells.get(key);
      if (bucket) bucket.push(index);
      else this.cells.set(key, [index]);
    });
  }

  /** Calls `visit` with every index whose centre may lie within one cell of `p`, until it returns true. */
  near(p: Vec3, visit: (index: number) => boolean | void): void {
    const [ix, iy, iz] = [Math.floor(p[0] / this.cell), Math.floor(p[1] / this.cell), Math.floor(p[2] / this.cell)];
    for (let dx = -1; dx <= 1; dx += 1) {
      for (let dy = -1; dy <= 1; dy += 1) {
        for (let dz = -1; dz <= 1; dz += 1) {
          for (const index of this.cells.get(this.key(ix + dx, iy + dy, iz + dz)) ?? []) if (visit(index) === true) return;
        }
      }
    }
  }

  private key(ix: number, iy: number, iz: number): number {
    return ((ix + 512) * 1024 + (iy + 512)) * 1024 + (iz + 512);
  }
}

/**
 * Lobules are real, separate grape bunches: neighbouring lobules that overlap are pushed apart
 * (a few relaxation steps), then each terminal duct is re-aimed at its lobule's new position.
 */
function separateLobules(context: GrowthContext): void {
  const { lobules, envelope } = context;
  if (lobules.length < 2) return;
  const widest = lobules.reduce((max, l) => Math.max(max, l.radius), 0);
  for (let step = 0; step < 6; step += 1) {
    const grid = new SphereGrid(2 * widest, lobules.map((l) => l.center));
    // Scalar arithmetic here: this is the generator's only quadratic-ish loop.
    const moves = new Float64Array(lobules.length * 3);
    lobules.forEach((lobule, i) => {
      const [x, y, z] = lobule.center;
      grid.near(lobule.center, (j) => {
        const other = lobules[j];
        if (j <= i || !other) return;
        const dx = other.center[0] - x;
        const dy = other.center[1] - y;
        const dz = other.center[2] - z;
        const apart = Math.sqrt(dx * dx + dy * dy + dz * dz);
        const overlap = lobule.radius + other.radius - apart;
        if (overlap <= 0) return;
        // Coincident centres: push along x; otherwise along the line between them.
        const k = apart > 1e-9 ? (overlap * 0.3) / apart : 0;
        const [px, py, pz] = apart > 1e-9 ? [dx * k, dy * k, dz * k] : [overlap * 0.3, 0, 0];
        moves[i * 3] = (moves[i * 3] ?? 0) - px;
        moves[i * 3 + 1] = (moves[i * 3 + 1] ?? 0) - py;
        moves[i * 3 + 2] = (moves[i * 3 + 2] ?? 0) - pz;
        moves[j * 3] = (moves[j * 3] ?? 0) + px;
        moves[j * 3 + 1] = (moves[j * 3 + 1] ?? 0) + py;
        moves[j * 3 + 2] = (moves[j * 3 + 2] ?? 0) + pz;
      });
    });
    lobules.forEach((lobule, i) => {
      const moved: Vec3 = [lobule.center[0] + (moves[i * 3] ?? 0), lobule.center[1] + (moves[i * 3 + 1] ?? 0), lobule.center[2] + (moves[i * 3 + 2] ?? 0)];
      lobule.center = containInEnvelope(envelope, moved, context.glandMargin + lobule.radius, RETROMAMMARY_GAP + lobule.radius);
    });
  }
  const byId = new Map(context.ducts.map((d) => [d.id, d]));
  for (const lobule of lobules) {
    const duct = byId.get(lobule.ductId);
    if (duct) aimAtLobule(context, duct, lobule);
  }
}

/** Moves a terminal duct's end (and the middle of its bow with it) to just short of its lobule's centre. */
function aimAtLobule(context: GrowthContext, duct: DuctSegment, lobule: LobulePlan): void {
  const start = duct.points[0];
  const oldEnd = duct.points[duct.points.length - 1];
  if (!start || !oldEnd) return;
  const toCenter = sub(lobule.center, start);
  const end = addScaled(lobule.center, normalize(toCenter), -Math.min(lobule.radius * 0.8, norm(toCenter) * 0.5));
  const shift = sub(end, oldEnd);
  const radius = duct.radii[0] ?? MIN_DUCT_RADIUS;
  duct.points = duct.points.map((p, k, all) => {
    if (k === 0) return p;
    if (k === all.length - 1) return end;
    return containInEnvelope(context.envelope, addScaled(p, shift, k / (all.length - 1)), SKIN_THICKNESS + radius, RETROMAMMARY_GAP * 0.5);
  });
}

// ---------------------------------------------------------------------------------------------
// Alveoli and fat

/**
 * Alveoli fill each lobule like a bunch of grapes: an even spread through the ball (Fibonacci
 * sphere directions, low-discrepancy radii) with a little random jitter.
 */
function buildAlveoli(plans: LobulePlan[], random: Random): { lobules: Lobule[]; alveoli: Alveoli } {
  const total = plans.reduce((sum, p) => sum + p.alveolusCount, 0);
  const positions = new Float32Array(total * 3);
  const radii = new Float32Array(total);
  const lobuleIndex = new Uint32Array(total);
  const lobules: Lobule[] = [];
  let next = 0;
  plans.forEach((plan, index) => {
    lobules.push({ id: plan.id, ductId: plan.ductId, system: plan.system, center: plan.center, radius: plan.radius, treeCenter: [0, 0, 0], alveolusStart: next, alveolusCount: plan.alveolusCount });
    const fill = Math.max(plan.radius - ALVEOLUS_RADIUS.max, plan.radius * 0.3);
    const phase = random.range(0, Math.PI * 2);
    for (let k = 0; k < plan.alveolusCount; k += 1) {
      const y = 1 - (2 * (k + 0.5)) / plan.alveolusCount;
      const ring = Math.sqrt(1 - y * y);
      const angle = k * GOLDEN_ANGLE + phase;
      const r = fill * Math.cbrt(((k * 0.7548776662466927 + 0.5) % 1) * 0.9 + random.range(0, 0.1));
      positions[next * 3] = plan.center[0] + ring * Math.cos(angle) * r;
      positions[next * 3 + 1] = plan.center[1] + y * r;
      positions[next * 3 + 2] = plan.center[2] + ring * Math.sin(angle) * r;
      radii[next] = random.range(ALVEOLUS_RADIUS.min, ALVEOLUS_RADIUS.max);
      lobuleIndex[next] = index;
      next += 1;
    }
  });
  return { lobules, alveoli: { count: total, positions, treePositions: new Float32Array(total * 3), radii, lobuleIndex } };
}

/**
 * Fat lobules in three places: a subcutaneous layer under the skin (absent under the areola,
 * where the ducts are superficial), between the glandular lobules (Geddes 2007: fat lies within
 * the gland too), and a thin retromammary layer on the pectoral fascia.
 */
function buildFat(parameters: GlandParameters, envelope: Envelope, frame: NippleFrame, lobules: LobulePlan[], random: Random): FatLobules {
  const total = parameters.fatLobules;
  const subcutaneous = Math.round(total * 0.45);
  const retromammary = Math.round(total * 0.15);
  const between = total - subcutaneous - retromammary;
  const positions = new Float32Array(total * 3);
  const radii = new Float32Array(total);
  let next = 0;
  const put = (p: Vec3, r: number): void => {
    positions.set(p, next * 3);
    radii[next] = r;
    next += 1;
  };
  const layer = parameters.subcutaneousFat;
  for (let i = 0; i < subcutaneous; i += 1) {
    const r = Math.min(layer / 2, random.range(0.25, 0.5));
    let surface: Vec3 = frame.base;
    for (let attempt = 0; attempt < 20 && norm(sub(surface, frame.base)) < parameters.areolaRadius + r; attempt += 1) {
      const direction = randomUnit(random);
      surface = projectToSurface(envelope, add(envelope.center, [direction[0], direction[1], Math.abs(direction[2])]));
    }
    const depth = SKIN_THICKNESS + r + random.range(0, Math.max(0, layer - 2 * r));
    put(containInEnvelope(envelope, addScaled(surface, surfaceNormal(envelope, surface), -depth), SKIN_THICKNESS + r, r), r);
  }
  const widest = lobules.reduce((max, l) => Math.max(max, l.radius), 0);
  const grid = new SphereGrid(widest + FAT_BETWEEN_RADIUS.max, lobules.map((l) => l.center));
  for (let i = 0; i < between; i += 1) {
    const r = random.range(FAT_BETWEEN_RADIUS.min, FAT_BETWEEN_RADIUS.max);
    put(fatBetweenLobules(envelope, lobules, grid, r, random), r);
  }
  const [a, b] = envelope.radii;
  for (let i = 0; i < retromammary; i += 1) {
    const r = random.range(0.15, 0.3);
    const angle = random.range(0, Math.PI * 2);
    const spread = Math.sqrt(random.next()) * 0.9;
    const p: Vec3 = [envelope.center[0] + Math.cos(angle) * spread * a, envelope.center[1] + Math.sin(angle) * spread * b, envelope.center[2] + r];
    put(containInEnvelope(envelope, p, SKIN_THICKNESS + r, r), r);
  }
  return { count: total, positions, radii };
}

/** A fat lobule touching a random glandular lobule and, if a few tries allow, overlapping none. */
function fatBetweenLobules(envelope: Envelope, lobules: LobulePlan[], grid: SphereGrid, r: number, random: Random): Vec3 {
  let candidate = containInEnvelope(envelope, envelope.center, SKIN_THICKNESS + r, r);
  for (let attempt = 0; attempt < 6; attempt += 1) {
    const lobule = lobules[Math.floor(random.next() * lobules.length)];
    if (!lobule) break;
    const spot = containInEnvelope(envelope, addScaled(lobule.center, randomUnit(random), (lobule.radius + r) * random.range(1, 1.3)), SKIN_THICKNESS + r, r);
    let overlaps = false;
    grid.near(spot, (j) => {
      const other = lobules[j];
      overlaps = other !== undefined && norm(sub(spot, other.center)) < other.radius + r;
      return overlaps;
    });
    candidate = spot;
    if (!overlaps) break;
  }
  return candidate;
}

// ---------------------------------------------------------------------------------------------
// Ligaments, vessels, nerves, muscle, ribs

/** Catmull-Rom curve through `keys`, `perSpan` points per span: smooth cords from a few landmarks. */
function smoothCurve(keys: Vec3[], perSpan = 4): Vec3[] {
  const points: Vec3[] = [];
  for (let i = 0; i < keys.length - 1; i += 1) {
    const p0 = keys[Math.max(i - 1, 0)];
    const p1 = keys[i];
    const p2 = keys[i + 1];
    const p3 = keys[Math.min(i + 2, keys.length - 1)];
    if (!p0 || !p1 || !p2 || !p3) continue;
    for (let k = 0; k < perSpan; k += 1) {
      const t = k / perSpan;
      const t2 = t * t;
      const t3 = t2 * t;
      const w0 = -0.5 * t3 + t2 - 0.5 * t;
      const w1 = 1.5 * t3 - 2.5 * t2 + 1;
      const w2 = -1.5 * t3 + 2 * t2 + 0.5 * t;
      const w3 = 0.5 * t3 - 0.5 * t2;
      points.push(add(add(scale(p0, w0), scale(p1, w1)), add(scale(p2, w2), scale(p3, w3))));
    }
  }
  const last = keys[keys.length - 1];
  if (last) points.push(last);
  return points;
}

/**
 * Cooper's ligaments: one cord in each gap between neighbouring duct systems (i.e. between lobes),
 * from the deep fascia on the chest wall to the skin beyond the areola.
 */
function buildLigaments(parameters: GlandParameters, envelope: Envelope, frame: NippleFrame, systems: DuctSystem[], random: Random): Cord[] {
  const [a, b] = envelope.radii;
  return systems.map((system, i) => {
    const next = systems[(i + 1) % systems.length] ?? system;
    const gap = (((next.angle - system.angle) % (Math.PI * 2)) + Math.PI * 2) % (Math.PI * 2);
    const angle = system.angle + gap / 2;
    const outward = radial(frame, angle);
    const flat = normalize([outward[0], outward[1], 0], [1, 0, 0]);
    const fromAxis = Math.min(a, b) * random.range(0.35, 0.55);
    const deep = containInEnvelope(envelope, [frame.base[0] + flat[0] * fromAxis, frame.base[1] + flat[1] * fromAxis, 0.05], SKIN_THICKNESS, 0.05);
    const skin = pointUnderSkin(envelope, frame, angle, Math.max(parameters.areolaRadius + 0.6, fromAxis + random.range(1.2, 2)), SKIN_THICKNESS * 0.5);
    const control = containInEnvelope(envelope, addScaled(lerp(deep, skin, 0.5), frame.n, random.range(0.2, 0.6)), SKIN_THICKNESS, 0.05);
    const points = Array.from({ length: 6 }, (_, k) => {
      const t = k / 5;
      return add(add(scale(deep, (1 - t) ** 2), scale(control, 2 * t * (1 - t))), scale(skin, t * t));
    });
    return { id: `cooper-ligament-${i + 1}`, kind: 'cooper-ligament', points, radius: 0.04 };
  });
}

/** Height of intercostal space `n` (below rib n) at lateral position x: the nipple lies at the 4th space (T4). */
function intercostalY(frame: NippleFrame, n: number, x: number): number {
  return frame.base[1] - (n - 4) * RIB_SPACING + RIB_SLOPE * (x - frame.base[0]);
}

/** The tangential azimuth and distance of a point as seen from the nipple base. */
function aroundNipple(frame: NippleFrame, p: Vec3): { angle: number; distance: number } {
  const w = sub(p, frame.base);
  const u = dot(w, frame.u);
  const v = dot(w, frame.v);
  return { angle: Math.atan2(v, u), distance: Math.hypot(u, v) };
}

/** A vessel's course: deep landmarks, then under the skin towards the areola's edge. */
function towardsAreola(envelope: Envelope, frame: NippleFrame, parameters: GlandParameters, deep: Vec3[]): Vec3[] {
  const entry = deep[deep.length - 1] ?? frame.base;
  const { angle, distance } = aroundNipple(frame, entry);
  return [
    ...deep,
    pointUnderSkin(envelope, frame, angle, Math.max(distance * 0.55, parameters.areolaRadius * 1.5), 0.9),
    pointUnderSkin(envelope, frame, angle, parameters.areolaRadius * 1.15, 0.45),
  ];
}

function buildVessels(parameters: GlandParameters, envelope: Envelope, frame: NippleFrame): { arteries: Cord[]; veins: Cord[] } {
  const [a, b] = envelope.radii;
  const deepZ = -PECTORALIS_THICKNESS - RIB_RADIUS;
  const courses: { id: string; keys: Vec3[]; radius: number }[] = [];
  // Perforators of the internal thoracic artery emerge beside the sternum in spaces 2–4 (the
  // largest supply; GPnotebook, Netter) and run laterally under the skin to the areola.
  const sternal = envelope.center[0] - a - 0.8;
  for (const space of [2, 3, 4]) {
    const y = intercostalY(frame, space, sternal);
    courses.push({ id: `internal-thoracic-perforator-${space}`, keys: towardsAreola(envelope, frame, parameters, [[sternal, y, deepZ], [sternal + 0.3, y + 0.1, 0.3]]), radius: 0.07 });
  }
  // The lateral thoracic artery comes down from the axilla and enters the upper-outer breast.
  courses.push({
    id: 'lateral-thoracic-artery',
    keys: towardsAreola(envelope, frame, parameters, [
      [envelope.center[0] + a + 2.5, envelope.center[1] + 0.75 * b, -0.8],
      [envelope.center[0] + a + 1.3, envelope.center[1] + 0.5 * b, 0.2],
    ]),
    radius: 0.06,
  });
  const arteries: Cord[] = courses.map((c) => ({ id: c.id, kind: 'artery', points: smoothCurve(c.keys), radius: c.radius }));
  // Veins accompany the arteries a few millimetres above them.
  const veins: Cord[] = courses.map((c) => ({
    id: `vein-${c.id.replace(/-artery$/, '')}`,
    kind: 'vein',
    points: smoothCurve(c.keys.map((k) => addScaled(k, frame.v, 0.3))),
    radius: c.radius * 1.3,
  }));
  // Superficial veins form a ring around the areola (circulus venosus, Haller) [S].
  const ring = Array.from({ length: 25 }, (_, k) => pointUnderSkin(envelope, frame, (k / 24) * Math.PI * 2, parameters.areolaRadius * 1.05, 0.35));
  veins.push({ id: 'vein-periareolar-plexus', kind: 'vein', points: ring, radius: 0.05 });
  return { arteries, veins };
}

/**
 * The lateral cutaneous branch of the 4th intercostal nerve (Sarhadi 1996: 12/12; Riccio 2015:
 * 18/22): from the mid-axillary line in the 4th space, medially along the pectoral fascia, then
 * forward through the gland to the nipple.
 */
function buildNerves(envelope: Envelope, frame: NippleFrame): Cord[] {
  const [a, , c] = envelope.radii;
  const lateral = envelope.center[0] + a + 1.8;
  const fascia = envelope.center[0] + a * 0.8;
  const underGland = frame.base[0] + a * 0.3;
  const keys: Vec3[] = [
    [lateral, intercostalY(frame, 4, lateral), -0.5],
    [fascia, intercostalY(frame, 4, fascia), 0.25],
    [underGland, intercostalY(frame, 4, underGland), 0.4],
    add(addScaled(frame.base, frame.n, -Math.min(2, c * 0.35)), scale(frame.u, 0.4)),
    add(addScaled(frame.base, frame.n, -0.3), scale(frame.u, 0.1)),
    addScaled(frame.base, frame.n, 0.2),
  ];
  return [{ id: 'nerve-t4-lateral-cutaneous', kind: 'nerve', points: smoothCurve(keys), radius: 0.05 }];
}

function buildRibs(parameters: GlandParameters, envelope: Envelope, frame: NippleFrame): Rib[] {
  const [a] = envelope.radii;
  const sternal = envelope.center[0] - a - 2;
  const lateral = envelope.center[0] + a + 3;
  // The chest wall curves backwards laterally.
  const curvature = 2.5 / (lateral - sternal) ** 2;
  const ribs: Rib[] = [];
  for (let n = parameters.ribs.first; n <= parameters.ribs.last; n += 1) {
    const points = Array.from({ length: 14 }, (_, k): Vec3 => {
      const x = sternal + ((lateral - sternal) * k) / 13;
      return [x, intercostalY(frame, n, x) + RIB_SPACING / 2, -PECTORALIS_THICKNESS - RIB_RADIUS - 0.3 - curvature * (x - sternal) ** 2];
    });
    ribs.push({ id: `rib-${n}`, number: n, points, radius: RIB_RADIUS });
  }
  return ribs;
}

// ---------------------------------------------------------------------------------------------
// Tree layout

/**
 * The tree layout: the nipple becomes a trunk from the origin (tip) up to TREE_TRUNK_TOP (base);
 * everything behind the nipple is mapped by its distance and direction from the nipple base
 * (spherical coordinates about the inward nipple axis), with directions squeezed towards the
 * vertical so branches go up and out and the crown is about TREE_HEIGHT tall. The map is smooth,
 * so neighbouring structures stay neighbours and the morph between layouts is calm.
 */
interface TreeMap {
  trunk: (p: Vec3) => Vec3;
  crown: (p: Vec3) => Vec3;
}

function treeMap(frame: NippleFrame, nippleLength: number, ducts: DuctSegment[], lobules: LobulePlan[]): TreeMap {
  const polar = (p: Vec3): Vec3 => {
    const w = sub(p, frame.base);
    const depth = -dot(w, frame.n);
    const u = dot(w, frame.u);
    const v = dot(w, frame.v);
    const tilt = Math.atan2(Math.hypot(u, v), depth) * TREE_POLAR_SQUEEZE;
    const heading = Math.atan2(v, u);
    const s = norm(w);
    return [s * Math.sin(tilt) * Math.cos(heading), s * Math.cos(tilt), s * Math.sin(tilt) * Math.sin(heading)];
  };
  let highest = 1e-6;
  let widestLobule = 0;
  for (const duct of ducts) for (const p of duct.points) if (!inNipple(frame, p)) highest = Math.max(highest, polar(p)[1]);
  for (const lobule of lobules) {
    highest = Math.max(highest, polar(lobule.center)[1]);
    widestLobule = Math.max(widestLobule, lobule.radius);
  }
  const s = (TREE_HEIGHT - TREE_TRUNK_HEIGHT - widestLobule) / highest;
  return {
    trunk: (p) => {
      const w = sub(p, frame.base);
      const height = TREE_TRUNK_HEIGHT * Math.min(1, Math.max(0, 1 - dot(w, frame.n) / nippleLength));
      return [dot(w, frame.u), height, dot(w, frame.v)];
    },
    crown: (p) => {
      const q = polar(p);
      return [q[0] * s, TREE_TRUNK_HEIGHT + q[1] * s, q[2] * s];
    },
  };
}

/**
 * A lobule's place in the tree: hung on the tip of its twig, continuing the twig's direction, at
 * the same true-size offset as in the breast (the crown is enlarged, the leaf clusters are not,
 * so mapping the centre itself would leave a gap between twig and leaves).
 */
function leafCluster(duct: DuctSegment | undefined, lobule: Lobule, map: TreeMap): Vec3 {
  const tip = duct?.treePoints[duct.treePoints.length - 1];
  const before = duct?.treePoints[duct.treePoints.length - 2];
  const end = duct?.points[duct.points.length - 1];
  if (!tip || !before || !end) return map.crown(lobule.center);
  return addScaled(tip, normalize(sub(tip, before), [0, 1, 0]), norm(sub(lobule.center, end)));
}

/** In front of the skin plane at the nipple base, i.e. within the nipple itself. */
function inNipple(frame: NippleFrame, p: Vec3): boolean {
  return dot(sub(p, frame.base), frame.n) >= 0;
}

function layOutTree(frame: NippleFrame, nippleLength: number, ducts: DuctSegment[], plans: LobulePlan[], lobules: Lobule[], alveoli: Alveoli): void {
  const map = treeMap(frame, nippleLength, ducts, plans);
  for (const duct of ducts) duct.treePoints = duct.points.map((p) => (inNipple(frame, p) ? map.trunk(p) : map.crown(p)));
  const byId = new Map(ducts.map((d) => [d.id, d]));
  lobules.forEach((lobule, index) => {
    const treeCenter = leafCluster(byId.get(lobule.ductId), lobule, map);
    lobules[index] = { ...lobule, treeCenter };
    for (let k = lobule.alveolusStart; k < lobule.alveolusStart + lobule.alveolusCount; k += 1) {
      for (let axis = 0; axis < 3; axis += 1) {
        alveoli.treePositions[k * 3 + axis] = treeCenter[axis]! + (alveoli.positions[k * 3 + axis]! - lobule.center[axis]!);
      }
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Structure hierarchy

function buildStructures(anatomy: Omit<GlandAnatomy, 'structures'>): Map<string, StructureNode> {
  const structures = new Map<string, StructureNode>();
  const addNode = (id: string, kind: StructureKind, parentId: string | null, label: StructureNode['label'] = {}): void => {
    structures.set(id, { id, kind, parentId, childIds: [], label });
    if (parentId) structures.get(parentId)?.childIds.push(id);
  };
  addNode('breast', 'breast', null);
  addNode('skin', 'skin', 'breast');
  addNode('nipple', 'nipple', 'breast');
  anatomy.nipple.openings.forEach((opening, i) => addNode(opening.id, 'nipple-opening', 'nipple', { index: i + 1 }));
  addNode('areola', 'areola', 'breast');
  anatomy.areola.montgomeryGlands.forEach((gland, i) => addNode(gland.id, 'montgomery-gland', 'areola', { index: i + 1 }));
  for (const duct of anatomy.ducts) {
    const path = duct.id.slice('duct-'.length);
    addNode(duct.id, 'duct', duct.parentId ?? 'breast', { system: duct.system, path });
    if (duct.lobuleId) addNode(duct.lobuleId, 'lobule', duct.id, { system: duct.system, path });
  }
  addNode('fat', 'fat', 'breast');
  anatomy.ligaments.forEach((ligament, i) => addNode(ligament.id, 'cooper-ligament', 'breast', { index: i + 1 }));
  addNode('pectoralis-major', 'pectoralis-major', 'breast');
  for (const rib of anatomy.ribs) addNode(rib.id, 'rib', 'breast', { index: rib.number });
  const cordLabel = (id: string): StructureNode['label'] => {
    const number = /-(\d+)$/.exec(id)?.[1];
    return number ? { index: Number(number) } : {};
  };
  for (const artery of anatomy.arteries) addNode(artery.id, 'artery', 'breast', cordLabel(artery.id));
  for (const vein of anatomy.veins) addNode(vein.id, 'vein', 'breast', cordLabel(vein.id));
  for (const nerve of anatomy.nerves) addNode(nerve.id, 'nerve', 'breast', { index: 4 });
  return structures;
}

// ---------------------------------------------------------------------------------------------

/** A random stream of its own for each part of the model, all derived from the one seed. */
function stream(seed: number, part: number): Random {
  return createRandom((seed ^ Math.imul(part, 0x9e3779b1)) >>> 0);
}

/**
 * Generates the gland. `parameters` must satisfy `glandParametersSchema` (use
 * `parseGlandParameters`, which repairs teacher-edited files); anything else throws a RangeError.
 */
export function generateGland(parameters: GlandParameters): GlandAnatomy {
  const checked = glandParametersSchema.safeParse(parameters);
  if (!checked.success) throw new RangeError(`generateGland: invalid parameters: ${describeZodError(checked.error)}`);
  const { seed } = parameters;
  const { width, height, projection } = parameters.breastSize;
  const envelope: Envelope = { radii: [width, height, projection], center: [0, 0, 0], skinThickness: SKIN_THICKNESS };
  const frame = nippleFrame(envelope);

  const systems = planSystems(parameters, stream(seed, STREAM.systems));
  const tip = addScaled(frame.base, frame.n, parameters.nippleLength);
  const openings = buildOpenings(parameters, { tip, radius: parameters.nippleRadius }, frame, systems, stream(seed, STREAM.openings));
  const nipple: Nipple = { id: 'nipple', base: frame.base, tip, radius: parameters.nippleRadius, openings };
  const areola = buildAreola(parameters, envelope, frame, stream(seed, STREAM.areola));

  const { ducts, lobules: plans } = generateDucts(parameters, envelope, frame, nipple, systems, stream(seed, STREAM.ducts));
  const { lobules, alveoli } = buildAlveoli(plans, stream(seed, STREAM.lobules));
  layOutTree(frame, parameters.nippleLength, ducts, plans, lobules, alveoli);
  const fat = buildFat(parameters, envelope, frame, plans, stream(seed, STREAM.fat));

  const { arteries, veins } = buildVessels(parameters, envelope, frame);
  const [a, b] = envelope.radii;
  const withoutStructures: Omit<GlandAnatomy, 'structures'> = {
    seed,
    envelope,
    nipple,
    areola,
    ducts,
    lobules,
    alveoli,
    fat,
    ligaments: buildLigaments(parameters, envelope, frame, systems, stream(seed, STREAM.ligaments)),
    arteries,
    veins,
    nerves: buildNerves(envelope, frame),
    // Pectoralis major spreads up and medially from under the breast; drawn as a slab centred on z = -thickness/2.
    pectoralis: { id: 'pectoralis-major', center: [envelope.center[0] - 1, envelope.center[1] + 1.5, -PECTORALIS_THICKNESS / 2], width: 2 * a + 4, height: 2 * b + 3, thickness: PECTORALIS_THICKNESS },
    ribs: buildRibs(parameters, envelope, frame),
    treeTrunkTop: [0, TREE_TRUNK_HEIGHT, 0],
  };
  return { ...withoutStructures, structures: buildStructures(withoutStructures) };
}
