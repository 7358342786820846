import { describe, expect, it } from 'vitest';
import { blendOrbit, HOME_ORBIT, ORBIT_LIMITS, orbitAfterKey } from '../../src/renderer/scene/orbit-keys';

describe('orbitAfterKey', () => {
  it('turns, tilts, zooms and resets', () => {
    const left = orbitAfterKey(HOME_ORBIT, 'ArrowLeft')!;
    expect(left.azimuth).toBeLessThan(HOME_ORBIT.azimuth);
    expect(orbitAfterKey(HOME_ORBIT, 'ArrowUp')!.polar).toBeLessThan(HOME_ORBIT.polar);
    expect(orbitAfterKey(HOME_ORBIT, '+')!.distance).toBeLessThan(HOME_ORBIT.distance);
    expect(orbitAfterKey(HOME_ORBIT, '-')!.distance).toBeGreaterThan(HOME_ORBIT.distance);
    expect(orbitAfterKey(left, 'Home')).toEqual(HOME_ORBIT);
  });

  it('ignores keys that are not the view keys, so Tab and letters keep working', () => {
    for (const key of ['Tab', 'Enter', ' ', 'a', '?', 'Escape']) expect(orbitAfterKey(HOME_ORBIT, key)).toBeNull();
  });

  it('never tilts past the poles or zooms beyond the limits', () => {
    let orbit = HOME_ORBIT;
    for (let i = 0; i < 50; i += 1) orbit = orbitAfterKey(orbitAfterKey(orbit, 'ArrowUp')!, '+')!;
    expect(orbit.polar).toBe(ORBIT_LIMITS.minPolar);
    expect(orbit.distance).toBe(ORBIT_LIMITS.minDistance);
    for (let i = 0; i < 50; i += 1) orbit = orbitAfterKey(orbitAfterKey(orbit, 'ArrowDown')!, '-')!;
    expect(orbit.polar).toBe(ORBIT_LIMITS.maxPolar);
    expect(orbit.distance).toBe(ORBIT_LIMITS.maxDistance);
  });
});

describe('blendOrbit', () => {
  it('starts at the origin, ends at the target and takes the short way round', () => {
    const from = { azimuth: 3, polar: 1, distance: 4 };
    const to = { azimuth: -3, polar: 1.2, distance: 6 };
    expect(blendOrbit(from, to, 0)).toEqual(from);
    const end = blendOrbit(from, to, 1);
    expect(Math.cos(end.azimuth - to.azimuth)).toBeCloseTo(1);
    expect(end.distance).toBeCloseTo(6);
    const mid = blendOrbit(from, to, 0.5);
    expect(mid.azimuth).toBeGreaterThan(3);
  });
});
