import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Language } from '../../src/shared/languages';
import { NARRATION_MANIFEST_FILE } from '../../src/shared/lessons/narration-timing';
import type { TimedSentence } from './narration-timing';

/**
 * What `npm run narration:build` remembers about each lesson's narration, in
 * `content/lessons/<language>/<lesson id>/narration.json`, and how it decides what a step needs:
 * nothing (up to date), speech from the engine, or timing for a teacher's recording.
 */

/** Bumped when the way audio or timing is made changes, so that everything is rebuilt once. */
export const NARRATION_FORMAT = 1;
/** The app reads the recordings' lengths from it too (`parseNarrationManifest`). */
export const MANIFEST_FILE = NARRATION_MANIFEST_FILE;

/** How the speech engine is asked to read, and how the step's audio is put together. */
export interface SpeechSettings {
  engine: 'espeak-ng';
  voice: string;
  /** Words per minute. */
  rateWpm: number;
  /** Silence before the first sentence, between sentences, between paragraphs, after the last. */
  leadMs: number;
  sentencePauseMs: number;
  paragraphPauseMs: number;
  tailMs: number;
  /** Opus target bitrate. */
  bitrateKbps: number;
}

/** espeak-ng voices: British English (the lessons use British spelling) and French of France. */
export const VOICES: Readonly<Record<Language, string>> = { en: 'en-gb', fr: 'fr' };

export function defaultSpeechSettings(language: Language): SpeechSettings {
  return { engine: 'espeak-ng', voice: VOICES[language], rateWpm: 150, leadMs: 200, sentencePauseMs: 450, paragraphPauseMs: 900, tailMs: 600, bitrateKbps: 16 };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
export const sha256Bytes = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A hash of what is said in a step: each sentence's key and text. */
export function textHash(sentences: readonly TimedSentence[]): string {
  return sha256(JSON.stringify(sentences.map((sentence) => [sentence.key, sentence.text])));
}

/**
 * A hash of everything the engine's audio depends on: the sentences (and their paragraphs, which
 * set the pauses), the settings and the format. The engine's version is left out on purpose: a
 * machine with a newer espeak-ng does not rebuild every lesson (run with --force to do so).
 */
export function speechHash(settings: SpeechSettings, sentences: readonly (TimedSentence & { paragraph: number })[]): string {
  const settingsList = Object.entries(settings).sort(([a], [b]) => (a < b ? -1 : 1));
  return sha256(JSON.stringify({ format: NARRATION_FORMAT, settings: settingsList, sentences: sentences.map((s) => [s.key, s.paragraph, s.text]) }));
}

// ---------------------------------------------------------------------------------------------
// The manifest

const hex = z.string().regex(/^[0-9a-f]{64}$/);

const stepEntrySchema = z.object({
  /** The step's number, from 1 (the file names' `n`). */
  step: z.number().int().min(1),
  title: z.string(),
  /** Who made the audio. */
  source: z.enum(['speech-engine', 'recording']),
  /** The audio file's name, e.g. `step-1.opus`. */
  audio: z.string(),
  audioSha256: hex,
  durationMs: z.number().int().min(0),
  /** How the cue times were found: from the engine's clips, spread by word count, or written by hand. */
  timing: z.enum(['speech-engine', 'spread-by-words', 'by-hand']),
  textHash: hex,
  /** For speech-engine audio: the hash it was made from (speechHash), and with what. */
  speechHash: hex.optional(),
  engine: z.string().optional(),
  voice: z.string().optional(),
  rateWpm: z.number().optional(),
  bitrateKbps: z.number().optional(),
  vttSha256: hex,
});
export type StepEntry = z.output<typeof stepEntrySchema>;

const manifestSchema = z.object({
  format: z.number().int(),
  lesson: z.string(),
  language: z.string(),
  note: z.string().optional(),
  steps: z.array(stepEntrySchema),
});
export type Manifest = z.output<typeof manifestSchema>;

export const MANIFEST_NOTE = 'Written by npm run narration:build (see docs/narration.md): do not edit. It records how each step’s audio and timing were made, so that a rerun skips what is up to date.';

export function emptyManifest(lesson: string, language: Language): Manifest {
  return { format: NARRATION_FORMAT, lesson, language, note: MANIFEST_NOTE, steps: [] };
}

/** Reads a manifest; a missing, unreadable or older-format one is `null` (everything is redone). */
export function parseManifest(text: string): Manifest | null {
  try {
    const result = manifestSchema.safeParse(JSON.parse(text));
    return result.success && result.data.format === NARRATION_FORMAT ? result.data : null;
  } catch {
    return null;
  }
}

export function serializeManifest(manifest: Manifest): string {
  const steps = [...manifest.steps].sort((a, b) => a.step - b.step);
  return `${JSON.stringify({ ...manifest, note: MANIFEST_NOTE, steps }, null, 2)}\n`;
}

export function withStep(manifest: Manifest, entry: StepEntry): Manifest {
  return { ...manifest, steps: [...manifest.steps.filter((step) => step.step !== entry.step), entry] };
}

export function withoutStep(manifest: Manifest, step: number): Manifest {
  return { ...manifest, steps: manifest.steps.filter((entry) => entry.step !== step) };
}

// ---------------------------------------------------------------------------------------------
// Planning a step

/** The Opus comment that marks audio made by the narration build, with its speech hash as value. */
export const GENERATED_TAG = 'ATLAS_NARRATION';

/** The audio files found for one step: `step-<n>.opus|ogg|mp3|wav`. */
export interface AudioFile {
  name: string;
  sha256: string;
  /** The value of the ATLAS_NARRATION comment, for an Ogg file that has one; null otherwise. */
  generatedTag: string | null;
}

export interface StepFiles {
  audio: AudioFile[];
  /** The step's .vtt file, if there is one. */
  vtt: { sha256: string } | null;
}

export type StepPlan =
  /** The engine's audio and timing are up to date. */
  | { action: 'up-to-date' }
  /** Make (or remake) the audio with the speech engine. */
  | { action: 'render'; reason: string }
  /** A teacher's recording whose timing is up to date. */
  | { action: 'recording-up-to-date'; recording: string; timing: StepEntry['timing'] }
  /**
   * Time a teacher's recording. `removeGenerated`: engine audio of the same step to delete (the
   * recording replaces it). `vttIsOurs`: the .vtt present was written by the build (so it may be
   * replaced freely); otherwise it may be timing written by hand.
   */
  | { action: 'time-recording'; recording: string; removeGenerated: string[]; vttIsOurs: boolean; reason: string }
  | { action: 'error'; message: string };

/**
 * Whether an audio file was made by the build: it is the file the manifest recorded, or it carries
 * the tag with the speech hash the build would give it now (the build was interrupted after writing
 * the audio and before the manifest). A recording that merely kept an old tag is still a recording.
 */
export function isGenerated(file: AudioFile, entry: StepEntry | undefined, expectedSpeechHash: string): boolean {
  if (!file.name.endsWith('.opus')) return false;
  if (file.generatedTag === expectedSpeechHash) return true;
  return entry?.source === 'speech-engine' && entry.audio === file.name && entry.audioSha256 === file.sha256;
}

/**
 * Decides what a step needs. A recording (any audio file not made by the build) always wins over
 * the engine and is never overwritten; two recordings for one step is an error.
 */
export function planStep(files: StepFiles, entry: StepEntry | undefined, expected: { textHash: string; speechHash: string }, force = false): StepPlan {
  const generated = files.audio.filter((file) => isGenerated(file, entry, expected.speechHash));
  const recordings = files.audio.filter((file) => !isGenerated(file, entry, expected.speechHash));
  const vttMatches = files.vtt !== null && entry !== undefined && files.vtt.sha256 === entry.vttSha256;

  if (recordings.length > 1) {
    return { action: 'error', message: `${recordings.length} recordings for one step (${recordings.map((file) => file.name).join(', ')}): keep only one` };
  }
  const recording = recordings[0];
  if (recording) {
    const same = entry?.source === 'recording' && entry.audio === recording.name && entry.audioSha256 === recording.sha256;
    if (!force && same && entry.textHash === expected.textHash && vttMatches) {
      return { action: 'recording-up-to-date', recording: recording.name, timing: entry.timing };
    }
    const reason = force ? 'forced' : !same ? 'new recording' : entry.textHash !== expected.textHash ? 'the text changed' : files.vtt === null ? 'timing file missing' : 'timing file changed';
    return { action: 'time-recording', recording: recording.name, removeGenerated: generated.map((file) => file.name), vttIsOurs: vttMatches, reason };
  }

  const audio = generated.find((file) => entry !== undefined && file.name === entry.audio && file.sha256 === entry.audioSha256);
  if (!force && entry?.source === 'speech-engine' && entry.speechHash === expected.speechHash && audio && vttMatches) return { action: 'up-to-date' };
  const reason = force
    ? 'forced'
    : entry === undefined || entry.source !== 'speech-engine'
      ? 'new'
      : entry.textHash !== expected.textHash
        ? 'the text changed'
        : entry.speechHash !== expected.speechHash
          ? 'the voice settings changed'
          : !audio
            ? 'audio missing or changed'
            : 'timing file missing or changed';
  return { action: 'render', reason };
}
