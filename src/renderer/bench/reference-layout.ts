import { createRandom } from '../../shared/random';

/**
 * The reference scene's spheres: scattered through a half-ellipsoid the size of the default
 * breast (7 × 7 × 6 cm, bulging towards +z like the gland's envelope), so the reference fills
 * about as much of the picture as the gland does.
 */
export const REFERENCE_SPHERE_COUNT = 15_000;
export const REFERENCE_SEED = 15_000;
export const REFERENCE_RADII: readonly [number, number, number] = [7, 7, 6];
const MIN_RADIUS = 0.08;
const MAX_RADIUS = 0.22;

export interface ReferenceLayout {
  /** x, y, z per sphere. */
  positions: Float32Array;
  radii: Float32Array;
}

export function referenceLayout(count = REFERENCE_SPHERE_COUNT, seed = REFERENCE_SEED): ReferenceLayout {
  const random = createRandom(seed);
  const positions = new Float32Array(count * 3);
  const radii = new Float32Array(count);
  const [rx, ry, rz] = REFERENCE_RADII;
  for (let i = 0; i < count; i += 1) {
    // Rejection sampling keeps the density even; about half the candidates land inside.
    let x: number, y: number, z: number;
    do {
      x = random.range(-1, 1);
      y = random.range(-1, 1);
      z = random.next();
    } while (x * x + y * y + z * z > 1);
    positions.set([x * rx, y * ry, z * rz], i * 3);
    radii[i] = random.range(MIN_RADIUS, MAX_RADIUS);
  }
  return { positions, radii };
}

/** The reference mesh's name, which the bench probe waits for as the gland's counterpart. */
export const REFERENCE_SUBJECT = 'reference-spheres';
