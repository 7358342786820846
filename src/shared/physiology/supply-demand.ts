import { inhibitorLevel, synthesisShare } from './local-control';
import { MAX_REMOVED_SHARE, SUPPLY_LIMITS, type BreastStart, type SupplyInputs } from './supply-inputs';
import { removalSchedule, type RemovalEvent } from './supply-schedule';

/**
 * Supply and demand: how milk removal sets how much milk each breast makes, day after day.
 *
 * Each breast is its own system (control is local, breast by breast: Daly SE, Owens RA, Hartmann PE,
 * Exp Physiol 1993;78:209–220; Kent 2006; misconception 15 in physiology-facts.md). Per breast, with
 * time t in hours:
 *
 *   S  stored milk (mL), 0 … C;  C storage capacity (mL);  f = S / C fullness (0 … 1)
 *   P  potential synthesis rate (mL/h): what the breast makes when empty
 *   r  synthesis rate (mL/h) = P · synthesisShare(f) = P · (1 − f)            (local-control.ts)
 *   dS/dt = r − k(t) · S      between removals (k: resorption, only in stasis, see below)
 *   at a feed or pumping session that drains the breast: S ← S · (1 − q),
 *      q = min(0.95, share · effectiveness)   (share 67.3% Kent 2006; 76% Daly 1993)
 *
 * Each step integrates dS/dt with the midpoint rule, calling synthesisShare so the model follows
 * whatever shape local-control.ts gives the law; stored milk is held within 0 … C, so fullness stays
 * within 0 … 1, and with a share of 0 at f = 1 a full breast makes nothing.
 *
 * Demand (days). The potential follows the breast's average inhibitor level, ī: an exponential mean
 * of inhibitorLevel(f) (= f) over DEMAND_MEMORY_HOURS, so a breast that is kept well drained
 * (low ī) builds up its potential and one left full loses it (Daly 1993: storage capacity and
 * synthesis track the infant's demand; Wilde CJ et al., Biochem J 1995;305:51–58: the milk-borne
 * inhibitor):
 *   P* = min(P_MAX, P_DRAINED · max(0, 1 − ī / STASIS_INHIBITOR))
 *   dP/dt = (P* − P) / τ,   τ = ADAPTATION_DAYS
 * More or more thorough removal lowers ī, so P rises until the fuller breast it makes brings ī back
 * up: the equilibrium moves less than in proportion to the change (at the defaults, going from 6 to
 * 12 one-breast feeds a day raises the daily total by about half, 557 → 830 mL).
 *
 * Stasis and involution. When a breast is not drained for a long time:
 *  - it fills, so r → 0 within hours (local control);
 *  - phase 1 (the first INVOLUTION_PHASE2_HOURS, reversible; Watson CJ, Breast Cancer Res
 *    2006;8:203: apoptosis can begin 4–6 h after removal stops): ī climbs toward 1, P* toward 0,
 *    and P follows with τ;
 *  - phase 2 (after that; remodelling, the gland refills with fat): P* = 0 and P also falls with
 *    REMODELLING_DAYS, so the potential is mostly gone in about three weeks while the gland stays
 *    "partially functional for a long period" (Hartmann PE, Kulski JK, J Physiol 1978: 42 days);
 *  - tight junctions open with stasis (Nguyen DA, Neville MC, J Mammary Gland Biol Neoplasia
 *    1998;3:233–246) and stored milk is slowly taken back: k rises from 0 at RESORPTION_ONSET_HOURS to
 *    1 / RESORPTION_HOURS at RESORPTION_FULL_HOURS. This keeps a trickle of synthesis going, so the
 *    daily production falls over days rather than in one step. Normal night gaps (per breast, up to
 *    about 10 h with alternating feeds) stay below the onset.
 *
 * Calibration (physiology-facts.md §3.4, §5). P_MAX = 56 mL/h, the top of the per-breast short-term
 * synthesis rates (0–56 mL/h, Daly SE et al., Exp Physiol 1996;81:861–875): neither P nor r ever
 * exceeds it (Cox 1996 saw up to 90 mL/h in a few; we keep to the range most sources give).
 * P_DRAINED (what a breast kept almost empty would build up to) and STASIS_INHIBITOR set the demand
 * law; they are chosen so that the defaults (11 one-breast feeds, 67% removal, a 6 h night gap,
 * 210 mL per breast) settle at about 795 mL per 24 h for both breasts (mean 750–900 mL/d, range
 * 478–1,356 among thriving babies, Kent 2006; 708 ± 55 g at 1 month, Cox DB et al., Exp Physiol
 * 1996;81:1007), 10–14 feeds at 755–895 mL, about 72 mL per feed taken from a breast about half
 * full (76.0 ± 12.6 g per breastfeed, Kent 2006), and a mean synthesis near 17 mL/h per breast
 * (Cox 1996: mean 23 mL/h) with a potential near 27 mL/h. The established-lactation start (about
 * 1 month after birth) is that equilibrium, rounded. The time constants of adaptation, resorption and
 * remodelling are modelling choices: our sources give their direction and rough time scale (days;
 * weeks), not a number.
 *
 * Not modelled: the baby's appetite (a feed always takes its share), storage capacity changing with
 * demand, and the limits of gland development (a run started from P = 0 reaches full supply in days,
 * as a fully developed gland would; relactation and induced lactation take longer in life).
 *
 * Fixed step STEP_MINUTES; removals happen at the step that contains their time. A 14-day run takes
 * about 1 ms in Node once warm (about 6 ms for the first, cold run); 120 days about 5 ms.
 */

export const STEP_MINUTES = 6;
export const SAMPLE_MINUTES = 30;

export const P_MAX_ML_PER_HOUR = 56;
export const P_DRAINED_ML_PER_HOUR = 45;
export const STASIS_INHIBITOR = 0.93;
export const DEMAND_MEMORY_HOURS = 24;
export const ADAPTATION_DAYS = 3;
export const INVOLUTION_PHASE2_HOURS = 48;
export const REMODELLING_DAYS = 7;
export const RESORPTION_ONSET_HOURS = 12;
export const RESORPTION_FULL_HOURS = 24;
export const RESORPTION_HOURS = 72;

/** A typical breast about 1 month after birth, fed the default way (the model's equilibrium, rounded). */
export const ESTABLISHED_LACTATION_START: BreastStart = {
  potentialMlPerHour: SUPPLY_LIMITS.startPotentialMlPerHour.default,
  fullness: SUPPLY_LIMITS.startFullness.default,
};

export type PerBreast<T> = readonly [T, T];

export interface BreastSeries {
  /** Mean synthesis rate over each sample interval, mL/h. */
  synthesisMlPerHour: number[];
  /** Fullness at the end of each sample interval, 0 … 1. */
  fullness: number[];
  /** Potential (maximum) synthesis rate at the end of each interval, mL/h. */
  potentialMlPerHour: number[];
}

export interface DayProduction {
  day: number;
  /** Milk made in the 24 h of this day, mL, left and right. */
  producedMl: PerBreast<number>;
  producedTotalMl: number;
  /** Milk taken out by feeds and pumping this day, mL, left and right. */
  removedMl: PerBreast<number>;
  removedTotalMl: number;
  /** Removals (feeds and pumping sessions) that drained each breast this day. */
  removals: PerBreast<number>;
}

export interface SupplySummary {
  /** The last simulated day (0-based). */
  day: number;
  producedMl: PerBreast<number>;
  producedTotalMl: number;
  removedMl: PerBreast<number>;
  removedTotalMl: number;
  /** Mean synthesis rate over the last day, mL/h. */
  meanSynthesisMlPerHour: PerBreast<number>;
  /** Potential synthesis rate at the end of the run, mL/h. */
  potentialMlPerHour: PerBreast<number>;
}

export interface SupplyRun {
  inputs: SupplyInputs;
  stepMinutes: number;
  sampleMinutes: number;
  /** Sample times, days from the start of the run (the end of each sample interval). */
  timeDays: number[];
  /** Left, then right. */
  breasts: PerBreast<BreastSeries>;
  days: DayProduction[];
  /** Every feed and pumping session that took place. */
  removals: RemovalEvent[];
  summary: SupplySummary;
}

interface BreastModel {
  capacity: number;
  stored: number;
  potential: number;
  meanInhibitor: number;
  hoursSinceRemoval: number;
  removedShare: { feed: number; pump: number };
}

function startingBreast(inputs: SupplyInputs, side: 0 | 1): BreastModel {
  const start = inputs.startFrom.kind === 'breasts' ? inputs.startFrom.breasts[side] : ESTABLISHED_LACTATION_START;
  const { storageCapacityMl, removalEffectiveness } = inputs.breasts[side];
  const fullness = Math.min(1, Math.max(0, start.fullness));
  return {
    capacity: storageCapacityMl,
    stored: fullness * storageCapacityMl,
    potential: Math.min(P_MAX_ML_PER_HOUR, Math.max(0, start.potentialMlPerHour)),
    meanInhibitor: inhibitorLevel(fullness),
    hoursSinceRemoval: 0,
    removedShare: {
      feed: Math.min(MAX_REMOVED_SHARE, inputs.removalShare * removalEffectiveness),
      pump: Math.min(MAX_REMOVED_SHARE, inputs.pumpRemovalShare * removalEffectiveness),
    },
  };
}

function resorptionPerHour(hoursSinceRemoval: number): number {
  const ramp = (hoursSinceRemoval - RESORPTION_ONSET_HOURS) / (RESORPTION_FULL_HOURS - RESORPTION_ONSET_HOURS);
  return Math.min(1, Math.max(0, ramp)) / RESORPTION_HOURS;
}

/** Synthesis rate now, mL/h: the local-control law applied to the breast's potential. */
function synthesisRate(breast: BreastModel, stored: number): number {
  return breast.potential * synthesisShare(stored / breast.capacity);
}

/**
 * Advances one breast by `hours` with no removal (midpoint rule: the step is about 1% of the
 * filling time constant C / P at the defaults, under 8% for the smallest breast at the highest
 * potential);
 * returns the milk synthesised, mL.
 */
function stepBreast(breast: BreastModel, hours: number): number {
  const resorption = resorptionPerHour(breast.hoursSinceRemoval);
  const midStored = breast.stored + ((synthesisRate(breast, breast.stored) - resorption * breast.stored) * hours) / 2;
  const made = synthesisRate(breast, midStored) * hours;
  breast.stored = Math.min(breast.capacity, Math.max(0, breast.stored + made - resorption * midStored * hours));
  breast.hoursSinceRemoval += hours;

  const fullness = breast.stored / breast.capacity;
  breast.meanInhibitor += (inhibitorLevel(fullness) - breast.meanInhibitor) * (1 - Math.exp(-hours / DEMAND_MEMORY_HOURS));
  // In phase 2 resorption has lowered the stored milk, so the inhibitor no longer tells the whole
  // story: with no removal at all the demand is nil, and the gland remodels.
  const remodelling = breast.hoursSinceRemoval > INVOLUTION_PHASE2_HOURS;
  const target = remodelling ? 0 : Math.min(P_MAX_ML_PER_HOUR, P_DRAINED_ML_PER_HOUR * Math.max(0, 1 - breast.meanInhibitor / STASIS_INHIBITOR));
  breast.potential += (target - breast.potential) * (1 - Math.exp(-hours / (ADAPTATION_DAYS * 24)));
  if (remodelling) breast.potential *= Math.exp(-hours / (REMODELLING_DAYS * 24));
  return made;
}

/** Drains the breast by one removal; returns the milk removed, mL, or null when it takes nothing (effectiveness 0). */
function drain(breast: BreastModel, kind: RemovalEvent['kind']): number | null {
  const share = breast.removedShare[kind];
  if (share <= 0) return null;
  const removed = breast.stored * share;
  breast.stored -= removed;
  breast.hoursSinceRemoval = 0;
  return removed;
}

interface DayTally {
  day: number;
  produced: [number, number];
  removed: [number, number];
  removals: [number, number];
}

function emptyDay(day: number): DayTally {
  return { day, produced: [0, 0], removed: [0, 0], removals: [0, 0] };
}

const round1 = (value: number): number => Math.round(value * 10) / 10;

export function simulateSupply(inputs: SupplyInputs): SupplyRun {
  const stepHours = STEP_MINUTES / 60;
  const stepsPerDay = Math.round(24 / stepHours);
  const stepsPerSample = Math.round(SAMPLE_MINUTES / STEP_MINUTES);
  const totalSteps = inputs.days * stepsPerDay;
  const breasts = [startingBreast(inputs, 0), startingBreast(inputs, 1)] as const;
  const removals = removalSchedule(inputs);
  const series: PerBreast<BreastSeries> = [
    { synthesisMlPerHour: [], fullness: [], potentialMlPerHour: [] },
    { synthesisMlPerHour: [], fullness: [], potentialMlPerHour: [] },
  ];
  const timeDays: number[] = [];
  const dayTotals = [emptyDay(0)];
  const sampleMade: [number, number] = [0, 0];
  let nextRemoval = 0;

  for (let step = 0; step < totalSteps; step += 1) {
    const day = Math.floor(step / stepsPerDay);
    let today = dayTotals[day];
    if (!today) {
      today = emptyDay(day);
      dayTotals.push(today);
    }
    const stepEnd = (step + 1) * stepHours;
    for (let event = removals[nextRemoval]; event && event.hour < stepEnd; event = removals[++nextRemoval]) {
      for (const side of [0, 1] as const) {
        const removed = event.breasts[side] ? drain(breasts[side], event.kind) : null;
        if (removed === null) continue;
        today.removed[side] += removed;
        today.removals[side] += 1;
      }
    }
    for (const side of [0, 1] as const) {
      const made = stepBreast(breasts[side], stepHours);
      today.produced[side] += made;
      sampleMade[side] += made;
    }
    if ((step + 1) % stepsPerSample === 0) {
      timeDays.push(stepEnd / 24);
      for (const side of [0, 1] as const) {
        const breast = breasts[side];
        series[side].synthesisMlPerHour.push(sampleMade[side] / (stepsPerSample * stepHours));
        series[side].fullness.push(breast.stored / breast.capacity);
        series[side].potentialMlPerHour.push(breast.potential);
        sampleMade[side] = 0;
      }
    }
  }

  const days: DayProduction[] = dayTotals.map((d) => ({
    day: d.day,
    producedMl: [round1(d.produced[0]), round1(d.produced[1])],
    producedTotalMl: round1(d.produced[0] + d.produced[1]),
    removedMl: [round1(d.removed[0]), round1(d.removed[1])],
    removedTotalMl: round1(d.removed[0] + d.removed[1]),
    removals: d.removals,
  }));
  const last = days[days.length - 1] ?? { day: 0, producedMl: [0, 0], producedTotalMl: 0, removedMl: [0, 0], removedTotalMl: 0, removals: [0, 0] };
  const summary: SupplySummary = {
    day: last.day,
    producedMl: last.producedMl,
    producedTotalMl: last.producedTotalMl,
    removedMl: last.removedMl,
    removedTotalMl: last.removedTotalMl,
    meanSynthesisMlPerHour: [round1(last.producedMl[0] / 24), round1(last.producedMl[1] / 24)],
    potentialMlPerHour: [round1(breasts[0].potential), round1(breasts[1].potential)],
  };
  return {
    inputs,
    stepMinutes: STEP_MINUTES,
    sampleMinutes: SAMPLE_MINUTES,
    timeDays,
    breasts: series,
    days,
    removals,
    summary,
  };
}
