import { z } from 'zod';
import { LANGUAGES, type Language } from './languages';
import type { DocumentSpec } from './persisted-document';

/** `standard` is the calm default; `projector` is high-contrast with larger type for a lit room. */
export const THEMES = ['standard', 'projector'] as const;
export type Theme = (typeof THEMES)[number];

export const SETTINGS_VERSION = 1;

export const settingsSchema = z
  .object({
    schemaVersion: z.literal(SETTINGS_VERSION),
    language: z.enum(LANGUAGES),
    theme: z.enum(THEMES),
  })
  .strict();

export type Settings = z.infer<typeof settingsSchema>;

export function defaultSettings(language: Language = 'en'): Settings {
  return { schemaVersion: SETTINGS_VERSION, language, theme: 'standard' };
}

export function settingsDocument(language: Language): DocumentSpec<Settings> {
  return {
    name: 'settings',
    currentVersion: SETTINGS_VERSION,
    schema: settingsSchema,
    migrations: {},
    defaults: () => defaultSettings(language),
  };
}
