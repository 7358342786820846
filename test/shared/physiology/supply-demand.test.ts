import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { P_MAX_ML_PER_HOUR, simulateSupply, type SupplyRun } from '../../../src/shared/physiology/supply-demand';
import { clampSupplyInputs, DEFAULT_SUPPLY_INPUTS, type SupplyInputs } from '../../../src/shared/physiology/supply-inputs';
import { removalSchedule } from '../../../src/shared/physiology/supply-schedule';

/** Valid inputs from a partial setting, through the same reader the UI uses. */
function inputs(changes: Partial<SupplyInputs> = {}): SupplyInputs {
  const { inputs: read, notes } = clampSupplyInputs({ ...DEFAULT_SUPPLY_INPUTS, ...changes });
  expect(notes).toEqual([]);
  return read;
}

const run = (changes: Partial<SupplyInputs> = {}): SupplyRun => simulateSupply(inputs(changes));
const lastDayTotal = (changes: Partial<SupplyInputs>): number => run(changes).summary.producedTotalMl;
const breastsWith = (left: Partial<SupplyInputs['breasts'][0]>, right: Partial<SupplyInputs['breasts'][1]> = {}): SupplyInputs['breasts'] => [
  { ...DEFAULT_SUPPLY_INPUTS.breasts[0], ...left },
  { ...DEFAULT_SUPPLY_INPUTS.breasts[1], ...right },
];

/** A typical-to-wide setting: any feeding pattern a thriving baby might have, 14 days. */
const setting = fc.record({
  feedsPerDay: fc.integer({ min: 6, max: 18 }),
  removalShare: fc.double({ min: 0.4, max: 0.9, noNaN: true }),
  longestNightGapHours: fc.double({ min: 4, max: 10, noNaN: true }),
  offer: fc.constantFrom('alternate' as const, 'both' as const),
  capacity: fc.double({ min: 100, max: 400, noNaN: true }),
});
type Setting = typeof setting extends fc.Arbitrary<infer T> ? T : never;

function fromSetting(s: Setting): Partial<SupplyInputs> {
  const { capacity, ...rest } = s;
  return { ...rest, longestNightGapHours: Math.max(s.longestNightGapHours, 24 / s.feedsPerDay), breasts: breastsWith({ storageCapacityMl: capacity }, { storageCapacityMl: capacity }) };
}

describe('simulateSupply: calibration against the sources', () => {
  it('settles the default setting (11 one-breast feeds, 67% removal, 6 h night gap) within the 750–900 mL/d mean', () => {
    const summary = run().summary;
    expect(summary.producedTotalMl).toBeGreaterThan(750);
    expect(summary.producedTotalMl).toBeLessThan(900);
  });

  it('keeps 10–14 feeds a day within 750–900 mL/d and 6–18 feeds within 478–1,356 mL/d (Kent 2006)', () => {
    for (const feedsPerDay of [10, 12, 14]) {
      const total = lastDayTotal({ feedsPerDay });
      expect(total, `${feedsPerDay} feeds`).toBeGreaterThan(750);
      expect(total, `${feedsPerDay} feeds`).toBeLessThan(900);
    }
    for (const feedsPerDay of [6, 18]) {
      for (const removalShare of [0.6, 0.76]) {
        const total = lastDayTotal({ feedsPerDay, removalShare });
        expect(total, `${feedsPerDay} feeds at ${removalShare}`).toBeGreaterThan(478);
        expect(total, `${feedsPerDay} feeds at ${removalShare}`).toBeLessThan(1356);
      }
    }
  });

  it('takes about what a baby takes per feed (76.0 ± 12.6 g, Kent 2006) from a breast about half full', () => {
    const result = run();
    const lastDay = result.days[result.days.length - 1];
    if (!lastDay) throw new Error('no days');
    const perFeed = lastDay.removedTotalMl / (lastDay.removals[0] + lastDay.removals[1]);
    expect(perFeed).toBeGreaterThan(76 - 12.6);
    expect(perFeed).toBeLessThan(76 + 12.6);
    // What is removed equals what is made once the breasts have settled.
    expect(Math.abs(lastDay.removedTotalMl - lastDay.producedTotalMl)).toBeLessThan(0.03 * lastDay.producedTotalMl);
  });

  it('gives mean synthesis rates per breast near the 23 mL/h Cox 1996 measured (within 10–35 mL/h)', () => {
    for (const rate of run().summary.meanSynthesisMlPerHour) {
      expect(rate).toBeGreaterThan(10);
      expect(rate).toBeLessThan(35);
    }
  });

  it('starts from established lactation: the first day already makes most of the settled amount', () => {
    const result = run();
    expect(result.days[0]?.producedTotalMl).toBeGreaterThan(0.9 * result.summary.producedTotalMl);
  });
});

describe('simulateSupply: supply follows demand', () => {
  it('makes more milk with more frequent feeding', () => {
    fc.assert(
      fc.property(setting, fc.integer({ min: 1, max: 6 }), (s, extra) => {
        fc.pre(s.feedsPerDay + extra <= 18);
        const fewer = lastDayTotal(fromSetting(s));
        const more = lastDayTotal(fromSetting({ ...s, feedsPerDay: s.feedsPerDay + extra }));
        expect(more).toBeGreaterThan(fewer);
      }),
      { numRuns: 40 },
    );
  });

  it('makes more milk when each feed removes a bigger share', () => {
    fc.assert(
      fc.property(setting, fc.double({ min: 0.05, max: 0.3, noNaN: true }), (s, extra) => {
        fc.pre(s.removalShare + extra <= 0.95);
        const less = lastDayTotal(fromSetting(s));
        const more = lastDayTotal(fromSetting({ ...s, removalShare: s.removalShare + extra }));
        expect(more).toBeGreaterThan(less);
      }),
      { numRuns: 40 },
    );
  });

  it('makes more milk when the baby (or pump) drains both breasts more effectively', () => {
    const weaker = lastDayTotal({ breasts: breastsWith({ removalEffectiveness: 0.8 }, { removalEffectiveness: 0.8 }) });
    const usual = lastDayTotal({});
    const stronger = lastDayTotal({ breasts: breastsWith({ removalEffectiveness: 1.2 }, { removalEffectiveness: 1.2 }) });
    expect(weaker).toBeLessThan(usual);
    expect(stronger).toBeGreaterThan(usual);
  });

  it('makes less milk with a longer night gap', () => {
    fc.assert(
      fc.property(setting, fc.double({ min: 1, max: 6, noNaN: true }), (s, extra) => {
        const shorterGap = Math.max(s.longestNightGapHours, 24 / s.feedsPerDay);
        fc.pre(shorterGap + extra <= 12);
        const shorter = lastDayTotal({ ...fromSetting(s), longestNightGapHours: shorterGap });
        const longer = lastDayTotal({ ...fromSetting(s), longestNightGapHours: shorterGap + extra });
        expect(longer).toBeLessThan(shorter);
      }),
      { numRuns: 40 },
    );
  });

  it('makes more milk with extra pumping sessions', () => {
    expect(lastDayTotal({ pumpingPerDay: 2 })).toBeGreaterThan(lastDayTotal({}));
  });

  it('makes less milk on a day with skipped feeds', () => {
    const skipped = run({ skippedFeeds: [3, 4, 5].map((feed) => ({ day: 10, feed })) });
    const usual = run();
    expect(skipped.days[10]?.producedTotalMl).toBeLessThan((usual.days[10]?.producedTotalMl ?? 0) - 20);
    expect(skipped.days[9]?.producedTotalMl).toBe(usual.days[9]?.producedTotalMl);
  });
});

describe('simulateSupply: each breast regulates itself', () => {
  it('raises the production of the breast drained more and leaves the other unchanged', () => {
    fc.assert(
      fc.property(setting, fc.double({ min: 1.15, max: 1.5, noNaN: true }), fc.constantFrom(0 as const, 1 as const), (s, effectiveness, side) => {
        const base = fromSetting(s);
        const [left, right] = base.breasts ?? DEFAULT_SUPPLY_INPUTS.breasts;
        const boosted = side === 0 ? breastsWith({ ...left, removalEffectiveness: effectiveness }, right) : breastsWith(left, { ...right, removalEffectiveness: effectiveness });
        const before = run(base).summary.producedMl;
        const after = run({ ...base, breasts: boosted }).summary.producedMl;
        const other = side === 0 ? 1 : 0;
        expect(after[side]).toBeGreaterThan(before[side]);
        expect(Math.abs(after[other] - before[other])).toBeLessThanOrEqual(0.01 * before[other]);
      }),
      { numRuns: 30 },
    );
  });

  it('raises only the pumped breast when one side is pumped', () => {
    const before = run().summary.producedMl;
    const after = run({ pumpingPerDay: 3, pumpSide: 'right' }).summary.producedMl;
    expect(after[1]).toBeGreaterThan(before[1] + 30);
    expect(after[0]).toBeCloseTo(before[0], 0);
  });

  it('lets a breast that is never drained stop making milk while the other carries on', () => {
    const result = run({ offer: 'left-only', days: 28 });
    expect(result.summary.producedMl[1]).toBeLessThan(5);
    expect(result.summary.producedMl[0]).toBeGreaterThan(400);
  });
});

describe('simulateSupply: involution after weaning', () => {
  const weaned = run({ days: 35, stopRemovalAfterDay: 7 });
  const produced = weaned.days.map((d) => d.producedTotalMl);

  it('removes nothing from the weaning day on', () => {
    expect(weaned.removals.every((r) => r.hour < 7 * 24)).toBe(true);
    expect(weaned.days.slice(7).every((d) => d.removedTotalMl === 0)).toBe(true);
  });

  it('lets production fall day after day towards zero', () => {
    const before = produced[6] ?? 0;
    for (let day = 8; day < produced.length; day += 1) expect(produced[day], `day ${day}`).toBeLessThanOrEqual(produced[day - 1] ?? 0);
    expect(produced[8]).toBeLessThan(0.25 * before);
    expect(produced[8]).toBeGreaterThan(0);
    expect(produced[produced.length - 1]).toBeLessThan(0.01 * before);
  });

  it('lets the potential decay over days to weeks, not at once', () => {
    const potentialAt = (day: number): number => weaned.breasts[0].potentialMlPerHour[day * 48 - 1] ?? NaN;
    expect(potentialAt(9)).toBeGreaterThan(0.4 * potentialAt(7));
    expect(potentialAt(14)).toBeLessThan(0.2 * potentialAt(7));
    expect(potentialAt(35)).toBeLessThan(0.01 * potentialAt(7));
  });
});

describe('simulateSupply: bounds and series', () => {
  const anySetting = fc.record({
    feedsPerDay: fc.integer({ min: 4, max: 18 }),
    removalShare: fc.double({ min: 0.1, max: 0.95, noNaN: true }),
    longestNightGapHours: fc.double({ min: 2, max: 12, noNaN: true }),
    pumpingPerDay: fc.integer({ min: 0, max: 8 }),
    offer: fc.constantFrom('alternate' as const, 'both' as const, 'left-only' as const, 'right-only' as const),
    breasts: fc.tuple(
      fc.record({ storageCapacityMl: fc.double({ min: 74, max: 606, noNaN: true }), removalEffectiveness: fc.double({ min: 0, max: 1.5, noNaN: true }) }),
      fc.record({ storageCapacityMl: fc.double({ min: 74, max: 606, noNaN: true }), removalEffectiveness: fc.double({ min: 0, max: 1.5, noNaN: true }) }),
    ),
    stopRemovalAfterDay: fc.option(fc.integer({ min: 0, max: 14 }), { nil: null }),
    startFrom: fc.record({
      kind: fc.constant('breasts' as const),
      breasts: fc.tuple(
        fc.record({ potentialMlPerHour: fc.double({ min: 0, max: 56, noNaN: true }), fullness: fc.double({ min: 0, max: 1, noNaN: true }) }),
        fc.record({ potentialMlPerHour: fc.double({ min: 0, max: 56, noNaN: true }), fullness: fc.double({ min: 0, max: 1, noNaN: true }) }),
      ),
    }),
  });

  // Synthesis is the potential times a share of at most 1, and the potential is held at or below the
  // top of the short-term rates measured per breast (0–56 mL/h, Daly 1996), however the breast is fed.
  it('keeps synthesis within 0–56 mL/h and fullness within 0 … 1 for any valid setting', () => {
    fc.assert(
      fc.property(anySetting, (raw) => {
        const result = simulateSupply(clampSupplyInputs(raw).inputs);
        const within = (values: number[], max: number): boolean => values.every((v) => v >= 0 && v <= max);
        for (const breast of result.breasts) {
          expect(within(breast.synthesisMlPerHour, P_MAX_ML_PER_HOUR)).toBe(true);
          expect(within(breast.potentialMlPerHour, P_MAX_ML_PER_HOUR)).toBe(true);
          expect(within(breast.fullness, 1)).toBe(true);
        }
        expect(within(result.days.flatMap((d) => [...d.producedMl, ...d.removedMl]), Number.MAX_VALUE)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('samples every 30 minutes, per breast, over the whole run, and sums each day', () => {
    const result = run({ days: 3 });
    expect(result.timeDays).toHaveLength(3 * 48);
    expect(result.timeDays[0]).toBeCloseTo(0.5 / 24, 10);
    expect(result.timeDays[result.timeDays.length - 1]).toBeCloseTo(3, 10);
    for (const breast of result.breasts) {
      expect(breast.synthesisMlPerHour).toHaveLength(3 * 48);
      expect(breast.fullness).toHaveLength(3 * 48);
    }
    expect(result.days.map((d) => d.day)).toEqual([0, 1, 2]);
    const day1 = result.days[1];
    const meanRate = result.breasts[0].synthesisMlPerHour.slice(48, 96).reduce((sum, r) => sum + r, 0) / 48;
    expect(day1?.producedMl[0]).toBeCloseTo(meanRate * 24, 0);
    expect(result.summary.producedTotalMl).toBe(result.days[2]?.producedTotalMl);
  });

  it('drops the fullness at each feed of the breast offered', () => {
    const result = run({ days: 1 });
    const firstFeed = result.removals[0];
    if (!firstFeed) throw new Error('no feeds');
    const sample = Math.floor((firstFeed.hour * 60) / result.sampleMinutes);
    const fullness = result.breasts[0].fullness;
    expect(fullness[sample]).toBeLessThan((fullness[sample - 1] ?? 0) * 0.5);
  });

  it('is deterministic: the same inputs give the same run', () => {
    const raw = { feedsPerDay: 9, removalShare: 0.71, longestNightGapHours: 7.5, pumpingPerDay: 1, skippedFeeds: [{ day: 2, feed: 1 }] };
    const first = simulateSupply(clampSupplyInputs(raw).inputs);
    const second = simulateSupply(clampSupplyInputs(JSON.parse(JSON.stringify(raw))).inputs);
    expect(second).toEqual(first);
  });
});

describe('removalSchedule', () => {
  it('places the feeds evenly over the waking hours and leaves the longest gap at night', () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 18 }), fc.double({ min: 2, max: 12, noNaN: true }), (feedsPerDay, gap) => {
        // A day's last feed can fall after midnight, so look at the first 3 days of a 4-day run.
        const read = clampSupplyInputs({ feedsPerDay, longestNightGapHours: gap, days: 4 }).inputs;
        const feeds = removalSchedule(read).filter((e) => e.kind === 'feed' && e.day < 3);
        expect(feeds).toHaveLength(3 * feedsPerDay);
        const intervals = feeds.slice(1).map((f, i) => f.hour - (feeds[i]?.hour ?? 0));
        expect(Math.max(...intervals)).toBeCloseTo(read.longestNightGapHours, 9);
        expect(intervals.reduce((a, b) => a + b, 0)).toBeCloseTo(3 * 24 - read.longestNightGapHours, 9);
      }),
    );
  });

  it('alternates breasts across days and offers both when asked', () => {
    const alternate = removalSchedule(inputs({ days: 3 })).filter((e) => e.kind === 'feed' && e.day < 2);
    expect(alternate.map((e) => (e.breasts[0] ? 'L' : 'R')).join('')).toBe('LRLRLRLRLRLRLRLRLRLRLR');
    const both = removalSchedule(inputs({ days: 1, offer: 'both' }));
    expect(both.every((e) => e.breasts[0] && e.breasts[1])).toBe(true);
  });

  it('puts pumping sessions between feeds, on the chosen side', () => {
    const schedule = removalSchedule(inputs({ days: 1, pumpingPerDay: 2, pumpSide: 'left' }));
    const pumps = schedule.filter((e) => e.kind === 'pump');
    expect(pumps).toHaveLength(2);
    expect(pumps.every((p) => p.breasts[0] && !p.breasts[1])).toBe(true);
    const feedHours = new Set(schedule.filter((e) => e.kind === 'feed').map((e) => e.hour));
    expect(pumps.some((p) => feedHours.has(p.hour))).toBe(false);
  });
});
