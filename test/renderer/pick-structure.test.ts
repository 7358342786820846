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
    expect(raySegment(ray, [-1, 0.05, 2], [1, 0.05, 2], 0.1)).toBeCloseTo(8);
    expect(raySegment(ray, [-1, 0.5, 2], [1, 0.5, 2], 0.1)).toBeNull();
    expect(raySegment(ray, [1, 0, 2], [3, 0, 2], 0.1)).toBeNull();
  });
});
