import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MORPH_SECONDS } from '../../../src/renderer/scene/gland/morph-timeline';
import type { Lesson, Step } from '../../../src/shared/lessons/lesson-types';
import { sceneAt } from '../../../src/shared/lessons/load-lessons';
import { narrationTiming, spreadByWords, type StepTiming } from '../../../src/shared/lessons/narration-timing';
import { applyCue, type SceneState } from '../../../src/shared/lessons/scene';
import {
  ANIMATION_SECONDS,
  buildTimeline,
  clampTime,
  cuePhase,
  cueTimes,
  DEFAULT_WORDS_PER_MINUTE,
  mapTime,
  MIN_SENTENCE_SECONDS,
  PARAGRAPH_PAUSE_SECONDS,
  positionAt,
  readingStepTiming,
  readingTimings,
  SENTENCE_PAUSE_SECONDS,
  stateAt,
  STEP_LEAD_IN_SECONDS,
  STEP_TAIL_SECONDS,
  stepEntryPhase,
  stepIndexAt,
  stepStartTimes,
  timeOfSentence,
  timeOfStep,
  type AnimationPhase,
  type FiredCue,
  type LessonState,
  type TimedCue,
  type Timeline,
} from '../../../src/shared/lessons/timeline';
import { load, read } from './lesson-test-support';

const lesson = load(['test/fixtures/lessons/engine/en/tree-of-milk.md'], { checkTranslations: false })[0]?.lesson as Lesson;
const step = (i: number) => lesson.steps[i] as Step;
const reading = buildTimeline(lesson, readingTimings(lesson));
const VTT = read('test/fixtures/narration/en/tree-of-milk/step-3.vtt');

function recordedStep3(): StepTiming {
  const timing = narrationTiming(step(2), VTT, 'step-3.vtt', { audioDuration: 37.5 });
  if (!timing.ok) throw new Error('the fixture should be valid');
  return timing.value;
}

/** The reading clock everywhere but step 3, which has a recording and its timing file. */
const mixed = buildTimeline(
  lesson,
  readingTimings(lesson).map((timing, i) => (i === 2 ? recordedStep3() : timing)),
);

describe('the reading clock', () => {
  it('reads at the given pace, with a lead-in, pauses between sentences and paragraphs, and a tail', () => {
    const first = step(0);
    const timing = readingStepTiming(first, 120);
    const words = first.sentences.map((sentence) => sentence.wordCount);
    expect(timing.sentences[0]).toEqual({ start: STEP_LEAD_IN_SECONDS, end: STEP_LEAD_IN_SECONDS + (words[0] as number) * 0.5 });
    // 0.0 and 0.1 share a paragraph; 0.1 and 0.2 do not.
    expect(first.sentences[1]?.paragraph).toBe(first.sentences[0]?.paragraph);
    expect(first.sentences[2]?.paragraph).not.toBe(first.sentences[1]?.paragraph);
    expect((timing.sentences[1]?.start ?? 0) - (timing.sentences[0]?.end ?? 0)).toBeCloseTo(SENTENCE_PAUSE_SECONDS, 9);
    expect((timing.sentences[2]?.start ?? 0) - (timing.sentences[1]?.end ?? 0)).toBeCloseTo(PARAGRAPH_PAUSE_SECONDS, 9);
    expect(timing.duration - (timing.sentences.at(-1)?.end ?? 0)).toBeCloseTo(STEP_TAIL_SECONDS, 9);
    // A sentence of two words still gets a moment.
    const short = readingStepTiming(step(1), 600).sentences[2] as { start: number; end: number };
    expect(step(1).sentences[2]?.text).toBe('How many?');
    expect(short.end - short.start).toBeCloseTo(MIN_SENTENCE_SECONDS, 9);
  });

  it('takes about the lesson’s announced duration at the default pace', () => {
    expect(DEFAULT_WORDS_PER_MINUTE).toBe(150);
    expect(reading.duration / 60).toBeGreaterThan(lesson.durationMinutes * 0.6);
    expect(reading.duration / 60).toBeLessThan(lesson.durationMinutes * 1.4);
  });

  it('falls back to the default pace for a nonsensical one', () => {
    expect(readingStepTiming(step(0), 0)).toEqual(readingStepTiming(step(0)));
    expect(readingStepTiming(step(0), Number.NaN)).toEqual(readingStepTiming(step(0)));
  });
});

describe('buildTimeline', () => {
  it('lays the steps end to end', () => {
    const starts = stepStartTimes(mixed);
    expect(starts[0]).toBe(0);
    mixed.steps.forEach((timed, i) => {
      expect(timed.start).toBe(starts[i]);
      expect(timeOfStep(mixed, i)).toBe(timed.start);
      if (i > 0) expect(timed.start).toBe(mixed.steps[i - 1]?.end);
    });
    expect(mixed.duration).toBe(mixed.steps.at(-1)?.end);
    // The recorded step lasts as long as its recording.
    expect((mixed.steps[2]?.end ?? 0) - (mixed.steps[2]?.start ?? 0)).toBeCloseTo(37.5, 9);
    expect(timeOfStep(mixed, 99)).toBe(starts.at(-1));
    expect(timeOfStep(mixed, -3)).toBe(0);
    expect(timeOfSentence(mixed, 2, 1)).toBeCloseTo((starts[2] as number) + 9.4, 9);
  });

  it('fires a cue at its word: linear in words between its sentence’s start and end', () => {
    // {pulse main-ducts} stands before word 10 of 2.0 ("…about nine main ducts {pulse} leading…"), 23 words, 0.5 s to 8.9 s.
    const [pulse] = cueTimes(mixed, 2);
    expect(pulse?.point.marker).toBe('{pulse main-ducts}');
    expect(pulse?.point.word).toBe(9);
    const start = mixed.steps[2]?.start as number;
    const fires = start + 0.5 + (8.4 * 9) / 23;
    expect(pulse?.time).toBeCloseTo(fires, 9);
    expect(stateAt(mixed, fires - 0.001).firedCues).toEqual([]);
    expect(stateAt(mixed, fires).firedCues.map((cue) => cue.point.marker)).toEqual(['{pulse main-ducts}']);
    expect(stateAt(mixed, fires + 0.2).phases).toMatchObject([{ kind: 'pulse', cue: 0, ids: expect.arrayContaining(['duct-1']), times: 2 }]);
    // A cue after the last word of a step's last sentence fires as that sentence ends.
    const last = cueTimes(reading, 6).find((cue) => cue.point.marker === '{focus nipple-and-areola}') as TimedCue;
    expect(last.time).toBe(reading.steps[6]?.sentences[1]?.end);
  });

  it('fires a cue of the reading clock after as many words as it follows', () => {
    const timeline = buildTimeline(lesson, readingTimings(lesson, 120));
    const hide = cueTimes(timeline, 0)[0] as TimedCue;
    expect(hide.point.marker).toBe('{hide skin fat}');
    const sentence = timeline.steps[0]?.sentences[1];
    expect(hide.time).toBeCloseTo((sentence?.start ?? 0) + hide.point.word * 0.5, 9);
    expect(stateAt(timeline, hide.time - 1e-6).scene.layers).toContain('skin');
    expect(stateAt(timeline, hide.time).scene.layers).not.toContain('skin');
  });

  it('lists every cue in time order', () => {
    const all = cueTimes(mixed);
    expect(all.length).toBe(lesson.steps.reduce((n, s) => n + s.cues.length, 0));
    for (let i = 1; i < all.length; i++) expect((all[i] as TimedCue).time).toBeGreaterThanOrEqual((all[i - 1] as TimedCue).time);
  });

  it('makes inconsistent timings consistent rather than trusting them', () => {
    const bad: StepTiming[] = readingTimings(lesson);
    bad[0] = { sentences: step(0).sentences.map((_, i) => (i === 2 ? { start: -5, end: Number.NaN } : { start: 10 - i, end: 9 - i })), duration: -1 };
    const timeline = buildTimeline(lesson, bad);
    let at = 0;
    for (const sentence of timeline.steps[0]?.sentences ?? []) {
      expect(sentence.start).toBeGreaterThanOrEqual(at);
      expect(sentence.end).toBeGreaterThanOrEqual(sentence.start);
      at = sentence.end;
    }
    expect(timeline.steps[0]?.end).toBe(at);
  });

  it('refuses timings that do not fit the lesson', () => {
    expect(() => buildTimeline(lesson, readingTimings(lesson).slice(1))).toThrow(/6 step timings for 7 steps/);
    const short = readingTimings(lesson);
    short[1] = spreadByWords({ sentences: step(1).sentences.slice(1) }, 10);
    expect(() => buildTimeline(lesson, short)).toThrow(/step 2 of "tree-of-milk" has 7 sentences and its timing 6/);
  });
});

describe('stateAt', () => {
  it('knows the step, the sentence said, and what the captions show in a pause', () => {
    const timed = reading.steps[1];
    if (!timed) throw new Error('no step 2');
    const s0 = timed.sentences[0];
    const s1 = timed.sentences[1];
    if (!s0 || !s1) throw new Error('step 2 has two sentences');
    expect(stateAt(reading, timed.start)).toMatchObject({ stepIndex: 1, stepTime: 0, sentenceIndex: null, captionIndex: null });
    expect(stateAt(reading, (s0.start + s0.end) / 2)).toMatchObject({ stepIndex: 1, sentenceIndex: 0, captionIndex: 0, sentenceProgress: expect.closeTo(0.5, 9) });
    expect(stateAt(reading, s0.end)).toMatchObject({ sentenceIndex: null, sentenceProgress: 0, captionIndex: 0 });
    expect(stateAt(reading, s1.start)).toMatchObject({ sentenceIndex: 1, sentenceProgress: 0 });
    expect(stateAt(reading, timed.start - 1e-9).stepIndex).toBe(0);
  });

  it('shows the step’s scene with the cues fired so far, as sceneAt does', () => {
    for (const [s, timed] of reading.steps.entries()) {
      expect(stateAt(reading, timed.start).scene).toEqual(sceneAt(timed.step, 0));
      for (const [k, cue] of timed.cues.entries()) {
        const fired = timed.cues.filter((other) => other.time <= cue.time).length;
        expect(fired).toBeGreaterThan(k);
        expect(stateAt(reading, cue.time).scene, `step ${s + 1}, cue ${k + 1}`).toEqual(sceneAt(timed.step, fired));
      }
      expect(stateAt(reading, timed.end - 1e-6).scene).toEqual(timed.endScene);
    }
  });

  it('keeps t within the lesson and says when it has ended', () => {
    expect(stateAt(reading, -4)).toMatchObject({ t: 0, stepIndex: 0, ended: false });
    expect(stateAt(reading, Number.NaN).t).toBe(0);
    const end = stateAt(reading, reading.duration + 10);
    expect(end).toMatchObject({ t: reading.duration, stepIndex: 6, sentenceIndex: null, captionIndex: 6, ended: true });
    expect(end.scene).toEqual(reading.steps[6]?.endScene);
  });

  it('morphs over 1.5 s from the cue, like the atlas’s tree view', () => {
    expect(ANIMATION_SECONDS.morph).toBe(MORPH_SECONDS);
    const morph = cueTimes(reading, 0).find((cue) => cue.point.cue.name === 'morph') as TimedCue;
    const at = (dt: number) => stateAt(reading, morph.time + dt).phases.filter((phase) => phase.kind === 'morph');
    expect(at(0)).toEqual([{ kind: 'morph', cue: morph.index, from: 'anatomy', to: 'tree', elapsed: 0, progress: 0 }]);
    expect(at(0.75)[0]?.progress).toBeCloseTo(0.5, 9);
    expect(at(1.5)).toEqual([]);
    // The scene says where the morph ends from its first instant.
    expect(stateAt(reading, morph.time).scene.view).toBe('tree');
  });

  it('moves the camera for focus, fly-into and fly-out, and not when it is already there', () => {
    const focus = cueTimes(reading, 0).find((cue) => cue.point.cue.name === 'focus') as TimedCue;
    const phase = stateAt(reading, focus.time + 0.45).phases.find((p) => p.kind === 'camera');
    // {morph tree} had already moved the camera to the tree shot: {focus tree} right after it changes nothing.
    expect(phase).toBeUndefined();
    const flyInto = cueTimes(reading, 4).find((cue) => cue.point.cue.name === 'fly-into') as TimedCue;
    expect(stateAt(reading, flyInto.time + 0.45).phases).toEqual(
      expect.arrayContaining([
        {
          kind: 'camera',
          cue: flyInto.index,
          cueName: 'fly-into',
          // {morph anatomy} just before it put the camera back on the whole breast.
          from: { kind: 'shot', shot: 'whole-breast' },
          to: { kind: 'structure', id: 'lobule-3.1.2.1.1' },
          fromCloseUp: null,
          toCloseUp: 'lobule-3.1.2.1.1',
          elapsed: expect.closeTo(0.45, 9),
          progress: expect.closeTo(0.5, 9),
        },
      ]),
    );
    expect(stateAt(reading, flyInto.time + ANIMATION_SECONDS.camera).phases.some((p) => p.kind === 'camera')).toBe(false);
  });

  it('pulses as many times as asked, each glow rising and falling', () => {
    const pulse = cueTimes(reading, 3)[0] as TimedCue;
    expect(pulse.point.marker).toBe('{pulse main-ducts times=3}');
    const glow = (dt: number) => (stateAt(reading, pulse.time + dt).phases.find((p) => p.kind === 'pulse') as (AnimationPhase & { kind: 'pulse' }) | undefined)?.glow;
    const g = ANIMATION_SECONDS.pulseGlow;
    expect(glow(0)).toBe(0);
    expect(glow(g / 2)).toBeCloseTo(1, 9);
    expect(glow(g)).toBeCloseTo(0, 9);
    expect(glow(2.5 * g)).toBeCloseTo(1, 9);
    expect(glow(3 * g)).toBeUndefined();
  });

  it('glides the camera from where the previous step ended into the new step’s scene', () => {
    const timed = reading.steps[1];
    if (!timed) throw new Error('no step 2');
    const [phase] = stateAt(reading, timed.start + 0.3).phases;
    expect(phase).toMatchObject({ kind: 'camera', cue: null, cueName: 'step', from: { kind: 'shot', shot: 'tree' }, to: { kind: 'shot', shot: 'nipple-and-areola' } });
    expect(phase?.progress).toBeCloseTo(0.3 / ANIMATION_SECONDS.camera, 9);
    expect(stepEntryPhase(reading, 0, 0)).toBeNull();
    expect(stepEntryPhase(reading, 1, ANIMATION_SECONDS.camera)).toBeNull();
  });
});

describe('positions and other timelines', () => {
  it('finds the step at any time, the last one from its start to the end', () => {
    for (const [i, timed] of reading.steps.entries()) {
      expect(stepIndexAt(reading, timed.start)).toBe(i);
      expect(stepIndexAt(reading, timed.end - 1e-6)).toBe(i);
    }
    expect(stepIndexAt(reading, reading.duration)).toBe(6);
    expect(positionAt(reading, -1)).toEqual({ step: 0, sentence: null, progress: 0, lastSentence: null });
  });

  it('maps a time to the same place on another timeline of the lesson', () => {
    const slow = buildTimeline(lesson, readingTimings(lesson, 100));
    for (const t of [0, 3.3, 47.2, 100, 200.5, reading.duration]) {
      const mapped = mapTime(reading, slow, t);
      const a = stateAt(reading, t);
      const b = stateAt(slow, mapped);
      expect(b.stepIndex).toBe(a.stepIndex);
      expect(b.sentenceIndex).toBe(a.sentenceIndex);
      expect(b.sentenceProgress).toBeCloseTo(a.sentenceProgress, 9);
      expect(b.firedCues.map((cue) => cue.index)).toEqual(a.firedCues.map((cue) => cue.index));
      expect(mapTime(reading, reading, t)).toBeCloseTo(t, 9);
    }
    expect(mapTime(mixed, reading, mixed.duration)).toBe(reading.duration);
  });
});

// ---------------------------------------------------------------------------------------------
// Seek determinism

/**
 * A player that plays frame by frame: it keeps the scene it has, applies each cue as time passes
 * it, remembers when each fired and the scene just before, and starts over from the step's scene
 * when a new step begins. The state it reaches must be the state `stateAt` gives for a jump.
 */
function playFrames(timeline: Timeline, times: readonly number[]): LessonState {
  let stepIndex = -1;
  let scene: SceneState | null = null;
  let fired: { cue: TimedCue; before: SceneState }[] = [];
  let t = 0;
  for (const raw of times) {
    t = clampTime(timeline, raw);
    const now = stepIndexAt(timeline, t);
    const timed = timeline.steps[now];
    if (!timed) throw new Error('no step');
    if (now !== stepIndex) {
      stepIndex = now;
      scene = timed.step.scene;
      fired = [];
    }
    let next = timed.cues[fired.length];
    while (next && next.time <= t && scene) {
      fired.push({ cue: next, before: scene });
      scene = applyCue(scene, next.point.cue);
      next = timed.cues[fired.length];
    }
  }
  const timed = timeline.steps[stepIndex];
  if (!timed || !scene) throw new Error('nothing played');
  const position = positionAt(timeline, t);
  const entry = stepEntryPhase(timeline, stepIndex, t - timed.start);
  const phases = [...(entry ? [entry] : []), ...fired.flatMap(({ cue, before }) => cuePhase(cue, before, t - cue.time) ?? [])];
  const firedCues: FiredCue[] = fired.map(({ cue }) => ({ index: cue.index, point: cue.point, time: cue.time, elapsed: t - cue.time }));
  return {
    t,
    stepIndex,
    stepTime: t - timed.start,
    sentenceIndex: position.sentence,
    sentenceProgress: position.progress,
    captionIndex: position.lastSentence,
    scene,
    firedCues,
    phases,
    ended: t >= timeline.duration,
  };
}

/** Timings for the lesson: random sentence lengths and pauses, the odd step spread over a recording. */
const timingsArbitrary = fc.array(
  fc.record({
    lead: fc.double({ min: 0, max: 2, noNaN: true }),
    pause: fc.double({ min: 0, max: 1.5, noNaN: true }),
    perWord: fc.double({ min: 0.05, max: 0.8, noNaN: true }),
    tail: fc.double({ min: 0, max: 3, noNaN: true }),
    spread: fc.boolean(),
  }),
  { minLength: lesson.steps.length, maxLength: lesson.steps.length },
);

function timingsFrom(parameters: { lead: number; pause: number; perWord: number; tail: number; spread: boolean }[]): StepTiming[] {
  return lesson.steps.map((s, i) => {
    const p = parameters[i] as (typeof parameters)[number];
    if (p.spread) return spreadByWords(s, s.sentences.reduce((n, sentence) => n + sentence.wordCount, 0) * p.perWord);
    let at = p.lead;
    const sentences = s.sentences.map((sentence) => {
      const start = at;
      at += sentence.wordCount * p.perWord;
      const end = at;
      at += p.pause;
      return { start, end };
    });
    return { sentences, duration: at + p.tail };
  });
}

describe('seek determinism', () => {
  it('reaches the same state playing frame by frame up to t as jumping to t', () => {
    fc.assert(
      fc.property(timingsArbitrary, fc.array(fc.double({ min: 0, max: 4, noNaN: true }), { minLength: 1, maxLength: 300 }), (parameters, steps) => {
        const timeline = buildTimeline(lesson, timingsFrom(parameters));
        const times: number[] = [];
        let t = 0;
        for (const dt of steps) {
          t += dt;
          times.push(t);
        }
        expect(playFrames(timeline, times)).toEqual(stateAt(timeline, t));
      }),
      { numRuns: 200 },
    );
  });

  it('lands on every cue exactly: the frame at a cue’s time and a jump there agree', () => {
    const times = [...new Set(cueTimes(mixed).flatMap((cue) => [cue.time - 1e-7, cue.time, cue.time + 0.01]))].sort((a, b) => a - b);
    for (let i = 0; i < times.length; i++) {
      const t = times[i] as number;
      expect(playFrames(mixed, times.slice(0, i + 1))).toEqual(stateAt(mixed, t));
    }
  });

  it('gives the same state at t after seeking back and forth', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -10, max: 800, noNaN: true }), { minLength: 1, maxLength: 20 }), fc.double({ min: 0, max: 700, noNaN: true }), (detours, t) => {
        // stateAt keeps nothing between calls: whatever came before, the state at t is the same.
        for (const other of detours) stateAt(reading, other);
        expect(stateAt(reading, t)).toEqual(stateAt(buildTimeline(lesson, readingTimings(lesson)), t));
      }),
      { numRuns: 50 },
    );
  });
});
