import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Host } from '../../src/renderer/host/host';
import { loadNarration } from '../../src/renderer/lessons/player/load-narration';
import type { Lesson } from '../../src/shared/lessons/lesson-types';
import { narrationTiming, spreadByWords } from '../../src/shared/lessons/narration-timing';
import { readingStepTiming } from '../../src/shared/lessons/timeline';
import { load, read, ROOT } from '../shared/lessons/lesson-test-support';

/**
 * The player's side of the narration: the files the host lists, read through the host, decided
 * by `resolveNarration`. The shipped English demo lesson and its narration, changed per test.
 */
const lesson = load(['content/lessons/en/tree-of-milk.md'], { checkTranslations: false })[0]?.lesson as Lesson;
const FOLDER = 'content/lessons/en/tree-of-milk';
const BASE = 'app://atlas/index.html';

/** The lesson's narration files as they ship, by path under content/. */
function shipped(): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(`${ROOT}${FOLDER}`)) files.set(`${FOLDER}/${name}`.replace(/^content\//, ''), name.endsWith('.opus') ? '(audio)' : read(`${FOLDER}/${name}`));
  return files;
}

function fakeHost(files: Map<string, string>, unreadable: ReadonlySet<string> = new Set()): Host {
  const fail = () => Promise.reject(new Error('not used'));
  return {
    getAppInfo: fail,
    readSettings: fail,
    writeSettings: fail,
    readProgress: fail,
    writeProgress: fail,
    exportProgress: fail,
    importProgress: fail,
    openAudience: fail,
    closeAudience: fail,
    toggleAudienceFullScreen: fail,
    saveHandoutPdf: fail,
    onMenuCommand: () => () => undefined,
    listContent: () => Promise.resolve({ root: 'content', entries: [...files.keys()].map((path) => ({ path, bytes: 1 })) }),
    readContent: ({ root, path }) => {
      const text = files.get(path);
      if (text === undefined || unreadable.has(path)) return Promise.reject(new Error(`No content file at "${path}"`));
      return Promise.resolve({ root, path, text });
    },
  };
}

const manifestSeconds = (n: number) => {
  const manifest = JSON.parse(read(`${FOLDER}/narration.json`)) as { steps: { step: number; durationMs: number }[] };
  return (manifest.steps.find((entry) => entry.step === n)?.durationMs ?? 0) / 1000;
};

describe('loadNarration', () => {
  it('plays every shipped recording with its timing, the recording’s length from narration.json', async () => {
    const narration = await loadNarration(fakeHost(shipped()), lesson, BASE);
    expect(narration.problems).toEqual([]);
    expect(narration.sources).toEqual(lesson.steps.map(() => 'recording'));
    expect(narration.recordings[2]).toEqual({ file: `${FOLDER}/step-3.opus`, url: `app://atlas/${FOLDER}/step-3.opus` });
    const step = lesson.steps[2]!;
    const expected = narrationTiming(step, read(`${FOLDER}/step-3.vtt`), `${FOLDER}/step-3.vtt`, { audioDuration: manifestSeconds(3) });
    expect(expected.ok && narration.timings[2]).toEqual(expected.ok && expected.value);
    expect(narration.timings[2]?.duration).toBe(manifestSeconds(3));
  });

  it('reads a step whose timing does not fit silently, and lists why with file:line:column', async () => {
    const files = shipped();
    files.set('lessons/en/tree-of-milk/step-3.vtt', (files.get('lessons/en/tree-of-milk/step-3.vtt') ?? '').replace('nine main ducts', 'ten main ducts'));
    const narration = await loadNarration(fakeHost(files), lesson, BASE);
    expect(narration.sources[2]).toBe('reading');
    expect(narration.recordings[2]).toBeNull();
    expect(narration.timings[2]).toEqual(readingStepTiming(lesson.steps[2]!));
    expect(narration.problems).toHaveLength(1);
    expect(narration.problems[0]).toMatch(/^content\/lessons\/en\/tree-of-milk\/step-3\.vtt:\d+:1 the text of cue 2\.\d is not sentence 2\.\d of the lesson \(content\/lessons\/en\/tree-of-milk\.md:\d+:\d+\).*"ten" where the lesson has "nine"/);
    // The other steps keep their voice.
    expect(narration.sources.filter((source) => source === 'recording')).toHaveLength(lesson.steps.length - 1);
  });

  it('spreads a recording without timing over its sentences when narration.json knows its length, and reads it silently when not', async () => {
    const files = shipped();
    files.delete('lessons/en/tree-of-milk/step-2.vtt');
    const spread = await loadNarration(fakeHost(files), lesson, BASE);
    expect(spread.sources[1]).toBe('spread');
    expect(spread.timings[1]).toEqual(spreadByWords(lesson.steps[1]!, manifestSeconds(2)));
    expect(spread.recordings[1]?.file).toBe(`${FOLDER}/step-2.opus`);
    expect(spread.problems).toEqual([]);

    files.delete('lessons/en/tree-of-milk/narration.json');
    const silent = await loadNarration(fakeHost(files), lesson, BASE);
    expect(silent.sources[1]).toBe('reading');
    expect(silent.recordings[1]).toBeNull();
    expect(silent.problems).toEqual([
      `${FOLDER}/step-2.vtt: missing, and the length of ${FOLDER}/step-2.opus is not in narration.json, so the recording cannot be followed; this step is read silently`,
    ]);
  });

  it('does without a narration.json that cannot be read, and says so for a timing file that cannot be read', async () => {
    const files = shipped();
    files.set('lessons/en/tree-of-milk/narration.json', '{ not json');
    const narration = await loadNarration(fakeHost(files, new Set(['lessons/en/tree-of-milk/step-4.vtt'])), lesson, BASE);
    expect(narration.sources[3]).toBe('reading');
    expect(narration.problems).toEqual([`${FOLDER}/step-4.vtt: could not be read (No content file at "lessons/en/tree-of-milk/step-4.vtt"); this step is read silently`]);
    // Without the recordings' lengths, timing files are still followed.
    expect(narration.sources.filter((source) => source === 'recording')).toHaveLength(lesson.steps.length - 1);
  });

  it('has nothing to play for a lesson without narration', async () => {
    const narration = await loadNarration(fakeHost(new Map()), lesson, BASE);
    expect(narration).toEqual({ timings: lesson.steps.map((step) => readingStepTiming(step)), sources: lesson.steps.map(() => 'reading'), recordings: lesson.steps.map(() => null), problems: [] });
  });
});
