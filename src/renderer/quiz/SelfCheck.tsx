import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lesson } from '../../shared/lessons/lesson-types';
import { BODY_PARTS, BODY_PREFIX, bodyPartOf } from '../../shared/quizzes/pick-structure';
import type { Quiz, QuizQuestion } from '../../shared/quizzes/quiz-schema';
import { Dialog } from '../components/Dialog';
import { judgePick } from './default-gland';
import { OrderList } from './OrderList';
import { pickAnswerName } from './pick-answer-name';
import {
  bestScore,
  checkAnswer,
  currentQuestion,
  currentVerdict,
  missedQuestions,
  nextQuestion,
  retryAll,
  retryMissed,
  scoreOf,
  shuffledOrder,
  startSession,
  type QuizAnswer,
  type QuizSession,
} from './quiz-session';
import './self-check.css';

/** What the learner has chosen so far for the question on screen, before "Check". */
function initialDraft(question: QuizQuestion | null): QuizAnswer | null {
  return question?.kind === 'order' ? { kind: 'order', order: shuffledOrder(question) } : null;
}

const percent = (fraction: number) => Math.round(fraction * 100);

/**
 * A lesson's self-check, one question at a time in a dialog (quiz-session.ts holds the logic).
 * A "pick the structure" question on the gland closes the dialog for a while: the learner selects
 * the structure in the 3D view itself (`glandSelection`, from SceneView) and comes back with "Use
 * this selection". Each answer is checked at once, with the explanation and a way to the step that
 * teaches it; at the end, the score, retries and the best score (`onScore` saves it).
 */
export function SelfCheck({
  lesson,
  quiz,
  savedBest,
  glandSelection,
  onPicking,
  onScore,
  onGoToStep,
  onClose,
}: {
  lesson: Lesson;
  quiz: Quiz;
  /** The best score saved before (0–1), or null. */
  savedBest: number | null;
  /** What is selected in the 3D view now: a structure id, or null. */
  glandSelection: string | null;
  /** True while the learner chooses in the 3D view (the app shows the gland then). */
  onPicking(picking: boolean): void;
  /** The score (0–1) at the end of each round. */
  onScore(fraction: number): void;
  /** Opens the lesson at a step (index among the lesson's steps, from 0). */
  onGoToStep(stepIndex: number): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [session, setSession] = useState<QuizSession>(() => startSession(quiz));
  const [draft, setDraft] = useState<QuizAnswer | null>(() => initialDraft(currentQuestion(session)));
  const [picking, setPicking] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const promptId = useId();
  const promptRef = useRef<HTMLHeadingElement | null>(null);
  const nextRef = useRef<HTMLButtonElement | null>(null);
  const scoreRef = useRef<HTMLParagraphElement | null>(null);
  const focusOn = useRef<'prompt' | 'next' | 'score' | null>(null);

  const question = currentQuestion(session);
  const verdict = currentVerdict(session);
  const score = scoreOf(session);
  const best = session.phase === 'done' ? bestScore(savedBest, score.fraction) : savedBest;
  const retrying = session.round.length < session.questions.length;

  useEffect(() => {
    const target = focusOn.current;
    focusOn.current = null;
    if (target === 'prompt') promptRef.current?.focus();
    else if (target === 'next') nextRef.current?.focus();
    else if (target === 'score') scoreRef.current?.focus();
  });

  const startRound = (next: QuizSession) => {
    setSession(next);
    setDraft(initialDraft(currentQuestion(next)));
    setNotice(null);
    setAnnouncement('');
    focusOn.current = 'prompt';
  };

  const check = () => {
    if (!question) return;
    if (!draft) {
      setNotice(t('quiz.chooseFirst'));
      return;
    }
    const checked = checkAnswer(session, draft, judgePick);
    const right = currentVerdict(checked);
    setSession(checked);
    setNotice(null);
    setAnnouncement(`${right ? t('quiz.correct') : t('quiz.incorrect')} ${question.explanation}`);
    focusOn.current = 'next';
  };

  const next = () => {
    const moved = nextQuestion(session);
    if (moved.phase === 'done') {
      const final = scoreOf(moved);
      setSession(moved);
      onScore(final.fraction);
      setAnnouncement(t('quiz.score', { right: final.right, total: final.total }));
      focusOn.current = 'score';
      return;
    }
    setSession(moved);
    setDraft(initialDraft(currentQuestion(moved)));
    setAnnouncement('');
    focusOn.current = 'prompt';
  };

  const choosePick = (picked: string) => {
    setDraft({ kind: 'pick-structure', picked });
    setPicking(false);
    onPicking(false);
    focusOn.current = 'prompt';
  };

  const nameOfPick = (picked: string) => pickAnswerName(picked, t);

  if (picking && question?.kind === 'pick-structure') {
    return (
      <section className="self-check-pick" aria-label={t('quiz.pick.region')}>
        <p className="self-check-pick__prompt">{question.prompt}</p>
        <p className="self-check-pick__hint">{t('quiz.pick.instructions')}</p>
        <p className="self-check-pick__selected" role="status">
          {glandSelection ? t('quiz.pick.selected', { name: nameOfPick(glandSelection) }) : t('quiz.pick.nothingSelected')}
        </p>
        <div className="self-check__actions">
          <button type="button" className="button button--primary" disabled={!glandSelection} onClick={() => glandSelection && choosePick(glandSelection)}>
            {t('quiz.pick.useSelection')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setPicking(false);
              onPicking(false);
              focusOn.current = 'prompt';
            }}
          >
            {t('quiz.pick.back')}
          </button>
        </div>
      </section>
    );
  }

  const stepPosition = question ? lesson.steps.findIndex((step) => step.index === question.step - 1) : -1;
  const step = stepPosition >= 0 ? lesson.steps[stepPosition] : undefined;

  return (
    <Dialog open title={t('quiz.title', { title: lesson.title })} closeLabel={t('quiz.close')} onClose={onClose}>
      <div className="self-check">
        <p className="visually-hidden" role="status" aria-live="polite">
          {announcement}
        </p>
        {session.questions.length === 0 && <p>{t('quiz.empty')}</p>}
        {question && session.phase !== 'done' && (
          <>
            <p className="self-check__progress">
              {t('quiz.progress', { number: session.index + 1, count: session.round.length })}
              {retrying ? ` · ${t('quiz.retryingMissed')}` : ''}
            </p>
            <QuestionInput
              key={`${session.round.join()}:${session.index}`}
              question={question}
              draft={draft}
              locked={session.phase === 'feedback'}
              promptId={promptId}
              promptRef={promptRef}
              nameOfPick={nameOfPick}
              onDraft={(answer) => {
                setDraft(answer);
                setNotice(null);
              }}
              onMoved={setAnnouncement}
              onChooseIn3d={() => {
                setPicking(true);
                onPicking(true);
              }}
            />
            {notice && <p className="self-check__notice">{notice}</p>}
            {session.phase === 'answering' && (
              <div className="self-check__actions">
                <button type="button" className="button button--primary" onClick={check}>
                  {t('quiz.check')}
                </button>
              </div>
            )}
            {session.phase === 'feedback' && verdict !== null && (
              <>
                <div className={`self-check__feedback self-check__feedback--${verdict ? 'right' : 'wrong'}`}>
                  <p className="self-check__verdict">
                    <span className="self-check__glyph" aria-hidden="true">
                      {verdict ? '✓' : '✗'}
                    </span>{' '}
                    {verdict ? t('quiz.correct') : t('quiz.incorrect')}
                  </p>
                  {!verdict && <RightAnswer question={question} nameOfPick={nameOfPick} />}
                  <p className="self-check__explanation">{question.explanation}</p>
                  {step && (
                    <button type="button" className="button button--small self-check__step-link" onClick={() => onGoToStep(stepPosition)}>
                      {t('quiz.goToStep', { number: question.step, title: step.title })}
                    </button>
                  )}
                </div>
                <div className="self-check__actions">
                  <button type="button" className="button button--primary" ref={nextRef} onClick={next}>
                    {session.index + 1 >= session.round.length ? t('quiz.seeScore') : t('quiz.next')}
                  </button>
                </div>
              </>
            )}
          </>
        )}
        {session.phase === 'done' && (
          <div className="self-check__result">
            <p className="self-check__score" tabIndex={-1} ref={scoreRef}>
              {t('quiz.score', { right: score.right, total: score.total })}
            </p>
            <p>{score.right === score.total ? t('quiz.allRight') : t('quiz.missed', { count: score.total - score.right })}</p>
            {best !== null && <p className="self-check__best">{t('quiz.best', { percent: percent(best) })}</p>}
            <div className="self-check__actions">
              {missedQuestions(session).length > 0 && (
                <button type="button" className="button button--primary" onClick={() => startRound(retryMissed(session))}>
                  {t('quiz.retryMissed')}
                </button>
              )}
              <button type="button" className="button" onClick={() => startRound(retryAll(session))}>
                {t('quiz.retryAll')}
              </button>
            </div>
          </div>
        )}
      </div>
    </Dialog>
  );
}

/** After a wrong answer: what the right one was (a gland pick's answer is told by its explanation). */
function RightAnswer({ question, nameOfPick }: { question: QuizQuestion; nameOfPick(id: string): string }) {
  const { t } = useTranslation();
  switch (question.kind) {
    case 'choice': {
      const text = question.choices.find((choice) => choice.id === question.answer)?.text ?? question.answer;
      return <p>{t('quiz.rightAnswer', { answer: text })}</p>;
    }
    case 'true-false':
      return <p>{t('quiz.rightAnswer', { answer: question.answer ? t('quiz.true') : t('quiz.false') })}</p>;
    case 'order':
      return (
        <>
          <p>{t('quiz.rightOrder')}</p>
          <ol className="self-check__right-order">
            {question.items.map((item) => (
              <li key={item.id}>{item.text}</li>
            ))}
          </ol>
        </>
      );
    case 'pick-structure':
      return bodyPartOf(question.answer) ? <p>{t('quiz.rightAnswer', { answer: nameOfPick(question.answer) })}</p> : null;
  }
}

/** The answer controls of one question, by kind. */
function QuestionInput({
  question,
  draft,
  locked,
  promptId,
  promptRef,
  nameOfPick,
  onDraft,
  onMoved,
  onChooseIn3d,
}: {
  question: QuizQuestion;
  draft: QuizAnswer | null;
  locked: boolean;
  promptId: string;
  promptRef: RefObject<HTMLHeadingElement | null>;
  nameOfPick(id: string): string;
  onDraft(answer: QuizAnswer): void;
  onMoved(message: string): void;
  onChooseIn3d(): void;
}) {
  const { t } = useTranslation();
  const name = useId();
  const prompt = (
    <h3 id={promptId} className="self-check__prompt" tabIndex={-1} ref={promptRef}>
      {question.prompt}
    </h3>
  );

  const radios = (options: readonly { value: string; text: string }[], chosen: string | null, pick: (value: string) => void) => (
    <fieldset className="self-check__options" aria-labelledby={promptId} disabled={locked}>
      {options.map((option) => (
        <label key={option.value} className="self-check__option">
          <input type="radio" name={name} value={option.value} checked={chosen === option.value} onChange={() => pick(option.value)} />
          <span>{option.text}</span>
        </label>
      ))}
    </fieldset>
  );

  switch (question.kind) {
    case 'choice':
      return (
        <>
          {prompt}
          {radios(
            question.choices.map((choice) => ({ value: choice.id, text: choice.text })),
            draft?.kind === 'choice' ? draft.choice : null,
            (choice) => onDraft({ kind: 'choice', choice }),
          )}
        </>
      );
    case 'true-false':
      return (
        <>
          {prompt}
          {radios(
            [
              { value: 'true', text: t('quiz.true') },
              { value: 'false', text: t('quiz.false') },
            ],
            draft?.kind === 'true-false' ? String(draft.value) : null,
            (value) => onDraft({ kind: 'true-false', value: value === 'true' }),
          )}
        </>
      );
    case 'order':
      return (
        <>
          {prompt}
          <OrderList
            question={question}
            order={draft?.kind === 'order' ? draft.order : shuffledOrder(question)}
            locked={locked}
            labelledBy={promptId}
            onChange={(order) => onDraft({ kind: 'order', order })}
            onMoved={onMoved}
          />
        </>
      );
    case 'pick-structure': {
      const picked = draft?.kind === 'pick-structure' ? draft.picked : null;
      if (bodyPartOf(question.answer)) {
        // The body map's parts cannot be clicked yet (the physiology view has no selection), so
        // a body-map question is answered from the list of its parts instead.
        return (
          <>
            {prompt}
            <p className="self-check__hint">{t('quiz.pick.bodyInstructions')}</p>
            {radios(
              BODY_PARTS.map((part) => ({ value: `${BODY_PREFIX}${part}`, text: t(`quiz.bodyParts.${part}`) })),
              picked,
              (value) => onDraft({ kind: 'pick-structure', picked: value }),
            )}
          </>
        );
      }
      return (
        <>
          {prompt}
          {picked && <p className="self-check__picked">{t('quiz.pick.yourChoice', { name: nameOfPick(picked) })}</p>}
          {!locked && (
            <button type="button" className="button" onClick={onChooseIn3d}>
              {t('quiz.pick.chooseIn3d')}
            </button>
          )}
        </>
      );
    }
  }
}
