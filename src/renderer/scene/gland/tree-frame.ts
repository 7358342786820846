import type { GlandAnatomy, Vec3 } from '../../../shared/anatomy/gland-anatomy';

/**
 * Places the tree layout where the breast is, so the morph grows the tree in place rather than
 * flying across the screen: the tree's vertical middle goes to the envelope's centre height and
 * its trunk to mid-projection.
 */
export function treeOffset(anatomy: GlandAnatomy): Vec3 {
  let maxY = 0;
  for (const duct of anatomy.ducts) for (const p of duct.treePoints) maxY = Math.max(maxY, p[1]);
  for (const lobule of anatomy.lobules) maxY = Math.max(maxY, lobule.treeCenter[1] + lobule.radius);
  return [anatomy.envelope.center[0], anatomy.envelope.center[1] - maxY / 2, anatomy.envelope.center[2] + anatomy.envelope.radii[2] / 2];
}

export function offsetPoint(p: Vec3, offset: Vec3): Vec3 {
  return [p[0] + offset[0], p[1] + offset[1], p[2] + offset[2]];
}

export function offsetArray(values: Float32Array, offset: Vec3): Float32Array {
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i += 3) {
    out[i] = values[i]! + offset[0];
    out[i + 1] = values[i + 1]! + offset[1];
    out[i + 2] = values[i + 2]! + offset[2];
  }
  return out;
}
