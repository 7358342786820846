import type { CameraTarget, SceneView } from './camera-shots';
import type { Cue } from './cue-vocabulary';
import type { CuePoint, Lesson, Step } from './lesson-types';
import type { SentenceTiming, StepTiming } from './narration-timing';
import { applyCue, type SceneState } from './scene';

/**
 * The lesson's one clock. A lesson is laid out on a single time line, in seconds of narration at
 * speed 1: its steps one after the other, each step's sentences at the times its voice says them
 * (a recording's timing file, or the reading clock), and each cue at the word it stands before.
 *
 * What the learner sees at time t is a pure function of (timeline, t), `stateAt`: the step, the
 * sentence being said, the scene (the step's starting scene with every cue fired so far applied),
 * and the phase of every animation still running (a morph, a camera move, a pulse). Playing,
 * pausing, seeking, changing speed, stepping and resuming after a restart therefore all agree:
 * there is nothing else to remember. Speed is not part of the timeline: the clock (lesson-clock.ts)
 * runs lesson time faster or slower.
 *
 * Steps are numbered here by their position in `lesson.steps` (from 0), which is not `Step.index`
 * when a step of the file was left out for an error.
 */

// ---------------------------------------------------------------------------------------------
// The reading clock

/** The reading clock's default pace (a calm narration; speed 0.75–1.5 applies on top). */
export const DEFAULT_WORDS_PER_MINUTE = 150;
/** Silence before a step's first sentence, while the camera reaches the step's scene. */
export const STEP_LEAD_IN_SECONDS = 0.8;
/** Silence after a step's last sentence, long enough for a morph started by its last word. */
export const STEP_TAIL_SECONDS = 1.5;
/** Silence between two sentences of a paragraph, and between two paragraphs. */
export const SENTENCE_PAUSE_SECONDS = 0.4;
export const PARAGRAPH_PAUSE_SECONDS = 0.9;
/** No sentence is read faster than this, however short. */
export const MIN_SENTENCE_SECONDS = 0.8;

/** The reading clock's timing of one step at `wordsPerMinute`. */
export function readingStepTiming(step: Pick<Step, 'sentences'>, wordsPerMinute: number = DEFAULT_WORDS_PER_MINUTE): StepTiming {
  const secondsPerWord = 60 / (Number.isFinite(wordsPerMinute) && wordsPerMinute > 0 ? wordsPerMinute : DEFAULT_WORDS_PER_MINUTE);
  let at = STEP_LEAD_IN_SECONDS;
  const sentences = step.sentences.map((sentence, i) => {
    const previous = step.sentences[i - 1];
    if (previous) at += previous.paragraph === sentence.paragraph ? SENTENCE_PAUSE_SECONDS : PARAGRAPH_PAUSE_SECONDS;
    const start = at;
    at += Math.max(MIN_SENTENCE_SECONDS, sentence.wordCount * secondsPerWord);
    return { start, end: at };
  });
  return { sentences, duration: at + STEP_TAIL_SECONDS };
}

/** The reading clock's timing of every step of a lesson, for `buildTimeline`. */
export function readingTimings(lesson: Pick<Lesson, 'steps'>, wordsPerMinute: number = DEFAULT_WORDS_PER_MINUTE): StepTiming[] {
  return lesson.steps.map((step) => readingStepTiming(step, wordsPerMinute));
}

// ---------------------------------------------------------------------------------------------
// The timeline

/** A sentence on the timeline, in lesson seconds. */
export interface TimedSentence {
  key: string;
  start: number;
  end: number;
}

/** A cue on the timeline. */
export interface TimedCue {
  /** Position of its step in `lesson.steps`. */
  step: number;
  /** Position in `Step.cues`. */
  index: number;
  point: CuePoint;
  /** When it fires, in lesson seconds. */
  time: number;
}

export interface TimelineStep {
  step: Step;
  start: number;
  end: number;
  sentences: TimedSentence[];
  /** The step's cues in narration order; their times never decrease. */
  cues: TimedCue[];
  /** The scene after every cue of the step. */
  endScene: SceneState;
}

export interface Timeline {
  lessonId: string;
  steps: TimelineStep[];
  /** `steps[i].start`, for the clock. */
  stepStarts: number[];
  /** The end of the last step. */
  duration: number;
}

/**
 * Lays a lesson out in time. `timings[i]` times `lesson.steps[i]` (one entry per sentence), in
 * seconds from the step's start. Timings are made consistent rather than refused (they were
 * checked when read): times below 0 become 0, a sentence never starts before the previous one
 * ends nor ends before it starts, and a step lasts at least until its last sentence ends.
 *
 * A cue fires at `start + (end − start) × word / wordCount` of its sentence: linear in words, the
 * same rule for recordings, the speech synthesiser and the reading clock.
 */
export function buildTimeline(lesson: Pick<Lesson, 'id' | 'steps'>, timings: readonly StepTiming[]): Timeline {
  if (timings.length !== lesson.steps.length) {
    throw new RangeError(`buildTimeline: ${timings.length} step timings for ${lesson.steps.length} steps of "${lesson.id}"`);
  }
  const steps: TimelineStep[] = [];
  let stepStart = 0;
  lesson.steps.forEach((step, s) => {
    const timing = timings[s] as StepTiming;
    if (timing.sentences.length !== step.sentences.length) {
      throw new RangeError(`buildTimeline: step ${s + 1} of "${lesson.id}" has ${step.sentences.length} sentences and its timing ${timing.sentences.length}`);
    }
    const local = consistent(timing.sentences);
    const lastEnd = local.at(-1)?.end ?? 0;
    const duration = Math.max(lastEnd, finite(timing.duration));
    const sentences = local.map((time, i) => ({ key: step.sentences[i]?.key ?? '', start: stepStart + time.start, end: stepStart + time.end }));
    let previousTime = stepStart;
    const cues = step.cues.map((point, index): TimedCue => {
      const sentence = step.sentences[point.sentence];
      const time = sentences[point.sentence];
      let at = stepStart;
      if (sentence && time) {
        const fraction = sentence.wordCount > 0 ? Math.min(1, Math.max(0, point.word / sentence.wordCount)) : 0;
        at = time.start + (time.end - time.start) * fraction;
      }
      previousTime = Math.max(previousTime, at);
      return { step: s, index, point, time: previousTime };
    });
    const endScene = cues.reduce<SceneState>((scene, timed) => applyCue(scene, timed.point.cue, timed.time - stepStart), step.scene);
    steps.push({ step, start: stepStart, end: stepStart + duration, sentences, cues, endScene });
    stepStart += duration;
  });
  return { lessonId: lesson.id, steps, stepStarts: steps.map((step) => step.start), duration: stepStart };
}

function finite(value: number): number {
  return Number.isFinite(value) ? Math.max(0, value) : 0;
}

function consistent(sentences: readonly SentenceTiming[]): SentenceTiming[] {
  let at = 0;
  return sentences.map(({ start, end }) => {
    const s = Math.max(at, finite(start));
    const e = Math.max(s, finite(end));
    at = e;
    return { start: s, end: e };
  });
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** When each step starts, in lesson seconds. */
export function stepStartTimes(timeline: Timeline): readonly number[] {
  return timeline.stepStarts;
}

/** When step `i` starts (clamped to the lesson's steps). */
export function timeOfStep(timeline: Timeline, i: number): number {
  if (timeline.steps.length === 0) return 0;
  const index = Math.min(Math.max(0, Math.trunc(i)), timeline.steps.length - 1);
  return timeline.stepStarts[index] ?? 0;
}

/** When sentence `sentence` of step `step` starts. */
export function timeOfSentence(timeline: Timeline, step: number, sentence: number): number {
  const timed = timeline.steps[step];
  if (!timed) return timeOfStep(timeline, step);
  return timed.sentences[Math.min(Math.max(0, sentence), timed.sentences.length - 1)]?.start ?? timed.start;
}

/** Every cue with its firing time, in time order; or those of one step. */
export function cueTimes(timeline: Timeline, step?: number): readonly TimedCue[] {
  if (step !== undefined) return timeline.steps[step]?.cues ?? [];
  return timeline.steps.flatMap((timed) => timed.cues);
}

/** The step playing at t: the last one started at or before t (the last step from its start to the end). */
export function stepIndexAt(timeline: Timeline, t: number): number {
  const starts = timeline.stepStarts;
  let lo = 0;
  let hi = starts.length - 1;
  if (hi < 0) return 0;
  // Binary search for the last start ≤ t, skipping steps of no duration.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Where t falls in its step: the sentence said, or the one before the pause, and how far through. */
export interface TimelinePosition {
  step: number;
  /** The sentence being said, or null in a pause (or before the first, after the last). */
  sentence: number | null;
  /** How far through that sentence, 0 to 1 (0 in a pause). */
  progress: number;
  /** The last sentence begun in this step, or null before the first. */
  lastSentence: number | null;
}

export function positionAt(timeline: Timeline, t: number): TimelinePosition {
  const step = stepIndexAt(timeline, t);
  const timed = timeline.steps[step];
  if (!timed) return { step, sentence: null, progress: 0, lastSentence: null };
  let last = -1;
  let lo = 0;
  let hi = timed.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((timed.sentences[mid] as TimedSentence).start <= t) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const current = timed.sentences[last];
  if (!current) return { step, sentence: null, progress: 0, lastSentence: null };
  if (t < current.end) {
    const progress = current.end > current.start ? (t - current.start) / (current.end - current.start) : 0;
    return { step, sentence: last, progress, lastSentence: last };
  }
  return { step, sentence: null, progress: 0, lastSentence: last };
}

/**
 * The same place on another timeline of the same lesson (after a voice falls back, say): the same
 * step and sentence, as far through it; in a pause or at a step's edge, the same share of the pause.
 */
export function mapTime(from: Timeline, to: Timeline, t: number): number {
  const time = clampTime(from, t);
  if (time >= from.duration) return to.duration;
  const position = positionAt(from, time);
  const a = from.steps[position.step];
  const b = to.steps[position.step];
  if (!a || !b) return clampTime(to, time);
  // Pieces of a step: [start, s0.start], [s0.start, s0.end], [s0.end, s1.start], … [sn.end, end].
  const marks = (step: TimelineStep) => [step.start, ...step.sentences.flatMap((s) => [s.start, s.end]), step.end];
  const ma = marks(a);
  const mb = marks(b);
  for (let i = 0; i < ma.length - 1; i++) {
    const lo = ma[i] as number;
    const hi = ma[i + 1] as number;
    if (time < hi || i === ma.length - 2) {
      const fraction = hi > lo ? Math.min(1, Math.max(0, (time - lo) / (hi - lo))) : 0;
      const blo = mb[i] ?? b.start;
      const bhi = mb[i + 1] ?? b.end;
      return blo + (bhi - blo) * fraction;
    }
  }
  return b.start;
}

/** t kept within [0, duration]; NaN is 0. */
export function clampTime(timeline: Timeline, t: number): number {
  if (Number.isNaN(t)) return 0;
  return Math.min(Math.max(0, t), timeline.duration);
}

// ---------------------------------------------------------------------------------------------
// The state at a time

/** How long the animations started by cues last, in lesson seconds. */
export const ANIMATION_SECONDS = {
  /** The anatomy ⇄ tree morph (the renderer's MORPH_SECONDS). */
  morph: 1.5,
  /** A camera move: `focus`, `fly-into`, `fly-out`, and the glide to a new step's camera. */
  camera: 0.9,
  /** One glow of a pulse; `times=N` glows one after the other. */
  pulseGlow: 0.8,
} as const;

/** A cue that has fired in the current step. */
export interface FiredCue {
  /** Position in `Step.cues`. */
  index: number;
  point: CuePoint;
  /** When it fired, in lesson seconds. */
  time: number;
  /** Seconds since. */
  elapsed: number;
}

interface PhaseBase {
  /** Seconds since the animation started; `progress` is this over its length, 0 to 1 (linear: ease it as you like). */
  elapsed: number;
  progress: number;
}

/** An animation under way: the scene already shows where it ends; the phase says how far it has gone. */
export type AnimationPhase =
  | (PhaseBase & { kind: 'morph'; cue: number; from: SceneView; to: SceneView })
  | (PhaseBase & {
      kind: 'camera';
      /** The cue that moved the camera, or null for the glide into a new step's scene. */
      cue: number | null;
      cueName: 'focus' | 'fly-into' | 'fly-out' | 'step';
      from: CameraTarget;
      to: CameraTarget;
      fromCloseUp: string | null;
      toCloseUp: string | null;
    })
  | (PhaseBase & {
      kind: 'pulse';
      cue: number;
      ids: readonly string[];
      times: number;
      /** The glow now, 0 to 1 and back to 0 in each of its `times` glows. */
      glow: number;
    });

export interface LessonState {
  /** The time asked for, kept within [0, duration]. */
  t: number;
  /** Position in `lesson.steps`. */
  stepIndex: number;
  /** Seconds since the step began. */
  stepTime: number;
  /** The sentence being said, or null in a pause. */
  sentenceIndex: number | null;
  /** How far through it, 0 to 1 (0 in a pause). */
  sentenceProgress: number;
  /** What the captions show: the sentence being said or, in a pause, the last one said; null before the first. */
  captionIndex: number | null;
  /** The step's scene with every cue fired so far applied. */
  scene: SceneState;
  /** The step's cues that have fired (time ≤ t), in order. */
  firedCues: FiredCue[];
  /** Animations still running at t, in the order they started. */
  phases: AnimationPhase[];
  /** True at the end of the lesson. */
  ended: boolean;
}

/**
 * The state of the lesson at t: a pure function of the timeline and t, the same whether the
 * lesson played up to t or jumped there. Cheap enough for every frame (a step has a few cues).
 */
export function stateAt(timeline: Timeline, t: number): LessonState {
  const time = clampTime(timeline, t);
  const position = positionAt(timeline, time);
  const timed = timeline.steps[position.step];
  if (!timed) throw new RangeError(`the timeline of "${timeline.lessonId}" has no step`);
  const fired = firedCount(timed.cues, time);

  const stepTime = time - timed.start;
  const phases: AnimationPhase[] = [];
  const entry = stepEntryPhase(timeline, position.step, stepTime);
  if (entry) phases.push(entry);

  let scene = timed.step.scene;
  const firedCues: FiredCue[] = [];
  for (let k = 0; k < fired; k++) {
    const cue = timed.cues[k] as TimedCue;
    const elapsed = time - cue.time;
    const phase = cuePhase(cue, scene, elapsed);
    if (phase) phases.push(phase);
    scene = applyCue(scene, cue.point.cue, cue.time - timed.start);
    firedCues.push({ index: cue.index, point: cue.point, time: cue.time, elapsed });
  }

  return {
    t: time,
    stepIndex: position.step,
    stepTime,
    sentenceIndex: position.sentence,
    sentenceProgress: position.progress,
    captionIndex: position.lastSentence,
    scene,
    firedCues,
    phases,
    ended: time >= timeline.duration,
  };
}

/** The camera's glide from where the previous step ended to where step `step` starts, while it lasts. */
export function stepEntryPhase(timeline: Timeline, step: number, stepTime: number): AnimationPhase | null {
  const previous = timeline.steps[step - 1];
  const timed = timeline.steps[step];
  if (!previous || !timed || stepTime >= ANIMATION_SECONDS.camera || stepTime < 0) return null;
  const a = previous.endScene;
  const b = timed.step.scene;
  if (sameCamera(a.camera, b.camera) && a.closeUp === b.closeUp) return null;
  return { kind: 'camera', cue: null, cueName: 'step', from: a.camera, to: b.camera, fromCloseUp: a.closeUp, toCloseUp: b.closeUp, elapsed: stepTime, progress: stepTime / ANIMATION_SECONDS.camera };
}

/** How many of the step's cues have fired at t (their times never decrease). */
function firedCount(cues: readonly TimedCue[], t: number): number {
  let lo = 0;
  let hi = cues.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cues[mid] as TimedCue).time <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sameCamera(a: CameraTarget, b: CameraTarget): boolean {
  return a.kind === 'shot' ? b.kind === 'shot' && a.shot === b.shot : b.kind === 'structure' && a.id === b.id;
}

/** The animation a cue started in scene `before`, if it is still running `elapsed` seconds later. */
export function cuePhase(timed: TimedCue, before: SceneState, elapsed: number): AnimationPhase | null {
  const cue: Cue = timed.point.cue;
  const index = timed.index;
  switch (cue.name) {
    case 'morph': {
      if (before.view === cue.args.view || elapsed >= ANIMATION_SECONDS.morph) return null;
      return { kind: 'morph', cue: index, from: before.view, to: cue.args.view, elapsed, progress: elapsed / ANIMATION_SECONDS.morph };
    }
    case 'focus':
    case 'fly-into':
    case 'fly-out': {
      if (elapsed >= ANIMATION_SECONDS.camera) return null;
      const after = applyCue(before, cue, timed.time);
      if (sameCamera(before.camera, after.camera) && before.closeUp === after.closeUp) return null;
      return {
        kind: 'camera',
        cue: index,
        cueName: cue.name,
        from: before.camera,
        to: after.camera,
        fromCloseUp: before.closeUp,
        toCloseUp: after.closeUp,
        elapsed,
        progress: elapsed / ANIMATION_SECONDS.camera,
      };
    }
    case 'pulse': {
      const length = ANIMATION_SECONDS.pulseGlow * cue.args.times;
      if (elapsed >= length) return null;
      const glow = Math.sin((Math.PI * elapsed) / ANIMATION_SECONDS.pulseGlow) ** 2;
      return { kind: 'pulse', cue: index, ids: cue.args.ids, times: cue.args.times, glow, elapsed, progress: elapsed / length };
    }
    default:
      return null;
  }
}
