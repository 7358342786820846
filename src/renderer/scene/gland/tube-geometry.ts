import { BufferAttribute, BufferGeometry } from 'three';
import type { Vec3 } from '../../../shared/anatomy/gland-anatomy';
import { cross, dot, normalize, scale, sub } from '../../../shared/anatomy/vec3';

/**
 * Many tubes (ducts, vessels, nerves) merged into one geometry, so each material is one draw call.
 * Each tube follows a polyline smoothed with a Catmull-Rom spline; rings are oriented with
 * parallel-transport frames so the tube never twists. Every tube may carry a second polyline (its
 * tree layout) with the same number of points: both layouts are written as attributes for the
 * morph shader.
 */
export interface TubeSpec {
  id: string;
  points: readonly Vec3[];
  radii: readonly number[];
  treePoints?: readonly Vec3[];
  /** Radius multiplier in the tree layout (branches may be drawn thicker). */
  treeRadiusScale?: number;
}

const SUBDIVISIONS = 3;

function catmullRom(p0: Vec3, p1: Vec3, p2: Vec3, p3: Vec3, t: number): [number, number, number] {
  const t2 = t * t;
  const t3 = t2 * t;
  const out: [number, number, number] = [0, 0, 0];
  for (let k = 0; k < 3; k += 1) {
    out[k] = 0.5 * (2 * p1[k]! + (-p0[k]! + p2[k]!) * t + (2 * p0[k]! - 5 * p1[k]! + 4 * p2[k]! - p3[k]!) * t2 + (-p0[k]! + 3 * p1[k]! - 3 * p2[k]! + p3[k]!) * t3);
  }
  return out;
}

/** The smoothed centre line, SUBDIVISIONS samples per span, and the radius at each sample. */
export function smoothPolyline(points: readonly Vec3[], radii: readonly number[]): { centres: Vec3[]; radii: number[] } {
  if (points.length < 2) throw new RangeError('A tube needs at least two points');
  const centres: Vec3[] = [];
  const sampled: number[] = [];
  const at = (i: number): Vec3 => points[Math.max(0, Math.min(points.length - 1, i))]!;
  for (let i = 0; i < points.length - 1; i += 1) {
    for (let s = 0; s < SUBDIVISIONS; s += 1) {
      const t = s / SUBDIVISIONS;
      centres.push(catmullRom(at(i - 1), at(i), at(i + 1), at(i + 2), t));
      sampled.push((radii[i] ?? 0) * (1 - t) + (radii[i + 1] ?? radii[i] ?? 0) * t);
    }
  }
  centres.push(at(points.length - 1));
  sampled.push(radii[points.length - 1] ?? radii[radii.length - 1] ?? 0);
  return { centres, radii: sampled };
}

/** Writes one tube's ring vertices and normals into `positions`/`normals` from `offset` (in vertices). */
function writeRings(centres: Vec3[], radii: number[], radial: number, positions: Float32Array, normals: Float32Array, offset: number, radiusScale: number): void {
  const tangents = centres.map((_, i) => normalize(sub(centres[Math.min(i + 1, centres.length - 1)]!, centres[Math.max(i - 1, 0)]!)));
  const first = tangents[0]!;
  const helper: Vec3 = Math.abs(first[1]) < 0.9 ? [0, 1, 0] : [1, 0, 0];
  let normal = normalize(cross(cross(first, helper), first));
  for (let i = 0; i < centres.length; i += 1) {
    const tangent = tangents[i]!;
    // Parallel transport: remove the component along the new tangent.
    normal = normalize(sub(normal, scale(tangent, dot(normal, tangent))));
    const binormal = cross(tangent, normal);
    const c = centres[i]!;
    const r = radii[i]! * radiusScale;
    for (let j = 0; j < radial; j += 1) {
      const angle = (j / radial) * Math.PI * 2;
      const nx = Math.cos(angle) * normal[0] + Math.sin(angle) * binormal[0];
      const ny = Math.cos(angle) * normal[1] + Math.sin(angle) * binormal[1];
      const nz = Math.cos(angle) * normal[2] + Math.sin(angle) * binormal[2];
      const v = (offset + i * radial + j) * 3;
      positions[v] = c[0] + nx * r;
      positions[v + 1] = c[1] + ny * r;
      positions[v + 2] = c[2] + nz * r;
      normals[v] = nx;
      normals[v + 1] = ny;
      normals[v + 2] = nz;
    }
  }
}

export function buildTubeGeometry(tubes: readonly TubeSpec[], radial = 8): { geometry: BufferGeometry } {
  const smoothed = tubes.map((tube) => ({
    tube,
    anatomy: smoothPolyline(tube.points, tube.radii),
    tree: tube.treePoints ? smoothPolyline(tube.treePoints, tube.radii) : null,
  }));
  const vertexCount = smoothed.reduce((sum, s) => sum + s.anatomy.centres.length * radial, 0);
  const indexCount = smoothed.reduce((sum, s) => sum + (s.anatomy.centres.length - 1) * radial * 6, 0);
  const positions = new Float32Array(vertexCount * 3);
  const normals = new Float32Array(vertexCount * 3);
  const treePositions = new Float32Array(vertexCount * 3);
  const treeNormals = new Float32Array(vertexCount * 3);
  const indices = vertexCount > 65535 ? new Uint32Array(indexCount) : new Uint16Array(indexCount);

  let vertex = 0;
  let index = 0;
  for (const { tube, anatomy, tree } of smoothed) {
    const rings = anatomy.centres.length;
    writeRings(anatomy.centres, anatomy.radii, radial, positions, normals, vertex, 1);
    if (tree) writeRings(tree.centres, tree.radii, radial, treePositions, treeNormals, vertex, tube.treeRadiusScale ?? 1);
    else {
      treePositions.set(positions.subarray(vertex * 3, (vertex + rings * radial) * 3), vertex * 3);
      treeNormals.set(normals.subarray(vertex * 3, (vertex + rings * radial) * 3), vertex * 3);
    }
    for (let i = 0; i < rings - 1; i += 1) {
      for (let j = 0; j < radial; j += 1) {
        const a = vertex + i * radial + j;
        const b = vertex + i * radial + ((j + 1) % radial);
        const c = a + radial;
        const d = b + radial;
        // Counter-clockwise seen from outside, so front faces face out along the normals.
        indices[index++] = a;
        indices[index++] = b;
        indices[index++] = c;
        indices[index++] = b;
        indices[index++] = d;
        indices[index++] = c;
      }
    }
    vertex += rings * radial;
  }

  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(positions, 3));
  geometry.setAttribute('normal', new BufferAttribute(normals, 3));
  geometry.setAttribute('treePosition', new BufferAttribute(treePositions, 3));
  geometry.setAttribute('treeNormal', new BufferAttribute(treeNormals, 3));
  geometry.setIndex(new BufferAttribute(indices, 1));
  geometry.computeBoundingSphere();
  return { geometry };
}
