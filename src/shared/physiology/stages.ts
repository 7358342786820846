import {
  CONCEPTION_HOURS,
  DELAYED_ACTIVATION_THRESHOLD_HOURS,
  HOURS_PER_MONTH,
  INDUCED_SECRETION_LAG_HOURS,
  INDUCED_SECRETION_TIME_CONSTANT_HOURS,
  MID_PREGNANCY_HOURS,
  activationShiftHours,
  clamp01,
  clampLifeHours,
  interpolateKnots,
  landmarkHours,
  milkRemovalPeriods,
  placentaGoneHours,
  smoothstep,
  usableScenario,
} from './life-timeline';
import { HOURS_PER_DAY, type Scenario, type StageId } from './physiology-types';

/**
 * The stages of the gland along the life timeline, and three slow quantities the scene draws:
 * how developed the gland is, how much its alveoli can secrete, and how full it is between feeds.
 * Time in hours from birth; every output 0 … 1. Sources: /work/shared/reference/physiology-facts.md §3.
 *
 * Stages (term birth):
 *   before-pregnancy → mammogenesis (conception → mid-pregnancy) → secretory-differentiation
 *   (mid-pregnancy → the last placental tissue out: lactocytes differentiate, a little colostrum;
 *   copious secretion is held back by progesterone, Neville 2001; Pang & Hartmann 2007)
 *   → secretory-activation (placenta out → about day 9) → established-lactation → involution
 *   (after weaning). Relactation: involution while removal is stopped, then 'relactation';
 *   induced lactation: 'induced-lactation' from hour 0.
 *   The end of secretory activation is terminology, not a physiological switch: some authors start
 *   "lactogenesis III" on day 9, Kent 2007 sees composition settle after a month, and Pang &
 *   Hartmann describe only two initiation stages. We use the start of day 9 (192 h), moved by the
 *   same delay Δ as activation (life-timeline.ts).
 *
 * Gland development D (0 resting … 1 fully developed lactating gland):
 *   resting gland (ducts from puberty) D₀ = 0.15;
 *   pregnancy, x = share of the time from conception to birth:
 *     D = D₀ + (D_term − D₀)·(1 − e^(−x/0.35)) / (1 − e^(−1/0.35)), D_term = 0.9 — about 80% of
 *     the growth done by mid-pregnancy ("especially pronounced during the first half", IOM 1991 p. 83);
 *   after the placenta: rises to 1 by a month (breast volume up ≈ 190 mL per breast by 1 month,
 *     Kent 1999), smoothstep;
 *   after removal stops: involution in two phases (Watson 2006): 48 h with the structure kept
 *     (phase 1, reversible), then remodelling D = D₀ + (D_stop − D₀)·e^(−(t − 48 h)/10 d), so it is
 *     well advanced by 42 days (Hartmann & Kulski 1978: "partially functional for a long period");
 *   relactation: regrowth D = D_r + (1 − D_r)(1 − e^(−t/7 d)) ("a few days to a few weeks", WHO 1998);
 *   induced lactation: D₀ → 0.7 with τ = 14 d (no pregnancy growth; a smaller gland is our reading
 *     of "less often adequate for exclusive breastfeeding", WHO 1998 — a teaching choice).
 *
 * Secretion S (0 … 1, share of the output of established lactation, ≈ 750 mL/24 h; Cox 1996:
 * 708 → 742 g/24 h from 1 to 6 months):
 *   before mid-pregnancy 0; then a linear rise to colostrum at term, S = 0.05 (day-1 intakes
 *   15–37 g, Santoro 2010; Saint 1984);
 *   after birth S follows Arthur 1989's intakes, 82 → 556 mL/24 h between 24 and 144 h
 *   (0.11 → 0.74), through knots (0 h, 0.05), (24 h, 0.11), (144 h, 0.74), (day 9, 0.9),
 *   (30 d, 1), all shifted later by Δ (colostrum held at 0.05 until then);
 *   after removal stops: S = S_stop·e^(−t/10 d) (apoptosis begins within hours, Watson 2006; the
 *     gland stays partly functional for weeks, Hartmann & Kulski 1978);
 *   relactation: S = S_r + (1 − S_r)(1 − e^(−t/7 d));
 *   induced: S = 0.6·(1 − e^(−(t − 7 d)/14 d)) after a 7-day lag.
 *
 * Resting fullness F (stored milk / storage capacity between feeds, used when the caller gives none):
 *   while milk is removed F = 0.6·S: on average a breast holds a bit over half its capacity between
 *   feeds, since a feed takes about two-thirds of the milk available (Kent 2006: 67.3 ± 7.8%);
 *   plus a swelling of 0.3·e^(−((t − t_felt)/30 h)²) around the milk felt "coming in" (the fullness
 *   by which mothers date it, Arthur 1989);
 *   after removal stops: milk stasis fills the breast toward F_stop + 0.4·S_stop (τ = 12 h), and
 *   after the 48 h of phase 1 the milk is resorbed with the gland, e^(−(t − 48 h)/10 d).
 *   Fuller breasts carry more inhibitor and make milk more slowly (local-control.ts): that is how
 *   stasis itself slows secretion before involution takes over.
 */

const RESTING_DEVELOPMENT = 0.15;
const TERM_DEVELOPMENT = 0.9;
const PREGNANCY_GROWTH_SHAPE = 0.35;
const INDUCED_MAX_DEVELOPMENT = 0.7;
const INDUCED_MAX_SECRETION = 0.6;
const INVOLUTION_PHASE_ONE_HOURS = 48;
const INVOLUTION_TIME_CONSTANT_HOURS = 10 * HOURS_PER_DAY;
const SECRETION_FALL_TIME_CONSTANT_HOURS = 10 * HOURS_PER_DAY;
const RELACTATION_TIME_CONSTANT_HOURS = 7 * HOURS_PER_DAY;
const COLOSTRUM_AT_TERM = 0.05;
const ESTABLISHED_AFTER_BIRTH_HOURS = 8 * HOURS_PER_DAY;
const FULLNESS_BETWEEN_FEEDS = 0.6;
const MILK_FELT_SWELLING = 0.3;
const MILK_FELT_SWELLING_WIDTH_HOURS = 30;
const STASIS_TIME_CONSTANT_HOURS = 12;
const STASIS_EXTRA_FULLNESS = 0.4;

/** Arthur 1989 intakes as a share of established output, hours after an unshifted activation. */
const ACTIVATION_SECRETION_KNOTS: readonly (readonly [number, number])[] = [
  [0, COLOSTRUM_AT_TERM],
  [24, 82 / 750],
  [144, 556 / 750],
  [8 * HOURS_PER_DAY, 0.9],
  [30 * HOURS_PER_DAY, 1],
];

/** Secretory activation shown as delayed: later than 72 h (Dewey 2003). Induced lactation has no such threshold. */
export function activationOnsetHours(scenarioInput: unknown): number {
  const scenario = usableScenario(scenarioInput);
  return scenario.kind === 'induced-lactation' ? landmarkHours('copious-secretion', scenario) : landmarkHours('milk-felt', scenario);
}

/**
 * Whether the onset counts as delayed. The 72 h definition (Dewey 2003) dates the onset by the
 * mother's sense of fullness, so we compare the milk-felt hour; it does not apply to induced lactation.
 */
export function isActivationDelayed(scenarioInput: unknown): boolean {
  const scenario = usableScenario(scenarioInput);
  return scenario.kind !== 'induced-lactation' && activationOnsetHours(scenario) > DELAYED_ACTIVATION_THRESHOLD_HOURS;
}

/** When 'established-lactation' begins (start of day 9 plus the activation delay Δ). */
export function establishedLactationHours(scenarioInput: unknown): number {
  return ESTABLISHED_AFTER_BIRTH_HOURS + activationShiftHours(scenarioInput);
}

/** Placenta (or retained fragments) in the uterus: from conception until the last tissue is out. */
export function placentaPresentAt(hours: number, scenarioInput: unknown): boolean {
  const scenario = usableScenario(scenarioInput);
  if (scenario.kind === 'induced-lactation') return false;
  const h = clampLifeHours(hours, scenario);
  return h >= CONCEPTION_HOURS && h < placentaGoneHours(scenario);
}

interface RemovalPosition {
  /** Index of the removal period the hour lies in or after, or −1 before the first. */
  index: number;
  /** Whether the hour lies inside that period (milk removed) or after its end (stopped). */
  inside: boolean;
  from: number;
  to: number;
}

function removalPosition(h: number, scenario: Scenario): RemovalPosition {
  const periods = milkRemovalPeriods(scenario);
  for (let i = periods.length - 1; i >= 0; i--) {
    const period = periods[i];
    if (period && h >= period.from) return { index: i, inside: h < period.to, from: period.from, to: period.to };
  }
  return { index: -1, inside: false, from: 0, to: 0 };
}

export function stageAt(hours: number, scenarioInput: unknown): StageId {
  const scenario = usableScenario(scenarioInput);
  const h = clampLifeHours(hours, scenario);
  const position = removalPosition(h, scenario);
  if (scenario.kind === 'induced-lactation') {
    if (position.index < 0) return 'before-pregnancy';
    return position.inside ? 'induced-lactation' : 'involution';
  }
  if (position.index < 0) {
    if (h < CONCEPTION_HOURS) return 'before-pregnancy';
    return h < MID_PREGNANCY_HOURS ? 'mammogenesis' : 'secretory-differentiation';
  }
  if (!position.inside) return 'involution';
  if (position.index > 0) return 'relactation';
  if (h < placentaGoneHours(scenario)) return 'secretory-differentiation';
  return h < establishedLactationHours(scenario) ? 'secretory-activation' : 'established-lactation';
}

function pregnancyShare(h: number): number {
  return clamp01((h - CONCEPTION_HOURS) / -CONCEPTION_HOURS);
}

/** The same law for development and secretion: what happens inside a removal period and after it ends. */
interface Course {
  beforeRemoval(h: number): number;
  firstPeriod(h: number): number;
  restart(h: number, levelAtStart: number, from: number): number;
  afterStop(h: number, levelAtStop: number, stoppedAt: number): number;
}

function followCourse(h: number, scenario: Scenario, course: Course): number {
  const levelAt = (hour: number, periodIndex: number, inside: boolean): number => {
    const periods = milkRemovalPeriods(scenario);
    const period = periods[periodIndex];
    if (!period) return course.beforeRemoval(hour);
    if (!inside) return course.afterStop(hour, levelAt(period.to, periodIndex, true), period.to);
    if (periodIndex === 0) return course.firstPeriod(hour);
    // A later period starts after the previous one stopped, so it starts from that involution.
    return course.restart(hour, levelAt(period.from, periodIndex - 1, false), period.from);
  };
  const position = removalPosition(h, scenario);
  return clamp01(levelAt(h, position.index, position.inside));
}

const approach = (start: number, target: number, elapsed: number, timeConstant: number): number =>
  target + (start - target) * Math.exp(-Math.max(0, elapsed) / timeConstant);

function developmentCourse(scenario: Scenario): Course {
  const induced = scenario.kind === 'induced-lactation';
  const placentaGone = placentaGoneHours(scenario);
  return {
    beforeRemoval(h) {
      if (induced) return RESTING_DEVELOPMENT;
      const x = pregnancyShare(h);
      const growth = (1 - Math.exp(-x / PREGNANCY_GROWTH_SHAPE)) / (1 - Math.exp(-1 / PREGNANCY_GROWTH_SHAPE));
      return RESTING_DEVELOPMENT + (TERM_DEVELOPMENT - RESTING_DEVELOPMENT) * growth;
    },
    firstPeriod(h) {
      if (induced) return approach(RESTING_DEVELOPMENT, INDUCED_MAX_DEVELOPMENT, h, INDUCED_SECRETION_TIME_CONSTANT_HOURS);
      return TERM_DEVELOPMENT + (1 - TERM_DEVELOPMENT) * smoothstep((h - placentaGone) / HOURS_PER_MONTH);
    },
    restart: (h, start, from) => approach(start, 1, h - from, RELACTATION_TIME_CONSTANT_HOURS),
    afterStop: (h, atStop, stoppedAt) =>
      approach(atStop, RESTING_DEVELOPMENT, h - stoppedAt - INVOLUTION_PHASE_ONE_HOURS, INVOLUTION_TIME_CONSTANT_HOURS),
  };
}

function secretionCourse(scenario: Scenario): Course {
  const induced = scenario.kind === 'induced-lactation';
  const shift = activationShiftHours(scenario);
  return {
    beforeRemoval(h) {
      if (induced || h < MID_PREGNANCY_HOURS) return 0;
      return COLOSTRUM_AT_TERM * clamp01((h - MID_PREGNANCY_HOURS) / -MID_PREGNANCY_HOURS);
    },
    firstPeriod(h) {
      if (induced) return approach(0, INDUCED_MAX_SECRETION, h - INDUCED_SECRETION_LAG_HOURS, INDUCED_SECRETION_TIME_CONSTANT_HOURS);
      return interpolateKnots(ACTIVATION_SECRETION_KNOTS, h - shift);
    },
    restart: (h, start, from) => approach(start, 1, h - from, RELACTATION_TIME_CONSTANT_HOURS),
    afterStop: (h, atStop, stoppedAt) => approach(atStop, 0, h - stoppedAt, SECRETION_FALL_TIME_CONSTANT_HOURS),
  };
}

/** Lobulo-alveolar development, 0 resting … 1 fully developed lactating gland. */
export function glandDevelopmentAt(hours: number, scenarioInput: unknown): number {
  const scenario = usableScenario(scenarioInput);
  return followCourse(clampLifeHours(hours, scenario), scenario, developmentCourse(scenario));
}

/** How much the alveoli can secrete, 0 … 1 of established output, before local control by fullness. */
export function secretionAt(hours: number, scenarioInput: unknown): number {
  const scenario = usableScenario(scenarioInput);
  return followCourse(clampLifeHours(hours, scenario), scenario, secretionCourse(scenario));
}

/** Typical fullness of a breast between feeds at this hour (header: F). */
export function restingFullnessAt(hours: number, scenarioInput: unknown): number {
  const scenario = usableScenario(scenarioInput);
  const h = clampLifeHours(hours, scenario);
  const milkFelt = landmarkHours('milk-felt', scenario);
  const swelling = (hour: number): number =>
    scenario.kind === 'induced-lactation' ? 0 : MILK_FELT_SWELLING * Math.exp(-(((hour - milkFelt) / MILK_FELT_SWELLING_WIDTH_HOURS) ** 2));
  const whileRemoved = (hour: number): number => clamp01(FULLNESS_BETWEEN_FEEDS * secretionAt(hour, scenario) + swelling(hour));
  const fullnessCourse: Course = {
    beforeRemoval: (hour) => FULLNESS_BETWEEN_FEEDS * secretionAt(hour, scenario),
    firstPeriod: whileRemoved,
    restart: (hour) => whileRemoved(hour),
    afterStop(hour, atStop, stoppedAt) {
      const elapsed = hour - stoppedAt;
      const stasisTarget = Math.min(1, atStop + STASIS_EXTRA_FULLNESS * secretionAt(stoppedAt, scenario));
      const filled = approach(atStop, stasisTarget, elapsed, STASIS_TIME_CONSTANT_HOURS);
      return filled * Math.exp(-Math.max(0, elapsed - INVOLUTION_PHASE_ONE_HOURS) / INVOLUTION_TIME_CONSTANT_HOURS);
    },
  };
  return followCourse(h, scenario, fullnessCourse);
}
