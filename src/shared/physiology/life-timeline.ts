import { HOURS_PER_DAY, HOURS_PER_WEEK, LANDMARKS, SCENARIOS, TERM_WEEKS, type LandmarkId, type Scenario, type ScenarioKind } from './physiology-types';

/**
 * The life timeline: where the landmarks of one scenario fall, how the scrubber spreads months of
 * pregnancy and hours after birth over one slider, and how an hour is named for a label.
 *
 * Unit: hours from the baby's birth (negative before it). Gestational age is counted, as clinicians
 * do, from the last menstrual period: gestational week g is at (g − 40) × 168 h, conception at
 * gestational week 2 (−38 weeks).
 *
 * Landmarks (term birth, no labour stress; /work/shared/reference/physiology-facts.md §3):
 * - mid-pregnancy, gestational week 16 (−24 weeks): secretory differentiation "from about
 *   mid-pregnancy" (Neville, Morton & Umemura 2001); "prepared for full lactation from 16 weeks'
 *   gestation" (Lawrence, via obgynkey).
 * - placenta delivered at 0.5 h (a third stage of about half an hour; a teaching choice).
 * - copious secretion 36 h after birth: it began between 24 and 48 h, the citrate transition at
 *   32 ± 9 h (Arthur et al. 1989); we place it 35.5 h after the placenta is out.
 * - milk felt "coming in" at 59 h (59 ± 13 h, Arthur 1989); later than 72 h counts as delayed
 *   (Dewey et al. 2003).
 * - Later activation (shift Δ, hours, added to copious secretion, milk felt and the end of
 *   activation):
 *   - retained placental fragments keep progesterone up and block activation until they are
 *     removed (Neifert 1981, via breastfeedingfaqs.com [S]); we remove them on day 5 (120 h), so
 *     activation runs as after a normal delivery but from that hour;
 *   - labour stress s ∈ [0, 1] (long second stage, exhaustion, high cortisol) delays it (Chen 1998;
 *     Grajeda & Pérez-Escamilla 2002; Dewey 2003). Δ = 24 h × s: the sources give risk, not a
 *     dose. In Grajeda 2002, multiparae with higher prenatal cortisol began at 3.0 vs 2.4 days
 *     (≈ 14 h later) and primiparae after an emergency caesarean at 3.4 vs 2.5 days for multiparae
 *     (≈ 22 h); severe stress thus crosses the 72 h threshold.
 * - day 3 and day 9 are the starts of those days, counting the first 24 h as day 1 (the count of
 *   the intake tables, e.g. Santoro 2010 "day 1 (first 24 h)").
 * - involution well advanced 42 days after weaning (Hartmann & Kulski 1978 followed the milk for
 *   42 days after abrupt weaning).
 *
 * Induced lactation (WHO 1998; Auerbach & Avery 1981): no pregnancy, so no placenta and no
 * pregnancy hormones (hPL cannot be given at all); hour 0 is when regular stimulation (pumping, the
 * baby at the breast) begins, and milk comes after "a few days to a few weeks".
 * Relactation: a term birth, milk removal stopped on `stoppedDay` and restarted on `restartedDay`.
 */

export const MONTHS_PER_YEAR = 12;
/** A calendar month on average (365.25 / 12 days), in hours. */
export const HOURS_PER_MONTH = (365.25 / MONTHS_PER_YEAR) * HOURS_PER_DAY;

const weeks = (n: number): number => n * HOURS_PER_WEEK;
const days = (n: number): number => n * HOURS_PER_DAY;
/** Hours from birth of a gestational week (counted from the last menstrual period). */
export const gestationalWeekHours = (week: number): number => weeks(week - TERM_WEEKS);

export const BEFORE_PREGNANCY_HOURS = weeks(-44);
export const CONCEPTION_HOURS = gestationalWeekHours(2);
export const MID_PREGNANCY_HOURS = gestationalWeekHours(16);
export const PLACENTA_DELIVERY_HOURS = 0.5;
/** Day 5: when retained fragments are removed in the model. */
export const RETAINED_PLACENTA_REMOVAL_HOURS = days(5);
export const COPIOUS_SECRETION_AFTER_PLACENTA_HOURS = 35.5;
export const MILK_FELT_AFTER_PLACENTA_HOURS = 58.5;
export const MAX_LABOUR_STRESS_DELAY_HOURS = 24;
export const DELAYED_ACTIVATION_THRESHOLD_HOURS = 72;
/** Involution followed for 42 days after abrupt weaning (Hartmann & Kulski 1978). */
export const INVOLUTION_ADVANCED_AFTER_WEANING_HOURS = days(42);
/** Induced lactation: the timeline starts four weeks before stimulation, with a resting gland. */
export const INDUCED_TIMELINE_START_HOURS = weeks(-4);
/**
 * Induced lactation: first milk after a lag, then a rise to a plateau (secretion model in
 * stages.ts); "a few days to a few weeks" (WHO 1998). Copious secretion is dated at half the plateau.
 */
export const INDUCED_SECRETION_LAG_HOURS = days(7);
export const INDUCED_SECRETION_TIME_CONSTANT_HOURS = days(14);

export const DEFAULT_RELACTATION = Object.freeze({ stoppedDay: 14, restartedDay: 28 });

export const DEFAULT_SCENARIO: Readonly<Scenario> = Object.freeze({
  kind: 'term-birth',
  retainedPlacenta: false,
  labourStress: 0,
  weaningDay: 365,
});

// ——— Numeric helpers shared by the physiology modules (not re-exported by index.ts) ———

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** NaN → fallback; ±Infinity and everything else clamped into [min, max]. */
export function finiteIn(value: number, min: number, max: number, fallback: number): number {
  return Number.isNaN(value) ? fallback : clamp(value, min, max);
}

export function clamp01(value: number): number {
  return finiteIn(value, 0, 1, 0);
}

/** Cubic smoothstep of x over [0, 1] (clamped), for transitions without corners. */
export function smoothstep(x: number): number {
  const t = clamp01(x);
  return t * t * (3 - 2 * t);
}

/** Linear interpolation through (x, y) knots with increasing x; flat outside them. */
export function interpolateKnots(knots: readonly (readonly [number, number])[], x: number): number {
  const first = knots[0];
  const last = knots[knots.length - 1];
  if (!first || !last) return 0;
  if (x <= first[0]) return first[1];
  if (x >= last[0]) return last[1];
  for (let i = 1; i < knots.length; i++) {
    const [x1, y1] = knots[i] as readonly [number, number];
    if (x <= x1) {
      const [x0, y0] = knots[i - 1] as readonly [number, number];
      return x1 === x0 ? y1 : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
    }
  }
  return last[1];
}

// ——— Scenarios ———

/** A field that was out of range or of the wrong kind, with what was given and what is used instead. */
export interface ClampNote {
  field: string;
  given: unknown;
  used: unknown;
}

const MAX_WEANING_DAY = 3 * 365;
const MAX_RELACTATION_DAY = 365;

function readNumber(record: Record<string, unknown>, field: string, min: number, max: number, fallback: number, notes: ClampNote[], path = field): number {
  const given = record[field];
  if (given === undefined) return fallback;
  if (typeof given !== 'number' || Number.isNaN(given)) {
    notes.push({ field: path, given, used: fallback });
    return fallback;
  }
  const used = clamp(given, min, max);
  if (used !== given) notes.push({ field: path, given, used });
  return used;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads any (possibly partial or foreign) scenario into a valid one: missing fields take the
 * defaults silently, wrong or out-of-range ones are replaced or clamped and reported. Never NaN.
 */
export function clampScenario(input: unknown): { scenario: Scenario; notes: ClampNote[] } {
  const notes: ClampNote[] = [];
  const record = isRecord(input) ? input : {};
  if (!isRecord(input) && input !== undefined) notes.push({ field: '', given: input, used: DEFAULT_SCENARIO });

  let kind: ScenarioKind = DEFAULT_SCENARIO.kind;
  if (record.kind !== undefined) {
    if ((SCENARIOS as readonly unknown[]).includes(record.kind)) kind = record.kind as ScenarioKind;
    else notes.push({ field: 'kind', given: record.kind, used: kind });
  }

  let retainedPlacenta = DEFAULT_SCENARIO.retainedPlacenta;
  if (record.retainedPlacenta !== undefined) {
    if (typeof record.retainedPlacenta === 'boolean') retainedPlacenta = record.retainedPlacenta;
    else notes.push({ field: 'retainedPlacenta', given: record.retainedPlacenta, used: retainedPlacenta });
  }
  if (kind === 'induced-lactation' && retainedPlacenta) {
    // No pregnancy, so no placenta to retain.
    notes.push({ field: 'retainedPlacenta', given: true, used: false });
    retainedPlacenta = false;
  }

  const labourStress = readNumber(record, 'labourStress', 0, 1, DEFAULT_SCENARIO.labourStress, notes);

  let weaningDay: number | null = DEFAULT_SCENARIO.weaningDay;
  if (record.weaningDay === null) weaningDay = null;
  else if (record.weaningDay !== undefined) weaningDay = readNumber(record, 'weaningDay', 1, MAX_WEANING_DAY, DEFAULT_SCENARIO.weaningDay ?? 365, notes);

  const scenario: Scenario = { kind, retainedPlacenta, labourStress, weaningDay };

  if (kind === 'relactation') {
    const given = isRecord(record.relactation) ? record.relactation : {};
    if (record.relactation !== undefined && !isRecord(record.relactation)) notes.push({ field: 'relactation', given: record.relactation, used: DEFAULT_RELACTATION });
    const stoppedDay = readNumber(given, 'stoppedDay', 1, MAX_RELACTATION_DAY, DEFAULT_RELACTATION.stoppedDay, notes, 'relactation.stoppedDay');
    const restartFallback = Math.min(stoppedDay + (DEFAULT_RELACTATION.restartedDay - DEFAULT_RELACTATION.stoppedDay), stoppedDay + MAX_RELACTATION_DAY);
    const restartedDay = readNumber(given, 'restartedDay', stoppedDay + 1, stoppedDay + MAX_RELACTATION_DAY, restartFallback, notes, 'relactation.restartedDay');
    scenario.relactation = { stoppedDay, restartedDay };
    if (weaningDay !== null && weaningDay <= restartedDay) {
      // Weaning before the restart would be the stop itself; it can only end the relactation.
      scenario.weaningDay = restartedDay + 1;
      notes.push({ field: 'weaningDay', given: weaningDay, used: scenario.weaningDay });
    }
  } else if (record.relactation !== undefined) {
    notes.push({ field: 'relactation', given: record.relactation, used: undefined });
  }
  return { scenario, notes };
}

/** The scenario every model function actually uses: anything passed in goes through clampScenario. */
export function usableScenario(scenario: unknown): Scenario {
  return clampScenario(scenario).scenario;
}

// ——— Landmarks ———

/** When the last placental tissue leaves: the delivered placenta, or removed fragments. */
export function placentaGoneHours(scenarioInput: unknown): number {
  const scenario = usableScenario(scenarioInput);
  if (scenario.kind === 'induced-lactation') return 0;
  return scenario.retainedPlacenta ? RETAINED_PLACENTA_REMOVAL_HOURS : PLACENTA_DELIVERY_HOURS;
}

/**
 * How much later than after a normal delivery secretory activation runs (Δ in the header), hours ≥ 0.
 * Induced lactation has no delivery: 0.
 */
export function activationShiftHours(scenarioInput: unknown): number {
  const scenario = usableScenario(scenarioInput);
  if (scenario.kind === 'induced-lactation') return 0;
  return placentaGoneHours(scenario) - PLACENTA_DELIVERY_HOURS + MAX_LABOUR_STRESS_DELAY_HOURS * scenario.labourStress;
}

/** Periods when milk is removed from the breasts, [from, to) in hours; `to` may be Infinity. */
export function milkRemovalPeriods(scenarioInput: unknown): readonly { from: number; to: number }[] {
  const scenario = usableScenario(scenarioInput);
  const weaning = scenario.weaningDay === null ? Infinity : days(scenario.weaningDay);
  if (scenario.kind === 'relactation' && scenario.relactation) {
    return [
      { from: 0, to: days(scenario.relactation.stoppedDay) },
      { from: days(scenario.relactation.restartedDay), to: weaning },
    ];
  }
  return [{ from: 0, to: weaning }];
}

function weaningHours(scenario: Scenario): number | null {
  return scenario.weaningDay === null ? null : days(scenario.weaningDay);
}

const INDUCED_COPIOUS_HOURS = INDUCED_SECRETION_LAG_HOURS + INDUCED_SECRETION_TIME_CONSTANT_HOURS * Math.LN2;

/**
 * The hour of a landmark in a scenario. Landmarks that a scenario does not have (see
 * `scenarioLandmarks`) still get an hour so callers never meet NaN: pregnancy landmarks in induced
 * lactation are the timeline start, and weaning without a weaning day is the timeline end.
 */
export function landmarkHours(id: LandmarkId, scenarioInput: unknown): number {
  const scenario = usableScenario(scenarioInput);
  const induced = scenario.kind === 'induced-lactation';
  const shift = activationShiftHours(scenario);
  const weaning = weaningHours(scenario);
  switch (id) {
    case 'before-pregnancy':
      return induced ? INDUCED_TIMELINE_START_HOURS : BEFORE_PREGNANCY_HOURS;
    case 'conception':
      return induced ? INDUCED_TIMELINE_START_HOURS : CONCEPTION_HOURS;
    case 'mid-pregnancy':
      return induced ? INDUCED_TIMELINE_START_HOURS : MID_PREGNANCY_HOURS;
    case 'birth':
      return 0;
    case 'placenta-delivered':
      return induced ? 0 : PLACENTA_DELIVERY_HOURS;
    case 'copious-secretion':
      return induced ? INDUCED_COPIOUS_HOURS : PLACENTA_DELIVERY_HOURS + COPIOUS_SECRETION_AFTER_PLACENTA_HOURS + shift;
    case 'milk-felt':
      return induced ? INDUCED_COPIOUS_HOURS + HOURS_PER_DAY : PLACENTA_DELIVERY_HOURS + MILK_FELT_AFTER_PLACENTA_HOURS + shift;
    case 'delayed-threshold':
      return DELAYED_ACTIVATION_THRESHOLD_HOURS;
    case 'day-3':
      return days(2);
    case 'day-9':
      return days(8);
    case 'one-month':
      return HOURS_PER_MONTH;
    case 'six-months':
      return 6 * HOURS_PER_MONTH;
    case 'weaning':
      return weaning ?? timelineRange(scenario).end;
    case 'involution-advanced':
      return weaning === null ? timelineRange(scenario).end : weaning + INVOLUTION_ADVANCED_AFTER_WEANING_HOURS;
  }
}

const PREGNANCY_ONLY: readonly LandmarkId[] = ['before-pregnancy', 'conception', 'mid-pregnancy', 'birth', 'placenta-delivered', 'milk-felt', 'delayed-threshold'];

/** The landmarks that belong on this scenario's timeline, in time order. */
export function scenarioLandmarks(scenarioInput: unknown): LandmarkId[] {
  const scenario = usableScenario(scenarioInput);
  return LANDMARKS.filter((id) => {
    if (scenario.kind === 'induced-lactation' && PREGNANCY_ONLY.includes(id)) return false;
    if (scenario.weaningDay === null && (id === 'weaning' || id === 'involution-advanced')) return false;
    return true;
  }).sort((a, b) => landmarkHours(a, scenario) - landmarkHours(b, scenario));
}

// ——— Range and scrubber ———

/**
 * First and last hour of the timeline. It ends at least a year after birth, two weeks after
 * involution is well advanced, and three months after a relactation restart.
 */
export function timelineRange(scenarioInput: unknown): { start: number; end: number } {
  const scenario = usableScenario(scenarioInput);
  const start = scenario.kind === 'induced-lactation' ? INDUCED_TIMELINE_START_HOURS : BEFORE_PREGNANCY_HOURS;
  let end = MONTHS_PER_YEAR * HOURS_PER_MONTH;
  const weaning = weaningHours(scenario);
  if (weaning !== null) end = Math.max(end, weaning + INVOLUTION_ADVANCED_AFTER_WEANING_HOURS + weeks(2));
  if (scenario.relactation) end = Math.max(end, days(scenario.relactation.restartedDay) + 3 * HOURS_PER_MONTH);
  return { start, end };
}

/** Any hour (NaN, ±Infinity included) brought onto the timeline: NaN → its start. */
export function clampLifeHours(hours: number, scenarioInput: unknown): number {
  const { start, end } = timelineRange(scenarioInput);
  return finiteIn(hours, start, end, start);
}

/**
 * The scrubber is piecewise linear between knots, so each span of the life gets a fixed share of
 * the slider: pregnancy (weeks), the first 48 h (hours), days 3–14 (days), two weeks to three
 * months (weeks), then months. Induced lactation has only four weeks before hour 0, so that span
 * gets less room.
 */
function scrubberKnots(scenario: Scenario): readonly (readonly [number, number])[] {
  const { start, end } = timelineRange(scenario);
  const positions = scenario.kind === 'induced-lactation' ? [0, 0.1, 0.3, 0.5, 0.7, 1] : [0, 0.3, 0.5, 0.65, 0.8, 1];
  const hours = [start, 0, days(2), days(14), weeks(13), end];
  return positions.map((p, i) => [p, hours[i] as number] as const);
}

/** Slider position 0 … 1 → hour on the timeline (monotonic; NaN → 0). */
export function scrubberToHours(position: number, scenarioInput: unknown): number {
  const scenario = usableScenario(scenarioInput);
  return interpolateKnots(scrubberKnots(scenario), finiteIn(position, 0, 1, 0));
}

/** Hour on the timeline → slider position 0 … 1, the exact inverse of scrubberToHours. */
export function hoursToScrubber(hours: number, scenarioInput: unknown): number {
  const scenario = usableScenario(scenarioInput);
  const swapped = scrubberKnots(scenario).map(([p, h]) => [h, p] as const);
  return clamp01(interpolateKnots(swapped, clampLifeHours(hours, scenario)));
}

// ——— Labels ———

export type LifeTimeUnit = 'before-pregnancy' | 'pregnancy-week' | 'hour' | 'day' | 'week' | 'month';

/** Floors that forgive the rounding error of hours computed from weeks or months. */
const wholeFloor = (x: number): number => Math.floor(x + 1e-9);

const LABEL_LIMIT_HOURS = days(100 * 365);

/**
 * How to name an hour in a label:
 * - before conception: weeks still to go before it ('before-pregnancy', value ≥ 1);
 * - pregnancy: the gestational week in completed weeks, as in "20 weeks" (−20 weeks → 20);
 * - the first 48 h: the completed hour (30.5 h → hour 30);
 * - day 3 to day 14: the day counted as on the postnatal ward, the first 24 h being day 1
 *   (3.5 days → day 4);
 * - two weeks to three months: the baby's age in completed weeks (10 weeks → week 10);
 * - after that: age in completed months (7 months → month 7).
 * NaN reads as hour 0; infinities are clamped.
 */
export function describeLifeTime(hours: number): { unit: LifeTimeUnit; value: number } {
  const h = finiteIn(hours, -LABEL_LIMIT_HOURS, LABEL_LIMIT_HOURS, 0);
  if (h < CONCEPTION_HOURS) return { unit: 'before-pregnancy', value: Math.max(1, Math.ceil((CONCEPTION_HOURS - h) / HOURS_PER_WEEK - 1e-9)) };
  if (h < 0) return { unit: 'pregnancy-week', value: wholeFloor(TERM_WEEKS + h / HOURS_PER_WEEK) };
  if (h < days(2)) return { unit: 'hour', value: wholeFloor(h) };
  if (h < days(14)) return { unit: 'day', value: wholeFloor(h / HOURS_PER_DAY) + 1 };
  if (h < 3 * HOURS_PER_MONTH) return { unit: 'week', value: wholeFloor(h / HOURS_PER_WEEK) };
  return { unit: 'month', value: wholeFloor(h / HOURS_PER_MONTH) };
}
