import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, landmarkHours, timelineRange } from '../../../src/shared/physiology/life-timeline';
import { HOURS_PER_DAY, STAGES, type Scenario, type StageId } from '../../../src/shared/physiology/physiology-types';
import {
  activationOnsetHours,
  glandDevelopmentAt,
  isActivationDelayed,
  placentaPresentAt,
  restingFullnessAt,
  secretionAt,
  stageAt,
} from '../../../src/shared/physiology/stages';

const retained: Scenario = { ...DEFAULT_SCENARIO, retainedPlacenta: true };
const relactation: Scenario = { ...DEFAULT_SCENARIO, kind: 'relactation', relactation: { stoppedDay: 20, restartedDay: 50 } };
const induced: Scenario = { ...DEFAULT_SCENARIO, kind: 'induced-lactation' };

/** Stages met walking along the timeline hour by hour, without repeats. */
function stagesAlong(scenario: Scenario): StageId[] {
  const { start, end } = timelineRange(scenario);
  const seen: StageId[] = [];
  for (let h = start; h <= end; h += 1) {
    const stage = stageAt(h, scenario);
    if (seen[seen.length - 1] !== stage) seen.push(stage);
  }
  return seen;
}

const days = (n: number) => n * HOURS_PER_DAY;

describe('stages along the timeline', () => {
  it('follow the order of a term birth', () => {
    expect(stagesAlong(DEFAULT_SCENARIO)).toEqual([
      'before-pregnancy',
      'mammogenesis',
      'secretory-differentiation',
      'secretory-activation',
      'established-lactation',
      'involution',
    ]);
  });

  it('stop, involute and restart in relactation', () => {
    expect(stagesAlong(relactation)).toEqual([
      'before-pregnancy',
      'mammogenesis',
      'secretory-differentiation',
      'secretory-activation',
      'established-lactation',
      'involution',
      'relactation',
      'involution',
    ]);
  });

  it('skip the pregnancy in induced lactation', () => {
    expect(stagesAlong(induced)).toEqual(['before-pregnancy', 'induced-lactation', 'involution']);
  });

  it('put the stage boundaries at their landmarks', () => {
    expect(stageAt(landmarkHours('mid-pregnancy', DEFAULT_SCENARIO) - 1, DEFAULT_SCENARIO)).toBe('mammogenesis');
    expect(stageAt(landmarkHours('mid-pregnancy', DEFAULT_SCENARIO), DEFAULT_SCENARIO)).toBe('secretory-differentiation');
    expect(stageAt(0.25, DEFAULT_SCENARIO)).toBe('secretory-differentiation');
    expect(stageAt(landmarkHours('placenta-delivered', DEFAULT_SCENARIO), DEFAULT_SCENARIO)).toBe('secretory-activation');
    expect(stageAt(days(9), DEFAULT_SCENARIO)).toBe('established-lactation');
    expect(stageAt(days(365) + 1, DEFAULT_SCENARIO)).toBe('involution');
  });

  it('only ever returns known stages', () => {
    fc.assert(
      fc.property(fc.double(), (hours) => {
        expect(STAGES).toContain(stageAt(hours, DEFAULT_SCENARIO));
      }),
    );
  });
});

describe('secretory activation', () => {
  it('never happens in pregnancy: progesterone holds copious secretion back', () => {
    const { start } = timelineRange(DEFAULT_SCENARIO);
    for (let h = start; h < 0; h += 24) {
      expect(stageAt(h, DEFAULT_SCENARIO)).not.toBe('secretory-activation');
      expect(secretionAt(h, DEFAULT_SCENARIO)).toBeLessThanOrEqual(0.05);
    }
  });

  it('makes a little colostrum from mid-pregnancy, none before', () => {
    expect(secretionAt(landmarkHours('mid-pregnancy', DEFAULT_SCENARIO) - 1, DEFAULT_SCENARIO)).toBe(0);
    expect(secretionAt(-1, DEFAULT_SCENARIO)).toBeGreaterThan(0);
  });

  it('ramps secretion as Arthur 1989 measured intakes (82 → 556 mL/24 h between 24 and 144 h)', () => {
    expect(secretionAt(24, DEFAULT_SCENARIO)).toBeCloseTo(82 / 750, 2);
    expect(secretionAt(144, DEFAULT_SCENARIO)).toBeCloseTo(556 / 750, 2);
    expect(secretionAt(days(60), DEFAULT_SCENARIO)).toBe(1);
  });

  it('is on time after a normal delivery', () => {
    expect(activationOnsetHours(DEFAULT_SCENARIO)).toBeLessThanOrEqual(72);
    expect(isActivationDelayed(DEFAULT_SCENARIO)).toBe(false);
  });

  it('is delayed past 72 h by retained placenta, which keeps secretion at colostrum until removed', () => {
    expect(activationOnsetHours(retained)).toBeGreaterThan(72);
    expect(isActivationDelayed(retained)).toBe(true);
    expect(stageAt(days(3), retained)).toBe('secretory-differentiation');
    expect(placentaPresentAt(days(3), retained)).toBe(true);
    expect(placentaPresentAt(days(3), DEFAULT_SCENARIO)).toBe(false);
    expect(secretionAt(days(4), retained)).toBeLessThan(secretionAt(days(4), DEFAULT_SCENARIO) / 5);
  });

  it('is delayed by severe labour stress, and later the more stress', () => {
    expect(isActivationDelayed({ ...DEFAULT_SCENARIO, labourStress: 1 })).toBe(true);
    const onsets = [0, 0.25, 0.5, 0.75, 1].map((labourStress) => activationOnsetHours({ ...DEFAULT_SCENARIO, labourStress }));
    expect(onsets).toEqual([...onsets].sort((a, b) => a - b));
    expect(new Set(onsets).size).toBe(onsets.length);
  });
});

describe('gland development', () => {
  it('is a resting gland before pregnancy and grows mostly in the first half of pregnancy', () => {
    const before = glandDevelopmentAt(landmarkHours('conception', DEFAULT_SCENARIO), DEFAULT_SCENARIO);
    const mid = glandDevelopmentAt(-20 * 7 * 24, DEFAULT_SCENARIO);
    const term = glandDevelopmentAt(0, DEFAULT_SCENARIO);
    expect(before).toBeCloseTo(0.15, 5);
    expect(mid - before).toBeGreaterThan(term - mid);
    expect(glandDevelopmentAt(days(60), DEFAULT_SCENARIO)).toBe(1);
  });

  it('regresses over weeks after weaning, after a first phase that keeps the structure', () => {
    const weaning = days(365);
    const atWeaning = glandDevelopmentAt(weaning, DEFAULT_SCENARIO);
    expect(glandDevelopmentAt(weaning + 24, DEFAULT_SCENARIO)).toBe(atWeaning);
    const advanced = glandDevelopmentAt(landmarkHours('involution-advanced', DEFAULT_SCENARIO), DEFAULT_SCENARIO);
    expect(advanced).toBeLessThan(0.25);
    expect(secretionAt(weaning + days(42), DEFAULT_SCENARIO)).toBeLessThan(0.05);
  });

  it('regrows over days to weeks in relactation', () => {
    const restart = days(50);
    const atRestart = glandDevelopmentAt(restart, relactation);
    expect(atRestart).toBeLessThan(glandDevelopmentAt(days(19), relactation));
    expect(glandDevelopmentAt(restart + days(21), relactation)).toBeGreaterThan(atRestart);
    expect(secretionAt(restart + days(21), relactation)).toBeGreaterThan(secretionAt(restart, relactation) + 0.3);
  });

  it('develops less in induced lactation, starting from stimulation', () => {
    expect(secretionAt(-1, induced)).toBe(0);
    expect(secretionAt(days(60), induced)).toBeGreaterThan(0.3);
    expect(secretionAt(days(60), induced)).toBeLessThan(secretionAt(days(60), DEFAULT_SCENARIO));
    expect(placentaPresentAt(-100, induced)).toBe(false);
  });
});

describe('resting fullness', () => {
  it('is empty before lactation, about 0.6 in established lactation, and rises then falls after weaning', () => {
    expect(restingFullnessAt(landmarkHours('conception', DEFAULT_SCENARIO), DEFAULT_SCENARIO)).toBe(0);
    expect(restingFullnessAt(days(100), DEFAULT_SCENARIO)).toBeCloseTo(0.6, 5);
    const weaning = days(365);
    expect(restingFullnessAt(weaning + 36, DEFAULT_SCENARIO)).toBeGreaterThan(0.85);
    expect(restingFullnessAt(weaning + days(42), DEFAULT_SCENARIO)).toBeLessThan(0.1);
  });

  it('peaks around when the milk is felt coming in', () => {
    const felt = landmarkHours('milk-felt', DEFAULT_SCENARIO);
    expect(restingFullnessAt(felt, DEFAULT_SCENARIO)).toBeGreaterThan(restingFullnessAt(12, DEFAULT_SCENARIO));
  });
});
