import { Spherical, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { closestPointOnRay, orbitAtFrame, orbitOf, orbitPosition, ORBIT_FRAMES_PER_TURN, type Point } from '../../../src/renderer/bench/camera-path';

const START = { azimuth: 0.55, polar: 1.4, distance: 31 };
const PIVOT: Point = [1, -2, 2.7];
const distance = (a: Point, b: Point): number => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

describe('the bench orbit', () => {
  it('is a function of the frame index: frame 0 is the start, one turn later the same place', () => {
    expect(orbitAtFrame(START, 0)).toEqual(START);
    const turned = orbitPosition(orbitAtFrame(START, ORBIT_FRAMES_PER_TURN), PIVOT);
    const start = orbitPosition(START, PIVOT);
    expect(distance(turned, start)).toBeLessThan(1e-9);
    expect(orbitAtFrame(START, 17)).toEqual(orbitAtFrame(START, 17));
  });

  it('turns by equal steps around the vertical, keeping height and distance', () => {
    const a = orbitPosition(orbitAtFrame(START, 5), PIVOT);
    const b = orbitPosition(orbitAtFrame(START, 6), PIVOT);
    const c = orbitPosition(orbitAtFrame(START, 7), PIVOT);
    expect(distance(a, b)).toBeCloseTo(distance(b, c), 9);
    expect(distance(a, b)).toBeGreaterThan(0);
    expect(b[1]).toBeCloseTo(a[1], 9);
    expect(distance(b, PIVOT)).toBeCloseTo(START.distance, 9);
    const half = orbitPosition(orbitAtFrame(START, ORBIT_FRAMES_PER_TURN / 2), PIVOT);
    const start = orbitPosition(START, PIVOT);
    // Half a turn later the camera is opposite, across the vertical through the pivot.
    expect((half[0] + start[0]) / 2).toBeCloseTo(PIVOT[0], 9);
    expect((half[2] + start[2]) / 2).toBeCloseTo(PIVOT[2], 9);
  });

  it('uses three.js Spherical conventions, as CameraRig does', () => {
    const expected = new Vector3().setFromSpherical(new Spherical(START.distance, START.polar, START.azimuth)).add(new Vector3(...PIVOT));
    const actual = orbitPosition(START, PIVOT);
    expect(actual[0]).toBeCloseTo(expected.x, 9);
    expect(actual[1]).toBeCloseTo(expected.y, 9);
    expect(actual[2]).toBeCloseTo(expected.z, 9);
  });

  it('reads an orbit back from a position', () => {
    const back = orbitOf(orbitPosition(START, PIVOT), PIVOT);
    expect(back.azimuth).toBeCloseTo(START.azimuth, 9);
    expect(back.polar).toBeCloseTo(START.polar, 9);
    expect(back.distance).toBeCloseTo(START.distance, 9);
    expect(orbitOf(PIVOT, PIVOT).distance).toBe(0);
  });

  it('refuses a turn of no frames', () => {
    expect(() => orbitAtFrame(START, 1, 0)).toThrow(RangeError);
  });
});

describe('closestPointOnRay', () => {
  it('drops a perpendicular onto the ray, and never goes behind its origin', () => {
    expect(closestPointOnRay([0, 0, 0], [0, 0, -2], [3, 1, -5])).toEqual([0, 0, -5]);
    expect(closestPointOnRay([0, 0, 0], [0, 0, -1], [3, 1, 5])).toEqual([0, 0, 0]);
    expect(closestPointOnRay([1, 1, 1], [0, 0, 0], [3, 1, 5])).toEqual([1, 1, 1]);
  });
});
