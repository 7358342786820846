import { stepIndexAt, type Timeline } from '../../../shared/lessons/timeline';
import { ProblemListeners, type NarrationVoice, type VoiceClock, type VoiceProblem } from './voice';

/**
 * The recorded narration: one audio element per step (`step-<n>.opus` and its siblings, see
 * narration-timing.ts). While a recording plays its position is the master time: the clock is
 * held while the recording loads or buffers, and set to it whenever they drift apart by more than
 * `driftTolerance`. After a recording ends the clock runs alone to the end of its step (the step
 * may last longer, e.g. its timing file says so), then the next step's recording starts.
 *
 * A recording that cannot be loaded or decoded is reported (`fallback: 'step'`, the file named)
 * and its step is read silently by the clock; the other steps keep their recordings. If the
 * system refuses to play sound at all, the voice stops (`fallback: 'lesson'`).
 */

/** The little of an HTMLAudioElement the voice uses. */
export interface AudioLike {
  currentTime: number;
  playbackRate: number;
  readonly paused: boolean;
  readonly ended: boolean;
  /** Seconds; NaN until the metadata has loaded. */
  readonly duration: number;
  /** HAVE_FUTURE_DATA (3) or more: it can play now. */
  readonly readyState: number;
  readonly error: { readonly code: number; readonly message: string } | null;
  play(): Promise<void>;
  pause(): void;
  load(): void;
  removeAttribute(name: string): void;
  addEventListener(type: 'error', listener: () => void): void;
  removeEventListener(type: 'error', listener: () => void): void;
}

/** The recording of a step: the URL to load and the file to name in messages. */
export interface StepRecording {
  url: string;
  file: string;
}

export interface AudioVoiceOptions {
  clock: VoiceClock;
  timeline: Timeline;
  /** `recordings[i]` for `timeline.steps[i]`; null for a step without a recording (read by the clock). */
  recordings: readonly (StepRecording | null)[];
  /** Makes an audio element that loads `url` (in the app: `new Audio(url)`). */
  createAudio: (url: string) => AudioLike;
  /** Seconds of drift between the clock and the recording tolerated before the clock is set (default 0.05). */
  driftTolerance?: number;
}

const HAVE_FUTURE_DATA = 3;
const MEDIA_ERR_ABORTED = 1;
const MEDIA_ERR_NETWORK = 2;
const MEDIA_ERR_DECODE = 3;

interface Loaded {
  audio: AudioLike;
  onError: () => void;
}

export function createAudioVoice(options: AudioVoiceOptions): NarrationVoice {
  const { clock, timeline, recordings, createAudio } = options;
  const tolerance = options.driftTolerance ?? 0.05;
  const problems = new ProblemListeners();
  const loaded = new Map<number, Loaded>();
  const failed = new Set<number>();
  let stopped = false;
  /** The step whose recording is playing (or about to), and the clock revision it started at. */
  let active: { step: number; revision: number; started: boolean } | null = null;
  let holding = false;
  let owned: number | null = null;

  const hold = (t: number | null) => {
    if (t === null && !holding) return;
    holding = t !== null;
    clock.hold(t);
  };

  const report = (problem: Omit<VoiceProblem, 'voice'>) => problems.report({ voice: 'audio', ...problem });

  const fail = (step: number, code: 'audio-unavailable' | 'audio-decode', detail: string) => {
    if (failed.has(step)) return;
    failed.add(step);
    release(step);
    if (active?.step === step) {
      active = null;
      owned = null;
      hold(null);
    }
    const file = recordings[step]?.file ?? null;
    report({ code, fallback: 'step', step, file, message: `${file ?? 'the recording'} ${detail}: step ${step + 1} is read by the reading clock instead` });
  };

  const load = (step: number): AudioLike | null => {
    const recording = recordings[step];
    if (!recording || failed.has(step)) return null;
    const existing = loaded.get(step);
    if (existing) return existing.audio;
    let audio: AudioLike;
    try {
      audio = createAudio(recording.url);
    } catch (error) {
      fail(step, 'audio-unavailable', `could not be opened (${describe(error)})`);
      return null;
    }
    const onError = () => {
      const code = audio.error?.code ?? 0;
      if (code === MEDIA_ERR_ABORTED) return;
      const reason = audio.error?.message ? ` (${audio.error.message})` : '';
      if (code === MEDIA_ERR_DECODE) fail(step, 'audio-decode', `could not be decoded${reason}`);
      else if (code === MEDIA_ERR_NETWORK) fail(step, 'audio-unavailable', `could not be read${reason}`);
      else fail(step, 'audio-unavailable', `is missing or not in a format this system can play${reason}`);
    };
    audio.addEventListener('error', onError);
    loaded.set(step, { audio, onError });
    // An error already there (a fake, or a cached failure) counts at once.
    if (audio.error) onError();
    return failed.has(step) ? null : audio;
  };

  function release(step: number) {
    const entry = loaded.get(step);
    if (!entry) return;
    loaded.delete(step);
    entry.audio.removeEventListener('error', entry.onError);
    entry.audio.pause();
    entry.audio.removeAttribute('src');
    entry.audio.load();
  }

  const pauseAll = (except: number | null) => {
    for (const [step, { audio }] of loaded) if (step !== except && !audio.paused) audio.pause();
  };

  const start = (step: number, audio: AudioLike, local: number) => {
    pauseAll(step);
    active = { step, revision: clock.revision, started: false };
    const length = audio.duration;
    if (Number.isFinite(length) && local >= length) {
      // Past the end of the recording: the rest of the step is silence.
      audio.pause();
      active.started = true;
      owned = null;
      hold(null);
      return;
    }
    audio.currentTime = Math.max(0, local);
    audio.playbackRate = clock.speed;
    hold(clock.time());
    const mine = active;
    audio.play().then(
      () => undefined,
      (error: unknown) => {
        if (stopped || active !== mine) return;
        const name = error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error) ? String((error as { name: unknown }).name) : '';
        // Pausing or seeking before it started interrupts play(): nothing wrong.
        if (name === 'AbortError') return;
        if (name === 'NotAllowedError') {
          stop();
          report({ code: 'audio-refused', fallback: 'lesson', step, file: recordings[step]?.file ?? null, message: `the system refused to play the narration (${describe(error)}): the lesson goes on with the reading clock` });
          return;
        }
        fail(step, 'audio-unavailable', `could not be played (${describe(error)})`);
      },
    );
  };

  function stop() {
    if (stopped) return;
    stopped = true;
    for (const step of [...loaded.keys()]) release(step);
    active = null;
    owned = null;
    hold(null);
  }

  return {
    kind: 'audio',
    update() {
      if (stopped) return;
      owned = null;
      const t = clock.time();
      if (!clock.playing) {
        pauseAll(null);
        active = null;
        hold(null);
        return;
      }
      const step = stepIndexAt(timeline, t);
      const timed = timeline.steps[step];
      // Keep this step's and the next step's recordings; let the others go.
      for (const other of [...loaded.keys()]) if (other !== step && other !== step + 1) release(other);
      const audio = timed ? load(step) : null;
      if (timed && step + 1 < timeline.steps.length) load(step + 1);
      if (!timed || !audio || failed.has(step)) {
        pauseAll(null);
        active = null;
        hold(null);
        return;
      }
      if (active && active.step === step && active.revision !== clock.revision && !audio.paused && Math.abs(timed.start + audio.currentTime - t) <= tolerance) {
        // A change of speed: the recording goes on at the new rate, without a jump.
        audio.playbackRate = clock.speed;
        active.revision = clock.revision;
      }
      if (!active || active.step !== step || active.revision !== clock.revision) {
        start(step, audio, t - timed.start);
        return;
      }
      if (audio.ended || (active.started && audio.paused)) {
        // The recording is over: the clock runs alone to the end of the step.
        hold(null);
        return;
      }
      const master = timed.start + audio.currentTime;
      owned = master;
      if (audio.readyState >= HAVE_FUTURE_DATA && !audio.paused) {
        active.started = true;
        if (holding) {
          hold(null);
          clock.sync(master);
        } else if (Math.abs(master - t) > tolerance) {
          clock.sync(master);
        }
      } else {
        // Loading or buffering: time waits for the recording.
        clock.sync(master);
        hold(master);
      }
    },
    currentTime: () => owned,
    stop,
    onProblem: (listener) => problems.add(listener),
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'object' && error !== null && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}
