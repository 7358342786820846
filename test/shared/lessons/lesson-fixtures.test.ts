import { describe, expect, it } from 'vitest';
import { formatCue } from '../../../src/shared/lessons/cue-vocabulary';
import type { LessonStatus } from '../../../src/shared/lessons/lesson-types';
import { formatContentError, sceneAt } from '../../../src/shared/lessons/load-lessons';
import { INITIAL_SCENE } from '../../../src/shared/lessons/scene';
import { FIXTURES, load, located } from './lesson-test-support';

const MAIN_DUCTS = ['duct-1', 'duct-2', 'duct-3', 'duct-4', 'duct-5', 'duct-6', 'duct-7', 'duct-8', 'duct-9'];

describe('a valid lesson and its translation', () => {
  const [en, fr] = load([`${FIXTURES}/valid/en/every-cue.md`, `${FIXTURES}/valid/fr/every-cue.md`]);

  it('load with no error', () => {
    expect(en?.errors.map(formatContentError)).toEqual([]);
    expect(fr?.errors.map(formatContentError)).toEqual([]);
    expect(en?.status).toBe('ok');
    expect(fr?.status).toBe('ok');
    expect(fr?.language).toBe('fr');
  });

  const lesson = en?.lesson;
  if (!lesson) throw new Error('the valid fixture did not load');
  const [first, second, third] = lesson.steps;
  if (!first || !second || !third) throw new Error('three steps expected');

  it('reads the front matter', () => {
    expect({ ...lesson, steps: lesson.steps.length }).toEqual({
      file: `${FIXTURES}/valid/en/every-cue.md`,
      id: 'every-cue',
      language: 'en',
      title: 'Every cue once',
      summary: 'A fixture that uses every cue of the vocabulary, a scene block with every key, and steps that inherit their scene.',
      level: 'advanced',
      durationMinutes: 3,
      order: 5,
      sources: ['ramsay-2005-anatomy', 'gardner-2015-ejection'],
      steps: 3,
      stepCount: 3,
    });
    expect(fr?.lesson?.durationMinutes).toBe(3);
  });

  it('resolves the scene block, groups expanded, on top of the initial scene', () => {
    expect(first.scene).toEqual({
      camera: { kind: 'shot', shot: 'duct-system' },
      view: 'anatomy',
      layers: ['ducts', 'lobules', 'nerves'],
      highlight: [...MAIN_DUCTS, 'nipple'],
      labels: ['nipple'],
      closeUp: null,
      physiology: null,
    });
  });

  it('splits the narration into sentences, markers out, abbreviations kept', () => {
    expect(first.sentences.map((s) => [s.key, s.paragraph, `${s.line}:${s.column}`, s.text, s.wordCount, s.citations])).toEqual([
      ['0.0', 0, '23:1', 'The ducts are narrow.', 4, ['ramsay-2005-anatomy']],
      ['0.1', 0, '23:76', 'Dr. Smith said so, e.g. in a talk.', 9, []],
      ['0.2', 0, '24:1', 'They branch early!', 3, []],
      ['0.3', 1, '26:27', 'A new paragraph starts here.', 5, []],
      ['0.4', 1, '26:56', 'Is it clear?', 3, []],
      ['0.5', 1, '26:69', 'Yes.', 1, []],
    ]);
  });

  it('places each cue before the word that follows it, with its position in the file', () => {
    expect(first.cues.map((c) => [formatCue(c.cue), c.marker, c.sentence, c.offset, c.word, `${c.line}:${c.column}`])).toEqual([
      ['{pulse duct-3 duct-4 times=4}', '{pulse duct-3 duct-4 times=4}', 0, 10, 2, '23:11'],
      // Between two sentences: at the start of the next one.
      ['{focus nipple}', '{focus nipple}', 2, 0, 0, '23:111'],
      // Just before the "!": after the last word.
      ['{label duct-3}', '{label duct-3}', 2, 17, 3, '24:19'],
      ['{unlabel duct-3}', '{unlabel duct-3}', 2, 17, 3, '24:34'],
      ['{label areola}', '{label areola}', 2, 17, 3, '24:51'],
      ['{hide nerves}', '{hide nerves}', 3, 0, 0, '26:1'],
      ['{show skin}', '{show skin}', 3, 0, 0, '26:15'],
      ['{unhighlight nipple}', '{unhighlight nipple}', 5, 3, 1, '26:73'],
    ]);
    // After the last sentence of the step: at its end.
    const last = third.cues.at(-1);
    expect([last?.marker, last?.sentence, last?.offset, last?.word]).toEqual(['{pulse nipple}', 1, 20, 4]);
  });

  it('keeps teacher notes as Markdown, with their citations', () => {
    expect(first.notes).toEqual([
      { line: 28, column: 3, text: 'A note with *emphasis* and a citation.\nIt runs over two lines.', citations: ['gardner-2015-ejection'] },
      { line: 31, column: 3, text: '- and a list item', citations: [] },
    ]);
    expect(first.citations).toEqual(['ramsay-2005-anatomy', 'gardner-2015-ejection']);
  });

  it('starts a step without a scene block where the previous one ended', () => {
    expect(second.scene).toEqual(sceneAt(first));
    expect(second.scene).toEqual({
      camera: { kind: 'structure', id: 'nipple' },
      view: 'anatomy',
      layers: ['skin', 'ducts', 'lobules'],
      highlight: MAIN_DUCTS,
      labels: ['nipple', 'areola'],
      closeUp: null,
      physiology: null,
    });
  });

  it('folds cues into scenes for seeking', () => {
    expect(sceneAt(second, 0)).toEqual(second.scene);
    expect(sceneAt(second, 2)).toMatchObject({ view: 'tree', camera: { kind: 'shot', shot: 'tree' } });
    // Back to anatomy: the tree shot gives way to the whole breast.
    expect(sceneAt(second)).toMatchObject({ view: 'anatomy', camera: { kind: 'shot', shot: 'whole-breast' }, highlight: [], labels: [] });
    expect(sceneAt(third, 2)).toMatchObject({ closeUp: 'alveolus-3.1.2.1.1.5', camera: { kind: 'structure', id: 'alveolus-3.1.2.1.1.5' } });
    expect(sceneAt(third, 4)).toMatchObject({ camera: { kind: 'structure', id: 'part:lactocyte' }, highlight: ['part:capillary'] });
    // One level out: the lobule again, parts no longer highlighted.
    expect(sceneAt(third, 5)).toMatchObject({ closeUp: 'lobule-3.1.2.1.1', highlight: [] });
    expect(sceneAt(third, 6)).toMatchObject({ closeUp: null, camera: { kind: 'structure', id: 'lobule-3.1.2.1.1' } });
    expect(sceneAt(third)).toEqual({ ...INITIAL_SCENE, layers: ['skin', 'ducts', 'lobules'] });
  });
});

/** What each invalid fixture gives: its status, the steps that still load, every error as `line:column message`. */
const INVALID: Record<string, { status: LessonStatus; steps: number[]; errors: string[] }> = {
  'bad-cues': {
    status: 'partial',
    steps: [4],
    errors: [
      '14:4 unknown cue "zoom" (cues: focus, highlight, unhighlight, pulse, show, hide, morph, fly-into, fly-out, label, unlabel, physiology, time, stage, scenario, release, cry, feed, let-down, stress)',
      '14:24 unknown cue "hilight" (did you mean "highlight"?) (cues: focus, highlight, unhighlight, pulse, show, hide, morph, fly-into, fly-out, label, unlabel, physiology, time, stage, scenario, release, cry, feed, let-down, stress)',
      '14:44 empty cue {}: write a cue name and its arguments, e.g. {focus nipple}',
      '18:1 {focus} takes one argument, not 0: {focus <shot or structure>}',
      '18:14 {morph} takes one argument, not 0: {morph tree} or {morph anatomy}',
      '18:36 {fly-out} takes no arguments, not 1: {fly-out}',
      '18:56 {morph}: unknown view "sideways" (views: anatomy, tree)',
      '18:77 {hide}: unknown layer "skn" (did you mean "skin"?) (layers: skin, fat, ligaments, ducts, lobules, vessels, nerves, muscle)',
      '18:101 {focus} takes one argument, not 2: {focus <shot or structure>}',
      '22:15 {pulse} has no option "speed" (options: times)',
      '22:49 {pulse}: times must be a whole number from 1 to 5',
      '22:77 {pulse}: times must be a whole number from 1 to 5',
      '22:101 {focus} takes no options (found times=)',
      '22:137 option "times" is given twice in {pulse}',
      '26:9 this cue is not closed on the same line: add } after its arguments (or write \\{ for a brace in the text)',
      '27:9 a } without a { before it on the same line (write \\} for a brace in the text)',
    ],
  },
  'bad-front-matter-values': {
    status: 'failed',
    steps: [],
    errors: [
      '2:1 id is kebab-case: lower-case letters and digits joined by hyphens, e.g. tree-of-milk',
      '2:1 missing required key "summary"',
      '3:1 language must be one of: en, fr',
      '4:1 title must not be empty',
      '5:1 level must be one of: introductory, intermediate, advanced',
      '6:1 duration must be the estimated time in whole minutes, from 1 to 120, e.g. 6 min',
      '7:1 order must be from 1 to 999',
      '8:1 sources must list at least one source id',
      '9:1 unknown key "author" (allowed keys: id, language, title, summary, level, duration, order, sources)',
    ],
  },
  'bad-markdown': {
    status: 'failed',
    steps: [],
    errors: [
      '12:1 text before the first step: every step starts with a heading line "## Step title" (the lesson\'s title goes in the front matter)',
      '16:1 only "##" headings are allowed, one per step (found ###)',
      '18:1 use "##" for a step heading; the lesson\'s title goes in the front matter',
      '20:1 lists are not allowed in the narration, which is spoken: write sentences (teacher notes may have lists)',
      '21:5 links and images are not allowed in a lesson: cite sources as [@source-id]',
      '22:6 HTML is not allowed in a lesson',
      '24:1 code blocks are not allowed in a lesson; the only fenced block is a step\'s ```scene block',
      '32:1 the scene block must come right after the step\'s heading, before the narration and the notes',
      '42:1 a step has one scene block at most; this step\'s is on line 38',
      '51:1 stage: unknown stage "lactogenesis-2" (stages: before-pregnancy, mammogenesis, secretory-differentiation, secretory-activation, established-lactation, involution, relactation, induced-lactation)',
      '52:1 time: unknown time "3 h": write a landmark (birth, day-3, one-month…), pregnancy-week-20, hour-30, day-5, week-6 or month-4',
      '53:1 unknown key "zoom" (allowed keys: camera, view, layers, highlight, labels, closeUp, physiology, time, stage, scenario, placenta, stress)',
      '54:1 layers must be a list of layers, e.g. [ducts, lobules], or all, or none',
      '55:1 highlight must be a list of structure ids, e.g. [nipple, duct-3], or [] for none',
      '62:41 unknown source "nobody-2020-nothing": add it to content/references.yaml or fix the id',
      '62:76 source "gardner-2015-ejection" is cited here but not listed in the front matter\'s sources',
      '62:111 a citation lists source ids, each starting with @ and separated by semicolons, e.g. [@ramsay-2005-anatomy; @geddes-2007-inside]',
      '63:10 this citation is not closed on the same line: add ] after the source ids, e.g. [@ramsay-2005-anatomy]',
      '65:21 cues belong in the narration, not in teacher notes (write \\{ for a brace)',
      '65:60 unknown source "nobody-2020-nothing": add it to content/references.yaml or fix the id',
      '67:1 a step heading needs a title: "## What this step shows"',
      '71:1 step "A step with no narration" has no narration: write what the voice says after the scene block',
      '79:1 step "Unclosed block" has no narration: write what the voice says after the scene block',
      '81:1 this block is never closed: add a line ``` after it',
    ],
  },
  'malformed-yaml': {
    status: 'failed',
    steps: [],
    errors: [
      '5:1 YAML error: Flow sequence in block collection must be sufficiently indented and end with a ]',
      '5:10 YAML error: Nested mappings are not allowed in compact mappings',
    ],
  },
  'no-front-matter': {
    status: 'failed',
    steps: [],
    errors: [
      '1:1 missing front matter: the file must start with a line "---", then the keys (id, language, title…), then another "---" line',
    ],
  },
  'scene-state': {
    status: 'failed',
    steps: [],
    errors: [
      '14:1 {focus}: "part:lactocyte" is a part of the alveolus close-up: open an alveolus first with {fly-into alveolus-…} (or closeUp: alveolus-… in the scene block)',
      '14:24 {highlight}: "part:lumen" is a part of the alveolus close-up: open an alveolus first with {fly-into alveolus-…} (or closeUp: alveolus-… in the scene block)',
      '14:47 {fly-out}: the scene is not in a close-up (open one with {fly-into …})',
      '14:57 {focus}: the shot "tree" is made for the tree view: add {morph tree} before it',
      '23:1 {focus}: "rib-4" is not drawn in the tree view (only the nipple, ducts, lobules and alveoli are): add {morph anatomy} before it',
      '23:15 {fly-into} needs the anatomical view: add {morph anatomy} before it',
      '28:1 a close-up cannot be shown in the tree view: set view: anatomy or closeUp: none',
      '42:1 {morph} is not available in a close-up: leave alveolus-3.1.2.1.1.5 with {fly-out} first',
      '48:1 highlight: "part:lactocyte" is a part of the alveolus close-up: open an alveolus first with {fly-into alveolus-…} (or closeUp: alveolus-… in the scene block)',
    ],
  },
  'unclosed-front-matter': {
    status: 'failed',
    steps: [],
    errors: [
      '1:1 the front matter opened on line 1 is never closed: add a line "---" after the keys',
    ],
  },
  'unknown-ids': {
    status: 'partial',
    steps: [0, 3],
    errors: [
      '23:1 camera: unknown camera shot or structure "whole-brest" (did you mean "whole-breast"?) (camera shots: whole-breast, side-profile, nipple-and-areola, duct-system, chest-wall, nerve-to-nipple, tree)',
      '24:17 layers: unknown layer "skn" (did you mean "skin"?) (layers: skin, fat, ligaments, ducts, lobules, vessels, nerves, muscle)',
      '25:21 highlight: unknown structure "duct-30" (did you mean "duct-3"?)',
      '26:1 closeUp: "duct-3" is a duct: only a lobule or an alveolus has a close-up',
      '33:17 {highlight}: unknown structure "lobule-3.1.2" (did you mean "lobule-3.1.3"?)',
      '33:45 {fly-into}: unknown alveolus "alveolus-3.1.2.1.1.999": lobule-3.1.2.1.1 has 92 alveoli, alveolus-3.1.2.1.1.1 to alveolus-3.1.2.1.1.92',
      '33:83 {fly-into}: unknown alveolus "alveolus-9.9.9": there is no lobule-9.9 in the default gland',
      '33:110 {label}: unknown part "part:nucleus": the parts of the alveolus close-up are part:lactocyte, part:myoepithelial-cell, part:capillary, part:lumen',
      '33:135 {focus}: "main-ducts" names several structures: the camera frames one structure or a camera shot',
      '33:158 {focus}: "alveolus-3.1.2.1.1.5" is an alveolus: open its close-up with {fly-into alveolus-3.1.2.1.1.5} (or closeUp: alveolus-3.1.2.1.1.5 in a scene block)',
    ],
  },
  'wrong-id-and-language': {
    status: 'failed',
    steps: [],
    errors: [
      '2:1 id "another-lesson" does not match the file name "wrong-id-and-language.md"',
      '3:1 language "fr" does not match the folder "en" the file is in',
      '9:32 unknown source "ramsay-2005-anatomi" (did you mean "ramsay-2005-anatomy"?): add it to content/references.yaml or fix the id',
      '9:53 source "ramsay-2005-anatomy" is listed twice',
    ],
  },
};

describe('invalid lessons: every error located, the valid steps kept', () => {
  it.each(Object.keys(INVALID))('%s', (name) => {
    const file = `${FIXTURES}/invalid/en/${name}.md`;
    const [result] = load([file], { checkTranslations: false });
    const expected = INVALID[name];
    expect(result && located(result)).toEqual(expected?.errors);
    expect(result?.errors.every((error) => error.file === file)).toBe(true);
    expect(result?.status).toBe(expected?.status);
    expect(result?.lesson?.steps.map((step) => step.index) ?? []).toEqual(expected?.steps);
  });

  it('one broken file does not stop the others from loading', () => {
    const files = ['no-front-matter', 'unknown-ids', 'bad-cues'].map((name) => `${FIXTURES}/invalid/en/${name}.md`);
    const results = load([...files, `${FIXTURES}/valid/en/every-cue.md`, `${FIXTURES}/valid/fr/every-cue.md`]);
    expect(results.map((result) => [result.id, result.status])).toEqual([
      ['no-front-matter', 'failed'],
      ['unknown-ids', 'partial'],
      ['bad-cues', 'partial'],
      ['every-cue', 'ok'],
      ['every-cue', 'ok'],
    ]);
  });
});

describe('translations', () => {
  const files = ['en/mismatch', 'en/lonely', 'fr/mismatch', 'fr/orphan'].map((name) => `${FIXTURES}/pairs/${name}.md`);
  const results = load(files);
  const byFile = new Map(results.map((result) => [result.file, result]));
  const en = `${FIXTURES}/pairs/en/mismatch.md`;

  it('report what differs from the English version, in the translation', () => {
    const fr = byFile.get(`${FIXTURES}/pairs/fr/mismatch.md`);
    expect(fr && located(fr)).toEqual([
      `6:1 level intermediate differs from the English version's (introductory) in ${en}`,
      `7:1 duration 5 min differs from the English version's (4 min) in ${en}`,
      `8:1 order 2 differs from the English version's (1) in ${en}`,
      `9:1 sources differ from the English version's (${en}): gardner-2015-ejection is missing here; geddes-2007-inside is not in the English version`,
      `18:48 cue 2 of this step is {pulse duct-4} but the English version has {pulse duct-3} (${en}:18:45): a translation has the same cues in the same order`,
      `20:1 this step has 1 cue and the English version has 2: {morph anatomy} (${en}:22:37) is missing: a translation has the same cues in the same order`,
      `20:1 this step's citations differ from step 3 of the English version (${en}:20:1): gardner-2015-ejection is missing here; geddes-2007-inside is not in the English version`,
      `26:35 cue {hide fat} has no counterpart: this step of the English version (${en}:24:1) has 1 cue: a translation has the same cues in the same order`,
      `28:1 the English version has 6 steps and this one 5: step 6 "Not translated" (${en}:32:1) has no translation`,
      '30:23 {focus}: unknown camera shot or structure "nipplee" (did you mean "nipple"?) (camera shots: whole-breast, side-profile, nipple-and-areola, duct-system, chest-wall, nerve-to-nipple, tree)',
    ]);
    // The translation still plays, without its broken step.
    expect(fr?.status).toBe('partial');
    expect(fr?.lesson?.steps.map((step) => step.index)).toEqual([0, 1, 2, 3]);
    expect(byFile.get(en)?.status).toBe('ok');
  });

  it('report a lesson with no translation, and a translation with no original', () => {
    expect(byFile.get(`${FIXTURES}/pairs/en/lonely.md`)?.errors.map(formatContentError)).toEqual([
      `${FIXTURES}/pairs/en/lonely.md:1:1 no French version of this lesson: add ${FIXTURES}/pairs/fr/lonely.md`,
    ]);
    expect(byFile.get(`${FIXTURES}/pairs/fr/orphan.md`)?.errors.map(formatContentError)).toEqual([
      `${FIXTURES}/pairs/fr/orphan.md:1:1 no English version of this lesson: every lesson is written in English first, as ${FIXTURES}/pairs/en/orphan.md`,
    ]);
  });

  it('can be left unchecked', () => {
    expect(load(files, { checkTranslations: false }).map((result) => result.status)).toEqual(['ok', 'ok', 'partial', 'ok']);
  });
});
