import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lessonPathParts, parseLesson } from '../../../src/shared/lessons/parse-lesson';
import { context, lessonText, loadText, located, read } from './lesson-test-support';

const STEP = '## A step\n\nSome narration {focus nipple}.\n';

describe('parseLesson, edge cases', () => {
  it('reads Windows line endings and a byte-order mark the same way', () => {
    const text = read('test/fixtures/lessons/engine/en/tree-of-milk.md');
    const crlf = loadText(`\uFEFF${text.replace(/\n/g, '\r\n')}`, 'test/fixtures/lessons/engine/en/tree-of-milk.md');
    const lf = loadText(text, 'test/fixtures/lessons/engine/en/tree-of-milk.md');
    expect(crlf.errors).toEqual([]);
    expect(crlf.lesson).toEqual(lf.lesson);
  });

  it('accepts a duration in plain minutes, closeUp: none and layers: none', () => {
    const result = loadText(lessonText('## A step\n\n```scene\ncloseUp: none\nlayers: none\n```\n\nNothing to see {show ducts}.\n', { duration: '6' }));
    expect(located(result)).toEqual([]);
    expect(result.lesson?.durationMinutes).toBe(6);
    expect(result.lesson?.steps[0]?.scene.layers).toEqual([]);
  });

  it('explains an empty front matter key by key', () => {
    expect(located(loadText(`---\n---\n\n${STEP}`))).toEqual(
      ['id', 'language', 'title', 'summary', 'level', 'duration', 'order', 'sources'].map((key) => `2:1 missing required key "${key}"`),
    );
  });

  it('explains a front matter or a scene block that is not a mapping', () => {
    expect(located(loadText(`---\n- id\n- title\n---\n\n${STEP}`))).toEqual(['2:1 the front matter must be a list of keys and values (id: …, language: …, title: …)']);
    expect(located(loadText(lessonText('## A step\n\n```scene\ncamera whole-breast\n```\n\nText.\n')))).toEqual([
      '15:1 a scene block is a list of keys and values (camera: …, view: …, layers: […], highlight: […])',
    ]);
  });

  it('refuses a summary that is too long and markers in a step title', () => {
    const summary = `"${'word '.repeat(41).trim()}"`;
    expect(located(loadText(lessonText('## A {focus nipple} title [@ramsay-2005-anatomy]\n\nText.\n', { summary })))).toEqual([
      '5:1 summary must be one or two short sentences (40 words at most)',
      '12:4 cues and citations go in the narration, not in a step title',
    ]);
  });

  it('reports a YAML syntax error inside a scene block at its line in the file', () => {
    expect(located(loadText(lessonText('## A step\n\n```scene\ncamera: nipple\nlayers: [skin, ducts\n```\n\nText.\n')))).toEqual([
      '16:21 YAML error: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('needs a language folder', () => {
    expect(located(loadText(lessonText(STEP), 'lessons/sample.md'))).toEqual(['1:1 a lesson file must be in a language folder: content/lessons/<en|fr>/<lesson id>.md']);
    expect(lessonPathParts('content\\lessons\\fr\\x.md')).toEqual({ language: 'fr', name: 'x' });
  });
});

describe('parseLesson on damaged input', () => {
  const original = read('test/fixtures/lessons/engine/fr/tree-of-milk.md');
  const lineCount = original.split('\n').length;

  /** Every error is inside the file, and the parser never throws. */
  function checkErrors(text: string): void {
    const parsed = parseLesson(text, 'test/fixtures/lessons/engine/fr/tree-of-milk.md', context);
    const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
    for (const error of parsed.errors) {
      expect(error.line).toBeGreaterThanOrEqual(1);
      expect(error.line).toBeLessThanOrEqual(lines.length + 1);
      expect(error.column).toBeGreaterThanOrEqual(1);
      expect(error.column).toBeLessThanOrEqual((lines[error.line - 1]?.length ?? 0) + 1);
      expect(error.message.length).toBeGreaterThan(10);
    }
  }

  it('never throws on arbitrary text, and locates every error inside it', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '@', '#', '`', '>', '-', ':', ' ', '\n', 'a', 'é', '\\', '*') }), (text) => checkErrors(`---\n${text}`)),
      { numRuns: 300 },
    );
  });

  it('never throws when lines of a real lesson are deleted, duplicated or cut', () => {
    const edit = fc.record({ line: fc.integer({ min: 0, max: lineCount - 1 }), kind: fc.constantFrom('delete', 'duplicate', 'cut'), at: fc.nat(200) });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const lines = original.split('\n');
        for (const { line, kind, at } of edits) {
          const current = lines[line % lines.length] ?? '';
          if (kind === 'delete') lines.splice(line % lines.length, 1);
          else if (kind === 'duplicate') lines.splice(line % lines.length, 0, current);
          else lines[line % lines.length] = current.slice(0, at % (current.length + 1));
        }
        checkErrors(lines.join('\n'));
      }),
      { numRuns: 100 },
    );
    // A hundred parses of a whole lesson: about a second alone, several on a busy CI machine.
  }, 30_000);
});
