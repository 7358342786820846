/**
 * The duration of an MP3 file (MPEG-1, 2 or 2.5, layer I, II or III), in pure TypeScript.
 *
 * An ID3v2 tag at the start is skipped. If the first frame is a Xing/Info or VBRI header (what
 * LAME and most encoders write), its frame count gives the duration. Otherwise every frame is
 * walked and counted, which is exact for constant and variable bitrate alike. The encoder delay
 * and padding (a few dozen milliseconds) are not subtracted.
 */

export class Mp3Error extends Error {
  override name = 'Mp3Error';
}

export interface Mp3Frame {
  /** 1, 2 or 2.5. */
  version: 1 | 2 | 2.5;
  layer: 1 | 2 | 3;
  bitrateKbps: number;
  sampleRate: number;
  channels: 1 | 2;
  /** Bytes, header included. */
  length: number;
  samples: number;
}

// Bitrates in kbit/s by [version group][layer], index 1..14 (0 is "free format", 15 is invalid).
const BITRATES: Record<'v1' | 'v2', Record<1 | 2 | 3, number[]>> = {
  v1: {
    1: [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
    2: [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
    3: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  },
  v2: {
    1: [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
    2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
    3: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  },
};
const SAMPLE_RATES: Record<1 | 2 | 2.5, number[]> = { 1: [44100, 48000, 32000], 2: [22050, 24000, 16000], 2.5: [11025, 12000, 8000] };

/** Reads the 4-byte frame header at `at`, or null if there is no valid one. */
export function parseFrameHeader(bytes: Uint8Array, at: number): Mp3Frame | null {
  if (at + 4 > bytes.length) return null;
  const b1 = bytes[at + 1] as number;
  const b2 = bytes[at + 2] as number;
  const b3 = bytes[at + 3] as number;
  if (bytes[at] !== 0xff || (b1 & 0xe0) !== 0xe0) return null;
  const versionBits = (b1 >> 3) & 3;
  const layerBits = (b1 >> 1) & 3;
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 3;
  if (versionBits === 1 || layerBits === 0 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null;
  const version = versionBits === 3 ? 1 : versionBits === 2 ? 2 : 2.5;
  const layer = (4 - layerBits) as 1 | 2 | 3;
  const bitrateKbps = BITRATES[version === 1 ? 'v1' : 'v2'][layer][bitrateIndex] as number;
  const sampleRate = SAMPLE_RATES[version][rateIndex] as number;
  const padding = (b2 >> 1) & 1;
  const channels = b3 >> 6 === 3 ? 1 : 2;
  const samples = layer === 1 ? 384 : layer === 3 && version !== 1 ? 576 : 1152;
  const length = layer === 1 ? (Math.floor((12 * bitrateKbps * 1000) / sampleRate) + padding) * 4 : Math.floor(((samples / 8) * bitrateKbps * 1000) / sampleRate) + padding;
  return { version, layer, bitrateKbps, sampleRate, channels, length, samples };
}

/** Where the audio starts: after an ID3v2 tag (and its footer), if there is one. */
function audioStart(bytes: Uint8Array): number {
  if (bytes.length >= 10 && bytes[0] === 0x49 && bytes[1] === 0x44 && bytes[2] === 0x33) {
    const size = (((bytes[6] as number) & 0x7f) << 21) | (((bytes[7] as number) & 0x7f) << 14) | (((bytes[8] as number) & 0x7f) << 7) | ((bytes[9] as number) & 0x7f);
    const footer = ((bytes[5] as number) & 0x10) !== 0 ? 10 : 0;
    return 10 + size + footer;
  }
  return 0;
}

/** The frame count of a Xing/Info or VBRI header in the frame at `at`, or null. */
function headerFrameCount(bytes: Uint8Array, at: number, frame: Mp3Frame): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (offset: number) => (offset + 4 <= bytes.length ? String.fromCharCode(...bytes.subarray(offset, offset + 4)) : '');
  // Xing/Info sits after the side information, whose size depends on the version and channels.
  const sideInfo = frame.version === 1 ? (frame.channels === 1 ? 17 : 32) : frame.channels === 1 ? 9 : 17;
  const xing = at + 4 + sideInfo;
  if (frame.layer === 3 && (tag(xing) === 'Xing' || tag(xing) === 'Info') && xing + 12 <= bytes.length) {
    const flags = view.getUint32(xing + 4, false);
    if (flags & 1) return view.getUint32(xing + 8, false);
    return null;
  }
  const vbri = at + 4 + 32;
  if (tag(vbri) === 'VBRI' && vbri + 18 <= bytes.length) return view.getUint32(vbri + 14, false);
  return null;
}

/** The duration of an MP3 file in seconds. */
export function mp3Duration(bytes: Uint8Array): number {
  let at = audioStart(bytes);
  // Find the first frame: a valid header followed by another valid header (or the end of the file).
  let first: Mp3Frame | null = null;
  const limit = Math.min(bytes.length, at + 64 * 1024);
  for (; at < limit; at += 1) {
    const frame = parseFrameHeader(bytes, at);
    if (!frame) continue;
    const next = at + frame.length;
    if (next === bytes.length || parseFrameHeader(bytes, next)) {
      first = frame;
      break;
    }
  }
  if (!first) throw new Mp3Error('no MPEG audio frame found (is it really an MP3 file?)');

  const counted = headerFrameCount(bytes, at, first);
  if (counted !== null) return (counted * first.samples) / first.sampleRate;

  let seconds = 0;
  for (let frame: Mp3Frame | null = first; frame; frame = parseFrameHeader(bytes, at)) {
    if (at + frame.length > bytes.length) break; // a truncated last frame
    seconds += frame.samples / frame.sampleRate;
    at += frame.length;
  }
  return seconds;
}
