import { NARRATION_VOICES, type NarrationVoiceKind } from '../../../shared/settings';

/**
 * A lesson's voice: what says the narration while the lesson clock runs. Three kinds, behind one
 * interface, so the player never needs to know which is active:
 *
 * - `audio`: the recordings shipped with the lesson, one per step; while one plays, its position
 *   is the master time and the clock follows it;
 * - `speech`: the operating system's voice (speechSynthesis), one utterance per sentence; the clock
 *   is set to the sentence's planned start and end when the synthesiser starts and ends it;
 * - `reading`: silent; the clock alone (it always works, and is what tests use).
 *
 * A voice follows the clock (lesson-clock.ts) rather than being told what to do: the player only
 * plays, pauses, seeks, steps and changes speed on the clock, and calls `update()` on every
 * animation frame (and right after such a call, so that sound starts within the learner's
 * gesture). The voice notices each change through `clock.revision` and starts again from the
 * clock's time. Nothing here uses a timer: the speech watchdog reads the injected time source.
 *
 * When a voice cannot go on it reports a `VoiceProblem` and lets the clock run freely: the lesson
 * continues on the reading clock at once, and the player can replace the voice and say why.
 *
 * Every browser object is passed in (an Audio factory, the speechSynthesis object, a time source),
 * described here by the little the voices use, so the voices run in Node against fakes.
 */

/** The same three kinds the learner chooses between in settings (`narrationVoice`). */
export const VOICE_KINDS = NARRATION_VOICES;
export type VoiceKind = NarrationVoiceKind;

/** What the clock offers a voice; `LessonClock` has all of it. */
export interface VoiceClock {
  time(): number;
  readonly playing: boolean;
  readonly speed: number;
  /** Changes when the learner (or the end of the lesson) changes the clock: the voice must start again from `time()`. */
  readonly revision: number;
  /** Sets the time from the voice, without a revision. */
  sync(t: number): void;
  /** Keeps time from passing t (null: let it run). */
  hold(t: number | null): void;
}

export type VoiceProblemCode =
  /** A recording could not be loaded: missing, unreadable, or a format this system cannot play. */
  | 'audio-unavailable'
  /** A recording loaded but could not be decoded. */
  | 'audio-decode'
  /** The system refused to play sound (autoplay blocked, no audio device). */
  | 'audio-refused'
  /** This system has no speech synthesis at all. */
  | 'speech-unsupported'
  /** No installed (offline) system voice speaks the lesson's language. */
  | 'speech-no-voice'
  /** The voice chosen in settings is not installed: another voice of the language is used. */
  | 'speech-voice-substituted'
  /** The synthesiser reported an error. */
  | 'speech-error'
  /** The synthesiser did not finish a sentence in time (watchdog). */
  | 'speech-stalled';

/**
 * - `none`: information only; the voice goes on (another system voice is used, say);
 * - `step`: this step is read by the clock alone (silently); the voice goes on with the next steps;
 * - `lesson`: the voice has stopped; the clock runs on by itself; replace it with the reading voice.
 */
export type VoiceFallback = 'none' | 'step' | 'lesson';

export interface VoiceProblem {
  voice: VoiceKind;
  code: VoiceProblemCode;
  fallback: VoiceFallback;
  /** The step concerned (position in `lesson.steps`), or null for the whole lesson. */
  step: number | null;
  /** The file at fault (a recording), or null. */
  file: string | null;
  /** For `speech-voice-substituted`: the voice asked for and the one used. */
  requestedVoice?: string;
  usedVoice?: string;
  /** A plain English description naming the file or voice, for logs and content maintainers; the player shows a translated message from `code`. */
  message: string;
}

export type VoiceProblemListener = (problem: VoiceProblem) => void;

export interface NarrationVoice {
  readonly kind: VoiceKind;
  /** Follows the clock: call on every animation frame, and right after changing the clock. */
  update(): void;
  /** Lesson time as the voice has it, when the voice owns time (a recording playing); else null. */
  currentTime(): number | null;
  /** Silences the voice for good and lets go of the clock; `update` then does nothing. */
  stop(): void;
  /** Returns a function that removes the listener. */
  onProblem(listener: VoiceProblemListener): () => void;
}

/** The listeners of a voice, and reporting to them. */
export class ProblemListeners {
  private readonly listeners = new Set<VoiceProblemListener>();

  add(listener: VoiceProblemListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  report(problem: VoiceProblem): void {
    for (const listener of [...this.listeners]) listener(problem);
  }
}
