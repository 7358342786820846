import { describe, expect, it } from 'vitest';
import { DEFAULT_FEED, ejectionAt, planFeed } from '../../../src/shared/physiology/ejection-reflex';
import {
  HORMONE_TABLE,
  PHYSIOLOGY_SOURCES,
  hormoneCurve,
  hormoneLevelsAt,
  prolactinBaselineNgPerMl,
  prolactinNgPerMl,
} from '../../../src/shared/physiology/hormones';
import { DEFAULT_SCENARIO, HOURS_PER_MONTH, landmarkHours } from '../../../src/shared/physiology/life-timeline';
import { HORMONES, HOURS_PER_DAY, HOURS_PER_WEEK, type Scenario } from '../../../src/shared/physiology/physiology-types';

const anchor = (id: string) => {
  const found = HORMONE_TABLE.prolactin.anchors.find((a) => a.id === id);
  if (!found) throw new Error(`no prolactin anchor ${id}`);
  return found;
};
const levels = (hours: number, scenario: Scenario = DEFAULT_SCENARIO) => hormoneLevelsAt(hours, scenario, null, 0.5);

describe('HORMONE_TABLE', () => {
  it('describes every hormone with sources that exist', () => {
    expect(Object.keys(HORMONE_TABLE).sort()).toEqual([...HORMONES].sort());
    for (const info of Object.values(HORMONE_TABLE)) {
      expect(info.sources.length).toBeGreaterThan(0);
      for (const key of [...info.sources, ...info.anchors.map((a) => a.source)]) expect(PHYSIOLOGY_SOURCES[key]).toBeTruthy();
    }
  });

  it('holds the sourced prolactin numbers', () => {
    expect(anchor('non-pregnant')).toMatchObject({ value: 25, relation: 'below' });
    expect(anchor('term').value).toBe(200);
    expect(anchor('day-7').value).toBe(100);
    expect(anchor('six-months').value).toBe(50);
    expect(anchor('surge-first-6-weeks').value).toBe(8.5);
    expect(anchor('surge-7-to-28-weeks').value).toBe(6);
    expect([anchor('basal-1-month').value, anchor('basal-6-months').value]).toEqual([119, 59]);
    expect([anchor('peak-1-month').value, anchor('peak-6-months').value]).toEqual([286, 91]);
  });

  it('holds the oxytocin pulse counts under stress (Ueda 1994)', () => {
    const values = Object.fromEntries(HORMONE_TABLE.oxytocin.anchors.map((a) => [a.id, a.value]));
    expect(values['pulses-per-feed']).toBe(2.25);
    expect(values['pulses-under-arithmetic']).toBeLessThan(values['pulses-per-feed'] as number);
  });
});

describe('prolactin', () => {
  it('follows the anchors: non-pregnant below 25, term about ten times that, then 100 at day 7 and 50 at six months', () => {
    const nonPregnant = prolactinBaselineNgPerMl(landmarkHours('before-pregnancy', DEFAULT_SCENARIO), DEFAULT_SCENARIO);
    const term = prolactinBaselineNgPerMl(0, DEFAULT_SCENARIO);
    expect(nonPregnant).toBeLessThan(anchor('non-pregnant').value);
    expect(term).toBeCloseTo(anchor('term').value, 6);
    expect(term / nonPregnant).toBeCloseTo(10, 0);
    expect(prolactinBaselineNgPerMl(7 * HOURS_PER_DAY, DEFAULT_SCENARIO)).toBeCloseTo(anchor('day-7').value, 6);
    expect(prolactinBaselineNgPerMl(6 * HOURS_PER_MONTH, DEFAULT_SCENARIO)).toBeCloseTo(anchor('six-months').value, 6);
  });

  it('is already high at term, before any secretory activation', () => {
    expect(levels(0).prolactin).toBeGreaterThan(levels(landmarkHours('before-pregnancy', DEFAULT_SCENARIO)).prolactin + 0.4);
  });

  it('returns to non-pregnant levels about a week after milk removal stops', () => {
    const weaning = 365 * HOURS_PER_DAY;
    expect(prolactinBaselineNgPerMl(weaning + 7 * HOURS_PER_DAY, DEFAULT_SCENARIO)).toBeLessThan(25);
    const neverFed = { ...DEFAULT_SCENARIO, weaningDay: 1 };
    expect(prolactinBaselineNgPerMl(8 * HOURS_PER_DAY, neverFed)).toBeLessThan(25);
  });

  it('surges 8.5 × in the first six weeks and 6 × from seven weeks', () => {
    expect(prolactinNgPerMl(HOURS_PER_WEEK * 3, DEFAULT_SCENARIO, 1) / prolactinBaselineNgPerMl(HOURS_PER_WEEK * 3, DEFAULT_SCENARIO)).toBeCloseTo(8.5, 6);
    expect(prolactinNgPerMl(HOURS_PER_WEEK * 20, DEFAULT_SCENARIO, 1) / prolactinBaselineNgPerMl(HOURS_PER_WEEK * 20, DEFAULT_SCENARIO)).toBeCloseTo(6, 6);
  });

  it('rises with suckling but not with a cry alone', () => {
    const plan = planFeed(DEFAULT_FEED);
    const hours = 30 * HOURS_PER_DAY;
    const beforeLatch = hormoneLevelsAt(hours, DEFAULT_SCENARIO, ejectionAt(plan, DEFAULT_FEED.latchAt - 1), 0.5);
    const nearEnd = hormoneLevelsAt(hours, DEFAULT_SCENARIO, ejectionAt(plan, DEFAULT_FEED.endAt), 0.5);
    expect(beforeLatch.prolactin).toBe(levels(hours).prolactin);
    expect(nearEnd.prolactin).toBeGreaterThan(levels(hours).prolactin + 0.2);
    expect(nearEnd.dopamine).toBeLessThan(0.5);
  });
});

describe('placental hormones', () => {
  it('rise through pregnancy and fall sharply after the placenta', () => {
    for (const id of ['estrogen', 'progesterone', 'hpl'] as const) {
      expect(levels(-20 * HOURS_PER_WEEK)[id]).toBeLessThan(levels(-1)[id]);
      expect(levels(-1)[id]).toBeGreaterThan(0.9);
      expect(levels(48)[id]).toBeLessThan(0.05);
    }
    // hPL vanishes within hours.
    expect(levels(3).hpl).toBeLessThan(0.01);
  });

  it('progesterone stays up while fragments are retained, then falls', () => {
    const retained = { ...DEFAULT_SCENARIO, retainedPlacenta: true };
    expect(levels(72, retained).progesterone).toBeGreaterThan(0.3);
    expect(levels(72, retained).hpl).toBeLessThan(0.01);
    expect(levels(5 * HOURS_PER_DAY + 48, retained).progesterone).toBeLessThan(0.05);
  });

  it('never appear in induced lactation', () => {
    const induced = { ...DEFAULT_SCENARIO, kind: 'induced-lactation' } as const;
    for (const h of [-100, 0, 100, 1000]) {
      expect(levels(h, induced).hpl).toBe(0);
      expect(levels(h, induced).progesterone).toBeLessThan(0.1);
    }
  });
});

describe('cortisol, insulin and the inhibitor', () => {
  it('cortisol peaks around labour, higher with labour stress', () => {
    expect(levels(0).cortisol).toBeGreaterThan(levels(-10 * HOURS_PER_WEEK).cortisol);
    expect(levels(0).cortisol).toBeGreaterThan(levels(10 * HOURS_PER_DAY).cortisol);
    expect(levels(0, { ...DEFAULT_SCENARIO, labourStress: 1 }).cortisol).toBeGreaterThan(levels(0).cortisol);
  });

  it('insulin is simply present', () => {
    expect(levels(-1000).insulin).toBeGreaterThan(0);
    expect(levels(1000).insulin).toBe(levels(-1000).insulin);
  });

  it('the inhibitor follows fullness', () => {
    expect(hormoneLevelsAt(1000, DEFAULT_SCENARIO, null, 0.9).inhibitor).toBeGreaterThan(hormoneLevelsAt(1000, DEFAULT_SCENARIO, null, 0.2).inhibitor);
  });
});

describe('hormoneCurve', () => {
  it('samples the baseline evenly between the bounds', () => {
    const curve = hormoneCurve('progesterone', DEFAULT_SCENARIO, -100, 100, 5);
    expect(curve.hours).toEqual([-100, -50, 0, 50, 100]);
    expect(curve.level).toEqual(curve.hours.map((h) => hormoneLevelsAt(h, DEFAULT_SCENARIO, null, 0)?.progesterone));
  });

  it('falls back to the timeline and two samples for nonsense arguments', () => {
    const curve = hormoneCurve('prolactin', DEFAULT_SCENARIO, Number.NaN, Infinity, Number.NaN);
    expect(curve.hours).toHaveLength(2);
    expect(curve.level.every(Number.isFinite)).toBe(true);
  });
});
