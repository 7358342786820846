import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNarration, summarize, type BuildOptions, type BuildReport, type StepStatus } from '../../scripts/lib/narration-build';
import { parseManifest } from '../../scripts/lib/narration-manifest';
import { readOgg } from '../../scripts/lib/narration-ogg';
import { checkCues, parseVtt, writeVtt } from '../../scripts/lib/narration-vtt';
import { encodeWav } from '../../scripts/lib/narration-wav';
import { loadLessons } from '../../src/shared/lessons/load-lessons';
import { lessonContext } from '../../scripts/lib/content-check';

/**
 * The narration build end to end, on a tiny two-language lesson in a temporary project folder,
 * with the real espeak-ng and opusenc (.ci/run installs them; without them the test is skipped and
 * says so). The pure parts have their own tests beside this one.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const toolMissing = ['espeak-ng', 'opusenc'].filter((command) => spawnSync(command, ['--version']).error !== undefined);
const opusinfo = spawnSync('opusinfo', ['--version']).error === undefined;
if (toolMissing.length > 0) {
  console.warn(`narration-build.test.ts: skipping the end-to-end build: ${toolMissing.join(' and ')} not installed (sudo apt-get install espeak-ng opus-tools)`);
}

const frontMatter = (language: string, title: string) =>
  `---\nid: tiny\nlanguage: ${language}\ntitle: ${title}\nsummary: A tiny lesson for the narration build test.\nlevel: introductory\nduration: 1 min\norder: 1\nsources: [ramsay-2005-anatomy]\n---\n\n`;
const EN_STEPS = [
  'The nipple {highlight nipple} is the trunk. The ducts are the branches.\n\nA new paragraph starts here.',
  'Milk is made in the alveoli.',
  'The ducts are narrow. They branch early.',
];
const FR_STEPS = [
  'Le mamelon {highlight nipple} est le tronc. Les canaux sont les branches.\n\nUn nouveau paragraphe commence ici.',
  'Le lait est fabriqué dans les alvéoles.',
  'Les canaux sont étroits. Ils se ramifient tôt.',
];
const lessonText = (language: string, title: string, steps: readonly string[]) => frontMatter(language, title) + steps.map((body, i) => `## Step ${i + 1}\n\n${body}\n`).join('\n');

function makeProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'atlas-narration-test-'));
  mkdirSync(join(root, 'content/lessons/en'), { recursive: true });
  mkdirSync(join(root, 'content/lessons/fr'), { recursive: true });
  copyFileSync(join(ROOT, 'content/references.yaml'), join(root, 'content/references.yaml'));
  writeFileSync(join(root, 'content/lessons/en/tiny.md'), lessonText('en', 'Tiny', EN_STEPS));
  writeFileSync(join(root, 'content/lessons/fr/tiny.md'), lessonText('fr', 'Minuscule', FR_STEPS));
  return root;
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const statuses = (report: BuildReport) => report.outcomes.map((outcome) => `${outcome.language} ${outcome.step} ${outcome.status}`);
const statusOf = (report: BuildReport, language: string, step: number): StepStatus | undefined =>
  report.outcomes.find((outcome) => outcome.language === language && outcome.step === step)?.status;

/** The sentences of the lesson as the build sees them. */
function sentencesOf(root: string, language: 'en' | 'fr', step: number) {
  const file = `content/lessons/${language}/tiny.md`;
  const [result] = loadLessons([{ file, text: readFileSync(join(root, file), 'utf8') }], lessonContext(['ramsay-2005-anatomy']), { checkTranslations: false });
  const found = result?.lesson?.steps.find((candidate) => candidate.index === step - 1);
  if (!found) throw new Error(`no step ${step}`);
  return found.sentences;
}

describe.skipIf(toolMissing.length > 0)('npm run narration:build, end to end with espeak-ng and opusenc', () => {
  let root = '';
  const lines: string[] = [];
  const build = (options: Partial<BuildOptions> = {}) => buildNarration({ root, log: (line) => lines.push(line), ...options });
  const dir = (language: string) => join(root, 'content/lessons', language, 'tiny');

  beforeAll(() => {
    root = makeProject();
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('speaks every step into step-<n>.opus with a step-<n>.vtt whose cues cover the audio', { timeout: 60_000 }, () => {
    const report = build();
    expect(report.ok).toBe(true);
    expect(statuses(report)).toEqual(['en 1 rendered', 'en 2 rendered', 'en 3 rendered', 'fr 1 rendered', 'fr 2 rendered', 'fr 3 rendered']);
    expect(lines[0]).toMatch(/^en\/tiny step 1\/3 “Step 1”: spoken by espeak-ng \S+ \(en-gb, 150 wpm\), 3 sentences: \d+\.\d s, \d+\.\d KB \(new\)$/);
    expect(readdirSync(dir('en')).sort()).toEqual(['narration.json', 'step-1.opus', 'step-1.vtt', 'step-2.opus', 'step-2.vtt', 'step-3.opus', 'step-3.vtt']);

    for (const language of ['en', 'fr'] as const) {
      for (const step of [1, 2, 3]) {
        const opus = readFileSync(join(dir(language), `step-${step}.opus`));
        const info = readOgg(opus);
        expect(info.codec).toBe('opus');
        const durationMs = info.durationSeconds * 1000;
        const sentences = sentencesOf(root, language, step);
        const vtt = parseVtt(readFileSync(join(dir(language), `step-${step}.vtt`), 'utf8'));
        expect(vtt.errors).toEqual([]);
        expect(checkCues(vtt.cues, sentences, durationMs, { toleranceMs: 2 })).toEqual([]);
        // Each sentence takes some time: at least 0.3 s a word at 150 wpm is far too slow, 0.2 s is about right.
        for (const [i, cue] of vtt.cues.entries()) expect(cue.endMs - cue.startMs).toBeGreaterThan((sentences[i]?.wordCount ?? 1) * 150);
        // Compact: speech at 16 kbit/s is about 2 KB a second.
        expect(opus.length / info.durationSeconds).toBeLessThan(3500);
        if (opusinfo) {
          const said = spawnSync('opusinfo', [join(dir(language), `step-${step}.opus`)], { encoding: 'utf8' }).stdout;
          const [, minutes, seconds] = /Playback length:\s+(\d+)m:([\d.]+)s/.exec(said) ?? [];
          expect(Number(minutes) * 60 + Number(seconds)).toBeCloseTo(info.durationSeconds, 2);
        }
      }
    }
    const manifest = parseManifest(readFileSync(join(dir('fr'), 'narration.json'), 'utf8'));
    expect(manifest?.steps.map((entry) => [entry.step, entry.source, entry.timing, entry.voice])).toEqual([
      [1, 'speech-engine', 'speech-engine', 'fr'],
      [2, 'speech-engine', 'speech-engine', 'fr'],
      [3, 'speech-engine', 'speech-engine', 'fr'],
    ]);
    expect(summarize(report)).toMatch(/^narration: 6 steps: 6 spoken by the engine\. 6 steps with audio, 0 min \d+ s, \d+\.\d KB\.$/);
  });

  it('skips what is up to date, changing no file', { timeout: 30_000 }, () => {
    const before = readdirSync(dir('en')).map((name) => sha(join(dir('en'), name)));
    lines.length = 0;
    const report = build();
    expect(statuses(report)).toEqual(['en 1 up-to-date', 'en 2 up-to-date', 'en 3 up-to-date', 'fr 1 up-to-date', 'fr 2 up-to-date', 'fr 3 up-to-date']);
    expect(lines[0]).toBe('en/tiny step 1/3 “Step 1”: up to date');
    expect(readdirSync(dir('en')).map((name) => sha(join(dir('en'), name)))).toEqual(before);
  });

  it('remakes only the step whose text changed; --check reports it first and changes nothing', { timeout: 30_000 }, () => {
    writeFileSync(join(root, 'content/lessons/en/tiny.md'), lessonText('en', 'Tiny', [EN_STEPS[0] as string, 'Milk is made and stored in the alveoli.', EN_STEPS[2] as string]));
    const before = sha(join(dir('en'), 'step-2.opus'));
    const checked = build({ check: true });
    expect(checked.ok).toBe(false);
    expect(statuses(checked)).toContain('en 2 outdated');
    expect(statuses(checked).filter((status) => status.endsWith('outdated'))).toHaveLength(1);
    expect(sha(join(dir('en'), 'step-2.opus'))).toBe(before);

    const report = build();
    expect(statusOf(report, 'en', 2)).toBe('rendered');
    expect(report.outcomes.find((outcome) => outcome.step === 2 && outcome.language === 'en')?.detail).toMatch(/\(the text changed\)$/);
    expect(statuses(report).filter((status) => status.endsWith('up-to-date'))).toHaveLength(5);
    expect(parseVtt(readFileSync(join(dir('en'), 'step-2.vtt'), 'utf8')).cues[0]?.text).toBe('Milk is made and stored in the alveoli.');
  });

  it('takes a recording dropped in for a step: the engine’s audio goes, the timing is spread by word count and says so', { timeout: 30_000 }, () => {
    // A teacher's 2.5 s WAV for step 3 (two sentences, 4 and 3 words).
    const samples = Int16Array.from({ length: 2.5 * 16000 }, (_, i) => Math.round(8000 * Math.sin(i / 10)));
    writeFileSync(join(dir('en'), 'step-3.wav'), encodeWav({ sampleRate: 16000, samples }));
    const recording = sha(join(dir('en'), 'step-3.wav'));
    lines.length = 0;
    const report = build();
    expect(report.ok).toBe(true);
    expect(statusOf(report, 'en', 3)).toBe('spread');
    expect(lines).toContain('en/tiny step 3/3 “Step 3”: removed step-3.opus, made by the engine: the recording step-3.wav replaces it');
    expect(lines).toContain('en/tiny step 3/3 “Step 3”: recording step-3.wav (wav), 2.5 s: timing SPREAD by word count over 2 sentences, not aligned (new recording)');
    expect(existsSync(join(dir('en'), 'step-3.opus'))).toBe(false);
    expect(sha(join(dir('en'), 'step-3.wav'))).toBe(recording);
    const cues = parseVtt(readFileSync(join(dir('en'), 'step-3.vtt'), 'utf8')).cues;
    expect(cues.map((cue) => [cue.key, cue.startMs, cue.endMs])).toEqual([
      ['2.0', 0, 1429],
      ['2.1', 1429, 2500],
    ]);
    const entry = parseManifest(readFileSync(join(dir('en'), 'narration.json'), 'utf8'))?.steps.find((step) => step.step === 3);
    expect(entry).toMatchObject({ source: 'recording', audio: 'step-3.wav', timing: 'spread-by-words', durationMs: 2500 });

    expect(statusOf(build(), 'en', 3)).toBe('recording-up-to-date');
  });

  it('keeps timing a teacher wrote by hand for a recording, as long as it fits', { timeout: 30_000 }, () => {
    const sentences = sentencesOf(root, 'en', 3);
    const byHand = writeVtt([
      { key: '2.0', startMs: 200, endMs: 1100, text: sentences[0]?.text ?? '' },
      { key: '2.1', startMs: 1300, endMs: 2400, text: sentences[1]?.text ?? '' },
    ]);
    writeFileSync(join(dir('en'), 'step-3.vtt'), byHand);
    lines.length = 0;
    expect(statusOf(build(), 'en', 3)).toBe('hand-timed');
    expect(lines).toContain('en/tiny step 3/3 “Step 3”: recording step-3.wav, 2.5 s: timing from step-3.vtt, written by hand, kept');
    expect(readFileSync(join(dir('en'), 'step-3.vtt'), 'utf8')).toBe(byHand);
    expect(statusOf(build(), 'en', 3)).toBe('recording-up-to-date');

    // Timing that no longer fits (a cue beyond the recording's end) is set aside and replaced by spreading.
    writeFileSync(join(dir('en'), 'step-3.vtt'), byHand.replace('00:00:02.400', '00:00:09.000'));
    lines.length = 0;
    expect(statusOf(build(), 'en', 3)).toBe('spread');
    expect(lines.some((line) => /step-3\.vtt did not fit the recording or the text \(the last cue ends at 00:00:09\.000, after the audio \(00:00:02\.500\)\); kept as step-3\.vtt\.bak$/.test(line))).toBe(true);
    expect(readFileSync(join(dir('en'), 'step-3.vtt.bak'), 'utf8')).toContain('00:00:09.000');
  });

  it('never overwrites a teacher’s own Opus file put in place of the engine’s', { timeout: 30_000 }, () => {
    const wav = join(root, 'teacher.wav');
    writeFileSync(wav, encodeWav({ sampleRate: 16000, samples: Int16Array.from({ length: 4 * 16000 }, (_, i) => Math.round(6000 * Math.sin(i / 7))) }));
    expect(spawnSync('opusenc', ['--quiet', wav, join(dir('fr'), 'step-1.opus')]).status).toBe(0);
    const teacher = sha(join(dir('fr'), 'step-1.opus'));
    lines.length = 0;
    const report = build();
    expect(statusOf(report, 'fr', 1)).toBe('spread');
    expect(lines).toContain('fr/tiny step 1/3 “Step 1”: recording step-1.opus (opus), 4.0 s: timing SPREAD by word count over 3 sentences, not aligned (new recording)');
    expect(sha(join(dir('fr'), 'step-1.opus'))).toBe(teacher);
    expect(statusOf(build({ force: true }), 'fr', 1)).toBe('spread');
    expect(sha(join(dir('fr'), 'step-1.opus'))).toBe(teacher);
  });

  it('refuses two recordings for one step, and goes on with the others', { timeout: 30_000 }, () => {
    copyFileSync(join(dir('en'), 'step-3.wav'), join(dir('en'), 'step-3.mp3'));
    const report = build();
    expect(report.ok).toBe(false);
    expect(statusOf(report, 'en', 3)).toBe('failed');
    expect(report.problems).toContain('en/tiny step 3/3 “Step 3”: 2 recordings for one step (step-3.mp3, step-3.wav): keep only one');
    expect(statusOf(report, 'fr', 2)).toBe('up-to-date');
    rmSync(join(dir('en'), 'step-3.mp3'));
  });

  it('deletes the engine’s files of steps a lesson no longer has, and leaves recordings', { timeout: 30_000 }, () => {
    writeFileSync(join(root, 'content/lessons/fr/tiny.md'), lessonText('fr', 'Minuscule', FR_STEPS.slice(0, 2)));
    writeFileSync(join(root, 'content/lessons/en/tiny.md'), lessonText('en', 'Tiny', EN_STEPS.slice(0, 2)));
    lines.length = 0;
    const report = build();
    expect(lines).toContain('fr/tiny: removed step-3.opus: the lesson has only 2 steps');
    expect(lines).toContain('fr/tiny: removed step-3.vtt: the lesson has only 2 steps');
    expect(readdirSync(dir('fr')).sort()).toEqual(['narration.json', 'step-1.opus', 'step-1.vtt', 'step-2.opus', 'step-2.vtt']);
    expect(parseManifest(readFileSync(join(dir('fr'), 'narration.json'), 'utf8'))?.steps.map((entry) => entry.step)).toEqual([1, 2]);
    expect(report.problems).toContain('content/lessons/en/tiny/step-3.wav: not used, the lesson has only 2 steps (left in place)');
    expect(existsSync(join(dir('en'), 'step-3.wav'))).toBe(true);
  });

  it('runs from the command line, printing progress and a summary, exit code 0 when all is done, 1 for a lesson that does not exist', { timeout: 60_000 }, () => {
    const tsx = join(ROOT, 'node_modules/.bin/tsx');
    const result = spawnSync(tsx, [join(ROOT, 'scripts/build-narration.ts'), '--root', root, 'tiny', '--language', 'fr'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('fr/tiny step 2/2 “Step 2”: up to date');
    expect(result.stdout).toMatch(/narration: 2 steps: 1 up to date, 1 recording up to date\./);
    const unknown = spawnSync(tsx, [join(ROOT, 'scripts/build-narration.ts'), '--root', root, 'no-such-lesson'], { encoding: 'utf8' });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('no lesson "no-such-lesson" in content/lessons');
  });
});

describe('npm run narration:build without its tools', () => {
  it('stops at the first step that needs them, saying which step, what is missing and how to install it', () => {
    const root = makeProject();
    try {
      const lines: string[] = [];
      const report = buildNarration({ root, log: (line) => lines.push(line), tools: { espeak: join(root, 'no-espeak-ng'), opusenc: join(root, 'no-opusenc') } });
      expect(report.ok).toBe(false);
      expect(report.outcomes).toHaveLength(1);
      expect(lines).toEqual([`en/tiny step 1/3 “Step 1”: FAILED: ${join(root, 'no-espeak-ng')} was not found: install them with: sudo apt-get install espeak-ng opus-tools (Debian or Ubuntu; other systems: see docs/narration.md)`]);
      expect(report.problems.at(-1)).toBe('stopped: the speech tools are missing, so no other step can be spoken');
      expect(existsSync(join(root, 'content/lessons/en/tiny'))).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
