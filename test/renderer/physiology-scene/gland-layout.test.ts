import { describe, expect, it } from 'vitest';
import type { Vec3 } from '../../../src/shared/anatomy/gland-anatomy';
import { GLAND_SHAPE, alveolusScale, developmentForReach } from '../../../src/renderer/physiology/scene/scene-drive';
import { alveolusThresholds, ductReaches, glandForBodyMap, milkPath, spreadGland, spreadLobules } from '../../../src/renderer/physiology/scene/gland-layout';
import { createRoute, pointAlong } from '../../../src/renderer/physiology/scene/route-curve';
import { writeStream } from '../../../src/renderer/physiology/scene/particle-streams';

const gland = glandForBodyMap();
const reaches = ductReaches(gland);
const distance = (a: Vec3, b: Vec3): number => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

describe('the gland in the body map', () => {
  it('is the atlas’s tree: about nine main ducts, no fat', () => {
    expect(gland.ducts.filter((d) => d.depth === 0)).toHaveLength(9);
    expect(gland.fat.count).toBe(0);
  });

  it('measures each duct’s reach from the nipple: main ducts start at 0, children where their parent ends, the deepest at 1', () => {
    let deepest = 0;
    for (const duct of gland.ducts) {
      const reach = reaches.get(duct.id)!;
      expect(reach.end).toBeGreaterThan(reach.start);
      if (duct.parentId) expect(reach.start).toBeCloseTo(reaches.get(duct.parentId)!.end);
      else expect(reach.start).toBe(0);
      deepest = Math.max(deepest, reach.end);
    }
    expect(deepest).toBeCloseTo(1);
  });

  it('buds no alveolus before its duct has grown to it, and every alveolus by full development', () => {
    const thresholds = alveolusThresholds(gland, reaches);
    for (const lobule of gland.lobules) {
      const ready = developmentForReach(reaches.get(lobule.ductId)!.end);
      for (let k = 0; k < lobule.alveolusCount; k += 1) {
        const threshold = thresholds[lobule.alveolusStart + k]!;
        expect(threshold).toBeGreaterThan(ready);
        expect(alveolusScale(threshold, threshold, 0.5, 0)).toBe(0);
        expect(alveolusScale(1, threshold, 0.5, 0)).toBeGreaterThan(0.8 * (0.8 + 0.35 * 0.5));
      }
    }
    // A resting gland (development 0) has no alveoli at all; a developed one has them all.
    expect(Array.from(thresholds).every((t) => t > 0 && t <= 1 - GLAND_SHAPE.budding)).toBe(true);
    expect(alveolusThresholds(gland, reaches)).toEqual(thresholds);
  });

  it('takes milk from a lobule along its own ducts to the opening that drains it', () => {
    const pores = new Map(gland.nipple.openings.map((o) => [o.id, [o.position[0], o.position[1], o.position[2] + 0.1] as Vec3]));
    for (const lobule of spreadLobules(gland, 12)) {
      const path = milkPath(gland, lobule, pores);
      expect(path[0]).toEqual(lobule.center);
      const opening = gland.nipple.openings.find((o) => o.systems.includes(lobule.system))!;
      expect(path.at(-1)).toEqual(pores.get(opening.id));
      // It passes through the main duct's start, at the opening on the nipple.
      const main = gland.ducts.find((d) => d.depth === 0 && d.system === lobule.system)!;
      expect(path.some((p) => distance(p, main.points[0]!) < 1e-9)).toBe(true);
    }
  });

  it('moves milk towards the nipple when the flow is positive and back into the breast when it is negative', () => {
    const pores = new Map(gland.nipple.openings.map((o) => [o.id, o.position]));
    const routes = spreadLobules(gland, 20).map((l) => createRoute(milkPath(gland, l, pores), false));
    const stream = { routes, capacity: 60, speed: 1.5 };
    const distances = (t: number, direction: number): number[] => {
      const out = new Float32Array(180);
      writeStream(stream, 60, t, direction, out);
      return Array.from({ length: 60 }, (_, k) => distance([out[k * 3]!, out[k * 3 + 1]!, out[k * 3 + 2]!], gland.nipple.tip));
    };
    const closer = (direction: number): number => {
      const before = distances(2, direction);
      return distances(2.05, direction).filter((d, k) => d < before[k]!).length;
    };
    // Over a short step nearly every particle gets closer (forward) or farther (backflow); a few
    // at a bend may not, and one may wrap round to the start of its route.
    expect(closer(1)).toBeGreaterThan(50);
    expect(closer(-1)).toBeLessThan(10);
    const end = new Float32Array(3);
    pointAlong(routes[0]!, 1, end, 0);
    expect(distance([end[0]!, end[1]!, end[2]!], gland.nipple.tip)).toBeLessThan(gland.nipple.radius * 1.2);
  });

  it('spreads the gland across the breast around the nipple, leaving the nipple where it is', () => {
    expect(spreadGland(gland, gland.nipple.tip)).toEqual([...gland.nipple.tip]);
    const lobule = gland.lobules[0]!.center;
    const spread = spreadGland(gland, lobule);
    const across = (p: Vec3): number => Math.hypot(p[0] - gland.nipple.tip[0], p[1] - gland.nipple.tip[1]);
    expect(across(spread)).toBeGreaterThan(across(lobule));
  });
});
