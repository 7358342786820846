import type { GlandAnatomy, Vec3 } from '../../../shared/anatomy/gland-anatomy';
import { add, cross, dot, length, normalize, perpendicular, scale, sub } from '../../../shared/anatomy/vec3';
import { MIN_DUCT_RADIUS, NIPPLE_PORE_RADIUS } from './drawing-scale';
import { SurfaceMeshBuilder, type SurfaceMesh } from './surface-mesh';
import { smoothPolyline } from './tube-geometry';

/**
 * The nipple as drawn by the app and the glTF export: a gently tapering shaft closed by a rounded
 * tip, open only at its base (which sits in the areola), with a small dark pore where each duct
 * opens on the tip. The generator gives the nipple as a base, a tip and a radius, with the
 * openings on the plane of the tip; the drawing rounds that flat tip into a dome and pushes the
 * dome just far enough out that the ends of the main ducts stay under it, then marks each opening
 * on the dome's surface.
 */

/** The tip's radius relative to the base's: a slight taper, as the app always drew it. */
const TIP_TAPER = 0.9;
/** Height of the rounded tip relative to the shaft's radius there. */
const CAP_HEIGHT = 0.45;
/** At most this share of the drawn nipple is rounded, so a short, wide nipple keeps its sides. */
const MAX_CAP_SHARE = 0.6;
/**
 * Exponent of the tip's profile (r/R)^p + (z/h)^p = 1: 2 is half an ellipsoid; a little more
 * gives the flattened top and rounded shoulder of a real nipple, where the pores sit.
 */
const CAP_PROFILE = 2.6;
/** Rings from the shoulder to the apex. */
const CAP_RINGS = 8;
/** Pores float this far above the tip so they never flicker into it (cm). */
const PORE_LIFT = 0.006;
const PORE_SEGMENTS = 12;
/** Colour multipliers of a pore: dark at its centre, fading into the skin at its rim. */
const PORE_SHADES = { centre: 0.22, inner: 0.3, rim: 0.8 } as const;

export interface NippleShape {
  /** The nipple's skin: shaft and rounded tip, closed everywhere but at the base. */
  shell: SurfaceMesh;
  /** One small disc per opening, lying on the tip; colour multipliers darken it. */
  pores: SurfaceMesh;
  /** Where each opening is drawn: the centre of its pore, on the tip's surface. */
  openings: { id: string; position: Vec3 }[];
}

/** The nipple's axis in one layout: the tip's local frame, and how its sizes are scaled. */
interface AxisFrame {
  base: Vec3;
  axis: Vec3;
  u: Vec3;
  v: Vec3;
  /** Distance from the base to the shoulder, where the rounded tip starts. */
  shoulder: number;
  /** Sizes across the axis (radii, the tip's height) are multiplied by this. */
  scale: number;
}

/** The rounded tip's profile, in units of the shoulder radius and the tip's height. */
function capHeightAt(rho: number): number {
  const r = Math.min(Math.max(rho, 0), 1);
  return (1 - r ** CAP_PROFILE) ** (1 / CAP_PROFILE);
}

function axisFrame(base: Vec3, tip: Vec3, lift: number, capHeight: number, sizeScale: number): AxisFrame {
  const along = sub(tip, base);
  const axis = normalize(along, [0, 0, 1]);
  const u = perpendicular(axis);
  return { base, axis, u, v: cross(axis, u), shoulder: length(along) + (lift - capHeight) * sizeScale, scale: sizeScale };
}

/** A point given across the axis (a, b, unscaled) and along it (distance from the base). */
function place(f: AxisFrame, a: number, b: number, axial: number): Vec3 {
  return add(add(f.base, scale(f.axis, axial)), add(scale(f.u, a * f.scale), scale(f.v, b * f.scale)));
}

/** A unit vector given across the axis (a, b) and along it (z); shapes scale uniformly, so unscaled. */
function direction(f: AxisFrame, a: number, b: number, z: number): Vec3 {
  return normalize(add(scale(f.axis, z), add(scale(f.u, a), scale(f.v, b))));
}

export interface NippleShapeOptions {
  /** Sides around the axis. */
  radial: number;
  /** The nipple as the tree's trunk (tip and base in the tree layout), or null for no morph. */
  tree: { tip: Vec3; base: Vec3; radiusScale: number } | null;
}

export function buildNippleShape(anatomy: GlandAnatomy, { radial, tree }: NippleShapeOptions): NippleShape {
  const { nipple } = anatomy;
  const baseRadius = nipple.radius;
  const shoulderRadius = nipple.radius * TIP_TAPER;
  const nippleLength = length(sub(nipple.tip, nipple.base));
  const capHeight = Math.min(shoulderRadius * CAP_HEIGHT, nippleLength * MAX_CAP_SHARE);
  const lift = tipLift(anatomy, shoulderRadius, capHeight);
  const anatomical = axisFrame(nipple.base, nipple.tip, lift, capHeight, 1);
  const trunk = tree ? axisFrame(tree.base, tree.tip, lift, capHeight, tree.radiusScale) : undefined;

  /** A vertex of the tip given across the axis (a, b) and its height above the shoulder. */
  const capVertex = (builder: SurfaceMeshBuilder, a: number, b: number, z: number, shade: number, lifted = 0): number => {
    const rho = Math.hypot(a, b) / shoulderRadius;
    const height = z / capHeight;
    // The gradient of the profile's implicit form is the outward normal.
    const radialWeight = rho > 0 ? rho ** (CAP_PROFILE - 2) / shoulderRadius ** 2 : 0;
    const axialWeight = Math.max(height, 0) ** (CAP_PROFILE - 1) / capHeight;
    const at = (f: AxisFrame): { position: Vec3; normal: Vec3 } => {
      const normal = direction(f, a * radialWeight, b * radialWeight, axialWeight);
      return { position: add(place(f, a, b, f.shoulder + z * f.scale), scale(normal, lifted)), normal };
    };
    const here = at(anatomical);
    return builder.vertex(here.position, here.normal, shade, trunk ? at(trunk) : undefined);
  };

  // The shell: the base ring, then rings up the rounded tip to a single apex vertex.
  const shell = new SurfaceMeshBuilder();
  const angles = Array.from({ length: radial }, (_, j) => (j / radial) * Math.PI * 2);
  const baseRing = angles.map((angle) => {
    const [c, s] = [Math.cos(angle), Math.sin(angle)];
    const at = (f: AxisFrame): { position: Vec3; normal: Vec3 } => ({
      position: place(f, c * baseRadius, s * baseRadius, 0),
      // The side leans towards the tip as much as the shaft narrows.
      normal: direction(f, c, s, ((baseRadius - shoulderRadius) * f.scale) / Math.max(f.shoulder, 1e-6)),
    });
    const here = at(anatomical);
    return shell.vertex(here.position, here.normal, 1, trunk ? at(trunk) : undefined);
  });
  const rings = [baseRing];
  for (let k = 0; k < CAP_RINGS; k += 1) {
    const phi = (k / CAP_RINGS) * (Math.PI / 2);
    const r = shoulderRadius * Math.cos(phi) ** (2 / CAP_PROFILE);
    const z = capHeight * Math.sin(phi) ** (2 / CAP_PROFILE);
    rings.push(angles.map((angle) => capVertex(shell, Math.cos(angle) * r, Math.sin(angle) * r, z, 1)));
  }
  const apex = capVertex(shell, 0, 0, capHeight, 1);
  for (let i = 0; i + 1 < rings.length; i += 1) {
    const [lower, upper] = [rings[i]!, rings[i + 1]!];
    for (let j = 0; j < radial; j += 1) {
      const next = (j + 1) % radial;
      shell.triangle(lower[j]!, lower[next]!, upper[j]!);
      shell.triangle(lower[next]!, upper[next]!, upper[j]!);
    }
  }
  const top = rings[rings.length - 1]!;
  for (let j = 0; j < radial; j += 1) shell.triangle(top[j]!, top[(j + 1) % radial]!, apex);

  // A pore over each opening, on the tip's surface straight above it.
  const pores = new SurfaceMeshBuilder();
  const openings = nipple.openings.map((opening) => {
    const offset = sub(opening.position, nipple.base);
    const [a0, b0] = [dot(offset, anatomical.u), dot(offset, anatomical.v)];
    const along = Math.hypot(a0, b0);
    // The pore's own axes across the nipple: outwards from the axis, and around it.
    const [ua, ub] = along > 1e-6 ? [a0 / along, b0 / along] : [1, 0];
    const [va, vb] = [-ub, ua];
    const heightAt = (a: number, b: number): number => capHeight * capHeightAt(Math.hypot(a, b) / shoulderRadius);
    const centre = capVertex(pores, a0, b0, heightAt(a0, b0), PORE_SHADES.centre, PORE_LIFT);
    const ring = (fraction: number, shade: number): number[] =>
      Array.from({ length: PORE_SEGMENTS }, (_, j) => {
        const angle = (j / PORE_SEGMENTS) * Math.PI * 2;
        const [dx, dy] = [Math.cos(angle) * NIPPLE_PORE_RADIUS * fraction, Math.sin(angle) * NIPPLE_PORE_RADIUS * fraction];
        const a = a0 + ua * dx + va * dy;
        const b = b0 + ub * dx + vb * dy;
        return capVertex(pores, a, b, heightAt(a, b), shade, PORE_LIFT);
      });
    const inner = ring(0.55, PORE_SHADES.inner);
    const rim = ring(1, PORE_SHADES.rim);
    for (let j = 0; j < PORE_SEGMENTS; j += 1) {
      const next = (j + 1) % PORE_SEGMENTS;
      pores.triangle(centre, inner[j]!, inner[next]!);
      pores.triangle(inner[j]!, rim[j]!, inner[next]!);
      pores.triangle(inner[next]!, rim[j]!, rim[next]!);
    }
    return { id: opening.id, position: place(anatomical, a0, b0, anatomical.shoulder + heightAt(a0, b0)) };
  });

  return { shell: shell.build(), pores: pores.build(), openings };
}

/**
 * How far the rounded tip must reach beyond the generator's flat tip so that the open end of
 * every main duct (its first ring, as the tube builder draws it) lies under the dome.
 */
function tipLift(anatomy: GlandAnatomy, shoulderRadius: number, capHeight: number): number {
  const { nipple } = anatomy;
  const axis = normalize(sub(nipple.tip, nipple.base), [0, 0, 1]);
  const nippleLength = length(sub(nipple.tip, nipple.base));
  let lift = 0;
  for (const duct of anatomy.ducts) {
    if (duct.parentId !== null) continue;
    const radius = Math.max(duct.radii[0] ?? 0, MIN_DUCT_RADIUS);
    const { centres } = smoothPolyline(duct.points, duct.radii);
    const [first, second] = [centres[0]!, centres[1] ?? centres[0]!];
    const tangent = normalize(sub(second, first), axis);
    const across = perpendicular(tangent);
    const around = cross(tangent, across);
    for (let j = 0; j < 16; j += 1) {
      const angle = (j / 16) * Math.PI * 2;
      const point = add(first, add(scale(across, Math.cos(angle) * radius), scale(around, Math.sin(angle) * radius)));
      const offset = sub(point, nipple.base);
      const axial = dot(offset, axis);
      const fromAxis = length(sub(offset, scale(axis, axial)));
      // Beyond 90 % of the radius the dome is nearly vertical; nothing sensible covers that.
      const rho = Math.min(fromAxis / shoulderRadius, 0.9);
      lift = Math.max(lift, axial - nippleLength + capHeight * (1 - capHeightAt(rho)) + 0.01);
    }
  }
  return Math.min(lift, capHeight);
}
