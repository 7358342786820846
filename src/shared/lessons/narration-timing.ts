import type { ContentError, ContentResult } from '../content/structure-descriptions';
import type { Language } from '../languages';
import type { Step } from './lesson-types';
import { LESSONS_DIR } from './parse-lesson';

/**
 * Recorded narration and its timing: where the files of a lesson's narration live, how their
 * WebVTT timing files are read, and how those are checked against the lesson's sentences.
 *
 * Per lesson, language and step (n = the step's position in the lesson file, from 1, i.e.
 * `Step.index + 1`, so a step left out for an error does not shift the others):
 *
 *     content/lessons/<language>/<lesson id>/step-<n>.opus   (or .mp3, .ogg, .wav)
 *     content/lessons/<language>/<lesson id>/step-<n>.vtt
 *
 * The WebVTT file has one cue per sentence of the step, in order: its identifier is the sentence
 * key (`2.0`, `2.1`… as in `Sentence.key`), its times are seconds of the step's audio, its text is
 * the sentence as written in the lesson (compared after normalising case, spaces and punctuation).
 * A cue of the lesson ({highlight …}) fires inside its sentence in proportion to the words spoken
 * before it (`CuePoint.word / Sentence.wordCount` of the way from the sentence's start to its end).
 *
 * Everything here is pure: reading the files, and the audio's duration, are the caller's job.
 * Problems come back as `ContentError`s (file, line, column, message) so that they print like
 * every other content error; a step whose timing has an error is read by the reading clock.
 */

/** The audio formats a step may be recorded in, in the order they are looked for. */
export const NARRATION_AUDIO_EXTENSIONS = ['opus', 'ogg', 'mp3', 'wav'] as const;
export type NarrationAudioExtension = (typeof NARRATION_AUDIO_EXTENSIONS)[number];

/** Seconds the last cue may end after the audio's end before the timing is refused (rounding, encoder padding). */
export const AUDIO_END_TOLERANCE_SECONDS = 0.25;

/** When a recording has no timing file: the silence between two sentences, counted as this many words. */
export const SPREAD_PAUSE_WORDS = 1;

/** The timing of one sentence, in seconds from the start of its step. */
export interface SentenceTiming {
  start: number;
  end: number;
}

/** The timing of one step: its sentences, and how long the step lasts (at least until its last sentence ends). */
export interface StepTiming {
  sentences: SentenceTiming[];
  duration: number;
}

/** The folder of a lesson's narration, e.g. `content/lessons/en/tree-of-milk`. */
export function narrationFolder(language: Language, lessonId: string): string {
  return `${LESSONS_DIR}/${language}/${lessonId}`;
}

/** The step number used in file names: its position in the lesson file, from 1. */
export function narrationStepNumber(step: Pick<Step, 'index'>): number {
  return step.index + 1;
}

/** Where the recording of a step may be, one path per format, in the order to try them. */
export function narrationAudioPaths(language: Language, lessonId: string, step: Pick<Step, 'index'>): string[] {
  const base = `${narrationFolder(language, lessonId)}/step-${narrationStepNumber(step)}`;
  return NARRATION_AUDIO_EXTENSIONS.map((extension) => `${base}.${extension}`);
}

/** The timing file of a step, e.g. `content/lessons/en/tree-of-milk/step-3.vtt`. */
export function narrationTimingPath(language: Language, lessonId: string, step: Pick<Step, 'index'>): string {
  return `${narrationFolder(language, lessonId)}/step-${narrationStepNumber(step)}.vtt`;
}

/** The manifest `npm run narration:build` writes in the narration folder (docs/narration.md). */
export const NARRATION_MANIFEST_FILE = 'narration.json';

/** e.g. `content/lessons/en/tree-of-milk/narration.json`. */
export function narrationManifestPath(language: Language, lessonId: string): string {
  return `${narrationFolder(language, lessonId)}/${NARRATION_MANIFEST_FILE}`;
}

/** What the manifest says of one step's recording: its file name in the folder and its length. */
export interface ManifestRecording {
  audio: string;
  seconds: number;
}

/**
 * The recordings listed in a `narration.json`, by step number (from 1): only the file name
 * (`audio`) and length (`durationMs`) of each step are read, and entries without them are passed
 * over. Null when the text is not a manifest at all (not JSON, or no `steps` list). The manifest
 * belongs to the build: the app and the content check use it only for the recordings' lengths.
 */
export function parseNarrationManifest(text: string): Map<number, ManifestRecording> | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const steps = typeof raw === 'object' && raw !== null ? (raw as { steps?: unknown }).steps : undefined;
  if (!Array.isArray(steps)) return null;
  const recordings = new Map<number, ManifestRecording>();
  for (const entry of steps as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { step, audio, durationMs } = entry as { step?: unknown; audio?: unknown; durationMs?: unknown };
    if (typeof step !== 'number' || !Number.isInteger(step) || step < 1) continue;
    if (typeof audio !== 'string' || typeof durationMs !== 'number' || !Number.isFinite(durationMs) || durationMs <= 0) continue;
    recordings.set(step, { audio, seconds: durationMs / 1000 });
  }
  return recordings;
}

/**
 * The length of a step's recording according to the manifest: only when the manifest describes
 * that very file (a recording dropped in since the last build has another name, or none listed).
 */
export function manifestAudioDuration(manifest: ReadonlyMap<number, ManifestRecording> | null, step: Pick<Step, 'index'>, audioFile: string): number | null {
  const entry = manifest?.get(narrationStepNumber(step));
  if (!entry) return null;
  return audioFile.slice(audioFile.lastIndexOf('/') + 1) === entry.audio ? entry.seconds : null;
}

// ---------------------------------------------------------------------------------------------
// WebVTT

/** One cue of a WebVTT file. */
export interface VttCue {
  /** The identifier line, or null when the cue has none. */
  id: string | null;
  /** Seconds, millisecond precision. */
  start: number;
  end: number;
  /** The payload, lines joined with a space, tags (`<v Narrator>`, `<b>`…) removed and entities decoded. */
  text: string;
  /** Line of the cue's first line (its identifier, or its timing line). */
  line: number;
  timingLine: number;
  /** Column of the start and end times on the timing line. */
  startColumn: number;
  endColumn: number;
  /** Line of the first line of text, or the timing line when there is none. */
  textLine: number;
}

const TIMESTAMP = /^(?:(\d{2,}):)?(\d{2}):(\d{2})\.(\d{3})$/;
const TIMING_LINE = /^(\S+)([ \t]+)-->([ \t]+)(\S+)(?:[ \t]+.*)?$/;

/** `00:01:02.345` for 62.345 s, as WebVTT writes it. */
export function formatVttTime(seconds: number): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

/** Milliseconds of a WebVTT timestamp (`mm:ss.ttt` or `hh:mm:ss.ttt`), or an explanation. */
function parseTimestamp(text: string): number | string {
  const match = TIMESTAMP.exec(text);
  if (!match) return `"${text}" is not a WebVTT time: write hh:mm:ss.mmm or mm:ss.mmm, e.g. 00:00:04.250`;
  const [hours, minutes, seconds, millis] = [match[1] ?? '0', match[2], match[3], match[4]].map(Number) as [number, number, number, number];
  if (minutes > 59) return `"${text}": minutes go from 00 to 59`;
  if (seconds > 59) return `"${text}": seconds go from 00 to 59`;
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', lrm: '', rlm: '', quot: '"', apos: "'" };

/** A cue's text as spoken: tags removed, entities decoded. */
function payloadText(lines: readonly string[]): string {
  return lines
    .join(' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Reads a WebVTT file: the `WEBVTT` line, optional header lines, then blocks separated by blank
 * lines. `NOTE`, `STYLE` and `REGION` blocks are skipped; every other block is a cue: an optional
 * identifier line, a timing line `start --> end` (cue settings after it are allowed and ignored),
 * then its text. Every problem is reported, each with its line and column.
 */
export function parseWebVtt(text: string, file: string): ContentResult<VttCue[]> {
  const errors: ContentError[] = [];
  const error = (line: number, column: number, message: string) => errors.push({ file, line, column, message });
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);

  const header = lines[0] ?? '';
  if (!/^WEBVTT(?:[ \t].*)?$/.test(header)) {
    error(1, 1, header.trim() === '' && lines.length <= 1 ? 'the file is empty: a WebVTT file starts with the line WEBVTT' : 'a WebVTT file starts with the line WEBVTT');
    return { ok: false, errors };
  }

  // Blocks: runs of non-blank lines; the first run is the header.
  const blocks: { line: number; lines: string[] }[] = [];
  let current: { line: number; lines: string[] } | null = null;
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i] as string;
    if (raw.trim() === '') {
      current = null;
      continue;
    }
    if (current === null) {
      current = { line: i + 1, lines: [] };
      blocks.push(current);
    }
    current.lines.push(raw);
  }
  // Header lines (metadata) follow WEBVTT directly, without a blank line.
  if (blocks[0]?.line === 2) blocks.shift();

  const cues: VttCue[] = [];
  let previousStart = -1;
  for (const block of blocks) {
    const first = block.lines[0] as string;
    if (/^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/.test(first)) continue;
    const hasId = !first.includes('-->');
    const id = hasId ? first.trim() : null;
    const timingIndex = hasId ? 1 : 0;
    const timing = block.lines[timingIndex];
    const timingLine = block.line + timingIndex;
    if (timing === undefined) {
      error(block.line, 1, `"${first.trim()}" stands alone: a cue is its identifier, then a timing line such as 00:00:01.000 --> 00:00:04.000, then its text`);
      continue;
    }
    if (!timing.includes('-->')) {
      error(timingLine, 1, `expected a timing line such as 00:00:01.000 --> 00:00:04.000 after the cue identifier "${id ?? ''}"`);
      continue;
    }
    const match = TIMING_LINE.exec(timing);
    if (!match) {
      error(timingLine, 1, 'a timing line is a start time, " --> " and an end time, e.g. 00:00:01.000 --> 00:00:04.000');
      continue;
    }
    const [, startText, spaceA, spaceB, endText] = match as unknown as [string, string, string, string, string];
    const startColumn = 1;
    const endColumn = startText.length + spaceA.length + 3 + spaceB.length + 1;
    const start = parseTimestamp(startText);
    const end = parseTimestamp(endText);
    let ok = true;
    if (typeof start === 'string') {
      error(timingLine, startColumn, start);
      ok = false;
    }
    if (typeof end === 'string') {
      error(timingLine, endColumn, end);
      ok = false;
    }
    const textLines = block.lines.slice(timingIndex + 1);
    const arrow = textLines.findIndex((line) => line.includes('-->'));
    if (arrow >= 0) {
      error(timingLine + 1 + arrow, 1, 'a cue’s text cannot contain "-->": leave a blank line between two cues');
      ok = false;
    }
    if (!ok || typeof start === 'string' || typeof end === 'string') continue;
    if (end <= start) {
      error(timingLine, endColumn, `the cue ends (${endText}) before it starts (${startText})`);
      continue;
    }
    if (start < previousStart) {
      error(timingLine, startColumn, `this cue starts (${startText}) before the one above it (${formatVttTime(previousStart / 1000)}): cues are in order of time`);
    }
    previousStart = Math.max(previousStart, start);
    cues.push({
      id,
      start: start / 1000,
      end: end / 1000,
      text: payloadText(textLines),
      line: block.line,
      timingLine,
      startColumn,
      endColumn,
      textLine: textLines.length > 0 ? timingLine + 1 : timingLine,
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: cues };
}

// ---------------------------------------------------------------------------------------------
// Checking a timing file against a step

/** The words of a text for comparison: Unicode-normalised, lower case, apostrophes unified, punctuation dropped. */
export function comparableWords(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[’‘ʼ`´]/g, "'")
      .match(/[\p{L}\p{M}\p{N}]+/gu) ?? []
  );
}

export interface NarrationTimingOptions {
  /** The lesson file, named in messages about a sentence (`content/lessons/en/x.md`). */
  lessonFile?: string;
  /** The audio file, named in messages about its length. */
  audioFile?: string;
  /** The recording's length in seconds, when known: the step lasts at least this long, and no cue may end after it. */
  audioDuration?: number;
}

const clip = (text: string, words = 8) => {
  const all = text.split(' ');
  return all.length > words ? `${all.slice(0, words).join(' ')}…` : text;
};

/**
 * Checks the cues of a step's timing file against its sentences: one cue per sentence, with the
 * sentence's key as identifier, in the sentences' order, not overlapping, with the sentence's text.
 * Gives the step's timing, or every problem found (the step is then read by the reading clock).
 */
export function checkNarrationTiming(step: Step, cues: readonly VttCue[], file: string, options: NarrationTimingOptions = {}): ContentResult<StepTiming> {
  const errors: ContentError[] = [];
  const error = (line: number, column: number, message: string) => errors.push({ file, line, column, message });
  const sentenceAt = (i: number) => {
    const sentence = step.sentences[i];
    return sentence && options.lessonFile ? ` (${options.lessonFile}:${sentence.line}:${sentence.column})` : '';
  };
  const keys = step.sentences.map((sentence) => sentence.key);
  const range = keys.length === 1 ? keys[0] : `${keys[0]} to ${keys.at(-1)}`;

  const byKey = new Map<string, VttCue>();
  let expected = 0;
  for (const cue of cues) {
    if (cue.id === null) {
      error(cue.timingLine, 1, `this cue has no identifier: start each cue with the key of its sentence (here ${range}) on the line above its times`);
      continue;
    }
    const index = keys.indexOf(cue.id);
    if (index < 0) {
      const other = /^(\d+)\.\d+$/.exec(cue.id);
      const hint = other && Number(other[1]) !== step.index ? `: it belongs to step ${Number(other[1]) + 1}, and this file times step ${step.index + 1}` : '';
      error(cue.line, 1, `"${cue.id}" is not a sentence of this step (its sentences are ${range})${hint}`);
      continue;
    }
    const earlier = byKey.get(cue.id);
    if (earlier) {
      error(cue.line, 1, `sentence ${cue.id} has a second cue here (the first is at line ${earlier.line}): one cue per sentence`);
      continue;
    }
    byKey.set(cue.id, cue);
    if (index < expected) {
      error(cue.line, 1, `cue ${cue.id} comes after cue ${keys[expected - 1]}: the cues follow the sentences in order`);
    }
    expected = Math.max(expected, index + 1);

    const sentence = step.sentences[index];
    if (sentence) {
      const spoken = comparableWords(cue.text);
      const written = comparableWords(sentence.text);
      const at = spoken.findIndex((word, k) => word !== written[k]);
      const differs = at >= 0 ? at : spoken.length !== written.length ? Math.min(spoken.length, written.length) : -1;
      if (differs >= 0) {
        const said = spoken[differs];
        const meant = written[differs];
        const detail = said === undefined ? `it stops before "${meant}"` : meant === undefined ? `it goes on after the sentence's end with "${said}"` : `it has "${said}" where the lesson has "${meant}"`;
        error(cue.textLine, 1, `the text of cue ${cue.id} is not sentence ${cue.id} of the lesson${sentenceAt(index)}, "${clip(sentence.text)}": ${detail} (word ${differs + 1})`);
      }
    }
  }

  // A missing sentence is reported where its cue should be: at the cue of the next sentence, or the last cue.
  const lastLine = cues.at(-1)?.line ?? 1;
  keys.forEach((key, i) => {
    if (byKey.has(key)) return;
    const next = keys.slice(i + 1).find((other) => byKey.has(other));
    const line = next === undefined ? lastLine : (byKey.get(next) as VttCue).line;
    error(line, 1, `sentence ${key}${sentenceAt(i)}, "${clip(step.sentences[i]?.text ?? '')}", has no cue in this file`);
  });

  // Times: in the sentences' order, each sentence after the one before.
  let previous: VttCue | null = null;
  for (const key of keys) {
    const cue = byKey.get(key);
    if (!cue) continue;
    if (previous && Math.round(cue.start * 1000) < Math.round(previous.end * 1000)) {
      error(cue.timingLine, cue.startColumn, `cue ${key} starts at ${formatVttTime(cue.start)}, before cue ${previous.id ?? ''} ends (${formatVttTime(previous.end)}): sentences do not overlap`);
    }
    previous = cue;
  }
  // The first cue that ends after the recording (the ones after it do too, as a rule).
  const { audioDuration } = options;
  const late = audioDuration === undefined ? undefined : keys.map((key) => byKey.get(key)).find((cue) => cue !== undefined && cue.end > audioDuration + AUDIO_END_TOLERANCE_SECONDS);
  if (late && audioDuration !== undefined) {
    const audio = options.audioFile ? ` (${options.audioFile})` : '';
    error(late.timingLine, late.endColumn, `cue ${late.id ?? ''} ends at ${formatVttTime(late.end)}, after the end of the recording${audio} at ${formatVttTime(audioDuration)}`);
  }

  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line || a.column - b.column) };
  const sentences = keys.map((key) => {
    const cue = byKey.get(key) as VttCue;
    return { start: cue.start, end: cue.end };
  });
  const lastEnd = sentences.at(-1)?.end ?? 0;
  return { ok: true, value: { sentences, duration: Math.max(lastEnd, audioDuration ?? 0) } };
}

/** `parseWebVtt` then `checkNarrationTiming`: a step's timing from the text of its `.vtt` file. */
export function narrationTiming(step: Step, vttText: string, file: string, options: NarrationTimingOptions = {}): ContentResult<StepTiming> {
  const parsed = parseWebVtt(vttText, file);
  if (!parsed.ok) return parsed;
  return checkNarrationTiming(step, parsed.value, file, options);
}

/**
 * The timing of a recording that has no (usable) timing file: its length shared among the
 * sentences by word count, with `SPREAD_PAUSE_WORDS` of silence between two sentences, and no
 * silence assumed at either end. A sentence of no words counts as one.
 */
export function spreadByWords(step: Pick<Step, 'sentences'>, totalSeconds: number): StepTiming {
  const total = Number.isFinite(totalSeconds) ? Math.max(0, totalSeconds) : 0;
  const weights = step.sentences.map((sentence) => Math.max(1, sentence.wordCount));
  const units = weights.reduce((sum, weight) => sum + weight, 0) + SPREAD_PAUSE_WORDS * Math.max(0, weights.length - 1);
  const perUnit = units > 0 ? total / units : 0;
  let at = 0;
  const sentences = weights.map((weight, i) => {
    const start = at;
    // The last sentence ends exactly at the end, whatever the rounding.
    const end = i === weights.length - 1 ? total : start + weight * perUnit;
    at = end + SPREAD_PAUSE_WORDS * perUnit;
    return { start, end };
  });
  return { sentences, duration: total };
}

// ---------------------------------------------------------------------------------------------
// A lesson's narration, step by step

/** What the caller found for one step (position in `lesson.steps`). */
export interface StepNarrationFiles {
  /** The recording's path (`…/step-3.opus`), or null when the step has none. */
  audioFile: string | null;
  /** Its length in seconds, when known (`narration.json`'s `durationMs`, or the audio element's metadata). */
  audioDuration?: number | null;
  /** The timing file's path and text; text null when it is missing. */
  vttFile: string | null;
  vttText: string | null;
}

/**
 * - `recording`: the recording plays, timed by its timing file;
 * - `spread`: the recording plays, its length spread over the sentences by word count (no timing file);
 * - `reading`: no usable recording: the step is read by the reading clock.
 */
export type StepTimingSource = 'recording' | 'spread' | 'reading';

export interface LessonNarration {
  /** One per step, for `buildTimeline`. */
  timings: StepTiming[];
  sources: StepTimingSource[];
  /** Everything wrong with the timing files, for the content maintainer. */
  errors: ContentError[];
}

/**
 * Chooses each step's timing: its timing file when it fits the step (and the recording), the
 * recording's length spread by words when it has no timing file, and otherwise the reading clock
 * (`readingStep`), so that a broken or outdated timing file never plays a recording out of step
 * with the scene. `files[i]` describes `lesson.steps[i]`; null or missing means no narration.
 * The audio voice gets the recordings of the steps whose source is not `reading`, and null for
 * the others.
 */
export function resolveNarration(
  lesson: { file: string; steps: readonly Step[] },
  files: readonly (StepNarrationFiles | null | undefined)[],
  readingStep: (step: Step) => StepTiming,
): LessonNarration {
  const timings: StepTiming[] = [];
  const sources: StepTimingSource[] = [];
  const errors: ContentError[] = [];
  lesson.steps.forEach((step, i) => {
    const found = files[i];
    const duration = found?.audioDuration ?? null;
    const known = duration !== null && Number.isFinite(duration) && duration > 0 ? duration : null;
    if (!found?.audioFile) {
      timings.push(readingStep(step));
      sources.push('reading');
      return;
    }
    if (found.vttText !== null && found.vttFile !== null) {
      const options: NarrationTimingOptions = { lessonFile: lesson.file, audioFile: found.audioFile, ...(known === null ? {} : { audioDuration: known }) };
      const timing = narrationTiming(step, found.vttText, found.vttFile, options);
      if (timing.ok) {
        timings.push(timing.value);
        sources.push('recording');
      } else {
        errors.push(...timing.errors);
        timings.push(readingStep(step));
        sources.push('reading');
      }
      return;
    }
    if (known !== null) {
      timings.push(spreadByWords(step, known));
      sources.push('spread');
    } else {
      timings.push(readingStep(step));
      sources.push('reading');
    }
  });
  return { timings, sources, errors };
}
