import { formatContentError } from '../../../shared/lessons/load-lessons';
import type { Lesson } from '../../../shared/lessons/lesson-types';
import { narrationAudioPaths, narrationTiming, narrationTimingPath, type StepTiming } from '../../../shared/lessons/narration-timing';
import { readingStepTiming } from '../../../shared/lessons/timeline';
import type { Host } from '../../host/host';
import type { StepRecording } from '../voices/audio-voice';

/**
 * A lesson's recorded narration: for each step, its recording and timing when both are there and
 * agree with the text, else nothing (that step is read by the reading clock). `problems` says,
 * with file and line, why a step that has files could not use them.
 */
export interface LessonNarration {
  /** Recorded timing where a step has a usable recording, reading-clock timing elsewhere. */
  timings: StepTiming[];
  recordings: (StepRecording | null)[];
  problems: string[];
}

const withoutRoot = (path: string) => path.replace(/^content\//, '');

export async function loadNarration(host: Host, lesson: Lesson, baseUrl: string): Promise<LessonNarration> {
  const listing = await host.listContent({ root: 'content' });
  const present = new Set(listing.entries.map((entry) => entry.path));
  const problems: string[] = [];
  const steps = await Promise.all(
    lesson.steps.map(async (step): Promise<{ timing: StepTiming; recording: StepRecording | null }> => {
      const reading = { timing: readingStepTiming(step), recording: null };
      const audio = narrationAudioPaths(lesson.language, lesson.id, step).find((path) => present.has(withoutRoot(path)));
      const timingFile = narrationTimingPath(lesson.language, lesson.id, step);
      if (!audio) return reading;
      if (!present.has(withoutRoot(timingFile))) {
        problems.push(`${timingFile}: missing, so ${audio} cannot be followed; this step is read silently`);
        return reading;
      }
      try {
        const text = (await host.readContent({ root: 'content', path: withoutRoot(timingFile) })).text;
        const timed = narrationTiming(step, text, timingFile, { lessonFile: lesson.file, audioFile: audio });
        if (!timed.ok) {
          problems.push(...timed.errors.map(formatContentError));
          return reading;
        }
        return { timing: timed.value, recording: { url: new URL(audio, baseUrl).href, file: audio } };
      } catch (error) {
        problems.push(`${timingFile}: could not be read (${error instanceof Error ? error.message : String(error)})`);
        return reading;
      }
    }),
  );
  return { timings: steps.map((s) => s.timing), recordings: steps.map((s) => s.recording), problems };
}
