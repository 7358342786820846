import { describe, expect, it } from 'vitest';
import { DEFAULT_FEED, DEFAULT_SCENARIO, physiologyAt, planFeed } from '../../../src/shared/physiology';
import type { EjectionState, PhysiologyState } from '../../../src/shared/physiology/physiology-types';
import {
  GLAND_SHAPE,
  PRESENT_LEVEL,
  alveolusScale,
  copyDrive,
  createSceneDrive,
  developmentForReach,
  ductReach,
  ductWidthScale,
  particleTime,
  sameDrive,
  updateSceneDrive,
} from '../../../src/renderer/physiology/scene/scene-drive';

const resting: PhysiologyState = {
  lifeHours: 720,
  stage: 'established-lactation',
  activationDelayed: false,
  hormones: { estrogen: 0, progesterone: 0, hpl: 0.4, prolactin: 0.35, oxytocin: 0.05, dopamine: 1, cortisol: 0.2, insulin: 0.5, inhibitor: 0.6 },
  glandDevelopment: 1,
  placenta: false,
  breasts: [
    { fullness: 0.8, synthesis: 0.2 },
    { fullness: 0.2, synthesis: 0.8 },
  ],
  ejection: null,
};

const ejection = (over: Partial<EjectionState>): EjectionState => ({
  nerveSignal: 0.8,
  oxytocin: 1,
  contraction: 0.7,
  ductWidening: 0.9,
  flow: 0.6,
  ejection: 1,
  ejectionsSoFar: 2,
  prolactinSurge: 0.3,
  dopamineBrake: 0.4,
  phase: 'suckling',
  ...over,
});

describe('what the scene shows for a physiology state', () => {
  it('draws each hormone at its level, hPL only with a placenta, and nearly-zero levels as absent', () => {
    const drive = updateSceneDrive({ ...resting, hormones: { ...resting.hormones, estrogen: PRESENT_LEVEL / 2, cortisol: 7 } }, false, createSceneDrive());
    expect(drive.streams.prolactin).toBeCloseTo(0.35);
    expect(drive.streams.dopamine).toBe(1);
    expect(drive.streams.estrogen).toBe(0);
    expect(drive.streams.cortisol).toBe(1);
    expect(drive.streams.hpl).toBe(0);
    expect(updateSceneDrive({ ...resting, placenta: true }, false, createSceneDrive()).streams.hpl).toBeCloseTo(0.4);
  });

  it('keeps the inhibitor breast by breast: the fuller breast holds more', () => {
    const drive = updateSceneDrive(resting, false, createSceneDrive());
    expect(drive.breasts[0].inhibitor).toBeGreaterThan(drive.breasts[1].inhibitor);
    expect(drive.breasts[0].fill).toBeCloseTo(0.8);
    expect(drive.breasts[1].glow).toBeCloseTo(0.8);
    // A resting gland with no alveoli holds no milk, hence no inhibitor.
    expect(updateSceneDrive({ ...resting, glandDevelopment: 0.2 }, false, createSceneDrive()).breasts[0].inhibitor).toBe(0);
  });

  it('shows an ejection: squeeze, widening, flow with its sign, the nerve signal', () => {
    const drive = updateSceneDrive({ ...resting, ejection: ejection({}) }, false, createSceneDrive());
    expect(drive).toMatchObject({ squeeze: 0.7, widen: 0.9, flow: 0.6, nerve: 0.8, moving: true });
    expect(updateSceneDrive({ ...resting, ejection: ejection({ flow: -0.3 }) }, false, createSceneDrive()).flow).toBe(-0.3);
    const between = updateSceneDrive(resting, false, createSceneDrive());
    expect(between).toMatchObject({ squeeze: 0, widen: 0, flow: 0, nerve: 0, moving: false });
  });

  it('holds the particles still with reduced motion or between feeds, and lets them travel during a feed', () => {
    const feed = updateSceneDrive({ ...resting, ejection: ejection({}) }, false, createSceneDrive());
    expect(particleTime(feed, 42)).toBe(42);
    expect(particleTime(updateSceneDrive({ ...resting, ejection: ejection({}) }, true, createSceneDrive()), 42)).toBe(0);
    expect(particleTime(updateSceneDrive(resting, false, createSceneDrive()), 42)).toBe(0);
  });

  it('tells when two states draw the same picture', () => {
    const a = updateSceneDrive(resting, false, createSceneDrive());
    const b = createSceneDrive();
    expect(sameDrive(a, b)).toBe(false);
    copyDrive(a, b);
    expect(sameDrive(a, b)).toBe(true);
    updateSceneDrive({ ...resting, breasts: [resting.breasts[0], { fullness: 0.25, synthesis: 0.8 }] }, false, b);
    expect(sameDrive(a, b)).toBe(false);
    updateSceneDrive({ ...resting, ejection: ejection({ flow: 0.61 }) }, false, a);
    updateSceneDrive({ ...resting, ejection: ejection({ flow: 0.6 }) }, false, b);
    expect(sameDrive(a, b)).toBe(false);
  });

  it('follows the model through a feed: milk flows during an ejection and not between them', () => {
    const plan = planFeed(DEFAULT_FEED);
    const at = (seconds: number) => updateSceneDrive(physiologyAt({ scenario: DEFAULT_SCENARIO, lifeHours: 720, feed: { plan, seconds, suckledBreast: 0 } }), false, createSceneDrive());
    const during = plan.ejections[1]!;
    expect(at(during.start + 0.35 * during.duration).flow).toBeGreaterThan(0.5);
    expect(at(during.start + 0.9 * during.duration).flow).toBeLessThan(0);
    expect(at(during.start + during.duration + 5).flow).toBe(0);
    expect(at(during.start + 0.35 * during.duration).streams.oxytocin).toBeGreaterThan(at(during.start + during.duration + 60).streams.oxytocin);
  });
});

describe('the gland as development and ejection draw it', () => {
  it('grows the ducts from a few short ones behind the nipple to their full length by mid-development', () => {
    expect(ductReach(0)).toBeCloseTo(GLAND_SHAPE.restingReach);
    expect(ductReach(GLAND_SHAPE.fullReachAt)).toBe(1);
    expect(ductReach(1)).toBe(1);
    for (let d = 0; d < 1; d += 0.1) expect(ductReach(d + 0.1)).toBeGreaterThanOrEqual(ductReach(d));
    for (const reach of [0.4, 0.7, 1]) expect(ductReach(developmentForReach(reach))).toBeCloseTo(reach);
  });

  it('buds an alveolus only past its threshold, swells it with milk and shrinks it when squeezed', () => {
    expect(alveolusScale(0.3, 0.5, 1, 0)).toBe(0);
    expect(alveolusScale(0.55, 0.5, 0.5, 0)).toBeGreaterThan(0);
    expect(alveolusScale(1, 0.5, 1, 0)).toBeGreaterThan(alveolusScale(1, 0.5, 0, 0));
    expect(alveolusScale(1, 0.5, 1, 1)).toBeCloseTo(alveolusScale(1, 0.5, 1, 0) * (1 - GLAND_SHAPE.squeezeShrink));
  });

  it('widens the ducts during an ejection', () => {
    expect(ductWidthScale(0)).toBe(1);
    expect(ductWidthScale(1)).toBeCloseTo(1 + GLAND_SHAPE.peakWidening);
  });
});
