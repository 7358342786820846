import {
  Color,
  InstancedMesh,
  Matrix4,
  MeshStandardMaterial,
  type BufferGeometry,
  type Material,
  type Object3D,
  type Ray as ThreeRay,
} from 'three';
import type { Ray } from '../gland/pick-structure';

/**
 * The three.js side shared by LobuleDetail and AlveolusDetail: turning R3F's world-space ray into
 * the close-up's own frame, materials, instanced meshes from packed matrices, and disposal.
 * No React here, so it can be tested in Node.
 */

/** A pointer that moved more than this (px) between down and up was orbiting, not clicking. */
export const DRAG_THRESHOLD = 4;

/** The ray in `object`'s local frame (unit direction), for picking against the model's own coordinates. */
export function localRay(worldRay: ThreeRay, object: Object3D): Ray {
  object.updateWorldMatrix(true, false);
  const local = worldRay.clone().applyMatrix4(new Matrix4().copy(object.matrixWorld).invert());
  return { origin: [local.origin.x, local.origin.y, local.origin.z], direction: [local.direction.x, local.direction.y, local.direction.z] };
}

/** Collects materials as they are made, so a scene can dispose all of them at once. */
export interface MaterialSet {
  standard(color: string, extra?: ConstructorParameters<typeof MeshStandardMaterial>[0]): MeshStandardMaterial;
  track<T extends Material>(material: T): T;
  dispose(): void;
}

export function materialSet(): MaterialSet {
  const all: Material[] = [];
  const track = <T extends Material>(material: T): T => {
    all.push(material);
    return material;
  };
  return {
    // Matte, non-metallic tissue by default: reads like a painted plate under the view's lights.
    standard: (color, extra = {}) => track(new MeshStandardMaterial({ color, roughness: 0.55, metalness: 0, ...extra })),
    track,
    dispose: () => all.forEach((m) => m.dispose()),
  };
}

/**
 * An instanced mesh from packed column-major matrices, each instance tinted `color` × its shade.
 * The material's own colour should be white (instance colours multiply it).
 */
export function instancedFromMatrices(geometry: BufferGeometry, material: Material, matrices: Float32Array, color: string, shades?: Float32Array): InstancedMesh {
  const count = matrices.length / 16;
  const mesh = new InstancedMesh(geometry, material, count);
  mesh.instanceMatrix.array.set(matrices);
  mesh.instanceMatrix.needsUpdate = true;
  if (shades) paintInstances(mesh, color, shades);
  mesh.computeBoundingSphere();
  return mesh;
}

/** Sets each instance's colour to `color` × its shade (white if `color` is the material's tint). */
export function paintInstances(mesh: InstancedMesh, color: string, shades: Float32Array): void {
  const base = new Color(color);
  const tint = new Color();
  for (let i = 0; i < mesh.count; i += 1) mesh.setColorAt(i, tint.copy(base).multiplyScalar(shades[i] ?? 1));
  if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
}

/** Lights a material up in the highlight colour (or turns the glow off). */
export function setGlow(material: MeshStandardMaterial, color: string | null): void {
  material.emissive.set(color ?? '#000000');
  material.emissiveIntensity = color ? 0.45 : 1;
}
