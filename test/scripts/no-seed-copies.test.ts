import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEEDS, fingerprintFile, SEED_FINGERPRINTS, seedFingerprints } from '../../scripts/fingerprint-seeds';
import { PROJECT_ROOT } from '../../scripts/lib/preview-handler';
import { fingerprint, windowsOf, WINDOW_WORDS, wordsOf } from '../../scripts/lib/word-windows';

/**
 * No run of 12 or more words of the seed documents (../shared/seeds/) appears in content/: lessons,
 * descriptions, glossary, quizzes and references are written in our own words. The seeds are not in
 * the repository; their fingerprints are (test/fixtures/seed-fingerprints.txt).
 */
const seeds = new Set(
  readFileSync(SEED_FINGERPRINTS, 'utf8')
    .split('\n')
    .filter((line) => /^[0-9a-f]{16}$/.test(line)),
);

function textFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return textFiles(path);
    return /\.(md|ya?ml|json|vtt|txt)$/.test(name) ? [path] : [];
  });
}

/** Each copied run found in `text`, as its words. */
function copiedRuns(text: string, fingerprints: ReadonlySet<string>): string[] {
  return windowsOf(wordsOf(text)).filter((window) => fingerprints.has(fingerprint(window)));
}

describe('content written in our own words', () => {
  it('has the seeds fingerprinted (the check has something to compare with)', () => {
    expect(seeds.size).toBeGreaterThan(5000);
  });

  it('finds a copied run of words however its case, quotes and punctuation were changed', () => {
    const source = 'Le lait maternel est produit par les alvéoles, puis il circule dans les canaux jusqu’au mamelon.';
    const planted = new Set(windowsOf(wordsOf(source)).map(fingerprint));
    expect(copiedRuns(`Intro. LE LAIT maternel est produit par les alvéoles puis il circule dans les "canaux" jusqu'au mamelon !`, planted)).toHaveLength(
      wordsOf(source).length - WINDOW_WORDS + 1,
    );
    expect(copiedRuns('Le lait maternel est produit par les alvéoles, puis il passe dans les canaux jusqu’au mamelon.', planted)).toEqual([]);
  });

  it('shares no run of 12 words with the seed documents anywhere in content/', () => {
    const copies = textFiles(join(PROJECT_ROOT, 'content')).flatMap((file) =>
      copiedRuns(readFileSync(file, 'utf8'), seeds).map((run) => `${relative(PROJECT_ROOT, file)}: "${run}"`),
    );
    expect(copies).toEqual([]);
  });

  it.skipIf(!existsSync(DEFAULT_SEEDS))('keeps the fingerprints up to date with ../shared/seeds/ (where the seeds exist)', () => {
    expect(readFileSync(SEED_FINGERPRINTS, 'utf8')).toBe(fingerprintFile(seedFingerprints(DEFAULT_SEEDS)));
  });
});
