import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseReferences, REFERENCES_FILE } from '../../src/shared/content/structure-descriptions';
import { LANGUAGES, type Language } from '../../src/shared/languages';
import type { Lesson, LessonLoadResult, Step } from '../../src/shared/lessons/lesson-types';
import { loadLessons, type LessonFile } from '../../src/shared/lessons/load-lessons';
import { LESSONS_DIR } from '../../src/shared/lessons/parse-lesson';
import { lessonContext } from './content-check';
import { audioDuration, RECORDING_EXTENSIONS } from './narration-duration';
import { DEFAULT_TOOLS, encodeOpus, espeakVersion, opusencVersion, speakToWav, ToolError, type NarrationTools } from './narration-engine';
import {
  defaultSpeechSettings,
  emptyManifest,
  GENERATED_TAG,
  MANIFEST_FILE,
  parseManifest,
  planStep,
  serializeManifest,
  sha256Bytes,
  speechHash,
  textHash,
  withoutStep,
  withStep,
  type AudioFile,
  type Manifest,
  type SpeechSettings,
  type StepEntry,
  type StepFiles,
} from './narration-manifest';
import { oggComment, readOgg } from './narration-ogg';
import { cuesFromClips, spreadByWords } from './narration-timing';
import { checkCues, parseVtt, writeVtt, type Cue } from './narration-vtt';
import { encodeWav, joinClips, readPcm16, soundRange } from './narration-wav';

/**
 * `npm run narration:build`: for every lesson and language, every step gets
 * `content/lessons/<language>/<lesson id>/step-<n>.opus` (speech from espeak-ng, encoded with
 * opusenc) and `step-<n>.vtt` (one cue per sentence), unless a teacher dropped in a recording
 * (`step-<n>.mp3|ogg|wav|opus`), whose timing is then spread over its duration by word count.
 * `narration.json` beside them records how each step was made, so a rerun skips what is up to date.
 * See docs/narration.md.
 */

export interface BuildOptions {
  /** The project folder (the one holding content/). */
  root: string;
  /** Only these lesson ids (all when empty or left out). */
  lessons?: readonly string[];
  /** Only these languages (all when empty or left out). */
  languages?: readonly Language[];
  /** Remake every step, even those up to date (recordings are still never overwritten). */
  force?: boolean;
  /** Change nothing: report which steps are out of date. */
  check?: boolean;
  tools?: NarrationTools;
  /** The speech settings for a language (defaults: defaultSpeechSettings). */
  settings?: (language: Language) => SpeechSettings;
  /** One finished line of the report. */
  log?: (line: string) => void;
  /** Transient progress inside a step (a terminal shows it on one line that is overwritten). */
  status?: (text: string) => void;
}

export type StepStatus =
  /** Speech made by the engine just now. */
  | 'rendered'
  /** Engine speech, already up to date. */
  | 'up-to-date'
  /** A recording, its timing spread by word count just now. */
  | 'spread'
  /** A recording with timing written by hand, kept. */
  | 'hand-timed'
  /** A recording whose timing is already up to date. */
  | 'recording-up-to-date'
  /** --check: the step would be rebuilt. */
  | 'outdated'
  /** The step has no narration, or did not load. */
  | 'skipped'
  | 'failed';

export interface StepOutcome {
  language: Language;
  lesson: string;
  /** From 1. */
  step: number;
  of: number;
  status: StepStatus;
  detail: string;
  /** The step's audio file, when it has one. */
  audio?: string;
  durationMs?: number;
  audioBytes?: number;
}

export interface BuildReport {
  outcomes: StepOutcome[];
  /** Everything that went wrong or needs the author's attention, one line each. */
  problems: string[];
  /** False when a step failed (or, with --check, when a step is out of date). */
  ok: boolean;
}

const STEP_FILE = /^step-(\d+)\.(opus|ogg|mp3|wav|vtt)$/;

/** Silence threshold for trimming the engine's clips (about -40 dBFS), and the margin kept around the sound. */
const SILENCE_THRESHOLD = 320;
const TRIM_MARGIN_MS = 30;

export function narrationDir(language: Language, lessonId: string): string {
  return `${LESSONS_DIR}/${language}/${lessonId}`;
}

export function buildNarration(options: BuildOptions): BuildReport {
  const { root, force = false, check = false, tools = DEFAULT_TOOLS } = options;
  const log = options.log ?? (() => undefined);
  const status = options.status ?? (() => undefined);
  const settingsFor = options.settings ?? defaultSpeechSettings;
  const outcomes: StepOutcome[] = [];
  const problems: string[] = [];
  let engine: { espeak: string; opusenc: string } | null = null;
  let stopped = false;

  const results = readLessons(root).filter(
    (result) => (!options.lessons?.length || options.lessons.includes(result.id)) && (!options.languages?.length || (result.language !== null && options.languages.includes(result.language))),
  );
  const unknownLesson = options.lessons?.some((id) => !results.some((result) => result.id === id)) ?? false;
  for (const id of options.lessons ?? []) if (!results.some((result) => result.id === id)) problems.push(`no lesson "${id}" in ${LESSONS_DIR}`);

  for (const result of results) {
    if (stopped) break;
    const lesson = result.lesson;
    if (!lesson) {
      problems.push(`${result.file}: the lesson does not load, so it has no narration (run npm run content:check)`);
      log(`${result.file}: does not load, skipped (run npm run content:check)`);
      continue;
    }
    const label = `${lesson.language}/${lesson.id}`;
    if (result.errors.length > 0) log(`${label}: ${result.errors.length} content error(s), see npm run content:check; narrating the steps that loaded`);
    const dir = join(root, narrationDir(lesson.language, lesson.id));
    let manifest = readManifest(dir) ?? emptyManifest(lesson.id, lesson.language);
    const saveManifest = () => {
      mkdirSync(dir, { recursive: true });
      writeAtomic(join(dir, MANIFEST_FILE), serializeManifest(manifest));
    };
    const settings = settingsFor(lesson.language);

    for (let index = 0; index < lesson.stepCount && !stopped; index += 1) {
      const n = index + 1;
      const step = lesson.steps.find((candidate) => candidate.index === index);
      const prefix = `${label} step ${n}/${lesson.stepCount}${step ? ` “${step.title}”` : ''}`;
      const outcome = (status_: StepStatus, detail: string, extra: Partial<StepOutcome> = {}) => {
        outcomes.push({ language: lesson.language, lesson: lesson.id, step: n, of: lesson.stepCount, status: status_, detail, ...extra });
        log(`${prefix}: ${detail}`);
      };
      if (!step) {
        outcome('skipped', 'skipped: the step has errors (run npm run content:check); its files are left as they are');
        continue;
      }
      if (step.sentences.length === 0) {
        outcome('skipped', 'no narration in this step');
        continue;
      }

      const expected = { textHash: textHash(step.sentences), speechHash: speechHash(settings, step.sentences) };
      const files = snapshot(dir, n);
      const entry = manifest.steps.find((candidate) => candidate.step === n);
      const plan = planStep(files, entry, expected, force);

      if (plan.action === 'error') {
        problems.push(`${prefix}: ${plan.message}`);
        outcome('failed', plan.message);
        continue;
      }
      if (plan.action === 'up-to-date' && entry) {
        outcome('up-to-date', 'up to date', { audio: entry.audio, durationMs: entry.durationMs, audioBytes: fileSize(join(dir, entry.audio)) });
        continue;
      }
      if (plan.action === 'recording-up-to-date' && entry) {
        const how = plan.timing === 'by-hand' ? `timing from step-${n}.vtt, written by hand` : 'timing spread by word count, not aligned';
        outcome('recording-up-to-date', `recording ${plan.recording}: up to date (${how})`, { audio: plan.recording, durationMs: entry.durationMs, audioBytes: fileSize(join(dir, plan.recording)) });
        continue;
      }
      if (check) {
        const what = plan.action === 'render' ? `out of date: would be spoken by the engine (${plan.reason})` : plan.action === 'time-recording' ? `out of date: recording ${plan.recording} would be timed (${plan.reason})` : 'out of date';
        outcome('outdated', what);
        continue;
      }

      try {
        if (plan.action === 'render') {
          if (!engine) engine = { espeak: espeakVersion(tools), opusenc: opusencVersion(tools) };
          const made = renderStep({ dir, n, lesson, step, settings, tools, speechHash: expected.speechHash, status: (text) => status(`${prefix}: ${text}`) });
          manifest = withStep(manifest, {
            step: n,
            title: step.title,
            source: 'speech-engine',
            audio: made.audio,
            audioSha256: made.audioSha256,
            durationMs: made.durationMs,
            timing: 'speech-engine',
            textHash: expected.textHash,
            speechHash: expected.speechHash,
            engine: engine.espeak,
            voice: settings.voice,
            rateWpm: settings.rateWpm,
            bitrateKbps: settings.bitrateKbps,
            vttSha256: made.vttSha256,
          });
          saveManifest();
          outcome(
            'rendered',
            `spoken by ${engine.espeak} (${settings.voice}, ${settings.rateWpm} wpm), ${plural(step.sentences.length, 'sentence')}: ${seconds(made.durationMs)}, ${kilobytes(made.audioBytes)} (${plan.reason})`,
            { audio: made.audio, durationMs: made.durationMs, audioBytes: made.audioBytes },
          );
        } else if (plan.action === 'time-recording') {
          for (const name of plan.removeGenerated) {
            unlinkSync(join(dir, name));
            log(`${prefix}: removed ${name}, made by the engine: the recording ${plan.recording} replaces it`);
          }
          const timed = timeRecording({ dir, n, step, recording: plan.recording, vttIsOurs: plan.vttIsOurs });
          manifest = withStep(manifest, {
            step: n,
            title: step.title,
            source: 'recording',
            audio: plan.recording,
            audioSha256: timed.audioSha256,
            durationMs: timed.durationMs,
            timing: timed.timing,
            textHash: expected.textHash,
            vttSha256: timed.vttSha256,
          });
          saveManifest();
          if (timed.replacedVtt) log(`${prefix}: step-${n}.vtt did not fit the recording or the text (${timed.replacedVtt.why}); kept as ${timed.replacedVtt.backup}`);
          const extra = { audio: plan.recording, durationMs: timed.durationMs, audioBytes: fileSize(join(dir, plan.recording)) };
          if (timed.timing === 'by-hand') outcome('hand-timed', `recording ${plan.recording}, ${seconds(timed.durationMs)}: timing from step-${n}.vtt, written by hand, kept`, extra);
          else {
            const message = `recording ${plan.recording} (${timed.format}), ${seconds(timed.durationMs)}: timing SPREAD by word count over ${plural(step.sentences.length, 'sentence')}, not aligned (${plan.reason})`;
            outcome('spread', message, extra);
          }
        }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        problems.push(`${prefix}: ${message}`);
        outcome('failed', `FAILED: ${message}`);
        if (error instanceof ToolError && error.missing) {
          stopped = true;
          problems.push('stopped: the speech tools are missing, so no other step can be spoken');
        }
      }
    }

    if (!check && !stopped) {
      const before = manifest;
      manifest = removeStaleSteps(dir, lesson, manifest, (line) => {
        log(`${label}: ${line}`);
      }, problems);
      if (manifest !== before) saveManifest();
    }
  }

  if (!options.lessons?.length && !options.languages?.length) {
    for (const orphan of orphanFolders(root, results)) problems.push(`${orphan}: narration for a lesson that does not exist (no ${orphan}.md): delete the folder if it is not needed`);
  }
  const failed = outcomes.some((outcome) => outcome.status === 'failed' || (check && outcome.status === 'outdated'));
  return { outcomes, problems, ok: !failed && !stopped && !unknownLesson };
}

// ---------------------------------------------------------------------------------------------
// Reading

function readLessons(root: string): LessonLoadResult[] {
  const referencesPath = join(root, REFERENCES_FILE);
  const references = existsSync(referencesPath) ? parseReferences(readFileSync(referencesPath, 'utf8'), REFERENCES_FILE) : null;
  const referenceIds = references?.ok ? [...references.value.keys()] : [];
  const files: LessonFile[] = [];
  for (const language of LANGUAGES) {
    const folder = `${LESSONS_DIR}/${language}`;
    if (!existsSync(join(root, folder))) continue;
    for (const name of readdirSync(join(root, folder)).sort()) {
      if (name.endsWith('.md') && statSync(join(root, folder, name)).isFile()) files.push({ file: `${folder}/${name}`, text: readFileSync(join(root, folder, name), 'utf8') });
    }
  }
  return loadLessons(files, lessonContext(referenceIds));
}

function readManifest(dir: string): Manifest | null {
  const path = join(dir, MANIFEST_FILE);
  return existsSync(path) ? parseManifest(readFileSync(path, 'utf8')) : null;
}

/** The audio and timing files present for step n. */
function snapshot(dir: string, n: number): StepFiles {
  const audio: AudioFile[] = [];
  for (const extension of RECORDING_EXTENSIONS) {
    const name = `step-${n}.${extension}`;
    const path = join(dir, name);
    if (!existsSync(path)) continue;
    const bytes = readFileSync(path);
    audio.push({ name, sha256: sha256Bytes(bytes), generatedTag: generatedTag(bytes) });
  }
  const vttPath = join(dir, `step-${n}.vtt`);
  return { audio, vtt: existsSync(vttPath) ? { sha256: sha256Bytes(readFileSync(vttPath)) } : null };
}

function generatedTag(bytes: Uint8Array): string | null {
  try {
    return oggComment(readOgg(bytes), GENERATED_TAG);
  } catch {
    return null;
  }
}

const fileSize = (path: string) => (existsSync(path) ? statSync(path).size : 0);

/** Writes a file through a temporary name beside it, so that an interrupted build never leaves half a file. */
function writeAtomic(path: string, data: string | Uint8Array): void {
  writeFileSync(`${path}.partial`, data);
  renameSync(`${path}.partial`, path);
}

// ---------------------------------------------------------------------------------------------
// Speech

interface RenderInput {
  dir: string;
  n: number;
  lesson: Lesson;
  step: Step;
  settings: SpeechSettings;
  tools: NarrationTools;
  speechHash: string;
  status: (text: string) => void;
}

function renderStep({ dir, n, lesson, step, settings, tools, speechHash: hash, status }: RenderInput) {
  const work = mkdtempSync(join(tmpdir(), 'atlas-narration-'));
  try {
    const clips: Int16Array[] = [];
    let sampleRate = 0;
    step.sentences.forEach((sentence, i) => {
      status(`speaking sentence ${i + 1}/${step.sentences.length}`);
      const wav = join(work, `sentence-${i}.wav`);
      speakToWav(tools, sentence.text, settings.voice, settings.rateWpm, wav);
      const pcm = readPcm16(readFileSync(wav));
      if (sampleRate !== 0 && pcm.sampleRate !== sampleRate) throw new Error(`espeak-ng wrote sentence ${sentence.key} at ${pcm.sampleRate} Hz, the others at ${sampleRate} Hz`);
      sampleRate = pcm.sampleRate;
      const range = soundRange(pcm.samples, SILENCE_THRESHOLD, Math.round((TRIM_MARGIN_MS * sampleRate) / 1000));
      clips.push(pcm.samples.subarray(range.start, range.end));
    });
    const samplesOf = (ms: number) => Math.round((ms * sampleRate) / 1000);
    const pauses = step.sentences.map((sentence, i) => {
      const next = step.sentences[i + 1];
      return samplesOf(next === undefined ? settings.tailMs : next.paragraph !== sentence.paragraph ? settings.paragraphPauseMs : settings.sentencePauseMs);
    });
    const joined = joinClips(clips, pauses, samplesOf(settings.leadMs));
    const cues = cuesFromClips(step.sentences, joined.starts, joined.samples.length, sampleRate);
    const durationMs = Math.round((joined.samples.length * 1000) / sampleRate);
    const wrong = checkCues(cues, step.sentences, durationMs, { toleranceMs: 1 });
    if (wrong.length > 0) throw new Error(`the timing came out wrong: ${wrong.join('; ')}`);

    status('encoding');
    const stepWav = join(work, 'step.wav');
    const stepOpus = join(work, 'step.opus');
    writeFileSync(stepWav, encodeWav({ sampleRate, samples: joined.samples }));
    encodeOpus(tools, stepWav, stepOpus, {
      bitrateKbps: settings.bitrateKbps,
      serial: Number.parseInt(hash.slice(0, 7), 16),
      title: `${lesson.title} — ${n}. ${step.title}`,
      comments: [`${GENERATED_TAG}=${hash}`, `LANGUAGE=${lesson.language}`],
    });
    const opus = readFileSync(stepOpus);
    const encodedSeconds = readOgg(opus).durationSeconds;
    if (Math.abs(encodedSeconds * 1000 - durationMs) > 30) throw new Error(`opusenc's file lasts ${encodedSeconds.toFixed(3)} s, the speech ${(durationMs / 1000).toFixed(3)} s`);

    mkdirSync(dir, { recursive: true });
    const vtt = writeVtt(cues);
    const audio = `step-${n}.opus`;
    writeAtomic(join(dir, `step-${n}.vtt`), vtt);
    writeAtomic(join(dir, audio), opus);
    return { audio, audioSha256: sha256Bytes(opus), audioBytes: opus.length, durationMs, vttSha256: sha256Bytes(Buffer.from(vtt)) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Recordings

interface RecordingInput {
  dir: string;
  n: number;
  step: Step;
  recording: string;
  vttIsOurs: boolean;
}

function timeRecording({ dir, n, step, recording, vttIsOurs }: RecordingInput) {
  const bytes = readFileSync(join(dir, recording));
  let measured;
  try {
    measured = audioDuration(bytes);
  } catch (error) {
    throw new Error(`cannot read how long ${recording} lasts: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const durationMs = Math.round(measured.seconds * 1000);
  const vttPath = join(dir, `step-${n}.vtt`);
  let replacedVtt: { backup: string; why: string } | null = null;

  if (existsSync(vttPath) && !vttIsOurs) {
    // Timing the build did not write: an author's own (aligned by hand in a subtitle editor). Keep it if it fits.
    const text = readFileSync(vttPath, 'utf8');
    const parsed = parseVtt(text);
    const wrong = [...parsed.errors, ...checkCues(parsed.cues, step.sentences, durationMs, { mustCover: false, toleranceMs: 250 })];
    if (wrong.length === 0) {
      return { audioSha256: sha256Bytes(bytes), durationMs, format: measured.format, timing: 'by-hand' as const, vttSha256: sha256Bytes(Buffer.from(text)), replacedVtt };
    }
    const backup = freeName(dir, `step-${n}.vtt.bak`);
    renameSync(vttPath, join(dir, backup));
    replacedVtt = { backup, why: wrong.slice(0, 2).join('; ') };
  }

  const cues: Cue[] = spreadByWords(step.sentences, durationMs);
  const vtt = writeVtt(cues);
  writeAtomic(vttPath, vtt);
  return { audioSha256: sha256Bytes(bytes), durationMs, format: measured.format, timing: 'spread-by-words' as const, vttSha256: sha256Bytes(Buffer.from(vtt)), replacedVtt };
}

function freeName(dir: string, name: string): string {
  if (!existsSync(join(dir, name))) return name;
  for (let k = 2; ; k += 1) if (!existsSync(join(dir, `${name}${k}`))) return `${name}${k}`;
}

// ---------------------------------------------------------------------------------------------
// Cleaning up

/**
 * Steps beyond the lesson's last (it was shortened): files the build made are deleted, with their
 * manifest entries; recordings are left and reported. Half-written files of an interrupted build
 * (`*.partial`) are deleted too.
 */
function removeStaleSteps(dir: string, lesson: Lesson, manifest: Manifest, log: (line: string) => void, problems: string[]): Manifest {
  if (!existsSync(dir)) return manifest;
  let result = manifest;
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith('.partial')) {
      unlinkSync(join(dir, name));
      continue;
    }
    const match = STEP_FILE.exec(name);
    if (!match) continue;
    const n = Number(match[1]);
    if (n >= 1 && n <= lesson.stepCount) continue;
    const entry: StepEntry | undefined = manifest.steps.find((candidate) => candidate.step === n);
    const sha = sha256Bytes(readFileSync(join(dir, name)));
    // The build's own files: engine audio, and timing it wrote (timing written by hand is the author's).
    const ours =
      entry !== undefined &&
      ((name === entry.audio && entry.source === 'speech-engine' && sha === entry.audioSha256) || (name.endsWith('.vtt') && entry.timing !== 'by-hand' && sha === entry.vttSha256));
    if (ours) {
      unlinkSync(join(dir, name));
      log(`removed ${name}: the lesson has only ${lesson.stepCount} steps`);
    } else {
      problems.push(`${narrationDir(lesson.language, lesson.id)}/${name}: not used, the lesson has only ${lesson.stepCount} steps (left in place)`);
    }
  }
  for (const entry of manifest.steps) if (entry.step > lesson.stepCount) result = withoutStep(result, entry.step);
  return result;
}

/** Narration folders with no lesson file beside them. */
function orphanFolders(root: string, results: readonly LessonLoadResult[]): string[] {
  const orphans: string[] = [];
  for (const language of LANGUAGES) {
    const folder = `${LESSONS_DIR}/${language}`;
    if (!existsSync(join(root, folder))) continue;
    for (const name of readdirSync(join(root, folder)).sort()) {
      if (!statSync(join(root, folder, name)).isDirectory()) continue;
      if (!results.some((result) => result.file === `${folder}/${name}.md`)) orphans.push(`${folder}/${name}`);
    }
  }
  return orphans;
}

// ---------------------------------------------------------------------------------------------
// Formatting

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
export const kilobytes = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** The closing summary: counts by status, audio length and size. */
export function summarize(report: BuildReport): string {
  const count = (status: StepStatus) => report.outcomes.filter((outcome) => outcome.status === status).length;
  const parts = (
    [
      ['rendered', 'spoken by the engine', 'spoken by the engine'],
      ['up-to-date', 'up to date', 'up to date'],
      ['spread', 'recording timed by spreading (not aligned)', 'recordings timed by spreading (not aligned)'],
      ['hand-timed', 'recording timed by hand', 'recordings timed by hand'],
      ['recording-up-to-date', 'recording up to date', 'recordings up to date'],
      ['outdated', 'out of date', 'out of date'],
      ['skipped', 'skipped', 'skipped'],
      ['failed', 'failed', 'failed'],
    ] as const
  )
    .map(([status, one, many]) => [count(status), one, many] as const)
    .filter(([n]) => n > 0)
    .map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  const withAudio = report.outcomes.filter((outcome) => outcome.durationMs !== undefined);
  const totalMs = withAudio.reduce((sum, outcome) => sum + (outcome.durationMs ?? 0), 0);
  const totalBytes = withAudio.reduce((sum, outcome) => sum + (outcome.audioBytes ?? 0), 0);
  const totalSeconds = Math.round(totalMs / 1000);
  const length = `${Math.floor(totalSeconds / 60)} min ${totalSeconds % 60} s`;
  return `narration: ${report.outcomes.length} steps: ${parts.join(', ') || 'nothing to do'}. ${withAudio.length} steps with audio, ${length}, ${kilobytes(totalBytes)}.`;
}
