import type { DayProduction, SupplyRun } from '../../../shared/physiology/supply-demand';
import { SUPPLY_LIMITS, type NumberLimit, type SupplyNote } from '../../../shared/physiology/supply-inputs';
import type { Message } from './messages';

/**
 * The supply simulator's controls and its words: which settings have sliders, how their values
 * read, the day-by-day totals for screen readers, and the notes for clamped input.
 */

export type SliderField = 'feedsPerDay' | 'removalShare' | 'longestNightGapHours' | 'pumpingPerDay';
export type SliderDisplay = 'count' | 'percent' | 'hours';

export interface SupplySlider {
  field: SliderField;
  limit: NumberLimit;
  step: number;
  display: SliderDisplay;
}

export const SUPPLY_SLIDERS: readonly SupplySlider[] = [
  { field: 'feedsPerDay', limit: SUPPLY_LIMITS.feedsPerDay, step: 1, display: 'count' },
  { field: 'removalShare', limit: SUPPLY_LIMITS.removalShare, step: 0.01, display: 'percent' },
  { field: 'longestNightGapHours', limit: SUPPLY_LIMITS.longestNightGapHours, step: 0.5, display: 'hours' },
  { field: 'pumpingPerDay', limit: SUPPLY_LIMITS.pumpingPerDay, step: 1, display: 'count' },
];

/** A setting as a person reads and types it: shares as percentages, the rest as they are. */
export function toDisplayed(slider: SupplySlider, value: number): number {
  if (!Number.isFinite(value)) return 0;
  return slider.display === 'percent' ? Math.round(value * 100) : Math.round(value * 10) / 10;
}

export function fromDisplayed(slider: SupplySlider, displayed: number): number {
  return slider.display === 'percent' ? displayed / 100 : displayed;
}

/** Millilitres in sentences: to the nearest 10 mL, the precision the model can claim. */
export function roundMl(ml: number): number {
  return Number.isFinite(ml) ? Math.max(0, Math.round(ml / 10) * 10) : 0;
}

export function dayTotalMessage(day: DayProduction): Message {
  return { key: 'physiologyExplore.supply.dayTotal', values: { day: day.day + 1, total: roundMl(day.producedTotalMl), left: roundMl(day.producedMl[0]), right: roundMl(day.producedMl[1]) } };
}

export function summaryMessage(run: SupplyRun): Message {
  const { summary } = run;
  return { key: 'physiologyExplore.supply.summary', values: { day: summary.day + 1, total: roundMl(summary.producedTotalMl), left: roundMl(summary.producedMl[0]), right: roundMl(summary.producedMl[1]) } };
}

/** Names of the settings a note can be about; anything else is "a setting". */
const NOTE_FIELDS: Readonly<Record<string, string>> = {
  days: 'days',
  feedsPerDay: 'feedsPerDay',
  removalShare: 'removalShare',
  longestNightGapHours: 'longestNightGapHours',
  pumpingPerDay: 'pumpingPerDay',
  pumpRemovalShare: 'pumpRemovalShare',
  offer: 'offer',
  pumpSide: 'pumpSide',
};

const SHARE_FIELDS = new Set(['removalShare', 'pumpRemovalShare']);

/** A clamping note in words: "Feeds per day: 30 is more than the model allows; 18 is used." */
export function noteMessage(note: SupplyNote): Message {
  const name = NOTE_FIELDS[note.field];
  const field: Message = { key: name ? `physiologyExplore.supply.fields.${name}` : 'physiologyExplore.supply.fields.other' };
  const asShown = (value: unknown): string => {
    if (typeof value === 'number' && Number.isFinite(value)) return String(SHARE_FIELDS.has(note.field) ? Math.round(value * 1000) / 10 : Math.round(value * 100) / 100);
    const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
    return text.length > 24 ? `${text.slice(0, 23)}…` : text;
  };
  return { key: `physiologyExplore.supply.notes.${note.reason}`, values: { field, given: asShown(note.given), used: note.used === null ? '' : asShown(note.used) } };
}

const SIDE_VALUES = new Set(['changedSide', 'otherSide', 'fedSide']);

/**
 * The supply model's explanation (supply-explain.ts) as a message: its key under
 * `physiologyExplore.supply.explain`, millilitres to the nearest 10, shares as percentages, and
 * breast sides and choices named in words.
 */
export function supplyExplanationMessage(explanation: { key: string; field: string; values: Readonly<Record<string, number | string>> }): Message {
  const values: Record<string, string | number | Message> = {};
  for (const [name, value] of Object.entries(explanation.values)) {
    if (SIDE_VALUES.has(name) && typeof value === 'string') values[name] = { key: `physiologyExplore.supply.sides.${value}` };
    else if (name.endsWith('Ml') && typeof value === 'number') values[name] = name === 'changeMl' ? Math.round(value / 10) * 10 : roundMl(value);
    else if ((name === 'beforeSetting' || name === 'afterSetting') && typeof value === 'number') values[name] = SHARE_FIELDS.has(explanation.field) ? Math.round(value * 100) : Math.round(value * 10) / 10;
    else if ((name === 'beforeSetting' || name === 'afterSetting') && (explanation.field === 'offer' || explanation.field === 'pumpSide') && value !== '') values[name] = { key: `physiologyExplore.supply.${explanation.field}.${value}` };
    else values[name] = value;
  }
  return { key: `physiologyExplore.supply.explain.${explanation.key}`, values };
}
