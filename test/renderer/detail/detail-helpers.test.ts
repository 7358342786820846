import { BoxGeometry, BufferGeometry, Group, Ray, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import type { Vec3 } from '../../../src/shared/anatomy/gland-anatomy';
import {
  buildDetailTubes,
  cutFaceStrip,
  disposeGeometries,
  flatFaceBuilder,
  halfCircleStrip,
  mergePositionNormal,
  sweepInPlane,
  triangleCount,
} from '../../../src/renderer/scene/detail/detail-geometry';
import { easeSharpTurns, greatCircleArc, mixSeed, resamplePolyline } from '../../../src/renderer/scene/detail/detail-math';
import { DETAIL_PALETTES } from '../../../src/renderer/scene/detail/detail-palette';
import { localRay } from '../../../src/renderer/scene/detail/detail-scene';
import { facesAgreeWithNormals } from './geometry-checks';

const dist = (a: Vec3, b: Vec3) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

describe('detail geometry helpers', () => {
  it('merges geometries, offsetting each one’s indices', () => {
    const a = new BoxGeometry(1, 1, 1);
    const b = new BoxGeometry(2, 2, 2).toNonIndexed();
    const merged = mergePositionNormal([a, b]);
    expect(merged.getAttribute('position').count).toBe(a.getAttribute('position').count + b.getAttribute('position').count);
    expect(triangleCount(merged)).toBe(triangleCount(a) + triangleCount(b));
    const index = merged.getIndex()!;
    expect(index.getX(a.getIndex()!.count)).toBe(a.getAttribute('position').count);
    expect(facesAgreeWithNormals(merged)).toBe(true);
  });

  it('winds merged tubes outwards, without the morph attributes', () => {
    const tubes = buildDetailTubes([{ id: 't', points: [[0, 0, 0], [0, 1, 0], [1, 2, 0]], radii: [0.2, 0.2, 0.1] }], 8);
    expect(tubes.getAttribute('treePosition')).toBeUndefined();
    expect(facesAgreeWithNormals(tubes)).toBe(true);
  });

  it('sweeps a half-pipe whose cut faces lie in the plane z = 0', () => {
    const path: Vec3[] = [[0, 0, 0], [0, -1, 0], [0.5, -2, 0]];
    const pipe = sweepInPlane(path, [halfCircleStrip(1, 12, false), halfCircleStrip(0.7, 12, true), cutFaceStrip(-1, -0.7), cutFaceStrip(0.7, 1)]);
    const position = pipe.getAttribute('position');
    let onPlane = 0;
    for (let i = 0; i < position.count; i += 1) {
      expect(position.getZ(i)).toBeLessThanOrEqual(1e-9);
      if (Math.abs(position.getZ(i)) < 1e-9) onPlane += 1;
    }
    expect(onPlane).toBeGreaterThan(0);
    expect(facesAgreeWithNormals(pipe)).toBe(true);
  });

  it('builds flat faces that look away from the inside and carry their mark', () => {
    const faces = flatFaceBuilder();
    faces.add([[0, 0, 0], [1, 0, 0], [1, 1, 0], [0, 1, 0]], [0.5, 0.5, -1], 1);
    faces.add([[0, 0, 0], [0, 1, 0], [1, 1, 0], [1, 0, 0]], [0.5, 0.5, 1]);
    const geometry = faces.build();
    expect(geometry.getAttribute('normal').getZ(0)).toBe(1);
    expect(geometry.getAttribute('normal').getZ(4)).toBe(-1);
    expect(Array.from(geometry.getAttribute('mark').array)).toEqual([1, 1, 1, 1, 0, 0, 0, 0]);
    expect(facesAgreeWithNormals(geometry)).toBe(true);
  });

  it('disposes each geometry once, even if listed twice', () => {
    const shared = new BufferGeometry();
    const other = new BufferGeometry();
    let count = 0;
    for (const g of [shared, other]) g.addEventListener('dispose', () => (count += 1));
    disposeGeometries([shared, other, shared]);
    expect(count).toBe(2);
  });
});

describe('detail maths', () => {
  it('follows great circles on the sphere', () => {
    const arc = greatCircleArc([0, 0, 0], 2, [1, 0, 0], [0, 0, -1], 0.2);
    for (const p of arc) expect(Math.hypot(...p)).toBeCloseTo(2, 9);
    expect(dist(arc[0]!, [2, 0, 0])).toBeLessThan(1e-9);
    expect(dist(arc.at(-1)!, [0, 0, -2])).toBeLessThan(1e-9);
  });

  it('resamples evenly and cuts corners sharper than allowed', () => {
    const corner: Vec3[] = [[0, 0, 0], [1, 0, 0], [1, 1, 0]];
    const even = resamplePolyline(corner, 0.1);
    expect(even).toHaveLength(21);
    const eased = easeSharpTurns(corner, 0.1, 0.5);
    for (let i = 1; i < eased.length - 1; i += 1) {
      const u = new Vector3(...eased[i]!).sub(new Vector3(...eased[i - 1]!)).normalize();
      const v = new Vector3(...eased[i + 1]!).sub(new Vector3(...eased[i]!)).normalize();
      expect(u.angleTo(v)).toBeLessThanOrEqual(0.5 + 1e-9);
    }
    expect(eased[0]).toEqual([0, 0, 0]);
    expect(eased.at(-1)).toEqual([1, 1, 0]);
  });

  it('mixes a seed with a key deterministically', () => {
    expect(mixSeed(5, 'lobule-1.2')).toBe(mixSeed(5, 'lobule-1.2'));
    expect(mixSeed(5, 'lobule-1.2')).not.toBe(mixSeed(5, 'lobule-1.3'));
    expect(mixSeed(5, 'lobule-1.2')).not.toBe(mixSeed(6, 'lobule-1.2'));
  });
});

describe('localRay', () => {
  it('expresses a world ray in a moved, turned and scaled group’s frame', () => {
    const group = new Group();
    group.position.set(10, 0, 0);
    group.rotation.y = Math.PI / 2;
    group.scale.setScalar(2);
    const ray = localRay(new Ray(new Vector3(10, 0, 20), new Vector3(0, 0, -1)), group);
    // World +z is the group's -x once it has turned a quarter about y; distances halve.
    expect(ray.origin[0]).toBeCloseTo(-10, 9);
    expect(ray.origin[2]).toBeCloseTo(0, 9);
    expect(ray.direction[0]).toBeCloseTo(1, 9);
    expect(Math.hypot(...ray.direction)).toBeCloseTo(1, 9);
  });
});

describe('DETAIL_PALETTES', () => {
  it('has every colour for both themes', () => {
    expect(Object.keys(DETAIL_PALETTES.projector).sort()).toEqual(Object.keys(DETAIL_PALETTES.standard).sort());
    for (const palette of Object.values(DETAIL_PALETTES)) {
      for (const value of Object.values(palette)) {
        if (typeof value === 'number') expect(value).toBeGreaterThan(0);
        else expect(value).toMatch(/^#[0-9a-f]{6}$/);
      }
    }
  });
});
