import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../shared/languages';
import type { Settings, Theme } from '../../shared/settings';
import { ToggleButton } from './ToggleButton';

interface Props {
  settings: Settings;
  onLanguage(language: Language): void;
  onTheme(theme: Theme): void;
  onShortcuts(): void;
  onAbout(): void;
  onLessons(): void;
  /** Opens the glossary at its top. */
  onGlossary(): void;
  /** Opens the progress page (per-lesson progress, export, import, reset). */
  onProgress(): void;
  /** Opens the bookmarks: save the view shown with a note, go back to a saved one. */
  onBookmarks(): void;
  /** Whether the physiology view (hormones, stages, let-down) is shown instead of the anatomy. */
  physiology: boolean;
  onPhysiology(next: boolean): void;
}

export function AppHeader({ settings, onLanguage, onTheme, onShortcuts, onAbout, onLessons, onGlossary, onProgress, onBookmarks, physiology, onPhysiology }: Props) {
  const { t } = useTranslation();
  const projector = settings.theme === 'projector';
  return (
    <header className="app-header">
      <div className="app-header__title">
        <svg className="app-header__mark" viewBox="0 0 32 32" aria-hidden="true">
          <path d="M16 30V17M16 17l-7-7M16 17l7-7M16 21l-9-3M16 21l9-3" />
          <circle cx="8" cy="9" r="3" />
          <circle cx="24" cy="9" r="3" />
          <circle cx="6" cy="17" r="2.5" />
          <circle cx="26" cy="17" r="2.5" />
          <circle cx="16" cy="7" r="3.5" />
        </svg>
        <div>
          <h1>{t('app.name')}</h1>
          <p className="app-header__tagline">{t('app.tagline')}</p>
        </div>
      </div>
      <nav className="app-header__controls" aria-label={t('header.controls')}>
        <div className="segmented" role="group" aria-label={t('header.language')}>
          {LANGUAGES.map((language) => (
            <button
              key={language}
              type="button"
              className="segmented__option"
              lang={language}
              aria-pressed={settings.language === language}
              onClick={() => onLanguage(language)}
            >
              {t(`languages.${language}`)}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="button button--toggle"
          aria-pressed={projector}
          onClick={() => onTheme(projector ? 'standard' : 'projector')}
        >
          <span className="button__glyph" aria-hidden="true">
            {projector ? '◉' : '○'}
          </span>
          {t('header.projector')}
        </button>
        <ToggleButton pressed={physiology} onToggle={onPhysiology}>
          {t('header.physiology')}
        </ToggleButton>
        <button type="button" className="button" onClick={onLessons} data-header="lessons">
          <span className="button__glyph" aria-hidden="true">
            ▶
          </span>
          {t('lessons.open')}
        </button>
        <button type="button" className="button" onClick={onGlossary}>
          <span className="button__glyph" aria-hidden="true">
            ≡
          </span>
          {t('glossary.open')}
        </button>
        <button type="button" className="button" onClick={onBookmarks}>
          <span className="button__glyph" aria-hidden="true">
            ★
          </span>
          {t('bookmarks.open')}
        </button>
        <button type="button" className="button" onClick={onProgress}>
          <span className="button__glyph" aria-hidden="true">
            ✓
          </span>
          {t('progress.open')}
        </button>
        <button type="button" className="button" onClick={onShortcuts} aria-keyshortcuts="?">
          <span className="button__glyph" aria-hidden="true">
            ⌨
          </span>
          {t('header.shortcuts')}
        </button>
        <button type="button" className="button" onClick={onAbout}>
          <span className="button__glyph button__glyph--info" aria-hidden="true">
            i
          </span>
          {t('header.about')}
        </button>
      </nav>
    </header>
  );
}
