import { BufferAttribute, BufferGeometry, Matrix4, Quaternion, Vector3 } from 'three';
import type { Vec3 } from '../../../shared/anatomy/gland-anatomy';
import { buildTubeGeometry, type TubeSpec } from '../gland/tube-geometry';
import { cross, normalize, sub, type MutableVec3 } from './detail-math';

/**
 * Geometry helpers shared by the lobule and alveolus close-ups: merged tubes without the gland's
 * morph attributes, merging position/normal geometries, instance matrices, a swept half-pipe
 * (for things cut lengthwise by the section plane), triangle counts and disposal.
 */

/**
 * Merged tubes (reusing the gland's tube builder), without the tree-layout attributes the
 * close-ups do not morph, wound so their front faces look outwards like their normals.
 */
export function buildDetailTubes(tubes: readonly TubeSpec[], radial: number): BufferGeometry {
  const { geometry } = buildTubeGeometry(tubes, radial);
  geometry.deleteAttribute('treePosition');
  geometry.deleteAttribute('treeNormal');
  windLikeNormals(geometry);
  return geometry;
}

/**
 * The gland's tube builder (as of writing) winds its triangles inwards while its normals point
 * outwards, so a front-side material would show the far inner wall. All its triangles are wound
 * alike: flip them all if most disagree with the normals (a no-op once the builder is fixed).
 */
export function windLikeNormals(geometry: BufferGeometry): void {
  const index = geometry.getIndex();
  if (!index) return;
  const position = geometry.getAttribute('position');
  const normal = geometry.getAttribute('normal');
  const at = (i: number): Vec3 => [position.getX(i), position.getY(i), position.getZ(i)];
  let vote = 0;
  for (let k = 0; k < index.count; k += 3) {
    const [a, b, c] = [index.getX(k), index.getX(k + 1), index.getX(k + 2)];
    const face = cross(sub(at(b), at(a)), sub(at(c), at(a)));
    vote += Math.sign(face[0] * normal.getX(a) + face[1] * normal.getY(a) + face[2] * normal.getZ(a));
  }
  if (vote < 0) flipWinding(index);
}

function flipWinding(index: BufferAttribute): void {
  for (let k = 0; k < index.count; k += 3) {
    const b = index.getX(k + 1);
    index.setX(k + 1, index.getX(k + 2));
    index.setX(k + 2, b);
  }
  index.needsUpdate = true;
}

/** Merges geometries that have `position` and `normal` (indexed or not) into one indexed geometry. */
export function mergePositionNormal(parts: readonly BufferGeometry[]): BufferGeometry {
  const vertexCount = parts.reduce((sum, g) => sum + g.getAttribute('position').count, 0);
  const indexCount = parts.reduce((sum, g) => sum + (g.getIndex()?.count ?? g.getAttribute('position').count), 0);
  const positions = new Float32Array(vertexCount * 3);
  const normals = new Float32Array(vertexCount * 3);
  const indices = vertexCount > 65535 ? new Uint32Array(indexCount) : new Uint16Array(indexCount);
  let vertex = 0;
  let index = 0;
  for (const part of parts) {
    const position = part.getAttribute('position');
    const normal = part.getAttribute('normal');
    for (let i = 0; i < position.count; i += 1) {
      positions.set([position.getX(i), position.getY(i), position.getZ(i)], (vertex + i) * 3);
      normals.set([normal.getX(i), normal.getY(i), normal.getZ(i)], (vertex + i) * 3);
    }
    const partIndex = part.getIndex();
    const count = partIndex?.count ?? position.count;
    for (let i = 0; i < count; i += 1) indices[index + i] = vertex + (partIndex ? partIndex.getX(i) : i);
    vertex += position.count;
    index += count;
  }
  const merged = new BufferGeometry();
  merged.setAttribute('position', new BufferAttribute(positions, 3));
  merged.setAttribute('normal', new BufferAttribute(normals, 3));
  merged.setIndex(new BufferAttribute(indices, 1));
  merged.computeBoundingSphere();
  return merged;
}

/** A column-major 4×4 matrix placing a unit object at `position`, with local axes `x`, `y`, `z` scaled by `size`. */
export function frameMatrix(position: Vec3, x: Vec3, y: Vec3, z: Vec3, size: Vec3): Matrix4 {
  return new Matrix4().set(
    x[0] * size[0], y[0] * size[1], z[0] * size[2], position[0],
    x[1] * size[0], y[1] * size[1], z[1] * size[2], position[1],
    x[2] * size[0], y[2] * size[1], z[2] * size[2], position[2],
    0, 0, 0, 1,
  );
}

/** A uniform-scale matrix (for spheres). */
export function sphereMatrix(centre: Vec3, radius: number): Matrix4 {
  return new Matrix4().compose(new Vector3(centre[0], centre[1], centre[2]), new Quaternion(), new Vector3(radius, radius, radius));
}

/** Packs matrices into one array for `InstancedMesh.instanceMatrix`. */
export function packMatrices(matrices: readonly Matrix4[]): Float32Array {
  const out = new Float32Array(matrices.length * 16);
  matrices.forEach((m, i) => out.set(m.elements, i * 16));
  return out;
}

/** One flat strip of a swept profile: 2D points (u along the path normal, v along +z) and their 2D normals. */
export interface ProfileStrip {
  points: readonly (readonly [number, number])[];
  normals: readonly (readonly [number, number])[];
}

/**
 * Sweeps profile strips along a path that lies in the plane z = 0. The profile's v axis is +z
 * and its u axis the in-plane normal of the path, so a profile with v ≤ 0 gives a shape cut
 * lengthwise by the plane z = 0 (a half-pipe), with its cut faces exactly in that plane.
 */
export function sweepInPlane(path: readonly Vec3[], strips: readonly ProfileStrip[]): BufferGeometry {
  const z: Vec3 = [0, 0, 1];
  const frames = path.map((_, i) => {
    const tangent = normalize(sub(path[Math.min(i + 1, path.length - 1)]!, path[Math.max(i - 1, 0)]!));
    return cross(tangent, z);
  });
  const geometries = strips.map((strip) => sweepStrip(path, frames, strip));
  const merged = mergePositionNormal(geometries);
  geometries.forEach((g) => g.dispose());
  return merged;
}

function sweepStrip(path: readonly Vec3[], frames: readonly MutableVec3[], strip: ProfileStrip): BufferGeometry {
  const width = strip.points.length;
  const positions = new Float32Array(path.length * width * 3);
  const normals = new Float32Array(path.length * width * 3);
  path.forEach((centre, i) => {
    const u = frames[i]!;
    strip.points.forEach(([pu, pv], j) => {
      const [nu, nv] = strip.normals[j]!;
      const v = (i * width + j) * 3;
      positions.set([centre[0] + u[0] * pu, centre[1] + u[1] * pu, centre[2] + pv], v);
      normals.set(normalize([u[0] * nu, u[1] * nu, nv]), v);
    });
  });
  // Winding follows the normals: front faces look where the profile's normals point.
  const flip = !windingMatchesNormals(positions, normals, width);
  const indices: number[] = [];
  for (let i = 0; i < path.length - 1; i += 1) {
    for (let j = 0; j < width - 1; j += 1) {
      const a = i * width + j;
      const b = a + 1;
      const c = a + width;
      const d = c + 1;
      if (flip) indices.push(a, c, b, b, c, d);
      else indices.push(a, b, c, b, d, c);
    }
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(positions, 3));
  geometry.setAttribute('normal', new BufferAttribute(normals, 3));
  geometry.setIndex(indices);
  return geometry;
}

/** Whether the triangle (v0, v1, v_width) faces the way the normal at v0 points. */
function windingMatchesNormals(positions: Float32Array, normals: Float32Array, width: number): boolean {
  const at = (v: number): Vec3 => [positions[v * 3]!, positions[v * 3 + 1]!, positions[v * 3 + 2]!];
  const face = cross(sub(at(1), at(0)), sub(at(width), at(0)));
  return face[0] * normals[0]! + face[1] * normals[1]! + face[2] * normals[2]! >= 0;
}

/** Points of a half circle (angles π…2π, so v ≤ 0) of `radius`, with outward (or inward) normals. */
export function halfCircleStrip(radius: number, segments: number, inward: boolean): ProfileStrip {
  const points: [number, number][] = [];
  const normals: [number, number][] = [];
  for (let k = 0; k <= segments; k += 1) {
    const angle = Math.PI + (Math.PI * (inward ? segments - k : k)) / segments;
    points.push([Math.cos(angle) * radius, Math.sin(angle) * radius]);
    normals.push(inward ? [-Math.cos(angle), -Math.sin(angle)] : [Math.cos(angle), Math.sin(angle)]);
  }
  return { points, normals };
}

/** A flat strip in the plane z = 0 from u = `from` to u = `to`, facing +z (the cut face). */
export function cutFaceStrip(from: number, to: number): ProfileStrip {
  return { points: [[from, 0], [to, 0]], normals: [[0, 1], [0, 1]] };
}

/** Triangles drawn for a geometry (times `instances` for an instanced mesh). */
export function triangleCount(geometry: BufferGeometry, instances = 1): number {
  const index = geometry.getIndex();
  return ((index ? index.count : geometry.getAttribute('position').count) / 3) * instances;
}

/** Disposes every geometry once (shared geometries may appear more than once). */
export function disposeGeometries(geometries: readonly BufferGeometry[]): void {
  for (const geometry of new Set(geometries)) geometry.dispose();
}

/**
 * Collects flat polygons (each with its own vertices, so edges stay crisp) into one geometry.
 * Each polygon is a convex fan; its normal is turned to face away from `inside`. A per-vertex
 * `mark` attribute (0/1) flags chosen faces, e.g. the cut faces of sectioned cells.
 */
export interface FlatFaceBuilder {
  add(polygon: readonly Vec3[], inside: Vec3, mark?: number): void;
  build(): BufferGeometry;
}

export function flatFaceBuilder(): FlatFaceBuilder {
  const positions: number[] = [];
  const normals: number[] = [];
  const marks: number[] = [];
  const indices: number[] = [];
  return {
    add(polygon, inside, mark = 0) {
      const centroid = polygon.reduce<MutableVec3>((sum, p) => [sum[0] + p[0] / polygon.length, sum[1] + p[1] / polygon.length, sum[2] + p[2] / polygon.length], [0, 0, 0]);
      let normal = newellNormal(polygon);
      if (dot3(normal, sub(centroid, inside)) < 0) normal = [-normal[0], -normal[1], -normal[2]];
      const base = positions.length / 3;
      for (const p of polygon) {
        positions.push(p[0], p[1], p[2]);
        normals.push(normal[0], normal[1], normal[2]);
        marks.push(mark);
      }
      const first = polygon[0]!;
      for (let i = 1; i < polygon.length - 1; i += 1) {
        const face = cross(sub(polygon[i]!, first), sub(polygon[i + 1]!, first));
        if (dot3(face, normal) >= 0) indices.push(base, base + i, base + i + 1);
        else indices.push(base, base + i + 1, base + i);
      }
    },
    build() {
      const geometry = new BufferGeometry();
      geometry.setAttribute('position', new BufferAttribute(new Float32Array(positions), 3));
      geometry.setAttribute('normal', new BufferAttribute(new Float32Array(normals), 3));
      geometry.setAttribute('mark', new BufferAttribute(new Float32Array(marks), 1));
      geometry.setIndex(indices);
      geometry.computeBoundingSphere();
      return geometry;
    },
  };
}

const dot3 = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

/** Newell's normal of a (nearly) planar polygon. */
function newellNormal(polygon: readonly Vec3[]): MutableVec3 {
  const n: MutableVec3 = [0, 0, 0];
  polygon.forEach((p, i) => {
    const q = polygon[(i + 1) % polygon.length]!;
    n[0] += (p[1] - q[1]) * (p[2] + q[2]);
    n[1] += (p[2] - q[2]) * (p[0] + q[0]);
    n[2] += (p[0] - q[0]) * (p[1] + q[1]);
  });
  return normalize(n);
}
