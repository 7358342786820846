import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cuesFromClips, MIN_SPREAD_MS_PER_SENTENCE, spreadByWords, type TimedSentence } from '../../scripts/lib/narration-timing';
import { checkCues, formatTimestamp, parseTimestamp, parseVtt, writeVtt, type Cue } from '../../scripts/lib/narration-vtt';

const sentences: TimedSentence[] = [
  { key: '2.0', text: 'Ultrasound shows about nine main ducts.', wordCount: 6 },
  { key: '2.1', text: 'They are narrow.', wordCount: 3 },
  { key: '2.2', text: 'They branch early, within 8 mm & less.', wordCount: 7 },
];

describe('timestamps', () => {
  it('are hh:mm:ss.ttt, hours always written', () => {
    expect(formatTimestamp(0)).toBe('00:00:00.000');
    expect(formatTimestamp(1250)).toBe('00:00:01.250');
    expect(formatTimestamp(4_100)).toBe('00:00:04.100');
    expect(formatTimestamp(3_723_004)).toBe('01:02:03.004');
    expect(() => formatTimestamp(1.5)).toThrow(RangeError);
    expect(() => formatTimestamp(-1)).toThrow(RangeError);
  });

  it('read back what they write, with or without hours', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 99 * 3_600_000 }), (ms) => parseTimestamp(formatTimestamp(ms)) === ms));
    expect(parseTimestamp('01:02.500')).toBe(62_500);
    expect(parseTimestamp('1:02.500')).toBeNull();
    expect(parseTimestamp('00:61:00.000')).toBeNull();
  });
});

describe('writeVtt', () => {
  it('writes the agreed layout: header, blank line, then per sentence key, timing, text, blank line', () => {
    const cues: Cue[] = [
      { key: '2.0', startMs: 0, endMs: 1250, text: 'First.' },
      { key: '2.1', startMs: 1250, endMs: 4100, text: 'Second.' },
    ];
    expect(writeVtt(cues)).toBe('WEBVTT\n\n2.0\n00:00:00.000 --> 00:00:01.250\nFirst.\n\n2.1\n00:00:01.250 --> 00:00:04.100\nSecond.\n\n');
  });

  it('escapes &, < and > in the text (so --> cannot appear), keeps non-breaking spaces, puts a line break on one line', () => {
    const vtt = writeVtt([{ key: '0.0', startMs: 0, endMs: 10, text: 'A & B <i> --> C\u202f? D\u00a0: E\nF' }]);
    expect(vtt.split('\n')[4]).toBe('A &amp; B &lt;i&gt; --&gt; C\u202f? D\u00a0: E F');
    expect(parseVtt(vtt).cues[0]?.text).toBe('A & B <i> --> C\u202f? D\u00a0: E F');
  });

  it('refuses an identifier that would break the file', () => {
    expect(() => writeVtt([{ key: 'a\nb', startMs: 0, endMs: 1, text: 'x' }])).toThrow(/identifier/);
    expect(() => writeVtt([{ key: 'a --> b', startMs: 0, endMs: 1, text: 'x' }])).toThrow(/identifier/);
  });
});

describe('parseVtt', () => {
  it('reads what writeVtt writes', () => {
    const cues = spreadByWords(sentences, 12_345);
    expect(parseVtt(writeVtt(cues))).toEqual({ cues, errors: [] });
  });

  it('reads files written elsewhere: BOM, CRLF, header text, NOTE blocks, cues without identifiers, settings, two payload lines', () => {
    const text = '\uFEFFWEBVTT - by hand\r\nKind: captions\r\n\r\nNOTE aligned in a subtitle editor\r\n\r\n0.0\r\n00:01.000 --> 00:02.500 align:start\r\nOne\r\ntwo\r\n\r\n00:00:02.500 --> 00:00:03.000\r\nThree\r\n';
    expect(parseVtt(text)).toEqual({
      cues: [
        { key: '0.0', startMs: 1000, endMs: 2500, text: 'One two' },
        { key: '', startMs: 2500, endMs: 3000, text: 'Three' },
      ],
      errors: [],
    });
  });

  it('reports a missing header and bad timing lines with their line numbers', () => {
    expect(parseVtt('0.0\n00:00:00.000 --> 00:00:01.000\nHi\n').errors[0]).toMatch(/^line 1: a WebVTT file starts with WEBVTT/);
    expect(parseVtt('WEBVTT\n\n0.0\n0:00 --> 1:00\nHi\n').errors).toEqual(['line 4: expected a timing line such as 00:00:01.250 --> 00:00:04.100']);
  });
});

describe('checkCues', () => {
  const good = spreadByWords(sentences, 10_000);

  it('accepts contiguous cues with the sentences’ keys and texts covering the audio', () => {
    expect(checkCues(good, sentences, 10_000)).toEqual([]);
  });

  it('finds wrong keys, reversed or overlapping times, changed text, and cues that miss or overrun the audio', () => {
    const at = (i: number, change: Partial<Cue>) => good.map((cue, j) => (i === j ? { ...cue, ...change } : cue));
    expect(checkCues(good.slice(0, 2), sentences, 10_000)[0]).toMatch(/identifiers are \[2.0 2.1\], the step's sentences are \[2.0 2.1 2.2\]/);
    expect(checkCues(at(1, { endMs: 100 }), sentences, 10_000)).toContain(`cue 2.1 ends (00:00:00.100) before it starts (${formatTimestamp(good[1]?.startMs ?? 0)})`);
    expect(checkCues(at(2, { startMs: 1 }), sentences, 10_000)).toContain('cue 2.2 starts before cue 2.1 ends');
    expect(checkCues(at(0, { text: 'Old text.' }), sentences, 10_000)).toEqual(['cue 2.0 does not have the sentence\'s text']);
    expect(checkCues(good, sentences, 12_000)[0]).toMatch(/before the audio does/);
    expect(checkCues(good, sentences, 8_000)[0]).toMatch(/after the audio/);
    expect(checkCues(good, sentences, 12_000, { mustCover: false })).toEqual([]);
  });
});

describe('spreadByWords', () => {
  it('shares the duration in proportion to the words, contiguously from 0 to the end', () => {
    expect(spreadByWords(sentences, 16_000).map((cue) => [cue.key, cue.startMs, cue.endMs])).toEqual([
      ['2.0', 0, 6000],
      ['2.1', 6000, 9000],
      ['2.2', 9000, 16_000],
    ]);
  });

  it('counts a sentence with no words as one word', () => {
    const cues = spreadByWords([{ key: '0.0', text: '…', wordCount: 0 }, { key: '0.1', text: 'One two three.', wordCount: 3 }], 4000);
    expect(cues.map((cue) => cue.endMs)).toEqual([1000, 4000]);
  });

  it('always gives cues that pass checkCues (contiguous, increasing, covering the audio)', () => {
    const arbitrary = fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(arbitrary, fc.integer({ min: 0, max: 600_000 }), (counts, extra) => {
        const list = counts.map((wordCount, i) => ({ key: `1.${i}`, text: `Sentence ${i}.`, wordCount }));
        // Keep each sentence's share of the time above a millisecond.
        const weights = counts.map((count) => Math.max(1, count));
        const duration = Math.max(list.length * MIN_SPREAD_MS_PER_SENTENCE, Math.ceil((2 * weights.reduce((a, b) => a + b, 0)) / Math.min(...weights))) + extra;
        return checkCues(spreadByWords(list, duration), list, duration, { toleranceMs: 0 }).length === 0;
      }),
    );
  });

  it('refuses a recording too short for its sentences', () => {
    expect(() => spreadByWords(sentences, 250)).toThrow(/lasts 0.250 s, too short for 3 sentences \(at least 100 ms each\)/);
    expect(() => spreadByWords(sentences, Number.NaN)).toThrow(/too short/);
    expect(spreadByWords([], 0)).toEqual([]);
  });
});

describe('cuesFromClips', () => {
  it('starts each cue where its clip starts (the first at 0) and ends the last with the audio', () => {
    const cues = cuesFromClips(sentences, [4410, 22050, 44100], 66150, 22050);
    expect(cues.map((cue) => [cue.key, cue.startMs, cue.endMs])).toEqual([
      ['2.0', 0, 1000],
      ['2.1', 1000, 2000],
      ['2.2', 2000, 3000],
    ]);
    expect(checkCues(cues, sentences, 3000, { toleranceMs: 0 })).toEqual([]);
  });

  it('needs one start per sentence', () => {
    expect(() => cuesFromClips(sentences, [0], 10, 1000)).toThrow(/3 sentences but 1 clip starts/);
  });
});
