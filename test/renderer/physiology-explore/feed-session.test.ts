import { describe, expect, it } from 'vitest';
import { LessonClock } from '../../../src/shared/lessons/lesson-clock';
import { DEFAULT_FEED, ejectionAt, ejectionCount, planFeed } from '../../../src/shared/physiology/ejection-reflex';
import type { FeedSetup } from '../../../src/shared/physiology/physiology-types';
import {
  AFTER_FEED_SECONDS,
  CRY_LEAD_SECONDS,
  FEED_COMPRESSION,
  clockToFeedSeconds,
  feedToClockSeconds,
  findFeedMoments,
  sessionClockTimeline,
  sessionSeconds,
  setupAfterAction,
} from '../../../src/renderer/physiology/explore/feed-session';

const SUCKLING = DEFAULT_FEED.endAt - DEFAULT_FEED.latchAt;

describe('feed clock compression', () => {
  it('plays a 15-minute feed in about a minute and maps both ways', () => {
    expect(FEED_COMPRESSION).toBe(15);
    expect(feedToClockSeconds(15 * 60)).toBe(60);
    expect(clockToFeedSeconds(feedToClockSeconds(437))).toBeCloseTo(437, 9);
  });

  it('runs on a LessonClock whose steps are the moments, ending with the session', () => {
    let now = 0;
    const setup = setupAfterAction('feed', null, DEFAULT_FEED, 0, 7)!;
    const plan = planFeed(setup);
    const moments = findFeedMoments(plan.setup, (s) => ejectionAt(plan, s));
    const timeline = sessionClockTimeline(plan.setup, moments);
    expect(timeline.duration).toBeCloseTo((SUCKLING + AFTER_FEED_SECONDS) / FEED_COMPRESSION, 9);
    const clock = new LessonClock({ now: () => now, timeline });
    clock.play();
    now = 10;
    expect(clockToFeedSeconds(clock.time())).toBeCloseTo(150, 9);
    now = 1000;
    expect(clock.time()).toBe(timeline.duration);
    expect(clock.playing).toBe(false);
    // Stepping lands exactly on each moment.
    clock.seek(0);
    const visited: number[] = [];
    for (let i = 0; i < moments.length + 2 && !clock.ended; i += 1) {
      clock.stepForward();
      visited.push(Math.round(clockToFeedSeconds(clock.time())));
    }
    for (const moment of moments.filter((m) => m.seconds > 0)) expect(visited).toContain(Math.round(moment.seconds));
  });
});

describe('setupAfterAction', () => {
  it('a cry starts a session with the cue, the latch following after the lead', () => {
    const cry = setupAfterAction('cry', null, DEFAULT_FEED, 0.3, 5)!;
    expect(cry).toMatchObject({ kind: 'breastfeed', cueBeforeLatch: true, latchAt: CRY_LEAD_SECONDS, endAt: CRY_LEAD_SECONDS + SUCKLING, stress: 0.3, seed: 5 });
  });

  it('starting the feed after a cry latches now and keeps the cue and the seed', () => {
    const cry = setupAfterAction('cry', null, DEFAULT_FEED, 0, 5)!;
    const latched = setupAfterAction('feed', { setup: cry, seconds: 40 }, DEFAULT_FEED, 0, 6)!;
    expect(latched).toMatchObject({ latchAt: 40, endAt: 40 + SUCKLING, cueBeforeLatch: true, seed: 5 });
  });

  it('a feed or pumping with nothing running starts at the latch, without a cue, with the new seed', () => {
    expect(setupAfterAction('feed', null, DEFAULT_FEED, 0, 9)).toMatchObject({ kind: 'breastfeed', latchAt: 0, cueBeforeLatch: false, seed: 9 });
    expect(setupAfterAction('pump', null, DEFAULT_FEED, 0, 9)).toMatchObject({ kind: 'pump', latchAt: 0 });
  });

  it('stop ends suckling now, or cancels a session still waiting for the latch', () => {
    const feed = setupAfterAction('feed', null, DEFAULT_FEED, 0, 1)!;
    expect(setupAfterAction('stop', { setup: feed, seconds: 300 }, DEFAULT_FEED, 0, 2)).toMatchObject({ endAt: 300, latchAt: 0 });
    const cry = setupAfterAction('cry', null, DEFAULT_FEED, 0, 1)!;
    expect(setupAfterAction('stop', { setup: cry, seconds: 60 }, DEFAULT_FEED, 0, 2)).toBeNull();
    expect(setupAfterAction('stop', null, DEFAULT_FEED, 0, 2)).toBeNull();
  });

  it('pressing the same thing during a feed changes nothing; a cry during suckling neither', () => {
    const feed = setupAfterAction('feed', null, DEFAULT_FEED, 0, 1)!;
    expect(setupAfterAction('feed', { setup: feed, seconds: 100 }, DEFAULT_FEED, 0, 2)).toBe(feed);
    expect(setupAfterAction('cry', { setup: feed, seconds: 100 }, DEFAULT_FEED, 0, 2)).toBe(feed);
  });

  it('keeps stress within 0–1 whatever it is given', () => {
    expect(setupAfterAction('feed', null, DEFAULT_FEED, Number.NaN, 1)!.stress).toBe(0);
    expect(setupAfterAction('feed', null, DEFAULT_FEED, 4, 1)!.stress).toBe(1);
  });
});

describe('findFeedMoments', () => {
  const momentsOf = (setup: FeedSetup) => {
    const plan = planFeed(setup);
    return { plan, moments: findFeedMoments(plan.setup, (s) => ejectionAt(plan, s)) };
  };

  it('finds the latch, one moment per ejection at its strongest, and the end, in time order', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { plan, moments } = momentsOf(setupAfterAction('feed', null, DEFAULT_FEED, 0, seed)!);
      expect(moments[0]).toMatchObject({ kind: 'latch', seconds: 0 });
      expect(moments.at(-1)).toMatchObject({ kind: 'end', seconds: plan.setup.endAt });
      const ejections = moments.filter((m) => m.kind === 'ejection');
      expect(ejections.map((m) => m.ejection)).toEqual([...Array(ejectionCount(plan)).keys()]);
      for (const m of ejections) expect(ejectionAt(plan, m.seconds).ejection).toBe(m.ejection);
      expect(moments.map((m) => m.seconds)).toEqual([...moments.map((m) => m.seconds)].sort((a, b) => a - b));
    }
  });

  it('starts with the cry when the session begins with one', () => {
    const { moments } = momentsOf(setupAfterAction('cry', null, DEFAULT_FEED, 0, 3)!);
    expect(moments[0]).toMatchObject({ kind: 'cry', seconds: 0 });
    expect(moments.find((m) => m.kind === 'latch')?.seconds).toBe(CRY_LEAD_SECONDS);
  });

  it('the session lasts to the end of suckling plus the look at what follows', () => {
    expect(sessionSeconds({ ...DEFAULT_FEED, endAt: 500 })).toBe(500 + AFTER_FEED_SECONDS);
  });
});

describe('findFeedMoments after a cry', () => {
  it('stops at an ejection the cry set off before the latch, at its strongest', () => {
    const setup = setupAfterAction('cry', null, DEFAULT_FEED, 0, 2)!;
    const plan = planFeed(setup);
    expect(plan.ejections[0]?.beforeLatch).toBe(true);
    const moments = findFeedMoments(plan.setup, (s) => ejectionAt(plan, s));
    expect(moments.map((m) => m.kind)).toEqual(['cry', 'ejection', 'latch', ...plan.ejections.slice(1).map(() => 'ejection'), 'end']);
    const first = moments[1]!;
    expect(first.seconds).toBeLessThan(plan.setup.latchAt);
    expect(ejectionAt(plan, first.seconds).contraction).toBeGreaterThanOrEqual(ejectionAt(plan, first.seconds + 5).contraction);
  });
});
