import type { EjectionState, FeedKind, HormoneLevels, StageId } from '../../../shared/physiology/physiology-types';

/** The four scenarios offered: the model's three kinds, with a term birth split by whether placental fragments stayed behind. */
export const SCENARIO_CHOICES = ['term-birth', 'retained-placenta', 'relactation', 'induced-lactation'] as const;
export type ScenarioChoice = (typeof SCENARIO_CHOICES)[number];

export type FlowDirection = 'toward-nipple' | 'back' | 'still';

/** What the learner can notice about a feed, in discrete terms (no per-frame numbers). */
export interface FeedSnapshot {
  kind: FeedKind;
  phase: EjectionState['phase'];
  /** 0-based ejection under way, or null. */
  ejection: number | null;
  ejectionsSoFar: number;
  totalEjections: number;
  cued: boolean;
  flow: FlowDirection;
  /** Share of the stored milk removed so far, 0 … 1. */
  removedShare: number;
}

/** The view's discrete state: what the explanation and the live description compare. */
export interface ExploreSnapshot {
  scenario: ScenarioChoice;
  stage: StageId;
  activationDelayed: boolean;
  placenta: boolean;
  /** The life time is after the baby's birth (or, in induced lactation, after stimulation began). */
  afterBirth: boolean;
  hormones: HormoneLevels;
  stress: number;
  feed: FeedSnapshot | null;
}

/** Flow smaller than this (of −1 … 1) is "still": the ducts are at rest. */
const FLOW_THRESHOLD = 0.05;

export function flowDirection(flow: number): FlowDirection {
  if (!Number.isFinite(flow) || Math.abs(flow) < FLOW_THRESHOLD) return 'still';
  return flow > 0 ? 'toward-nipple' : 'back';
}

export function feedSnapshot(kind: FeedKind, cued: boolean, ejection: EjectionState, totalEjections: number, removedShare: number): FeedSnapshot {
  return {
    kind,
    phase: ejection.phase,
    ejection: ejection.ejection,
    ejectionsSoFar: ejection.ejectionsSoFar,
    totalEjections,
    cued,
    flow: flowDirection(ejection.flow),
    removedShare: Number.isFinite(removedShare) ? Math.min(1, Math.max(0, removedShare)) : 0,
  };
}

/** Whether two feed snapshots differ in anything the learner is told about. */
export function sameFeedMoment(a: FeedSnapshot | null, b: FeedSnapshot | null): boolean {
  if (a === null || b === null) return a === b;
  return a.kind === b.kind && a.phase === b.phase && a.ejection === b.ejection && a.ejectionsSoFar === b.ejectionsSoFar && a.totalEjections === b.totalEjections && a.flow === b.flow;
}
