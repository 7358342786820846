import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AppNotice } from '../use-atlas-settings';

/** Recovery and save messages. Polite, persistent until dismissed: the learner must get to read them. */
export function NoticeList({ notices, onDismiss }: { notices: AppNotice[]; onDismiss(id: string): void }) {
  const { t } = useTranslation();
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} className="notice">
          <span className="notice__glyph" aria-hidden="true">
            !
          </span>
          <p className="notice__text">{describe(notice, t)}</p>
          <button type="button" className="button button--small" onClick={() => onDismiss(notice.id)}>
            {t('notice.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}

function describe(item: AppNotice, t: TFunction): string {
  if (item.kind === 'model-problems') return t('notice.modelProblems', { problems: item.problems.join(' ') });
  if (item.kind === 'save-failed') {
    return t('notice.saveFailed', { document: t(`notice.documents.${item.document}`), reason: item.reason });
  }
  const notice = item.notice;
  const document = t(`notice.documents.${notice.document}`);
  switch (notice.kind) {
    case 'recovered-from-backup':
      return [
        t('notice.recoveredFromBackup', { document, reason: notice.reason }),
        notice.keptAsideAt ? t('notice.keptAside', { path: notice.keptAsideAt }) : '',
      ].join(' ');
    case 'started-fresh':
      return [
        t('notice.startedFresh', { document, reason: notice.reason }),
        notice.keptAsideAt ? t('notice.keptAside', { path: notice.keptAsideAt }) : '',
      ].join(' ');
    case 'newer-version':
      return t('notice.newerVersion', { document, version: notice.version });
  }
}
