import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SPEEDS } from '../../src/shared/lessons/lesson-clock';
import { decodeDocument, DocumentStore, encodeDocument, loadDocument, ReadOnlyDocumentError } from '../../src/shared/persisted-document';
import { defaultSettings, NARRATION_VOICES, SETTINGS_VERSION, settingsDocument, settingsSchema, THEMES, type Settings } from '../../src/shared/settings';
import { MemoryDocumentStorage } from '../support/memory-storage';

const spec = settingsDocument('en');

/** A settings file as version 1 of the atlas wrote it: language and theme only. */
const version1 = (language: 'en' | 'fr', theme: 'standard' | 'projector') => `${JSON.stringify({ schemaVersion: 1, language, theme }, null, 2)}\n`;

const chosen: Settings = { schemaVersion: 2, language: 'fr', theme: 'projector', narrationVoice: 'speech', systemVoice: 'Amélie', narrationSpeed: 1.25 };

describe('settings, version 2', () => {
  it('is version 2, with the narration defaults: recordings, the language’s voice, 1×', () => {
    expect(SETTINGS_VERSION).toBe(2);
    expect(defaultSettings('fr')).toEqual({ schemaVersion: 2, language: 'fr', theme: 'standard', narrationVoice: 'audio', systemVoice: null, narrationSpeed: 1 });
    expect(settingsSchema.safeParse(defaultSettings()).success).toBe(true);
  });

  it('accepts every voice kind, a voice name or null, and exactly the player’s speeds', () => {
    for (const narrationVoice of NARRATION_VOICES) for (const narrationSpeed of SPEEDS) {
      expect(settingsSchema.safeParse({ ...chosen, narrationVoice, narrationSpeed }).success).toBe(true);
    }
    expect(settingsSchema.safeParse({ ...chosen, systemVoice: null }).success).toBe(true);
    for (const bad of [
      { narrationVoice: 'robot' },
      { narrationSpeed: 2 },
      { narrationSpeed: '1' },
      { narrationSpeed: 1.1 },
      { systemVoice: '' },
      { systemVoice: 'x'.repeat(201) },
      { systemVoice: 3 },
      { extra: true },
    ]) {
      expect(settingsSchema.safeParse({ ...chosen, ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
    for (const key of ['narrationVoice', 'systemVoice', 'narrationSpeed'] as const) {
      const missing: Partial<Settings> = { ...chosen };
      delete missing[key];
      expect(settingsSchema.safeParse(missing).success, `without ${key}`).toBe(false);
    }
  });

  it('round-trips what the learner chose', () => {
    expect(decodeDocument(encodeDocument(chosen), spec)).toEqual({ kind: 'ok', value: chosen, migratedFrom: null });
  });
});

describe('settings migration from version 1', () => {
  it('keeps the language and theme and adds the narration defaults', () => {
    fc.assert(
      fc.property(fc.constantFrom('en' as const, 'fr' as const), fc.constantFrom(...THEMES), (language, theme) => {
        expect(decodeDocument(version1(language, theme), spec)).toEqual({
          kind: 'ok',
          value: { schemaVersion: 2, language, theme, narrationVoice: 'audio', systemVoice: null, narrationSpeed: 1 },
          migratedFrom: 1,
        });
      }),
    );
  });

  it('loads an old file without a notice, and the next save writes version 2 and keeps the old file as the backup', async () => {
    const old = version1('fr', 'projector');
    const storage = new MemoryDocumentStorage(old);
    const store = new DocumentStore(storage, spec);
    const loaded = await store.load();
    expect(loaded).toEqual({ value: { ...defaultSettings('fr'), theme: 'projector' }, notice: null, readOnly: false });
    expect(storage.writes).toEqual([]);
    await store.save({ ...loaded.value, narrationVoice: 'reading', narrationSpeed: 1.5 });
    expect(JSON.parse(storage.primary ?? '')).toEqual({ schemaVersion: 2, language: 'fr', theme: 'projector', narrationVoice: 'reading', systemVoice: null, narrationSpeed: 1.5 });
    expect(storage.backup).toBe(old);
  });

  it('treats a version 1 file that fails its own rules as corrupt: kept aside, the backup restored (and migrated)', async () => {
    const broken = JSON.stringify({ schemaVersion: 1, language: 'de', theme: 'standard' });
    const storage = new MemoryDocumentStorage(broken, version1('fr', 'standard'));
    const loaded = await loadDocument(storage, spec);
    expect(loaded.value).toEqual(defaultSettings('fr'));
    expect(loaded.notice).toMatchObject({ kind: 'recovered-from-backup', document: 'settings', keptAsideAt: 'aside-1' });
    expect(loaded.notice?.kind === 'recovered-from-backup' && loaded.notice.reason).toMatch(/language/);
    expect(storage.aside).toEqual([broken]);
    expect(JSON.parse(storage.primary ?? '')).toEqual(defaultSettings('fr'));
  });

  it('treats a version 1 file with fields it never had as corrupt, and starts afresh without a backup', async () => {
    const storage = new MemoryDocumentStorage(JSON.stringify({ schemaVersion: 1, language: 'en', theme: 'standard', narrationVoice: 'robot' }));
    const loaded = await loadDocument(storage, spec);
    expect(loaded.value).toEqual(defaultSettings('en'));
    expect(loaded.notice).toMatchObject({ kind: 'started-fresh', keptAsideAt: 'aside-1' });
  });

  it('never touches a file from a newer atlas: defaults, read-only', async () => {
    const newer = JSON.stringify({ schemaVersion: 3, language: 'fr', theme: 'projector', narrationVoice: 'audio', systemVoice: null, narrationSpeed: 1, subtitles: 'large' });
    const storage = new MemoryDocumentStorage(newer);
    const store = new DocumentStore(storage, spec);
    expect(await store.load()).toEqual({ value: defaultSettings('en'), notice: { kind: 'newer-version', document: 'settings', version: 3 }, readOnly: true });
    await expect(store.save(chosen)).rejects.toBeInstanceOf(ReadOnlyDocumentError);
    expect(storage.primary).toBe(newer);
  });

  it('has no way back from version 0', () => {
    expect(decodeDocument(JSON.stringify({ schemaVersion: 0, language: 'en', theme: 'standard' }), spec)).toEqual({ kind: 'corrupt', reason: 'no migration from version 0' });
  });
});
