import { HORMONES, type HormoneId, type PhysiologyState } from '../../../shared/physiology/physiology-types';
import { inhibitorLevel } from '../../../shared/physiology/local-control';

/**
 * What the scene shows for one PhysiologyState: every number the frame loop writes to a uniform,
 * a material or a particle count, in one flat record. Pure and allocation-free (it writes into a
 * record made once), so it runs every frame and the loop can tell whether anything visible
 * changed (`sameDrive`) before asking for a frame.
 *
 * Mappings (all values 0 … 1 unless said otherwise):
 * - hormone streams: the state's relative level, clamped. The model already folds a feed into
 *   these (oxytocin's pulses, prolactin's suckling surge, dopamine's brake lifted by suckling:
 *   hormones.ts), so the scene reads `hormones` alone. hPL is made only by the placenta, so it is
 *   0 without one. Below PRESENT_LEVEL a hormone counts as absent (no particle, dimmed legend).
 * - the local inhibitor is per breast: it builds up in stored milk (`inhibitorLevel(fullness)`,
 *   local-control.ts), so a fuller breast shows more of it.
 * - alveoli: `fill` = fullness (they swell and whiten), `glow` = synthesis (they glow as they make
 *   milk), `squeeze` = myoepithelial contraction (they shrink and darken).
 * - ducts: `widen` = ejection.ductWidening; milk particles: `flow` (−1 … 1, sign = direction).
 * - nerve: the signal from the nipple (only while suckling or pumping).
 */
export interface BreastDrive {
  fill: number;
  glow: number;
  inhibitor: number;
}

export interface SceneDrive {
  streams: Record<HormoneId, number>;
  /** Estrogen and progesterone come from the placenta while there is one, otherwise from the ovaries. */
  placenta: boolean;
  development: number;
  breasts: [BreastDrive, BreastDrive];
  squeeze: number;
  widen: number;
  flow: number;
  nerve: number;
  /** Whether particles travel: a feed is under way and motion is allowed. */
  moving: boolean;
}

/** Relative levels below this are drawn as absent (the model's curves approach 0 without reaching it). */
export const PRESENT_LEVEL = 0.01;

const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
const clampSigned = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(-1, x)) : 0);

export function createSceneDrive(): SceneDrive {
  const streams = Object.fromEntries(HORMONES.map((id) => [id, 0])) as Record<HormoneId, number>;
  return {
    streams,
    placenta: false,
    development: 0,
    breasts: [
      { fill: 0, glow: 0, inhibitor: 0 },
      { fill: 0, glow: 0, inhibitor: 0 },
    ],
    squeeze: 0,
    widen: 0,
    flow: 0,
    nerve: 0,
    moving: false,
  };
}

/** Fills `out` from the state; returns `out`. */
export function updateSceneDrive(state: PhysiologyState, reducedMotion: boolean, out: SceneDrive): SceneDrive {
  const feed = state.ejection;
  for (const id of HORMONES) {
    const level = clamp01(state.hormones[id]);
    out.streams[id] = level < PRESENT_LEVEL ? 0 : level;
  }
  if (!state.placenta) out.streams.hpl = 0;
  out.placenta = state.placenta;
  out.development = clamp01(state.glandDevelopment);
  for (let i = 0; i < 2; i += 1) {
    const breast = state.breasts[i]!;
    const drive = out.breasts[i]!;
    drive.fill = clamp01(breast.fullness);
    drive.glow = clamp01(breast.synthesis);
    // No alveoli, no stored milk: the inhibitor needs a gland that makes milk.
    const inhibitor = clamp01(inhibitorLevel(breast.fullness)) * clamp01((out.development - 0.4) / 0.4);
    drive.inhibitor = inhibitor < PRESENT_LEVEL ? 0 : inhibitor;
  }
  // The inhibitor is drawn per breast; its stream level is the fuller breast's (for the legend).
  out.streams.inhibitor = Math.max(out.breasts[0].inhibitor, out.breasts[1].inhibitor);
  out.squeeze = feed ? clamp01(feed.contraction) : 0;
  out.widen = feed ? clamp01(feed.ductWidening) : 0;
  out.flow = feed ? clampSigned(feed.flow) : 0;
  out.nerve = feed ? clamp01(feed.nerveSignal) : 0;
  out.moving = !reducedMotion && feed !== null;
  return out;
}

const EPSILON = 1e-4;
const near = (a: number, b: number): boolean => Math.abs(a - b) < EPSILON;

/** Whether two drives draw the same picture (at the same clock time). */
export function sameDrive(a: SceneDrive, b: SceneDrive): boolean {
  if (a.placenta !== b.placenta || a.moving !== b.moving) return false;
  if (!near(a.development, b.development) || !near(a.squeeze, b.squeeze) || !near(a.widen, b.widen) || !near(a.flow, b.flow) || !near(a.nerve, b.nerve)) return false;
  for (const id of HORMONES) if (!near(a.streams[id], b.streams[id])) return false;
  for (let i = 0; i < 2; i += 1) {
    const x = a.breasts[i]!;
    const y = b.breasts[i]!;
    if (!near(x.fill, y.fill) || !near(x.glow, y.glow) || !near(x.inhibitor, y.inhibitor)) return false;
  }
  return true;
}

export function copyDrive(from: SceneDrive, to: SceneDrive): void {
  for (const id of HORMONES) to.streams[id] = from.streams[id];
  to.placenta = from.placenta;
  to.development = from.development;
  for (let i = 0; i < 2; i += 1) Object.assign(to.breasts[i]!, from.breasts[i]!);
  to.squeeze = from.squeeze;
  to.widen = from.widen;
  to.flow = from.flow;
  to.nerve = from.nerve;
  to.moving = from.moving;
}

/**
 * The clock time particles are placed at: the clock's own while they travel, 0 when the scene
 * holds still (reduced motion, between feeds), so held particles keep fixed places.
 */
export function particleTime(drive: SceneDrive, time: number): number {
  return drive.moving && Number.isFinite(time) ? time : 0;
}

/**
 * The gland's shape and the ejection as the shaders draw them (the GLSL in gland-materials.ts
 * computes the same; these are the reference the unit tests check).
 */
export const GLAND_SHAPE = {
  /** Share of the duct tree's depth reached at development 0: a few short ducts behind the nipple. */
  restingReach: 0.3,
  /** Development by which the ducts reach their full length (the lobules bud after that). */
  fullReachAt: 0.5,
  /** Ducts are drawn this much wider (as a share of their radius) at the peak of an ejection. */
  peakWidening: 0.8,
  /** Alveoli shrink by this share when the myoepithelial basket contracts fully. */
  squeezeShrink: 0.22,
  /** Development over which one alveolus grows from nothing to its full size. */
  budding: 0.12,
} as const;

/** How far along the duct tree (0 nipple … 1 the deepest lobule) the ducts reach at a development. */
export function ductReach(development: number): number {
  const d = clamp01(development);
  return Math.min(1, GLAND_SHAPE.restingReach + ((1 - GLAND_SHAPE.restingReach) * d) / GLAND_SHAPE.fullReachAt);
}

/** The development at which the ducts first reach `reach` (inverse of `ductReach`). */
export function developmentForReach(reach: number): number {
  return Math.max(0, ((clamp01(reach) - GLAND_SHAPE.restingReach) * GLAND_SHAPE.fullReachAt) / (1 - GLAND_SHAPE.restingReach));
}

/** Duct radius multiplier during an ejection. */
export function ductWidthScale(widen: number): number {
  return 1 + GLAND_SHAPE.peakWidening * clamp01(widen);
}

const smoothstep = (a: number, b: number, x: number): number => {
  const t = clamp01((x - a) / (b - a));
  return t * t * (3 - 2 * t);
};

/** An alveolus's drawn radius multiplier: grown by development past its threshold, swollen by milk, squeezed by the basket. */
export function alveolusScale(development: number, threshold: number, fill: number, squeeze: number): number {
  const grown = smoothstep(threshold, threshold + GLAND_SHAPE.budding, development);
  return grown * (0.8 + 0.35 * clamp01(fill)) * (1 - GLAND_SHAPE.squeezeShrink * clamp01(squeeze));
}
