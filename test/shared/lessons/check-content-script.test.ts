import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../scripts/lib/content-check';
import { formatContentError } from '../../../src/shared/lessons/load-lessons';
import { useTempDirs } from '../../support/temp-dir';
import { lessonText, ROOT } from './lesson-test-support';

const tempDir = useTempDirs();

/** A copy of content/ with a broken English lesson (and its French twin) and a lesson outside any language folder. */
async function brokenCopy(): Promise<string> {
  const root = await tempDir();
  cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
  mkdirSync(join(root, 'content/lessons/en'), { recursive: true });
  writeFileSync(join(root, 'content/lessons/en/broken.md'), lessonText('## One\n\nA {zoom nipple} cue.\n', { id: 'broken' }));
  writeFileSync(join(root, 'content/lessons/fr/broken.md'), lessonText('## Un\n\nUne indication {focus nipple}.\n', { id: 'broken', language: 'fr' }));
  writeFileSync(join(root, 'content/lessons/loose.md'), lessonText('## One\n\nText.\n', { id: 'loose' }));
  return root;
}

const EXPECTED = [
  'content/lessons/en/broken.md:14:4 unknown cue "zoom" (cues: focus, highlight, unhighlight, pulse, show, hide, morph, fly-into, fly-out, label, unlabel)',
  'content/lessons/loose.md:1:1 a lesson file must be in a language folder: content/lessons/<en|fr>/<lesson id>.md',
];

describe('checkContent', () => {
  it('finds nothing wrong in the real content', () => {
    const report = checkContent(ROOT);
    expect(report.errors).toEqual([]);
    expect(report.lessons.map((result) => result.file).sort()).toEqual(['content/lessons/en/tree-of-milk.md', 'content/lessons/fr/tree-of-milk.md']);
  });

  it('reports every broken file with its position, each lesson on its own', async () => {
    const report = checkContent(await brokenCopy());
    expect(report.errors.map(formatContentError)).toEqual(EXPECTED);
    expect(report.lessons.map((result) => [result.file, result.status])).toEqual([
      ['content/lessons/en/broken.md', 'failed'],
      ['content/lessons/en/tree-of-milk.md', 'ok'],
      ['content/lessons/fr/broken.md', 'ok'],
      ['content/lessons/fr/tree-of-milk.md', 'ok'],
      ['content/lessons/loose.md', 'partial'],
    ]);
  });
});

describe('npm run content:check', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/check-content.ts'), ...args], { encoding: 'utf8', timeout: 60_000 });

  it('prints file:line:column message per error, a summary, and exits 1', async () => {
    const result = run('--root', await brokenCopy());
    const lines = result.stdout.trim().split('\n');
    expect(lines.slice(0, -1)).toEqual(EXPECTED);
    expect(lines.at(-1)).toMatch(/^content check: 2 errors in 2 files\. \d+ references, 40 structure descriptions, 5 lesson files \(1 failed to load; \d+ steps and \d+ cues loaded\) in \d+ ms$/);
    expect(result.status).toBe(1);
  });

  it('exits 0 on the real content', () => {
    const result = run();
    expect(result.stdout).toMatch(/^content check: no errors\./);
    expect(result.status).toBe(0);
  });
});
