import { inhibitorLevel } from './local-control';
import {
  CONCEPTION_HOURS,
  HOURS_PER_MONTH,
  PLACENTA_DELIVERY_HOURS,
  clamp01,
  clampLifeHours,
  finiteIn,
  interpolateKnots,
  milkRemovalPeriods,
  placentaGoneHours,
  timelineRange,
  usableScenario,
} from './life-timeline';
import { HOURS_PER_DAY, HOURS_PER_WEEK, type EjectionState, type HormoneId, type HormoneLevels, type Scenario } from './physiology-types';
import { restingFullnessAt } from './stages';

/**
 * Hormones along the life timeline and during a feed, as relative levels 0 … 1 (0 the lowest on
 * the timeline, 1 the highest), with each hormone's unit and sourced numbers in HORMONE_TABLE.
 * Time in hours from birth. Sources: /work/shared/reference/physiology-facts.md §2–§4, keys in
 * PHYSIOLOGY_SOURCES.
 *
 * Prolactin (ng/mL = µg/L), the one hormone drawn from sourced numbers:
 *   baseline B(t): 20 before pregnancy ("< 25" non-pregnant), rising linearly to 200 at term;
 *   after birth, log-linear through 200 (birth) → 100 (day 7) → 50 (6 months), then flat;
 *   when milk removal stops, B → 20 with τ = 7 d / 4 (non-pregnant levels by about 7 days without
 *   breastfeeding); on a relactation restart it returns to the lactating curve with τ = 3 d;
 *   induced lactation: 20 → 50 with τ = 14 d from the start of stimulation (a teaching choice:
 *   stimulation raises it, by how much is not sourced).
 *   During a feed: P = B·(1 + (m − 1)·s), s = ejection.prolactinSurge, m = 8.5 up to 6 weeks of
 *   lactation and 6 from 7 weeks (McNeilly; linear between). Only nipple stimulation drives s, so a
 *   cry alone leaves prolactin at B (McNeilly 1983; Noel 1974).
 *   Conflict, kept visible in the table: Cox et al. 1996 measured smaller surges in established
 *   lactation (basal 119 → 59, peaks 286 → 91 µg/L from 1 to 6 months) with constant output; prolactin
 *   is permissive, not rate-setting, once lactation is established.
 *   Relative level, on a log scale because prolactin spans two orders of magnitude:
 *   ln(P / 20) / ln(1700 / 20), 1700 = 200 × 8.5 (a first-week surge); so at term 0.52.
 * Estrogen, progesterone, hPL (placental): before pregnancy 0.03 / 0.05 / 0; in pregnancy
 *   floor + (1 − floor)·x^1.5, x the share of the time from conception to birth (a steady rise with
 *   placental mass; the shape is illustrative). After the placenta is delivered (0.5 h):
 *   estrogen e^(−t/6 h) and progesterone e^(−t/10 h), low well before copious secretion ("the fall
 *   precedes copious secretion by about 2–3 days", Pang & Hartmann 2007; Neville 2001); hPL
 *   e^(−t/20 min), gone within hours. Retained fragments hold progesterone at 0.35 until removed,
 *   and that holds activation back (Neifert 1981 [S]).
 * Oxytocin: 0.05 basal, the ejection state's pulses during a feed.
 * Dopamine: the tonic brake on prolactin, 1 between feeds, ejection.dopamineBrake during one
 *   (Ben-Jonathan & Hnasko 2001).
 * Cortisol: 0.2 before pregnancy, rising to 0.4 at term (an illustrative rise), a labour peak
 *   (0.35 + 0.25·labourStress)·e^(−(t/8 h)²) around birth, back to 0.2 after (τ = 2 d). Needed for
 *   secretory activation, yet labour stress goes with a later one (Pang & Hartmann 2007; Chen 1998;
 *   Grajeda & Pérez-Escamilla 2002).
 * Insulin: a constant 0.5. The model only needs it "present": prolactin, insulin and cortisol must
 *   all be there for secretory activation (Pang & Hartmann 2007); its curve is not drawn from data.
 * Inhibitor: inhibitorLevel(fullness) from local-control.ts.
 */

export const PHYSIOLOGY_SOURCES = {
  'arthur-1989': 'Arthur PG et al. J Pediatr Gastroenterol Nutr 1989;9:488–496',
  'auerbach-avery-1981': 'Auerbach KG, Avery JL. Am J Dis Child 1981;135:340–343',
  'ben-jonathan-2001': 'Ben-Jonathan N, Hnasko R. Endocr Rev 2001;22:724–763',
  'chen-1998': 'Chen DC et al. Am J Clin Nutr 1998;68:335–344',
  'cox-1996': 'Cox DB, Owens RA, Hartmann PE. Exp Physiol 1996;81:1007–1020',
  'dewey-2003': 'Dewey KG et al. Pediatrics 2003;112:607–619',
  'freeman-2000': 'Freeman ME et al. Physiol Rev 2000;80:1523–1631',
  'gardner-2015': 'Gardner H et al. BMC Pregnancy Childbirth 2015;15:156',
  'geddes-2009': 'Geddes DT. Int Breastfeed J 2009;4:5',
  'grajeda-2002': 'Grajeda R, Pérez-Escamilla R. J Nutr 2002;132:3055–3060',
  'handwerger-freemark': 'Handwerger S, Freemark M. The roles of placental growth hormone and placental lactogen (chapter)',
  'hartmann-kulski-1978': 'Hartmann PE, Kulski JK. J Physiol 1978',
  'iom-1991': 'Institute of Medicine. Nutrition During Lactation. 1991, p. 83',
  'kellymom-riordan-walker': 'KellyMom table quoting Riordan 2005 and Walker 2006 [secondary]',
  'kent-1999': 'Kent JC et al. Exp Physiol 1999;84:435–447',
  'kent-2006': 'Kent JC et al. Pediatrics 2006;117:e387–e395',
  'mcneilly-1983': 'McNeilly AS et al. BMJ 1983;286:257–259',
  'mcneilly-biosoc': 'McNeilly AS. J Biosoc Sci (lactation review)',
  'neifert-1981': 'Neifert MR et al. Am J Obstet Gynecol 1981 [secondary]',
  'neville-2001': 'Neville MC, Morton J, Umemura S. Pediatr Clin North Am 2001;48:35–52',
  'noel-1974': 'Noel GL et al. J Clin Endocrinol Metab 1974',
  'pang-hartmann-2007': 'Pang WW, Hartmann PE. J Mammary Gland Biol Neoplasia 2007;12:211–221',
  'prime-2011': 'Prime DK et al. Breastfeed Med 2011',
  'ramsay-2004': 'Ramsay DT et al. Pediatrics 2004;113:361–367',
  'ramsay-2005-jhl': 'Ramsay DT et al. J Hum Lact 2005;21:421–428',
  'ueda-1994': 'Ueda T et al. Obstet Gynecol 1994;84:259–262',
  'watson-2006': 'Watson CJ. Breast Cancer Res 2006;8:203',
  'who-1998': 'WHO. Relactation: a review of experience and recommendations for practice. WHO/CHS/CAH/98.14, 1998',
  'wilde-1995': 'Wilde CJ et al. Biochem J 1995;305:51–58',
} as const;
export type SourceKey = keyof typeof PHYSIOLOGY_SOURCES;

/** One sourced number. */
export interface HormoneAnchor {
  /** What the number describes, as a stable id (for tests and notes; not shown as text). */
  readonly id: string;
  readonly value: number;
  readonly unit: string;
  /** 'about': a typical value; 'below': an upper limit; 'ratio': a multiple of the baseline. */
  readonly relation: 'about' | 'below' | 'ratio';
  /** Hour of the timeline the number belongs to, or null when it spans a period or a feed. */
  readonly hours: number | null;
  readonly source: SourceKey;
}

export interface HormoneInfo {
  /** Unit of a measured level, or null where the model draws only a relative shape. */
  readonly unit: string | null;
  /** How the relative level is derived from the unit: prolactin spans two orders of magnitude. */
  readonly scale: 'log' | 'linear' | 'shape';
  readonly anchors: readonly HormoneAnchor[];
  readonly sources: readonly SourceKey[];
}

const NG_PER_ML = 'ng/mL';
const MICROGRAMS_PER_L = 'µg/L';
export const NON_PREGNANT_PROLACTIN_NG_ML = 20;
export const TERM_PROLACTIN_NG_ML = 200;
const DAY_7_PROLACTIN_NG_ML = 100;
const SIX_MONTHS_PROLACTIN_NG_ML = 50;
const EARLY_SURGE_RATIO = 8.5;
const LATER_SURGE_RATIO = 6;
const PROLACTIN_CHART_MAX_NG_ML = TERM_PROLACTIN_NG_ML * EARLY_SURGE_RATIO;
const INDUCED_PROLACTIN_NG_ML = SIX_MONTHS_PROLACTIN_NG_ML;

export const HORMONE_TABLE: Readonly<Record<HormoneId, HormoneInfo>> = {
  prolactin: {
    unit: NG_PER_ML,
    scale: 'log',
    anchors: [
      { id: 'non-pregnant', value: 25, unit: NG_PER_ML, relation: 'below', hours: null, source: 'kellymom-riordan-walker' },
      { id: 'term', value: TERM_PROLACTIN_NG_ML, unit: NG_PER_ML, relation: 'about', hours: 0, source: 'kellymom-riordan-walker' },
      { id: 'day-7', value: DAY_7_PROLACTIN_NG_ML, unit: NG_PER_ML, relation: 'about', hours: 7 * HOURS_PER_DAY, source: 'kellymom-riordan-walker' },
      { id: 'six-months', value: SIX_MONTHS_PROLACTIN_NG_ML, unit: NG_PER_ML, relation: 'about', hours: 6 * HOURS_PER_MONTH, source: 'kellymom-riordan-walker' },
      { id: 'surge-first-6-weeks', value: EARLY_SURGE_RATIO, unit: '× baseline', relation: 'ratio', hours: null, source: 'mcneilly-biosoc' },
      { id: 'surge-7-to-28-weeks', value: LATER_SURGE_RATIO, unit: '× baseline', relation: 'ratio', hours: null, source: 'mcneilly-biosoc' },
      { id: 'basal-1-month', value: 119, unit: MICROGRAMS_PER_L, relation: 'about', hours: HOURS_PER_MONTH, source: 'cox-1996' },
      { id: 'basal-6-months', value: 59, unit: MICROGRAMS_PER_L, relation: 'about', hours: 6 * HOURS_PER_MONTH, source: 'cox-1996' },
      { id: 'peak-1-month', value: 286, unit: MICROGRAMS_PER_L, relation: 'about', hours: HOURS_PER_MONTH, source: 'cox-1996' },
      { id: 'peak-6-months', value: 91, unit: MICROGRAMS_PER_L, relation: 'about', hours: 6 * HOURS_PER_MONTH, source: 'cox-1996' },
      { id: 'non-pregnant-without-breastfeeding', value: 7, unit: 'days', relation: 'about', hours: null, source: 'kellymom-riordan-walker' },
    ],
    sources: ['freeman-2000', 'mcneilly-1983', 'mcneilly-biosoc', 'noel-1974', 'cox-1996', 'kellymom-riordan-walker'],
  },
  oxytocin: {
    unit: 'pulses per 20 min',
    scale: 'shape',
    anchors: [
      { id: 'pulses-per-feed', value: 2.25, unit: 'pulses per 20 min', relation: 'about', hours: null, source: 'ueda-1994' },
      { id: 'pulses-under-arithmetic', value: 1.28, unit: 'pulses per 20 min', relation: 'about', hours: null, source: 'ueda-1994' },
      { id: 'pulses-under-noise', value: 1.14, unit: 'pulses per 20 min', relation: 'about', hours: null, source: 'ueda-1994' },
      { id: 'conditioned-release-earliest', value: 10, unit: 'min before suckling', relation: 'about', hours: null, source: 'mcneilly-1983' },
      { id: 'conditioned-release-latest', value: 3, unit: 'min before suckling', relation: 'about', hours: null, source: 'mcneilly-1983' },
    ],
    sources: ['mcneilly-1983', 'ueda-1994', 'ramsay-2004'],
  },
  progesterone: {
    unit: null,
    scale: 'shape',
    anchors: [{ id: 'fall-before-copious-secretion', value: 2.5, unit: 'days', relation: 'about', hours: null, source: 'pang-hartmann-2007' }],
    sources: ['pang-hartmann-2007', 'neville-2001', 'neifert-1981'],
  },
  estrogen: { unit: null, scale: 'shape', anchors: [], sources: ['neville-2001'] },
  hpl: { unit: null, scale: 'shape', anchors: [], sources: ['handwerger-freemark', 'mcneilly-biosoc'] },
  dopamine: { unit: null, scale: 'shape', anchors: [], sources: ['ben-jonathan-2001'] },
  cortisol: {
    unit: null,
    scale: 'shape',
    anchors: [
      { id: 'onset-high-antenatal-cortisol', value: 3.0, unit: 'days', relation: 'about', hours: null, source: 'grajeda-2002' },
      { id: 'onset-lower-antenatal-cortisol', value: 2.4, unit: 'days', relation: 'about', hours: null, source: 'grajeda-2002' },
    ],
    sources: ['pang-hartmann-2007', 'chen-1998', 'grajeda-2002'],
  },
  insulin: { unit: null, scale: 'shape', anchors: [], sources: ['pang-hartmann-2007'] },
  inhibitor: { unit: null, scale: 'linear', anchors: [], sources: ['wilde-1995'] },
};

const RETAINED_PROGESTERONE = 0.35;
const ESTROGEN_BEFORE = 0.03;
const PROGESTERONE_BEFORE = 0.05;
const ESTROGEN_FALL_HOURS = 6;
const PROGESTERONE_FALL_HOURS = 10;
const HPL_FALL_HOURS = 1 / 3;
const PLACENTAL_RISE_EXPONENT = 1.5;
const BASAL_OXYTOCIN = 0.05;
const CORTISOL_BEFORE = 0.2;
const CORTISOL_AT_TERM = 0.4;
const CORTISOL_LABOUR_PEAK = 0.35;
const CORTISOL_STRESS_PEAK = 0.25;
const CORTISOL_LABOUR_WIDTH_HOURS = 8;
const CORTISOL_RETURN_HOURS = 2 * HOURS_PER_DAY;
const INSULIN_PRESENT = 0.5;
const PROLACTIN_OFF_HOURS = (7 * HOURS_PER_DAY) / 4;
const PROLACTIN_RESTART_HOURS = 3 * HOURS_PER_DAY;
const INDUCED_PROLACTIN_HOURS = 14 * HOURS_PER_DAY;

const LACTATING_PROLACTIN_LOG_KNOTS: readonly (readonly [number, number])[] = [
  [0, Math.log(TERM_PROLACTIN_NG_ML)],
  [7 * HOURS_PER_DAY, Math.log(DAY_7_PROLACTIN_NG_ML)],
  [6 * HOURS_PER_MONTH, Math.log(SIX_MONTHS_PROLACTIN_NG_ML)],
];

const approach = (start: number, target: number, elapsed: number, timeConstant: number): number =>
  target + (start - target) * Math.exp(-Math.max(0, elapsed) / timeConstant);

function pregnancyShare(h: number): number {
  return clamp01((h - CONCEPTION_HOURS) / -CONCEPTION_HOURS);
}

/** Prolactin between feeds, ng/mL (header: B). */
export function prolactinBaselineNgPerMl(hours: number, scenarioInput: unknown): number {
  const scenario = usableScenario(scenarioInput);
  const h = clampLifeHours(hours, scenario);
  const periods = milkRemovalPeriods(scenario);
  const induced = scenario.kind === 'induced-lactation';
  const lactating = (hour: number): number =>
    induced
      ? approach(NON_PREGNANT_PROLACTIN_NG_ML, INDUCED_PROLACTIN_NG_ML, hour, INDUCED_PROLACTIN_HOURS)
      : Math.exp(interpolateKnots(LACTATING_PROLACTIN_LOG_KNOTS, hour));
  const at = (hour: number, periodIndex: number): number => {
    const period = periods[periodIndex];
    if (!period) {
      if (induced || hour < CONCEPTION_HOURS) return NON_PREGNANT_PROLACTIN_NG_ML;
      return NON_PREGNANT_PROLACTIN_NG_ML + (TERM_PROLACTIN_NG_ML - NON_PREGNANT_PROLACTIN_NG_ML) * pregnancyShare(hour);
    }
    if (hour >= period.to) return approach(at(period.to - 1e-6, periodIndex), NON_PREGNANT_PROLACTIN_NG_ML, hour - period.to, PROLACTIN_OFF_HOURS);
    if (periodIndex === 0) return lactating(hour);
    const restartLevel = at(period.from, periodIndex - 1);
    return lactating(hour) + (restartLevel - lactating(hour)) * Math.exp(-(hour - period.from) / PROLACTIN_RESTART_HOURS);
  };
  let index = -1;
  periods.forEach((period, i) => {
    if (h >= period.from) index = i;
  });
  return at(h, index);
}

/** Peak of the suckling surge as a multiple of the baseline (header: m). */
export function prolactinSurgeRatio(hours: number, scenarioInput: unknown): number {
  const h = clampLifeHours(hours, scenarioInput);
  const sinceLactationBegan = Math.max(0, h) / HOURS_PER_WEEK;
  return interpolateKnots(
    [
      [6, EARLY_SURGE_RATIO],
      [7, LATER_SURGE_RATIO],
    ],
    sinceLactationBegan,
  );
}

/** Prolactin in ng/mL with a feed's surge (surge 0 … 1 from the ejection state). */
export function prolactinNgPerMl(hours: number, scenarioInput: unknown, surge: number): number {
  const baseline = prolactinBaselineNgPerMl(hours, scenarioInput);
  return baseline * (1 + (prolactinSurgeRatio(hours, scenarioInput) - 1) * clamp01(surge));
}

function prolactinRelative(ngPerMl: number): number {
  return clamp01(Math.log(ngPerMl / NON_PREGNANT_PROLACTIN_NG_ML) / Math.log(PROLACTIN_CHART_MAX_NG_ML / NON_PREGNANT_PROLACTIN_NG_ML));
}

interface PlacentalLevels {
  estrogen: number;
  progesterone: number;
  hpl: number;
}

function placentalLevels(h: number, scenario: Scenario): PlacentalLevels {
  if (scenario.kind === 'induced-lactation' || h < CONCEPTION_HOURS) return { estrogen: ESTROGEN_BEFORE, progesterone: PROGESTERONE_BEFORE, hpl: 0 };
  if (h < PLACENTA_DELIVERY_HOURS) {
    const rise = pregnancyShare(h) ** PLACENTAL_RISE_EXPONENT;
    return {
      estrogen: ESTROGEN_BEFORE + (1 - ESTROGEN_BEFORE) * rise,
      progesterone: PROGESTERONE_BEFORE + (1 - PROGESTERONE_BEFORE) * rise,
      hpl: rise,
    };
  }
  const since = h - PLACENTA_DELIVERY_HOURS;
  const gone = placentaGoneHours(scenario);
  const progesterone =
    h < gone
      ? approach(1, RETAINED_PROGESTERONE, since, PROGESTERONE_FALL_HOURS)
      : approach(1, RETAINED_PROGESTERONE, gone - PLACENTA_DELIVERY_HOURS, PROGESTERONE_FALL_HOURS) * Math.exp(-(h - gone) / PROGESTERONE_FALL_HOURS);
  return {
    estrogen: Math.exp(-since / ESTROGEN_FALL_HOURS),
    progesterone: scenario.retainedPlacenta ? progesterone : Math.exp(-since / PROGESTERONE_FALL_HOURS),
    hpl: Math.exp(-since / HPL_FALL_HOURS),
  };
}

function cortisolAt(h: number, scenario: Scenario): number {
  if (scenario.kind === 'induced-lactation' || h < CONCEPTION_HOURS) return CORTISOL_BEFORE;
  const base = h < 0 ? CORTISOL_BEFORE + (CORTISOL_AT_TERM - CORTISOL_BEFORE) * pregnancyShare(h) : approach(CORTISOL_AT_TERM, CORTISOL_BEFORE, h, CORTISOL_RETURN_HOURS);
  const labour = (CORTISOL_LABOUR_PEAK + CORTISOL_STRESS_PEAK * scenario.labourStress) * Math.exp(-((h / CORTISOL_LABOUR_WIDTH_HOURS) ** 2));
  return base + labour;
}

/**
 * All hormones at one hour, relative 0 … 1. `ejection` is the feed under way (null between
 * feeds); `fullness` (0 … 1) sets the local inhibitor.
 */
export function hormoneLevelsAt(hours: number, scenarioInput: unknown, ejection: EjectionState | null, fullness: number): HormoneLevels {
  const scenario = usableScenario(scenarioInput);
  const h = clampLifeHours(hours, scenario);
  const placental = placentalLevels(h, scenario);
  const surge = ejection ? ejection.prolactinSurge : 0;
  return {
    estrogen: clamp01(placental.estrogen),
    progesterone: clamp01(placental.progesterone),
    hpl: clamp01(placental.hpl),
    prolactin: prolactinRelative(prolactinNgPerMl(h, scenario, surge)),
    oxytocin: clamp01(ejection ? ejection.oxytocin : BASAL_OXYTOCIN),
    dopamine: clamp01(ejection ? ejection.dopamineBrake : 1),
    cortisol: clamp01(cortisolAt(h, scenario)),
    insulin: INSULIN_PRESENT,
    inhibitor: clamp01(inhibitorLevel(finiteIn(fullness, 0, 1, 0))),
  };
}

const MAX_CURVE_SAMPLES = 10_000;

/**
 * One hormone's baseline over [from, to] (hours; no feed, resting fullness) for the charts.
 * Non-finite bounds fall back to the timeline's range; samples is at least 2.
 */
export function hormoneCurve(id: HormoneId, scenarioInput: unknown, from: number, to: number, samples: number): { hours: number[]; level: number[] } {
  const scenario = usableScenario(scenarioInput);
  const range = timelineRange(scenario);
  const start = Number.isFinite(from) ? from : range.start;
  const end = Number.isFinite(to) ? to : range.end;
  const count = Math.round(finiteIn(samples, 2, MAX_CURVE_SAMPLES, 2));
  const hours: number[] = [];
  const level: number[] = [];
  for (let i = 0; i < count; i++) {
    const h = start + ((end - start) * i) / (count - 1);
    hours.push(h);
    level.push(hormoneLevelsAt(h, scenario, null, restingFullnessAt(h, scenario))[id]);
  }
  return { hours, level };
}
