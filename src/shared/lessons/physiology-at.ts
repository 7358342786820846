import { DEFAULT_RELACTATION, DEFAULT_SCENARIO, landmarkHours } from '../physiology/life-timeline';
import { planFeed, type EjectionEpisode, type FeedPlan, type OxytocinPulse } from '../physiology/ejection-reflex';
import { physiologyAt, type FeedInProgress } from '../physiology/physiology-state';
import type { FeedSetup, HormoneId, PhysiologyState, Scenario } from '../physiology/physiology-types';
import type { LessonPhysiology } from './lesson-physiology';

/**
 * What the physiology view draws at a moment of a lesson: the model's state (physiology-state.ts)
 * for the lesson's scenario, point of the timeline and feed, `stepTime` seconds into the step.
 * A pure function of its arguments, like the rest of the lesson's timeline, so seeking shows the
 * same picture as playing.
 *
 * A feed in a lesson runs FEED_TIME_SCALE times faster than life, so that its ejections happen
 * within a narrated step; the model itself keeps real seconds. The narration decides when milk is
 * ejected: the ejections fall exactly on the `{let-down}` cues (each lasting a typical ejection),
 * and a feed without one ejects nothing; the seeded plan still gives the feed its suckling, its
 * prolactin surge and dopamine's brake.
 */

/** Feed seconds per lesson second (a 15-minute feed in a minute of narration). */
export const FEED_TIME_SCALE = 15;
/** With a cry, the latch comes this many real seconds after it (McNeilly 1983: 3–10 min before suckling). */
export const CRY_LEAD_SECONDS = 180;
/** Real seconds of suckling in a lesson feed (Kent 2006 and the model's nominal feed). */
export const LESSON_SUCKLING_SECONDS = 15 * 60;
/** A let-down's length in real seconds (Gardner 2015: 45 s to 3.5 min). */
export const LET_DOWN_SECONDS = 100;
/** How long a `{release}` burst shows, in lesson seconds, and how fast it rises. */
export const RELEASE_SECONDS = 6;
const RELEASE_RISE_SECONDS = 0.6;
/** The seed of every lesson feed: the same lesson always unfolds the same way. */
const LESSON_FEED_SEED = 7;

export function lessonScenario(physiology: LessonPhysiology): Scenario {
  return {
    ...DEFAULT_SCENARIO,
    kind: physiology.scenario,
    retainedPlacenta: physiology.scenario === 'term-birth' && physiology.retainedPlacenta,
    ...(physiology.scenario === 'relactation' ? { relactation: { ...DEFAULT_RELACTATION } } : {}),
  };
}

export function lessonLifeHours(physiology: LessonPhysiology, scenario: Scenario = lessonScenario(physiology)): number {
  return physiology.when.kind === 'landmark' ? landmarkHours(physiology.when.id, scenario) : physiology.when.hours;
}

export function lessonPhysiologyAt(physiology: LessonPhysiology, stepTime: number): PhysiologyState {
  const scenario = lessonScenario(physiology);
  const lifeHours = lessonLifeHours(physiology, scenario);
  const state = physiologyAt({ scenario, lifeHours, feed: lessonFeed(physiology, stepTime) });
  return withReleases(state, physiology, stepTime);
}

/** The feed under way at `stepTime`, in the model's real seconds, or null. */
export function lessonFeed(physiology: LessonPhysiology, stepTime: number): FeedInProgress | null {
  const session = feedSession(physiology);
  if (session === null || !(stepTime >= session.origin)) return null;
  return { plan: session.plan, seconds: (stepTime - session.origin) * FEED_TIME_SCALE, suckledBreast: 0 };
}

interface FeedSession {
  /** When the session starts, in step seconds. */
  origin: number;
  plan: FeedPlan;
}

/**
 * A lesson's feed plan depends on its physiology alone, not on the time: it is made once per
 * physiology (the player asks for the state on every frame, with the same physiology object).
 */
const sessions = new WeakMap<LessonPhysiology, FeedSession | null>();

function feedSession(physiology: LessonPhysiology): FeedSession | null {
  const known = sessions.get(physiology);
  if (known !== undefined) return known;
  const session = planSession(physiology);
  sessions.set(physiology, session);
  return session;
}

function planSession(physiology: LessonPhysiology): FeedSession | null {
  const { feed, letDowns } = physiology;
  if (feed === null && letDowns.length === 0) return null;
  // The session starts at the feed cue, or at the first let-down before it (a let-down set off by a cry).
  const origin = Math.min(feed?.startedAt ?? Infinity, ...letDowns);
  const real = (lessonSeconds: number): number => (lessonSeconds - origin) * FEED_TIME_SCALE;
  const latchAt = feed ? real(feed.startedAt) + (feed.cry ? CRY_LEAD_SECONDS : 0) : Number.POSITIVE_INFINITY;
  const setup: FeedSetup = {
    kind: feed?.kind ?? 'breastfeed',
    // Without a feed nobody suckles: the latch is put beyond anything a step can reach.
    latchAt: Number.isFinite(latchAt) ? latchAt : 30 * 60,
    endAt: (Number.isFinite(latchAt) ? latchAt : 30 * 60) + LESSON_SUCKLING_SECONDS,
    cueBeforeLatch: feed?.cry ?? false,
    stress: physiology.stress,
    seed: LESSON_FEED_SEED,
  };
  // The narration decides when milk is ejected: a lesson's feed ejects only at its {let-down} cues,
  // so nothing happens on screen that the voice has not announced (and seeking never shows an
  // ejection that a later cue would replace).
  return { origin, plan: withLetDowns(planFeed(setup), letDowns.map(real), physiology.stress) };
}

/**
 * How much weaker an ejection is at full stress. Stress cut the oxytocin pulses of a feed by about
 * half (Ueda 1994: 2.25 → 1.28 and 1.14 pulses per feed); the narration places each ejection, so
 * the lesson shows that cut as weaker pulses and ejections rather than missing ones.
 */
export const STRESS_EJECTION_LOSS = 0.5;

/** The plan with its ejections exactly at `starts` (real seconds), the first the strongest, all weaker under stress. */
function withLetDowns(plan: FeedPlan, starts: readonly number[], stress: number): FeedPlan {
  const strength = 1 - STRESS_EJECTION_LOSS * Math.min(1, Math.max(0, stress));
  const sorted = [...starts].sort((a, b) => a - b);
  const weights = sorted.map((_, k) => 0.65 ** k);
  const total = weights.reduce((sum, w) => sum + w, 0);
  const ejections: EjectionEpisode[] = sorted.map((start, k) => ({
    start,
    duration: LET_DOWN_SECONDS,
    share: (weights[k] as number) / total,
    amplitude: (k === 0 ? 1 : 0.8) * strength,
    beforeLatch: start < plan.setup.latchAt,
  }));
  // The oxytocin pulse leads its ejection by about half a minute, as in the model's own plans.
  const pulses: OxytocinPulse[] = ejections.map((episode) => ({ at: episode.start - 30, amplitude: episode.amplitude, conditioned: episode.beforeLatch }));
  return { ...plan, ejections, pulses };
}

/** A `{release}` or `{cry}` shows as a burst of the hormone on top of its level: up fast, then fading. */
export function releaseBurst(elapsed: number): number {
  if (!(elapsed >= 0) || elapsed >= RELEASE_SECONDS) return 0;
  if (elapsed < RELEASE_RISE_SECONDS) return elapsed / RELEASE_RISE_SECONDS;
  return 1 - (elapsed - RELEASE_RISE_SECONDS) / (RELEASE_SECONDS - RELEASE_RISE_SECONDS);
}

function withReleases(state: PhysiologyState, physiology: LessonPhysiology, stepTime: number): PhysiologyState {
  if (physiology.releases.length === 0) return state;
  const boosted: Record<HormoneId, number> = { ...state.hormones };
  for (const { hormone, at } of physiology.releases) boosted[hormone] = Math.max(boosted[hormone], releaseBurst(stepTime - at));
  return { ...state, hormones: boosted };
}
