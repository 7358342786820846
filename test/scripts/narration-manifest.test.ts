import { describe, expect, it } from 'vitest';
import {
  defaultSpeechSettings,
  emptyManifest,
  isGenerated,
  NARRATION_FORMAT,
  parseManifest,
  planStep,
  serializeManifest,
  speechHash,
  textHash,
  withoutStep,
  withStep,
  type AudioFile,
  type StepEntry,
} from '../../scripts/lib/narration-manifest';

const sentences = [
  { key: '0.0', text: 'Seen from outside, the breast is skin.', wordCount: 7, paragraph: 0 },
  { key: '0.1', text: 'It is built like a tree.', wordCount: 6, paragraph: 1 },
];
const settings = defaultSpeechSettings('en');
const hashes = { textHash: textHash(sentences), speechHash: speechHash(settings, sentences) };
const h = (c: string) => c.repeat(64);

describe('hashes', () => {
  it('change with the text, and only the speech hash with the settings or paragraphs', () => {
    const edited = [sentences[0], { ...sentences[1], text: 'It is built like an oak.' }] as typeof sentences;
    expect(textHash(edited)).not.toBe(hashes.textHash);
    expect(speechHash(settings, edited)).not.toBe(hashes.speechHash);

    const regrouped = sentences.map((sentence) => ({ ...sentence, paragraph: 0 }));
    expect(textHash(regrouped)).toBe(hashes.textHash);
    expect(speechHash(settings, regrouped)).not.toBe(hashes.speechHash);

    expect(speechHash({ ...settings, rateWpm: 160 }, sentences)).not.toBe(hashes.speechHash);
    expect(speechHash({ ...settings, voice: 'en-us' }, sentences)).not.toBe(hashes.speechHash);
    expect(speechHash(defaultSpeechSettings('fr'), sentences)).not.toBe(hashes.speechHash);
  });

  it('do not depend on the order settings are written in, nor on word counts', () => {
    const reordered = Object.fromEntries(Object.entries(settings).reverse()) as typeof settings;
    expect(speechHash(reordered, sentences)).toBe(hashes.speechHash);
    expect(textHash(sentences.map((sentence) => ({ ...sentence, wordCount: 99 })))).toBe(hashes.textHash);
  });

  it('use a calm rate and a voice per language', () => {
    expect(defaultSpeechSettings('en')).toMatchObject({ engine: 'espeak-ng', voice: 'en-gb', rateWpm: 150 });
    expect(defaultSpeechSettings('fr')).toMatchObject({ voice: 'fr', rateWpm: 150 });
  });
});

const speechEntry: StepEntry = {
  step: 1,
  title: 'A tree',
  source: 'speech-engine',
  audio: 'step-1.opus',
  audioSha256: h('a'),
  durationMs: 5000,
  timing: 'speech-engine',
  textHash: hashes.textHash,
  speechHash: hashes.speechHash,
  engine: 'espeak-ng 1.51',
  voice: 'en-gb',
  rateWpm: 150,
  bitrateKbps: 16,
  vttSha256: h('b'),
};
const recordingEntry: StepEntry = {
  step: 1,
  title: 'A tree',
  source: 'recording',
  audio: 'step-1.mp3',
  audioSha256: h('c'),
  durationMs: 7000,
  timing: 'spread-by-words',
  textHash: hashes.textHash,
  vttSha256: h('d'),
};
const generatedOpus: AudioFile = { name: 'step-1.opus', sha256: h('a'), generatedTag: hashes.speechHash };
const vtt = (sha: string) => ({ sha256: sha });

describe('manifest files', () => {
  it('round-trip, steps sorted, with a note for whoever opens the file', () => {
    const manifest = withStep(withStep(emptyManifest('tree-of-milk', 'en'), { ...recordingEntry, step: 3 }), speechEntry);
    const text = serializeManifest(manifest);
    expect(text.endsWith('}\n')).toBe(true);
    const back = parseManifest(text);
    expect(back?.steps.map((step) => step.step)).toEqual([1, 3]);
    expect(back?.note).toMatch(/do not edit/);
    expect(withoutStep(back ?? manifest, 3).steps.map((step) => step.step)).toEqual([1]);
    expect(withStep(manifest, { ...speechEntry, title: 'New' }).steps.filter((step) => step.step === 1)).toHaveLength(1);
  });

  it('are ignored (everything redone) when unreadable, invalid or of another format', () => {
    expect(parseManifest('{')).toBeNull();
    expect(parseManifest('{"format": 1}')).toBeNull();
    expect(parseManifest(JSON.stringify({ ...emptyManifest('x', 'en'), format: NARRATION_FORMAT + 1 }))).toBeNull();
    expect(parseManifest(JSON.stringify({ ...emptyManifest('x', 'en'), steps: [{ ...speechEntry, audioSha256: 'short' }] }))).toBeNull();
  });
});

describe('isGenerated', () => {
  it('knows the build’s own Opus files by the manifest’s checksum or by the tag it would write now', () => {
    expect(isGenerated({ ...generatedOpus, generatedTag: null }, speechEntry, hashes.speechHash)).toBe(true);
    expect(isGenerated({ ...generatedOpus, sha256: h('e') }, undefined, hashes.speechHash)).toBe(true);
  });

  it('takes anything else for a recording: other formats, other checksums, stale tags', () => {
    expect(isGenerated({ name: 'step-1.mp3', sha256: h('a'), generatedTag: null }, speechEntry, hashes.speechHash)).toBe(false);
    expect(isGenerated({ name: 'step-1.opus', sha256: h('e'), generatedTag: null }, speechEntry, hashes.speechHash)).toBe(false);
    expect(isGenerated({ name: 'step-1.opus', sha256: h('e'), generatedTag: h('0') }, speechEntry, hashes.speechHash)).toBe(false);
    expect(isGenerated({ name: 'step-1.opus', sha256: h('a'), generatedTag: null }, recordingEntry, hashes.speechHash)).toBe(false);
  });
});

describe('planStep', () => {
  it('renders a new step', () => {
    expect(planStep({ audio: [], vtt: null }, undefined, hashes)).toEqual({ action: 'render', reason: 'new' });
  });

  it('skips a step whose audio, timing and hash all match', () => {
    expect(planStep({ audio: [generatedOpus], vtt: vtt(speechEntry.vttSha256) }, speechEntry, hashes)).toEqual({ action: 'up-to-date' });
  });

  it('renders again when the text or the settings change, a file is missing or edited, or when forced', () => {
    const files = { audio: [generatedOpus], vtt: vtt(speechEntry.vttSha256) };
    expect(planStep(files, { ...speechEntry, textHash: h('1'), speechHash: h('1') }, hashes)).toMatchObject({ action: 'render', reason: 'the text changed' });
    expect(planStep(files, { ...speechEntry, speechHash: h('1') }, hashes)).toMatchObject({ action: 'render', reason: 'the voice settings changed' });
    expect(planStep({ ...files, audio: [] }, speechEntry, hashes)).toMatchObject({ action: 'render', reason: 'audio missing or changed' });
    expect(planStep({ ...files, vtt: null }, speechEntry, hashes)).toMatchObject({ action: 'render', reason: 'timing file missing or changed' });
    expect(planStep({ ...files, vtt: vtt(h('9')) }, speechEntry, hashes)).toMatchObject({ action: 'render' });
    expect(planStep(files, speechEntry, hashes, true)).toMatchObject({ action: 'render', reason: 'forced' });
  });

  it('never renders over a recording: a teacher’s Opus file takes the place of the engine’s', () => {
    const teacher: AudioFile = { name: 'step-1.opus', sha256: h('f'), generatedTag: null };
    expect(planStep({ audio: [teacher], vtt: vtt(speechEntry.vttSha256) }, speechEntry, hashes)).toEqual({
      action: 'time-recording',
      recording: 'step-1.opus',
      removeGenerated: [],
      vttIsOurs: true,
      reason: 'new recording',
    });
  });

  it('times a recording dropped beside the engine’s audio, and removes the engine’s file', () => {
    const mp3: AudioFile = { name: 'step-1.mp3', sha256: h('c'), generatedTag: null };
    expect(planStep({ audio: [generatedOpus, mp3], vtt: vtt(speechEntry.vttSha256) }, speechEntry, hashes)).toMatchObject({
      action: 'time-recording',
      recording: 'step-1.mp3',
      removeGenerated: ['step-1.opus'],
      vttIsOurs: true,
    });
  });

  it('keeps a recording’s timing while the recording, the text and the .vtt are unchanged', () => {
    const mp3: AudioFile = { name: 'step-1.mp3', sha256: h('c'), generatedTag: null };
    expect(planStep({ audio: [mp3], vtt: vtt(h('d')) }, recordingEntry, hashes)).toEqual({ action: 'recording-up-to-date', recording: 'step-1.mp3', timing: 'spread-by-words' });
    expect(planStep({ audio: [mp3], vtt: vtt(h('d')) }, { ...recordingEntry, textHash: h('1') }, hashes)).toMatchObject({ action: 'time-recording', reason: 'the text changed', vttIsOurs: true });
    expect(planStep({ audio: [{ ...mp3, sha256: h('2') }], vtt: vtt(h('d')) }, recordingEntry, hashes)).toMatchObject({ action: 'time-recording', reason: 'new recording' });
    expect(planStep({ audio: [mp3], vtt: null }, recordingEntry, hashes)).toMatchObject({ action: 'time-recording', reason: 'timing file missing', vttIsOurs: false });
    expect(planStep({ audio: [mp3], vtt: vtt(h('3')) }, recordingEntry, hashes)).toMatchObject({ action: 'time-recording', reason: 'timing file changed', vttIsOurs: false });
  });

  it('treats a .vtt the build did not write as possibly written by hand', () => {
    const wav: AudioFile = { name: 'step-1.wav', sha256: h('c'), generatedTag: null };
    expect(planStep({ audio: [wav], vtt: vtt(h('4')) }, undefined, hashes)).toMatchObject({ action: 'time-recording', vttIsOurs: false });
  });

  it('refuses two recordings for one step', () => {
    const files = { audio: [{ name: 'step-1.mp3', sha256: h('c'), generatedTag: null }, { name: 'step-1.wav', sha256: h('e'), generatedTag: null }], vtt: null };
    expect(planStep(files, undefined, hashes)).toEqual({ action: 'error', message: '2 recordings for one step (step-1.mp3, step-1.wav): keep only one' });
  });
});
