/**
 * WebVTT for narration timing: one cue per sentence, identified by the sentence key (`2.0`), times
 * relative to the step's audio, the sentence text as payload.
 *
 *     WEBVTT
 *
 *     2.0
 *     00:00:00.000 --> 00:00:04.100
 *     Ultrasound of lactating breasts shows about nine main ducts leading to the nipple.
 *
 * Every cue block ends with a blank line, the last one included. Times are whole milliseconds. In the payload `&`, `<` and `>` are written `&amp;`, `&lt;` and
 * `&gt;`, as WebVTT requires (so a sentence can never contain `-->`).
 */

export interface Cue {
  /** The sentence key, e.g. `2.0`. */
  key: string;
  startMs: number;
  endMs: number;
  text: string;
}

/** `hh:mm:ss.ttt`, always with hours. */
export function formatTimestamp(ms: number): string {
  if (!Number.isInteger(ms) || ms < 0) throw new RangeError(`a cue time must be a whole number of milliseconds ≥ 0, got ${ms}`);
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor(ms / 60_000) % 60;
  const seconds = Math.floor(ms / 1000) % 60;
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(ms % 1000, 3)}`;
}

/** Reads `hh:mm:ss.ttt` or `mm:ss.ttt` as milliseconds, or null. */
export function parseTimestamp(text: string): number | null {
  const match = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/.exec(text);
  if (!match) return null;
  const [, hours, minutes, seconds, millis] = match;
  return Number(hours ?? 0) * 3_600_000 + Number(minutes) * 60_000 + Number(seconds) * 1000 + Number(millis);
}

const escapePayload = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f' };
const unescapePayload = (text: string) => text.replace(/&(amp|lt|gt|nbsp|lrm|rlm);/g, (_, name: string) => ENTITIES[name] as string);

export function writeVtt(cues: readonly Cue[]): string {
  const blocks = cues.map((cue) => {
    if (/[\r\n]/.test(cue.key) || cue.key.includes('-->') || cue.key.trim() === '') throw new Error(`invalid cue identifier ${JSON.stringify(cue.key)}`);
    const text = cue.text.replace(/[ \t]*[\r\n]+[ \t]*/g, ' ').trim();
    return `${cue.key}\n${formatTimestamp(cue.startMs)} --> ${formatTimestamp(cue.endMs)}\n${escapePayload(text)}\n\n`;
  });
  return `WEBVTT\n\n${blocks.join('')}`;
}

/** Reads a WebVTT file's cues (identifier, times, payload lines joined by a space). NOTE, STYLE and REGION blocks are skipped. */
export function parseVtt(text: string): { cues: Cue[]; errors: string[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const errors: string[] = [];
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) errors.push('line 1: a WebVTT file starts with WEBVTT');
  const cues: Cue[] = [];
  let i = 1;
  // The header runs to the first blank line.
  while (i < lines.length && lines[i] !== '') i += 1;
  while (i < lines.length) {
    while (i < lines.length && (lines[i] as string).trim() === '') i += 1;
    if (i >= lines.length) break;
    const start = i;
    const block: string[] = [];
    while (i < lines.length && (lines[i] as string).trim() !== '') block.push(lines[i++] as string);
    const first = block[0] as string;
    if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(first)) continue;
    const timingAt = first.includes('-->') ? 0 : 1;
    const timing = block[timingAt];
    const match = timing === undefined ? null : /^(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t].*)?$/.exec(timing);
    const startMs = match ? parseTimestamp(match[1] as string) : null;
    const endMs = match ? parseTimestamp(match[2] as string) : null;
    if (startMs === null || endMs === null) {
      errors.push(`line ${start + 1 + timingAt}: expected a timing line such as 00:00:01.250 --> 00:00:04.100`);
      continue;
    }
    cues.push({ key: timingAt === 1 ? first : '', startMs, endMs, text: unescapePayload(block.slice(timingAt + 1).join(' ')) });
  }
  return { cues, errors };
}

/**
 * What is wrong with a step's cues against its sentences and its audio: one cue per sentence with
 * the sentence's key, in order; each cue ending after it starts; no overlap; the last ending
 * within `toleranceMs` of the audio's end (or before it, when `mustCover` is false). Empty when
 * the cues are right.
 */
export function checkCues(
  cues: readonly Cue[],
  sentences: readonly { key: string; text: string }[],
  durationMs: number,
  options: { toleranceMs?: number; mustCover?: boolean; checkText?: boolean } = {},
): string[] {
  const { toleranceMs = 50, mustCover = true, checkText = true } = options;
  const problems: string[] = [];
  const keys = cues.map((cue) => cue.key).join(' ');
  const expected = sentences.map((sentence) => sentence.key).join(' ');
  if (keys !== expected) problems.push(`the cue identifiers are [${keys}], the step's sentences are [${expected}]`);
  cues.forEach((cue, i) => {
    if (cue.endMs <= cue.startMs) problems.push(`cue ${cue.key} ends (${formatTimestamp(cue.endMs)}) before it starts (${formatTimestamp(cue.startMs)})`);
    const previous = cues[i - 1];
    if (previous && cue.startMs < previous.endMs) problems.push(`cue ${cue.key} starts before cue ${previous.key} ends`);
    const sentence = sentences[i];
    if (checkText && sentence && sentence.key === cue.key && sentence.text.replace(/[ \t\r\n]+/g, ' ').trim() !== cue.text) {
      problems.push(`cue ${cue.key} does not have the sentence's text`);
    }
  });
  const last = cues.at(-1);
  if (last && last.endMs > durationMs + toleranceMs) problems.push(`the last cue ends at ${formatTimestamp(last.endMs)}, after the audio (${formatTimestamp(Math.round(durationMs))})`);
  if (last && mustCover && last.endMs < durationMs - toleranceMs) problems.push(`the last cue ends at ${formatTimestamp(last.endMs)}, before the audio does (${formatTimestamp(Math.round(durationMs))})`);
  if (cues[0] && mustCover && cues[0].startMs > toleranceMs) problems.push(`the first cue starts at ${formatTimestamp(cues[0].startMs)}, not at the start of the audio`);
  return problems;
}
