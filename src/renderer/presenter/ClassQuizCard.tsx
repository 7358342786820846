import { useTranslation } from 'react-i18next';
import type { QuizQuestion } from '../../shared/quizzes/quiz-schema';
import { shuffledOrder } from '../quiz/quiz-session';

const LETTERS = 'ABCDEFGH';

/**
 * One question of the class quiz as the room sees it: large, lettered so the class can call out
 * answers, and, once the teacher reveals it, the answer marked with a tick and a word (never by
 * colour alone) and its explanation. A pick-the-structure question asks the room to point; the
 * reveal names the structure and the picture behind highlights it.
 */
export function ClassQuizCard({
  question,
  number,
  count,
  revealed,
  answerName,
}: {
  /** Null for the closing card after the last question. */
  question: QuizQuestion | null;
  number: number;
  count: number;
  revealed: boolean;
  /** The name of a pick question's answer (a structure or a part of the body). */
  answerName: string | null;
}) {
  const { t } = useTranslation();
  if (!question) {
    return (
      <section className="class-quiz class-quiz--closing" aria-live="polite">
        <h2 className="class-quiz__prompt">{t('presenter.quiz.finishedRoom')}</h2>
        <p className="class-quiz__count">{t('presenter.quiz.finished', { count })}</p>
      </section>
    );
  }
  const mark = (correct: boolean) =>
    revealed && correct ? (
      <strong className="class-quiz__mark">
        <span aria-hidden="true">✓ </span>
        {t('presenter.quiz.correct')}
      </strong>
    ) : null;
  const optionClass = (correct: boolean) => `class-quiz__option${revealed ? (correct ? ' class-quiz__option--right' : ' class-quiz__option--other') : ''}`;
  const isPick = question.kind === 'pick-structure';
  return (
    <section className={`class-quiz${isPick ? ' class-quiz--pick' : ''}`} aria-live="polite" data-revealed={revealed}>
      <p className="class-quiz__count">{t('presenter.quiz.count', { number, count })}</p>
      <h2 className="class-quiz__prompt">{question.prompt}</h2>
      {question.kind === 'choice' && (
        <ol className="class-quiz__options">
          {question.choices.map((choice, i) => (
            <li key={choice.id} className={optionClass(choice.id === question.answer)}>
              <span className="class-quiz__letter" aria-hidden="true">
                {LETTERS[i]}
              </span>
              <span>{choice.text}</span>
              {mark(choice.id === question.answer)}
            </li>
          ))}
        </ol>
      )}
      {question.kind === 'true-false' && (
        <ol className="class-quiz__options class-quiz__options--two">
          {[true, false].map((value, i) => (
            <li key={String(value)} className={optionClass(value === question.answer)}>
              <span className="class-quiz__letter" aria-hidden="true">
                {LETTERS[i]}
              </span>
              <span>{t(value ? 'quiz.true' : 'quiz.false')}</span>
              {mark(value === question.answer)}
            </li>
          ))}
        </ol>
      )}
      {question.kind === 'order' &&
        (revealed ? (
          <>
            <p className="class-quiz__hint">{t('quiz.rightOrder')}</p>
            <ol className="class-quiz__options class-quiz__options--numbered">
              {question.items.map((item, i) => (
                <li key={item.id} className="class-quiz__option class-quiz__option--right">
                  <span className="class-quiz__letter" aria-hidden="true">
                    {i + 1}
                  </span>
                  <span>{item.text}</span>
                </li>
              ))}
            </ol>
          </>
        ) : (
          <>
            <p className="class-quiz__hint">{t('presenter.quiz.orderPrompt')}</p>
            <ul className="class-quiz__options">
              {shuffledOrder(question).map((id, i) => (
                <li key={id} className="class-quiz__option">
                  <span className="class-quiz__letter" aria-hidden="true">
                    {LETTERS[i]}
                  </span>
                  <span>{question.items.find((item) => item.id === id)?.text}</span>
                </li>
              ))}
            </ul>
          </>
        ))}
      {isPick && (
        <p className="class-quiz__hint">
          {revealed && answerName ? (
            <strong className="class-quiz__mark">
              <span aria-hidden="true">✓ </span>
              {t('quiz.rightAnswer', { answer: answerName })}
            </strong>
          ) : (
            t('presenter.quiz.pickPrompt')
          )}
        </p>
      )}
      {revealed && <p className="class-quiz__explanation">{question.explanation}</p>}
    </section>
  );
}
