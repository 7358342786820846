/**
 * WAV files for narration, in pure TypeScript: reading a RIFF/WAVE header (any PCM or float
 * layout, for a teacher's recording), reading 16-bit mono PCM (what espeak-ng writes), writing it
 * back, finding where sound starts and ends, and joining sentence clips with pauses into one step.
 */

export interface WavInfo {
  /** 1 = PCM, 3 = IEEE float, 0xFFFE = extensible (its sub-format decides), others compressed. */
  formatTag: number;
  channels: number;
  sampleRate: number;
  /** Average bytes per second, from the header. */
  byteRate: number;
  /** Bytes per sample frame (all channels). */
  blockAlign: number;
  bitsPerSample: number;
  /** Where the sample data starts in the file. */
  dataOffset: number;
  /** Bytes of sample data actually present (a header that claims more than the file holds is clamped). */
  dataLength: number;
  durationSeconds: number;
}

export class WavError extends Error {
  override name = 'WavError';
}

const ascii = (bytes: Uint8Array, offset: number, length: number): string => String.fromCharCode(...bytes.subarray(offset, offset + length));

/** Reads the header of a RIFF/WAVE file. The duration is the data size over the byte rate. */
export function parseWav(bytes: Uint8Array): WavInfo {
  if (bytes.length < 12 || ascii(bytes, 0, 4) !== 'RIFF' || ascii(bytes, 8, 4) !== 'WAVE') {
    throw new WavError('not a WAV file (no RIFF/WAVE header)');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let format: Omit<WavInfo, 'dataOffset' | 'dataLength' | 'durationSeconds'> | null = null;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = ascii(bytes, offset, 4);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > bytes.length) throw new WavError('the WAV format chunk is too short');
      format = {
        formatTag: view.getUint16(body, true),
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        byteRate: view.getUint32(body + 8, true),
        blockAlign: view.getUint16(body + 12, true),
        bitsPerSample: view.getUint16(body + 14, true),
      };
      if (format.formatTag === 0xfffe && size >= 40 && body + 26 <= bytes.length) {
        // WAVE_FORMAT_EXTENSIBLE: the first two bytes of the sub-format GUID are the real format tag.
        format.formatTag = view.getUint16(body + 24, true);
      }
    } else if (id === 'data') {
      if (!format) throw new WavError('the WAV data chunk comes before its format chunk');
      if (format.channels === 0 || format.sampleRate === 0 || format.byteRate === 0 || format.blockAlign === 0) {
        throw new WavError('the WAV format chunk has a zero channel count, sample rate, byte rate or block size');
      }
      // Streamed WAVs (espeak-ng --stdout, for one) leave the size at 0 or 0xFFFFFFFF: use what is there.
      const present = bytes.length - body;
      const claimed = size === 0 || size === 0xffffffff ? present : size;
      const dataLength = Math.min(claimed, present) - (Math.min(claimed, present) % format.blockAlign);
      return { ...format, dataOffset: body, dataLength, durationSeconds: dataLength / format.byteRate };
    }
    offset = body + size + (size % 2);
  }
  throw new WavError(format ? 'the WAV file has no data chunk' : 'the WAV file has no format chunk');
}

/** 16-bit mono PCM: the only layout the narration build joins and encodes itself. */
export interface Pcm16 {
  sampleRate: number;
  samples: Int16Array;
}

/** Reads a 16-bit mono PCM WAV (espeak-ng's output). */
export function readPcm16(bytes: Uint8Array): Pcm16 {
  const info = parseWav(bytes);
  if (info.formatTag !== 1 || info.bitsPerSample !== 16 || info.channels !== 1) {
    throw new WavError(`expected 16-bit mono PCM, got format ${info.formatTag}, ${info.bitsPerSample} bits, ${info.channels} channel(s)`);
  }
  const samples = new Int16Array(info.dataLength / 2);
  const view = new DataView(bytes.buffer, bytes.byteOffset + info.dataOffset, info.dataLength);
  for (let i = 0; i < samples.length; i += 1) samples[i] = view.getInt16(i * 2, true);
  return { sampleRate: info.sampleRate, samples };
}

/** Writes 16-bit mono PCM as a canonical 44-byte-header WAV. */
export function encodeWav({ sampleRate, samples }: Pcm16): Uint8Array {
  const dataLength = samples.length * 2;
  const bytes = new Uint8Array(44 + dataLength);
  const view = new DataView(bytes.buffer);
  const text = (offset: number, value: string) => {
    for (let i = 0; i < value.length; i += 1) bytes[offset + i] = value.charCodeAt(i);
  };
  text(0, 'RIFF');
  view.setUint32(4, 36 + dataLength, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, dataLength, true);
  for (let i = 0; i < samples.length; i += 1) view.setInt16(44 + i * 2, samples[i] as number, true);
  return bytes;
}

/**
 * The part of a clip that holds sound: from the first to the last sample louder than `threshold`,
 * widened by `margin` samples each side (soft consonants fade in and out below the threshold), as
 * `[start, end)`. An all-silent clip gives an empty range at 0.
 */
export function soundRange(samples: Int16Array, threshold: number, margin: number): { start: number; end: number } {
  let first = -1;
  let last = -1;
  for (let i = 0; i < samples.length; i += 1) {
    if (Math.abs(samples[i] as number) > threshold) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) return { start: 0, end: 0 };
  return { start: Math.max(0, first - margin), end: Math.min(samples.length, last + 1 + margin) };
}

export interface JoinedClips {
  samples: Int16Array;
  /** Where each clip starts in `samples`. */
  starts: number[];
}

/**
 * Lays clips end to end: `lead` silent samples first, then each clip followed by `pauses[i]` silent
 * samples (the pause after clip i; the last one is the tail).
 */
export function joinClips(clips: readonly Int16Array[], pauses: readonly number[], lead: number): JoinedClips {
  if (pauses.length !== clips.length) throw new Error(`${clips.length} clips need ${clips.length} pauses, got ${pauses.length}`);
  const total = lead + clips.reduce((sum, clip, i) => sum + clip.length + (pauses[i] as number), 0);
  const samples = new Int16Array(total);
  const starts: number[] = [];
  let at = lead;
  clips.forEach((clip, i) => {
    starts.push(at);
    samples.set(clip, at);
    at += clip.length + (pauses[i] as number);
  });
  return { samples, starts };
}
