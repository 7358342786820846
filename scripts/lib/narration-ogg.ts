/**
 * Ogg files (Opus or Vorbis), read in pure TypeScript: the codec, the duration and the comments.
 *
 * An Ogg stream is a sequence of pages ("OggS", a granule position, a segment table, then the
 * packet bytes). The first packet of a stream names the codec (`OpusHead`, `\x01vorbis`); the
 * second holds the comments (`OpusTags`, `\x03vorbis`). The duration is the granule position of the
 * stream's last page: 48 kHz samples minus the pre-skip for Opus, samples at the stream's own rate
 * for Vorbis. Page checksums are not verified (a damaged file still gets a duration).
 */

export interface OggInfo {
  codec: 'opus' | 'vorbis';
  /** Opus: the input sample rate the header records (playback is always 48 kHz). Vorbis: the rate. */
  sampleRate: number;
  channels: number;
  durationSeconds: number;
  /** The comment strings, `NAME=value`, as written. */
  comments: string[];
}

export class OggError extends Error {
  override name = 'OggError';
}

interface Page {
  headerType: number;
  granule: bigint;
  serial: number;
  /** Lacing values. */
  segments: number[];
  /** Where the packet bytes of the page start. */
  body: number;
}

const CAPTURE = [0x4f, 0x67, 0x67, 0x53]; // "OggS"

function isCapture(bytes: Uint8Array, at: number): boolean {
  return CAPTURE.every((byte, i) => bytes[at + i] === byte);
}

function* pages(bytes: Uint8Array): Generator<Page> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  while (at + 27 <= bytes.length) {
    if (!isCapture(bytes, at)) {
      // Resynchronise on the next capture pattern (junk before the stream, or a damaged page).
      at += 1;
      continue;
    }
    const count = bytes[at + 26] as number;
    if (at + 27 + count > bytes.length) return;
    const segments = [...bytes.subarray(at + 27, at + 27 + count)];
    const body = at + 27 + count;
    const size = segments.reduce((sum, lace) => sum + lace, 0);
    if (body + size > bytes.length) return;
    yield { headerType: bytes[at + 5] as number, granule: view.getBigInt64(at + 6, true), serial: view.getUint32(at + 14, true), segments, body };
    at = body + size;
  }
}

/** The first `count` packets of the stream with serial `serial` (packets may span pages). */
function firstPackets(bytes: Uint8Array, serial: number, count: number): Uint8Array[] {
  const packets: Uint8Array[] = [];
  let pending: Uint8Array[] = [];
  for (const page of pages(bytes)) {
    if (page.serial !== serial) continue;
    let at = page.body;
    for (const lace of page.segments) {
      pending.push(bytes.subarray(at, at + lace));
      at += lace;
      if (lace < 255) {
        const length = pending.reduce((sum, part) => sum + part.length, 0);
        const packet = new Uint8Array(length);
        let offset = 0;
        for (const part of pending) {
          packet.set(part, offset);
          offset += part.length;
        }
        packets.push(packet);
        pending = [];
        if (packets.length === count) return packets;
      }
    }
  }
  return packets;
}

const text = (bytes: Uint8Array, offset: number, length: number) => new TextDecoder().decode(bytes.subarray(offset, offset + length));

/** Vorbis-style comments (also used by OpusTags) starting at `offset` in `packet`. */
function readComments(packet: Uint8Array, offset: number): string[] {
  const view = new DataView(packet.buffer, packet.byteOffset, packet.byteLength);
  const fits = (at: number, length: number) => at + length <= packet.length;
  if (!fits(offset, 4)) return [];
  const vendorLength = view.getUint32(offset, true);
  let at = offset + 4 + vendorLength;
  if (!fits(at, 4)) return [];
  const count = view.getUint32(at, true);
  at += 4;
  const comments: string[] = [];
  for (let i = 0; i < count && fits(at, 4); i += 1) {
    const length = view.getUint32(at, true);
    at += 4;
    if (!fits(at, length)) break;
    comments.push(text(packet, at, length));
    at += length;
  }
  return comments;
}

/** Reads an Ogg Opus or Ogg Vorbis file: codec, duration, comments. Only the first stream is read. */
export function readOgg(bytes: Uint8Array): OggInfo {
  if (!isCapture(bytes, 0)) throw new OggError('not an Ogg file (it does not start with OggS)');
  const first = pages(bytes).next();
  if (first.done) throw new OggError('the Ogg file is truncated before its first page ends');
  const serial = first.value.serial;
  const [head, tags] = firstPackets(bytes, serial, 2);
  if (!head) throw new OggError('the Ogg file has no complete first packet');
  const headView = new DataView(head.buffer, head.byteOffset, head.byteLength);

  let lastGranule = -1n;
  for (const page of pages(bytes)) {
    if (page.serial === serial && page.granule >= 0n) lastGranule = page.granule;
  }

  if (head.length >= 19 && text(head, 0, 8) === 'OpusHead') {
    const channels = head[9] as number;
    const preSkip = headView.getUint16(10, true);
    const sampleRate = headView.getUint32(12, true);
    const samples = lastGranule < 0n ? 0 : Math.max(0, Number(lastGranule) - preSkip);
    const comments = tags && text(tags, 0, 8) === 'OpusTags' ? readComments(tags, 8) : [];
    return { codec: 'opus', sampleRate, channels, durationSeconds: samples / 48_000, comments };
  }
  if (head.length >= 30 && head[0] === 1 && text(head, 1, 6) === 'vorbis') {
    const channels = head[11] as number;
    const sampleRate = headView.getUint32(12, true);
    if (sampleRate === 0) throw new OggError('the Vorbis header gives a sample rate of 0');
    const samples = lastGranule < 0n ? 0 : Number(lastGranule);
    const comments = tags && tags[0] === 3 && text(tags, 1, 6) === 'vorbis' ? readComments(tags, 7) : [];
    return { codec: 'vorbis', sampleRate, channels, durationSeconds: samples / sampleRate, comments };
  }
  throw new OggError('the Ogg file holds neither Opus nor Vorbis audio');
}

/** The value of the first comment `NAME=value` whose name matches (case-insensitive), or null. */
export function oggComment(info: OggInfo, name: string): string | null {
  const prefix = `${name.toLowerCase()}=`;
  const found = info.comments.find((comment) => comment.toLowerCase().startsWith(prefix));
  return found === undefined ? null : found.slice(prefix.length);
}
