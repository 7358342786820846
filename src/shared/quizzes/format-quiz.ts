import { stringify } from 'yaml';
import type { Quiz } from './quiz-schema';

/**
 * A quiz written back as the YAML an author would write (keys in the format's order, choices and
 * items one per line), which `parseQuiz` reads back to the same quiz. For tools that generate or
 * rewrite quiz files, and for the round-trip test.
 */
export function formatQuiz(quiz: Omit<Quiz, 'file'>): string {
  const questions = quiz.questions.map((question) => {
    const { id, kind, step, prompt, explanation } = question;
    switch (question.kind) {
      case 'choice':
        return { id, kind, step, prompt, choices: question.choices.map(({ id: choice, text }) => ({ id: choice, text })), answer: question.answer, explanation };
      case 'true-false':
      case 'pick-structure':
        return { id, kind, step, prompt, answer: question.answer, explanation };
      case 'order':
        return { id, kind, step, prompt, items: question.items.map(({ id: item, text }) => ({ id: item, text })), explanation };
    }
  });
  return stringify({ lesson: quiz.lesson, language: quiz.language, questions }, { lineWidth: 0 });
}
