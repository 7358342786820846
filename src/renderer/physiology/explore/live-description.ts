import { HORMONES, type HormoneId, type HormoneLevels } from '../../../shared/physiology/physiology-types';
import type { ExploreSnapshot, FeedSnapshot } from './explore-snapshot';
import { CHART_ORDER, levelBand, type LevelBand } from './hormone-glyphs';
import { lifeTimeMessage, stageMessage, type TimeWords } from './life-time-text';
import { percent, type Message } from './messages';

/**
 * What the polite live region says: the time and stage, the hormones whose level (in thirds: low,
 * moderate, high) changed since the last announcement, and the feed's phase. It is rebuilt only
 * when its signature changes, so a screen reader hears meaningful changes, not every frame.
 */
export type HormoneBands = Readonly<Record<HormoneId, LevelBand>>;

export function hormoneBands(levels: HormoneLevels): HormoneBands {
  const bands = {} as Record<HormoneId, LevelBand>;
  for (const id of HORMONES) bands[id] = levelBand(levels[id]);
  return bands;
}

/** What was last announced about the hormones: their levels, so the next description can say what moved. */
export interface AnnouncedHormones {
  levels: HormoneLevels;
  bands: HormoneBands;
}

export interface LiveDescription {
  messages: Message[];
  /** Equal signatures mean nothing worth announcing changed. */
  signature: string;
  hormones: AnnouncedHormones;
}

const BAND_RANK: Readonly<Record<LevelBand, number>> = { low: 0, moderate: 1, high: 2 };
/** At most this many hormone changes are said at once (a jump across the timeline moves many): the largest. */
const MOST_CHANGES_SAID = 3;

export function describeForScreenReader(snapshot: ExploreSnapshot, time: TimeWords, previous: AnnouncedHormones | null): LiveDescription {
  const bands = hormoneBands(snapshot.hormones);
  const messages: Message[] = [{ key: 'physiologyExplore.live.where', values: { time: lifeTimeMessage(time), stage: stageMessage(snapshot.stage) } }];
  if (snapshot.activationDelayed && snapshot.stage === 'secretory-activation') messages.push({ key: 'physiologyExplore.live.delayed' });
  messages.push(...hormoneMessages(snapshot.hormones, bands, previous));
  if (snapshot.feed) messages.push(feedMessage(snapshot.feed));
  const signature = JSON.stringify([snapshot.scenario, snapshot.stage, snapshot.activationDelayed, time.unit, Math.round(time.value), bands, feedSignature(snapshot.feed)]);
  return { messages, signature, hormones: { levels: snapshot.hormones, bands } };
}

function hormoneMessages(levels: HormoneLevels, bands: HormoneBands, previous: AnnouncedHormones | null): Message[] {
  if (previous === null) {
    const high = CHART_ORDER.filter((id) => bands[id] === 'high').map((id) => ({ key: `physiology.hormoneShort.${id}` }));
    return [high.length > 0 ? { key: 'physiologyExplore.live.highNow', values: { hormones: high } } : { key: 'physiologyExplore.live.noneHigh' }];
  }
  const moved = (id: HormoneId): number => Math.abs(levels[id] - previous.levels[id]);
  const changed = CHART_ORDER.filter((id) => bands[id] !== previous.bands[id])
    .sort((a, b) => moved(b) - moved(a))
    .slice(0, MOST_CHANGES_SAID);
  return changed.map((id) => ({
    key: BAND_RANK[bands[id]] > BAND_RANK[previous.bands[id]] ? 'physiologyExplore.live.hormoneRose' : 'physiologyExplore.live.hormoneFell',
    values: { hormone: { key: `physiology.hormoneShort.${id}` }, level: { key: `physiologyExplore.levels.${bands[id]}` } },
  }));
}

export function feedMessage(feed: FeedSnapshot): Message {
  const kind: Message = { key: `physiologyExplore.live.kind.${feed.kind}` };
  const flow: Message = { key: `physiologyExplore.live.flow.${feed.flow}` };
  switch (feed.phase) {
    case 'before-latch':
      return feed.ejection === null
        ? { key: 'physiologyExplore.live.beforeLatch' }
        : { key: 'physiologyExplore.live.ejectionBeforeLatch', values: { n: feed.ejection + 1, total: Math.max(feed.totalEjections, feed.ejection + 1), flow } };
    case 'after':
      return { key: 'physiologyExplore.live.after', values: { kind, count: feed.ejectionsSoFar, removed: percent(feed.removedShare) } };
    case 'suckling':
      return feed.ejection === null
        ? { key: 'physiologyExplore.live.betweenEjections', values: { kind, soFar: feed.ejectionsSoFar, total: feed.totalEjections, flow } }
        : { key: 'physiologyExplore.live.ejection', values: { kind, n: feed.ejection + 1, total: Math.max(feed.totalEjections, feed.ejection + 1), flow } };
  }
}

function feedSignature(feed: FeedSnapshot | null): unknown {
  return feed && [feed.kind, feed.phase, feed.ejection, feed.ejectionsSoFar, feed.totalEjections, feed.flow];
}
