import type { OrderQuestion, QuizQuestion } from '../quizzes/quiz-schema';

/**
 * The self-check on paper: the questions without their answers, and an answer key printed on a
 * page of its own so a class can take the quiz before turning to it. Options are labelled with
 * letters in the order the page shows them; the key names the letter and the words, so it reads
 * on its own.
 */

export interface LabelledOption {
  /** `A`, `B`, `C`… in the order printed. */
  label: string;
  text: string;
}

interface QuestionBase {
  /** From 1, in quiz order. */
  number: number;
  prompt: string;
  /** The lesson step that teaches the answer, numbered from 1 like the handout's steps. */
  step: number;
}

export type HandoutQuestion =
  | (QuestionBase & { kind: 'choice'; options: LabelledOption[] })
  | (QuestionBase & { kind: 'true-false' })
  | (QuestionBase & { kind: 'pick-structure' })
  | (QuestionBase & { kind: 'order'; options: LabelledOption[] });

interface AnswerBase {
  number: number;
  explanation: string;
}

export type HandoutAnswer =
  | (AnswerBase & { kind: 'choice'; answer: LabelledOption })
  | (AnswerBase & { kind: 'true-false'; answer: boolean })
  | (AnswerBase & { kind: 'pick-structure'; answer: string })
  | (AnswerBase & { kind: 'order'; answer: LabelledOption[] });

export interface HandoutQuiz {
  questions: HandoutQuestion[];
  answers: HandoutAnswer[];
}

export interface HandoutQuizOptions {
  /**
   * The name of what a pick-structure question asks for (a structure, a group such as
   * `main-ducts`, or `body:<part>`), in the handout's language.
   */
  structureName(answer: string): string;
  /** The item ids of an order question in the order the app shows them, so paper and screen agree. */
  presentedOrder(question: OrderQuestion): readonly string[];
}

const letter = (index: number): string => String.fromCharCode(65 + index);

function labelled(options: readonly { id: string; text: string }[]): (LabelledOption & { id: string })[] {
  return options.map((option, index) => ({ id: option.id, label: letter(index), text: option.text }));
}

/** Items in the presented order; any id the order forgets is put back at the end, never lost. */
function presented(question: OrderQuestion, order: readonly string[]): { id: string; text: string }[] {
  const byId = new Map(question.items.map((item) => [item.id, item]));
  const shown = [...new Set(order)].flatMap((id) => {
    const item = byId.get(id);
    return item ? [item] : [];
  });
  return [...shown, ...question.items.filter((item) => !shown.includes(item))];
}

function paperQuestion(question: QuizQuestion, number: number, options: HandoutQuizOptions): { question: HandoutQuestion; answer: HandoutAnswer } {
  const base = { number, prompt: question.prompt, step: question.step };
  const { explanation } = question;
  switch (question.kind) {
    case 'choice': {
      const choices = labelled(question.choices);
      const right = choices.find((choice) => choice.id === question.answer);
      // A quiz that loaded has its answer among its choices (parse-quiz.ts checks it).
      if (!right) throw new RangeError(`question "${question.id}": its answer "${question.answer}" is not one of its choices`);
      return {
        question: { ...base, kind: 'choice', options: choices.map(({ label, text }) => ({ label, text })) },
        answer: { number, explanation, kind: 'choice', answer: { label: right.label, text: right.text } },
      };
    }
    case 'true-false':
      return { question: { ...base, kind: 'true-false' }, answer: { number, explanation, kind: 'true-false', answer: question.answer } };
    case 'pick-structure':
      return { question: { ...base, kind: 'pick-structure' }, answer: { number, explanation, kind: 'pick-structure', answer: options.structureName(question.answer) } };
    case 'order': {
      const items = labelled(presented(question, options.presentedOrder(question)));
      const byId = new Map(items.map((item) => [item.id, item]));
      return {
        question: { ...base, kind: 'order', options: items.map(({ label, text }) => ({ label, text })) },
        answer: {
          number,
          explanation,
          kind: 'order',
          answer: question.items.map((item) => {
            const shown = byId.get(item.id) as LabelledOption;
            return { label: shown.label, text: shown.text };
          }),
        },
      };
    }
  }
}

export function handoutQuiz(questions: readonly QuizQuestion[], options: HandoutQuizOptions): HandoutQuiz {
  const papers = questions.map((question, index) => paperQuestion(question, index + 1, options));
  return { questions: papers.map((paper) => paper.question), answers: papers.map((paper) => paper.answer) };
}
