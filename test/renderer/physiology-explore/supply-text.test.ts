import { describe, expect, it } from 'vitest';
import { simulateSupply } from '../../../src/shared/physiology/supply-demand';
import { explainSupplyChange, SUPPLY_EXPLANATION_KEYS } from '../../../src/shared/physiology/supply-explain';
import { clampSupplyInputs, DEFAULT_SUPPLY_INPUTS } from '../../../src/shared/physiology/supply-inputs';
import { dayTotalMessage, fromDisplayed, noteMessage, roundMl, SUPPLY_SLIDERS, summaryMessage, supplyExplanationMessage, toDisplayed } from '../../../src/renderer/physiology/explore/supply-text';
import { say } from '../../../src/renderer/physiology/explore/messages';
import { translator } from './translator';

const en = translator('en');
const fr = translator('fr');
const slider = (field: string) => SUPPLY_SLIDERS.find((s) => s.field === field)!;

describe('supply sliders', () => {
  it('show shares as percentages and read them back', () => {
    expect(toDisplayed(slider('removalShare'), 0.67)).toBe(67);
    expect(fromDisplayed(slider('removalShare'), 67)).toBeCloseTo(0.67, 9);
    expect(toDisplayed(slider('feedsPerDay'), 11)).toBe(11);
    expect(toDisplayed(slider('longestNightGapHours'), Number.NaN)).toBe(0);
  });

  it('cover the model’s own ranges', () => {
    for (const s of SUPPLY_SLIDERS) expect(s.limit.max).toBeGreaterThan(s.limit.min);
  });
});

describe('supply words', () => {
  it('says the explanation of more feeds with the numbers the lead asked for', () => {
    const before = simulateSupply(clampSupplyInputs({ feedsPerDay: 7 }).inputs);
    const after = simulateSupply(clampSupplyInputs({ feedsPerDay: 10 }).inputs);
    const message = supplyExplanationMessage(explainSupplyChange(before, after, 'feedsPerDay'));
    const text = say(en, message);
    expect(text).toMatch(/^Feeding 10 times a day instead of 7 removed more milk, so the breasts made more: \d+0 mL a day instead of \d+0\.$/);
    expect(say(fr, message)).toMatch(/^10 tétées par jour au lieu de 7/);
  });

  it('names breast sides and percentages in words, whatever the key', () => {
    const before = simulateSupply(DEFAULT_SUPPLY_INPUTS);
    const leftOnly = simulateSupply(clampSupplyInputs({ offer: 'left-only' }).inputs);
    expect(say(en, supplyExplanationMessage(explainSupplyChange(before, leftOnly, 'offer')))).toMatch(/^Only the left breast is fed now: .* the right breast, left full/);
    const more = simulateSupply(clampSupplyInputs({ removalShare: 0.85 }).inputs);
    expect(say(en, supplyExplanationMessage(explainSupplyChange(before, more, 'removalShare')))).toMatch(/^Taking 85% of the stored milk instead of 67%/);
  });

  it('has a sentence for every key the supply model can give, in both languages', () => {
    const values = { beforeTotalMl: 690, afterTotalMl: 830, changeMl: 140, changePercent: 20, beforeSetting: 7, afterSetting: 10, unit: '', fedSide: 'left', otherSide: 'right', otherAfterMl: 12, changedSide: 'left', changedBeforeMl: 400, changedAfterMl: 450, stopDay: 5, lastDayTotalMl: 80 };
    for (const key of SUPPLY_EXPLANATION_KEYS) {
      const message = supplyExplanationMessage({ key, field: 'feedsPerDay', values });
      expect(say(en, message)).not.toMatch(/undefined|NaN|\{\{/);
      expect(say(fr, message)).not.toMatch(/undefined|NaN|\{\{/);
    }
  });

  it('says the daily totals to the nearest 10 mL, per breast', () => {
    const run = simulateSupply(DEFAULT_SUPPLY_INPUTS);
    const first = run.days[0]!;
    expect(say(en, dayTotalMessage(first))).toBe(`Day 1: ${roundMl(first.producedTotalMl)} mL (${roundMl(first.producedMl[0])} left, ${roundMl(first.producedMl[1])} right)`);
    expect(say(en, summaryMessage(run))).toMatch(new RegExp(`^Day ${run.days.length}: the breasts made \\d+ mL in 24 hours`));
    expect(roundMl(Number.NaN)).toBe(0);
  });

  it('turns every clamping note into a visible sentence, never NaN', () => {
    const { notes } = clampSupplyInputs({ feedsPerDay: 30, removalShare: 1.4, longestNightGapHours: 'long', pumpingPerDay: 2.4, offer: 'sometimes', skippedFeeds: 'x' });
    expect(notes.map((n) => n.reason).sort()).toEqual(['above-max', 'above-max', 'dropped', 'not-a-number', 'rounded', 'unknown-choice']);
    const texts = notes.map((note) => say(en, noteMessage(note)));
    expect(texts).toContain('Feeds per day: 30 is above what the model allows, so 18 is used.');
    expect(texts).toContain('Milk removed per feed: 140 is above what the model allows, so 95 is used.');
    expect(texts).toContain('Longest night gap: “long” is not a number, so 6 is used.');
    for (const text of [...texts, ...notes.map((note) => say(fr, noteMessage(note)))]) expect(text).not.toMatch(/NaN|undefined/);
  });
});
