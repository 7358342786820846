import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FEED, clampFeedSetup, ejectionAt, ejectionCount, milkRemovedShare, planFeed, type FeedPlan } from '../../../src/shared/physiology/ejection-reflex';
import type { FeedSetup } from '../../../src/shared/physiology/physiology-types';

const SEEDS = Array.from({ length: 2000 }, (_, i) => i + 1);
const breastfeed: FeedSetup = { ...DEFAULT_FEED, cueBeforeLatch: false };
const pump: FeedSetup = { kind: 'pump', latchAt: 0, endAt: 12.5 * 60, cueBeforeLatch: false, stress: 0, seed: 1 };

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
const plans = (setup: FeedSetup) => SEEDS.map((seed) => planFeed({ ...setup, seed }));
const sucklingEjections = (plan: FeedPlan) => plan.ejections.filter((e) => !e.beforeLatch).length;

/** The state every second of a feed, to the end of the longest ejection. */
function secondsOf(plan: FeedPlan): number[] {
  return Array.from({ length: Math.ceil(plan.setup.endAt) + 1 }, (_, t) => t);
}

describe('planFeed', () => {
  it('averages about 2.5 ± 1.5 ejections per breastfeed (Ramsay 2004)', () => {
    const counts = plans(breastfeed).map(ejectionCount);
    expect(mean(counts)).toBeGreaterThan(2.3);
    expect(mean(counts)).toBeLessThan(2.7);
    const sd = Math.sqrt(mean(counts.map((c) => (c - mean(counts)) ** 2)));
    expect(sd).toBeGreaterThan(1.2);
    expect(sd).toBeLessThan(1.8);
  });

  it('gives more ejections when pumping: 3–5 in 10–15 min (Ramsay 2005; Prime 2011)', () => {
    const pumped = mean(plans(pump).map(ejectionCount));
    expect(pumped).toBeGreaterThan(3);
    expect(pumped).toBeLessThan(5);
    expect(pumped).toBeGreaterThan(mean(plans(breastfeed).map(ejectionCount)));
  });

  it('keeps each ejection between 45 s and 3.5 min, apart from the others and inside the session', () => {
    for (const plan of [...plans(DEFAULT_FEED), ...plans(pump)]) {
      plan.ejections.forEach((e, i) => {
        expect(e.duration).toBeGreaterThanOrEqual(45 - 1e-9);
        expect(e.duration).toBeLessThanOrEqual(210 + 1e-9);
        expect(e.start).toBeGreaterThanOrEqual(0);
        expect(e.start + e.duration).toBeLessThanOrEqual(plan.setup.endAt + 1e-6);
        const next = plan.ejections[i + 1];
        if (next) expect(next.start).toBeGreaterThan(e.start + e.duration);
      });
    }
  });

  it('makes the first ejection of suckling or pumping the largest, 41–47% on average when pumping with 3–5', () => {
    const firstShares: number[] = [];
    for (const plan of plans(pump)) {
      const [first, ...rest] = plan.ejections;
      if (!first) continue;
      for (const other of rest) expect(other.share).toBeLessThan(first.share);
      if (plan.ejections.length >= 3 && plan.ejections.length <= 5) firstShares.push(first.share);
      expect(plan.ejections.reduce((sum, e) => sum + e.share, 0)).toBeCloseTo(1, 9);
    }
    expect(mean(firstShares)).toBeGreaterThan(0.4);
    expect(mean(firstShares)).toBeLessThan(0.48);
  });

  it('adds one conditioned release 3–10 min before the latch after a cue', () => {
    const cued = { ...DEFAULT_FEED, latchAt: 600, endAt: 1500 };
    for (const plan of plans(cued)) {
      const conditioned = plan.pulses.filter((p) => p.conditioned);
      expect(conditioned).toHaveLength(1);
      const lead = cued.latchAt - (conditioned[0]?.at ?? 0);
      expect(lead).toBeGreaterThanOrEqual(180 - 1e-9);
      expect(lead).toBeLessThanOrEqual(600 + 1e-9);
      expect(plan.ejections.filter((e) => e.beforeLatch)).toHaveLength(1);
    }
    expect(plans(breastfeed).every((plan) => plan.pulses.every((p) => !p.conditioned))).toBe(true);
  });

  it('under stress cuts oxytocin pulses about in half (Ueda 1994: 2.25 → ~1.2), never to none', () => {
    const calm = mean(plans(breastfeed).map((p) => p.pulses.length));
    const stressedPlans = plans({ ...breastfeed, stress: 1 });
    const stressed = mean(stressedPlans.map((p) => p.pulses.length));
    expect(stressed / calm).toBeGreaterThan(0.4);
    expect(stressed / calm).toBeLessThan(0.65);
    expect(stressedPlans.every((p) => p.pulses.length >= 1)).toBe(true);
    expect(mean(plans({ ...breastfeed, stress: 0.5 }).map(ejectionCount))).toBeLessThan(calm);
  });

  it('is deterministic: the same setup gives the same plan', () => {
    expect(planFeed({ ...DEFAULT_FEED, seed: 42 })).toEqual(planFeed({ ...DEFAULT_FEED, seed: 42 }));
    expect(planFeed({ ...DEFAULT_FEED, seed: 42 })).not.toEqual(planFeed({ ...DEFAULT_FEED, seed: 43 }));
  });
});

describe('ejectionAt', () => {
  it('raises oxytocin before the latch after a cry, but not prolactin', () => {
    const cuedPlans = plans(DEFAULT_FEED);
    for (const plan of cuedPlans.slice(0, 100)) {
      const pulse = plan.pulses.find((p) => p.conditioned);
      if (!pulse) throw new Error('no conditioned pulse');
      const atPeak = ejectionAt(plan, pulse.at + 45);
      expect(atPeak.phase).toBe('before-latch');
      expect(atPeak.oxytocin).toBeGreaterThan(0.4);
      expect(atPeak.prolactinSurge).toBe(0);
      expect(atPeak.dopamineBrake).toBe(1);
      expect(atPeak.nerveSignal).toBe(0);
    }
    const uncued = planFeed(breastfeed);
    expect(Math.max(...secondsOf(uncued).filter((t) => t < breastfeed.latchAt).map((t) => ejectionAt(uncued, t).oxytocin))).toBeLessThan(0.1);
  });

  it('raises prolactin and lowers dopamine with suckling; the surge peaks just after the feed', () => {
    const plan = planFeed(DEFAULT_FEED);
    const start = ejectionAt(plan, DEFAULT_FEED.latchAt);
    const late = ejectionAt(plan, DEFAULT_FEED.endAt - 1);
    expect(late.prolactinSurge).toBeGreaterThan(start.prolactinSurge + 0.5);
    expect(late.dopamineBrake).toBeLessThan(0.5);
    expect(late.nerveSignal).toBeGreaterThan(0);
    const after = [0, 60, 120, 180, 600, 2700].map((s) => ejectionAt(plan, DEFAULT_FEED.endAt + s).prolactinSurge);
    const peak = Math.max(...after);
    expect(peak).toBe(after[2]);
    expect(after[5]).toBeLessThan(peak * 0.5);
    expect(ejectionAt(plan, DEFAULT_FEED.endAt + 3600).dopamineBrake).toBeGreaterThan(0.99);
  });

  it('leaves the prolactin surge and the dopamine brake unchanged under stress', () => {
    for (const seed of SEEDS.slice(0, 50)) {
      const calm = planFeed({ ...DEFAULT_FEED, seed });
      const stressed = planFeed({ ...DEFAULT_FEED, seed, stress: 1 });
      for (const t of [0, 400, 800, 1200, 1500, 3000]) {
        expect(ejectionAt(stressed, t).prolactinSurge).toBe(ejectionAt(calm, t).prolactinSurge);
        expect(ejectionAt(stressed, t).dopamineBrake).toBe(ejectionAt(calm, t).dopamineBrake);
      }
    }
  });

  it('widens the ducts to a peak, sends milk forward, then narrows them with a brief backflow', () => {
    const plan = planFeed(DEFAULT_FEED);
    for (const [index, episode] of plan.ejections.entries()) {
      const samples = Array.from({ length: 100 }, (_, i) => ejectionAt(plan, episode.start + (episode.duration * i) / 100));
      const widening = samples.map((s) => s.ductWidening);
      const flow = samples.map((s) => s.flow);
      const peak = widening.indexOf(Math.max(...widening));
      expect(peak).toBeGreaterThan(0);
      expect(widening[0]).toBeLessThan(widening[peak] as number);
      expect(widening[99]).toBeLessThan(widening[peak] as number);
      const firstBackflow = flow.findIndex((f) => f < 0);
      expect(Math.max(...flow.slice(0, firstBackflow))).toBeGreaterThan(0.3);
      expect(firstBackflow).toBeGreaterThan(peak);
      expect(Math.min(...flow)).toBeLessThan(0);
      expect(samples[50]?.ejection).toBe(index);
      expect(samples[50]?.contraction).toBeGreaterThan(0);
    }
  });

  it('counts the ejections that have begun', () => {
    const plan = planFeed(DEFAULT_FEED);
    expect(ejectionAt(plan, 0).ejectionsSoFar).toBe(0);
    expect(ejectionAt(plan, DEFAULT_FEED.endAt + 600).ejectionsSoFar).toBe(ejectionCount(plan));
    expect(ejectionAt(plan, DEFAULT_FEED.endAt + 600).ejection).toBeNull();
  });
});

describe('milkRemovedShare', () => {
  it('removes about two-thirds of the available milk on average (Kent 2006: 67.3 ± 7.8%)', () => {
    for (const setup of [DEFAULT_FEED, breastfeed]) {
      const removed = plans(setup).map((plan) => milkRemovedShare(plan, plan.setup.endAt));
      expect(mean(removed)).toBeGreaterThan(0.6);
      expect(mean(removed)).toBeLessThan(0.75);
    }
  });

  it('never decreases, is nothing before the latch and ends at the planned share', () => {
    for (const plan of plans(DEFAULT_FEED).slice(0, 50)) {
      const removed = secondsOf(plan).map((t) => milkRemovedShare(plan, t));
      removed.forEach((r, i) => i > 0 && expect(r).toBeGreaterThanOrEqual(removed[i - 1] as number));
      expect(milkRemovedShare(plan, plan.setup.latchAt)).toBe(0);
      expect(milkRemovedShare(plan, plan.setup.endAt + 1000)).toBeCloseTo(plan.removalAtEnd, 9);
    }
  });

  it('removes more with more ejections, and the same under stress (Ueda 1994: milk yield unchanged)', () => {
    const byCount = new Map<number, number[]>();
    for (const plan of plans(breastfeed)) byCount.set(sucklingEjections(plan), [...(byCount.get(sucklingEjections(plan)) ?? []), plan.removalAtEnd]);
    expect(mean(byCount.get(1) ?? [])).toBeLessThan(mean(byCount.get(3) ?? []));
    const calm = mean(plans(breastfeed).map((p) => p.removalAtEnd));
    const stressed = mean(plans({ ...breastfeed, stress: 1 }).map((p) => p.removalAtEnd));
    expect(stressed).toBeCloseTo(calm, 9);
  });
});

describe('any input', () => {
  it('gives finite states within their ranges, NaN and infinities clamped', () => {
    const anyNumber = fc.oneof(fc.double(), fc.constantFrom(Number.NaN, Infinity, -Infinity));
    fc.assert(
      fc.property(
        fc.record({ kind: fc.constantFrom('breastfeed', 'pump'), latchAt: anyNumber, endAt: anyNumber, cueBeforeLatch: fc.boolean(), stress: anyNumber, seed: anyNumber }),
        anyNumber,
        (setup, seconds) => {
          const plan = planFeed(setup as FeedSetup);
          const state = ejectionAt(plan, seconds);
          for (const key of ['nerveSignal', 'oxytocin', 'contraction', 'ductWidening', 'prolactinSurge', 'dopamineBrake'] as const) {
            expect(state[key]).toBeGreaterThanOrEqual(0);
            expect(state[key]).toBeLessThanOrEqual(1);
          }
          expect(state.flow).toBeGreaterThanOrEqual(-1);
          expect(state.flow).toBeLessThanOrEqual(1);
          const removed = milkRemovedShare(plan, seconds);
          expect(removed).toBeGreaterThanOrEqual(0);
          expect(removed).toBeLessThanOrEqual(1);
          expect(Number.isFinite(plan.removalAtEnd)).toBe(true);
        },
      ),
    );
  });

  it('reports clamped setup fields', () => {
    const { setup, notes } = clampFeedSetup({ ...DEFAULT_FEED, stress: 2, endAt: Number.NaN });
    expect(setup.stress).toBe(1);
    expect(setup.endAt).toBe(DEFAULT_FEED.endAt);
    expect(notes).toEqual([
      { field: 'endAt', given: Number.NaN, used: DEFAULT_FEED.endAt },
      { field: 'stress', given: 2, used: 1 },
    ]);
  });
});
