import { describe, expect, it } from 'vitest';
import { audioDuration } from '../../scripts/lib/narration-duration';
import { mp3Duration, parseFrameHeader } from '../../scripts/lib/narration-mp3';
import { oggComment, readOgg } from '../../scripts/lib/narration-ogg';
import { encodeWav } from '../../scripts/lib/narration-wav';

// ---------------------------------------------------------------------------------------------
// Ogg, built by hand: pages with a segment table (checksums left at zero: the reader ignores them)

const ascii = (text: string) => [...new TextEncoder().encode(text)];
const u16 = (n: number) => [n & 255, (n >> 8) & 255];
const u32 = (n: number) => [n & 255, (n >> 8) & 255, (n >> 16) & 255, (n >>> 24) & 255];

/** One page holding `parts`: whole packets, or the start of one continued on the next page (`open`). */
function page(serial: number, granule: bigint, parts: number[][], options: { open?: boolean; continued?: boolean; first?: boolean } = {}): number[] {
  const lacing: number[] = [];
  parts.forEach((part, i) => {
    for (let left = part.length; ; left -= 255) {
      if (left >= 255) lacing.push(255);
      else {
        // The last part of an open page ends on a 255 lacing value: no terminating segment.
        if (!(options.open && i === parts.length - 1)) lacing.push(left);
        break;
      }
    }
  });
  const granuleBytes = new Uint8Array(8);
  new DataView(granuleBytes.buffer).setBigInt64(0, granule, true);
  const type = (options.continued ? 1 : 0) | (options.first ? 2 : 0);
  return [...ascii('OggS'), 0, type, ...granuleBytes, ...u32(serial), ...u32(0), ...u32(0), lacing.length, ...lacing, ...parts.flat()];
}

const comments = (vendor: string, list: string[]) => [...u32(vendor.length), ...ascii(vendor), ...u32(list.length), ...list.flatMap((c) => [...u32(ascii(c).length), ...ascii(c)])];
const opusHead = (preSkip: number, rate: number) => [...ascii('OpusHead'), 1, 1, ...u16(preSkip), ...u32(rate), 0, 0, 0];
const opusTags = (list: string[]) => [...ascii('OpusTags'), ...comments('test', list)];
const audioPacket = (size: number) => new Array<number>(size).fill(7);

describe('readOgg', () => {
  it('measures Opus from the last granule position, minus the pre-skip, at 48 kHz', () => {
    const bytes = new Uint8Array([
      ...page(42, 0n, [opusHead(312, 22050)], { first: true }),
      ...page(42, 0n, [opusTags(['ENCODER=test', 'ATLAS_NARRATION=abc'])]),
      ...page(42, 48_312n, [audioPacket(40), audioPacket(40)]),
      ...page(42, 96_312n + 24_000n, [audioPacket(40)]),
    ]);
    const info = readOgg(bytes);
    expect(info).toMatchObject({ codec: 'opus', sampleRate: 22050, channels: 1, durationSeconds: 2.5 });
    expect(info.comments).toEqual(['ENCODER=test', 'ATLAS_NARRATION=abc']);
    expect(oggComment(info, 'atlas_narration')).toBe('abc');
    expect(oggComment(info, 'TITLE')).toBeNull();
  });

  it('reads comments in a packet that spans two pages, and ignores pages with no granule (-1)', () => {
    const tags = opusTags(['A='.padEnd(600, 'x'), 'B=2']);
    const bytes = new Uint8Array([
      ...page(7, 0n, [opusHead(0, 48000)], { first: true }),
      ...page(7, -1n, [tags.slice(0, 510)], { open: true }),
      ...page(7, 0n, [tags.slice(510)], { continued: true }),
      ...page(7, 96_000n, [audioPacket(10)]),
      ...page(7, -1n, [audioPacket(255 * 2)], { open: true }),
    ]);
    const info = readOgg(bytes);
    expect(info.comments).toEqual(['A='.padEnd(600, 'x'), 'B=2']);
    expect(info.durationSeconds).toBe(2);
  });

  it('measures Vorbis at its own sample rate', () => {
    const ident = [1, ...ascii('vorbis'), ...u32(0), 2, ...u32(44100), ...u32(0), ...u32(128000), ...u32(0), 0xb8, 1];
    const tags = [3, ...ascii('vorbis'), ...comments('Xiph', ['TITLE=Hi']), 1];
    const bytes = new Uint8Array([...page(1, 0n, [ident], { first: true }), ...page(1, 0n, [tags, audioPacket(30)]), ...page(1, 132_300n, [audioPacket(30)])]);
    expect(readOgg(bytes)).toMatchObject({ codec: 'vorbis', sampleRate: 44100, channels: 2, durationSeconds: 3, comments: ['TITLE=Hi'] });
  });

  it('reads only the first stream of a multiplexed file', () => {
    const bytes = new Uint8Array([
      ...page(1, 0n, [opusHead(0, 48000)], { first: true }),
      ...page(2, 0n, [opusHead(0, 48000)], { first: true }),
      ...page(1, 48_000n, [audioPacket(5)]),
      ...page(2, 480_000n, [audioPacket(5)]),
    ]);
    expect(readOgg(bytes).durationSeconds).toBe(1);
  });

  it('says what is wrong with a file it cannot read', () => {
    expect(() => readOgg(new Uint8Array(ascii('RIFF....')))).toThrow(/not an Ogg file/);
    expect(() => readOgg(new Uint8Array(page(1, 0n, [ascii('FLAC-ish header')], { first: true })))).toThrow(/neither Opus nor Vorbis/);
    expect(() => readOgg(new Uint8Array(ascii('OggS')))).toThrow(/truncated/);
  });
});

// ---------------------------------------------------------------------------------------------
// MP3, built from frame headers with silent bodies

/** A frame: its 4-byte header, then zeros up to its length. */
function frame(header: number[]): number[] {
  const parsed = parseFrameHeader(new Uint8Array(header), 0);
  if (!parsed) throw new Error('bad test header');
  return [...header, ...new Array<number>(parsed.length - 4).fill(0)];
}
const MPEG1_L3_128K_44K_STEREO = [0xff, 0xfb, 0x90, 0x00];
const MPEG1_L3_128K_44K_PADDED = [0xff, 0xfb, 0x92, 0x00];
const MPEG2_L3_64K_22K_MONO = [0xff, 0xf3, 0x80, 0xc0];

describe('parseFrameHeader', () => {
  it('reads version, layer, bitrate, rate, channels, length and samples', () => {
    expect(parseFrameHeader(new Uint8Array(MPEG1_L3_128K_44K_STEREO), 0)).toEqual({ version: 1, layer: 3, bitrateKbps: 128, sampleRate: 44100, channels: 2, length: 417, samples: 1152 });
    expect(parseFrameHeader(new Uint8Array(MPEG1_L3_128K_44K_PADDED), 0)?.length).toBe(418);
    expect(parseFrameHeader(new Uint8Array(MPEG2_L3_64K_22K_MONO), 0)).toEqual({ version: 2, layer: 3, bitrateKbps: 64, sampleRate: 22050, channels: 1, length: 208, samples: 576 });
  });

  it('rejects what is not a frame header (no sync, reserved version, free or bad bitrate, reserved rate)', () => {
    for (const header of [
      [0xfe, 0xfb, 0x90, 0],
      [0xff, 0xeb, 0x90, 0],
      [0xff, 0xfb, 0x00, 0],
      [0xff, 0xfb, 0xf0, 0],
      [0xff, 0xfb, 0x9c, 0],
    ]) {
      expect(parseFrameHeader(new Uint8Array(header), 0)).toBeNull();
    }
  });
});

describe('mp3Duration', () => {
  it('counts the frames of a file with no VBR header, after an ID3v2 tag and before an ID3v1 tag', () => {
    const id3 = [...ascii('ID3'), 4, 0, 0, 0, 0, 1, 0]; // 128 bytes of tag (syncsafe 0 0 1 0)
    const frames = Array.from({ length: 10 }, (_, i) => frame(i % 3 === 0 ? MPEG1_L3_128K_44K_PADDED : MPEG1_L3_128K_44K_STEREO)).flat();
    const bytes = new Uint8Array([...id3, ...new Array<number>(128).fill(0), ...frames, ...ascii('TAG'), ...new Array<number>(125).fill(0)]);
    expect(mp3Duration(bytes)).toBeCloseTo((10 * 1152) / 44100, 9);
  });

  it('believes the frame count of a Xing/Info header', () => {
    const first = frame(MPEG2_L3_64K_22K_MONO);
    // MPEG-2 mono: 9 bytes of side information after the header.
    first.splice(4 + 9, 12, ...ascii('Xing'), 0, 0, 0, 1, 0, 0, 0x03, 0xe8);
    const bytes = new Uint8Array([...first, ...frame(MPEG2_L3_64K_22K_MONO)]);
    expect(mp3Duration(bytes)).toBeCloseTo((1000 * 576) / 22050, 9);
  });

  it('skips junk before the first frame, but needs a real frame', () => {
    const bytes = new Uint8Array([0xff, 0x00, 1, 2, 3, ...frame(MPEG1_L3_128K_44K_STEREO), ...frame(MPEG1_L3_128K_44K_STEREO)]);
    expect(mp3Duration(bytes)).toBeCloseTo((2 * 1152) / 44100, 9);
    expect(() => mp3Duration(new Uint8Array(1000))).toThrow(/no MPEG audio frame/);
  });
});

describe('audioDuration', () => {
  it('recognises the format from the bytes, whatever the file is called', () => {
    const wav = encodeWav({ sampleRate: 8000, samples: new Int16Array(12_000) });
    expect(audioDuration(wav)).toEqual({ format: 'wav', seconds: 1.5 });
    const ogg = new Uint8Array([...page(3, 0n, [opusHead(0, 48000)], { first: true }), ...page(3, 72_000n, [audioPacket(3)])]);
    expect(audioDuration(ogg)).toEqual({ format: 'opus', seconds: 1.5 });
    const mp3 = new Uint8Array([...frame(MPEG1_L3_128K_44K_STEREO), ...frame(MPEG1_L3_128K_44K_STEREO)]);
    expect(audioDuration(mp3).format).toBe('mp3');
    expect(() => audioDuration(new Uint8Array(ascii('fLaC....')))).toThrow(/unknown audio format/);
  });
});
