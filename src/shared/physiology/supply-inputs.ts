/**
 * The settings of one supply-and-demand run (see supply-demand.ts for the model) and the forgiving
 * reader that turns anything the explore view or a lesson cue hands over into valid settings.
 *
 * Ranges and defaults, all per 24 h unless said otherwise (physiology-facts.md §3.4, §5.2, §5.3):
 * - feedsPerDay: a feed is one breastfeed, as Kent counts them: 11 ± 3 (range 6–18) per 24 h in
 *   exclusively breastfed babies of 1–6 months (Kent JC et al., Pediatrics 2006;117:e387). Kent 2007
 *   counts 4–13 "meals" (one or both breasts), so the lower limit is 4. Whole feeds only.
 * - removalShare: share of the milk in the breast that one feed takes out: 67.3 ± 7.8% (Kent 2006);
 *   76% (Daly SE et al., Exp Physiol 1993;78:209). A breast is rarely emptied, so at most 95%.
 * - longestNightGapHours: the one long interval of the day, at night. It can never be shorter than
 *   the even spacing 24 / feedsPerDay (it would not be the longest); up to 12 h.
 * - pumpingPerDay, pumpRemovalShare: extra expressions with a pump; our sources give no share for
 *   pumping, so the default is the breastfeeding share (Kent 2006).
 * - storageCapacityMl: the most milk one breast holds, 74–382 mL or 81–606 mL in two cohorts, mean
 *   209.9 ± 11.0 mL per breast over months 1–6 (Kent JC et al., Exp Physiol 1999;84:435).
 * - removalEffectiveness: multiplies removalShare for one breast (a baby who drains one side less
 *   well, or not at all: 0); the product is held at 95% or less.
 * - stopRemovalAfterDay: weaning; no milk is removed from that time on (days from the run's start),
 *   or null for never.
 *
 * Reading never throws and never yields NaN: a number outside its range is clamped, a non-number
 * takes the default, a fraction where a whole number is needed is rounded, an unknown choice takes
 * the default, and a malformed skipped feed is dropped; each of these leaves a note naming the field,
 * what was given and what is used.
 */

export type BreastSide = 'left' | 'right';
export const BREAST_SIDES: readonly [BreastSide, BreastSide] = ['left', 'right'];

/** Which breast each feed takes: one breast, alternating from the left; both; or always the same one. */
export const BREAST_OFFERS = ['alternate', 'both', 'left-only', 'right-only'] as const;
export type BreastOffer = (typeof BREAST_OFFERS)[number];

/** Which breasts a pumping session expresses. */
export const PUMP_SIDES = ['both', 'left', 'right'] as const;
export type PumpSide = (typeof PUMP_SIDES)[number];

export interface BreastInputs {
  storageCapacityMl: number;
  removalEffectiveness: number;
}

/** One feed left out: `feed` is its place in the day (0 = the first, after the night gap). */
export interface SkippedFeed {
  day: number;
  feed: number;
}

/** Where the run starts. `established-lactation`: a typical breast about 1 month after birth. */
export type SupplyStart = { kind: 'established-lactation' } | { kind: 'breasts'; breasts: readonly [BreastStart, BreastStart] };

export interface BreastStart {
  /** The breast's current maximum synthesis rate, mL/h (0 = not lactating). */
  potentialMlPerHour: number;
  /** Stored milk / storage capacity, 0 … 1. */
  fullness: number;
}

export interface SupplyInputs {
  days: number;
  feedsPerDay: number;
  removalShare: number;
  longestNightGapHours: number;
  pumpingPerDay: number;
  pumpRemovalShare: number;
  offer: BreastOffer;
  pumpSide: PumpSide;
  /** Left, then right. */
  breasts: readonly [BreastInputs, BreastInputs];
  skippedFeeds: readonly SkippedFeed[];
  stopRemovalAfterDay: number | null;
  startFrom: SupplyStart;
}

export interface NumberLimit {
  readonly min: number;
  readonly max: number;
  readonly default: number;
  readonly integer: boolean;
  /** For the UI's labels: 'mL', 'h', 'mL/h', 'days', '' for counts and shares. */
  readonly unit: string;
}

const limit = (min: number, max: number, fallback: number, unit: string, integer = false): NumberLimit => ({ min, max, default: fallback, integer, unit });

/** The highest share of the stored milk any one removal takes: the breast is never fully emptied. */
export const MAX_REMOVED_SHARE = 0.95;

/** Every numeric setting with its range and default (see the header for the sources). */
export const SUPPLY_LIMITS = {
  days: limit(1, 120, 14, 'days', true),
  feedsPerDay: limit(4, 18, 11, '', true),
  removalShare: limit(0.1, MAX_REMOVED_SHARE, 0.67, ''),
  longestNightGapHours: limit(2, 12, 6, 'h'),
  pumpingPerDay: limit(0, 8, 0, '', true),
  pumpRemovalShare: limit(0.1, MAX_REMOVED_SHARE, 0.67, ''),
  storageCapacityMl: limit(74, 606, 210, 'mL'),
  removalEffectiveness: limit(0, 1.5, 1, ''),
  /** null (the default) means removal never stops. */
  stopRemovalAfterDay: limit(0, 120, 120, 'days'),
  skippedFeedDay: limit(0, 119, 0, 'days', true),
  skippedFeedIndex: limit(0, 17, 0, '', true),
  startPotentialMlPerHour: limit(0, 56, 27, 'mL/h'),
  startFullness: limit(0, 1, 0.4, ''),
} as const satisfies Record<string, NumberLimit>;

export const DEFAULT_SUPPLY_INPUTS: SupplyInputs = {
  days: SUPPLY_LIMITS.days.default,
  feedsPerDay: SUPPLY_LIMITS.feedsPerDay.default,
  removalShare: SUPPLY_LIMITS.removalShare.default,
  longestNightGapHours: SUPPLY_LIMITS.longestNightGapHours.default,
  pumpingPerDay: SUPPLY_LIMITS.pumpingPerDay.default,
  pumpRemovalShare: SUPPLY_LIMITS.pumpRemovalShare.default,
  offer: 'alternate',
  pumpSide: 'both',
  breasts: [
    { storageCapacityMl: SUPPLY_LIMITS.storageCapacityMl.default, removalEffectiveness: SUPPLY_LIMITS.removalEffectiveness.default },
    { storageCapacityMl: SUPPLY_LIMITS.storageCapacityMl.default, removalEffectiveness: SUPPLY_LIMITS.removalEffectiveness.default },
  ],
  skippedFeeds: [],
  stopRemovalAfterDay: null,
  startFrom: { kind: 'established-lactation' },
};

/** A number that was clamped, defaulted or rounded. */
export interface SupplyNumberNote {
  field: string;
  given: unknown;
  used: number;
  reason: 'below-min' | 'above-max' | 'not-a-number' | 'rounded';
}

/** A choice that was not one of the allowed ones (`used` is the default), or a skipped feed that was dropped (`used` null). */
export interface SupplyChoiceNote {
  field: string;
  given: unknown;
  used: string | null;
  reason: 'unknown-choice' | 'dropped';
}

export type SupplyNote = SupplyNumberNote | SupplyChoiceNote;

export interface ClampedSupplyInputs {
  inputs: SupplyInputs;
  notes: SupplyNote[];
}

type Fields = Readonly<Record<string, unknown>>;

function asFields(value: unknown): Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : {};
}

class NoteTaker {
  readonly notes: SupplyNote[] = [];

  number(field: string, given: unknown, spec: NumberLimit, max = spec.max): number {
    if (given === undefined) return Math.min(spec.default, max);
    if (typeof given !== 'number' || !Number.isFinite(given)) return this.add({ field, given, used: Math.min(spec.default, max), reason: 'not-a-number' });
    if (given < spec.min) return this.add({ field, given, used: spec.min, reason: 'below-min' });
    if (given > max) return this.add({ field, given, used: max, reason: 'above-max' });
    if (spec.integer && !Number.isInteger(given)) return this.add({ field, given, used: Math.min(max, Math.max(spec.min, Math.round(given))), reason: 'rounded' });
    return given;
  }

  choice<T extends string>(field: string, given: unknown, allowed: readonly T[], fallback: T): T {
    if (given === undefined) return fallback;
    if (typeof given === 'string' && (allowed as readonly string[]).includes(given)) return given as T;
    this.notes.push({ field, given, used: fallback, reason: 'unknown-choice' });
    return fallback;
  }

  private add(note: SupplyNumberNote): number {
    this.notes.push(note);
    return note.used;
  }
}

function readBreast(raw: unknown, side: BreastSide, notes: NoteTaker, fallback: BreastInputs): BreastInputs {
  const fields = asFields(raw);
  return {
    storageCapacityMl: notes.number(`breasts.${side}.storageCapacityMl`, fields.storageCapacityMl ?? fallback.storageCapacityMl, SUPPLY_LIMITS.storageCapacityMl),
    removalEffectiveness: notes.number(`breasts.${side}.removalEffectiveness`, fields.removalEffectiveness ?? fallback.removalEffectiveness, SUPPLY_LIMITS.removalEffectiveness),
  };
}

function readBreasts(raw: unknown, notes: NoteTaker): readonly [BreastInputs, BreastInputs] {
  const [leftDefault, rightDefault] = DEFAULT_SUPPLY_INPUTS.breasts;
  const list = Array.isArray(raw) ? (raw as unknown[]) : [];
  return [readBreast(list[0], 'left', notes, leftDefault), readBreast(list[1], 'right', notes, rightDefault)];
}

function readSkippedFeeds(raw: unknown, days: number, feedsPerDay: number, notes: NoteTaker): SkippedFeed[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    notes.notes.push({ field: 'skippedFeeds', given: raw, used: null, reason: 'dropped' });
    return [];
  }
  const kept: SkippedFeed[] = [];
  (raw as unknown[]).forEach((entry, index) => {
    const fields = asFields(entry);
    if (typeof fields.day !== 'number' || typeof fields.feed !== 'number' || !Number.isFinite(fields.day) || !Number.isFinite(fields.feed)) {
      notes.notes.push({ field: `skippedFeeds.${index}`, given: entry, used: null, reason: 'dropped' });
      return;
    }
    kept.push({
      day: notes.number(`skippedFeeds.${index}.day`, fields.day, SUPPLY_LIMITS.skippedFeedDay, days - 1),
      feed: notes.number(`skippedFeeds.${index}.feed`, fields.feed, SUPPLY_LIMITS.skippedFeedIndex, feedsPerDay - 1),
    });
  });
  return kept;
}

function readStart(raw: unknown, notes: NoteTaker): SupplyStart {
  if (raw === undefined) return DEFAULT_SUPPLY_INPUTS.startFrom;
  const fields = asFields(raw);
  const kind = notes.choice('startFrom.kind', fields.kind, ['established-lactation', 'breasts'] as const, 'established-lactation');
  if (kind === 'established-lactation') return { kind };
  const list = Array.isArray(fields.breasts) ? (fields.breasts as unknown[]) : [];
  const breast = (side: BreastSide, value: unknown): BreastStart => {
    const start = asFields(value);
    return {
      potentialMlPerHour: notes.number(`startFrom.breasts.${side}.potentialMlPerHour`, start.potentialMlPerHour, SUPPLY_LIMITS.startPotentialMlPerHour),
      fullness: notes.number(`startFrom.breasts.${side}.fullness`, start.fullness, SUPPLY_LIMITS.startFullness),
    };
  };
  return { kind, breasts: [breast('left', list[0]), breast('right', list[1])] };
}

/** The smallest longest gap that still is the longest: feeds evenly spaced over 24 h. */
export function shortestPossibleNightGap(feedsPerDay: number): number {
  return 24 / feedsPerDay;
}

export function clampSupplyInputs(raw: Partial<SupplyInputs> | unknown): ClampedSupplyInputs {
  const fields = asFields(raw);
  const notes = new NoteTaker();
  const L = SUPPLY_LIMITS;
  const days = notes.number('days', fields.days, L.days);
  const feedsPerDay = notes.number('feedsPerDay', fields.feedsPerDay, L.feedsPerDay);
  const gapSpec: NumberLimit = { ...L.longestNightGapHours, min: Math.max(L.longestNightGapHours.min, shortestPossibleNightGap(feedsPerDay)) };
  const stop = fields.stopRemovalAfterDay;
  const inputs: SupplyInputs = {
    days,
    feedsPerDay,
    removalShare: notes.number('removalShare', fields.removalShare, L.removalShare),
    longestNightGapHours: notes.number('longestNightGapHours', fields.longestNightGapHours, gapSpec),
    pumpingPerDay: notes.number('pumpingPerDay', fields.pumpingPerDay, L.pumpingPerDay),
    pumpRemovalShare: notes.number('pumpRemovalShare', fields.pumpRemovalShare, L.pumpRemovalShare),
    offer: notes.choice('offer', fields.offer, BREAST_OFFERS, DEFAULT_SUPPLY_INPUTS.offer),
    pumpSide: notes.choice('pumpSide', fields.pumpSide, PUMP_SIDES, DEFAULT_SUPPLY_INPUTS.pumpSide),
    breasts: readBreasts(fields.breasts, notes),
    skippedFeeds: readSkippedFeeds(fields.skippedFeeds, days, feedsPerDay, notes),
    stopRemovalAfterDay: stop === null || stop === undefined ? null : notes.number('stopRemovalAfterDay', stop, L.stopRemovalAfterDay),
    startFrom: readStart(fields.startFrom, notes),
  };
  return { inputs, notes: notes.notes };
}
