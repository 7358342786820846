import { describe, expect, it } from 'vitest';
import { glossaryPath, parseGlossary } from '../../../src/shared/content/glossary';
import { parseReferences, REFERENCES_FILE } from '../../../src/shared/content/structure-descriptions';
import { buildHandoutOutline, type HandoutInput } from '../../../src/shared/handout/handout-outline';
import type { Language } from '../../../src/shared/languages';
import type { Lesson, Sentence, Step } from '../../../src/shared/lessons/lesson-types';
import { INITIAL_SCENE } from '../../../src/shared/lessons/scene';
import { termMatcher } from '../../../src/renderer/glossary/term-matcher';
import { shuffledOrder } from '../../../src/renderer/quiz/quiz-session';
import { load, read } from '../lessons/lesson-test-support';
import { parseFile } from '../quizzes/quiz-test-support';

const parsedReferences = parseReferences(read(REFERENCES_FILE), REFERENCES_FILE);
if (!parsedReferences.ok) throw new Error('references.yaml does not parse');
const references = parsedReferences;

function sentence(step: number, index: number, paragraph: number, text: string, citations: string[] = []): Sentence {
  return { key: `${step}.${index}`, paragraph, text, wordCount: text.split(' ').length, citations, line: 1, column: 1 };
}

function step(index: number, title: string, sentences: Sentence[]): Step {
  return { index, title, line: 1, scene: INITIAL_SCENE, sentences, cues: [], notes: [], citations: [...new Set(sentences.flatMap((s) => s.citations))] };
}

const sample: Lesson = {
  file: 'content/lessons/en/sample.md',
  id: 'sample',
  language: 'en',
  title: 'A sample',
  summary: 'Milk and ducts.',
  level: 'introductory',
  durationMinutes: 5,
  order: 1,
  sources: ['ramsay-2005-anatomy'],
  // The file's second step failed to load: numbers follow the file, not the list.
  steps: [
    step(0, 'The ducts', [sentence(0, 0, 0, 'Ducts carry milk.'), sentence(0, 1, 0, 'They are narrow.'), sentence(0, 1, 1, 'A new paragraph.', ['geddes-2007-inside'])]),
    step(2, 'The end', [sentence(2, 0, 0, 'That is all.', ['ramsay-2005-anatomy'])]),
  ],
  stepCount: 3,
};

const noQuizHelpers = { structureName: (answer: string) => answer, presentedOrder: () => [] };

describe('buildHandoutOutline', () => {
  it('keeps the lesson’s facts, numbers steps as the file does and joins each paragraph’s sentences', () => {
    const outline = buildHandoutOutline({ lesson: sample, quiz: null, glossary: [], termsIn: () => [], references: references.value, ...noQuizHelpers });
    expect(outline).toMatchObject({ lessonId: 'sample', language: 'en', title: 'A sample', summary: 'Milk and ducts.', level: 'introductory', durationMinutes: 5, quiz: null, keyTerms: [] });
    expect(outline.steps).toEqual([
      { number: 1, title: 'The ducts', paragraphs: ['Ducts carry milk. They are narrow.', 'A new paragraph.'] },
      { number: 3, title: 'The end', paragraphs: ['That is all.'] },
    ]);
  });

  it('lists the bibliography, then what the steps cite besides, each once and formatted', () => {
    const outline = buildHandoutOutline({ lesson: sample, quiz: null, glossary: [], termsIn: () => [], references: references.value, ...noQuizHelpers });
    expect(outline.sources.map((source) => source.id)).toEqual(['ramsay-2005-anatomy', 'geddes-2007-inside']);
    expect(outline.sources[0]?.text).toMatch(/^Ramsay DT, Kent JC, Hartmann RA, Hartmann PE\. Anatomy of the lactating human breast redefined with ultrasound imaging\. J Anat\. 2005;206:525–534\. doi:/);
  });
});

describe('the handout of "The tree of milk"', () => {
  function input(language: Language): HandoutInput {
    const [result] = load([`content/lessons/${language}/tree-of-milk.md`]);
    const quiz = parseFile(`content/lessons/${language}/tree-of-milk.quiz.yaml`).quiz;
    const { glossary } = parseGlossary(read(glossaryPath(language)), glossaryPath(language), language);
    if (!result?.lesson || !quiz || !glossary) throw new Error(`tree-of-milk (${language}) does not load`);
    const matcher = termMatcher(glossary.entries, language);
    return {
      lesson: result.lesson,
      quiz,
      glossary: glossary.entries,
      termsIn: (text) => matcher.segments(text).flatMap((segment) => (segment.entryId ? [segment.entryId] : [])),
      references: references.value,
      structureName: (answer) => `name of ${answer}`,
      presentedOrder: (question) => shuffledOrder(question),
    };
  }

  it.each(['en', 'fr'] as const)('has every step with its transcript, the key terms it names, its sources and a key for each question (%s)', (language) => {
    const given = input(language);
    const outline = buildHandoutOutline(given);
    expect(outline.steps).toHaveLength(given.lesson.steps.length);
    for (const [i, printed] of outline.steps.entries()) {
      const original = given.lesson.steps[i]!;
      expect(printed.title).toBe(original.title);
      expect(printed.paragraphs.join(' ')).toBe(original.sentences.map((s) => s.text).join(' '));
    }
    const terms = outline.keyTerms.map((term) => term.id);
    expect(terms).toEqual(expect.arrayContaining(['alveolus', 'lactiferous-duct', 'myoepithelial-cell']));
    expect(new Set(terms).size).toBe(terms.length);
    expect(outline.keyTerms.every((term) => term.definition.length > 0 && term.definition.length < 300)).toBe(true);
    expect(outline.sources.some((source) => source.text.startsWith('Ramsay DT'))).toBe(true);
    expect(outline.sources.every((source) => source.text !== source.id)).toBe(true);

    const quiz = outline.quiz!;
    expect(quiz.questions).toHaveLength(given.quiz!.questions.length);
    expect(quiz.answers.map((answer) => answer.kind)).toEqual(given.quiz!.questions.map((question) => question.kind));
    expect(quiz.answers.find((answer) => answer.kind === 'pick-structure')?.answer).toBe('name of main-ducts');
    // The milk's path, lettered as the self-check shuffles it, keyed back to the file's order.
    const order = quiz.questions.find((question) => question.kind === 'order');
    const key = quiz.answers.find((answer) => answer.kind === 'order');
    const original = given.quiz!.questions.find((question) => question.kind === 'order');
    if (order?.kind !== 'order' || key?.kind !== 'order' || original?.kind !== 'order') throw new Error('no order question');
    expect(order.options.map((option) => option.text)).not.toEqual(original.items.map((item) => item.text));
    expect(key.answer.map((option) => option.text)).toEqual(original.items.map((item) => item.text));
  });

  it('names its key terms in the lesson’s language', () => {
    expect(buildHandoutOutline(input('fr')).keyTerms.map((term) => term.term)).toContain('Alvéole');
    expect(buildHandoutOutline(input('en')).keyTerms.map((term) => term.term)).toContain('Alveolus');
  });
});
