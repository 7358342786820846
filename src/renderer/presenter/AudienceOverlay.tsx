import { useTranslation } from 'react-i18next';
import { ClassQuizCard } from './ClassQuizCard';
import type { ClassQuizView } from './class-quiz-view';

/**
 * What lies over the picture for the room: large captions, the class quiz's card, and the black
 * screen (which hides everything, captions included, until the presenter brings it back).
 */
export function AudienceOverlay({ caption, captions, quiz, blackout }: { caption: string | null; captions: boolean; quiz: ClassQuizView | null; blackout: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {quiz && (
        <div className={`audience__quiz${quiz.pick ? ' audience__quiz--pick' : ''}`}>
          <ClassQuizCard question={quiz.question} number={quiz.number} count={quiz.count} revealed={quiz.revealed} answerName={quiz.answerName} />
        </div>
      )}
      {!quiz && captions && caption && (
        <p className="audience__caption" aria-live="off">
          {caption}
        </p>
      )}
      <div className="audience__blackout" hidden={!blackout} data-testid="blackout">
        <span className="visually-hidden">{t('presenter.blackedOut')}</span>
      </div>
    </>
  );
}
