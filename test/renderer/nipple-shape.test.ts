import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GlandAnatomy, Vec3 } from '../../src/shared/anatomy/gland-anatomy';
import { generateGland } from '../../src/shared/anatomy/generate-gland';
import { DEFAULT_GLAND_PARAMETERS, GLAND_PARAMETER_FIELDS, reconcileGlandParameters } from '../../src/shared/anatomy/gland-parameters';
import { addScaled, cross, dot, normalize, sub } from '../../src/shared/anatomy/vec3';
import { MIN_DUCT_RADIUS } from '../../src/renderer/scene/gland/drawing-scale';
import { buildNippleShape } from '../../src/renderer/scene/gland/nipple-shape';
import type { SurfaceMesh } from '../../src/renderer/scene/gland/surface-mesh';
import { buildTubeGeometry } from '../../src/renderer/scene/gland/tube-geometry';

const RADIAL = 32;
const gland = generateGland(DEFAULT_GLAND_PARAMETERS);

const vertex = (values: Float32Array, i: number): Vec3 => [values[i * 3]!, values[i * 3 + 1]!, values[i * 3 + 2]!];
const axisOf = (anatomy: GlandAnatomy): Vec3 => normalize(sub(anatomy.nipple.tip, anatomy.nipple.base));
const axial = (anatomy: GlandAnatomy, p: Vec3): number => dot(sub(p, anatomy.nipple.base), axisOf(anatomy));

/** How many triangles use each edge. */
function edgeUse(indices: Uint32Array): Map<string, number> {
  const uses = new Map<string, number>();
  for (let t = 0; t < indices.length; t += 3) {
    for (const [a, b] of [[indices[t]!, indices[t + 1]!], [indices[t + 1]!, indices[t + 2]!], [indices[t + 2]!, indices[t]!]] as const) {
      const key = a < b ? `${a}-${b}` : `${b}-${a}`;
      uses.set(key, (uses.get(key) ?? 0) + 1);
    }
  }
  return uses;
}

/** Times a ray from `origin` along `direction` crosses the mesh (Möller–Trumbore). */
function crossings(mesh: SurfaceMesh, origin: Vec3, direction: Vec3): number {
  let hits = 0;
  for (let t = 0; t < mesh.indices.length; t += 3) {
    const [a, b, c] = [vertex(mesh.positions, mesh.indices[t]!), vertex(mesh.positions, mesh.indices[t + 1]!), vertex(mesh.positions, mesh.indices[t + 2]!)];
    const e1 = sub(b, a);
    const e2 = sub(c, a);
    const p = cross(direction, e2);
    const det = dot(e1, p);
    if (Math.abs(det) < 1e-12) continue;
    const s = sub(origin, a);
    const u = dot(s, p) / det;
    if (u < 0 || u > 1) continue;
    const q = cross(s, e1);
    const v = dot(direction, q) / det;
    if (v < 0 || u + v > 1) continue;
    if (dot(e2, q) / det > 1e-9) hits += 1;
  }
  return hits;
}

/** Inside the nipple: a ray out along the axis leaves through the rounded tip exactly once. */
const inside = (anatomy: GlandAnatomy, shell: SurfaceMesh, p: Vec3): boolean => crossings(shell, p, axisOf(anatomy)) % 2 === 1;

/** The open ends of the main ducts, as the app draws them (the first ring of each tube). */
function mainDuctEnds(anatomy: GlandAnatomy): Vec3[] {
  const ends: Vec3[] = [];
  for (const duct of anatomy.ducts.filter((d) => d.parentId === null)) {
    const { geometry } = buildTubeGeometry([{ id: duct.id, points: duct.points, radii: duct.radii.map((r) => Math.max(r, MIN_DUCT_RADIUS)) }], 8);
    const positions = geometry.getAttribute('position').array as Float32Array;
    for (let j = 0; j < 8; j += 1) ends.push(vertex(positions, j));
    ends.push(duct.points[0]!);
  }
  return ends;
}

function nippleFailures(anatomy: GlandAnatomy): string[] {
  const failures: string[] = [];
  const { shell, pores, openings } = buildNippleShape(anatomy, { radial: RADIAL, tree: null });
  const length = axial(anatomy, anatomy.nipple.tip);
  for (const [edge, uses] of edgeUse(shell.indices)) {
    const [a, b] = edge.split('-').map(Number) as [number, number];
    const onBase = Math.abs(axial(anatomy, vertex(shell.positions, a))) < 1e-4 && Math.abs(axial(anatomy, vertex(shell.positions, b))) < 1e-4;
    if (uses !== (onBase ? 1 : 2)) failures.push(`edge ${edge} (${onBase ? 'base' : 'above the base'}) is used by ${uses} triangles`);
  }
  // A duct drawn wider than the nipple can hold (the thickest ducts in the narrowest nipple) pokes
  // through its side whatever the tip does; only ends within the shaft can be covered.
  const axis = axisOf(anatomy);
  const withinShaft = (p: Vec3): boolean => {
    const offset = sub(p, anatomy.nipple.base);
    const along = dot(offset, axis);
    return Math.hypot(offset[0] - axis[0] * along, offset[1] - axis[1] * along, offset[2] - axis[2] * along) < anatomy.nipple.radius * 0.8;
  };
  for (const end of mainDuctEnds(anatomy).filter(withinShaft)) if (!inside(anatomy, shell, end)) failures.push(`a duct's open end at ${end.map((c) => c.toFixed(3)).join(', ')} sticks out of the tip`);
  if (openings.length !== anatomy.nipple.openings.length) failures.push(`${openings.length} pores for ${anatomy.nipple.openings.length} openings`);
  for (const opening of openings) {
    if (axial(anatomy, opening.position) < length - 1e-6) failures.push(`${opening.id} is drawn below the tip`);
    // On the surface: outside the nipple, but a hair below it is inside.
    if (inside(anatomy, shell, addScaled(opening.position, axis, 0.005))) failures.push(`${opening.id} is drawn inside the nipple`);
    if (!inside(anatomy, shell, addScaled(opening.position, axis, -0.02))) failures.push(`${opening.id} is drawn off the tip`);
  }
  for (let v = 0; v < pores.positions.length / 3; v += 1) {
    if (inside(anatomy, shell, vertex(pores.positions, v))) failures.push(`pore vertex ${v} is hidden inside the tip`);
  }
  return failures;
}

describe('buildNippleShape', () => {
  const shape = buildNippleShape(gland, { radial: RADIAL, tree: { tip: [0, 0, 0], base: [0, 3, 0], radiusScale: 1.1 } });

  it('closes the nipple with a rounded tip, open only at its base in the areola', () => {
    expect(nippleFailures(gland)).toEqual([]);
    const uses = edgeUse(shape.shell.indices);
    expect([...uses.values()].filter((n) => n === 1)).toHaveLength(RADIAL);
  });

  it('rounds the tip: the surface turns from the sides to face forward', () => {
    const axis = axisOf(gland);
    const normals = Array.from({ length: shape.shell.normals.length / 3 }, (_, i) => dot(vertex(shape.shell.normals, i), axis));
    expect(Math.max(...normals)).toBeCloseTo(1, 5);
    // Rings in between face partly forward, partly sideways.
    expect(normals.filter((n) => n > 0.3 && n < 0.9).length).toBeGreaterThanOrEqual(RADIAL * 2);
  });

  it('faces every triangle outwards', () => {
    const { positions, normals, indices } = shape.shell;
    for (let t = 0; t < indices.length; t += 3) {
      const [a, b, c] = [indices[t]!, indices[t + 1]!, indices[t + 2]!];
      const face = cross(sub(vertex(positions, b), vertex(positions, a)), sub(vertex(positions, c), vertex(positions, a)));
      const mean = [a, b, c].map((i) => vertex(normals, i)).reduce((s, n) => [s[0] + n[0], s[1] + n[1], s[2] + n[2]] as Vec3, [0, 0, 0] as Vec3);
      expect(dot(face, mean)).toBeGreaterThan(0);
    }
  });

  it('draws a dark pore at each opening, on the tip', () => {
    expect(shape.openings.map((o) => o.id)).toEqual(gland.nipple.openings.map((o) => o.id));
    const shades = Array.from({ length: shape.pores.colors.length / 3 }, (_, i) => shape.pores.colors[i * 3]!);
    expect(Math.min(...shades)).toBeLessThan(0.5);
    expect([...shape.shell.colors].every((c) => c === 1)).toBe(true);
  });

  it('makes the same shape the trunk of the tree, closed at the bottom', () => {
    const tree = shape.shell.tree!;
    expect(tree.positions.length).toBe(shape.shell.positions.length);
    const heights = Array.from({ length: tree.positions.length / 3 }, (_, i) => tree.positions[i * 3 + 1]!);
    // The trunk runs from the tip at the origin up to the base at y = 3; the rounded tip is its foot.
    expect(Math.max(...heights)).toBeCloseTo(3, 5);
    expect(Math.min(...heights)).toBeLessThanOrEqual(0);
    expect(shape.pores.tree!.positions.length).toBe(shape.pores.positions.length);
  });

  it('stays closed and covers the ducts for any valid nipple and ducts (property)', () => {
    const F = GLAND_PARAMETER_FIELDS;
    const between = (spec: { min: number; max: number }) => fc.double({ min: spec.min, max: spec.max, noNaN: true });
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 1, max: 1_000_000 }),
          nippleRadius: between(F.nippleRadius),
          nippleLength: between(F.nippleLength),
          mainDuctRadius: between(F.mainDuctRadius),
          mainDucts: fc.integer({ min: F.mainDucts.min, max: F.mainDucts.max }),
          openings: fc.integer({ min: F.openings.min, max: F.openings.max }),
        }),
        (varied) => {
          const { parameters } = reconcileGlandParameters({ ...DEFAULT_GLAND_PARAMETERS, breastSize: { ...DEFAULT_GLAND_PARAMETERS.breastSize }, ribs: { ...DEFAULT_GLAND_PARAMETERS.ribs }, alveoliPerLobule: F.alveoliPerLobule.min, fatLobules: F.fatLobules.min, ...varied });
          expect(nippleFailures(generateGland(parameters)).slice(0, 5)).toEqual([]);
        },
      ),
      { numRuns: 20 },
    );
  }, 120_000);
});
