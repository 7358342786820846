import { BufferAttribute, BufferGeometry } from 'three';
import type { Vec3 } from '../../../shared/anatomy/gland-anatomy';
import { cross, sub } from '../../../shared/anatomy/vec3';

/**
 * An indexed triangle mesh as plain arrays (centimetres, breast frame), so one shape builder
 * serves both the app (as a three.js geometry) and the glTF export (as accessors).
 */
export interface SurfaceMesh {
  positions: Float32Array;
  normals: Float32Array;
  /** Per-vertex multipliers of the material's colour (1, 1, 1 = the material as it is). */
  colors: Float32Array;
  indices: Uint32Array;
  /** The same vertices in the tree layout, for shapes that morph; absent for shapes that do not. */
  tree?: { positions: Float32Array; normals: Float32Array };
}

/** Grows a SurfaceMesh vertex by vertex; triangles are counter-clockwise seen from outside. */
export class SurfaceMeshBuilder {
  private readonly positions: number[] = [];
  private readonly normals: number[] = [];
  private readonly colors: number[] = [];
  private readonly treePositions: number[] = [];
  private readonly treeNormals: number[] = [];
  private readonly indices: number[] = [];

  get vertexCount(): number {
    return this.positions.length / 3;
  }

  /**
   * Adds a vertex and returns its index. `shade` darkens the material's colour (1 = as it is);
   * `tree` is required of every vertex or of none.
   */
  vertex(position: Vec3, normal: Vec3, shade = 1, tree?: { position: Vec3; normal: Vec3 }): number {
    this.positions.push(...position);
    this.normals.push(...normal);
    this.colors.push(shade, shade, shade);
    if (tree) {
      this.treePositions.push(...tree.position);
      this.treeNormals.push(...tree.normal);
    }
    return this.vertexCount - 1;
  }

  triangle(a: number, b: number, c: number): void {
    this.indices.push(a, b, c);
  }

  build(): SurfaceMesh {
    const mesh: SurfaceMesh = {
      positions: Float32Array.from(this.positions),
      normals: Float32Array.from(this.normals),
      colors: Float32Array.from(this.colors),
      indices: Uint32Array.from(this.indices),
    };
    if (this.treePositions.length > 0) {
      if (this.treePositions.length !== this.positions.length) throw new RangeError('Every vertex needs a tree position, or none does');
      mesh.tree = { positions: Float32Array.from(this.treePositions), normals: Float32Array.from(this.treeNormals) };
    }
    return mesh;
  }
}

/** Several meshes as one (one draw call); all or none must carry a tree layout. */
export function mergeSurfaceMeshes(parts: readonly SurfaceMesh[]): SurfaceMesh {
  const vertexCount = parts.reduce((sum, p) => sum + p.positions.length / 3, 0);
  const withTree = parts.every((p) => p.tree);
  const out: SurfaceMesh = {
    positions: new Float32Array(vertexCount * 3),
    normals: new Float32Array(vertexCount * 3),
    colors: new Float32Array(vertexCount * 3),
    indices: new Uint32Array(parts.reduce((sum, p) => sum + p.indices.length, 0)),
  };
  if (withTree) out.tree = { positions: new Float32Array(vertexCount * 3), normals: new Float32Array(vertexCount * 3) };
  let vertex = 0;
  let index = 0;
  for (const part of parts) {
    out.positions.set(part.positions, vertex * 3);
    out.normals.set(part.normals, vertex * 3);
    out.colors.set(part.colors, vertex * 3);
    if (out.tree && part.tree) {
      out.tree.positions.set(part.tree.positions, vertex * 3);
      out.tree.normals.set(part.tree.normals, vertex * 3);
    }
    for (let i = 0; i < part.indices.length; i += 1) out.indices[index + i] = part.indices[i]! + vertex;
    vertex += part.positions.length / 3;
    index += part.indices.length;
  }
  return out;
}

/**
 * Smooth normals from the triangles (each vertex: the area-weighted mean of its faces), for shapes
 * whose surface has no simple formula.
 */
export function faceAveragedNormals(positions: Float32Array, indices: Uint32Array): Float32Array {
  const normals = new Float32Array(positions.length);
  const at = (i: number): Vec3 => [positions[i * 3]!, positions[i * 3 + 1]!, positions[i * 3 + 2]!];
  for (let t = 0; t + 2 < indices.length; t += 3) {
    const [a, b, c] = [indices[t]!, indices[t + 1]!, indices[t + 2]!];
    const face = cross(sub(at(b), at(a)), sub(at(c), at(a)));
    for (const v of [a, b, c]) for (let k = 0; k < 3; k += 1) normals[v * 3 + k] = normals[v * 3 + k]! + face[k]!;
  }
  for (let v = 0; v < normals.length; v += 3) {
    const l = Math.hypot(normals[v]!, normals[v + 1]!, normals[v + 2]!) || 1;
    for (let k = 0; k < 3; k += 1) normals[v + k] = normals[v + k]! / l;
  }
  return normals;
}

/** The mesh as a three.js geometry; a tree layout becomes the morph shader's attributes. */
export function surfaceGeometry(mesh: SurfaceMesh): BufferGeometry {
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(mesh.positions, 3));
  geometry.setAttribute('normal', new BufferAttribute(mesh.normals, 3));
  geometry.setAttribute('color', new BufferAttribute(mesh.colors, 3));
  if (mesh.tree) {
    geometry.setAttribute('treePosition', new BufferAttribute(mesh.tree.positions, 3));
    geometry.setAttribute('treeNormal', new BufferAttribute(mesh.tree.normals, 3));
  }
  geometry.setIndex(new BufferAttribute(mesh.positions.length / 3 > 65535 ? mesh.indices : Uint16Array.from(mesh.indices), 1));
  geometry.computeBoundingSphere();
  return geometry;
}
