import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateSupply } from '../../../src/shared/physiology/supply-demand';
import { clampSupplyInputs, DEFAULT_SUPPLY_INPUTS, SUPPLY_LIMITS, type SupplyInputs } from '../../../src/shared/physiology/supply-inputs';

/** Every number in the inputs, with its field path, to check them all at once. */
function numbersOf(inputs: SupplyInputs): [string, number][] {
  const out: [string, number][] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'number') out.push([path, value]);
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}.${i}`));
    else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(inputs, '');
  return out;
}

describe('SUPPLY_LIMITS', () => {
  it('has a default inside every range, and the defaults read back unchanged with no notes', () => {
    for (const [field, spec] of Object.entries(SUPPLY_LIMITS)) {
      expect(spec.min, field).toBeLessThanOrEqual(spec.default);
      expect(spec.default, field).toBeLessThanOrEqual(spec.max);
    }
    expect(clampSupplyInputs(DEFAULT_SUPPLY_INPUTS)).toEqual({ inputs: DEFAULT_SUPPLY_INPUTS, notes: [] });
    expect(clampSupplyInputs({})).toEqual({ inputs: DEFAULT_SUPPLY_INPUTS, notes: [] });
  });

  it('keeps the sourced ranges: 4–18 feeds, a 67% default removal, 74–606 mL of storage with 210 by default', () => {
    expect([SUPPLY_LIMITS.feedsPerDay.min, SUPPLY_LIMITS.feedsPerDay.max]).toEqual([4, 18]);
    expect(SUPPLY_LIMITS.removalShare.default).toBeCloseTo(0.67, 2);
    expect([SUPPLY_LIMITS.storageCapacityMl.min, SUPPLY_LIMITS.storageCapacityMl.default, SUPPLY_LIMITS.storageCapacityMl.max]).toEqual([74, 210, 606]);
  });
});

describe('clampSupplyInputs', () => {
  it('clamps values outside the ranges and says so', () => {
    const { inputs, notes } = clampSupplyInputs({ feedsPerDay: 40, removalShare: 1.4, pumpingPerDay: -2, breasts: [{ storageCapacityMl: 20 }, { removalEffectiveness: 9 }] });
    expect(inputs.feedsPerDay).toBe(18);
    expect(inputs.removalShare).toBe(SUPPLY_LIMITS.removalShare.max);
    expect(inputs.pumpingPerDay).toBe(0);
    expect(inputs.breasts[0].storageCapacityMl).toBe(74);
    expect(inputs.breasts[1].removalEffectiveness).toBe(1.5);
    expect(inputs.breasts[1].storageCapacityMl).toBe(210);
    expect(notes).toEqual([
      { field: 'feedsPerDay', given: 40, used: 18, reason: 'above-max' },
      { field: 'removalShare', given: 1.4, used: 0.95, reason: 'above-max' },
      { field: 'pumpingPerDay', given: -2, used: 0, reason: 'below-min' },
      { field: 'breasts.left.storageCapacityMl', given: 20, used: 74, reason: 'below-min' },
      { field: 'breasts.right.removalEffectiveness', given: 9, used: 1.5, reason: 'above-max' },
    ]);
  });

  it('replaces non-numbers with the default and rounds counts', () => {
    const { inputs, notes } = clampSupplyInputs({ feedsPerDay: '12', removalShare: NaN, longestNightGapHours: Infinity, days: 7.6 });
    expect(inputs.feedsPerDay).toBe(11);
    expect(inputs.removalShare).toBe(0.67);
    expect(inputs.longestNightGapHours).toBe(6);
    expect(inputs.days).toBe(8);
    expect(notes.map((n) => [n.field, n.reason, n.used])).toEqual([
      ['days', 'rounded', 8],
      ['feedsPerDay', 'not-a-number', 11],
      ['removalShare', 'not-a-number', 0.67],
      ['longestNightGapHours', 'not-a-number', 6],
    ]);
  });

  it('raises a night gap shorter than the even spacing of the feeds: it would not be the longest', () => {
    const { inputs, notes } = clampSupplyInputs({ feedsPerDay: 5, longestNightGapHours: 3 });
    expect(inputs.longestNightGapHours).toBeCloseTo(24 / 5, 10);
    expect(notes).toEqual([{ field: 'longestNightGapHours', given: 3, used: 24 / 5, reason: 'below-min' }]);
  });

  it('falls back to the default for unknown choices and drops malformed skipped feeds', () => {
    const { inputs, notes } = clampSupplyInputs({
      offer: 'sometimes',
      pumpSide: 3,
      skippedFeeds: [{ day: 2, feed: 1 }, { day: 'x', feed: 1 }, null, { day: 99, feed: 30 }],
      startFrom: { kind: 'breasts', breasts: [{ potentialMlPerHour: 80, fullness: -1 }, {}] },
    });
    expect(inputs.offer).toBe('alternate');
    expect(inputs.pumpSide).toBe('both');
    expect(inputs.skippedFeeds).toEqual([
      { day: 2, feed: 1 },
      { day: 13, feed: 10 },
    ]);
    expect(inputs.startFrom).toEqual({ kind: 'breasts', breasts: [{ potentialMlPerHour: 56, fullness: 0 }, { potentialMlPerHour: 27, fullness: 0.4 }] });
    expect(notes.map((n) => `${n.field}:${n.reason}`)).toEqual([
      'offer:unknown-choice',
      'pumpSide:unknown-choice',
      'skippedFeeds.1:dropped',
      'skippedFeeds.2:dropped',
      'skippedFeeds.3.day:above-max',
      'skippedFeeds.3.feed:above-max',
      'startFrom.breasts.left.potentialMlPerHour:above-max',
      'startFrom.breasts.left.fullness:below-min',
    ]);
  });

  it('accepts null for stopRemovalAfterDay (never) and clamps a number', () => {
    expect(clampSupplyInputs({ stopRemovalAfterDay: null }).inputs.stopRemovalAfterDay).toBeNull();
    expect(clampSupplyInputs({ stopRemovalAfterDay: -3 }).inputs.stopRemovalAfterDay).toBe(0);
  });

  it('never throws and never yields NaN or a value outside its range, whatever it is given', () => {
    const field = fc.oneof(fc.anything(), fc.double(), fc.integer({ min: -1000, max: 1000 }));
    const rawInputs = fc.oneof(
      fc.anything(),
      fc.record(
        {
          days: field,
          feedsPerDay: field,
          removalShare: field,
          longestNightGapHours: field,
          pumpingPerDay: field,
          pumpRemovalShare: field,
          offer: field,
          breasts: fc.oneof(field, fc.tuple(fc.record({ storageCapacityMl: field, removalEffectiveness: field }), fc.anything())),
          skippedFeeds: fc.oneof(field, fc.array(fc.record({ day: field, feed: field }), { maxLength: 4 })),
          stopRemovalAfterDay: field,
          startFrom: fc.oneof(field, fc.record({ kind: fc.constantFrom('breasts', 'established-lactation'), breasts: field })),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(rawInputs, (raw) => {
        const { inputs, notes } = clampSupplyInputs(raw);
        for (const [path, value] of numbersOf(inputs)) expect(Number.isFinite(value), path).toBe(true);
        const L = SUPPLY_LIMITS;
        expect(inputs.feedsPerDay >= L.feedsPerDay.min && inputs.feedsPerDay <= L.feedsPerDay.max && Number.isInteger(inputs.feedsPerDay)).toBe(true);
        expect(inputs.days >= L.days.min && inputs.days <= L.days.max && Number.isInteger(inputs.days)).toBe(true);
        expect(inputs.removalShare >= L.removalShare.min && inputs.removalShare <= L.removalShare.max).toBe(true);
        expect(inputs.longestNightGapHours >= 24 / inputs.feedsPerDay - 1e-12 && inputs.longestNightGapHours <= L.longestNightGapHours.max).toBe(true);
        for (const breast of inputs.breasts) expect(breast.storageCapacityMl >= 74 && breast.storageCapacityMl <= 606).toBe(true);
        for (const skipped of inputs.skippedFeeds) expect(skipped.day < inputs.days && skipped.feed < inputs.feedsPerDay).toBe(true);
        for (const note of notes) if (typeof note.used === 'number') expect(Number.isFinite(note.used)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('gives runs with finite numbers only, even from garbage', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const result = simulateSupply(clampSupplyInputs(raw).inputs);
        const series = result.breasts.flatMap((b) => [...b.synthesisMlPerHour, ...b.fullness, ...b.potentialMlPerHour]);
        expect(series.every(Number.isFinite)).toBe(true);
        expect(Number.isFinite(result.summary.producedTotalMl)).toBe(true);
      }),
      { numRuns: 20 },
    );
  });
});
