import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatContentError } from '../../../src/shared/lessons/load-lessons';
import type { Lesson } from '../../../src/shared/lessons/lesson-types';
import { narrationTiming, narrationTimingPath, NARRATION_AUDIO_EXTENSIONS } from '../../../src/shared/lessons/narration-timing';
import { buildTimeline, readingStepTiming } from '../../../src/shared/lessons/timeline';
import { load, read, ROOT } from './lesson-test-support';

/**
 * The narration shipped with the lessons (made by `npm run narration:build`, see docs/narration.md)
 * must be what the app reads: every timing file parses and fits its step's sentences, and the
 * recording it times is there.
 */
const lessons = load(['content/lessons/en/tree-of-milk.md', 'content/lessons/fr/tree-of-milk.md']).flatMap((result) => (result.lesson ? [result.lesson] : []));

function manifestDurations(lesson: Lesson): Map<number, number> {
  const file = `content/lessons/${lesson.language}/${lesson.id}/narration.json`;
  const durations = new Map<number, number>();
  if (!existsSync(`${ROOT}${file}`)) return durations;
  const manifest = JSON.parse(read(file)) as { steps?: { step?: unknown; durationMs?: unknown }[] };
  for (const entry of manifest.steps ?? []) {
    if (typeof entry.step === 'number' && typeof entry.durationMs === 'number') durations.set(entry.step, entry.durationMs / 1000);
  }
  return durations;
}

describe('the shipped narration', () => {
  for (const lesson of lessons) {
    const folder = `content/lessons/${lesson.language}/${lesson.id}`;
    const present = existsSync(`${ROOT}${folder}`);
    it.skipIf(!present)(`${folder}: every step's timing fits its sentences and its recording`, () => {
      const files = new Set(readdirSync(`${ROOT}${folder}`));
      const durations = manifestDurations(lesson);
      const timings = lesson.steps.map((step) => {
        const vtt = narrationTimingPath(lesson.language, lesson.id, step);
        const n = step.index + 1;
        expect(NARRATION_AUDIO_EXTENSIONS.some((extension) => files.has(`step-${n}.${extension}`)), `a recording for step ${n}`).toBe(true);
        if (!files.has(`step-${n}.vtt`)) return readingStepTiming(step);
        const audioDuration = durations.get(n);
        const timing = narrationTiming(step, read(vtt), vtt, { lessonFile: lesson.file, ...(audioDuration === undefined ? {} : { audioDuration }) });
        expect(timing.ok ? [] : timing.errors.map(formatContentError)).toEqual([]);
        return timing.ok ? timing.value : readingStepTiming(step);
      });
      const timeline = buildTimeline(lesson, timings);
      expect(timeline.duration).toBeGreaterThan(60);
    });
  }
});
