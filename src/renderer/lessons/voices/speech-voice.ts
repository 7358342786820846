import type { Language } from '../../../shared/languages';
import { positionAt, type Timeline } from '../../../shared/lessons/timeline';
import { ProblemListeners, type NarrationVoice, type VoiceClock, type VoiceProblem } from './voice';

/**
 * The operating system's voice, through speechSynthesis: one utterance per sentence, at
 * `rate = speed`. The timeline is planned by the reading clock (`readingTimings`); the voice keeps
 * the clock on the synthesiser: when it asks for a sentence it holds the clock at the sentence's
 * planned start, on `start` it lets it run up to the planned end (and holds it there if the
 * synthesiser is slower), on `end` it sets it to the planned end; where the synthesiser reports
 * word boundaries, the clock is set to each word's planned time on the way. The pause between
 * sentences is the clock's. Starting in the middle of a sentence (a seek, a pause) says the rest of it from the
 * word at that time.
 *
 * Only voices installed on the system (`localService`) are used: the atlas never goes online.
 * The voice chosen in settings is looked for by name; when it is missing, another voice of the
 * lesson's language is used and the player is told (`speech-voice-substituted`); when there is
 * none, or the synthesiser fails or stalls (no `end` within twice the planned time plus
 * `WATCHDOG_GRACE_SECONDS`), the voice stops and the clock goes on by itself.
 */

/** The little of a SpeechSynthesisVoice the voice uses. */
export interface SpeechVoiceLike {
  readonly name: string;
  readonly lang: string;
  readonly localService: boolean;
  readonly default: boolean;
}

export interface SpeechEventLike {
  /** For `error` events: `interrupted`, `canceled`, `synthesis-failed`… */
  readonly error?: string;
  /** For `boundary` events: `word` or `sentence`, and where in the utterance's text. */
  readonly name?: string;
  readonly charIndex?: number;
}

/** The little of a SpeechSynthesisUtterance the voice uses. */
export interface UtteranceLike {
  text: string;
  lang: string;
  rate: number;
  addEventListener(type: 'start' | 'end' | 'error' | 'boundary', listener: (event: SpeechEventLike) => void): void;
}

/** The little of `window.speechSynthesis` the voice uses. */
export interface SpeechSynthesisLike<U extends UtteranceLike = UtteranceLike> {
  speak(utterance: U): void;
  cancel(): void;
  getVoices(): readonly SpeechVoiceLike[];
}

export interface SpeechVoiceOptions<U extends UtteranceLike = UtteranceLike> {
  clock: VoiceClock;
  /** Planned with the reading clock (`buildTimeline(lesson, readingTimings(lesson))`). */
  timeline: Timeline;
  language: Language;
  /** speechSynthesis, or null where the system has none. */
  synth: SpeechSynthesisLike<U> | null;
  /** Makes an utterance (in the app: `new SpeechSynthesisUtterance(text)`). */
  createUtterance: (text: string) => U;
  /** Sets the utterance's voice (in the app: `utterance.voice = voice`). */
  setVoice: (utterance: U, voice: SpeechVoiceLike) => void;
  /** The voice chosen in settings, by name; null or absent for the language's default. */
  voiceName?: string | null;
  /** The time source, in seconds, for the watchdog (the clock's own `now`). */
  now: () => number;
}

/** How long to wait for the system's list of voices (it fills in after the page loads). */
export const VOICE_LIST_WAIT_SECONDS = 3;
/** How far the clock may be from a word the synthesiser reports before it is set to it. */
export const BOUNDARY_TOLERANCE_SECONDS = 0.05;
/** Added to twice the planned length of a sentence before the watchdog gives up on it. */
export const WATCHDOG_GRACE_SECONDS = 2;

/** The system voices the atlas may use for a language: installed ones only, the system's default first, then by name. */
export function speechVoicesFor(voices: readonly SpeechVoiceLike[], language: Language): SpeechVoiceLike[] {
  return voices
    .filter((voice) => voice.localService && voice.lang.toLowerCase().replace('_', '-').split('-')[0] === language)
    .sort((a, b) => Number(b.default) - Number(a.default) || a.name.localeCompare(b.name));
}

export type VoiceChoice = { voice: SpeechVoiceLike; substituted: boolean } | null;

/** The voice to speak `language` with: the one named if it is installed and speaks it, else the best other one; null if none. */
export function chooseSpeechVoice(voices: readonly SpeechVoiceLike[], language: Language, name?: string | null): VoiceChoice {
  const candidates = speechVoicesFor(voices, language);
  const named = name ? candidates.find((voice) => voice.name === name) : undefined;
  if (named) return { voice: named, substituted: false };
  const first = candidates[0];
  return first ? { voice: first, substituted: Boolean(name) } : null;
}

/** Where each word starts in a sentence, by the lesson checker's notion of a word. */
function wordStarts(text: string): number[] {
  return [...text.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)].map((match) => match.index);
}

interface Speaking {
  token: number;
  step: number;
  sentence: number;
  /** Lesson time of the first word said, and of the sentence's end. */
  from: number;
  to: number;
  /** When it was asked for, on the time source; the watchdog's deadline. */
  deadline: number;
  started: boolean;
}

export function createSpeechVoice<U extends UtteranceLike>(options: SpeechVoiceOptions<U>): NarrationVoice {
  const { clock, timeline, synth, language, now } = options;
  const problems = new ProblemListeners();
  const report = (problem: Omit<VoiceProblem, 'voice' | 'file'>) => problems.report({ voice: 'speech', file: null, ...problem });
  let stopped = false;
  let holding = false;
  let token = 0;
  let speaking: Speaking | null = null;
  let revision = Number.NaN;
  let chosen: SpeechVoiceLike | null = null;
  let waitingSince: number | null = null;

  const hold = (t: number | null) => {
    if (t === null && !holding) return;
    holding = t !== null;
    clock.hold(t);
  };

  const silence = () => {
    token += 1;
    if (speaking) {
      speaking = null;
      synth?.cancel();
    }
    hold(null);
  };

  const stop = () => {
    if (stopped) return;
    silence();
    stopped = true;
  };

  const giveUp = (problem: Omit<VoiceProblem, 'voice' | 'file' | 'fallback'>) => {
    stop();
    synth?.cancel();
    report({ ...problem, fallback: 'lesson' });
  };

  /** Finds the voice; false while the system's list is still empty. */
  const resolveVoice = (): boolean => {
    if (chosen) return true;
    if (!synth) {
      giveUp({ code: 'speech-unsupported', step: null, message: 'this system has no speech synthesis: the lesson goes on with the reading clock' });
      return false;
    }
    const voices = synth.getVoices();
    const choice = voices.length > 0 ? chooseSpeechVoice(voices, language, options.voiceName) : null;
    if (choice) {
      chosen = choice.voice;
      waitingSince = null;
      if (choice.substituted) {
        report({
          code: 'speech-voice-substituted',
          fallback: 'none',
          step: null,
          requestedVoice: options.voiceName ?? '',
          usedVoice: choice.voice.name,
          message: `the system voice "${options.voiceName ?? ''}" is not installed: "${choice.voice.name}" reads the lesson instead`,
        });
      }
      return true;
    }
    waitingSince ??= now();
    if (voices.length > 0 || now() - waitingSince >= VOICE_LIST_WAIT_SECONDS) {
      giveUp({ code: 'speech-no-voice', step: null, message: `no installed system voice speaks ${language === 'fr' ? 'French' : 'English'}: the lesson goes on with the reading clock` });
    }
    return false;
  };

  const say = (step: number, sentence: number, t: number) => {
    const timed = timeline.steps[step];
    const planned = timed?.sentences[sentence];
    const source = timed?.step.sentences[sentence];
    if (!synth || !chosen || !planned || !source) return;
    const starts = wordStarts(source.text);
    const fraction = planned.end > planned.start ? (t - planned.start) / (planned.end - planned.start) : 0;
    const word = Math.min(starts.length - 1, Math.max(0, Math.floor(fraction * source.wordCount + 1e-9)));
    const offset = word > 0 ? (starts[word] ?? 0) : 0;
    const from = word > 0 && source.wordCount > 0 ? planned.start + ((planned.end - planned.start) * word) / source.wordCount : planned.start;
    const text = source.text.slice(offset);

    token += 1;
    const mine = token;
    const utterance = options.createUtterance(text);
    utterance.lang = chosen.lang;
    utterance.rate = clock.speed;
    options.setVoice(utterance, chosen);
    const lasting = Math.max(0, planned.end - from) / clock.speed;
    speaking = { token: mine, step, sentence, from, to: planned.end, deadline: now() + 2 * lasting + WATCHDOG_GRACE_SECONDS, started: false };
    utterance.addEventListener('start', () => {
      if (token !== mine || !speaking) return;
      speaking.started = true;
      clock.sync(speaking.from);
      hold(speaking.to);
    });
    // Engines that report word boundaries keep the clock on the word being said.
    utterance.addEventListener('boundary', (event) => {
      if (token !== mine || !speaking?.started || event.charIndex === undefined || (event.name !== undefined && event.name !== 'word')) return;
      const at = offset + event.charIndex;
      const spoken = starts.filter((start) => start <= at).length - 1;
      if (spoken < word || source.wordCount === 0) return;
      const wordTime = planned.start + ((planned.end - planned.start) * Math.min(spoken, source.wordCount)) / source.wordCount;
      if (Math.abs(clock.time() - wordTime) > BOUNDARY_TOLERANCE_SECONDS) clock.sync(Math.min(wordTime, speaking.to));
    });
    utterance.addEventListener('end', () => {
      if (token !== mine || !speaking) return;
      const end = speaking.to;
      speaking = null;
      hold(null);
      clock.sync(end);
    });
    utterance.addEventListener('error', (event) => {
      if (token !== mine) return;
      const code = event.error ?? 'unknown';
      // Our own cancel() interrupts the sentence: nothing wrong.
      if (code === 'interrupted' || code === 'canceled') return;
      giveUp({ code: 'speech-error', step, message: `the system voice "${chosen?.name ?? ''}" failed on sentence ${source.key} (${code}): the lesson goes on with the reading clock` });
    });
    // Time waits at the first word until the synthesiser starts.
    clock.sync(from);
    hold(from);
    synth.speak(utterance);
  };

  return {
    kind: 'speech',
    update() {
      if (stopped) return;
      if (clock.revision !== revision) {
        // Paused, moved or sped up: whatever was being said no longer fits.
        revision = clock.revision;
        silence();
      }
      const ready = resolveVoice();
      if (stopped || !clock.playing) return;
      if (!ready) {
        // The system's voices are still loading: time waits for them.
        hold(clock.time());
        return;
      }
      if (speaking) {
        if (now() > speaking.deadline) {
          const { step, sentence } = speaking;
          const key = timeline.steps[step]?.step.sentences[sentence]?.key ?? `${step}.${sentence}`;
          giveUp({ code: 'speech-stalled', step, message: `the system voice "${chosen?.name ?? ''}" did not finish sentence ${key} in time: the lesson goes on with the reading clock` });
        }
        return;
      }
      // Nothing is being said: time runs (through a pause) until the next sentence.
      hold(null);
      const t = clock.time();
      const position = positionAt(timeline, t);
      if (position.sentence !== null) say(position.step, position.sentence, t);
    },
    currentTime: () => null,
    stop,
    onProblem: (listener) => problems.add(listener),
  };
}
