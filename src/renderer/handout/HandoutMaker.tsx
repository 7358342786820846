import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { HandoutOutline } from '../../shared/handout/handout-outline';
import { handoutFileName } from '../../shared/handout/handout-pdf-file';
import { stepEndScenes } from '../../shared/handout/step-scenes';
import type { ResponseOf } from '../../shared/ipc-contract';
import type { Lesson } from '../../shared/lessons/lesson-types';
import type { Quiz } from '../../shared/quizzes/quiz-schema';
import type { Host } from '../host/host';
import { HandoutDocument } from './HandoutDocument';
import { PictureStage } from './PictureStage';
import { readHandout } from './read-handout';
import './handout.css';

type Phase = { kind: 'reading' } | { kind: 'pictures'; outline: HandoutOutline } | { kind: 'ready'; outline: HandoutOutline } | { kind: 'failed'; reason: string };
type Saving = { kind: 'idle' } | { kind: 'saving' } | { kind: 'done'; result: ResponseOf<'saveHandoutPdf'> } | { kind: 'failed'; reason: string };

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Waits until every picture of the handout is decoded, so printing never catches one half-drawn. */
async function picturesDecoded(root: HTMLElement | null): Promise<void> {
  const images = [...(root?.querySelectorAll('img') ?? [])];
  await Promise.all(images.map((image) => image.decode().catch(() => undefined)));
}

/**
 * Makes a lesson's handout: reads the glossary and sources, pictures each step's scene (with a
 * progress bar, announced politely, and a Cancel button), then shows the handout and saves it as
 * a PDF through the host (the desktop app's save dialog; the browser's print dialog in the
 * preview). It covers the app while open, and only it is printed (handout.css).
 */
export function HandoutMaker({ host, lesson, quiz, onClose }: { host: Host; lesson: Lesson; quiz: Quiz | null; onClose(): void }) {
  const { i18n } = useTranslation();
  // The handout speaks the lesson's language, whatever the app switches to meanwhile.
  const t = useMemo(() => i18n.getFixedT(lesson.language), [i18n, lesson.language]);
  const [phase, setPhase] = useState<Phase>({ kind: 'reading' });
  const [pictures, setPictures] = useState<(string | null)[]>([]);
  const [saving, setSaving] = useState<Saving>({ kind: 'idle' });
  const [shell, setShell] = useState<'desktop' | 'browser' | null>(null);
  const layerRef = useRef<HTMLDivElement | null>(null);
  const headingRef = useRef<HTMLHeadingElement | null>(null);
  const titleId = useId();
  const total = lesson.steps.length;
  const bodyMapSteps = useMemo(() => new Set(stepEndScenes(lesson).flatMap((still) => (still.scene.physiology ? [still.position] : []))), [lesson]);

  useEffect(() => {
    let live = true;
    host
      .getAppInfo()
      .then((info) => live && setShell(info.shell))
      .catch(() => live && setShell('browser'));
    readHandout(host, lesson, quiz, t)
      .then((outline) => live && setPhase({ kind: 'pictures', outline }))
      .catch((error: unknown) => live && setPhase({ kind: 'failed', reason: reasonOf(error) }));
    return () => {
      live = false;
    };
  }, [host, lesson, quiz, t]);

  // The app behind is out of reach while the handout covers it; focus comes back where it was.
  useEffect(() => {
    const root = document.getElementById('root');
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (root) root.inert = true;
    return () => {
      if (root) root.inert = false;
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  useEffect(() => headingRef.current?.focus(), [phase.kind]);

  const onPicture = useCallback((position: number, picture: string | null) => {
    setPictures((current) => {
      const next = [...current];
      next[position] = picture;
      return next;
    });
  }, []);
  const onPicturesDone = useCallback(() => setPhase((current) => (current.kind === 'pictures' ? { kind: 'ready', outline: current.outline } : current)), []);

  const save = useCallback(async () => {
    setSaving({ kind: 'saving' });
    await picturesDecoded(layerRef.current);
    try {
      setSaving({ kind: 'done', result: await host.saveHandoutPdf({ fileName: handoutFileName(lesson.id, lesson.language) }) });
    } catch (error) {
      setSaving({ kind: 'failed', reason: reasonOf(error) });
    }
  }, [host, lesson]);

  // Once ready, straight to saving: that is what the learner asked for.
  const savedOnce = useRef(false);
  useEffect(() => {
    if (phase.kind !== 'ready' || savedOnce.current) return;
    savedOnce.current = true;
    void save();
  }, [phase.kind, save]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const done = pictures.filter((picture) => picture !== undefined).length;
  const missing = pictures.filter((picture) => picture === null).length;
  const savingMessage = (() => {
    switch (saving.kind) {
      case 'idle':
        return '';
      case 'saving':
        return t('handout.maker.saving');
      case 'failed':
        return t('handout.maker.failed', { reason: saving.reason });
      case 'done':
        if (saving.result.status === 'saved') return t('handout.maker.saved', { fileName: saving.result.fileName });
        return saving.result.status === 'printed' ? t('handout.maker.printed') : t('handout.maker.notSaved');
    }
  })();

  const layer = (
    <div className="handout-layer" ref={layerRef} role="dialog" aria-modal="true" aria-labelledby={titleId} data-phase={phase.kind}>
      <div className="handout-layer__bar">
        <h2 id={titleId} className="handout-layer__title" ref={headingRef} tabIndex={-1}>
          {t('handout.maker.title', { title: lesson.title })}
        </h2>
        {phase.kind === 'ready' ? (
          <div className="handout-layer__actions">
            <button type="button" className="button button--primary" onClick={() => void save()} disabled={saving.kind === 'saving'}>
              {shell === 'desktop' ? t('handout.maker.save') : t('handout.maker.print')}
            </button>
            <button type="button" className="button" onClick={onClose}>
              {t('handout.maker.close')}
            </button>
          </div>
        ) : (
          <div className="handout-layer__actions">
            <button type="button" className="button" onClick={onClose}>
              {phase.kind === 'failed' ? t('handout.maker.close') : t('handout.maker.cancel')}
            </button>
          </div>
        )}
      </div>

      {phase.kind === 'reading' || phase.kind === 'pictures' ? (
        <div className="handout-layer__progress" role="status">
          <p id={`${titleId}-progress`} className="handout-layer__progress-label">
            {phase.kind === 'reading' ? t('handout.maker.reading') : t('handout.maker.preparing', { current: Math.min(done + 1, total), total })}
          </p>
          <progress className="handout-layer__progress-bar" aria-labelledby={`${titleId}-progress`} max={total} value={done} />
        </div>
      ) : (
        <div className="handout-layer__status" role="status">
          {phase.kind === 'failed' ? (
            <p>{t('handout.maker.readFailed', { reason: phase.reason })}</p>
          ) : (
            <>
              <p>{t('handout.maker.ready')}</p>
              {missing > 0 && <p>{t('handout.maker.missingPictures', { count: missing })}</p>}
              {savingMessage && <p>{savingMessage}</p>}
            </>
          )}
        </div>
      )}

      {phase.kind === 'pictures' && <PictureStage host={host} lesson={lesson} onPicture={onPicture} onDone={onPicturesDone} />}
      {phase.kind === 'ready' && <HandoutDocument outline={phase.outline} pictures={pictures} bodyMapSteps={bodyMapSteps} t={t} />}
    </div>
  );
  return createPortal(layer, document.body);
}
