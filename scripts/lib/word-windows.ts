import { createHash } from 'node:crypto';

/**
 * Runs of words, for finding text copied from elsewhere. Words are compared after a light
 * normalisation (lower case, typographic apostrophes and dashes folded, punctuation dropped), so a
 * copy is found even when its quotes or capitals were changed; accents are kept (French words that
 * differ only by an accent are different words).
 */
export const WINDOW_WORDS = 12;

export function wordsOf(text: string): string[] {
  return (
    text
      .normalize('NFC')
      .toLowerCase()
      .replace(/[’ʼ‘`]/g, "'")
      .match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? []
  );
}

/** Every run of `size` consecutive words, as text joined by single spaces. */
export function windowsOf(words: readonly string[], size: number = WINDOW_WORDS): string[] {
  const out: string[] = [];
  for (let i = 0; i + size <= words.length; i += 1) out.push(words.slice(i, i + size).join(' '));
  return out;
}

/** A short, stable fingerprint of a window (the first 64 bits of its SHA-256, in hex). */
export function fingerprint(window: string): string {
  return createHash('sha256').update(window).digest('hex').slice(0, 16);
}
