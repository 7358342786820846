import type { TFunction } from 'i18next';
import { useId } from 'react';
import type { HandoutOutline } from '../../shared/handout/handout-outline';
import type { HandoutAnswer, HandoutQuestion } from '../../shared/handout/handout-quiz';
import { HORMONES } from '../../shared/physiology/physiology-types';
import { HORMONE_STYLES } from '../physiology/scene/hormone-style';

/**
 * A lesson's handout laid out for A4 paper (handout.css): a title page, each step on a page of its
 * own with its picture and transcript, the key terms, the sources, the self-check and, on a page
 * of its own, the answer key. The same markup is the preview on screen and what is printed.
 */
export function HandoutDocument({
  outline,
  pictures,
  bodyMapSteps,
  t,
}: {
  outline: HandoutOutline;
  /** One per step, in order; null where the scene could not be drawn. */
  pictures: readonly (string | null)[];
  /** Positions of the steps whose picture is the body map (its hormones need their key). */
  bodyMapSteps: ReadonlySet<number>;
  t: TFunction;
}) {
  const titleId = useId();
  const { quiz } = outline;
  return (
    <article className="handout" lang={outline.language} aria-labelledby={titleId}>
      <header className="handout__page handout__cover">
        <p className="handout__kicker">{t('handout.document.kicker')}</p>
        <h1 id={titleId} className="handout__title">
          {outline.title}
        </h1>
        <p className="handout__summary">{outline.summary}</p>
        <p className="handout__facts">
          {t('lessons.minutes', { count: outline.durationMinutes })} · {t(`lessons.levels.${outline.level}`)} · {t('lessons.steps', { count: outline.steps.length })}
        </p>
        <h2 className="handout__heading">{t('handout.document.contents')}</h2>
        <ol className="handout__contents">
          {outline.steps.map((step) => (
            <li key={step.number} value={step.number}>
              {step.title}
            </li>
          ))}
        </ol>
        <p className="handout__note">{t('lessons.notAdvice')}</p>
      </header>

      {outline.steps.map((step, position) => {
        const picture = pictures[position] ?? null;
        return (
          <section key={step.number} className="handout__page handout__step" aria-labelledby={`${titleId}-step-${step.number}`}>
            <p className="handout__kicker">{t('handout.document.step', { number: step.number })}</p>
            <h2 id={`${titleId}-step-${step.number}`} className="handout__heading">
              {step.title}
            </h2>
            <figure className="handout__figure">
              {picture ? (
                <img className="handout__picture" src={picture} alt={t('handout.document.pictureAlt', { number: step.number, title: step.title })} />
              ) : (
                <p className="handout__no-picture">{t('handout.document.noPicture')}</p>
              )}
              {picture && bodyMapSteps.has(position) && <HormoneKey t={t} />}
            </figure>
            {step.paragraphs.map((paragraph, i) => (
              <p key={i} className="handout__text">
                {paragraph}
              </p>
            ))}
          </section>
        );
      })}

      {outline.keyTerms.length > 0 && (
        <section className="handout__page handout__terms" aria-labelledby={`${titleId}-terms`}>
          <h2 id={`${titleId}-terms`} className="handout__heading">
            {t('handout.document.keyTerms')}
          </h2>
          <dl className="handout__term-list">
            {outline.keyTerms.map((term) => (
              <div key={term.id} className="handout__term">
                <dt>{term.term}</dt>
                <dd>{term.definition}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      <section className="handout__sources" aria-labelledby={`${titleId}-sources`}>
        <h2 id={`${titleId}-sources`} className="handout__heading">
          {t('handout.document.sources')}
        </h2>
        <ol className="handout__source-list">
          {outline.sources.map((source) => (
            <li key={source.id}>{source.text}</li>
          ))}
        </ol>
      </section>

      {quiz && (
        <>
          <section className="handout__page handout__quiz" aria-labelledby={`${titleId}-quiz`}>
            <h2 id={`${titleId}-quiz`} className="handout__heading">
              {t('handout.document.quiz')}
            </h2>
            <p className="handout__text">{t('handout.document.quizIntro')}</p>
            <ol className="handout__questions">
              {quiz.questions.map((question) => (
                <li key={question.number} className="handout__question">
                  <PaperQuestion question={question} t={t} />
                </li>
              ))}
            </ol>
          </section>
          <section className="handout__page handout__answers" aria-labelledby={`${titleId}-answers`}>
            <h2 id={`${titleId}-answers`} className="handout__heading">
              {t('handout.document.answerKey')}
            </h2>
            <p className="handout__text">{t('handout.document.answerKeyIntro')}</p>
            <ol className="handout__questions">
              {quiz.answers.map((answer) => (
                <li key={answer.number} className="handout__question">
                  <PaperAnswer answer={answer} t={t} />
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
      <p className="handout__colophon">{t('handout.document.madeWith', { title: outline.title })}</p>
    </article>
  );
}

/** The body map's hormones are told apart by a letter on each particle (and a colour): its key. */
function HormoneKey({ t }: { t: TFunction }) {
  return (
    <figcaption className="handout__hormone-key">
      {t('handout.document.hormoneKey')}{' '}
      {HORMONES.map((id) => {
        const style = HORMONE_STYLES[id];
        return (
          <span key={id} className="handout__hormone">
            <span className="handout__disc" style={{ background: style.colour, color: style.ink }}>
              {style.glyph}
            </span>{' '}
            {t(`physiology.hormoneShort.${id}`)}
          </span>
        );
      })}
    </figcaption>
  );
}

function Options({ options }: { options: readonly { label: string; text: string }[] }) {
  return (
    <ul className="handout__options">
      {options.map((option) => (
        <li key={option.label}>
          <span className="handout__letter">{option.label}</span> {option.text}
        </li>
      ))}
    </ul>
  );
}

function PaperQuestion({ question, t }: { question: HandoutQuestion; t: TFunction }) {
  return (
    <>
      <p className="handout__prompt">
        {question.prompt} <span className="handout__step-ref">({t('handout.document.taughtIn', { number: question.step })})</span>
      </p>
      {question.kind === 'choice' && <Options options={question.options} />}
      {question.kind === 'true-false' && (
        <p className="handout__answer-line">
          {t('handout.document.trueOrFalse')} <span className="handout__box" aria-hidden="true" /> {t('quiz.true')} <span className="handout__box" aria-hidden="true" /> {t('quiz.false')}
        </p>
      )}
      {question.kind === 'pick-structure' && <p className="handout__answer-line handout__write-in">{t('handout.document.writeName')}</p>}
      {question.kind === 'order' && (
        <>
          <Options options={question.options} />
          <p className="handout__answer-line handout__write-in">{t('handout.document.writeOrder')}</p>
        </>
      )}
    </>
  );
}

function PaperAnswer({ answer, t }: { answer: HandoutAnswer; t: TFunction }) {
  const right = (() => {
    switch (answer.kind) {
      case 'choice':
        return `${answer.answer.label}. ${answer.answer.text}`;
      case 'true-false':
        return answer.answer ? t('quiz.true') : t('quiz.false');
      case 'pick-structure':
        return answer.answer;
      case 'order':
        return t('handout.document.orderAnswer', { letters: answer.answer.map((option) => option.label).join(' → ') });
    }
  })();
  return (
    <>
      <p className="handout__prompt">
        <strong>{right}</strong>
      </p>
      {answer.kind === 'order' && (
        <ol className="handout__order">
          {answer.answer.map((option) => (
            <li key={option.label}>
              <span className="handout__letter">{option.label}</span> {option.text}
            </li>
          ))}
        </ol>
      )}
      <p className="handout__explanation">{answer.explanation}</p>
    </>
  );
}
