import type { ClockTimeline } from '../../../shared/lessons/lesson-clock';
import type { EjectionState, FeedKind, FeedSetup } from '../../../shared/physiology/physiology-types';

/**
 * A feed in the explore view, on the view's one clock (a LessonClock).
 *
 * Feed time (seconds since the session began, what the model's `ejectionAt` takes) runs
 * FEED_COMPRESSION times faster than clock time, so a 15-minute feed plays in about a minute:
 *   feedSeconds = clockSeconds × FEED_COMPRESSION.
 * The clock's steps are the feed's meaningful moments (the cry, the latch, each ejection at its
 * strongest, the end), which is what "next moment" and reduced motion jump between.
 */

export const FEED_COMPRESSION = 15;
/**
 * After a cry the latch follows this many seconds later unless the learner starts the feed sooner.
 * Oxytocin rose 3–10 min before suckling after the baby cried (McNeilly et al., BMJ 1983;286:257);
 * we take the short end so the cue is seen without a long wait.
 */
export const CRY_LEAD_SECONDS = 180;
/** Shown after suckling ends: the nerve signal stops, dopamine's brake returns, prolactin stays up a while. */
export const AFTER_FEED_SECONDS = 60;

export type FeedAction = 'cry' | 'feed' | 'pump' | 'stop';

export interface RunningFeed {
  setup: FeedSetup;
  /** Feed seconds reached on the clock. */
  seconds: number;
}

/**
 * The feed setup after a button press. `base` is the model's default feed (its suckling length and
 * seed); `seed` makes each new feed differ from the last while staying reproducible.
 * Returns null when the press ends the session (Stop before the latch, or with nothing running).
 */
export function setupAfterAction(action: FeedAction, running: RunningFeed | null, base: FeedSetup, stress: number, seed: number): FeedSetup | null {
  const suckling = Math.max(1, base.endAt - base.latchAt);
  const fresh = (kind: FeedKind, latchAt: number, cueBeforeLatch: boolean): FeedSetup => ({ ...base, kind, latchAt, endAt: latchAt + suckling, cueBeforeLatch, stress: clampStress(stress), seed });
  const waitingForLatch = running !== null && running.seconds < running.setup.latchAt;
  const sucklingNow = running !== null && running.seconds >= running.setup.latchAt && running.seconds < running.setup.endAt;
  switch (action) {
    case 'cry':
      // A cry during a feed changes nothing: oxytocin is already being released.
      if (sucklingNow || waitingForLatch) return running.setup;
      return fresh('breastfeed', CRY_LEAD_SECONDS, true);
    case 'feed':
    case 'pump': {
      const kind: FeedKind = action === 'feed' ? 'breastfeed' : 'pump';
      // Latching after a cry keeps the cue (and the oxytocin it released) in the same session.
      if (waitingForLatch) return { ...running.setup, kind, latchAt: running.seconds, endAt: running.seconds + suckling };
      if (sucklingNow && running.setup.kind === kind) return running.setup;
      return fresh(kind, 0, false);
    }
    case 'stop':
      if (!running || waitingForLatch) return null;
      if (sucklingNow) return { ...running.setup, endAt: Math.max(running.setup.latchAt, running.seconds) };
      return running.setup;
  }
}

export function clampStress(stress: number): number {
  return Number.isFinite(stress) ? Math.min(1, Math.max(0, stress)) : 0;
}

/** Length of a session in feed seconds: to the end of suckling, then a short look at what follows. */
export function sessionSeconds(setup: FeedSetup): number {
  return Math.max(0, setup.endAt) + AFTER_FEED_SECONDS;
}

export const clockToFeedSeconds = (clockSeconds: number): number => clockSeconds * FEED_COMPRESSION;
export const feedToClockSeconds = (feedSeconds: number): number => feedSeconds / FEED_COMPRESSION;

export type FeedMomentKind = 'cry' | 'latch' | 'ejection' | 'end';

export interface FeedMoment {
  kind: FeedMomentKind;
  /** Feed seconds. */
  seconds: number;
  /** 0-based ejection index, for `ejection` moments. */
  ejection?: number;
}

/**
 * The moments worth stopping at, found by sampling the model once a second: the cry (when the
 * session starts with one), the latch, each ejection where the myoepithelial contraction is
 * strongest, and the end of suckling.
 */
export function findFeedMoments(setup: FeedSetup, ejectionAt: (seconds: number) => EjectionState, total = sessionSeconds(setup)): FeedMoment[] {
  const moments: FeedMoment[] = [];
  if (setup.cueBeforeLatch && setup.latchAt > 0) moments.push({ kind: 'cry', seconds: 0 });
  moments.push({ kind: 'latch', seconds: setup.latchAt });
  const strongest = new Map<number, { seconds: number; contraction: number }>();
  for (let s = 0; s <= total; s += 1) {
    const state = ejectionAt(s);
    if (state.ejection === null) continue;
    const best = strongest.get(state.ejection);
    if (!best || state.contraction > best.contraction) strongest.set(state.ejection, { seconds: s, contraction: state.contraction });
  }
  for (const [ejection, { seconds }] of [...strongest].sort((a, b) => a[0] - b[0])) moments.push({ kind: 'ejection', seconds, ejection });
  moments.push({ kind: 'end', seconds: setup.endAt });
  return moments.sort((a, b) => a.seconds - b.seconds);
}

/** The clock's timeline for a session: its length and its moments as steps, in clock seconds. */
export function sessionClockTimeline(setup: FeedSetup, moments: readonly FeedMoment[]): ClockTimeline {
  const duration = feedToClockSeconds(sessionSeconds(setup));
  const starts = [0, ...moments.map((m) => feedToClockSeconds(m.seconds))].filter((t) => t >= 0 && t <= duration);
  return { duration, stepStarts: [...new Set(starts)].sort((a, b) => a - b) };
}
