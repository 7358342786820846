import { ejectionAt, milkRemovedShare, type FeedPlan } from './ejection-reflex';
import { hormoneLevelsAt } from './hormones';
import { clampLifeHours, finiteIn, usableScenario } from './life-timeline';
import { synthesisShare } from './local-control';
import type { BreastState, PhysiologyState, Scenario } from './physiology-types';
import { glandDevelopmentAt, isActivationDelayed, placentaPresentAt, restingFullnessAt, secretionAt, stageAt } from './stages';

/**
 * Everything the scene draws at one instant, as a pure function of its inputs: the life hour, the
 * scenario, and optionally a feed under way and the breasts' fullness when it began.
 *
 * The feed runs "at" lifeHours: its minutes do not move the life timeline, whose scale is months.
 * Fullness f (stored milk / storage capacity, 0 … 1), per breast:
 *   before the feed: `fullnessBefore`, or the typical fullness between feeds at that hour
 *   (restingFullnessAt, stages.ts);
 *   suckled breast: f = f₀·(1 − r(t)), r = milkRemovedShare (≈ two-thirds by the end, Kent 2006);
 *   other breast: oxytocin reaches it through the blood, so it ejects with the same contraction,
 *   duct widening and flow (one EjectionState serves both), but nothing removes its milk apart
 *   from a little leaking: f = f₀·(1 − 0.05·r(t)) (dripping from the other breast is a lay
 *   observation; a direct bilateral imaging study was not found, physiology-facts.md §4).
 * Synthesis per breast: secretionAt(lifeHours) × synthesisShare(f) (local control: the emptier
 *   breast makes milk faster, Daly 1993).
 * The inhibitor in `hormones` is the mean of the two breasts' (each breast has its own; the
 *   hormone charts show one line).
 */

export interface FeedInProgress {
  plan: FeedPlan;
  /** Seconds from the start of the feed session. */
  seconds: number;
  suckledBreast: 0 | 1;
}

export interface PhysiologyInput {
  scenario: Scenario;
  lifeHours: number;
  feed: FeedInProgress | null;
  fullnessBefore?: readonly [number, number];
}

const OTHER_BREAST_LEAK = 0.05;

export function physiologyAt(input: PhysiologyInput): PhysiologyState {
  const scenario = usableScenario(input.scenario);
  const lifeHours = clampLifeHours(input.lifeHours, scenario);
  const resting = restingFullnessAt(lifeHours, scenario);
  const before = [0, 1].map((side) => finiteIn(input.fullnessBefore?.[side] ?? resting, 0, 1, resting));
  const feed = input.feed;
  const ejection = feed ? ejectionAt(feed.plan, feed.seconds) : null;
  const removed = feed ? milkRemovedShare(feed.plan, feed.seconds) : 0;
  const suckled = feed?.suckledBreast === 1 ? 1 : 0;
  const fullness = before.map((f, side) => {
    if (!feed) return f;
    return side === suckled ? f * (1 - removed) : f * (1 - OTHER_BREAST_LEAK * removed);
  });
  const secretion = secretionAt(lifeHours, scenario);
  const breast = (side: 0 | 1): BreastState => {
    const f = fullness[side] ?? resting;
    return { fullness: f, synthesis: secretion * synthesisShare(f) };
  };
  const meanFullness = ((fullness[0] ?? resting) + (fullness[1] ?? resting)) / 2;
  return {
    lifeHours,
    stage: stageAt(lifeHours, scenario),
    activationDelayed: isActivationDelayed(scenario),
    hormones: hormoneLevelsAt(lifeHours, scenario, ejection, meanFullness),
    glandDevelopment: glandDevelopmentAt(lifeHours, scenario),
    placenta: placentaPresentAt(lifeHours, scenario),
    breasts: [breast(0), breast(1)],
    ejection,
  };
}
