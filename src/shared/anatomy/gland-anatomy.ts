/**
 * The typed anatomy of one lactating breast, as produced by `generateGland` (generate-gland.ts)
 * from the parameters in models/gland.json. Pure data: no three.js, no DOM.
 *
 * Units and axes: centimetres, in the breast's own frame. The chest wall (the surface of
 * pectoralis major) is the plane z = 0; +z points forward out of the chest, +y up (towards the
 * head), +x lateral (towards the armpit). The nipple base sits on the breast surface near the
 * front of the envelope.
 *
 * Every teachable structure has a stable string id (`nipple`, `duct-3`, `duct-3.1.2`,
 * `lobule-3.1.2`, `rib-4` …). Repeated small things (alveoli, fat lobules) live in typed arrays;
 * each instance's id is derived from its index (`alveolusId`).
 *
 * Every duct point, lobule and alveolus also has a position in the *tree layout*: the same topology
 * drawn as an upright tree with the nipple as the trunk at the bottom (y up from the origin), the
 * ducts as branches and the lobules with their alveoli as clusters of leaves. The renderer morphs
 * between the two layouts by interpolating these arrays.
 */
export type Vec3 = readonly [number, number, number];

export type StructureKind =
  | 'breast'
  | 'skin'
  | 'nipple'
  | 'nipple-opening'
  | 'areola'
  | 'montgomery-gland'
  | 'duct'
  | 'lobule'
  | 'alveolus'
  | 'fat'
  | 'cooper-ligament'
  | 'pectoralis-major'
  | 'rib'
  | 'artery'
  | 'vein'
  | 'nerve';

/** One node of the structure hierarchy (what the DOM structure tree and the info panel show). */
export interface StructureNode {
  id: string;
  kind: StructureKind;
  parentId: string | null;
  childIds: string[];
  /** Short label arguments for the UI, e.g. the duct number: `{ system: 3 }` → "Duct 3". */
  label: { system?: number; path?: string; index?: number };
}

export interface NippleOpening {
  id: string;
  /** On the nipple tip. */
  position: Vec3;
  /** Main duct systems (1-based) that drain through this opening; ducts may share an opening. */
  systems: number[];
}

export interface Nipple {
  id: 'nipple';
  base: Vec3;
  tip: Vec3;
  radius: number;
  openings: NippleOpening[];
}

export interface Areola {
  id: 'areola';
  center: Vec3;
  /** Unit vector normal to the skin at the areola. */
  normal: Vec3;
  radius: number;
  montgomeryGlands: { id: string; position: Vec3 }[];
}

/**
 * One duct segment, from its parent's branch point (or a nipple opening for a main duct) to its
 * own branch point or its lobule. Radii never exceed the parent's radius at the junction and never
 * grow along the segment: there are no sinus-like bulges.
 */
export interface DuctSegment {
  id: string;
  parentId: string | null;
  childIds: string[];
  /** Main duct system, 1-based. */
  system: number;
  /** 0 for a main duct, 1 for its first branches … */
  depth: number;
  /** Polyline, at least 2 points, anatomical layout. */
  points: Vec3[];
  /** Tube radius at each point (cm). */
  radii: number[];
  /** The same polyline in the tree layout (same length as `points`). */
  treePoints: Vec3[];
  /** Set on terminal ducts only. */
  lobuleId: string | null;
}

export interface Lobule {
  id: string;
  ductId: string;
  system: number;
  center: Vec3;
  radius: number;
  treeCenter: Vec3;
  /** This lobule's alveoli are indices [alveolusStart, alveolusStart + alveolusCount). */
  alveolusStart: number;
  alveolusCount: number;
}

/** All alveoli of the gland, in lobule order. */
export interface Alveoli {
  count: number;
  /** xyz per alveolus, anatomical layout. */
  positions: Float32Array;
  /** xyz per alveolus, tree layout. */
  treePositions: Float32Array;
  radii: Float32Array;
  /** Index into `GlandAnatomy.lobules`. */
  lobuleIndex: Uint32Array;
}

export interface FatLobules {
  count: number;
  positions: Float32Array;
  radii: Float32Array;
}

/** A vessel, nerve or ligament drawn as a tube along a polyline. */
export interface Cord {
  id: string;
  kind: 'artery' | 'vein' | 'nerve' | 'cooper-ligament';
  points: Vec3[];
  radius: number;
}

export interface Rib {
  id: string;
  /** 2 to 6. */
  number: number;
  /** Polyline of the rib's curve, behind the chest wall (z < 0). */
  points: Vec3[];
  radius: number;
}

/** The breast's outer surface: a dome on the chest wall, described as a half-ellipsoid. */
export interface Envelope {
  /** Semi-axes of the half-ellipsoid (x lateral, y vertical, z projection from the chest wall). */
  radii: Vec3;
  /** Centre of the dome's base on the chest wall. */
  center: Vec3;
  /** Skin thickness (cm). */
  skinThickness: number;
}

export interface GlandAnatomy {
  seed: number;
  envelope: Envelope;
  nipple: Nipple;
  areola: Areola;
  ducts: DuctSegment[];
  lobules: Lobule[];
  alveoli: Alveoli;
  fat: FatLobules;
  ligaments: Cord[];
  arteries: Cord[];
  veins: Cord[];
  nerves: Cord[];
  /** Pectoralis major as a curved slab behind the breast: a rectangle on z ∈ [-thickness, 0]. */
  pectoralis: { id: 'pectoralis-major'; center: Vec3; width: number; height: number; thickness: number };
  ribs: Rib[];
  /** Every structure with an id, root `breast`, in a stable order. */
  structures: Map<string, StructureNode>;
  /**
   * Tree layout only: the top of the trunk (the nipple drawn as a trunk from the origin up to
   * here). The nipple tip maps to the origin and the nipple base to this point.
   */
  treeTrunkTop?: Vec3;
}

/** The id of the `index`-th alveolus of the gland: `alveolus-<lobule id without prefix>.<k>`. */
export function alveolusId(anatomy: GlandAnatomy, index: number): string {
  const lobule = anatomy.lobules[anatomy.alveoli.lobuleIndex[index] ?? 0];
  if (!lobule) throw new RangeError(`No alveolus ${index}`);
  return `alveolus-${lobule.id.slice('lobule-'.length)}.${index - lobule.alveolusStart + 1}`;
}
