import { describe, expect, it } from 'vitest';
import type { Vec3 } from '../../../src/shared/anatomy/gland-anatomy';
import { BODY, SIDES, bodyVessels, breastToBody, hormoneRoutes, type BreastAnchors } from '../../../src/renderer/physiology/scene/body-layout';
import { cameraPosition } from '../../../src/renderer/physiology/scene/scene-camera';
import { stackLabels } from '../../../src/renderer/physiology/scene/scene-labels';

const distance = (a: Vec3, b: Vec3): number => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/** Two breasts' worth of anchors, placed the way the model places them (in the gland's frame, then the body). */
const breasts: BreastAnchors = {
  nerve: { left: [breastToBody('left', [0.5, -0.9, 7]), breastToBody('left', [0.4, -0.7, 0.4])], right: [breastToBody('right', [0.5, -0.9, 7]), breastToBody('right', [0.4, -0.7, 0.4])] },
  targets: { left: [breastToBody('left', [1, 2, 4]), breastToBody('left', [-2, -1, 3])], right: [breastToBody('right', [1, 2, 4]), breastToBody('right', [-2, -1, 3])] },
  entry: { left: breastToBody('left', [4, 4, 2]), right: breastToBody('right', [4, 4, 2]) },
};
const vessels = bodyVessels(breasts);
const routes = hormoneRoutes(vessels, breasts);
const allTargets = [...breasts.targets.left, ...breasts.targets.right];
const endsAt = (route: Vec3[], points: readonly Vec3[]): boolean => points.some((p) => distance(route.at(-1)!, p) < 1e-9);
const passes = (route: Vec3[], point: Vec3): boolean => route.some((p) => distance(p, point) < 1e-9);

describe('the body map', () => {
  it('puts her left breast on the viewer’s right and turns each breast’s lateral side outward', () => {
    expect(breastToBody('left', [0, 0, 0])[0]).toBeGreaterThan(0);
    expect(breastToBody('right', [0, 0, 0])[0]).toBeLessThan(0);
    for (const side of SIDES) {
      const centre = breastToBody(side, [0, 0, 0]);
      const lateral = breastToBody(side, [3, 0, 0]);
      expect(Math.abs(lateral[0])).toBeGreaterThan(Math.abs(centre[0]));
      // The nipple points forward (towards the viewer).
      expect(breastToBody(side, [0, 0, 7])[2]).toBeGreaterThan(centre[2]);
    }
  });

  it('carries prolactin from the anterior pituitary and oxytocin from the hypothalamus, through the posterior pituitary, to both breasts', () => {
    for (const route of routes.prolactin) {
      expect(route[0]).toEqual(BODY.anteriorPituitary.centre);
      expect(passes(route, BODY.heart.centre)).toBe(true);
      expect(endsAt(route, allTargets)).toBe(true);
    }
    for (const route of routes.oxytocin) {
      expect([...BODY.paraventricular, ...BODY.supraoptic].some((n) => distance(route[0]!, n) < 1e-9)).toBe(true);
      expect(passes(route, BODY.posteriorPituitary.centre)).toBe(true);
      expect(endsAt(route, allTargets)).toBe(true);
    }
    // Both breasts are reached by every blood-borne stream.
    for (const stream of [routes.prolactin, routes.oxytocin, routes.fromPlacenta, routes.fromOvaries, routes.cortisol, routes.insulin]) {
      expect(stream.some((r) => endsAt(r, breasts.targets.left))).toBe(true);
      expect(stream.some((r) => endsAt(r, breasts.targets.right))).toBe(true);
    }
  });

  it('sends dopamine only down the portal vessels to the anterior pituitary', () => {
    expect(routes.dopamine.length).toBe(vessels.portal.length);
    for (const route of routes.dopamine) {
      expect(route[0]).toEqual(BODY.hypothalamus.centre);
      expect(route.at(-1)).toEqual(BODY.anteriorPituitary.centre);
      expect(passes(route, BODY.medianEminence)).toBe(true);
      expect(passes(route, BODY.heart.centre)).toBe(false);
    }
  });

  it('brings the placental hormones from the placenta and, without it, estrogen and progesterone from the ovaries', () => {
    for (const route of routes.fromPlacenta) expect(route[0]).toEqual(BODY.placenta.centre);
    for (const route of routes.fromOvaries) expect(BODY.ovaries.some((o) => distance(route[0]!, o) < 1e-9)).toBe(true);
    for (const route of routes.cortisol) expect(BODY.adrenals.some((a) => distance(route[0]!, a) < 1e-9)).toBe(true);
    for (const route of routes.insulin) expect(route[0]).toEqual(BODY.pancreas.centre);
  });

  it('runs the nerve signal from each nipple up the spinal cord to the hypothalamus', () => {
    expect(routes.nerve.length).toBe(2);
    routes.nerve.forEach((route, i) => {
      expect(route[0]).toEqual(breasts.nerve[SIDES[i]!][0]);
      expect(route.at(-1)).toEqual(BODY.hypothalamus.centre);
      // Once on the cord, it only climbs.
      const onCord = route.findIndex((p) => p[0] === 0);
      for (let k = onCord + 1; k < route.length; k += 1) expect(route[k]![1]).toBeGreaterThan(route[k - 1]![1]);
    });
  });
});

describe('the camera', () => {
  it('stands farther back when labels are wider or the canvas narrower, so everything fits', () => {
    const z = (p: Vec3): number => Math.hypot(p[0], p[2]);
    const plain = cameraPosition(1280, 720, [{ x: 25, width: 100 }]);
    expect(z(cameraPosition(1280, 720, [{ x: 25, width: 420 }]))).toBeGreaterThan(z(plain));
    expect(z(cameraPosition(600, 720, [{ x: 25, width: 100 }]))).toBeGreaterThan(z(plain));
    expect(z(cameraPosition(1280, 720, []))).toBeLessThanOrEqual(z(plain));
  });
});

describe('label columns', () => {
  it('leave labels where they are wanted when there is room, and push overlapping ones apart in order', () => {
    expect(stackLabels([{ y: 100, height: 20 }, { y: 200, height: 20 }], 4, 0, 400)).toEqual([100, 200]);
    const [a, b, c] = stackLabels(
      [
        { y: 110, height: 40 },
        { y: 100, height: 40 },
        { y: 300, height: 20 },
      ],
      4,
      0,
      400,
    );
    expect(a! - b!).toBeGreaterThanOrEqual(44);
    expect(b).toBe(100);
    expect(c).toBe(300);
  });

  it('keep a crowded column inside the canvas', () => {
    const ys = stackLabels(
      Array.from({ length: 5 }, (_, i) => ({ y: 380 + i, height: 30 })),
      4,
      0,
      400,
    );
    expect(Math.max(...ys) + 15).toBeLessThanOrEqual(400);
    for (let i = 1; i < ys.length; i += 1) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(34);
  });
});
