import { z } from 'zod';
import { LANGUAGES, type Language } from './languages';
import { SPEEDS } from './lessons/lesson-clock';
import type { DocumentSpec } from './persisted-document';

/** `standard` is the calm default; `projector` is high-contrast with larger type for a lit room. */
export const THEMES = ['standard', 'projector'] as const;
export type Theme = (typeof THEMES)[number];

/**
 * Who narrates a lesson (docs/authoring.md, "Narration and timing"): the lesson's own recordings,
 * the system's speech synthesiser, or nobody (the captions advance at a reading pace).
 */
export const NARRATION_VOICES = ['audio', 'speech', 'reading'] as const;
export type NarrationVoiceKind = (typeof NARRATION_VOICES)[number];

/** The speeds a learner may choose (the lesson clock's). */
export type NarrationSpeed = (typeof SPEEDS)[number];

/** Longest system voice name kept (real ones are a few dozen characters). */
export const MAX_SYSTEM_VOICE_NAME = 200;

/**
 * Version 2 added the narration: `narrationVoice`, `systemVoice` (the name of an installed
 * system voice, or null for the language's default) and `narrationSpeed`.
 */
export const SETTINGS_VERSION = 2;

export const settingsSchema = z
  .object({
    schemaVersion: z.literal(SETTINGS_VERSION),
    language: z.enum(LANGUAGES),
    theme: z.enum(THEMES),
    narrationVoice: z.enum(NARRATION_VOICES),
    systemVoice: z.string().min(1).max(MAX_SYSTEM_VOICE_NAME).nullable(),
    narrationSpeed: z.literal(SPEEDS),
  })
  .strict();

export type Settings = z.infer<typeof settingsSchema>;

/** The narration part of the settings, as the lesson player reads and changes it. */
export type NarrationSettings = Pick<Settings, 'narrationVoice' | 'systemVoice' | 'narrationSpeed'>;

export const DEFAULT_NARRATION: NarrationSettings = { narrationVoice: 'audio', systemVoice: null, narrationSpeed: 1 };

export function defaultSettings(language: Language = 'en'): Settings {
  return { schemaVersion: SETTINGS_VERSION, language, theme: 'standard', ...DEFAULT_NARRATION };
}

/** `migrations[n]` turns version n into version n + 1 (persisted-document.ts sets `schemaVersion`). */
export const settingsMigrations: DocumentSpec<Settings>['migrations'] = {
  // 1 → 2: the learner had no narration settings yet: the defaults (recordings, the language's voice, 1×).
  // Whatever else the file holds is kept, so that it still has to pass the schema (a version 1 file never had more).
  1: (doc) => ({ ...DEFAULT_NARRATION, ...doc }),
};

export function settingsDocument(language: Language): DocumentSpec<Settings> {
  return {
    name: 'settings',
    currentVersion: SETTINGS_VERSION,
    schema: settingsSchema,
    migrations: settingsMigrations,
    defaults: () => defaultSettings(language),
  };
}
