import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCENARIO,
  clampScenario,
  describeLifeTime,
  hoursToScrubber,
  landmarkHours,
  scenarioLandmarks,
  scrubberToHours,
  timelineRange,
} from '../../../src/shared/physiology/life-timeline';
import { HOURS_PER_DAY, HOURS_PER_WEEK, type LandmarkId, type Scenario } from '../../../src/shared/physiology/physiology-types';

const HOURS_PER_MONTH = (365.25 / 12) * HOURS_PER_DAY;
const relactation: Scenario = { ...DEFAULT_SCENARIO, kind: 'relactation', relactation: { stoppedDay: 20, restartedDay: 50 } };
const induced: Scenario = { ...DEFAULT_SCENARIO, kind: 'induced-lactation' };

/** Scenarios of every kind, including fields a model function must survive. */
const anyScenario = fc.record({
  kind: fc.constantFrom('term-birth', 'relactation', 'induced-lactation'),
  retainedPlacenta: fc.boolean(),
  labourStress: fc.double(),
  weaningDay: fc.oneof(fc.constant(null), fc.double()),
  relactation: fc.record({ stoppedDay: fc.double(), restartedDay: fc.double() }),
});

describe('landmarks', () => {
  it('place the sourced times of a term birth', () => {
    const at = (id: LandmarkId) => landmarkHours(id, DEFAULT_SCENARIO);
    expect(at('before-pregnancy')).toBe(-44 * HOURS_PER_WEEK);
    expect(at('conception')).toBe(-38 * HOURS_PER_WEEK);
    expect(at('mid-pregnancy')).toBe(-24 * HOURS_PER_WEEK); // gestational week 16
    expect(at('birth')).toBe(0);
    expect(at('placenta-delivered')).toBe(0.5);
    // Arthur 1989: copious secretion between 24 and 48 h; milk felt at 59 ± 13 h.
    expect(at('copious-secretion')).toBeGreaterThanOrEqual(24);
    expect(at('copious-secretion')).toBeLessThanOrEqual(48);
    expect(at('milk-felt')).toBe(59);
    expect(at('delayed-threshold')).toBe(72);
    expect(at('weaning')).toBe(365 * HOURS_PER_DAY);
    expect(at('involution-advanced') - at('weaning')).toBe(42 * HOURS_PER_DAY);
  });

  it('come in time order on every timeline', () => {
    for (const scenario of [DEFAULT_SCENARIO, relactation, induced, { ...DEFAULT_SCENARIO, retainedPlacenta: true, labourStress: 1 }]) {
      const hours = scenarioLandmarks(scenario).map((id) => landmarkHours(id, scenario));
      expect(hours).toEqual([...hours].sort((a, b) => a - b));
    }
  });

  it('move copious secretion and the milk felt later with retained placenta and with labour stress', () => {
    const retained = { ...DEFAULT_SCENARIO, retainedPlacenta: true };
    const stressed = { ...DEFAULT_SCENARIO, labourStress: 1 };
    for (const id of ['copious-secretion', 'milk-felt'] as const) {
      expect(landmarkHours(id, retained)).toBeGreaterThan(5 * HOURS_PER_DAY);
      expect(landmarkHours(id, stressed)).toBeGreaterThan(landmarkHours(id, DEFAULT_SCENARIO));
    }
    expect(landmarkHours('milk-felt', stressed)).toBeGreaterThan(72);
  });

  it('leave the pregnancy out of induced lactation, and weaning out when there is none', () => {
    expect(scenarioLandmarks(induced)).not.toContain('conception');
    expect(scenarioLandmarks(induced)).not.toContain('placenta-delivered');
    expect(scenarioLandmarks({ ...DEFAULT_SCENARIO, weaningDay: null })).not.toContain('weaning');
    expect(Number.isFinite(landmarkHours('weaning', { ...DEFAULT_SCENARIO, weaningDay: null }))).toBe(true);
  });
});

describe('the scrubber', () => {
  it('spans the timeline from 0 to 1', () => {
    for (const scenario of [DEFAULT_SCENARIO, relactation, induced]) {
      const { start, end } = timelineRange(scenario);
      expect(scrubberToHours(0, scenario)).toBe(start);
      expect(scrubberToHours(1, scenario)).toBe(end);
      expect(hoursToScrubber(start, scenario)).toBe(0);
      expect(hoursToScrubber(end, scenario)).toBe(1);
    }
  });

  it('gives the first two days as much room as a third of the pregnancy', () => {
    const birth = hoursToScrubber(0, DEFAULT_SCENARIO);
    const twoDays = hoursToScrubber(48, DEFAULT_SCENARIO);
    const pregnancyThird = hoursToScrubber(0, DEFAULT_SCENARIO) - hoursToScrubber(-13 * HOURS_PER_WEEK, DEFAULT_SCENARIO);
    expect(twoDays - birth).toBeGreaterThan(pregnancyThird);
  });

  it('is monotonic and round-trips position → hours → position', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), anyScenario, (a, b, scenario) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(scrubberToHours(low, scenario)).toBeLessThanOrEqual(scrubberToHours(high, scenario));
        expect(hoursToScrubber(scrubberToHours(a, scenario), scenario)).toBeCloseTo(a, 9);
      }),
    );
  });

  it('round-trips hours → position → hours', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), anyScenario, (share, scenario) => {
        const { start, end } = timelineRange(scenario);
        const hours = start + (end - start) * share;
        const back = scrubberToHours(hoursToScrubber(hours, scenario), scenario);
        expect(Math.abs(back - hours)).toBeLessThan(1e-6 * (end - start));
      }),
    );
  });

  it('clamps any number, NaN and infinities included', () => {
    fc.assert(
      fc.property(fc.double(), anyScenario, (x, scenario) => {
        const position = hoursToScrubber(x, scenario);
        const hours = scrubberToHours(x, scenario);
        const { start, end } = timelineRange(scenario);
        expect(position).toBeGreaterThanOrEqual(0);
        expect(position).toBeLessThanOrEqual(1);
        expect(hours).toBeGreaterThanOrEqual(start);
        expect(hours).toBeLessThanOrEqual(end);
      }),
    );
  });
});

describe('describeLifeTime', () => {
  it('names each span of life in its own unit', () => {
    expect(describeLifeTime(-20 * HOURS_PER_WEEK)).toEqual({ unit: 'pregnancy-week', value: 20 });
    expect(describeLifeTime(-44 * HOURS_PER_WEEK)).toEqual({ unit: 'before-pregnancy', value: 6 });
    expect(describeLifeTime(30)).toEqual({ unit: 'hour', value: 30 });
    // Day 1 is the first 24 h, so 3.5 days after birth is day 4.
    expect(describeLifeTime(3.5 * HOURS_PER_DAY)).toEqual({ unit: 'day', value: 4 });
    expect(describeLifeTime(10 * HOURS_PER_WEEK)).toEqual({ unit: 'week', value: 10 });
    expect(describeLifeTime(7 * HOURS_PER_MONTH)).toEqual({ unit: 'month', value: 7 });
  });

  it('never returns NaN', () => {
    fc.assert(
      fc.property(fc.double(), (hours) => {
        expect(Number.isFinite(describeLifeTime(hours).value)).toBe(true);
      }),
    );
  });
});

describe('clampScenario', () => {
  it('keeps a valid scenario and reports nothing', () => {
    expect(clampScenario(DEFAULT_SCENARIO)).toEqual({ scenario: DEFAULT_SCENARIO, notes: [] });
    expect(clampScenario(relactation)).toEqual({ scenario: relactation, notes: [] });
  });

  it('clamps out-of-range numbers with a note of what was given and what is used', () => {
    const { scenario, notes } = clampScenario({ labourStress: 3, weaningDay: -5 });
    expect(scenario.labourStress).toBe(1);
    expect(scenario.weaningDay).toBe(1);
    expect(notes).toEqual([
      { field: 'labourStress', given: 3, used: 1 },
      { field: 'weaningDay', given: -5, used: 1 },
    ]);
  });

  it('replaces NaN and wrong types with the defaults, and never yields NaN', () => {
    const { scenario, notes } = clampScenario({ kind: 'twins', labourStress: Number.NaN, retainedPlacenta: 'yes' });
    expect(scenario).toEqual(DEFAULT_SCENARIO);
    expect(notes.map((n) => n.field)).toEqual(['kind', 'retainedPlacenta', 'labourStress']);
    fc.assert(
      fc.property(fc.anything(), anyScenario, (junk, candidate) => {
        for (const input of [junk, candidate]) {
          const used = clampScenario(input).scenario;
          expect(Number.isFinite(used.labourStress)).toBe(true);
          expect(used.weaningDay === null || Number.isFinite(used.weaningDay)).toBe(true);
          if (used.relactation) expect(used.relactation.restartedDay).toBeGreaterThan(used.relactation.stoppedDay);
        }
      }),
    );
  });

  it('gives induced lactation no placenta to retain', () => {
    const { scenario, notes } = clampScenario({ kind: 'induced-lactation', retainedPlacenta: true });
    expect(scenario.retainedPlacenta).toBe(false);
    expect(notes).toEqual([{ field: 'retainedPlacenta', given: true, used: false }]);
  });

  it('fills in a relactation and keeps weaning after the restart', () => {
    const { scenario } = clampScenario({ kind: 'relactation', weaningDay: 10 });
    expect(scenario.relactation).toEqual({ stoppedDay: 14, restartedDay: 28 });
    expect(scenario.weaningDay).toBe(29);
  });
});
