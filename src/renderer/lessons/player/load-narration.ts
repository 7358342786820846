import { formatContentError } from '../../../shared/lessons/load-lessons';
import type { Lesson } from '../../../shared/lessons/lesson-types';
import {
  manifestAudioDuration,
  narrationAudioPaths,
  narrationManifestPath,
  narrationTimingPath,
  parseNarrationManifest,
  resolveNarration,
  type ManifestRecording,
  type StepNarrationFiles,
  type StepTiming,
  type StepTimingSource,
} from '../../../shared/lessons/narration-timing';
import { readingStepTiming } from '../../../shared/lessons/timeline';
import type { Host } from '../../host/host';
import type { StepRecording } from '../voices/audio-voice';

/**
 * A lesson's recorded narration, as `resolveNarration` (narration-timing.ts) decides it from the
 * files the host lists: for each step, its recording and timing when the timing file fits the
 * text (or, with no timing file, the recording's length from `narration.json` spread over the
 * sentences by words), else nothing (that step is read by the reading clock). `problems` says,
 * with file, line and column, why a step that has files could not use them.
 */
export interface LessonNarration {
  /** Recorded (or spread) timing where a step has a usable recording, reading-clock timing elsewhere. */
  timings: StepTiming[];
  sources: StepTimingSource[];
  recordings: (StepRecording | null)[];
  problems: string[];
}

const withoutRoot = (path: string) => path.replace(/^content\//, '');
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function loadNarration(host: Host, lesson: Lesson, baseUrl: string): Promise<LessonNarration> {
  const listing = await host.listContent({ root: 'content' });
  const present = new Set(listing.entries.map((entry) => entry.path));
  const has = (path: string) => present.has(withoutRoot(path));
  const read = async (path: string) => (await host.readContent({ root: 'content', path: withoutRoot(path) })).text;
  // Problems by step, so that they are listed in the lesson's order.
  const stepProblems: string[][] = lesson.steps.map(() => []);

  // The recordings' lengths, when the narration build recorded them.
  const manifestFile = narrationManifestPath(lesson.language, lesson.id);
  let manifest: Map<number, ManifestRecording> | null = null;
  if (has(manifestFile)) {
    manifest = await read(manifestFile)
      .then(parseNarrationManifest)
      .catch(() => null);
  }

  const files = await Promise.all(
    lesson.steps.map(async (step, i): Promise<StepNarrationFiles | null> => {
      const audioFile = narrationAudioPaths(lesson.language, lesson.id, step).find(has);
      if (!audioFile) return null;
      const found: StepNarrationFiles = { audioFile, audioDuration: manifestAudioDuration(manifest, step, audioFile), vttFile: null, vttText: null };
      const vttFile = narrationTimingPath(lesson.language, lesson.id, step);
      if (!has(vttFile)) return found;
      try {
        return { ...found, vttFile, vttText: await read(vttFile) };
      } catch (error) {
        stepProblems[i]?.push(`${vttFile}: could not be read (${reason(error)}); this step is read silently`);
        return null;
      }
    }),
  );

  const resolved = resolveNarration(lesson, files, readingStepTiming);
  lesson.steps.forEach((step, i) => {
    const found = files[i];
    if (!found?.audioFile) return;
    const vttFile = narrationTimingPath(lesson.language, lesson.id, step);
    stepProblems[i]?.push(...resolved.errors.filter((error) => error.file === vttFile).map(formatContentError));
    if (found.vttText === null && resolved.sources[i] === 'reading') {
      stepProblems[i]?.push(`${vttFile}: missing, and the length of ${found.audioFile} is not in narration.json, so the recording cannot be followed; this step is read silently`);
    }
  });

  const recordings = resolved.sources.map((source, i): StepRecording | null => {
    const audioFile = files[i]?.audioFile;
    return source === 'reading' || !audioFile ? null : { url: new URL(audioFile, baseUrl).href, file: audioFile };
  });
  return { timings: resolved.timings, sources: resolved.sources, recordings, problems: stepProblems.flat() };
}
