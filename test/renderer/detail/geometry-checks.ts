import { Vector3, type BufferGeometry } from 'three';

/** Test helper: whether every triangle faces the way its vertices' normals point (no inside-out or folded faces). */
export function facesAgreeWithNormals(geometry: BufferGeometry): boolean {
  const position = geometry.getAttribute('position');
  const normal = geometry.getAttribute('normal');
  const index = geometry.getIndex();
  const at = (i: number) => new Vector3(position.getX(i), position.getY(i), position.getZ(i));
  const count = index ? index.count : position.count;
  for (let k = 0; k < count; k += 3) {
    const [a, b, c] = [0, 1, 2].map((j) => (index ? index.getX(k + j) : k + j)) as [number, number, number];
    const face = at(b).sub(at(a)).cross(at(c).sub(at(a)));
    if (face.lengthSq() < 1e-14) continue;
    const n = new Vector3(normal.getX(a) + normal.getX(b) + normal.getX(c), normal.getY(a) + normal.getY(b) + normal.getY(c), normal.getZ(a) + normal.getZ(b) + normal.getZ(c));
    if (face.dot(n) <= 0) return false;
  }
  return true;
}
