import { IcosahedronGeometry, InstancedBufferAttribute, InstancedMesh, OctahedronGeometry, type Material } from 'three';

/**
 * Many spheres in one draw call, placed by the morph shader from per-instance centres (both
 * layouts) and radii. Instance matrices stay identity, so three's frustum culling cannot know
 * where they are: culling is turned off (they are always on screen anyway).
 */
export function buildInstancedSpheres(
  material: Material,
  centres: Float32Array,
  treeCentres: Float32Array,
  radii: Float32Array,
  detail: number | 'octahedron' = 0,
): InstancedMesh {
  const count = radii.length;
  // Alveoli are a few pixels across at breast scale: an octahedron (8 triangles) reads as a bead
  // and keeps 20,000 of them cheap; larger spheres get a subdivided icosahedron.
  const geometry = detail === 'octahedron' ? new OctahedronGeometry(1, 0) : new IcosahedronGeometry(1, detail);
  geometry.setAttribute('aCenter', new InstancedBufferAttribute(centres, 3));
  geometry.setAttribute('aTreeCenter', new InstancedBufferAttribute(treeCentres, 3));
  geometry.setAttribute('aRadius', new InstancedBufferAttribute(radii, 1));
  const mesh = new InstancedMesh(geometry, material, count);
  mesh.frustumCulled = false;
  return mesh;
}
