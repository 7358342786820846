import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/languages';
import { formatContentError } from '../../shared/lessons/load-lessons';
import type { Lesson, LessonLoadResult } from '../../shared/lessons/lesson-types';
import type { Progress } from '../../shared/progress';
import { quizOf, type QuizLoadResult } from '../../shared/quizzes/load-quizzes';
import type { Quiz } from '../../shared/quizzes/quiz-schema';
import { Dialog } from '../components/Dialog';

/**
 * The lessons in the learner's language, as cards: title, summary, length, level, steps and how
 * far the learner got. A lesson that failed to load gets a card with its errors (file, line,
 * column) so whoever maintains the content can fix it; the others still play.
 */
export function LessonLibrary({
  open,
  results,
  language,
  progress,
  onClose,
  onStart,
  quizzes = null,
  onSelfCheck,
  onHandout,
  onPresent,
}: {
  open: boolean;
  results: readonly LessonLoadResult[] | null;
  language: Language;
  progress: Progress | null;
  onClose(): void;
  onStart(lesson: Lesson): void;
  /** The lessons' self-checks, once read; a lesson whose quiz has an error offers none. */
  quizzes?: readonly QuizLoadResult[] | null;
  onSelfCheck?(lesson: Lesson, quiz: Quiz): void;
  /** Makes the lesson's printable handout (with its self-check when it has one that loaded). */
  onHandout?(lesson: Lesson, quiz: Quiz | null): void;
  /** Presenter mode: the lesson projected for a class, driven from this window. */
  onPresent?(lesson: Lesson): void;
}) {
  const { t } = useTranslation();
  const mine = (results ?? [])
    .filter((r) => r.language === language)
    .sort((a, b) => (a.lesson?.order ?? Infinity) - (b.lesson?.order ?? Infinity) || a.id.localeCompare(b.id));
  return (
    <Dialog open={open} title={t('lessons.title')} closeLabel={t('lessons.close')} onClose={onClose}>
      {results === null && <p role="status">{t('loading')}</p>}
      <p className="lesson-library__not-advice">{t('lessons.notAdvice')}</p>
      {results !== null && mine.length === 0 && <p>{t('lessons.none')}</p>}
      <ul className="lesson-cards">
        {mine.map((result) => {
          const { lesson } = result;
          const saved = lesson ? progress?.lessons[lesson.id] : undefined;
          const quiz = lesson && quizzes ? quizOf(quizzes, lesson) : null;
          const bestQuizScore = saved?.bestQuizScore ?? null;
          return (
            <li key={result.file} className={`lesson-card lesson-card--${result.status}`}>
              <h3 className="lesson-card__title">{lesson?.title ?? result.id}</h3>
              {lesson && (
                <>
                  <p className="lesson-card__summary">{lesson.summary}</p>
                  <p className="lesson-card__facts">
                    {t('lessons.minutes', { count: lesson.durationMinutes })} · {t(`lessons.levels.${lesson.level}`)} · {t('lessons.steps', { count: lesson.steps.length })} ·{' '}
                    {t(`languages.${lesson.language}`)}
                  </p>
                  <p className="lesson-card__progress">
                    {saved?.completed ? t('lessons.completed') : saved && saved.lastPositionSeconds > 0 ? t('lessons.inProgress') : t('lessons.notStarted')}
                  </p>
                  {quiz && onSelfCheck && (
                    <p className="lesson-card__progress">{bestQuizScore === null ? t('quiz.notTaken') : t('quiz.bestScore', { percent: Math.round(bestQuizScore * 100) })}</p>
                  )}
                  {quizzes && !quiz && <p className="lesson-card__progress">{t('quiz.unavailable')}</p>}
                  <button type="button" className="button button--primary" onClick={() => onStart(lesson)} aria-label={t('lessons.actionLabel', { action: saved && !saved.completed && saved.lastPositionSeconds > 0 ? t('lessons.resume') : t('lessons.start'), title: lesson.title })}>
                    {saved && !saved.completed && saved.lastPositionSeconds > 0 ? t('lessons.resume') : t('lessons.start')}
                  </button>
                  {onPresent && (
                    <>
                      {' '}
                      <button type="button" className="button" onClick={() => onPresent(lesson)} aria-label={t('presenter.presentLabel', { title: lesson.title })}>
                        <span className="button__glyph" aria-hidden="true">
                          ▣
                        </span>
                        {t('presenter.present')}
                      </button>
                    </>
                  )}
                  {quiz && onSelfCheck && (
                    <>
                      {' '}
                      <button type="button" className="button" onClick={() => onSelfCheck(lesson, quiz)} aria-label={t('quiz.selfCheckLabel', { title: lesson.title })}>
                        {t('quiz.selfCheck')}
                      </button>
                    </>
                  )}
                  {onHandout && (
                    <>
                      {' '}
                      {/* Offered once the self-checks are read, so the handout has its quiz. */}
                      <button type="button" className="button" disabled={quizzes === null} onClick={() => onHandout(lesson, quiz)} aria-label={t('handout.buttonLabel', { title: lesson.title })}>
                        {t('handout.button')}
                      </button>
                    </>
                  )}
                </>
              )}
              {result.errors.length > 0 && (
                <div role={result.status === 'failed' ? 'alert' : undefined} className="lesson-card__errors">
                  <p>{result.status === 'failed' ? t('lessons.failed') : t('lessons.partial')}</p>
                  <ul>
                    {result.errors.map((error, i) => (
                      <li key={i}>{formatContentError(error)}</li>
                    ))}
                  </ul>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </Dialog>
  );
}
