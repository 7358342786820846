import { describe, expect, it } from 'vitest';
import { formatReference } from '../../../src/shared/handout/format-reference';
import { HANDOUT_FILE_NAME_MAX, handoutFileName, handoutFileNameSchema } from '../../../src/shared/handout/handout-pdf-file';
import { handoutQuiz, type HandoutQuizOptions } from '../../../src/shared/handout/handout-quiz';
import { firstSentence, keyTerms } from '../../../src/shared/handout/handout-terms';
import type { GlossaryEntry } from '../../../src/shared/content/glossary';
import type { QuizQuestion } from '../../../src/shared/quizzes/quiz-schema';

describe('formatReference', () => {
  it('prints authors, title, journal, year;volume:pages and the DOI', () => {
    expect(
      formatReference(
        { authors: 'Ramsay DT, Kent JC', title: 'Anatomy of the lactating human breast redefined with ultrasound imaging', journal: 'J Anat', year: 2005, 'volume/pages': '206:525–534', doi: '10.1111/j.1469-7580.2005.00417.x' },
        'ramsay-2005-anatomy',
      ),
    ).toBe('Ramsay DT, Kent JC. Anatomy of the lactating human breast redefined with ultrasound imaging. J Anat. 2005;206:525–534. doi:10.1111/j.1469-7580.2005.00417.x');
  });

  it('leaves out what the entry lacks, uses the url when there is no DOI, and never doubles a full stop', () => {
    expect(formatReference({ journal: 'StatPearls', url: 'https://www.ncbi.nlm.nih.gov/books/NBK547666/' }, 'x')).toBe('StatPearls. https://www.ncbi.nlm.nih.gov/books/NBK547666/');
    expect(formatReference({ authors: 'Rusby JE, et al.', journal: 'Breast Cancer Res Treat', year: 2007 }, 'x')).toBe('Rusby JE, et al. Breast Cancer Res Treat. 2007.');
  });

  it('prints the id of a source missing from the references, so it shows', () => {
    expect(formatReference(undefined, 'nobody-2020-lost')).toBe('nobody-2020-lost');
  });
});

describe('handout file names', () => {
  it('suggests a name the bridge accepts, for any lesson id and language', () => {
    for (const [id, language] of [
      ['tree-of-milk', 'en'],
      ['weaning-relactation', 'fr'],
      ['Été à l’école', 'fr'],
      ['x'.repeat(300), 'en'],
    ] as const) {
      const name = handoutFileName(id, language);
      expect(name, id).toMatch(/\.pdf$/);
      expect(handoutFileNameSchema.safeParse(name).success, name).toBe(true);
    }
    expect(handoutFileName('tree-of-milk', 'fr')).toBe('lactation-atlas-tree-of-milk-fr.pdf');
    expect(handoutFileName('Été à l’école', 'fr')).toBe('lactation-atlas-ete-a-l-ecole-fr.pdf');
  });

  it.each(['../secret.pdf', 'a/b.pdf', 'a\\b.pdf', '.pdf', '.hidden.pdf', 'handout.exe', 'handout.pdf.exe', 'handout', 'line\nbreak.pdf', `${'a'.repeat(HANDOUT_FILE_NAME_MAX)}.pdf`, ''])('refuses %j', (name) => {
    expect(handoutFileNameSchema.safeParse(name).success).toBe(false);
  });
});

describe('the self-check on paper', () => {
  const options: HandoutQuizOptions = {
    structureName: (answer) => ({ 'main-ducts': 'Main milk ducts', 'body:placenta': 'Placenta' })[answer] ?? `?${answer}`,
    presentedOrder: (question) => [...question.items].reverse().map((item) => item.id),
  };
  const questions: QuizQuestion[] = [
    { id: 'q-choice', kind: 'choice', step: 2, prompt: 'Which?', choices: [{ id: 'a', text: 'One' }, { id: 'b', text: 'Two' }, { id: 'c', text: 'Three' }], answer: 'c', explanation: 'Because three.' },
    { id: 'q-tf', kind: 'true-false', step: 1, prompt: 'Sinuses store milk.', answer: false, explanation: 'No sinuses.' },
    { id: 'q-pick', kind: 'pick-structure', step: 3, prompt: 'Click a main duct.', answer: 'main-ducts', explanation: 'Any main duct.' },
    { id: 'q-order', kind: 'order', step: 4, prompt: 'Put in order.', items: [{ id: 'first', text: 'First' }, { id: 'second', text: 'Second' }, { id: 'third', text: 'Third' }], explanation: 'In that order.' },
  ];

  it('prints the questions without answers, options lettered as shown', () => {
    const quiz = handoutQuiz(questions, options);
    expect(quiz.questions).toEqual([
      { number: 1, kind: 'choice', step: 2, prompt: 'Which?', options: [{ label: 'A', text: 'One' }, { label: 'B', text: 'Two' }, { label: 'C', text: 'Three' }] },
      { number: 2, kind: 'true-false', step: 1, prompt: 'Sinuses store milk.' },
      { number: 3, kind: 'pick-structure', step: 3, prompt: 'Click a main duct.' },
      { number: 4, kind: 'order', step: 4, prompt: 'Put in order.', options: [{ label: 'A', text: 'Third' }, { label: 'B', text: 'Second' }, { label: 'C', text: 'First' }] },
    ]);
    expect(JSON.stringify(quiz.questions)).not.toMatch(/Because|No sinuses|Main milk ducts|answer/);
  });

  it('keys every kind: the letter and words of a choice, true or false, the structure’s name, the right order by the printed letters', () => {
    expect(handoutQuiz(questions, options).answers).toEqual([
      { number: 1, kind: 'choice', answer: { label: 'C', text: 'Three' }, explanation: 'Because three.' },
      { number: 2, kind: 'true-false', answer: false, explanation: 'No sinuses.' },
      { number: 3, kind: 'pick-structure', answer: 'Main milk ducts', explanation: 'Any main duct.' },
      {
        number: 4,
        kind: 'order',
        answer: [
          { label: 'C', text: 'First' },
          { label: 'B', text: 'Second' },
          { label: 'A', text: 'Third' },
        ],
        explanation: 'In that order.',
      },
    ]);
  });

  it('never loses an item the presented order forgets or repeats', () => {
    const quiz = handoutQuiz([questions[3]!], { ...options, presentedOrder: () => ['third', 'third', 'unknown'] });
    expect(quiz.questions[0]).toMatchObject({ options: [{ label: 'A', text: 'Third' }, { label: 'B', text: 'First' }, { label: 'C', text: 'Second' }] });
    expect(quiz.answers[0]).toMatchObject({ answer: [{ label: 'B' }, { label: 'C' }, { label: 'A' }] });
  });
});

describe('key terms', () => {
  const entry = (id: string, term: string, definition: string): GlossaryEntry => ({ id, term, aka: [], forms: [], definition, sources: [], see: [], structure: null });
  const entries = [
    entry('oxytocin', 'Oxytocin', 'A hormone of the posterior pituitary. It makes the basket contract.'),
    entry('alveolus', 'Alveolus', 'A hollow sac lined with lactocytes, e.g. in a lobule. Thousands per breast.'),
    entry('prolactin', 'Prolactin', 'The milk-making hormone.'),
  ];
  const words: Record<string, string> = { oxytocin: 'oxytocin', alveoli: 'alveolus', alveolus: 'alveolus', prolactin: 'prolactin' };
  const termsIn = (text: string) => text.toLowerCase().split(/\W+/).flatMap((word) => (words[word] ? [words[word]] : []));

  it('lists each entry the texts name once, alphabetically, with the first sentence of its definition', () => {
    expect(keyTerms(['Oxytocin reaches the alveoli.', 'Each alveolus squeezes; oxytocin again.'], entries, termsIn, 'en')).toEqual([
      { id: 'alveolus', term: 'Alveolus', definition: 'A hollow sac lined with lactocytes, e.g. in a lobule.' },
      { id: 'oxytocin', term: 'Oxytocin', definition: 'A hormone of the posterior pituitary.' },
    ]);
  });

  it('ignores ids with no entry and lists nothing for text without terms', () => {
    expect(keyTerms(['Nothing here.'], entries, () => ['not-an-entry'], 'en')).toEqual([]);
  });

  it('cuts French definitions after the first sentence, closing quotes and all', () => {
    expect(firstSentence('Le « bouquet de feuilles » au bout d’une branche. Les lobules grossissent.')).toBe('Le « bouquet de feuilles » au bout d’une branche.');
    expect(firstSentence('Une hormone ? Oui, et « la plus connue ». Ensuite.')).toBe('Une hormone ?');
    expect(firstSentence('Only one sentence, no full stop')).toBe('Only one sentence, no full stop');
  });
});
