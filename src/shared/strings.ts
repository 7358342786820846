import en from './locales/en.json';
import fr from './locales/fr.json';
import type { Language } from './languages';

/** The string tables, one per language; `en` is the reference shape every language must match. */
export type Strings = typeof en;
export const STRINGS: Readonly<Record<Language, Strings>> = { en, fr };
