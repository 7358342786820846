import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AboutDialog } from './components/AboutDialog';
import { AppHeader } from './components/AppHeader';
import { NoticeList } from './components/NoticeList';
import { ShortcutsDialog } from './components/ShortcutsDialog';
import { chooseHost } from './host/choose-host';
import type { Host } from './host/host';
import { SceneView } from './scene/SceneView';
import { useAtlasSettings } from './use-atlas-settings';
import { useReducedMotion } from './use-reduced-motion';

type OpenDialog = 'shortcuts' | 'about' | null;

/** The atlas with the host of wherever it runs; creating the host can fail (storage disabled). */
export function AtlasRoot() {
  const host = useMemo(chooseHost, []);
  return <App host={host} />;
}

export function App({ host }: { host: Host }) {
  const { t, i18n } = useTranslation();
  const { settings, updateSettings, notices, addNotice, dismissNotice, failure } = useAtlasSettings(host);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const reducedMotion = useReducedMotion();

  const onModelProblems = useCallback((problems: string[]) => addNotice({ id: 'model-problems', kind: 'model-problems', problems }), [addNotice]);
  const language = settings?.language;
  const theme = settings?.theme ?? 'standard';

  useEffect(() => {
    if (!language) return;
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [language, i18n]);

  useEffect(() => {
    document.title = t('app.name');
  }, [t, language]);

  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
    document.documentElement.dataset['motion'] = reducedMotion ? 'reduced' : 'full';
  }, [theme, reducedMotion]);

  useEffect(
    () =>
      host.onMenuCommand((command) => {
        if (command.type === 'set-language') updateSettings({ language: command.language });
        else if (command.type === 'set-theme') updateSettings({ theme: command.theme });
        else if (command.type === 'show-shortcuts') setDialog('shortcuts');
        else setDialog('about');
      }),
    [host, updateSettings],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      event.preventDefault();
      setDialog('shortcuts');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (failure) throw failure;
  if (!settings) {
    return (
      <p className="loading" role="status">
        {t('loading')}
      </p>
    );
  }

  return (
    <div className="app">
      <AppHeader
        settings={settings}
        onLanguage={(next) => updateSettings({ language: next })}
        onTheme={(next) => updateSettings({ theme: next })}
        onShortcuts={() => setDialog('shortcuts')}
        onAbout={() => setDialog('about')}
      />
      <NoticeList notices={notices} onDismiss={dismissNotice} />
      <main className="app__main" id="main">
        <SceneView host={host} theme={theme} reducedMotion={reducedMotion} onProblems={onModelProblems} />
      </main>
      <ShortcutsDialog open={dialog === 'shortcuts'} onClose={() => setDialog(null)} />
      <AboutDialog open={dialog === 'about'} onClose={() => setDialog(null)} host={host} />
    </div>
  );
}
