import { describe, expect, it } from 'vitest';
import { lessonPathOfQuiz, parseQuiz, quizPath, quizPathOfLesson, quizPathParts } from '../../../src/shared/quizzes/parse-quiz';
import { context, FIXTURES, located, parseFile, read } from './quiz-test-support';

const INVALID = `${FIXTURES}/invalid/en`;
const errorsOf = (name: string) => located(parseFile(`${INVALID}/${name}.quiz.yaml`).errors);

describe('parseQuiz, a valid quiz', () => {
  const parsed = parseFile(`${FIXTURES}/valid/en/three-steps.quiz.yaml`);

  it('reads every kind of question, with no error', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.folderLanguage).toBe('en');
    expect(parsed.lessonName).toBe('three-steps');
    const quiz = parsed.quiz;
    expect(quiz?.file).toBe(`${FIXTURES}/valid/en/three-steps.quiz.yaml`);
    expect(quiz?.lesson).toBe('three-steps');
    expect(quiz?.language).toBe('en');
    expect(quiz?.questions.map((q) => [q.id, q.kind, q.step])).toEqual([
      ['trunk', 'choice', 1],
      ['duct-count', 'choice', 2],
      ['storage', 'true-false', 3],
      ['find-nipple', 'pick-structure', 1],
      ['find-a-duct', 'pick-structure', 2],
      ['find-release', 'pick-structure', 3],
      ['path', 'order', 3],
    ]);
    expect(quiz?.questions[0]).toEqual({
      id: 'trunk',
      kind: 'choice',
      step: 1,
      prompt: 'Which part is the trunk of the tree?',
      choices: [
        { id: 'a', text: 'The nipple' },
        { id: 'b', text: 'A lobule' },
      ],
      answer: 'a',
      explanation: 'Milk leaves through the nipple, the trunk.',
    });
    expect(quiz?.questions[2]).toMatchObject({ answer: false });
    expect(quiz?.questions[5]).toMatchObject({ answer: 'body:posterior-pituitary' });
    expect(quiz?.questions[6]).toMatchObject({ items: [{ id: 'alveolus', text: 'Alveolus' }, { id: 'duct', text: 'Duct' }, { id: 'nipple', text: 'Nipple' }] });
  });

  it('takes numbers written as choice ids and answers for text, and folds a long explanation', () => {
    expect(parsed.quiz?.questions[1]).toMatchObject({ choices: [{ id: '1' }, { id: '2' }], answer: '2', explanation: 'About nine, with a range of four to eighteen.' });
  });

  it('reads Windows line endings and a byte-order mark the same way', () => {
    const file = `${FIXTURES}/valid/en/three-steps.quiz.yaml`;
    const crlf = parseQuiz(`\uFEFF${read(file).replace(/\n/g, '\r\n')}`, file, context);
    expect(crlf.errors).toEqual([]);
    expect(crlf.quiz).toEqual(parsed.quiz);
  });
});

describe('parseQuiz, mistakes at their line and column', () => {
  it('reports a YAML syntax error', () => {
    expect(errorsOf('malformed-yaml')).toEqual(['7:5 YAML error: Flow sequence in block collection must be sufficiently indented and end with a ]']);
  });

  it('explains an empty file and one that is not a mapping', () => {
    expect(errorsOf('empty')).toEqual(['1:1 the quiz file is empty: write lesson: …, language: … and questions: (see docs/authoring.md)']);
    expect(errorsOf('not-a-mapping')).toEqual(['1:1 a quiz file is a list of keys and values: lesson: …, language: …, questions: …']);
  });

  it('checks every value against its kind of question', () => {
    expect(errorsOf('bad-values')).toEqual([
      '2:1 language must be one of: en, fr',
      '3:1 unknown key "title" (allowed keys: lesson, language, questions)',
      '5:5 missing required key "kind" in questions[0] (kinds: choice, true-false, pick-structure, order)',
      '11:5 kind must be one of: choice, true-false, pick-structure, order (did you mean "true-false"?)',
      '16:5 missing required key "explanation" in questions[2]',
      '18:5 step must be a whole number, from 1 for the lesson\'s first "##" heading',
      '19:5 prompt must not be empty',
      '20:5 choices must list 2 to 6 choices',
      '25:5 step must be a whole number, from 1 for the lesson\'s first "##" heading',
      '27:5 unknown key "choices" in questions[3] (allowed keys: id, kind, step, prompt, answer, explanation)',
      // YAML 1.2 reads `yes` as text.
      '28:5 answer must be true or false',
      '34:5 items must list 3 to 7 items',
      '36:11 id is lower-case letters, digits and hyphens, e.g. suckling',
      '36:23 text must not be empty',
      '42:5 answer must be a structure id or group of the gland (nipple, main-ducts…), or a part of the body map written body:<part>',
      '44:5 questions[6]: a question is a list of keys and values (id: …, kind: …, step: …, prompt: …)',
      '50:9 questions[7].choices[0]: a choice is written { id: a, text: "…" }',
      '51:29 unknown key "note" in questions[7].choices[1] (allowed keys: id, text)',
    ]);
  });

  it('checks what the schema cannot: unique ids, the answer among the choices, structures and body parts', () => {
    expect(errorsOf('bad-rules')).toEqual([
      '10:5 id "twice" is already used by question 1 (line 4): question ids are unique in a quiz',
      '16:5 id is kebab-case: lower-case letters and digits joined by hyphens, e.g. duct-count',
      '29:11 id "a" is used by two choices of this question: choice ids are unique in a question',
      '30:5 answer "d" is not one of the choice ids (a, b)',
      '39:11 id "one" is used by two items of this question: item ids are unique in a question',
      '45:5 answer: unknown structure "duct-30" (did you mean "duct-3"?); or a part of the body map written body:<part>',
      '51:5 answer: unknown part of the body map "body:posterior-pituitery" (did you mean "body:posterior-pituitary"?) (parts: body:hypothalamus, body:oxytocin-nuclei, body:portal-vessels, body:anterior-pituitary, body:posterior-pituitary, body:heart, body:spinal-cord, body:nipple-nerve, body:left-breast, body:right-breast, body:placenta, body:adrenals, body:pancreas, body:ovaries)',
    ]);
  });

  it('needs at least five questions', () => {
    expect(errorsOf('too-few')).toEqual(['3:1 questions: a quiz has at least 5 questions; this one has 2']);
  });

  it('matches the lesson and the language to the file name and folder', () => {
    expect(errorsOf('wrong-names')).toEqual([
      '1:1 lesson "another-lesson" does not match the file name "wrong-names.quiz.yaml": a quiz is named after its lesson',
      '2:1 language "fr" does not match the folder "en" the file is in',
      '3:1 questions: a quiz has at least 5 questions; this one has 0',
    ]);
  });

  it('needs a language folder', () => {
    const text = read(`${FIXTURES}/valid/en/three-steps.quiz.yaml`);
    expect(located(parseQuiz(text, 'lessons/three-steps.quiz.yaml', context).errors)).toEqual([
      '1:1 a quiz file must be in a language folder, beside its lesson: content/lessons/<en|fr>/<lesson id>.quiz.yaml',
    ]);
  });

  it('gives no quiz when the file has an error', () => {
    for (const name of ['malformed-yaml', 'empty', 'bad-values', 'bad-rules', 'too-few', 'wrong-names']) {
      expect(parseFile(`${INVALID}/${name}.quiz.yaml`).quiz, name).toBeNull();
    }
  });

  it('never throws, whatever the text', () => {
    for (const text of ['', '---', 'questions: 3', 'questions:\n  - 3\n  - [a]\n  - kind: 7', 'lesson: [\n', '\t', 'a: *b']) {
      expect(() => parseQuiz(text, 'content/lessons/en/x.quiz.yaml', context)).not.toThrow();
      expect(parseQuiz(text, 'content/lessons/en/x.quiz.yaml', context).errors.length, JSON.stringify(text)).toBeGreaterThan(0);
    }
  });
});

describe('quiz paths', () => {
  it('put a quiz beside its lesson', () => {
    expect(quizPath('fr', 'tree-of-milk')).toBe('content/lessons/fr/tree-of-milk.quiz.yaml');
    expect(quizPathOfLesson('content/lessons/en/tree-of-milk.md')).toBe('content/lessons/en/tree-of-milk.quiz.yaml');
    expect(lessonPathOfQuiz('content/lessons/en/tree-of-milk.quiz.yaml')).toBe('content/lessons/en/tree-of-milk.md');
    expect(quizPathParts('content\\lessons\\fr\\x.quiz.yaml')).toEqual({ language: 'fr', lesson: 'x' });
    expect(quizPathParts('content/lessons/de/x.quiz.yaml')).toEqual({ language: null, lesson: 'x' });
    expect(quizPathParts('x.quiz.yaml')).toEqual({ language: null, lesson: null });
  });
});
