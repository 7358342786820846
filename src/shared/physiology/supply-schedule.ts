import { shortestPossibleNightGap, type BreastOffer, type PumpSide, type SupplyInputs } from './supply-inputs';

/**
 * Where the feeds and pumping sessions of a supply run fall, placed the same way every time.
 *
 * Each day (hours from midnight) the first feed is at FIRST_FEED_HOUR, just after the night gap; the
 * other feeds follow at an even interval (24 − gap) / (feeds − 1), so the last one is at
 * FIRST_FEED_HOUR + 24 − gap and the night gap closes at the next day's first feed. Pumping sessions
 * are spread evenly over the same waking hours, each half an interval after the previous mark, so
 * they fall between feeds. With `alternate` the feeds take one breast each, starting on the left on
 * day 0 and carrying on across days (an odd number of feeds swaps the starting side the next day).
 * The night gap straddles midnight, so a day's last feed can fall just after it (at the defaults it
 * is at 24:00); it still counts as that day's feed for `skippedFeeds`.
 */

export const FIRST_FEED_HOUR = 6;

export type RemovalKind = 'feed' | 'pump';

export interface RemovalEvent {
  kind: RemovalKind;
  /** Hours from the start of the run. */
  hour: number;
  /** Day of the run (0-based) and, for feeds, the feed's place in that day. */
  day: number;
  index: number;
  /** Which breasts this removal drains: [left, right]. */
  breasts: readonly [boolean, boolean];
}

function feedBreasts(offer: BreastOffer, feedNumber: number): readonly [boolean, boolean] {
  switch (offer) {
    case 'alternate':
      return feedNumber % 2 === 0 ? [true, false] : [false, true];
    case 'both':
      return [true, true];
    case 'left-only':
      return [true, false];
    case 'right-only':
      return [false, true];
  }
}

function pumpBreasts(side: PumpSide): readonly [boolean, boolean] {
  return [side !== 'right', side !== 'left'];
}

/** Every feed and pumping session of the run, in time order, up to weaning or the end of the run. */
export function removalSchedule(inputs: SupplyInputs): RemovalEvent[] {
  const { feedsPerDay, pumpingPerDay, days } = inputs;
  const gap = Math.max(inputs.longestNightGapHours, shortestPossibleNightGap(feedsPerDay));
  const wakingHours = 24 - gap;
  const feedInterval = feedsPerDay > 1 ? wakingHours / (feedsPerDay - 1) : 0;
  const skipped = new Set(inputs.skippedFeeds.map((s) => `${s.day}:${s.feed}`));
  const stopHour = Math.min(days * 24, inputs.stopRemovalAfterDay === null ? Infinity : inputs.stopRemovalAfterDay * 24);
  const events: RemovalEvent[] = [];
  let feedNumber = 0;
  for (let day = 0; day < days; day += 1) {
    for (let feed = 0; feed < feedsPerDay; feed += 1) {
      const breasts = feedBreasts(inputs.offer, feedNumber);
      feedNumber += 1;
      if (skipped.has(`${day}:${feed}`)) continue;
      events.push({ kind: 'feed', hour: day * 24 + FIRST_FEED_HOUR + feed * feedInterval, day, index: feed, breasts });
    }
    for (let pump = 0; pump < pumpingPerDay; pump += 1) {
      const hour = day * 24 + FIRST_FEED_HOUR + ((pump + 0.5) * wakingHours) / pumpingPerDay;
      events.push({ kind: 'pump', hour, day, index: pump, breasts: pumpBreasts(inputs.pumpSide) });
    }
  }
  return events.filter((e) => e.hour < stopHour).sort((a, b) => a.hour - b.hour);
}
