import type { Cue } from './narration-vtt';

/**
 * When each sentence of a step is spoken, as contiguous cues from 0 to the end of the audio: each
 * cue runs from the start of its sentence to the start of the next (the pause after a sentence
 * belongs to it), the first starts at 0 and the last ends with the audio. Contiguous cues let the
 * player find the sentence for any playback time, and seek to a sentence by its start.
 */

export interface TimedSentence {
  key: string;
  text: string;
  wordCount: number;
}

/**
 * Timing from the speech engine: `starts[i]` is the sample where sentence i's clip starts in the
 * step's audio, `totalSamples` its length.
 */
export function cuesFromClips(sentences: readonly TimedSentence[], starts: readonly number[], totalSamples: number, sampleRate: number): Cue[] {
  if (starts.length !== sentences.length) throw new Error(`${sentences.length} sentences but ${starts.length} clip starts`);
  const ms = (samples: number) => Math.round((samples * 1000) / sampleRate);
  return sentences.map((sentence, i) => ({
    key: sentence.key,
    text: sentence.text,
    startMs: i === 0 ? 0 : ms(starts[i] as number),
    endMs: i + 1 < starts.length ? ms(starts[i + 1] as number) : ms(totalSamples),
  }));
}

/** The shortest time a sentence may get when a recording's duration is spread over its sentences. */
export const MIN_SPREAD_MS_PER_SENTENCE = 100;

/**
 * Timing without alignment: the recording's duration shared between the sentences in proportion
 * to their word counts (a sentence with no words counts as one). Assumes the teacher reads at an
 * even pace with no long silence at the start or end; the cue boundaries can be off by a second or
 * two in a long step.
 */
export function spreadByWords(sentences: readonly TimedSentence[], durationMs: number): Cue[] {
  if (sentences.length === 0) return [];
  const total = Math.round(durationMs);
  if (!Number.isFinite(durationMs) || total < sentences.length * MIN_SPREAD_MS_PER_SENTENCE) {
    throw new Error(
      `the recording lasts ${(durationMs / 1000).toFixed(3)} s, too short for ${sentences.length} sentence${sentences.length === 1 ? '' : 's'} (at least ${MIN_SPREAD_MS_PER_SENTENCE} ms each)`,
    );
  }
  const weights = sentences.map((sentence) => Math.max(1, sentence.wordCount));
  const sum = weights.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  const bounds = [0, ...weights.map((weight) => Math.round((total * (cumulative += weight)) / sum))];
  return sentences.map((sentence, i) => ({ key: sentence.key, text: sentence.text, startMs: bounds[i] as number, endMs: bounds[i + 1] as number }));
}
