import { mp3Duration } from './narration-mp3';
import { readOgg } from './narration-ogg';
import { parseWav } from './narration-wav';

/**
 * The duration of a recording a teacher dropped in, read from the file itself (no tool needed):
 * WAV from its RIFF header, Opus and Vorbis from the Ogg granule position, MP3 by its Xing/Info
 * header or by counting frames. The format is recognised from the bytes, not the file name, so a
 * file with the wrong extension is still measured correctly.
 */

export const RECORDING_EXTENSIONS = ['opus', 'ogg', 'mp3', 'wav'] as const;
export type RecordingExtension = (typeof RECORDING_EXTENSIONS)[number];

export interface AudioDuration {
  /** What the bytes turned out to be. */
  format: 'wav' | 'opus' | 'vorbis' | 'mp3';
  seconds: number;
}

const startsWith = (bytes: Uint8Array, text: string) => [...text].every((char, i) => bytes[i] === char.charCodeAt(0));

export function audioDuration(bytes: Uint8Array): AudioDuration {
  if (startsWith(bytes, 'RIFF')) return { format: 'wav', seconds: parseWav(bytes).durationSeconds };
  if (startsWith(bytes, 'OggS')) {
    const info = readOgg(bytes);
    return { format: info.codec, seconds: info.durationSeconds };
  }
  if (startsWith(bytes, 'ID3') || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0)) return { format: 'mp3', seconds: mp3Duration(bytes) };
  throw new Error('unknown audio format: expected WAV, Ogg (Opus or Vorbis) or MP3');
}
