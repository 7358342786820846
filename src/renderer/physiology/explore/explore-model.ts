import type { ClockTimeline } from '../../../shared/lessons/lesson-clock';
import { ejectionAt, ejectionCount, milkRemovedShare, planFeed, type FeedPlan } from '../../../shared/physiology/ejection-reflex';
import { clampScenario } from '../../../shared/physiology/life-timeline';
import { physiologyAt } from '../../../shared/physiology/physiology-state';
import type { FeedSetup, PhysiologyState, Scenario } from '../../../shared/physiology/physiology-types';
import { feedSnapshot, type ExploreSnapshot, type ScenarioChoice } from './explore-snapshot';
import { clockToFeedSeconds, findFeedMoments, sessionClockTimeline, type FeedMoment } from './feed-session';

/**
 * The explore view's inputs and how they become the model's state and the view's snapshot: pure,
 * so the same functions drive the view and its tests.
 */

export interface FeedSession {
  setup: FeedSetup;
  plan: FeedPlan;
  moments: FeedMoment[];
  timeline: ClockTimeline;
  totalEjections: number;
}

export interface ExploreInputs {
  choice: ScenarioChoice;
  scenario: Scenario;
  lifeHours: number;
  stress: number;
  session: FeedSession | null;
  /** The breast the baby is put to (or the one pumped): 0 left, 1 right. */
  suckledBreast: 0 | 1;
}

export function scenarioFor(choice: ScenarioChoice): Scenario {
  return clampScenario({ kind: choice === 'retained-placenta' ? 'term-birth' : choice, retainedPlacenta: choice === 'retained-placenta' }).scenario;
}

export function stateOf(inputs: ExploreInputs, clockSeconds: number): PhysiologyState {
  const session = inputs.session;
  return physiologyAt({
    scenario: inputs.scenario,
    lifeHours: inputs.lifeHours,
    // Each feed starts from the breasts' typical fullness at that time of life (the model's default).
    feed: session ? { plan: session.plan, seconds: clockToFeedSeconds(clockSeconds), suckledBreast: inputs.suckledBreast } : null,
  });
}

export function snapshotOf(inputs: ExploreInputs, state: PhysiologyState, clockSeconds: number): ExploreSnapshot {
  const session = inputs.session;
  const seconds = clockToFeedSeconds(clockSeconds);
  return {
    scenario: inputs.choice,
    stage: state.stage,
    activationDelayed: state.activationDelayed,
    placenta: state.placenta,
    afterBirth: inputs.lifeHours > 0,
    hormones: state.hormones,
    stress: inputs.stress,
    feed: session ? feedSnapshot(session.setup.kind, session.setup.cueBeforeLatch, ejectionAt(session.plan, seconds), session.totalEjections, milkRemovedShare(session.plan, seconds)) : null,
  };
}

export function makeSession(requested: FeedSetup): FeedSession {
  const plan = planFeed(requested);
  // The model keeps a feed within its limits (at least a minute of suckling): time the clock by what it planned.
  const setup = plan.setup;
  const moments = findFeedMoments(setup, (s) => ejectionAt(plan, s));
  return { setup, plan, moments, timeline: sessionClockTimeline(setup, moments), totalEjections: ejectionCount(plan) };
}

