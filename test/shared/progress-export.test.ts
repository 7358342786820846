import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bookmarkNoteSchema, MAX_BOOKMARKS, MAX_NOTE_LENGTH, type Bookmark } from '../../src/shared/bookmarks';
import { MAX_TRACKED_LESSONS, type LessonProgress, type Progress } from '../../src/shared/progress';
import {
  createProgressExport,
  IMPORT_PROBLEMS,
  MAX_PROGRESS_EXPORT_BYTES,
  parseProgressExport,
  progressExportFileName,
  type ImportProblem,
} from '../../src/shared/progress-export';
import { STRINGS } from '../../src/shared/strings';

const lessonId = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,63}$/);
const lessonProgress: fc.Arbitrary<LessonProgress> = fc.record({
  completed: fc.boolean(),
  lastPositionSeconds: fc.double({ min: 0, max: 6 * 3600, noNaN: true }),
  bestQuizScore: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
  updatedAt: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
});
const bookmarkArb: fc.Arbitrary<Bookmark> = fc.record({
  id: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,39}$/),
  createdAt: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  note: fc.string({ maxLength: 40 }).filter((note) => bookmarkNoteSchema.safeParse(note).success),
  view: fc.record({
    kind: fc.constant('physiology' as const),
    scenario: fc.constantFrom('term-birth' as const, 'retained-placenta' as const, 'relactation' as const, 'induced-lactation' as const),
    // JSON has no negative zero.
    lifeHours: fc.double({ min: -7000, max: 20000, noNaN: true }).map((hours) => hours + 0),
    stress: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
});
const progressArb: fc.Arbitrary<Progress> = fc
  .tuple(fc.dictionary(lessonId, lessonProgress, { maxKeys: 40 }), fc.uniqueArray(bookmarkArb, { maxLength: 5, selector: (bookmark) => bookmark.id }))
  .map(([lessons, bookmarks]) => ({ schemaVersion: 2 as const, lessons, bookmarks }));
const exportedAtArb = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });

const sample: Progress = {
  schemaVersion: 2,
  lessons: { 'tree-of-milk': { completed: true, lastPositionSeconds: 12.5, bestQuizScore: 0.8, updatedAt: '2026-11-25T10:00:00.000Z' } },
  bookmarks: [{ id: 'b-1', createdAt: '2026-11-25T10:05:00.000Z', note: 'Day 3', view: { kind: 'physiology', scenario: 'term-birth', lifeHours: 60, stress: 0 } }],
};
/** What an atlas made before bookmarks exported (progress version 1). */
const sampleVersion1 = { schemaVersion: 1, lessons: sample.lessons };
const envelope = (overrides: Record<string, unknown>) =>
  JSON.stringify({ app: 'lactation-atlas', kind: 'progress', formatVersion: 1, exportedAt: '2026-11-26T09:00:00.000Z', progress: sample, ...overrides });

describe('parseProgressExport', () => {
  it('gives back exactly the progress that was exported, and when', () => {
    fc.assert(
      fc.property(progressArb, exportedAtArb, (progress, exportedAt) => {
        const parsed = parseProgressExport(createProgressExport(progress, exportedAt));
        expect(parsed).toEqual({ ok: true, progress, exportedAt: exportedAt.toISOString() });
      }),
    );
  });

  it('keeps an export of the most lessons and bookmarks the atlas tracks under the size limit', () => {
    const longest: Progress = { schemaVersion: 2, lessons: {}, bookmarks: [] };
    for (let i = 0; i < MAX_TRACKED_LESSONS; i += 1) {
      longest.lessons[`${String(i).padStart(3, '0')}-${'x'.repeat(60)}`] = {
        completed: false,
        lastPositionSeconds: 21599.123456789,
        bestQuizScore: 0.333333333333333,
        updatedAt: '2026-11-26T09:00:00.000Z',
      };
    }
    // Ids of the longest length a bookmark accepts (80 characters).
    const longestAlveolus = `alveolus-${'1.'.repeat(35)}1`;
    const longestLobule = `lobule-${'1.'.repeat(36)}1`;
    for (let i = 0; i < MAX_BOOKMARKS; i += 1) {
      // Quotes and line breaks take two characters each in JSON, an ellipsis three bytes in UTF-8:
      // the longest notes can be written, in characters and in bytes.
      longest.bookmarks.push({
        id: `${String(i).padStart(3, '0')}-${'x'.repeat(36)}`,
        createdAt: '2026-11-26T09:00:00.000Z',
        note: i % 2 === 0 ? '"\n'.repeat(MAX_NOTE_LENGTH / 2) : '…'.repeat(MAX_NOTE_LENGTH),
        view: {
          kind: 'gland',
          camera: { position: [-123.456789012345, -123.456789012345, -123.456789012345], target: [-1.23456789012345, -1.23456789012345, -1.23456789012345] },
          layout: 'anatomy',
          layers: ['skin', 'fat', 'ligaments', 'ducts', 'lobules', 'vessels', 'nerves', 'muscle'],
          xray: 0.333333333333333,
          section: { at: 0.333333333333333 },
          selectedId: longestAlveolus,
          closeUp: { lobuleId: longestLobule, alveolusId: longestAlveolus, part: 'myoepithelial-cell' },
        },
      });
    }
    const text = createProgressExport(longest, new Date('2026-11-26T09:00:00Z'));
    // The desktop app measures the file in bytes, the browser preview in characters.
    expect(text.length).toBeLessThan(MAX_PROGRESS_EXPORT_BYTES);
    expect(new TextEncoder().encode(text).length).toBeLessThan(MAX_PROGRESS_EXPORT_BYTES);
    expect(parseProgressExport(text)).toMatchObject({ ok: true });
  });

  const bad: [ImportProblem, string][] = [
    ['too-large', envelope({ padding: ' '.repeat(MAX_PROGRESS_EXPORT_BYTES) })],
    ['not-json', '{"app": "lactation-atlas", "kind": "progr'],
    ['not-json', ''],
    ['other-app', '[1, 2, 3]'],
    ['other-app', '"progress"'],
    ['other-app', JSON.stringify(sample)],
    ['other-app', envelope({ app: 'another-atlas' })],
    ['other-kind', envelope({ kind: 'settings' })],
    ['other-kind', envelope({ kind: undefined })],
    ['newer-format', envelope({ formatVersion: 2 })],
    ['newer-format', envelope({ progress: { schemaVersion: 3, lessons: {}, bookmarks: [] } })],
    ['unknown-format', envelope({ formatVersion: '1' })],
    ['unknown-format', envelope({ formatVersion: 0 })],
    ['unknown-format', envelope({ formatVersion: 1.5 })],
    ['unknown-format', envelope({ formatVersion: undefined })],
    ['unknown-format', envelope({ exportedAt: 'last Tuesday' })],
    ['invalid-lessons', envelope({ progress: undefined })],
    ['invalid-lessons', envelope({ progress: { schemaVersion: 1 } })],
    ['invalid-lessons', envelope({ progress: { schemaVersion: 2, lessons: {} } })],
    ['invalid-lessons', envelope({ progress: { ...sample, bookmarks: [{ ...sample.bookmarks[0], note: 'x'.repeat(MAX_NOTE_LENGTH + 1) }] } })],
    ['invalid-lessons', envelope({ progress: { ...sample, bookmarks: [sample.bookmarks[0], sample.bookmarks[0]] } })],
    ['invalid-lessons', envelope({ progress: { schemaVersion: 1, lessons: { '../x': sample.lessons['tree-of-milk'] } } })],
    ['invalid-lessons', envelope({ progress: { schemaVersion: 1, lessons: { a: { ...sample.lessons['tree-of-milk'], bestQuizScore: 80 } } } })],
    ['invalid-lessons', envelope({ progress: { schemaVersion: 1, lessons: { a: { ...sample.lessons['tree-of-milk'], lastPositionSeconds: -1 } } } })],
    ['invalid-lessons', envelope({ progress: { schemaVersion: 1, lessons: { a: { ...sample.lessons['tree-of-milk'], admin: true } } } })],
  ];

  it.each(bad)('refuses a file with "%s"', (problem, text) => {
    const parsed = parseProgressExport(text);
    expect(parsed).toMatchObject({ ok: false, problem });
    expect(!parsed.ok && parsed.detail).not.toBe('');
  });

  it('imports a file exported before bookmarks existed, with no bookmarks', () => {
    expect(parseProgressExport(envelope({ progress: sampleVersion1 }))).toEqual({
      ok: true,
      progress: { schemaVersion: 2, lessons: sample.lessons, bookmarks: [] },
      exportedAt: '2026-11-26T09:00:00.000Z',
    });
  });

  it('accepts a file whose envelope carries fields a later format may add', () => {
    expect(parseProgressExport(envelope({ note: 'from school' }))).toMatchObject({ ok: true, progress: sample });
  });

  it.each(IMPORT_PROBLEMS)('explains "%s" to the learner in English and in French', (problem) => {
    const en = STRINGS.en.progress.importProblems[problem];
    const fr = STRINGS.fr.progress.importProblems[problem];
    expect(en.length).toBeGreaterThan(10);
    expect(fr.length).toBeGreaterThan(10);
    expect(fr).not.toBe(en);
  });
});

describe('progressExportFileName', () => {
  it('names the file after the local date', () => {
    expect(progressExportFileName(new Date(2026, 0, 5, 23, 59))).toBe('lactation-atlas-progress-2026-01-05.json');
    expect(progressExportFileName(new Date(2026, 10, 26, 0, 1))).toBe('lactation-atlas-progress-2026-11-26.json');
  });
});
