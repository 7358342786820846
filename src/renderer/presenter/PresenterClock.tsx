import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paceMinutes, paceOf } from '../../shared/presentation/pacing';
import { formatTime } from '../lessons/player/format-time';

/**
 * Elapsed time since the presentation began, where the lesson stands, and the pace between the
 * two. It redraws itself once a second, alone: the rest of the presenter view (the 3D picture
 * included) is not re-rendered for it.
 */
export function PresenterClock({ startedAt, readLesson }: { startedAt: number; readLesson: () => { time: number; duration: number } }) {
  const { t } = useTranslation();
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = window.setInterval(() => setTick((n) => n + 1), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const elapsed = Math.floor((performance.now() - startedAt) / 1000);
  const lesson = readLesson();
  const pace = paceOf(elapsed, lesson.time);
  const paceText = pace.kind === 'on-pace' ? t('presenter.pace.onPace') : t(`presenter.pace.${pace.kind}`, { minutes: paceMinutes(pace) });
  return (
    <div className="presenter-panel__clock">
      <p className="presenter-panel__elapsed">
        <span className="presenter-panel__label">{t('presenter.elapsed')}</span> <strong className="presenter-panel__figure">{formatTime(elapsed)}</strong>
      </p>
      <p className="presenter-panel__lesson-time">{t('presenter.lessonAt', { at: formatTime(lesson.time), total: formatTime(lesson.duration) })}</p>
      <p className={`presenter-panel__pace presenter-panel__pace--${pace.kind}`} data-pace={pace.kind}>
        <span aria-hidden="true">{pace.kind === 'on-pace' ? '● ' : pace.kind === 'behind' ? '▼ ' : '▲ '}</span>
        {paceText}
      </p>
    </div>
  );
}
