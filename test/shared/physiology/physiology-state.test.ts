import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FEED, milkRemovedShare, planFeed } from '../../../src/shared/physiology/ejection-reflex';
import { DEFAULT_SCENARIO, landmarkHours } from '../../../src/shared/physiology/life-timeline';
import { synthesisShare } from '../../../src/shared/physiology/local-control';
import { HORMONES, HOURS_PER_DAY, STAGES, type FeedSetup, type Scenario } from '../../../src/shared/physiology/physiology-types';
import { physiologyAt } from '../../../src/shared/physiology/physiology-state';
import { secretionAt } from '../../../src/shared/physiology/stages';

const ONE_MONTH = 30 * HOURS_PER_DAY;
const plan = planFeed(DEFAULT_FEED);
const feedAt = (seconds: number, suckledBreast: 0 | 1 = 0) => ({ plan, seconds, suckledBreast });

describe('physiologyAt between feeds', () => {
  it('combines stage, gland, placenta and resting fullness for the hour', () => {
    const pregnant = physiologyAt({ scenario: DEFAULT_SCENARIO, lifeHours: -1000, feed: null });
    expect(pregnant.stage).toBe('secretory-differentiation');
    expect(pregnant.placenta).toBe(true);
    expect(pregnant.ejection).toBeNull();
    const lactating = physiologyAt({ scenario: DEFAULT_SCENARIO, lifeHours: ONE_MONTH * 3, feed: null });
    expect(lactating.stage).toBe('established-lactation');
    expect(lactating.placenta).toBe(false);
    expect(lactating.breasts[0].fullness).toBeCloseTo(0.6, 5);
    expect(lactating.breasts[0].synthesis).toBeCloseTo(synthesisShare(0.6), 9);
  });

  it('makes milk faster in the emptier breast (local control)', () => {
    const state = physiologyAt({ scenario: DEFAULT_SCENARIO, lifeHours: ONE_MONTH, feed: null, fullnessBefore: [0.2, 0.9] });
    expect(state.breasts[0].synthesis).toBeGreaterThan(state.breasts[1].synthesis);
    expect(state.breasts[0].synthesis).toBeCloseTo(secretionAt(ONE_MONTH, DEFAULT_SCENARIO) * 0.8, 9);
  });

  it('flags a delayed activation in the state', () => {
    const retained: Scenario = { ...DEFAULT_SCENARIO, retainedPlacenta: true };
    const state = physiologyAt({ scenario: retained, lifeHours: 80, feed: null });
    expect(state.activationDelayed).toBe(true);
    expect(state.placenta).toBe(true);
    expect(physiologyAt({ scenario: DEFAULT_SCENARIO, lifeHours: 80, feed: null }).activationDelayed).toBe(false);
  });
});

describe('physiologyAt during a feed', () => {
  it('drains the suckled breast by the removed share; the other ejects too but loses little', () => {
    const before = [0.7, 0.7] as const;
    for (const suckled of [0, 1] as const) {
      const state = physiologyAt({ scenario: DEFAULT_SCENARIO, lifeHours: ONE_MONTH, feed: feedAt(DEFAULT_FEED.endAt, suckled), fullnessBefore: before });
      const other = suckled === 0 ? 1 : 0;
      expect(state.breasts[suckled].fullness).toBeCloseTo(0.7 * (1 - milkRemovedShare(plan, DEFAULT_FEED.endAt)), 9);
      expect(state.breasts[other].fullness).toBeLessThan(0.7);
      expect(state.breasts[other].fullness).toBeGreaterThan(0.65);
      expect(state.breasts[suckled].synthesis).toBeGreaterThan(state.breasts[other].synthesis);
    }
  });

  it('shares one ejection between both breasts: the same contraction and flow reach each', () => {
    const episode = plan.ejections.find((e) => !e.beforeLatch);
    if (!episode) throw new Error('the default feed has an ejection while suckling');
    const middle = episode.start + episode.duration / 2;
    const left = physiologyAt({ scenario: DEFAULT_SCENARIO, lifeHours: ONE_MONTH, feed: feedAt(middle, 0) });
    const right = physiologyAt({ scenario: DEFAULT_SCENARIO, lifeHours: ONE_MONTH, feed: feedAt(middle, 1) });
    expect(left.ejection).toEqual(right.ejection);
    expect(left.ejection?.contraction).toBeGreaterThan(0);
    expect(left.hormones.oxytocin).toBeGreaterThan(0.3);
  });

  it('cannot start copious secretion in pregnancy even when suckling raises prolactin', () => {
    const hours = -4 * 7 * HOURS_PER_DAY;
    const resting = physiologyAt({ scenario: DEFAULT_SCENARIO, lifeHours: hours, feed: null });
    const stimulated = physiologyAt({ scenario: DEFAULT_SCENARIO, lifeHours: hours, feed: feedAt(DEFAULT_FEED.endAt + 120) });
    expect(stimulated.hormones.prolactin).toBeGreaterThan(resting.hormones.prolactin);
    expect(stimulated.hormones.progesterone).toBeGreaterThan(0.5);
    expect(stimulated.stage).toBe('secretory-differentiation');
    expect(stimulated.breasts[0].synthesis).toBeLessThanOrEqual(0.05);
  });

  it('raises prolactin with suckling and lowers dopamine; a cry alone raises oxytocin only', () => {
    const between = physiologyAt({ scenario: DEFAULT_SCENARIO, lifeHours: ONE_MONTH, feed: null });
    const pulse = plan.pulses.find((p) => p.conditioned);
    if (!pulse) throw new Error('the default feed starts with a cry');
    const cry = physiologyAt({ scenario: DEFAULT_SCENARIO, lifeHours: ONE_MONTH, feed: feedAt(pulse.at + 45) });
    expect(cry.hormones.oxytocin).toBeGreaterThan(between.hormones.oxytocin + 0.3);
    expect(cry.hormones.prolactin).toBe(between.hormones.prolactin);
    const suckling = physiologyAt({ scenario: DEFAULT_SCENARIO, lifeHours: ONE_MONTH, feed: feedAt(DEFAULT_FEED.endAt - 10) });
    expect(suckling.hormones.prolactin).toBeGreaterThan(between.hormones.prolactin);
    expect(suckling.hormones.dopamine).toBeLessThan(between.hormones.dopamine);
  });
});

const anyNumber = fc.oneof(fc.double(), fc.constantFrom(Number.NaN, Infinity, -Infinity, 0, 1));
const anyScenario = fc.record({
  kind: fc.constantFrom('term-birth', 'relactation', 'induced-lactation'),
  retainedPlacenta: fc.boolean(),
  labourStress: anyNumber,
  weaningDay: fc.oneof(fc.constant(null), anyNumber),
  relactation: fc.record({ stoppedDay: anyNumber, restartedDay: anyNumber }),
}) as fc.Arbitrary<Scenario>;
const anyFeed = fc.oneof(
  fc.constant(null),
  fc.record({
    setup: fc.record({ kind: fc.constantFrom('breastfeed', 'pump'), latchAt: anyNumber, endAt: anyNumber, cueBeforeLatch: fc.boolean(), stress: anyNumber, seed: anyNumber }),
    seconds: anyNumber,
    suckledBreast: fc.constantFrom(0, 1),
  }),
);

describe('physiologyAt for any input', () => {
  it('is finite and within 0 … 1 everywhere, and the same for the same input', () => {
    fc.assert(
      fc.property(anyScenario, anyNumber, anyFeed, fc.option(fc.tuple(anyNumber, anyNumber), { nil: undefined }), (scenario, lifeHours, feed, fullnessBefore) => {
        const input = {
          scenario,
          lifeHours,
          feed: feed && { plan: planFeed(feed.setup as FeedSetup), seconds: feed.seconds, suckledBreast: feed.suckledBreast as 0 | 1 },
          ...(fullnessBefore ? { fullnessBefore } : {}),
        };
        const state = physiologyAt(input);
        expect(Number.isFinite(state.lifeHours)).toBe(true);
        expect(STAGES).toContain(state.stage);
        const unit = [state.glandDevelopment, ...HORMONES.map((id) => state.hormones[id]), ...state.breasts.flatMap((b) => [b.fullness, b.synthesis])];
        if (state.ejection) unit.push(state.ejection.oxytocin, state.ejection.contraction, state.ejection.ductWidening, state.ejection.prolactinSurge, state.ejection.dopamineBrake, state.ejection.nerveSignal);
        for (const value of unit) {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1);
        }
        expect(physiologyAt(input)).toEqual(state);
      }),
      { numRuns: 300 },
    );
  });

  it('walks the whole default timeline without surprises', () => {
    const start = landmarkHours('before-pregnancy', DEFAULT_SCENARIO);
    const end = landmarkHours('involution-advanced', DEFAULT_SCENARIO);
    for (let h = start; h <= end; h += 37) {
      const state = physiologyAt({ scenario: DEFAULT_SCENARIO, lifeHours: h, feed: null });
      expect(Object.values(state.hormones).every((v) => v >= 0 && v <= 1)).toBe(true);
    }
  });
});
