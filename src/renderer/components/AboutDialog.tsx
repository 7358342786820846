import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Host } from '../host/host';
import { Dialog } from './Dialog';

type AboutText = { state: 'loading' } | { state: 'ready'; blocks: string[]; version: string; shell: 'desktop' | 'browser' } | { state: 'failed'; reason: string };

/**
 * Shows `content/about/<language>.md`, a file teachers can read and edit. Only headings and
 * paragraphs are used in it, so it is shown as such without a Markdown renderer.
 */
export function AboutDialog({ open, onClose, host }: { open: boolean; onClose(): void; host: Host }) {
  const { t, i18n } = useTranslation();
  const [about, setAbout] = useState<AboutText>({ state: 'loading' });
  const language = i18n.language;

  useEffect(() => {
    if (!open) return;
    let live = true;
    setAbout({ state: 'loading' });
    Promise.all([host.readContent({ root: 'content', path: `about/${language}.md` }), host.getAppInfo()])
      .then(([file, info]) => {
        if (live) setAbout({ state: 'ready', blocks: file.text.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean), version: info.version, shell: info.shell });
      })
      .catch((error: unknown) => {
        if (live) setAbout({ state: 'failed', reason: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      live = false;
    };
  }, [open, language, host]);

  return (
    <Dialog open={open} title={t('about.title')} closeLabel={t('about.close')} onClose={onClose}>
      {about.state === 'failed' && <p role="alert">{t('about.contentMissing', { reason: about.reason })}</p>}
      {about.state === 'ready' && (
        <div className="about">
          <p className="about__meta">
            {t('about.version', { version: about.version })} · {t(`about.runningIn.${about.shell}`)}
          </p>
          {about.blocks.map((block, index) =>
            block.startsWith('# ') ? null : block.startsWith('## ') ? (
              <h3 key={index}>{block.slice(3)}</h3>
            ) : (
              <p key={index}>{block.replace(/\s*\n\s*/g, ' ')}</p>
            ),
          )}
        </div>
      )}
    </Dialog>
  );
}
