import en from './locales/en.json';
import fr from './locales/fr.json';
import physiologyEn from './locales/physiology/en.json';
import physiologyFr from './locales/physiology/fr.json';
import physiologyExploreEn from './locales/physiology-explore/en.json';
import physiologyExploreFr from './locales/physiology-explore/fr.json';
import physiologySceneEn from './locales/physiology-scene/en.json';
import physiologySceneFr from './locales/physiology-scene/fr.json';
import presenterEn from './locales/presenter/en.json';
import presenterFr from './locales/presenter/fr.json';
import bookmarksEn from './locales/bookmarks/en.json';
import bookmarksFr from './locales/bookmarks/fr.json';
import handoutEn from './locales/handout/en.json';
import handoutFr from './locales/handout/fr.json';
import type { Language } from './languages';

/**
 * The string tables, one per language; `en` is the reference shape every language must match.
 * The physiology strings live in their own files (names, the 3D scene, the explore view) so each
 * part of the atlas keeps its text beside the others without one very long file.
 */
const english = { ...en, physiology: physiologyEn, physiologyScene: physiologySceneEn, physiologyExplore: physiologyExploreEn, presenter: presenterEn, bookmarks: bookmarksEn, handout: handoutEn };
export type Strings = typeof english;
export const STRINGS: Readonly<Record<Language, Strings>> = {
  en: english,
  fr: { ...fr, physiology: physiologyFr, physiologyScene: physiologySceneFr, physiologyExplore: physiologyExploreFr, presenter: presenterFr, bookmarks: bookmarksFr, handout: handoutFr },
};
