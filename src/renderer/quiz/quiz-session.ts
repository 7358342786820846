import type { OrderQuestion, QuizQuestion } from '../../shared/quizzes/quiz-schema';
import { createRandom } from '../../shared/random';

/**
 * A learner taking a lesson's self-check, as plain data and pure functions (no DOM, no React), so
 * the whole flow is tested in Node. The view (SelfCheck.tsx) holds one `QuizSession` and replaces
 * it with what these functions return.
 *
 * A session goes through rounds. A round is a list of questions asked one at a time; each is
 * answered, checked (`answering` → `feedback`) and left (`next`); after the last one the round is
 * `done`. "Retry the missed questions" starts a round of only those, keeping what was already right;
 * "Retry all" starts again from nothing.
 *
 * The score counts, over the whole quiz, the questions whose latest answer was right: a learner who
 * gets 6 of 8 and then corrects one of the two missed has 7 of 8. It is a self-check to learn from,
 * not an exam, so correcting a mistake counts; `bestQuizScore` keeps the best fraction reached.
 */

export type QuizAnswer =
  | { kind: 'choice'; choice: string }
  | { kind: 'true-false'; value: boolean }
  | { kind: 'order'; order: readonly string[] }
  /** A structure id of the gland (`duct-3`, `part:lumen`…) or a body map part written `body:<part>`. */
  | { kind: 'pick-structure'; picked: string };

/** Whether a picked structure answers a `pick-structure` question (pick-structure.ts's `isPickCorrect` with a catalogue). */
export type PickJudge = (answer: string, picked: string) => boolean;

export type QuizPhase = 'answering' | 'feedback' | 'done';

export interface QuizSession {
  /** Every question of the quiz, in the file's order. */
  questions: readonly QuizQuestion[];
  /** The ids asked in this round, in order. */
  round: readonly string[];
  /** Position in the round (stays on the last question once the round is done). */
  index: number;
  phase: QuizPhase;
  /** The latest verdict on each question answered in this session, right or not. */
  verdicts: Readonly<Record<string, boolean>>;
}

export interface QuizScore {
  right: number;
  total: number;
  /** right / total, from 0 to 1 (0 for a quiz with no question). */
  fraction: number;
}

export function startSession(quiz: { questions: readonly QuizQuestion[] }): QuizSession {
  return { questions: quiz.questions, round: quiz.questions.map((q) => q.id), index: 0, phase: 'answering', verdicts: {} };
}

export function currentQuestion(session: QuizSession): QuizQuestion | null {
  const id = session.round[session.index];
  return session.questions.find((q) => q.id === id) ?? null;
}

/** Whether an answer is right; an answer of another kind than the question is wrong. */
export function isAnswerCorrect(question: QuizQuestion, answer: QuizAnswer, judgePick: PickJudge): boolean {
  switch (question.kind) {
    case 'choice':
      return answer.kind === 'choice' && answer.choice === question.answer;
    case 'true-false':
      return answer.kind === 'true-false' && answer.value === question.answer;
    case 'order':
      return answer.kind === 'order' && isOrderCorrect(question, answer.order);
    case 'pick-structure':
      return answer.kind === 'pick-structure' && judgePick(question.answer, answer.picked);
  }
}

/** Checks the answer to the current question: the session moves to `feedback` with its verdict. */
export function checkAnswer(session: QuizSession, answer: QuizAnswer, judgePick: PickJudge): QuizSession {
  const question = currentQuestion(session);
  if (session.phase !== 'answering' || !question) return session;
  const right = isAnswerCorrect(question, answer, judgePick);
  return { ...session, phase: 'feedback', verdicts: { ...session.verdicts, [question.id]: right } };
}

/** The verdict on the current question once checked, else null. */
export function currentVerdict(session: QuizSession): boolean | null {
  const question = currentQuestion(session);
  if (session.phase !== 'feedback' || !question) return null;
  return session.verdicts[question.id] ?? null;
}

/** From the feedback to the next question of the round, or to the end of the round. */
export function nextQuestion(session: QuizSession): QuizSession {
  if (session.phase !== 'feedback') return session;
  if (session.index + 1 >= session.round.length) return { ...session, phase: 'done' };
  return { ...session, index: session.index + 1, phase: 'answering' };
}

/** The questions not answered right yet (in the quiz's order). */
export function missedQuestions(session: QuizSession): string[] {
  return session.questions.filter((q) => session.verdicts[q.id] !== true).map((q) => q.id);
}

/** A new round of only the missed questions; what was right stays right. */
export function retryMissed(session: QuizSession): QuizSession {
  const missed = missedQuestions(session);
  if (missed.length === 0) return session;
  const verdicts = Object.fromEntries(Object.entries(session.verdicts).filter(([, right]) => right));
  return { ...session, round: missed, index: 0, phase: 'answering', verdicts };
}

export function retryAll(session: QuizSession): QuizSession {
  return startSession(session);
}

export function scoreOf(session: QuizSession): QuizScore {
  const total = session.questions.length;
  const right = session.questions.filter((q) => session.verdicts[q.id] === true).length;
  return { right, total, fraction: total === 0 ? 0 : right / total };
}

/** The best of a saved score (null before a first attempt) and a new one. */
export function bestScore(saved: number | null | undefined, score: number): number {
  return saved === null || saved === undefined ? score : Math.max(saved, score);
}

/** FNV-1a (32 bits) of a text: the seed of a question's shuffle. */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * The items of an `order` question as the learner first sees them: shuffled with the generator
 * seeded by the question's id (the same every time, so a teacher and a class see the same list),
 * and never already in the right order, which would give the answer away.
 */
export function shuffledOrder(question: Pick<OrderQuestion, 'id' | 'items'>): string[] {
  const ids = question.items.map((item) => item.id);
  const random = createRandom(seedOf(question.id));
  const order = [...ids];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  // A shuffle that left every item in place is turned by one.
  if (order.every((id, i) => id === ids[i]) && order.length > 1) order.push(order.shift()!);
  return order;
}

/** The order with the item at `index` moved one place up (-1) or down (+1); unchanged at either end. */
export function moveItem(order: readonly string[], index: number, delta: -1 | 1): string[] {
  const target = index + delta;
  const moved = [...order];
  if (index < 0 || index >= order.length || target < 0 || target >= order.length) return moved;
  [moved[index], moved[target]] = [moved[target]!, moved[index]!];
  return moved;
}

export function isOrderCorrect(question: Pick<OrderQuestion, 'items'>, order: readonly string[]): boolean {
  return order.length === question.items.length && question.items.every((item, i) => order[i] === item.id);
}
