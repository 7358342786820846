import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../src/main/app-menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function click(item: MenuItemConstructorOptions | undefined): void {
  (item?.click as (() => void) | undefined)?.();
}

describe('buildMenuTemplate', () => {
  it('offers full screen, zoom, language and theme in View, and shortcuts and about in Help', () => {
    const items = flatten(buildMenuTemplate({ language: 'en', theme: 'standard', platform: 'linux' }, () => undefined));
    const roles = items.map((item) => item.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['togglefullscreen', 'zoomIn', 'zoomOut', 'resetZoom', 'quit']));
    const labels = items.map((item) => item.label);
    expect(labels).toEqual(expect.arrayContaining(['View', 'Language', 'Theme', 'Help', 'Keyboard shortcuts', 'About the Lactation Atlas']));
  });

  it('is written in French when the learner chose French', () => {
    const items = flatten(buildMenuTemplate({ language: 'fr', theme: 'standard', platform: 'win32' }, () => undefined));
    const labels = items.map((item) => item.label);
    expect(labels).toEqual(expect.arrayContaining(['Affichage', 'Plein écran', 'Langue', 'Thème', 'Aide', 'Raccourcis clavier', 'À propos de l’Atlas de la lactation']));
    expect(labels).not.toContain('View');
  });

  it('checks the current language and theme, and sends commands for the others', () => {
    const send = vi.fn();
    const items = flatten(buildMenuTemplate({ language: 'en', theme: 'projector', platform: 'linux' }, send));
    const french = items.find((item) => item.label === 'Français');
    const english = items.find((item) => item.label === 'English');
    const projector = items.find((item) => item.label === 'Projector (high contrast)');
    expect(english?.checked).toBe(true);
    expect(french?.checked).toBe(false);
    expect(projector?.checked).toBe(true);
    click(french);
    click(items.find((item) => item.label === 'Standard'));
    click(items.find((item) => item.label === 'Keyboard shortcuts'));
    click(items.find((item) => item.label === 'About the Lactation Atlas'));
    expect(send.mock.calls.map(([command]) => command)).toEqual([
      { type: 'set-language', language: 'fr' },
      { type: 'set-theme', theme: 'standard' },
      { type: 'show-shortcuts' },
      { type: 'show-about' },
    ]);
  });

  it('puts About in the application menu on macOS', () => {
    const template = buildMenuTemplate({ language: 'en', theme: 'standard', platform: 'darwin' }, () => undefined);
    expect(template[0]?.label).toBe('Lactation Atlas');
    expect(flatten(template).filter((item) => item.label === 'About the Lactation Atlas')).toHaveLength(1);
  });
});
