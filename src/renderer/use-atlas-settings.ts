import { useCallback, useEffect, useRef, useState } from 'react';
import type { RecoveryNotice } from '../shared/persisted-document';
import type { Settings } from '../shared/settings';
import type { Host } from './host/host';

/** A message shown at the top of the window until the learner dismisses it. */
export type AppNotice =
  | { id: string; kind: 'recovery'; notice: RecoveryNotice }
  | { id: string; kind: 'save-failed'; document: string; reason: string }
  | { id: string; kind: 'model-problems'; problems: string[] };

/**
 * Loads settings (and checks progress) once, reports any recovery to the learner, and saves
 * each change. The UI updates at once; a failed save is reported, not hidden.
 */
export function useAtlasSettings(host: Host) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const latest = useRef<Settings | null>(null);
  const [notices, setNotices] = useState<AppNotice[]>([]);
  const [failure, setFailure] = useState<Error | null>(null);

  const addNotice = useCallback((notice: AppNotice) => {
    setNotices((current) => (current.some((n) => n.id === notice.id) ? current : [...current, notice]));
  }, []);

  useEffect(() => {
    let live = true;
    // Without settings the atlas cannot start; the failure is rethrown during render so the error
    // boundary explains it instead of leaving a blank window.
    const fail = (error: unknown) => {
      if (live) setFailure(error instanceof Error ? error : new Error(String(error)));
    };
    host
      .readSettings()
      .then((loaded) => {
        if (!live) return;
        latest.current = loaded.value;
        setSettings(loaded.value);
        if (loaded.notice) addNotice({ id: 'recovery-settings', kind: 'recovery', notice: loaded.notice });
      })
      .catch(fail);
    host
      .readProgress()
      .then((loaded) => {
        if (live && loaded.notice) addNotice({ id: 'recovery-progress', kind: 'recovery', notice: loaded.notice });
      })
      .catch(fail);
    return () => {
      live = false;
    };
  }, [host, addNotice]);

  const updateSettings = useCallback(
    (patch: Partial<Omit<Settings, 'schemaVersion'>>) => {
      const current = latest.current;
      if (!current) return;
      const next = { ...current, ...patch };
      latest.current = next;
      setSettings(next);
      host.writeSettings(next).catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        addNotice({ id: `save-settings-${Date.now()}`, kind: 'save-failed', document: 'settings', reason });
      });
    },
    [host, addNotice],
  );

  const dismissNotice = useCallback((id: string) => setNotices((current) => current.filter((n) => n.id !== id)), []);

  return { settings, updateSettings, notices, addNotice, dismissNotice, failure };
}
