import { describe, expect, it } from 'vitest';
import type { OrderQuestion, QuizQuestion } from '../../../src/shared/quizzes/quiz-schema';
import {
  bestScore,
  checkAnswer,
  currentQuestion,
  currentVerdict,
  isAnswerCorrect,
  isOrderCorrect,
  missedQuestions,
  moveItem,
  nextQuestion,
  retryAll,
  retryMissed,
  scoreOf,
  seedOf,
  shuffledOrder,
  startSession,
  type QuizAnswer,
  type QuizSession,
} from '../../../src/renderer/quiz/quiz-session';

const order: OrderQuestion = {
  id: 'milk-path',
  kind: 'order',
  step: 8,
  prompt: 'Follow the milk.',
  items: [
    { id: 'alveolus', text: 'Alveolus' },
    { id: 'ductules', text: 'Ductules' },
    { id: 'branches', text: 'Branches' },
    { id: 'main-duct', text: 'Main duct' },
    { id: 'opening', text: 'Opening' },
  ],
  explanation: 'From the leaves to the trunk.',
};

const questions: QuizQuestion[] = [
  { id: 'sinuses', kind: 'true-false', step: 4, prompt: 'Sinuses?', answer: false, explanation: 'No sinuses.' },
  {
    id: 'duct-count',
    kind: 'choice',
    step: 3,
    prompt: 'How many ducts?',
    choices: [
      { id: 'a', text: 'Fifteen to twenty' },
      { id: 'b', text: 'About nine' },
    ],
    answer: 'b',
    explanation: 'About nine.',
  },
  { id: 'find-main-duct', kind: 'pick-structure', step: 3, prompt: 'Click a main duct.', answer: 'main-ducts', explanation: 'Any main duct.' },
  order,
];

// A stand-in for isPickCorrect with the gland's catalogue: `main-ducts` stands for duct-1 and duct-2.
const judge = (answer: string, picked: string) => (answer === 'main-ducts' ? ['duct-1', 'duct-2'].includes(picked) : answer === picked);

const rightAnswers: QuizAnswer[] = [
  { kind: 'true-false', value: false },
  { kind: 'choice', choice: 'b' },
  { kind: 'pick-structure', picked: 'duct-2' },
  { kind: 'order', order: order.items.map((item) => item.id) },
];

function answerAll(session: QuizSession, answers: readonly QuizAnswer[]): QuizSession {
  let s = session;
  for (const answer of answers) s = nextQuestion(checkAnswer(s, answer, judge));
  return s;
}

describe('checking an answer', () => {
  it('judges each kind, and an answer of another kind is wrong', () => {
    expect(questions.map((q, i) => isAnswerCorrect(q, rightAnswers[i]!, judge))).toEqual([true, true, true, true]);
    expect(isAnswerCorrect(questions[0]!, { kind: 'true-false', value: true }, judge)).toBe(false);
    expect(isAnswerCorrect(questions[1]!, { kind: 'choice', choice: 'a' }, judge)).toBe(false);
    expect(isAnswerCorrect(questions[2]!, { kind: 'pick-structure', picked: 'nipple' }, judge)).toBe(false);
    expect(isAnswerCorrect(questions[1]!, { kind: 'true-false', value: true }, judge)).toBe(false);
  });

  it('an order is right only with every item in its place', () => {
    const right = order.items.map((item) => item.id);
    expect(isOrderCorrect(order, right)).toBe(true);
    expect(isOrderCorrect(order, moveItem(right, 0, 1))).toBe(false);
    expect(isOrderCorrect(order, right.slice(0, 4))).toBe(false);
  });
});

describe('a session', () => {
  it('asks one question at a time: answering, feedback with the verdict, next, and done after the last', () => {
    let s = startSession({ questions });
    expect(currentQuestion(s)?.id).toBe('sinuses');
    expect(s.phase).toBe('answering');
    expect(currentVerdict(s)).toBeNull();
    s = checkAnswer(s, { kind: 'true-false', value: true }, judge);
    expect(s.phase).toBe('feedback');
    expect(currentVerdict(s)).toBe(false);
    // A second check of the same question changes nothing.
    expect(checkAnswer(s, { kind: 'true-false', value: false }, judge)).toBe(s);
    s = nextQuestion(s);
    expect(currentQuestion(s)?.id).toBe('duct-count');
    expect(s.phase).toBe('answering');
    s = answerAll(s, rightAnswers.slice(1));
    expect(s.phase).toBe('done');
    expect(scoreOf(s)).toEqual({ right: 3, total: 4, fraction: 0.75 });
    expect(missedQuestions(s)).toEqual(['sinuses']);
  });

  it('retrying the missed questions asks only those and keeps what was right', () => {
    const wrong: QuizAnswer[] = [{ kind: 'true-false', value: true }, rightAnswers[1]!, { kind: 'pick-structure', picked: 'nipple' }, rightAnswers[3]!];
    let s = answerAll(startSession({ questions }), wrong);
    expect(scoreOf(s).right).toBe(2);
    s = retryMissed(s);
    expect(s.round).toEqual(['sinuses', 'find-main-duct']);
    expect(s.phase).toBe('answering');
    expect(currentQuestion(s)?.id).toBe('sinuses');
    // Still 2 of 4 while the retried ones are unanswered.
    expect(scoreOf(s).right).toBe(2);
    s = answerAll(s, [rightAnswers[0]!, { kind: 'pick-structure', picked: 'rib-4' }]);
    expect(s.phase).toBe('done');
    expect(scoreOf(s)).toEqual({ right: 3, total: 4, fraction: 0.75 });
    expect(missedQuestions(s)).toEqual(['find-main-duct']);
  });

  it('retrying all starts from nothing; with nothing missed, retrying the missed does nothing', () => {
    let s = answerAll(startSession({ questions }), rightAnswers);
    expect(scoreOf(s).fraction).toBe(1);
    expect(retryMissed(s)).toBe(s);
    s = retryAll(s);
    expect(s.round).toHaveLength(4);
    expect(s.index).toBe(0);
    expect(s.phase).toBe('answering');
    expect(scoreOf(s).right).toBe(0);
  });

  it('keeps the best score, starting from none', () => {
    expect(bestScore(null, 0.5)).toBe(0.5);
    expect(bestScore(undefined, 0.25)).toBe(0.25);
    expect(bestScore(0.75, 0.5)).toBe(0.75);
    expect(bestScore(0.5, 0.875)).toBe(0.875);
  });
});

describe('order questions', () => {
  it('shuffle the same way for the same question id, differently for another, never in the right order', () => {
    const first = shuffledOrder(order);
    expect(shuffledOrder(order)).toEqual(first);
    expect([...first].sort()).toEqual(order.items.map((item) => item.id).sort());
    expect(isOrderCorrect(order, first)).toBe(false);
    const others = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => shuffledOrder({ ...order, id }).join());
    expect(new Set([first.join(), ...others]).size).toBeGreaterThan(2);
    for (let n = 0; n < 200; n++) {
      const three = { id: `q-${n}`, items: order.items.slice(0, 3) };
      expect(isOrderCorrect(three, shuffledOrder(three))).toBe(false);
    }
  });

  it('move an item up or down, and not past either end', () => {
    expect(moveItem(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('seed from the text of the id', () => {
    expect(seedOf('milk-path')).toBe(seedOf('milk-path'));
    expect(seedOf('milk-path')).not.toBe(seedOf('milk-paths'));
  });
});
