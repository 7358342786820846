import { Fragment, memo, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lesson } from '../../../shared/lessons/lesson-types';
import { useGlossaryLinks } from '../../glossary/glossary-links';
import { termNode } from '../../glossary/linked-terms';
import { formatTime } from './format-time';

/**
 * The whole narration, step by step; the sentence being spoken is marked (and kept in view), and
 * every sentence is a button that seeks to it. Teacher notes follow each step.
 */
/** Memoised: the player re-renders every frame while playing; the transcript only when the sentence changes. */
export const Transcript = memo(function Transcript({
  lesson,
  current,
  sentenceStart,
  onSeek,
}: {
  lesson: Lesson;
  /** `<step>.<sentence>` key of the sentence being spoken, or null between sentences. */
  current: string | null;
  sentenceStart(stepPosition: number, sentence: number): number;
  onSeek(seconds: number): void;
}) {
  const { t } = useTranslation();
  const currentRef = useRef<HTMLElement | null>(null);
  const glossary = useGlossaryLinks();
  // Glossary words of each sentence, each entry linked at its first mention in a step.
  const segments = useMemo(
    () =>
      lesson.steps.map((step) => {
        const used = new Set<string>();
        return step.sentences.map((sentence) => glossary?.matcher.segments(sentence.text, used) ?? []);
      }),
    [lesson, glossary],
  );
  useEffect(() => {
    currentRef.current?.scrollIntoView({ block: 'nearest' });
  }, [current]);
  return (
    <aside className="scene__panel scene__panel--right transcript" aria-labelledby="transcript-title">
      <h2 id="transcript-title" className="info-panel__title">
        {lesson.title}
      </h2>
      <ol className="transcript__steps">
        {lesson.steps.map((step, position) => (
          <li key={step.index} className="transcript__step">
            <h3 className="transcript__step-title">
              {t('player.stepTitle', { number: position + 1, title: step.title })}
            </h3>
            <p className="transcript__text">
              {step.sentences.map((sentence, i) => {
                const start = sentenceStart(position, i);
                const isCurrent = sentence.key === current;
                const parts = segments[position]?.[i] ?? [];
                if (glossary && parts.some((part) => part.entryId !== null) && parts.some((part) => part.entryId === null)) {
                  // A button cannot hold buttons: the sentence's first plain words seek (and carry the
                  // whole sentence as their name), its glossary words open the glossary, and a click
                  // anywhere else in it seeks too.
                  const seekAt = parts.findIndex((part) => part.entryId === null);
                  return (
                    <span
                      key={sentence.key}
                      ref={isCurrent ? currentRef : undefined}
                      className={`transcript__sentence transcript__sentence--linked${isCurrent ? ' transcript__sentence--current' : ''}`}
                      aria-current={isCurrent ? 'true' : undefined}
                      onClick={() => onSeek(start)}
                    >
                      {parts.map((part, k) =>
                        k === seekAt ? (
                          // The space after the words goes outside the button, where it is not swallowed.
                          <Fragment key={k}>
                            <button type="button" className="transcript__seek" aria-current={isCurrent ? 'true' : undefined} aria-label={`${formatTime(start)} ${sentence.text}`}>
                              {part.text.trimEnd()}
                            </button>
                            {part.text.slice(part.text.trimEnd().length)}
                          </Fragment>
                        ) : part.entryId === null ? (
                          <span key={k}>{part.text}</span>
                        ) : (
                          termNode(part, k, glossary, t)
                        ),
                      )}
                    </span>
                  );
                }
                return (
                  <button
                    key={sentence.key}
                    type="button"
                    ref={
                      isCurrent
                        ? (element) => {
                            currentRef.current = element;
                          }
                        : undefined
                    }
                    className={`transcript__sentence${isCurrent ? ' transcript__sentence--current' : ''}`}
                    aria-current={isCurrent ? 'true' : undefined}
                    aria-label={`${formatTime(start)} ${sentence.text}`}
                    onClick={() => onSeek(start)}
                  >
                    {sentence.text}
                  </button>
                );
              })}
            </p>
            {step.notes.length > 0 && (
              <details className="transcript__notes">
                <summary>{t('player.teacherNotes')}</summary>
                {step.notes.map((note, i) => (
                  <p key={i}>{note.text}</p>
                ))}
              </details>
            )}
          </li>
        ))}
      </ol>
    </aside>
  );
});
