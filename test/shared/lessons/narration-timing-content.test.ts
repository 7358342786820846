import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatContentError } from '../../../src/shared/lessons/load-lessons';
import { manifestAudioDuration, narrationManifestPath, narrationTiming, narrationTimingPath, NARRATION_AUDIO_EXTENSIONS, parseNarrationManifest } from '../../../src/shared/lessons/narration-timing';
import { buildTimeline, readingStepTiming } from '../../../src/shared/lessons/timeline';
import { load, read, ROOT } from './lesson-test-support';

/**
 * The narration shipped with the lessons (made by `npm run narration:build`, see docs/narration.md)
 * must be what the app reads: every timing file parses and fits its step's sentences, and the
 * recording it times is there.
 */
const lessons = load(['content/lessons/en/tree-of-milk.md', 'content/lessons/fr/tree-of-milk.md']).flatMap((result) => (result.lesson ? [result.lesson] : []));

describe('the shipped narration', () => {
  for (const lesson of lessons) {
    const folder = `content/lessons/${lesson.language}/${lesson.id}`;
    const present = existsSync(`${ROOT}${folder}`);
    it.skipIf(!present)(`${folder}: every step's timing fits its sentences and its recording`, () => {
      const files = new Set(readdirSync(`${ROOT}${folder}`));
      const manifestFile = narrationManifestPath(lesson.language, lesson.id);
      const manifest = existsSync(`${ROOT}${manifestFile}`) ? parseNarrationManifest(read(manifestFile)) : null;
      expect(manifest, `${manifestFile} lists the recordings`).not.toBeNull();
      const timings = lesson.steps.map((step) => {
        const vtt = narrationTimingPath(lesson.language, lesson.id, step);
        const n = step.index + 1;
        expect(NARRATION_AUDIO_EXTENSIONS.some((extension) => files.has(`step-${n}.${extension}`)), `a recording for step ${n}`).toBe(true);
        if (!files.has(`step-${n}.vtt`)) return readingStepTiming(step);
        const audio = NARRATION_AUDIO_EXTENSIONS.map((extension) => `${folder}/step-${n}.${extension}`).find((file) => files.has(file.slice(folder.length + 1)));
        const audioDuration = audio === undefined ? null : manifestAudioDuration(manifest, step, audio);
        expect(audioDuration, `the length of step ${n}'s recording in narration.json`).not.toBeNull();
        const timing = narrationTiming(step, read(vtt), vtt, { lessonFile: lesson.file, ...(audioDuration === null ? {} : { audioDuration }) });
        expect(timing.ok ? [] : timing.errors.map(formatContentError)).toEqual([]);
        return timing.ok ? timing.value : readingStepTiming(step);
      });
      const timeline = buildTimeline(lesson, timings);
      expect(timeline.duration).toBeGreaterThan(60);
    });
  }
});
