import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from './lib/preview-handler';
import { fingerprint, windowsOf, WINDOW_WORDS, wordsOf } from './lib/word-windows';

/**
 * `tsx scripts/fingerprint-seeds.ts [seeds folder]`: fingerprints every run of 12 words of the
 * documents the project came from (../shared/seeds/, which are not part of the repository and
 * contain marketing we must not copy) into test/fixtures/seed-fingerprints.txt. The test
 * test/scripts/no-seed-copies.test.ts then fails if any run of 12 words of content/ matches, on any
 * machine, without the seeds' text being stored here.
 */
export const SEED_FINGERPRINTS = join(PROJECT_ROOT, 'test', 'fixtures', 'seed-fingerprints.txt');
export const DEFAULT_SEEDS = resolve(PROJECT_ROOT, '..', 'shared', 'seeds');

export function seedFingerprints(folder: string): string[] {
  const all = new Set<string>();
  for (const name of readdirSync(folder).sort()) {
    for (const window of windowsOf(wordsOf(readFileSync(join(folder, name), 'utf8')))) all.add(fingerprint(window));
  }
  return [...all].sort();
}

export function fingerprintFile(fingerprints: readonly string[]): string {
  return `# SHA-256 (first 64 bits) of every run of ${WINDOW_WORDS} words of ../shared/seeds/ (scripts/fingerprint-seeds.ts)\n${fingerprints.join('\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const folder = resolve(process.argv[2] ?? DEFAULT_SEEDS);
  const fingerprints = seedFingerprints(folder);
  writeFileSync(SEED_FINGERPRINTS, fingerprintFile(fingerprints));
  console.log(`${fingerprints.length} fingerprints of ${WINDOW_WORDS}-word runs written to ${SEED_FINGERPRINTS}`);
}
