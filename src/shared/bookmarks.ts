import { z } from 'zod';
import { ALVEOLUS_PARTS, SCENE_LAYERS } from './lessons/structure-ids';

/**
 * A bookmark: a view of the atlas the learner saved with a note, to come back to it later (or on
 * another computer: bookmarks travel in the progress document and its export). A view is either
 * the 3D gland (camera, layout, layers, x-ray, cut, selection, close-up) or the physiology explore
 * view (scenario and moment of life, which fixes the stage).
 *
 * Bookmarks are read back from files a learner may carry around or edit, so everything is
 * bounded: numbers finite and in range, ids in the shape of the gland's ids, the note plain text
 * of limited length, the list of limited size.
 */

/** Enough for a class's worth of views; the progress export stays well under its size limit. */
export const MAX_BOOKMARKS = 200;
export const MAX_NOTE_LENGTH = 500;

/** Scene units; the gland is about 30 across and the camera never goes farther than 70 from it. */
const MAX_COORDINATE = 1000;
/** Ten years either side of birth: far beyond any timeline of the physiology model. */
const MAX_LIFE_HOURS = 10 * 366 * 24;

/** The physiology explore view's scenarios (`SCENARIO_CHOICES` in the renderer's explore-snapshot.ts). */
export const BOOKMARK_SCENARIOS = ['term-birth', 'retained-placenta', 'relactation', 'induced-lactation'] as const;

const coordinate = z.number().finite().min(-MAX_COORDINATE).max(MAX_COORDINATE);
const point = z.tuple([coordinate, coordinate, coordinate]);
const share = z.number().finite().min(0).max(1);

/** `duct-3.1`, `lobule-3.1.2.1`, `alveolus-3.1.2.1.5`, `nerve-t4-lateral-cutaneous`, `breast`… */
export const bookmarkStructureIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*(?:\.\d+)*$/, 'a structure id is lower-case letters, digits, hyphens and dotted numbers')
  .max(80);

export const cameraPoseSchema = z
  .object({
    position: point,
    target: point,
  })
  .strict()
  .refine(({ position, target }) => position.some((value, axis) => value !== target[axis]), { message: 'the camera cannot stand on what it looks at' });

export const glandBookmarkViewSchema = z
  .object({
    kind: z.literal('gland'),
    camera: cameraPoseSchema,
    layout: z.enum(['anatomy', 'tree']),
    /** The visible layers, each once. */
    layers: z
      .array(z.enum(SCENE_LAYERS))
      .max(SCENE_LAYERS.length)
      .refine((layers) => new Set(layers).size === layers.length, { message: 'a layer is listed twice' }),
    /** 0 opaque skin and fat, 1 fully see-through. */
    xray: share,
    /** Where the cross-section cuts, medial (0) to lateral (1); null when the breast is whole. */
    section: z.object({ at: share }).strict().nullable(),
    selectedId: bookmarkStructureIdSchema.nullable(),
    /** The lobule or alveolus shown in close-up, and the part of the alveolus picked in it. */
    closeUp: z
      .object({
        lobuleId: bookmarkStructureIdSchema,
        alveolusId: bookmarkStructureIdSchema.nullable(),
        part: z.enum(ALVEOLUS_PARTS).nullable(),
      })
      .strict()
      .refine((closeUp) => closeUp.part === null || closeUp.alveolusId !== null, { message: 'a part belongs to an alveolus close-up' })
      .nullable(),
  })
  .strict();

export const physiologyBookmarkViewSchema = z
  .object({
    kind: z.literal('physiology'),
    scenario: z.enum(BOOKMARK_SCENARIOS),
    /** Hours from birth (negative in pregnancy), as on the explore view's life timeline. */
    lifeHours: z.number().finite().min(-MAX_LIFE_HOURS).max(MAX_LIFE_HOURS),
    /** The stress slider, 0 to 1. */
    stress: share,
  })
  .strict();

export const bookmarkViewSchema = z.discriminatedUnion('kind', [glandBookmarkViewSchema, physiologyBookmarkViewSchema]);

/** Plain text: any character but the invisible controls (tab and line breaks are fine). */
// eslint-disable-next-line no-control-regex -- the point is to refuse control characters
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const bookmarkNoteSchema = z
  .string()
  .max(MAX_NOTE_LENGTH)
  .refine((note) => !CONTROL_CHARACTERS.test(note), { message: 'a note is plain text, without control characters' });

export const bookmarkSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a bookmark id is lower-case letters, digits and hyphens (at most 40)'),
    createdAt: z.iso.datetime(),
    note: bookmarkNoteSchema,
    view: bookmarkViewSchema,
  })
  .strict();

export const bookmarkListSchema = z
  .array(bookmarkSchema)
  .max(MAX_BOOKMARKS)
  .refine((list) => new Set(list.map((bookmark) => bookmark.id)).size === list.length, { message: 'two bookmarks have the same id' });

export type CameraPose = z.infer<typeof cameraPoseSchema>;
export type GlandBookmarkView = z.infer<typeof glandBookmarkViewSchema>;
export type PhysiologyBookmarkView = z.infer<typeof physiologyBookmarkViewSchema>;
export type BookmarkView = z.infer<typeof bookmarkViewSchema>;
export type Bookmark = z.infer<typeof bookmarkSchema>;
export type BookmarkScenario = (typeof BOOKMARK_SCENARIOS)[number];

/**
 * A note as typed, made fit to keep: line breaks unified, control characters and surrounding
 * blank space dropped, cut to the maximum length (without splitting a surrogate pair).
 */
export function cleanNote(text: string): string {
  // eslint-disable-next-line no-control-regex -- removes what the schema refuses
  const plain = text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
  if (plain.length <= MAX_NOTE_LENGTH) return plain;
  const cut = plain.slice(0, MAX_NOTE_LENGTH);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** A new id, from the time, that no bookmark in `taken` has. */
export function newBookmarkId(now: Date, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = `b-${now.getTime().toString(36)}`;
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

export type AddBookmarkResult = { ok: true; bookmarks: Bookmark[]; bookmark: Bookmark } | { ok: false; reason: 'full' };

/** The list with a new bookmark of `view` at its end, or a refusal when the list is full (nothing is dropped silently). */
export function withBookmarkAdded(list: readonly Bookmark[], view: BookmarkView, note: string, now: Date): AddBookmarkResult {
  if (list.length >= MAX_BOOKMARKS) return { ok: false, reason: 'full' };
  const bookmark: Bookmark = { id: newBookmarkId(now, list.map((b) => b.id)), createdAt: now.toISOString(), note: cleanNote(note), view };
  return { ok: true, bookmarks: [...list, bookmark], bookmark };
}

export function withNoteChanged(list: readonly Bookmark[], id: string, note: string): Bookmark[] {
  return list.map((bookmark) => (bookmark.id === id ? { ...bookmark, note: cleanNote(note) } : bookmark));
}

export function withoutBookmark(list: readonly Bookmark[], id: string): Bookmark[] {
  return list.filter((bookmark) => bookmark.id !== id);
}

/** Undoes a deletion: the bookmark back where it was (or as near as the list now allows). */
export function withBookmarkRestored(list: readonly Bookmark[], bookmark: Bookmark, index: number): Bookmark[] {
  if (list.some((b) => b.id === bookmark.id) || list.length >= MAX_BOOKMARKS) return [...list];
  const at = Math.min(Math.max(0, index), list.length);
  return [...list.slice(0, at), bookmark, ...list.slice(at)];
}

/** Newest first, as the list shows them. */
export function newestFirst(list: readonly Bookmark[]): Bookmark[] {
  return [...list].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id.localeCompare(a.id));
}
