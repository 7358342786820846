import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../scripts/lib/content-check';
import { LANGUAGES } from '../../../src/shared/languages';
import type { Lesson } from '../../../src/shared/lessons/lesson-types';
import { formatContentError, lessonsFor } from '../../../src/shared/lessons/load-lessons';
import { ROOT } from './lesson-test-support';

const report = checkContent(ROOT);
const lessons = report.lessons.flatMap((result) => (result.lesson ? [result.lesson] : []));

/** Every text of a lesson a learner reads or hears. */
function texts(lesson: Lesson): string[] {
  return [lesson.title, lesson.summary, ...lesson.steps.flatMap((step) => [step.title, ...step.sentences.map((s) => s.text), ...step.notes.map((n) => n.text)])];
}

describe('the real content', () => {
  it('passes the checker: references, structure descriptions and lessons', () => {
    expect(report.errors.map(formatContentError)).toEqual([]);
    expect(report.descriptions).toBeGreaterThanOrEqual(40);
  });

  it('has the tree-of-milk lesson in every language, fully loaded', () => {
    for (const language of LANGUAGES) {
      const [first] = lessonsFor(report.lessons, language);
      expect(first?.status, language).toBe('ok');
      expect(first?.id).toBe('tree-of-milk');
    }
  });

  it('keeps to the house style: 6 to 12 steps, cues, sources and teacher notes in each step, short sentences', () => {
    for (const lesson of lessons) {
      expect(lesson.steps.length, lesson.file).toBeGreaterThanOrEqual(6);
      expect(lesson.steps.length, lesson.file).toBeLessThanOrEqual(12);
      for (const step of lesson.steps) {
        const where = `${lesson.file} step "${step.title}"`;
        expect(step.cues.length, where).toBeGreaterThan(0);
        expect(step.citations.length, where).toBeGreaterThan(0);
        expect(step.notes.length, where).toBeGreaterThan(0);
        for (const sentence of step.sentences) expect(sentence.wordCount, `${where}: ${sentence.text}`).toBeLessThanOrEqual(35);
      }
    }
  });

  it('writes French with French typography', () => {
    for (const lesson of lessons.filter((l) => l.language === 'fr')) {
      for (const text of texts(lesson)) {
        expect(text, 'a plain space before ; ! ? : or », or after «').not.toMatch(/ [;!?:»]|« /);
        expect(text, 'a narrow no-break space (U+202F) before ; ! ?').not.toMatch(/[^\u202f][;!?]/);
        expect(text, 'a no-break space (U+00A0) before :').not.toMatch(/[^\u00a0]:/);
        expect(text, 'curly apostrophes and « guillemets »').not.toMatch(/['"]/);
      }
    }
  });

  it('writes English without French spacing', () => {
    for (const lesson of lessons.filter((l) => l.language === 'en')) {
      for (const text of texts(lesson)) expect(text).not.toMatch(/[\u00a0\u202f]/);
    }
  });
});
