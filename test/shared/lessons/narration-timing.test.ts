import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContentError } from '../../../src/shared/content/structure-descriptions';
import type { Lesson, Step } from '../../../src/shared/lessons/lesson-types';
import {
  checkNarrationTiming,
  comparableWords,
  formatVttTime,
  manifestAudioDuration,
  narrationAudioPaths,
  narrationFolder,
  narrationManifestPath,
  narrationTiming,
  narrationTimingPath,
  parseNarrationManifest,
  parseWebVtt,
  resolveNarration,
  spreadByWords,
  type VttCue,
} from '../../../src/shared/lessons/narration-timing';
import { load, read } from './lesson-test-support';

const LESSON_FILE = 'test/fixtures/lessons/engine/en/tree-of-milk.md';
const VTT_FILE = 'test/fixtures/narration/en/tree-of-milk/step-3.vtt';
const lesson = load([LESSON_FILE], { checkTranslations: false })[0]?.lesson as Lesson;
const step = lesson.steps[2] as Step;
const fixture = read(VTT_FILE);

const located = (errors: readonly ContentError[]) => errors.map((error) => `${error.line}:${error.column} ${error.message}`);

function cues(text: string): VttCue[] {
  const parsed = parseWebVtt(text, 'x.vtt');
  if (!parsed.ok) throw new Error(located(parsed.errors).join('\n'));
  return parsed.value;
}

function errorsOf(text: string, options = {}): string[] {
  const result = narrationTiming(step, text, VTT_FILE, { lessonFile: LESSON_FILE, ...options });
  if (result.ok) throw new Error('expected errors');
  for (const error of result.errors) expect(error.file).toBe(VTT_FILE);
  return located(result.errors);
}

describe('narration files', () => {
  it('live beside the lesson, one folder per lesson and language, numbered from 1 by the step’s place in the file', () => {
    expect(step.index).toBe(2);
    expect(narrationFolder('en', 'tree-of-milk')).toBe('content/lessons/en/tree-of-milk');
    expect(narrationTimingPath('en', 'tree-of-milk', step)).toBe('content/lessons/en/tree-of-milk/step-3.vtt');
    expect(narrationAudioPaths('fr', 'tree-of-milk', step)).toEqual([
      'content/lessons/fr/tree-of-milk/step-3.opus',
      'content/lessons/fr/tree-of-milk/step-3.ogg',
      'content/lessons/fr/tree-of-milk/step-3.mp3',
      'content/lessons/fr/tree-of-milk/step-3.wav',
    ]);
  });
});

describe('parseWebVtt', () => {
  it('reads the header, skips notes, and gives each cue its identifier, times, text and lines', () => {
    const parsed = cues(fixture);
    expect(parsed.map((cue) => cue.id)).toEqual(['2.0', '2.1', '2.2', '2.3', '2.4']);
    expect(parsed[0]).toMatchObject({ start: 0.5, end: 8.9, line: 8, timingLine: 9, textLine: 10 });
    // Cue settings after the end time are allowed; mm:ss.ttt without hours too.
    expect(parsed[1]).toMatchObject({ start: 9.4, end: 17.3 });
    expect(parsed[2]).toMatchObject({ start: 18.2, end: 19.7 });
    // Tags are not spoken; lines are joined by a space.
    expect(parsed[3]?.text).toBe('On average the first branch comes about eight millimetres from the nipple, and every duct has branched before it leaves the area under the areola.');
  });

  it('accepts a byte-order mark, Windows line ends, cues without identifiers, entities and hours beyond 99', () => {
    const parsed = cues('\uFEFFWEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nFat &amp; ducts &lt;3&gt;&#33;\r\n\r\n100:00:00.000 --> 100:00:01.250\r\nlate\r\n');
    expect(parsed).toMatchObject([
      { id: null, start: 1, end: 2, text: 'Fat & ducts <3>!' },
      { id: null, start: 360_000, end: 360_001.25, text: 'late' },
    ]);
  });

  it('refuses a file that does not start with WEBVTT', () => {
    expect(parseWebVtt('', 'a.vtt')).toEqual({ ok: false, errors: [{ file: 'a.vtt', line: 1, column: 1, message: 'the file is empty: a WebVTT file starts with the line WEBVTT' }] });
    const result = parseWebVtt('WEBVTTX\n\n2.0\n00:00.000 --> 00:01.000\nHi.', 'a.vtt');
    expect(result.ok ? [] : located(result.errors)).toEqual(['1:1 a WebVTT file starts with the line WEBVTT']);
  });

  it('points at the time that is wrong, at its column', () => {
    const result = parseWebVtt('WEBVTT\n\n2.0\n00:00:01.000 --> 00:00:9.400\nA.\n\n2.1\n00:00:70.000 --> 00:01:12.000\nB.\n\n2.2\n00:02.000 --> 00:01.500\nC.', 'a.vtt');
    expect(result.ok ? [] : located(result.errors)).toEqual([
      '4:18 "00:00:9.400" is not a WebVTT time: write hh:mm:ss.mmm or mm:ss.mmm, e.g. 00:00:04.250',
      '8:1 "00:00:70.000": seconds go from 00 to 59',
      '12:15 the cue ends (00:01.500) before it starts (00:02.000)',
    ]);
  });

  it('reports a cue without a timing line, a missing blank line, and cues out of time order', () => {
    const result = parseWebVtt('WEBVTT\n\n2.0\nHello.\n\n2.1\n\n00:00:05.000 --> 00:00:06.000\nA.\n00:00:06.000 --> 00:00:07.000\nB.\n\n00:00:08.000 --> 00:00:09.000\nC.\n\n00:00:01.000 --> 00:00:02.000\nD.', 'a.vtt');
    expect(result.ok ? [] : located(result.errors)).toEqual([
      '4:1 expected a timing line such as 00:00:01.000 --> 00:00:04.000 after the cue identifier "2.0"',
      '6:1 "2.1" stands alone: a cue is its identifier, then a timing line such as 00:00:01.000 --> 00:00:04.000, then its text',
      '10:1 a cue’s text cannot contain "-->": leave a blank line between two cues',
      '16:1 this cue starts (00:00:01.000) before the one above it (00:00:08.000): cues are in order of time',
    ]);
  });

  it('never throws, whatever the text', () => {
    const unit = fc.constantFrom('WEBVTT', '\n', '\n\n', ' --> ', '00:00:01.000', '01:02.003', '2.0', 'NOTE', '<v A>', '&amp;', 'x', ' ', '\r');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (parts) => {
        const result = parseWebVtt(parts.join(''), 'f.vtt');
        if (!result.ok) for (const error of result.errors) expect(error.line).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  it('reads back every time it writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 360_000_000 }), fc.integer({ min: 1, max: 100_000 }), (startMs, lengthMs) => {
        const [cue] = cues(`WEBVTT\n\n${formatVttTime(startMs / 1000)} --> ${formatVttTime((startMs + lengthMs) / 1000)}\nx`);
        expect(Math.round((cue?.start ?? -1) * 1000)).toBe(startMs);
        expect(Math.round((cue?.end ?? -1) * 1000)).toBe(startMs + lengthMs);
      }),
    );
  });
});

describe('checkNarrationTiming', () => {
  it('gives each sentence its times, and the step lasts until the last one ends or the recording does', () => {
    const result = narrationTiming(step, fixture, VTT_FILE);
    expect(result).toEqual({
      ok: true,
      value: {
        sentences: [
          { start: 0.5, end: 8.9 },
          { start: 9.4, end: 17.3 },
          { start: 18.2, end: 19.7 },
          { start: 20.1, end: 29 },
          { start: 29.9, end: 36.6 },
        ],
        duration: 36.6,
      },
    });
    const longer = narrationTiming(step, fixture, VTT_FILE, { audioDuration: 38.25 });
    expect(longer.ok && longer.value.duration).toBe(38.25);
  });

  it('compares the text after normalising case, spaces, apostrophes and punctuation', () => {
    const relaxed = fixture
      .replace('They also branch early.', 'they ALSO   branch — early')
      .replace('From there the branches', '« From there » the branches');
    expect(narrationTiming(step, relaxed, VTT_FILE).ok).toBe(true);
    expect(comparableWords('It’s  a milk-making, “cell”.')).toEqual(comparableWords("it's a milk making cell"));
  });

  it('names the sentence whose text differs, where it is in the lesson, and the first word that differs', () => {
    expect(errorsOf(fixture.replace('shows about nine', 'shows about ten'))).toEqual([
      `10:1 the text of cue 2.0 is not sentence 2.0 of the lesson (${LESSON_FILE}:75:1), "Ultrasound of lactating breasts shows about nine main…": it has "ten" where the lesson has "nine" (word 7)`,
    ]);
    expect(errorsOf(fixture.replace('They also branch early.', 'They also branch.'))).toEqual([
      `18:1 the text of cue 2.2 is not sentence 2.2 of the lesson (${LESSON_FILE}:79:1), "They also branch early.": it stops before "early" (word 4)`,
    ]);
    expect(errorsOf(fixture.replace('They also branch early.', 'They also branch early. Very early.'))).toEqual([
      `18:1 the text of cue 2.2 is not sentence 2.2 of the lesson (${LESSON_FILE}:79:1), "They also branch early.": it goes on after the sentence's end with "very" (word 5)`,
    ]);
  });

  it('wants one cue per sentence, identified by its key, in the sentences’ order', () => {
    // A sentence with no cue.
    const withoutLast = fixture.slice(0, fixture.indexOf('2.4\n'));
    expect(errorsOf(withoutLast)).toEqual([
      `20:1 sentence 2.4 (${LESSON_FILE}:81:1), "From there the branches divide again and again,…", has no cue in this file`,
    ]);
    // No identifier, or one of another step.
    expect(errorsOf(fixture.replace('2.2\n00:18', '00:18'))).toEqual([
      '16:1 this cue has no identifier: start each cue with the key of its sentence (here 2.0 to 2.4) on the line above its times',
      `19:1 sentence 2.2 (${LESSON_FILE}:79:1), "They also branch early.", has no cue in this file`,
    ]);
    expect(errorsOf(fixture.replace('2.2\n00:18', '3.2\n00:18'))[0]).toBe('16:1 "3.2" is not a sentence of this step (its sentences are 2.0 to 2.4): it belongs to step 4, and this file times step 3');
    // Twice the same key.
    expect(errorsOf(fixture.replace('2.2\n00:18', '2.1\n00:18'))[0]).toBe('16:1 sentence 2.1 has a second cue here (the first is at line 12): one cue per sentence');
  });

  it('refuses cues out of order and sentences that overlap', () => {
    // In time order, but sentence 2.1 is said before 2.0.
    const swapped = `WEBVTT\n\n2.1\n00:00:00.500 --> 00:00:08.900\n${cueText(1)}\n\n2.0\n00:00:09.400 --> 00:00:17.300\n${cueText(0)}\n\n${fixture.slice(fixture.indexOf('2.2\n'))}`;
    expect(errorsOf(swapped)).toEqual([
      '4:1 cue 2.1 starts at 00:00:00.500, before cue 2.0 ends (00:00:17.300): sentences do not overlap',
      '7:1 cue 2.0 comes after cue 2.1: the cues follow the sentences in order',
    ]);
    expect(errorsOf(fixture.replace('00:00:09.400 --> 00:00:17.300', '00:00:08.000 --> 00:00:17.300'))).toEqual([
      '13:1 cue 2.1 starts at 00:00:08.000, before cue 2.0 ends (00:00:08.900): sentences do not overlap',
    ]);
  });

  it('refuses a timing that runs past the end of the recording', () => {
    expect(errorsOf(fixture, { audioDuration: 30, audioFile: 'content/lessons/en/tree-of-milk/step-3.opus' })).toEqual([
      '26:18 cue 2.4 ends at 00:00:36.600, after the end of the recording (content/lessons/en/tree-of-milk/step-3.opus) at 00:00:30.000',
    ]);
    // A little rounding is forgiven.
    expect(narrationTiming(step, fixture, VTT_FILE, { audioDuration: 36.5 }).ok).toBe(true);
  });

  it('checks parsed cues directly too', () => {
    const parsed = cues(fixture);
    expect(checkNarrationTiming(step, parsed.slice(1), VTT_FILE).ok).toBe(false);
    expect(checkNarrationTiming(step, parsed, VTT_FILE).ok).toBe(true);
  });
});

function cueText(i: number): string {
  return step.sentences[i]?.text ?? '';
}

describe('spreadByWords', () => {
  it('shares a recording among its sentences by word count, with a word’s worth of silence between them', () => {
    const timing = spreadByWords(step, 36);
    const words = step.sentences.map((sentence) => sentence.wordCount);
    const units = words.reduce((a, b) => a + b, 0) + words.length - 1;
    expect(timing.duration).toBe(36);
    expect(timing.sentences[0]?.start).toBe(0);
    expect(timing.sentences.at(-1)?.end).toBe(36);
    timing.sentences.forEach((sentence, i) => {
      expect(sentence.end - sentence.start).toBeCloseTo(((words[i] as number) * 36) / units, 9);
      const next = timing.sentences[i + 1];
      if (next) expect(next.start - sentence.end).toBeCloseTo(36 / units, 9);
    });
  });

  it('copes with nothing to spread', () => {
    expect(spreadByWords(step, Number.NaN).sentences.every((sentence) => sentence.start === 0 && sentence.end === 0)).toBe(true);
    expect(spreadByWords({ sentences: [] }, 10)).toEqual({ sentences: [], duration: 10 });
  });
});

describe('resolveNarration', () => {
  const reading = (s: Step) => ({ sentences: s.sentences.map(() => ({ start: 0, end: 1 })), duration: 99 });
  const audio = (n: number) => `content/lessons/en/tree-of-milk/step-${n}.opus`;

  it('uses a timing file that fits, spreads a recording without one, and reads the rest', () => {
    const files = lesson.steps.map(() => null as Parameters<typeof resolveNarration>[1][number]);
    files[2] = { audioFile: audio(3), audioDuration: 37, vttFile: VTT_FILE, vttText: fixture };
    files[1] = { audioFile: audio(2), audioDuration: 30, vttFile: null, vttText: null };
    files[3] = { audioFile: audio(4), vttFile: null, vttText: null };
    const result = resolveNarration(lesson, files, reading);
    expect(result.sources).toEqual(['reading', 'spread', 'recording', 'reading', 'reading', 'reading', 'reading']);
    expect(result.timings[2]?.duration).toBe(37);
    expect(result.timings[1]).toEqual(spreadByWords(step1(), 30));
    expect(result.timings[0]?.duration).toBe(99);
    expect(result.errors).toEqual([]);
  });

  it('reads a step whose timing file does not fit, and says why, file and line', () => {
    const files = lesson.steps.map(() => null as Parameters<typeof resolveNarration>[1][number]);
    files[2] = { audioFile: audio(3), audioDuration: 20, vttFile: VTT_FILE, vttText: fixture.replace('They also', 'We also') };
    const result = resolveNarration(lesson, files, reading);
    expect(result.sources[2]).toBe('reading');
    expect(result.errors.map((error) => `${error.file}:${error.line}:${error.column}`)).toEqual([`${VTT_FILE}:18:1`, `${VTT_FILE}:21:18`]);
    expect(result.errors[1]?.message).toContain('cue 2.3 ends at 00:00:29.000, after the end of the recording (content/lessons/en/tree-of-milk/step-3.opus) at 00:00:20.000');
  });
});

function step1(): Step {
  return lesson.steps[1] as Step;
}

describe('narration.json', () => {
  const manifest = JSON.stringify({
    format: 1,
    lesson: 'tree-of-milk',
    steps: [
      { step: 1, audio: 'step-1.opus', durationMs: 40142, timing: 'speech-engine' },
      { step: 2, audio: 'step-2.mp3', durationMs: 31913 },
      { step: 3, audio: 'step-3.opus' },
      { step: 0, audio: 'step-0.opus', durationMs: 1000 },
      { step: 4, audio: 'step-4.opus', durationMs: -5 },
      'nonsense',
    ],
  });

  it('lives in the narration folder', () => {
    expect(narrationManifestPath('fr', 'tree-of-milk')).toBe('content/lessons/fr/tree-of-milk/narration.json');
  });

  it('gives each step’s recording and length, passing over entries without them', () => {
    expect(parseNarrationManifest(manifest)).toEqual(
      new Map([
        [1, { audio: 'step-1.opus', seconds: 40.142 }],
        [2, { audio: 'step-2.mp3', seconds: 31.913 }],
      ]),
    );
    for (const text of ['', 'not json', '[]', 'null', '{"steps":{}}']) expect(parseNarrationManifest(text), text).toBeNull();
  });

  it('gives a recording’s length only when the manifest describes that very file', () => {
    const parsed = parseNarrationManifest(manifest);
    const [first, second] = lesson.steps as [Step, Step];
    expect(manifestAudioDuration(parsed, first, 'content/lessons/en/tree-of-milk/step-1.opus')).toBe(40.142);
    // A recording dropped in since the build has another name, or the same name in another format.
    expect(manifestAudioDuration(parsed, first, 'content/lessons/en/tree-of-milk/step-1.wav')).toBeNull();
    expect(manifestAudioDuration(parsed, second, 'content/lessons/en/tree-of-milk/step-2.mp3')).toBe(31.913);
    expect(manifestAudioDuration(parsed, step, 'content/lessons/en/tree-of-milk/step-3.opus')).toBeNull();
    expect(manifestAudioDuration(null, first, 'content/lessons/en/tree-of-milk/step-1.opus')).toBeNull();
  });
});
