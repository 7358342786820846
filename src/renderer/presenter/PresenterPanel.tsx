import type { TFunction } from 'i18next';
import { Fragment, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lesson, Step } from '../../shared/lessons/lesson-types';
import type { ClassQuizView } from './class-quiz-view';
import { pickAnswerName } from '../quiz/pick-answer-name';
import { PresenterClock } from './PresenterClock';

/** Teacher notes keep the lesson file's *emphasis*; everything else is plain text. */
function Emphasised({ text }: { text: string }) {
  const parts = text.split(/\*([^*]+)\*/);
  return (
    <>
      {parts.map((part, i) => (i % 2 === 1 ? <em key={i}>{part}</em> : <Fragment key={i}>{part}</Fragment>))}
    </>
  );
}

/** What the room will see in a step, in a few words, for the preview of the next one. */
function sceneSummary(step: Step, t: TFunction): string {
  const scene = step.scene;
  if (scene.physiology) return t('presenter.shows.bodyMap');
  if (scene.closeUp) return t(scene.closeUp.startsWith('alveolus-') ? 'presenter.shows.alveolus' : 'presenter.shows.lobule');
  return t(scene.view === 'tree' ? 'presenter.shows.tree' : 'presenter.shows.gland');
}

export interface PresenterPanelProps {
  lesson: Lesson;
  stepIndex: number;
  /** The panel itself, focused when it appears (presenter mode opens, or returns from the room's view). */
  panelRef: { current: HTMLElement | null };
  /** When the presentation began (performance.now()), and where the lesson stands, for the clock. */
  startedAt: number;
  readLesson(): { time: number; duration: number };
  audience: 'closed' | 'external' | 'same';
  blackout: boolean;
  pointer: string | null;
  /** A picture of the next step's scene (its end), once drawn. */
  nextPicture: string | null;
  pointerOptions: readonly string[];
  quiz: ClassQuizView | null;
  hasQuiz: boolean;
  /** Whether the lesson stops at the end of each step (the clicker's next then moves on). */
  holdSteps: boolean;
  onHoldSteps(hold: boolean): void;
  onOpenAudience(): void;
  onCloseAudience(): void;
  onBlackout(): void;
  onFullScreen(): void;
  onSwitchView(): void;
  onLeave(): void;
  onPointer(id: string | null): void;
  onGoToStep(index: number): void;
  onStartQuiz(): void;
  onQuizForward(): void;
  onQuizBack(): void;
  onEndQuiz(): void;
}

/**
 * The presenter's side: time and pace, the room's window, the step being taught with its teacher
 * notes, what comes next, what to point out, the class quiz, and every step to jump to. The lesson
 * player's own controls stay under the picture.
 */
export function PresenterPanel(props: PresenterPanelProps) {
  const { t } = useTranslation();
  const { lesson, stepIndex, quiz } = props;
  const step = lesson.steps[stepIndex];
  const next = lesson.steps[stepIndex + 1];
  const pointerId = useId();
  // Starting or ending the class quiz swaps this part of the panel: focus goes to what replaced it.
  const quizHeading = useRef<HTMLHeadingElement | null>(null);
  const startQuiz = useRef<HTMLButtonElement | null>(null);
  const quizShown = useRef(quiz !== null);
  useEffect(() => {
    if ((quiz !== null) === quizShown.current) return;
    quizShown.current = quiz !== null;
    if (quiz) quizHeading.current?.focus();
    else startQuiz.current?.focus();
  }, [quiz]);
  return (
    <aside className="presenter-panel" aria-label={t('presenter.panel')} ref={props.panelRef} tabIndex={-1}>
      <PresenterClock startedAt={props.startedAt} readLesson={props.readLesson} />

      <div className="presenter-panel__room" role="group" aria-label={t('presenter.roomControls')}>
        {props.audience === 'closed' ? (
          <button type="button" className="button button--primary" onClick={props.onOpenAudience}>
            {t('presenter.openAudience')}
          </button>
        ) : (
          <button type="button" className="button" onClick={props.onCloseAudience}>
            {t('presenter.closeAudience')}
          </button>
        )}
        <button type="button" className="button" aria-pressed={props.blackout} onClick={props.onBlackout} aria-keyshortcuts="B">
          {t('presenter.blackout')}
        </button>
        <button type="button" className="button" onClick={props.onFullScreen} aria-keyshortcuts="F">
          {t('presenter.fullScreen')}
        </button>
        <button type="button" className="button" onClick={props.onSwitchView} aria-keyshortcuts="P">
          {t('presenter.showRoomView')}
        </button>
        <button type="button" className="button" onClick={props.onLeave} aria-keyshortcuts="Escape">
          {t('presenter.leave')}
        </button>
      </div>
      <label className="presenter-panel__check">
        <input type="checkbox" checked={props.holdSteps} onChange={(event) => props.onHoldSteps(event.target.checked)} />
        {t('presenter.holdSteps')}
      </label>
      {props.audience !== 'closed' && <p className="presenter-panel__hint">{t(props.audience === 'external' ? 'presenter.audienceExternal' : 'presenter.audienceSame')}</p>}
      {props.blackout && (
        <p className="presenter-panel__alert">
          <span aria-hidden="true">■ </span>
          {t('presenter.blackedOut')}
        </p>
      )}

      {quiz ? (
        <section className="presenter-panel__section" aria-labelledby={`${pointerId}-quiz`}>
          <h2 id={`${pointerId}-quiz`} className="presenter-panel__title" ref={quizHeading} tabIndex={-1}>
            {t('presenter.quiz.title')} · {quiz.question ? t('presenter.quiz.count', { number: quiz.number, count: quiz.count }) : t('presenter.quiz.finished', { count: quiz.count })}
          </h2>
          {quiz.question && (
            <>
              <p className="presenter-panel__question">{quiz.question.prompt}</p>
              <p className="presenter-panel__answer">
                <strong>{t(quiz.revealed ? 'presenter.quiz.revealed' : 'presenter.quiz.teacherAnswer')}</strong> {teacherAnswer(quiz, t)}
              </p>
              <p className="presenter-panel__note">{quiz.question.explanation}</p>
            </>
          )}
          <div className="presenter-panel__buttons">
            <button type="button" className="button" onClick={props.onQuizBack} aria-keyshortcuts="PageUp ArrowLeft">
              {t('presenter.quiz.previous')}
            </button>
            <button type="button" className="button button--primary" onClick={props.onQuizForward} disabled={!quiz.question} aria-keyshortcuts="PageDown ArrowRight">
              {t(quiz.question && !quiz.revealed ? 'presenter.quiz.reveal' : 'presenter.quiz.next')}
            </button>
            <button type="button" className="button" onClick={props.onEndQuiz}>
              {t('presenter.quiz.end')}
            </button>
          </div>
        </section>
      ) : (
        <>
          {step && (
            <section className="presenter-panel__section" aria-labelledby={`${pointerId}-now`}>
              <h2 id={`${pointerId}-now`} className="presenter-panel__title">
                {t('presenter.now', { number: stepIndex + 1, count: lesson.steps.length, title: step.title })}
              </h2>
              <h3 className="presenter-panel__subtitle">{t('presenter.notes')}</h3>
              {step.notes.length > 0 ? (
                step.notes.map((note, i) => (
                  <p key={i} className="presenter-panel__note">
                    <Emphasised text={note.text} />
                  </p>
                ))
              ) : (
                <p className="presenter-panel__note presenter-panel__note--none">{t('presenter.noNotes')}</p>
              )}
            </section>
          )}
          <section className="presenter-panel__section presenter-panel__next" aria-labelledby={`${pointerId}-next`}>
            <h2 id={`${pointerId}-next`} className="presenter-panel__title">
              {t('presenter.next')}
            </h2>
            {next ? (
              <>
                <p className="presenter-panel__next-title">
                  {stepIndex + 2}. {next.title}
                </p>
                {props.nextPicture && <img className="presenter-panel__preview" src={props.nextPicture} alt="" />}
                <p className="presenter-panel__note">{sceneSummary(next, t)}</p>
                {next.sentences[0] && <p className="presenter-panel__note presenter-panel__opening">{t('presenter.opening', { text: next.sentences[0].text })}</p>}
              </>
            ) : (
              <p className="presenter-panel__note">{props.hasQuiz ? t('presenter.lastStepQuiz') : t('presenter.lastStep')}</p>
            )}
          </section>
          <section className="presenter-panel__section" aria-labelledby={`${pointerId}-pointer`}>
            <h2 id={`${pointerId}-pointer`} className="presenter-panel__title">
              {t('presenter.pointer.title')}
            </h2>
            <div className="presenter-panel__buttons">
              <select
                aria-label={t('presenter.pointer.title')}
                value={props.pointer ?? ''}
                onChange={(event) => props.onPointer(event.target.value === '' ? null : event.target.value)}
              >
                <option value="">{t('presenter.pointer.none')}</option>
                {props.pointerOptions.map((id) => (
                  <option key={id} value={id}>
                    {pickAnswerName(id, t)}
                  </option>
                ))}
              </select>
              <button type="button" className="button button--small" onClick={() => props.onPointer(null)} disabled={!props.pointer}>
                {t('presenter.pointer.clear')}
              </button>
            </div>
            <p className="presenter-panel__hint">{t('presenter.pointer.hint')}</p>
          </section>
          {props.hasQuiz && (
            <button type="button" className="button presenter-panel__start-quiz" ref={startQuiz} onClick={props.onStartQuiz}>
              {t('presenter.quiz.start')}
            </button>
          )}
        </>
      )}

      <nav className="presenter-panel__section" aria-label={t('presenter.steps')}>
        <h2 className="presenter-panel__title">{t('presenter.steps')}</h2>
        <ol className="presenter-panel__steps">
          {lesson.steps.map((s, i) => (
            <li key={s.index}>
              <button type="button" className="presenter-panel__step" aria-current={i === stepIndex && !quiz ? 'step' : undefined} onClick={() => props.onGoToStep(i)}>
                <span className="presenter-panel__step-number">{i + 1}</span> {s.title}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <p className="presenter-panel__hint">{t('presenter.keys')}</p>
    </aside>
  );
}

function teacherAnswer(quiz: ClassQuizView, t: TFunction): string {
  const question = quiz.question;
  if (!question) return '';
  switch (question.kind) {
    case 'choice':
      return question.choices.find((choice) => choice.id === question.answer)?.text ?? question.answer;
    case 'true-false':
      return t(question.answer ? 'quiz.true' : 'quiz.false');
    case 'order':
      return question.items.map((item, i) => `${i + 1}. ${item.text}`).join(' · ');
    case 'pick-structure':
      return quiz.answerName ?? question.answer;
  }
}
