import { BREAST_SIDES, type BreastInputs, type BreastSide, type SupplyInputs } from './supply-inputs';
import type { SupplyRun } from './supply-demand';

/**
 * Why the daily production changed between two supply runs that differ in one setting, as a key and
 * numbers; the explore view turns it into a sentence. Production is compared on the last simulated
 * day (`summary`), after the breasts have had time to adapt.
 *
 * i18n: one string per key under `physiologyExplore.supply.explain.<key>`, interpolating `values`. Every key
 * may use the common values:
 *   beforeTotalMl, afterTotalMl   both breasts, mL per 24 h, whole numbers
 *   changeMl                      after − before, mL (signed); changePercent: signed, whole percent
 *   beforeSetting, afterSetting   the changed setting's value before and after (number or choice id;
 *                                 '' when it has none, e.g. skippedFeeds gives the count of skipped feeds)
 *   unit                          the setting's unit ('', 'h', 'mL', 'days')
 * Key by key (what the sentence should say):
 *   more-feeds-more-milk / fewer-feeds-less-milk        more (fewer) feeds drain the breasts more (less)
 *                                                       often, so they make more (less) milk
 *   more-removal-more-milk / less-removal-less-milk     a feed or pumping session taking a bigger
 *                                                       (smaller) share leaves the breast emptier (fuller)
 *   short-gap-more-milk / long-gap-less-milk            a long night interval leaves the breasts full
 *                                                       for hours, and a full breast slows down
 *   more-pumping-more-milk / less-pumping-less-milk     extra removals are extra demand
 *   both-breasts-more-milk / one-breast-less-milk       offering both breasts at every feed drains
 *                                                       each one twice as often as alternating
 *   one-side-only                                       only one breast is fed: it makes more, the other
 *                                                       stops; extra values `fedSide` ('left'|'right'),
 *                                                       `otherSide`, `otherAfterMl`
 *   one-breast-changes-other-unchanged                  a setting of one breast (or pumping one side)
 *                                                       changed that breast's production and not the
 *                                                       other's: extra values `changedSide`, `otherSide`,
 *                                                       `changedBeforeMl`, `changedAfterMl`, `otherAfterMl`
 *   skipped-feeds-less-milk                             missed feeds are missed demand
 *   removal-stopped-involution                          no removal: the breasts stay full, synthesis
 *                                                       stops and the gland involutes; extra values
 *                                                       `stopDay`, `lastDayTotalMl`
 *   removal-longer-more-milk                            removal stopped later (or not at all)
 *   little-change                                       under 2% (and under 15 mL) either way
 *   more-milk / less-milk                               anything else (days, start, or an unexpected
 *                                                       direction): just the numbers
 */

export type SupplyChangedField =
  | 'days'
  | 'feedsPerDay'
  | 'removalShare'
  | 'longestNightGapHours'
  | 'pumpingPerDay'
  | 'pumpRemovalShare'
  | 'offer'
  | 'pumpSide'
  | 'skippedFeeds'
  | 'stopRemovalAfterDay'
  | 'startFrom'
  | `breasts.${BreastSide}.${keyof BreastInputs}`;

export const SUPPLY_EXPLANATION_KEYS = [
  'more-feeds-more-milk',
  'fewer-feeds-less-milk',
  'more-removal-more-milk',
  'less-removal-less-milk',
  'short-gap-more-milk',
  'long-gap-less-milk',
  'more-pumping-more-milk',
  'less-pumping-less-milk',
  'both-breasts-more-milk',
  'one-breast-less-milk',
  'one-side-only',
  'one-breast-changes-other-unchanged',
  'skipped-feeds-less-milk',
  'removal-stopped-involution',
  'removal-longer-more-milk',
  'little-change',
  'more-milk',
  'less-milk',
] as const;
export type SupplyExplanationKey = (typeof SUPPLY_EXPLANATION_KEYS)[number];

export interface SupplyExplanation {
  key: SupplyExplanationKey;
  field: SupplyChangedField;
  values: Record<string, number | string>;
}

/** Below both of these, a change is reported as `little-change`. */
export const LITTLE_CHANGE_SHARE = 0.02;
export const LITTLE_CHANGE_ML = 15;

type Direction = 'up' | 'down';

function settingOf(inputs: SupplyInputs, field: SupplyChangedField): number | string {
  if (field.startsWith('breasts.')) {
    const [, side, key] = field.split('.') as [string, BreastSide, keyof BreastInputs];
    return inputs.breasts[BREAST_SIDES.indexOf(side) as 0 | 1][key];
  }
  switch (field) {
    case 'skippedFeeds':
      return inputs.skippedFeeds.length;
    case 'stopRemovalAfterDay':
      return inputs.stopRemovalAfterDay ?? '';
    case 'startFrom':
      return inputs.startFrom.kind;
    default:
      return inputs[field as Exclude<SupplyChangedField, `breasts.${string}` | 'skippedFeeds' | 'stopRemovalAfterDay' | 'startFrom'>];
  }
}

function unitOf(field: SupplyChangedField): string {
  if (field === 'longestNightGapHours') return 'h';
  if (field.endsWith('storageCapacityMl')) return 'mL';
  if (field === 'days' || field === 'stopRemovalAfterDay') return 'days';
  return '';
}

/** The key the physiology predicts for a setting that went up (or down). */
function expectedKey(field: SupplyChangedField, settingDirection: Direction): { key: SupplyExplanationKey; milk: Direction } | null {
  const up = settingDirection === 'up';
  switch (field) {
    case 'feedsPerDay':
      return up ? { key: 'more-feeds-more-milk', milk: 'up' } : { key: 'fewer-feeds-less-milk', milk: 'down' };
    case 'removalShare':
    case 'pumpRemovalShare':
      return up ? { key: 'more-removal-more-milk', milk: 'up' } : { key: 'less-removal-less-milk', milk: 'down' };
    case 'longestNightGapHours':
      return up ? { key: 'long-gap-less-milk', milk: 'down' } : { key: 'short-gap-more-milk', milk: 'up' };
    case 'pumpingPerDay':
      return up ? { key: 'more-pumping-more-milk', milk: 'up' } : { key: 'less-pumping-less-milk', milk: 'down' };
    case 'skippedFeeds':
      return up ? { key: 'skipped-feeds-less-milk', milk: 'down' } : { key: 'more-milk', milk: 'up' };
    default:
      return null;
  }
}

function direction(before: number | string, after: number | string): Direction | null {
  if (typeof before === 'number' && typeof after === 'number' && before !== after) return after > before ? 'up' : 'down';
  return null;
}

export function explainSupplyChange(before: SupplyRun, after: SupplyRun, changedField: SupplyChangedField): SupplyExplanation {
  const beforeTotal = before.summary.producedTotalMl;
  const afterTotal = after.summary.producedTotalMl;
  const change = afterTotal - beforeTotal;
  const beforeSetting = settingOf(before.inputs, changedField);
  const afterSetting = settingOf(after.inputs, changedField);
  const values: Record<string, number | string> = {
    beforeTotalMl: Math.round(beforeTotal),
    afterTotalMl: Math.round(afterTotal),
    // From the rounded totals, so the sentence's three numbers add up.
    changeMl: Math.round(afterTotal) - Math.round(beforeTotal),
    changePercent: beforeTotal > 0 ? Math.round((100 * change) / beforeTotal) : 0,
    beforeSetting,
    afterSetting,
    unit: unitOf(changedField),
  };
  const explain = (key: SupplyExplanationKey, extra: Record<string, number | string> = {}): SupplyExplanation => ({ key, field: changedField, values: { ...values, ...extra } });
  const milk: Direction | 'same' = Math.abs(change) < Math.max(LITTLE_CHANGE_ML, LITTLE_CHANGE_SHARE * beforeTotal) ? 'same' : change > 0 ? 'up' : 'down';

  if (changedField === 'stopRemovalAfterDay') {
    const stopBefore = before.inputs.stopRemovalAfterDay ?? Infinity;
    const stopAfter = after.inputs.stopRemovalAfterDay ?? Infinity;
    if (stopAfter < stopBefore && milk === 'down') return explain('removal-stopped-involution', { stopDay: after.inputs.stopRemovalAfterDay ?? '', lastDayTotalMl: Math.round(afterTotal) });
    if (stopAfter > stopBefore && milk === 'up') return explain('removal-longer-more-milk');
  }

  const sideChanged = oneBreastChanged(before, after, changedField);
  if (sideChanged !== null) {
    // Judged breast by breast: a change worth telling in one breast can be small in the total.
    const changed = BREAST_SIDES.indexOf(sideChanged) as 0 | 1;
    const other = (1 - changed) as 0 | 1;
    const breastMoved = (side: 0 | 1): boolean =>
      Math.abs(after.summary.producedMl[side] - before.summary.producedMl[side]) >= Math.max(LITTLE_CHANGE_ML / 2, LITTLE_CHANGE_SHARE * before.summary.producedMl[side]);
    if (breastMoved(changed) && !breastMoved(other)) {
      return explain('one-breast-changes-other-unchanged', {
        changedSide: sideChanged,
        otherSide: BREAST_SIDES[other],
        changedBeforeMl: Math.round(before.summary.producedMl[changed]),
        changedAfterMl: Math.round(after.summary.producedMl[changed]),
        otherAfterMl: Math.round(after.summary.producedMl[other]),
      });
    }
  }

  if (changedField === 'offer') {
    const offered = after.inputs.offer;
    if (offered === 'left-only' || offered === 'right-only') {
      const [fedSide, otherSide, other] = offered === 'left-only' ? (['left', 'right', 1] as const) : (['right', 'left', 0] as const);
      return explain('one-side-only', { fedSide, otherSide, otherAfterMl: Math.round(after.summary.producedMl[other]) });
    }
    if (before.inputs.offer === 'alternate' && offered === 'both' && milk === 'up') return explain('both-breasts-more-milk');
    if (before.inputs.offer === 'both' && offered === 'alternate' && milk === 'down') return explain('one-breast-less-milk');
  }

  if (milk === 'same') return explain('little-change');
  const settingDirection = direction(beforeSetting, afterSetting);
  const expected = settingDirection ? expectedKey(changedField, settingDirection) : null;
  if (expected && expected.milk === milk) return explain(expected.key);
  return explain(milk === 'up' ? 'more-milk' : 'less-milk');
}

/** The side whose own setting changed, for per-breast fields and one-sided pumping; null when both could have. */
function oneBreastChanged(before: SupplyRun, after: SupplyRun, field: SupplyChangedField): BreastSide | null {
  if (field.startsWith('breasts.')) return field.split('.')[1] === 'right' ? 'right' : 'left';
  if (field !== 'pumpSide' && field !== 'pumpingPerDay' && field !== 'pumpRemovalShare') return null;
  const pumped = (inputs: SupplyInputs, side: BreastSide): boolean => inputs.pumpingPerDay > 0 && inputs.pumpSide !== (side === 'left' ? 'right' : 'left');
  const differs = (side: BreastSide): boolean =>
    field === 'pumpSide' ? pumped(before.inputs, side) !== pumped(after.inputs, side) : pumped(before.inputs, side) || pumped(after.inputs, side);
  const changed = BREAST_SIDES.filter(differs);
  return changed.length === 1 ? (changed[0] ?? null) : null;
}
