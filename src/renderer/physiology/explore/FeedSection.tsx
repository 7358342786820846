import { useTranslation } from 'react-i18next';
import type { FeedSnapshot } from './explore-snapshot';
import { FEED_COMPRESSION, sessionSeconds, type FeedAction } from './feed-session';
import { feedMessage } from './live-description';
import { percent } from './messages';
import type { FeedSession } from './explore-model';
import { useSay } from './use-say';

export type ClockCommand = 'play' | 'pause' | 'next' | 'previous' | 'summary';

/** Feed time as m:ss. */
export function formatFeedTime(seconds: number): string {
  const whole = Number.isFinite(seconds) ? Math.max(0, Math.floor(seconds)) : 0;
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/**
 * The feed's buttons, the stress slider, and the feed's clock: its compression said on screen,
 * play/pause (not offered with reduced motion, where the feed is stepped through its moments), the
 * moments, and where the feed is now.
 */
export function FeedSection({
  session,
  feed,
  feedSeconds,
  playing,
  momentIndex,
  stress,
  suckledBreast,
  reducedMotion,
  onAction,
  onBreast,
  onClock,
  onStress,
}: {
  session: FeedSession | null;
  feed: FeedSnapshot | null;
  feedSeconds: number;
  playing: boolean;
  momentIndex: number;
  stress: number;
  suckledBreast: 0 | 1;
  reducedMotion: boolean;
  onAction(action: FeedAction): void;
  onBreast(side: 0 | 1): void;
  onClock(command: ClockCommand): void;
  onStress(stress: number): void;
}) {
  const { t } = useTranslation();
  const speak = useSay();
  const stressPercent = percent(stress);
  const stressText = t('physiologyExplore.feed.stressValue', { value: stressPercent });
  const total = session ? sessionSeconds(session.setup) : 0;
  const moments = session?.timeline.stepStarts.length ?? 0;
  const ended = session !== null && feedSeconds >= total;
  return (
    <section className="explore__section" aria-labelledby="explore-feed-title">
      <h3 id="explore-feed-title" className="explore__subtitle">
        {t('physiologyExplore.feed.title')}
      </h3>
      <div className="explore__buttons">
        <button type="button" className="button" onClick={() => onAction('cry')}>
          {t('physiologyExplore.feed.cry')}
        </button>
        <button type="button" className="button button--primary" onClick={() => onAction('feed')}>
          {t('physiologyExplore.feed.start')}
        </button>
        <button type="button" className="button" onClick={() => onAction('pump')}>
          {t('physiologyExplore.feed.pump')}
        </button>
        <button type="button" className="button" disabled={!session || ended} onClick={() => onAction('stop')}>
          <span className="button__glyph" aria-hidden="true">
            ■
          </span>
          {t('physiologyExplore.feed.stop')}
        </button>
      </div>
      <label className="explore__field">
        <span>{t('physiologyExplore.feed.breast')}</span>
        <select value={suckledBreast} onChange={(event) => onBreast(event.target.value === '1' ? 1 : 0)}>
          <option value={0}>{t('physiologyExplore.supply.pumpSide.left')}</option>
          <option value={1}>{t('physiologyExplore.supply.pumpSide.right')}</option>
        </select>
      </label>
      <div className="explore__field explore__field--range">
        <label htmlFor="explore-stress">{t('physiologyExplore.feed.stress')}</label>
        <span aria-hidden="true">{stressText}</span>
        <input id="explore-stress" type="range" min={0} max={100} step={5} value={stressPercent} aria-valuetext={stressText} onChange={(event) => onStress(Number(event.target.value) / 100)} />
      </div>
      <p className="explore__hint">{reducedMotion ? t('physiologyExplore.feed.reducedMotion') : t('physiologyExplore.feed.compression', { factor: FEED_COMPRESSION })}</p>
      <div className="explore__feed-clock" role="group" aria-label={t('physiologyExplore.feed.clock')}>
        {!reducedMotion && (
          <button type="button" className="button button--small" disabled={!session} onClick={() => onClock(playing ? 'pause' : 'play')}>
            <span className="button__glyph" aria-hidden="true">
              {playing ? '❚❚' : '▶'}
            </span>
            {playing ? t('physiologyExplore.feed.pause') : t('physiologyExplore.feed.play')}
          </button>
        )}
        <button type="button" className="button button--small" disabled={!session || momentIndex <= 0} onClick={() => onClock('previous')}>
          <span className="button__glyph" aria-hidden="true">
            ◀
          </span>
          {t('physiologyExplore.feed.previousMoment')}
        </button>
        <button type="button" className="button button--small" disabled={!session || ended} onClick={() => onClock('next')}>
          {t('physiologyExplore.feed.nextMoment')}
          <span className="button__glyph button__glyph--after" aria-hidden="true">
            ▶
          </span>
        </button>
        <button type="button" className="button button--small" disabled={!session || ended} onClick={() => onClock('summary')}>
          {t('physiologyExplore.feed.summary')}
        </button>
      </div>
      <p className="explore__feed-status">
        {session && feed ? (
          <>
            <span className="explore__feed-time">{t('physiologyExplore.feed.time', { elapsed: formatFeedTime(Math.min(feedSeconds, total)), total: formatFeedTime(total), moment: Math.min(momentIndex + 1, moments), moments })}</span>
            <span>{speak.say(feedMessage(feed))}</span>
          </>
        ) : (
          t('physiologyExplore.feed.idle')
        )}
      </p>
    </section>
  );
}
