import { describe, expect, it } from 'vitest';
import { REFERENCE_RADII, REFERENCE_SPHERE_COUNT, referenceLayout } from '../../../src/renderer/bench/reference-layout';

describe('the reference scene layout', () => {
  const layout = referenceLayout();

  it('places 15,000 spheres inside the half-ellipsoid the size of the breast', () => {
    expect(REFERENCE_SPHERE_COUNT).toBe(15_000);
    expect(layout.radii).toHaveLength(REFERENCE_SPHERE_COUNT);
    expect(layout.positions).toHaveLength(REFERENCE_SPHERE_COUNT * 3);
    const [rx, ry, rz] = REFERENCE_RADII;
    let outermost = 0;
    let lowestZ = Infinity;
    for (let i = 0; i < REFERENCE_SPHERE_COUNT; i += 1) {
      const x = layout.positions[i * 3]! / rx;
      const y = layout.positions[i * 3 + 1]! / ry;
      const z = layout.positions[i * 3 + 2]! / rz;
      outermost = Math.max(outermost, x * x + y * y + z * z);
      lowestZ = Math.min(lowestZ, z);
    }
    expect(outermost).toBeLessThanOrEqual(1 + 1e-5);
    expect(outermost).toBeGreaterThan(0.95);
    expect(lowestZ).toBeGreaterThanOrEqual(0);
    expect(Math.min(...layout.radii)).toBeGreaterThan(0);
    expect(Math.max(...layout.radii)).toBeLessThan(0.3);
  });

  it('fills the volume rather than bunching in one part', () => {
    let lateral = 0;
    let upper = 0;
    for (let i = 0; i < REFERENCE_SPHERE_COUNT; i += 1) {
      if (layout.positions[i * 3]! > 0) lateral += 1;
      if (layout.positions[i * 3 + 1]! > 0) upper += 1;
    }
    expect(lateral / REFERENCE_SPHERE_COUNT).toBeCloseTo(0.5, 1);
    expect(upper / REFERENCE_SPHERE_COUNT).toBeCloseTo(0.5, 1);
  });

  it('is the same for the same seed and different for another', () => {
    expect(referenceLayout(50, 7)).toEqual(referenceLayout(50, 7));
    expect(referenceLayout(50, 8).positions).not.toEqual(referenceLayout(50, 7).positions);
  });
});
