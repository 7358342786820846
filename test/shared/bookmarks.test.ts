import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bookmarkListSchema,
  bookmarkSchema,
  bookmarkStructureIdSchema,
  cleanNote,
  MAX_BOOKMARKS,
  MAX_NOTE_LENGTH,
  newBookmarkId,
  newestFirst,
  withBookmarkAdded,
  withBookmarkRestored,
  withNoteChanged,
  withoutBookmark,
  type Bookmark,
  type BookmarkView,
  type GlandBookmarkView,
} from '../../src/shared/bookmarks';
import { generateGland } from '../../src/shared/anatomy/generate-gland';
import { DEFAULT_GLAND_PARAMETERS } from '../../src/shared/anatomy/gland-parameters';
import { STRINGS } from '../../src/shared/strings';

const gland: GlandBookmarkView = {
  kind: 'gland',
  camera: { position: [12.5, 4, 20], target: [0, 1, 2] },
  layout: 'tree',
  layers: ['ducts', 'lobules'],
  xray: 0.4,
  section: null,
  selectedId: 'duct-3',
  closeUp: null,
};
const physiology: BookmarkView = { kind: 'physiology', scenario: 'term-birth', lifeHours: 60, stress: 0 };
const now = new Date('2026-11-27T10:00:00.000Z');
const bookmark = (id: string, createdAt: string, view: BookmarkView = gland): Bookmark => ({ id, createdAt, note: '', view });

describe('bookmark schema', () => {
  it('accepts a gland view and a physiology view with a note', () => {
    expect(bookmarkSchema.safeParse({ id: 'b-1', createdAt: now.toISOString(), note: 'Duct 3 in the tree\nfor Tuesday', view: gland }).success).toBe(true);
    expect(bookmarkSchema.safeParse({ id: 'b-2', createdAt: now.toISOString(), note: '', view: physiology }).success).toBe(true);
    const alveolus: GlandBookmarkView = { ...gland, layout: 'anatomy', section: { at: 0.48 }, selectedId: 'alveolus-3.1.2.1.5', closeUp: { lobuleId: 'lobule-3.1.2.1', alveolusId: 'alveolus-3.1.2.1.5', part: 'lactocyte' } };
    expect(bookmarkSchema.safeParse({ id: 'b-3', createdAt: now.toISOString(), note: '', view: alveolus }).success).toBe(true);
  });

  const refused: [string, unknown][] = [
    ['a note too long', { note: 'x'.repeat(MAX_NOTE_LENGTH + 1) }],
    ['a note with a control character', { note: 'ring \u0007 bell' }],
    ['an id with odd characters', { id: '../x' }],
    ['a date that is not one', { createdAt: 'Tuesday' }],
    ['a field nobody knows', { colour: 'red' }],
    ['an unknown view kind', { view: { ...physiology, kind: 'glossary' } }],
    ['an unknown scenario', { view: { ...physiology, scenario: 'twins' } }],
    ['a time beyond any timeline', { view: { ...physiology, lifeHours: 1e9 } }],
    ['stress above the slider', { view: { ...physiology, stress: 2 } }],
    ['a camera far outside the scene', { view: { ...gland, camera: { position: [1e6, 0, 0], target: [0, 0, 0] } } }],
    ['a camera standing on its target', { view: { ...gland, camera: { position: [1, 2, 3], target: [1, 2, 3] } } }],
    ['a camera that is not a number', { view: { ...gland, camera: { position: [Number.NaN, 0, 0], target: [0, 0, 0] } } }],
    ['an unknown layer', { view: { ...gland, layers: ['ducts', 'tattoos'] } }],
    ['a layer listed twice', { view: { ...gland, layers: ['ducts', 'ducts'] } }],
    ['x-ray beyond see-through', { view: { ...gland, xray: 1.5 } }],
    ['a structure id with a path in it', { view: { ...gland, selectedId: '../../etc/passwd' } }],
    ['a part outside an alveolus', { view: { ...gland, closeUp: { lobuleId: 'lobule-1.1', alveolusId: null, part: 'lumen' } } }],
    ['an unknown part', { view: { ...gland, closeUp: { lobuleId: 'lobule-1.1', alveolusId: 'alveolus-1.1.2', part: 'nucleus' } } }],
  ];
  it.each(refused)('refuses %s', (_, change) => {
    expect(bookmarkSchema.safeParse({ id: 'b-1', createdAt: now.toISOString(), note: '', view: gland, ...(change as object) }).success).toBe(false);
  });

  it('accepts every structure of the gland, and its alveoli, as a selection', () => {
    const anatomy = generateGland(DEFAULT_GLAND_PARAMETERS);
    const lobule = anatomy.lobules.at(-1)!;
    const ids = [...anatomy.structures.keys(), `alveolus-${lobule.id.slice('lobule-'.length)}.${lobule.alveolusCount}`];
    expect(ids.filter((id) => !bookmarkStructureIdSchema.safeParse(id).success)).toEqual([]);
  });

  it('bounds the list and refuses two bookmarks with one id', () => {
    const full = Array.from({ length: MAX_BOOKMARKS }, (_, i) => bookmark(`b-${i}`, now.toISOString()));
    expect(bookmarkListSchema.safeParse(full).success).toBe(true);
    expect(bookmarkListSchema.safeParse([...full, bookmark('b-extra', now.toISOString())]).success).toBe(false);
    expect(bookmarkListSchema.safeParse([bookmark('b-1', now.toISOString()), bookmark('b-1', now.toISOString(), physiology)]).success).toBe(false);
  });
});

describe('cleanNote', () => {
  it('keeps plain text, unifies line breaks, drops control characters and blank space around', () => {
    expect(cleanNote('  Duct 3\r\nbranches early\r\u0007 ')).toBe('Duct 3\nbranches early');
    expect(cleanNote('Lactogenèse II : « montée laiteuse »')).toBe('Lactogenèse II : « montée laiteuse »');
  });

  it('always gives a note the schema accepts, never splitting a character in two', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: MAX_NOTE_LENGTH + 50 }), (text) => {
        const note = cleanNote(text);
        expect(bookmarkSchema.shape.note.safeParse(note).success).toBe(true);
        expect(/[\ud800-\udbff]$/.test(note)).toBe(false);
      }),
    );
    const emoji = `${'x'.repeat(MAX_NOTE_LENGTH - 1)}🍼`;
    expect(cleanNote(emoji)).toBe('x'.repeat(MAX_NOTE_LENGTH - 1));
  });
});

describe('editing the list', () => {
  it('adds a bookmark with a fresh id, the time and the cleaned note', () => {
    const first = withBookmarkAdded([], gland, '  first  ', now);
    expect(first).toEqual({ ok: true, bookmark: { id: newBookmarkId(now, []), createdAt: now.toISOString(), note: 'first', view: gland }, bookmarks: [expect.objectContaining({ note: 'first' })] });
    if (!first.ok) throw new Error('not added');
    // The same millisecond twice still gives two ids.
    const second = withBookmarkAdded(first.bookmarks, physiology, '', now);
    if (!second.ok) throw new Error('not added');
    expect(new Set(second.bookmarks.map((b) => b.id)).size).toBe(2);
    expect(bookmarkListSchema.safeParse(second.bookmarks).success).toBe(true);
  });

  it('refuses to add to a full list rather than dropping an old bookmark', () => {
    const full = Array.from({ length: MAX_BOOKMARKS }, (_, i) => bookmark(`b-${i}`, now.toISOString()));
    expect(withBookmarkAdded(full, gland, 'one more', now)).toEqual({ ok: false, reason: 'full' });
  });

  it('changes one note, deletes one bookmark and puts it back where it was', () => {
    const list = [bookmark('a', '2026-11-01T00:00:00Z'), bookmark('b', '2026-11-02T00:00:00Z'), bookmark('c', '2026-11-03T00:00:00Z')];
    const edited = withNoteChanged(list, 'b', ' ask about night feeds ');
    expect(edited.map((b) => b.note)).toEqual(['', 'ask about night feeds', '']);
    expect(edited[0]).toBe(list[0]);
    const deleted = withoutBookmark(edited, 'b');
    expect(deleted.map((b) => b.id)).toEqual(['a', 'c']);
    expect(withBookmarkRestored(deleted, edited[1]!, 1)).toEqual(edited);
    // Undoing twice does not make two.
    expect(withBookmarkRestored(edited, edited[1]!, 1)).toEqual(edited);
  });

  it('lists the newest first', () => {
    const list = [bookmark('a', '2026-11-01T00:00:00Z'), bookmark('c', '2026-11-03T00:00:00.000Z'), bookmark('b', '2026-11-02T00:00:00Z')];
    expect(newestFirst(list).map((b) => b.id)).toEqual(['c', 'b', 'a']);
  });
});

describe('bookmark strings', () => {
  it('has every English string in French, translated', () => {
    const keys = (value: unknown, prefix = ''): string[] =>
      typeof value === 'object' && value !== null ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`)) : [prefix.slice(0, -1)];
    expect(keys(STRINGS.fr.bookmarks).sort()).toEqual(keys(STRINGS.en.bookmarks).sort());
    const leaf = (table: unknown, path: string) => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], table);
    for (const key of keys(STRINGS.en.bookmarks)) {
      const en = leaf(STRINGS.en.bookmarks, key) as string;
      const fr = leaf(STRINGS.fr.bookmarks, key) as string;
      expect(fr, key).not.toBe(en);
      // French typography: a narrow no-break space before ; ! ? and a no-break space before :
      expect(fr, key).not.toMatch(/ [;!?:]/);
      expect(fr, key).not.toMatch(/[^\u202f][;!?](?:\s|$)/);
    }
  });
});
