import type { TFunction } from 'i18next';
import { classQuizProgress } from '../../shared/presentation/class-quiz';
import type { ClassQuizPosition } from '../../shared/presentation/presentation-state';
import { pickTarget } from '../../shared/quizzes/pick-structure';
import type { Quiz, QuizQuestion } from '../../shared/quizzes/quiz-schema';
import { defaultGland } from '../quiz/default-gland';
import { pickAnswerName } from '../quiz/pick-answer-name';
import type { QuizPick } from './PresentationScene';

export interface ClassQuizView {
  question: QuizQuestion | null;
  number: number;
  count: number;
  revealed: boolean;
  /** A pick question's answer, named. */
  answerName: string | null;
  /** The map a pick question's answer is on, for the picture behind the card. */
  pick: QuizPick | null;
}

/** What the class quiz shows at `position`, the same in both windows (the default gland names the structures). */
export function classQuizView(quiz: Pick<Quiz, 'questions'>, position: ClassQuizPosition, t: TFunction): ClassQuizView {
  const { question: number, count, finished } = classQuizProgress(position, quiz.questions.length);
  const question = finished ? null : (quiz.questions[position.index] ?? null);
  if (question?.kind !== 'pick-structure') return { question, number, count, revealed: position.revealed, answerName: null, pick: null };
  const { catalog } = defaultGland();
  const target = pickTarget(question.answer, catalog);
  const answerName = pickAnswerName(question.answer, t);
  const pick: QuizPick | null = !target
    ? null
    : target.map === 'body'
      ? { map: 'body', part: target.part, revealed: position.revealed }
      : { map: 'gland', ids: target.ids, revealed: position.revealed };
  return { question, number, count, revealed: position.revealed, answerName, pick };
}
