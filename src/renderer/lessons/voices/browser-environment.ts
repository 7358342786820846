import type { AudioLike } from './audio-voice';
import type { SpeechVoiceOptions } from './speech-voice';

/**
 * The browser's objects for the voices, in one place (the voices themselves take them as
 * parameters so that they run in Node against fakes). DOM only: not imported by unit tests.
 */

/** Seconds on the page's monotonic clock: the time source of the lesson clock and the speech watchdog. */
export const browserNow = (): number => performance.now() / 1000;

/** An audio element that starts loading `url` at once. */
export function browserAudio(url: string): AudioLike {
  const audio = new Audio(url);
  audio.preload = 'auto';
  return audio;
}

/** speechSynthesis and how to make utterances, or null where the system has no speech synthesis. */
export function browserSpeech(): Pick<SpeechVoiceOptions<SpeechSynthesisUtterance>, 'synth' | 'createUtterance' | 'setVoice'> {
  const available = typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance !== 'undefined';
  return {
    synth: available ? window.speechSynthesis : null,
    createUtterance: (text) => new SpeechSynthesisUtterance(text),
    setVoice: (utterance, voice) => {
      // The voice objects come from speechSynthesis.getVoices(): they are SpeechSynthesisVoice.
      utterance.voice = voice as SpeechSynthesisVoice;
    },
  };
}
