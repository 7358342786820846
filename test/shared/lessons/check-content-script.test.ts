import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../scripts/lib/content-check';
import { encodeWav } from '../../../scripts/lib/narration-wav';
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

/** The shipped lesson files, as checkContent names them. */
const SHIPPED = ['en', 'fr'].flatMap((language) =>
  readdirSync(join(ROOT, 'content/lessons', language))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `content/lessons/${language}/${name}`),
);

const noQuiz = (file: string) => `${file}:1:1 no quiz for this lesson: add ${file.replace(/\.md$/, '.quiz.yaml')}, its self-check (see docs/authoring.md)`;

const EXPECTED = [
  noQuiz('content/lessons/en/broken.md'),
  'content/lessons/en/broken.md:14:4 unknown cue "zoom" (cues: focus, highlight, unhighlight, pulse, show, hide, morph, fly-into, fly-out, label, unlabel, physiology, time, stage, scenario, release, cry, feed, let-down, stress)',
  noQuiz('content/lessons/fr/broken.md'),
  'content/lessons/loose.md:1:1 a lesson file must be in a language folder: content/lessons/<en|fr>/<lesson id>.md',
];

describe('checkContent', { timeout: 30_000 }, () => {
  it('finds nothing wrong in the real content', () => {
    const report = checkContent(ROOT);
    expect(report.errors).toEqual([]);
    expect(report.lessons.map((result) => result.file).sort()).toEqual([...SHIPPED].sort());
    expect(SHIPPED.length).toBeGreaterThanOrEqual(14);
  });

  it('reports every broken file with its position, each lesson on its own', async () => {
    const report = checkContent(await brokenCopy());
    expect(report.errors.map(formatContentError)).toEqual(EXPECTED);
    const status = new Map(report.lessons.map((result) => [result.file, result.status]));
    expect([status.get('content/lessons/en/broken.md'), status.get('content/lessons/fr/broken.md'), status.get('content/lessons/loose.md')]).toEqual(['failed', 'ok', 'partial']);
    for (const file of SHIPPED) expect(status.get(file), file).toBe('ok');
  });
});

const NARRATION_FIXTURES = join(ROOT, 'test/fixtures/narration/content-check');
const NARRATED = 'content/lessons/en/narrated';

/** A copy of content/ with the fixture lesson `narrated` (en and fr) and its narration, each step's files with one problem. */
async function narratedCopy(): Promise<string> {
  const root = await tempDir();
  cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
  for (const language of ['en', 'fr']) cpSync(join(NARRATION_FIXTURES, language), join(root, 'content/lessons', language), { recursive: true });
  // The recordings: silence of a known length (the text fixtures say what each step's problem is).
  const silence = (seconds: number) => encodeWav({ sampleRate: 8000, samples: new Int16Array(Math.round(seconds * 8000)) });
  for (const [n, seconds] of [[1, 4], [2, 4], [3, 4], [4, 2], [5, 3], [8, 3]] as const) writeFileSync(join(root, NARRATED, `step-${n}.wav`), silence(seconds));
  return root;
}

describe('checkContent: narration', { timeout: 30_000 }, () => {
  it('reports each narration file that the app could not follow, with its position', async () => {
    const report = checkContent(await narratedCopy());
    expect(report.errors.map(formatContentError)).toEqual(NARRATION_ERRORS);
    // Every shipped lesson's steps, and the fixture's 8.
    expect(report.narratedSteps).toBe(checkContent(ROOT).narratedSteps + 8);
  });
});

// Each of these starts a new Node with tsx and checks the whole content (seconds on a busy machine).
describe('npm run content:check', { timeout: 60_000 }, () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/check-content.ts'), ...args], { encoding: 'utf8', timeout: 60_000 });

  it('prints file:line:column message per error, a summary, and exits 1', async () => {
    const result = run('--root', await brokenCopy());
    const lines = result.stdout.trim().split('\n');
    expect(lines.slice(0, -1)).toEqual(EXPECTED);
    expect(lines.at(-1)).toMatch(
      new RegExp(`^content check: 4 errors in 3 files\\. \\d+ references, 40 structure descriptions, \\d+ glossary terms, ${SHIPPED.length + 3} lesson files \\(1 failed to load; \\d+ steps and \\d+ cues loaded\\), \\d+ quiz files \\(\\d+ questions loaded\\), narration of \\d+ steps in \\d+ ms$`),
    );
    expect(result.status).toBe(1);
  });

  it('prints the narration errors and exits 1', async () => {
    const result = run('--root', await narratedCopy());
    const lines = result.stdout.trim().split('\n');
    expect(lines.slice(0, -1)).toEqual(NARRATION_ERRORS);
    expect(lines.at(-1)).toMatch(/^content check: 12 errors in 12 files\. .*, narration of \d+ steps in \d+ ms$/);
    expect(result.status).toBe(1);
  });

  it('exits 0 on the real content', () => {
    const result = run();
    expect(result.stdout).toMatch(/^content check: no errors\./);
    expect(result.status).toBe(0);
  });
});

/** One problem per step of `narrated`, in file order (the README of the fixtures says which). */
const NARRATION_ERRORS = [
  noQuiz('content/lessons/en/narrated.md'),
  `${NARRATED}/narration.json:1:1 this is not a narration manifest the build can read (it is written by npm run narration:build and not edited by hand): run npm run narration:build, which writes it again`,
  `${NARRATED}/step-2.vtt:4:18 "00:00:3.500" is not a WebVTT time: write hh:mm:ss.mmm or mm:ss.mmm, e.g. 00:00:04.250`,
  `${NARRATED}/step-3.vtt:5:1 the text of cue 2.0 is not sentence 2.0 of the lesson (content/lessons/en/narrated.md:22:1), "Oxytocin squeezes the alveoli.": it has "lobules" where the lesson has "alveoli" (word 4)`,
  `${NARRATED}/step-4.vtt:4:18 cue 3.0 ends at 00:00:05.000, after the end of the recording (${NARRATED}/step-4.wav) at 00:00:02.000`,
  `${NARRATED}/step-5.wav:1:1 step 5 has a recording but no timing file (step-5.vtt), so the app cannot follow it: run npm run narration:build, which writes one (see docs/narration.md)`,
  `${NARRATED}/step-6.vtt:1:1 step 6 has no recording (step-6.opus, .ogg, .mp3, .wav): this timing file times nothing; add the recording or delete it`,
  `${NARRATED}/step-7.opus:1:1 the recording of step 7 cannot be read (unknown audio format: expected WAV, Ogg (Opus or Vorbis) or MP3): the app reads this step silently`,
  // The app looks for .opus, .ogg, .mp3 and .wav in that order: it would play the broken MP3.
  `${NARRATED}/step-8.mp3:1:1 the recording of step 8 cannot be read (unknown audio format: expected WAV, Ogg (Opus or Vorbis) or MP3): the app reads this step silently`,
  `${NARRATED}/step-8.wav:1:1 step 8 has two recordings, step-8.mp3 and step-8.wav: keep one (the app plays step-8.mp3)`,
  `${NARRATED}/step-9.vtt:1:1 content/lessons/en/narrated.md has 8 steps: this file is for a step 9 that does not exist`,
  noQuiz('content/lessons/fr/narrated.md'),
];
