import { describe, expect, it } from 'vitest';
import { encodeWav, joinClips, parseWav, readPcm16, soundRange, WavError } from '../../scripts/lib/narration-wav';

/** A RIFF/WAVE file from its chunks, each `[id, body]` (odd bodies padded, as RIFF requires). */
function riff(chunks: [string, Uint8Array][]): Uint8Array {
  const parts: Uint8Array[] = [ascii('WAVE')];
  for (const [id, body] of chunks) parts.push(ascii(id), new Uint8Array(u32(body.length)), body, new Uint8Array(body.length % 2));
  const size = parts.reduce((sum, part) => sum + part.length, 0);
  return concat([ascii('RIFF'), new Uint8Array(u32(size)), ...parts]);
}
const ascii = (text: string) => new TextEncoder().encode(text);
function concat(parts: Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}
const u32 = (n: number) => [n & 255, (n >> 8) & 255, (n >> 16) & 255, (n >>> 24) & 255];
const u16 = (n: number) => [n & 255, (n >> 8) & 255];
const fmt = (tag: number, channels: number, rate: number, bits: number) => {
  const block = (channels * bits) / 8;
  return new Uint8Array([...u16(tag), ...u16(channels), ...u32(rate), ...u32(rate * block), ...u16(block), ...u16(bits)]);
};

describe('parseWav', () => {
  it('reads the format and measures the duration from the data size and byte rate', () => {
    const info = parseWav(riff([['fmt ', fmt(1, 2, 44100, 16)], ['data', new Uint8Array(44100 * 4 * 2)]]));
    expect(info).toMatchObject({ formatTag: 1, channels: 2, sampleRate: 44100, bitsPerSample: 16, blockAlign: 4, dataOffset: 44 });
    expect(info.durationSeconds).toBe(2);
  });

  it('skips other chunks, odd-sized ones included, before the data', () => {
    const info = parseWav(riff([['fmt ', fmt(1, 1, 8000, 16)], ['LIST', new Uint8Array(7)], ['data', new Uint8Array(8000)]]));
    expect(info.dataOffset).toBe(12 + 8 + 16 + 8 + 8 + 8);
    expect(info.durationSeconds).toBe(0.5);
  });

  it('reads float and extensible formats (24-bit, the sub-format tag)', () => {
    const float = parseWav(riff([['fmt ', fmt(3, 1, 48000, 32)], ['data', new Uint8Array(48000 * 4)]]));
    expect(float).toMatchObject({ formatTag: 3, durationSeconds: 1 });
    const base = fmt(0xfffe, 2, 48000, 24);
    const extensible = new Uint8Array([...base, ...u16(22), ...u16(24), ...u32(3), ...u16(1), ...new Array<number>(14).fill(0)]);
    const info = parseWav(riff([['fmt ', extensible], ['data', new Uint8Array(48000 * 6 * 3)]]));
    expect(info).toMatchObject({ formatTag: 1, bitsPerSample: 24, durationSeconds: 3 });
  });

  it('clamps a data size larger than the file (streamed or truncated), to whole frames', () => {
    // Stereo 16-bit: 4 bytes a frame; 1002 bytes hold 250 whole frames.
    const bytes = riff([['fmt ', fmt(1, 2, 1000, 16)], ['data', new Uint8Array(1002)]]);
    // Claim far more than is there, as espeak-ng --stdout does.
    new DataView(bytes.buffer).setUint32(40, 0xffffffff, true);
    expect(parseWav(bytes)).toMatchObject({ dataLength: 1000, durationSeconds: 0.25 });
    new DataView(bytes.buffer).setUint32(40, 0, true);
    expect(parseWav(bytes)).toMatchObject({ dataLength: 1000, durationSeconds: 0.25 });
  });

  it('rejects what is not a usable WAV, saying why', () => {
    expect(() => parseWav(ascii('OggS and more'))).toThrow(/not a WAV file/);
    expect(() => parseWav(riff([['fmt ', fmt(1, 1, 8000, 16)]]))).toThrow(/no data chunk/);
    expect(() => parseWav(riff([['data', new Uint8Array(4)]]))).toThrow(/before its format chunk/);
    expect(() => parseWav(riff([['fmt ', fmt(1, 0, 8000, 16)], ['data', new Uint8Array(4)]]))).toThrow(WavError);
  });
});

describe('encodeWav and readPcm16', () => {
  it('round-trip 16-bit mono PCM through a canonical 44-byte header', () => {
    const samples = Int16Array.from([0, 1, -1, 32767, -32768, 1234]);
    const bytes = encodeWav({ sampleRate: 22050, samples });
    expect(bytes.length).toBe(44 + 12);
    expect(parseWav(bytes)).toMatchObject({ formatTag: 1, channels: 1, sampleRate: 22050, bitsPerSample: 16, dataOffset: 44, dataLength: 12 });
    const back = readPcm16(bytes);
    expect(back.sampleRate).toBe(22050);
    expect([...back.samples]).toEqual([...samples]);
  });

  it('refuses layouts it does not join (stereo, 24-bit)', () => {
    expect(() => readPcm16(riff([['fmt ', fmt(1, 2, 8000, 16)], ['data', new Uint8Array(8)]]))).toThrow(/16-bit mono PCM/);
    expect(() => readPcm16(riff([['fmt ', fmt(1, 1, 8000, 24)], ['data', new Uint8Array(6)]]))).toThrow(/16-bit mono PCM/);
  });
});

describe('soundRange', () => {
  it('finds the loud part and widens it by the margin, within the clip', () => {
    const samples = new Int16Array(100);
    samples[40] = 1000;
    samples[60] = -1000;
    samples[70] = 50; // below the threshold
    expect(soundRange(samples, 100, 5)).toEqual({ start: 35, end: 66 });
    expect(soundRange(samples, 100, 50)).toEqual({ start: 0, end: 100 });
  });

  it('gives an empty range for silence', () => {
    expect(soundRange(new Int16Array(10), 100, 5)).toEqual({ start: 0, end: 0 });
  });
});

describe('joinClips', () => {
  it('lays clips end to end after a lead, each followed by its pause, and says where each starts', () => {
    const joined = joinClips([Int16Array.from([1, 1]), Int16Array.from([2, 2, 2])], [2, 1], 3);
    expect([...joined.samples]).toEqual([0, 0, 0, 1, 1, 0, 0, 2, 2, 2, 0]);
    expect(joined.starts).toEqual([3, 7]);
  });

  it('needs one pause per clip', () => {
    expect(() => joinClips([new Int16Array(1)], [], 0)).toThrow(/pauses/);
  });
});
