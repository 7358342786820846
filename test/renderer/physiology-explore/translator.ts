import type { Language } from '../../../src/shared/languages';
import { STRINGS } from '../../../src/shared/strings';
import type { Translate } from '../../../src/renderer/physiology/explore/messages';

/**
 * A stand-in for i18next's `t` over the real string tables: it throws on a missing key, so a test
 * that says a message also proves the key exists in that language.
 */
export function translator(language: Language): Translate {
  return (key, values) => {
    let node: unknown = STRINGS[language];
    for (const part of key.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
    if (typeof node !== 'string') throw new Error(`No string for ${key} in ${language}`);
    return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
      const value = values?.[name];
      if (value === undefined) throw new Error(`${key} needs {{${name}}}`);
      return String(value);
    });
  };
}
