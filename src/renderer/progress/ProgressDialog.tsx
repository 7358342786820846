import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/languages';
import type { LessonLoadResult } from '../../shared/lessons/lesson-types';
import { emptyProgress, type Progress } from '../../shared/progress';
import { parseProgressExport } from '../../shared/progress-export';
import { Dialog } from '../components/Dialog';
import { HostError, type Host } from '../host/host';
import { readLessons } from '../lessons/read-lessons';
import { formatTime } from '../lessons/player/format-time';
import { progressRows, type ProgressRow } from './progress-rows';
import './progress.css';

type Loaded = { lessons: readonly LessonLoadResult[]; progress: Progress; readOnly: boolean };
type Pending = { kind: 'reset' } | { kind: 'import'; fileName: string; progress: Progress; exportedAt: string } | null;
type Message = { tone: 'status' | 'alert'; text: string } | null;

interface Props {
  open: boolean;
  host: Host;
  language: Language;
  onClose(): void;
  /** Called with the progress now saved, after a reset or an import, so the rest of the atlas follows. */
  onProgressChange(progress: Progress): void;
}

/**
 * The learner's progress, lesson by lesson, and what they can do with it: export it as a file,
 * import one back, or start again. Replacing or erasing progress always asks first, inside this
 * dialog, with the safe choice focused; Esc cancels the question, not the dialog.
 */
export function ProgressDialog({ open, host, language, onClose, onProgressChange }: Props) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const importButton = useRef<HTMLButtonElement>(null);
  const resetButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    let live = true;
    setLoaded(null);
    setPending(null);
    setMessage(null);
    // Read afresh at each opening: a lesson may have been played or a file edited meanwhile.
    Promise.all([readLessons(host), host.readProgress()])
      .then(([lessons, stored]) => live && setLoaded({ lessons, progress: stored.value, readOnly: stored.readOnly }))
      .catch((error: unknown) => live && setMessage({ tone: 'alert', text: t('progress.loadFailed', { reason: reasonOf(error) }) }));
    return () => {
      live = false;
    };
  }, [open, host, t]);

  const replace = async (next: Progress, done: string, opener: RefObject<HTMLButtonElement | null>) => {
    setBusy(true);
    try {
      const saved = await host.writeProgress(next);
      setLoaded((current) => (current ? { ...current, progress: saved } : current));
      onProgressChange(saved);
      setMessage({ tone: 'status', text: done });
    } catch (error) {
      const readOnly = error instanceof HostError && error.code === 'read-only';
      setMessage({ tone: 'alert', text: readOnly ? t('progress.readOnly') : t('progress.saveFailed', { reason: reasonOf(error) }) });
    } finally {
      setBusy(false);
      setPending(null);
      opener.current?.focus();
    }
  };

  const exportProgress = async () => {
    if (!loaded) return;
    setMessage(null);
    try {
      const result = await host.exportProgress({ progress: loaded.progress });
      if (result.status === 'saved') setMessage({ tone: 'status', text: t('progress.exported', { file: result.fileName }) });
    } catch (error) {
      setMessage({ tone: 'alert', text: t('progress.exportFailed', { reason: reasonOf(error) }) });
    }
  };

  // Not async before the host call: the browser opens its file picker only inside the click.
  const importProgress = () => {
    setMessage(null);
    setPending(null);
    host
      .importProgress()
      .then((file) => {
        if (file.status === 'cancelled') return;
        const parsed = file.status === 'too-large' ? ({ ok: false, problem: 'too-large', detail: `${file.bytes} bytes` } as const) : parseProgressExport(file.text);
        if (!parsed.ok) {
          console.warn(`[atlas] ${file.fileName} not imported: ${parsed.detail}`);
          const reason = t(`progress.importProblems.${parsed.problem}`);
          setMessage({ tone: 'alert', text: t('progress.importRefused', { file: file.fileName, reason }) });
          return;
        }
        setPending({ kind: 'import', fileName: file.fileName, progress: parsed.progress, exportedAt: parsed.exportedAt });
      })
      .catch((error: unknown) => setMessage({ tone: 'alert', text: t('progress.importFailed', { reason: reasonOf(error) }) }));
  };

  const rows = loaded ? progressRows(loaded.lessons, language, loaded.progress) : [];
  const completed = rows.filter((row) => row.status === 'completed').length;
  const tracked = loaded ? Object.keys(loaded.progress.lessons).length : 0;
  const locked = !loaded || loaded.readOnly || busy;

  return (
    <Dialog open={open} title={t('progress.title')} closeLabel={t('progress.close')} onClose={onClose}>
      <p>{t('progress.intro')}</p>
      {!loaded && !message && <p role="status">{t('progress.loading')}</p>}
      {loaded?.readOnly && <p role="alert">{t('progress.readOnly')}</p>}
      {loaded && rows.length === 0 && <p>{t('progress.none')}</p>}
      {loaded && rows.length > 0 && (
        <>
          <p className="progress__summary">{t('progress.summary', { count: completed, total: rows.length })}</p>
          <ProgressTable rows={rows} language={language} />
        </>
      )}
      {loaded && (
        <p className="progress__summary">
          {loaded.progress.bookmarks.length > 0 ? t('bookmarks.progress.count', { count: loaded.progress.bookmarks.length }) : t('bookmarks.progress.none')}
        </p>
      )}
      <div className="progress__actions" role="group" aria-label={t('progress.actions')}>
        <button type="button" className="button" disabled={locked} onClick={() => void exportProgress()}>
          {t('progress.export')}
        </button>
        <button type="button" className="button" ref={importButton} disabled={locked} onClick={importProgress}>
          {t('progress.import')}
        </button>
        <button
          type="button"
          className="button"
          ref={resetButton}
          disabled={locked || tracked === 0}
          onClick={() => {
            setMessage(null);
            setPending({ kind: 'reset' });
          }}
        >
          {t('progress.reset')}
        </button>
      </div>
      {pending?.kind === 'reset' && (
        <Confirmation
          title={t('progress.resetConfirm.title')}
          confirmLabel={t('progress.resetConfirm.confirm')}
          cancelLabel={t('progress.cancel')}
          busy={busy}
          // A reset starts the lessons again; bookmarks and their notes are the learner's own writing, deleted only from Bookmarks.
          onConfirm={() => void replace({ ...emptyProgress(), bookmarks: loaded?.progress.bookmarks ?? [] }, t('progress.resetDone'), resetButton)}
          onCancel={() => {
            setPending(null);
            resetButton.current?.focus();
          }}
        >
          <p>{t('progress.resetConfirm.body', { count: tracked })}</p>
          <p>{t('bookmarks.progress.resetKeeps')}</p>
        </Confirmation>
      )}
      {pending?.kind === 'import' && (
        <Confirmation
          title={t('progress.importConfirm.title')}
          confirmLabel={t('progress.importConfirm.confirm')}
          cancelLabel={t('progress.cancel')}
          busy={busy}
          onConfirm={() => void replace(pending.progress, t('progress.imported', { file: pending.fileName }), importButton)}
          onCancel={() => {
            setPending(null);
            importButton.current?.focus();
          }}
        >
          <dl className="progress__file">
            <dt>{t('progress.importConfirm.file')}</dt>
            <dd>{pending.fileName}</dd>
            <dt>{t('progress.importConfirm.exportedAt')}</dt>
            <dd>{new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(pending.exportedAt))}</dd>
            <dt>{t('progress.importConfirm.lessons')}</dt>
            <dd>{Object.keys(pending.progress.lessons).length}</dd>
            <dt>{t('progress.importConfirm.completed')}</dt>
            <dd>{Object.values(pending.progress.lessons).filter((lesson) => lesson.completed).length}</dd>
            <dt>{t('bookmarks.progress.importBookmarks')}</dt>
            <dd>{pending.progress.bookmarks.length}</dd>
          </dl>
          <p>{t('progress.importConfirm.body')}</p>
        </Confirmation>
      )}
      {message && (
        <p className={`progress__message progress__message--${message.tone}`} role={message.tone}>
          {message.text}
        </p>
      )}
    </Dialog>
  );
}

function ProgressTable({ rows, language }: { rows: readonly ProgressRow[]; language: Language }) {
  const { t } = useTranslation();
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
  return (
    <div className="progress__table-wrap">
      <table className="progress__table">
        <caption>{t('progress.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('progress.columns.lesson')}</th>
            <th scope="col">{t('progress.columns.status')}</th>
            <th scope="col">{t('progress.columns.position')}</th>
            <th scope="col">{t('progress.columns.score')}</th>
            <th scope="col">{t('progress.columns.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-lesson={row.id}>
              <th scope="row">{row.title}</th>
              <td>{t(`progress.status.${row.status}`)}</td>
              <td>
                {row.position
                  ? t('progress.position', { time: formatTime(row.position.seconds), step: row.position.step, steps: row.position.steps })
                  : row.status === 'completed'
                    ? t('progress.atEnd')
                    : t('progress.atStart')}
              </td>
              <td>{row.bestScore === null ? t('progress.noScore') : percent.format(row.bestScore)}</td>
              <td>{row.updatedAt === null ? t('progress.never') : <time dateTime={row.updatedAt}>{date.format(new Date(row.updatedAt))}</time>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A question inside the dialog: the safe answer (cancel) takes the focus, Esc answers it. */
function Confirmation(props: {
  title: string;
  confirmLabel: string;
  cancelLabel: string;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
  children: ReactNode;
}) {
  const titleId = useId();
  const bodyId = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    // Keeps the native dialog from closing: Esc here means "no" to the question only.
    event.preventDefault();
    event.stopPropagation();
    props.onCancel();
  };
  return (
    <section className="progress__confirm" role="alertdialog" aria-labelledby={titleId} aria-describedby={bodyId} onKeyDown={onKeyDown}>
      <h3 id={titleId}>{props.title}</h3>
      <div id={bodyId}>{props.children}</div>
      <div className="progress__confirm-actions">
        <button type="button" className="button" ref={cancel} onClick={props.onCancel}>
          {props.cancelLabel}
        </button>
        <button type="button" className="button button--primary" disabled={props.busy} onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
      </div>
    </section>
  );
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
