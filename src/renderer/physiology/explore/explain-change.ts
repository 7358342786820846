import type { ExploreSnapshot, FeedSnapshot } from './explore-snapshot';
import { percent, type Message } from './messages';

/**
 * The plain-language line "what changed and why", from the view's state before and after a change.
 * Only changes a learner made or a feed's own events produce a line; moving the scrubber within a
 * stage says nothing new, so the last line stays.
 */
export type ChangeCause = 'scenario' | 'scrub' | 'feed' | 'stress';

export function explainChange(before: ExploreSnapshot | null, after: ExploreSnapshot, cause: ChangeCause): Message | null {
  switch (cause) {
    case 'scenario':
      return { key: `physiologyExplore.explain.scenario.${after.scenario}` };
    case 'scrub':
      return explainStage(before, after);
    case 'feed':
      return explainFeed(before?.feed ?? null, after.feed);
    case 'stress':
      return explainStress(after);
  }
}

function explainStage(before: ExploreSnapshot | null, after: ExploreSnapshot): Message | null {
  const stageChanged = before === null || before.stage !== after.stage;
  const delayChanged = before !== null && before.activationDelayed !== after.activationDelayed;
  // Placental fragments left behind keep progesterone up after birth: activation waits for them.
  if (heldByRetainedPlacenta(after)) return before !== null && heldByRetainedPlacenta(before) ? null : { key: 'physiologyExplore.explain.retainedPlacenta' };
  if (stageChanged) {
    if (after.stage === 'secretory-activation' && after.activationDelayed) return { key: 'physiologyExplore.explain.activationDelayed' };
    return { key: `physiologyExplore.explain.stage.${after.stage}` };
  }
  if (delayChanged && after.activationDelayed) return { key: 'physiologyExplore.explain.activationDelayed' };
  return null;
}

function heldByRetainedPlacenta(snapshot: ExploreSnapshot): boolean {
  return snapshot.scenario === 'retained-placenta' && snapshot.afterBirth && snapshot.placenta && snapshot.stage === 'secretory-differentiation';
}

function explainFeed(before: FeedSnapshot | null, after: FeedSnapshot | null): Message | null {
  if (after === null) return before !== null && before.phase !== 'after' ? { key: 'physiologyExplore.explain.feedCancelled' } : null;
  if (after.phase === 'after') {
    if (before?.phase === 'after') return null;
    return { key: 'physiologyExplore.explain.feedEnded', values: { count: after.ejectionsSoFar, removed: percent(after.removedShare) } };
  }
  const latched = after.phase === 'suckling';
  const latch: Message = { key: `physiologyExplore.explain.latch.${after.kind}${after.cued ? 'AfterCry' : ''}` };
  if (before === null || before.phase === 'after') return latched ? latch : { key: 'physiologyExplore.explain.cry' };
  if (latched && before.phase === 'before-latch') return latch;
  // The cry's oxytocin can start an ejection before the latch (milk drips): said as such.
  const whenSaid = latched ? '' : 'BeforeLatch';
  if (after.ejection !== null && after.ejection !== before.ejection) {
    return { key: `physiologyExplore.explain.ejection${whenSaid}`, values: { n: after.ejection + 1, total: Math.max(after.totalEjections, after.ejection + 1) } };
  }
  if (after.ejection === null && before.ejection !== null) return { key: `physiologyExplore.explain.betweenEjections${whenSaid}` };
  return null;
}

function explainStress(after: ExploreSnapshot): Message {
  const value = percent(after.stress);
  if (value === 0) return { key: 'physiologyExplore.explain.stressNone' };
  const feeding = after.feed !== null && after.feed.phase !== 'after';
  return feeding
    ? { key: 'physiologyExplore.explain.stressDuringFeed', values: { value, total: after.feed?.totalEjections ?? 0 } }
    : { key: 'physiologyExplore.explain.stressBetweenFeeds', values: { value } };
}
