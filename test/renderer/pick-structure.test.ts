import { describe, expect, it } from 'vitest';
import { raySegment, raySphere } from '../../src/renderer/scene/gland/pick-structure';

describe('ray tests', () => {
  const ray = { origin: [0, 0, 10] as const, direction: [0, 0, -1] as const };

  it('hits a sphere in front and reports the distance', () => {
    expect(raySphere(ray, [0, 0, 0], 1)).toBeCloseTo(9);
    expect(raySphere(ray, [3, 0, 0], 1)).toBeNull();
    expect(raySphere(ray, [0, 0, 20], 1)).toBeNull();
  });

  it('hits a thin segment passing close to the ray', () => {
    // Where the ray enters the capsule: 8 less the half-chord at 0.05 from its axis.
    expect(raySegment(ray, [-1, 0.05, 2], [1, 0.05, 2], 0.1)).toBeCloseTo(8 - Math.sqrt(0.1 ** 2 - 0.05 ** 2), 6);
    expect(raySegment(ray, [-1, 0.5, 2], [1, 0.5, 2], 0.1)).toBeNull();
    expect(raySegment(ray, [1, 0, 2], [3, 0, 2], 0.1)).toBeNull();
  });

  it('meets a thick tube before a thin one running inside it', () => {
    const thick = raySegment(ray, [0, -2, 0], [0, 2, 0], 1)!;
    const inside = raySegment(ray, [0, -2, 0.3], [0, 2, 0.3], 0.1)!;
    expect(thick).toBeCloseTo(9);
    expect(thick).toBeLessThan(inside);
  });
});
