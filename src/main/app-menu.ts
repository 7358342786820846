import type { MenuItemConstructorOptions } from 'electron';
import { LANGUAGES, type Language } from '../shared/languages';
import type { MenuCommand } from '../shared/ipc-contract';
import { THEMES, type Theme } from '../shared/settings';
import { STRINGS } from '../shared/strings';

/**
 * The application menu as plain data, in the learner's language. Window-level actions use
 * Electron's built-in roles; the rest are commands sent to the renderer, which owns the settings.
 */
export interface MenuState {
  language: Language;
  theme: Theme;
  platform: NodeJS.Platform;
}

export function buildMenuTemplate(
  state: MenuState,
  send: (command: MenuCommand) => void,
): MenuItemConstructorOptions[] {
  const m = STRINGS[state.language].menu;
  const names = STRINGS[state.language].languages;
  const isMac = state.platform === 'darwin';
  const themeLabel: Record<Theme, string> = { standard: m.themeStandard, projector: m.themeProjector };

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: STRINGS[state.language].app.name,
          submenu: [
            { label: m.about, click: () => send({ type: 'show-about' }) },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit', label: m.quit },
          ],
        },
      ]
    : [{ label: m.file, submenu: [{ role: 'quit', label: m.quit }] }];

  return [
    ...appMenu,
    {
      label: m.edit,
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
    {
      label: m.view,
      submenu: [
        { role: 'togglefullscreen', label: m.fullscreen },
        { type: 'separator' },
        { role: 'zoomIn', label: m.zoomIn },
        { role: 'zoomOut', label: m.zoomOut },
        { role: 'resetZoom', label: m.resetZoom },
        { type: 'separator' },
        {
          label: m.language,
          submenu: LANGUAGES.map((language) => ({
            label: names[language],
            type: 'radio' as const,
            checked: language === state.language,
            click: () => send({ type: 'set-language', language }),
          })),
        },
        {
          label: m.theme,
          submenu: THEMES.map((theme) => ({
            label: themeLabel[theme],
            type: 'radio' as const,
            checked: theme === state.theme,
            click: () => send({ type: 'set-theme', theme }),
          })),
        },
      ],
    },
    {
      label: m.help,
      role: 'help',
      submenu: [
        { label: m.shortcuts, accelerator: 'F1', click: () => send({ type: 'show-shortcuts' }) },
        ...(isMac ? [] : [{ label: m.about, click: () => send({ type: 'show-about' }) }]),
      ],
    },
  ];
}
