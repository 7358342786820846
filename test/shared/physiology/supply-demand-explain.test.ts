import { describe, expect, it } from 'vitest';
import { simulateSupply, type SupplyRun } from '../../../src/shared/physiology/supply-demand';
import { explainSupplyChange, LITTLE_CHANGE_SHARE, SUPPLY_EXPLANATION_KEYS, type SupplyChangedField } from '../../../src/shared/physiology/supply-explain';
import { clampSupplyInputs, DEFAULT_SUPPLY_INPUTS, type SupplyInputs } from '../../../src/shared/physiology/supply-inputs';

const run = (changes: Partial<SupplyInputs> = {}): SupplyRun => simulateSupply(clampSupplyInputs({ ...DEFAULT_SUPPLY_INPUTS, ...changes }).inputs);
const usual = run();

function explain(changes: Partial<SupplyInputs>, field: SupplyChangedField, before: SupplyRun = usual) {
  return explainSupplyChange(before, run(changes), field);
}

describe('explainSupplyChange', () => {
  it('names the physiology of each one-setting change, in both directions', () => {
    const cases: [Partial<SupplyInputs>, SupplyChangedField, string][] = [
      [{ feedsPerDay: 14 }, 'feedsPerDay', 'more-feeds-more-milk'],
      [{ feedsPerDay: 7 }, 'feedsPerDay', 'fewer-feeds-less-milk'],
      [{ removalShare: 0.8 }, 'removalShare', 'more-removal-more-milk'],
      [{ removalShare: 0.5 }, 'removalShare', 'less-removal-less-milk'],
      [{ longestNightGapHours: 10 }, 'longestNightGapHours', 'long-gap-less-milk'],
      [{ longestNightGapHours: 3 }, 'longestNightGapHours', 'short-gap-more-milk'],
      [{ pumpingPerDay: 3 }, 'pumpingPerDay', 'more-pumping-more-milk'],
      [{ offer: 'both' }, 'offer', 'both-breasts-more-milk'],
      [{ skippedFeeds: [2, 3, 4, 5].map((feed) => ({ day: 13, feed })) }, 'skippedFeeds', 'skipped-feeds-less-milk'],
      [{ stopRemovalAfterDay: 7 }, 'stopRemovalAfterDay', 'removal-stopped-involution'],
    ];
    for (const [changes, field, key] of cases) expect(explain(changes, field).key, `${field} → ${JSON.stringify(changes)}`).toBe(key);
  });

  it('reports the numbers the sentence needs, rounded', () => {
    const explanation = explain({ feedsPerDay: 14 }, 'feedsPerDay');
    const { values } = explanation;
    expect(explanation.field).toBe('feedsPerDay');
    expect(values.beforeSetting).toBe(11);
    expect(values.afterSetting).toBe(14);
    expect(values.beforeTotalMl).toBe(Math.round(usual.summary.producedTotalMl));
    expect(values.changeMl).toBe(Number(values.afterTotalMl) - Number(values.beforeTotalMl));
    expect(Number(values.changePercent)).toBeGreaterThan(5);
    for (const value of Object.values(values)) if (typeof value === 'number') expect(Number.isInteger(value)).toBe(true);
  });

  it('reports a change of one breast as that breast changing and the other staying the same', () => {
    const explanation = explain({ breasts: [DEFAULT_SUPPLY_INPUTS.breasts[0], { storageCapacityMl: 210, removalEffectiveness: 1.4 }] }, 'breasts.right.removalEffectiveness');
    expect(explanation.key).toBe('one-breast-changes-other-unchanged');
    expect(explanation.values.changedSide).toBe('right');
    expect(explanation.values.otherSide).toBe('left');
    expect(Number(explanation.values.changedAfterMl)).toBeGreaterThan(Number(explanation.values.changedBeforeMl));
    expect(explanation.values.otherAfterMl).toBe(Math.round(usual.summary.producedMl[0]));

    const pumpedLeft = explain({ pumpingPerDay: 2, pumpSide: 'left' }, 'pumpingPerDay');
    expect(pumpedLeft.key).toBe('one-breast-changes-other-unchanged');
    expect(pumpedLeft.values.changedSide).toBe('left');
  });

  it('says when only one breast is offered', () => {
    const explanation = explain({ offer: 'right-only' }, 'offer');
    expect(explanation.key).toBe('one-side-only');
    expect(explanation.values.fedSide).toBe('right');
    expect(explanation.values.otherSide).toBe('left');
  });

  it('calls a tiny difference little change, and a run compared with itself too', () => {
    expect(explainSupplyChange(usual, usual, 'feedsPerDay').key).toBe('little-change');
    expect(explain({ removalShare: 0.675 }, 'removalShare').key).toBe('little-change');
  });

  it('falls back to plain more or less milk when the setting has no story of its own', () => {
    const fromEmpty = run({ startFrom: { kind: 'breasts', breasts: [{ potentialMlPerHour: 0, fullness: 0 }, { potentialMlPerHour: 0, fullness: 0 }] }, days: 2 });
    expect(explainSupplyChange(run({ days: 2 }), fromEmpty, 'startFrom').key).toBe('less-milk');
  });

  it('only ever returns documented keys', () => {
    const fields: SupplyChangedField[] = ['feedsPerDay', 'offer', 'pumpSide', 'days'];
    for (const field of fields) expect(SUPPLY_EXPLANATION_KEYS).toContain(explain({ feedsPerDay: 6, offer: 'both', pumpSide: 'right', pumpingPerDay: 1 }, field).key);
  });
});

describe('explainSupplyChange for one breast', () => {
  it('tells a one-breast change even when the total barely moves', () => {
    const slightlyBetterLeft = run({ breasts: [{ storageCapacityMl: 210, removalEffectiveness: 1.045 }, DEFAULT_SUPPLY_INPUTS.breasts[1]] });
    const explanation = explainSupplyChange(usual, slightlyBetterLeft, 'breasts.left.removalEffectiveness');
    const totalChange = Math.abs(slightlyBetterLeft.summary.producedTotalMl - usual.summary.producedTotalMl);
    expect(totalChange).toBeLessThan(LITTLE_CHANGE_SHARE * usual.summary.producedTotalMl);
    expect(explanation.key).toBe('one-breast-changes-other-unchanged');
  });
});
