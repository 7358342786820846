import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GlandAnatomy } from '../../shared/anatomy/gland-anatomy';
import {
  MAX_BOOKMARKS,
  MAX_NOTE_LENGTH,
  newestFirst,
  withBookmarkAdded,
  withBookmarkRestored,
  withNoteChanged,
  withoutBookmark,
  type Bookmark,
  type BookmarkView,
} from '../../shared/bookmarks';
import type { Language } from '../../shared/languages';
import { Dialog } from '../components/Dialog';
import { HostError } from '../host/host';
import { describeBookmarkView } from './describe-bookmark';
import './bookmarks.css';

type BookmarkChange = (before: readonly Bookmark[]) => Bookmark[];
type Message = { tone: 'status' | 'alert'; text: string } | null;

interface Props {
  open: boolean;
  language: Language;
  /** The saved bookmarks; null while the progress is being read. */
  bookmarks: readonly Bookmark[] | null;
  /** A lesson directs the view while it plays: nothing can be bookmarked or gone to then. */
  lessonActive: boolean;
  /** What the view in front of the learner shows, or null while it is still loading. */
  capture(): BookmarkView | null;
  /** The gland whose structures the bookmarks name. */
  anatomy(): GlandAnatomy;
  /** Saves a change to the list; rejects when it could not be saved. */
  onChange(change: BookmarkChange): Promise<void>;
  /** Closes the dialog and shows the bookmark's view. */
  onGoTo(bookmark: Bookmark): void;
  onClose(): void;
}

/**
 * Bookmarks: save the view in front of you with a note, see the list, go back to one, change its
 * note or delete it (with an undo rather than a question, since nothing is lost until the dialog
 * closes). What happened is said in a live region.
 */
export function BookmarksDialog({ open, language, bookmarks, lessonActive, capture, anatomy, onChange, onGoTo, onClose }: Props) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState<BookmarkView | null>(null);
  const [note, setNote] = useState('');
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const [deleted, setDeleted] = useState<{ bookmark: Bookmark; index: number } | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const noteId = useId();
  const hintId = useId();
  const captureNow = useRef(capture);
  captureNow.current = capture;

  useEffect(() => {
    if (!open) return;
    // The page behind a modal dialog cannot change: what it shows now is what a save keeps.
    setCurrent(lessonActive ? null : captureNow.current());
    setNote('');
    setEditing(null);
    setDeleted(null);
    setMessage(null);
  }, [open, lessonActive]);

  const focusInList = (id: string, action: 'goTo' | 'editNote') =>
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>(`[data-bookmark="${CSS.escape(id)}"] [data-action="${action}"]`)?.focus());

  /** Saves a change, then says `done`; a failed save is said instead. */
  const change = async (edit: BookmarkChange, done: string): Promise<boolean> => {
    setBusy(true);
    try {
      await onChange(edit);
      setMessage({ tone: 'status', text: done });
      return true;
    } catch (error) {
      const reason = error instanceof HostError && error.code === 'read-only' ? t('progress.readOnly') : error instanceof Error ? error.message : String(error);
      setMessage({ tone: 'alert', text: t('bookmarks.saveFailed', { reason }) });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    const view = capture();
    if (!view) {
      setMessage({ tone: 'alert', text: t('bookmarks.notReady') });
      return;
    }
    if ((bookmarks?.length ?? 0) >= MAX_BOOKMARKS) {
      setMessage({ tone: 'alert', text: t('bookmarks.full', { max: MAX_BOOKMARKS }) });
      return;
    }
    const now = new Date();
    const saved = await change((before) => {
      const added = withBookmarkAdded(before, view, note, now);
      return added.ok ? added.bookmarks : [...before];
    }, t('bookmarks.saved'));
    if (saved) {
      setNote('');
      setDeleted(null);
    }
  };

  const saveNote = async () => {
    if (!editing) return;
    const { id, text } = editing;
    if (await change((before) => withNoteChanged(before, id, text), t('bookmarks.noteSaved'))) {
      setEditing(null);
      focusInList(id, 'editNote');
    }
  };

  const remove = async (bookmark: Bookmark) => {
    const index = bookmarks?.findIndex((b) => b.id === bookmark.id) ?? -1;
    if (await change((before) => withoutBookmark(before, bookmark.id), t('bookmarks.deleted'))) {
      setDeleted({ bookmark, index });
      if (editing?.id === bookmark.id) setEditing(null);
      requestAnimationFrame(() => undoRef.current?.focus());
    }
  };

  const undo = async () => {
    if (!deleted) return;
    const { bookmark, index } = deleted;
    if (await change((before) => withBookmarkRestored(before, bookmark, index), t('bookmarks.restored'))) {
      setDeleted(null);
      focusInList(bookmark.id, 'goTo');
    }
  };

  const onEditKey = (event: KeyboardEvent, id: string) => {
    if (event.key !== 'Escape') return;
    // Esc leaves the note as it was; it does not close the dialog.
    event.preventDefault();
    event.stopPropagation();
    setEditing(null);
    focusInList(id, 'editNote');
  };

  const list = bookmarks ? newestFirst(bookmarks) : [];
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const describe = (view: BookmarkView) => describeBookmarkView(view, anatomy(), t, language);

  return (
    <Dialog open={open} title={t('bookmarks.title')} closeLabel={t('bookmarks.close')} onClose={onClose}>
      <p>{t('bookmarks.intro')}</p>
      {lessonActive ? (
        <p className="bookmarks__lesson">{t('bookmarks.inLesson')}</p>
      ) : (
        <form
          className="bookmarks__new"
          aria-labelledby={`${noteId}-title`}
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <h3 id={`${noteId}-title`}>{t('bookmarks.saveTitle')}</h3>
          <p className="bookmarks__current">
            {t('bookmarks.willSave')} <span data-testid="bookmark-current">{current ? describe(current) : t('bookmarks.notReady')}</span>
          </p>
          <label className="bookmarks__label" htmlFor={noteId}>
            {t('bookmarks.noteLabel')}
          </label>
          <textarea id={noteId} className="bookmarks__note-input" rows={2} maxLength={MAX_NOTE_LENGTH} value={note} aria-describedby={hintId} onChange={(event) => setNote(event.target.value)} />
          <p id={hintId} className="bookmarks__hint">
            {t('bookmarks.noteHint', { max: MAX_NOTE_LENGTH })}
          </p>
          <button type="submit" className="button button--primary" disabled={busy || !current || bookmarks === null}>
            <span className="button__glyph" aria-hidden="true">
              ★
            </span>
            {t('bookmarks.save')}
          </button>
        </form>
      )}
      <div className="bookmarks__messages">
        <p className={`bookmarks__message${message?.tone === 'status' ? '' : ' bookmarks__message--empty'}`} role="status">
          {message?.tone === 'status' ? message.text : ''}
        </p>
        {deleted && (
          <button type="button" className="button button--small" ref={undoRef} disabled={busy} onClick={() => void undo()}>
            {t('bookmarks.undo')}
          </button>
        )}
        <p className={`bookmarks__message bookmarks__message--alert${message?.tone === 'alert' ? '' : ' bookmarks__message--empty'}`} role="alert">
          {message?.tone === 'alert' ? message.text : ''}
        </p>
      </div>
      <section className="bookmarks__saved" aria-labelledby={`${noteId}-list`}>
        <h3 id={`${noteId}-list`}>
          {t('bookmarks.listTitle')} <span className="bookmarks__count">{bookmarks ? t('bookmarks.count', { count: bookmarks.length }) : ''}</span>
        </h3>
        {bookmarks === null && <p role="status">{t('bookmarks.loading')}</p>}
        {bookmarks?.length === 0 && <p>{t('bookmarks.none')}</p>}
        <ul className="bookmarks__list" ref={listRef}>
          {list.map((bookmark) => {
            const itemId = `${noteId}-${bookmark.id}`;
            const isEditing = editing?.id === bookmark.id;
            return (
              <li key={bookmark.id} className="bookmarks__item" data-bookmark={bookmark.id} aria-labelledby={`${itemId}-note`} aria-describedby={`${itemId}-meta`}>
                {isEditing ? (
                  <div className="bookmarks__edit">
                    <label className="bookmarks__label" id={`${itemId}-note`} htmlFor={`${itemId}-edit`}>
                      {t('bookmarks.noteFor')}
                    </label>
                    <textarea
                      id={`${itemId}-edit`}
                      className="bookmarks__note-input"
                      rows={2}
                      maxLength={MAX_NOTE_LENGTH}
                      value={editing.text}
                      autoFocus
                      onChange={(event) => setEditing({ id: bookmark.id, text: event.target.value })}
                      onKeyDown={(event) => onEditKey(event, bookmark.id)}
                    />
                  </div>
                ) : (
                  <p className={`bookmarks__note${bookmark.note ? '' : ' bookmarks__note--empty'}`} id={`${itemId}-note`}>
                    {bookmark.note || t('bookmarks.noNote')}
                  </p>
                )}
                <p className="bookmarks__meta" id={`${itemId}-meta`}>
                  <time dateTime={bookmark.createdAt}>{date.format(new Date(bookmark.createdAt))}</time>
                  <span aria-hidden="true"> · </span>
                  <span>{describe(bookmark.view)}</span>
                </p>
                <div className="bookmarks__actions">
                  {isEditing ? (
                    <>
                      <button type="button" className="button button--small button--primary" disabled={busy} onClick={() => void saveNote()}>
                        {t('bookmarks.saveNote')}
                      </button>
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => {
                          setEditing(null);
                          focusInList(bookmark.id, 'editNote');
                        }}
                      >
                        {t('bookmarks.cancel')}
                      </button>
                    </>
                  ) : (
                    <>
                      {/* Each row's buttons say which bookmark they act on through its note and description. */}
                      <button type="button" className="button button--small" data-action="goTo" disabled={lessonActive} onClick={() => onGoTo(bookmark)} aria-describedby={`${itemId}-note ${itemId}-meta`}>
                        <span className="button__glyph" aria-hidden="true">
                          ↗
                        </span>
                        {t('bookmarks.goTo')}
                      </button>
                      <button type="button" className="button button--small" data-action="editNote" disabled={busy} onClick={() => setEditing({ id: bookmark.id, text: bookmark.note })} aria-describedby={`${itemId}-note`}>
                        {t('bookmarks.editNote')}
                      </button>
                      <button type="button" className="button button--small" disabled={busy} onClick={() => void remove(bookmark)} aria-describedby={`${itemId}-note ${itemId}-meta`}>
                        {t('bookmarks.delete')}
                      </button>
                    </>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      </section>
    </Dialog>
  );
}
