import type { AudioLike } from '../../../src/renderer/lessons/voices/audio-voice';
import type { SpeechEventLike, SpeechSynthesisLike, SpeechVoiceLike, UtteranceLike } from '../../../src/renderer/lessons/voices/speech-voice';
import type { VoiceProblem } from '../../../src/renderer/lessons/voices/voice';
import { LessonClock } from '../../../src/shared/lessons/lesson-clock';
import type { Lesson } from '../../../src/shared/lessons/lesson-types';
import type { Timeline } from '../../../src/shared/lessons/timeline';
import { load } from '../../shared/lessons/lesson-test-support';

export const lesson = load(['content/lessons/en/tree-of-milk.md'], { checkTranslations: false })[0]?.lesson as Lesson;

/** A time source moved by hand, in seconds. */
export class FakeTime {
  t = 100;
  now = () => this.t;
}

/** A clock on a fake time source; `frame(dt)` moves time on and lets the voice follow, as the player's frame loop does. */
export function rig(timeline: Timeline) {
  const time = new FakeTime();
  const clock = new LessonClock({ now: time.now, timeline });
  return { time, clock };
}

export function problemsOf(voice: { onProblem(listener: (problem: VoiceProblem) => void): () => void }): VoiceProblem[] {
  const problems: VoiceProblem[] = [];
  voice.onProblem((problem) => problems.push(problem));
  return problems;
}

/** Waits for promise callbacks (play() settling). */
export const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

// ---------------------------------------------------------------------------------------------
// Audio

/** An audio element: loads when told, plays when ready, its position moved by `run(seconds)`. */
export class FakeAudio implements AudioLike {
  currentTime = 0;
  playbackRate = 1;
  paused = true;
  ended = false;
  duration = Number.NaN;
  readyState = 0;
  error: { code: number; message: string } | null = null;
  src: string | null;
  playCalls = 0;
  /** What the next play() does. */
  playOutcome: 'resolve' | { name: string; message: string } = 'resolve';
  private readonly errorListeners = new Set<() => void>();

  constructor(url: string) {
    this.src = url;
  }

  /** The metadata and enough data have arrived. */
  ready(duration: number) {
    this.duration = duration;
    this.readyState = 4;
  }

  fail(code: number, message = '') {
    this.error = { code, message };
    for (const listener of [...this.errorListeners]) listener();
  }

  /** Plays `seconds` of real time (at the playback rate) if it is playing and ready. */
  run(seconds: number) {
    if (this.paused || this.readyState < 3 || this.ended) return;
    this.currentTime += seconds * this.playbackRate;
    if (Number.isFinite(this.duration) && this.currentTime >= this.duration) {
      this.currentTime = this.duration;
      this.ended = true;
      this.paused = true;
    }
  }

  play(): Promise<void> {
    this.playCalls += 1;
    const outcome = this.playOutcome;
    if (outcome !== 'resolve') {
      return Promise.reject(Object.assign(new Error(outcome.message), { name: outcome.name }));
    }
    this.paused = false;
    this.ended = false;
    return Promise.resolve();
  }

  pause() {
    this.paused = true;
  }

  load() {
    this.readyState = 0;
  }

  removeAttribute(name: string) {
    if (name === 'src') this.src = null;
  }

  addEventListener(_type: 'error', listener: () => void) {
    this.errorListeners.add(listener);
  }

  removeEventListener(_type: 'error', listener: () => void) {
    this.errorListeners.delete(listener);
  }
}

// ---------------------------------------------------------------------------------------------
// Speech

export class FakeUtterance implements UtteranceLike {
  lang = '';
  rate = 1;
  voice: SpeechVoiceLike | null = null;
  private readonly listeners = new Map<string, ((event: SpeechEventLike) => void)[]>();

  constructor(public text: string) {}

  addEventListener(type: 'start' | 'end' | 'error' | 'boundary', listener: (event: SpeechEventLike) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  emit(type: 'start' | 'end' | 'error' | 'boundary', event: SpeechEventLike = {}) {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

export const voice = (name: string, lang: string, localService = true, isDefault = false): SpeechVoiceLike => ({ name, lang, localService, default: isDefault });

/** speechSynthesis: keeps what it was asked to say; cancel() interrupts it as Chromium does. */
export class FakeSynth implements SpeechSynthesisLike<FakeUtterance> {
  spoken: FakeUtterance[] = [];
  cancels = 0;
  constructor(public voices: SpeechVoiceLike[]) {}

  get last(): FakeUtterance | undefined {
    return this.spoken.at(-1);
  }

  speak(utterance: FakeUtterance) {
    this.spoken.push(utterance);
  }

  cancel() {
    this.cancels += 1;
    this.last?.emit('error', { error: 'interrupted' });
  }

  getVoices() {
    return this.voices;
  }
}
