import { useMemo, useSyncExternalStore } from 'react';
import type { Language } from '../../../shared/languages';
import { speechVoicesFor, type SpeechVoiceLike } from '../voices/speech-voice';

/**
 * The installed system voices that speak `language` (`speechVoicesFor`), kept up to date: the
 * browser fills `speechSynthesis.getVoices()` in after the page loads and says so with
 * `voiceschanged`. Empty where the system has no speech synthesis.
 */
export function useSystemVoices(language: Language): SpeechVoiceLike[] {
  const all = useSyncExternalStore(subscribe, snapshot);
  return useMemo(() => speechVoicesFor(all, language), [all, language]);
}

const synth = (): SpeechSynthesis | null => ('speechSynthesis' in window ? window.speechSynthesis : null);

function subscribe(onChange: () => void): () => void {
  const speech = synth();
  if (!speech) return () => undefined;
  speech.addEventListener('voiceschanged', onChange);
  return () => speech.removeEventListener('voiceschanged', onChange);
}

// getVoices() answers a new array each time: the snapshot changes only when the voices do.
let cached: { key: string; voices: readonly SpeechVoiceLike[] } = { key: '', voices: [] };

function snapshot(): readonly SpeechVoiceLike[] {
  const voices = synth()?.getVoices() ?? [];
  const key = voices.map((voice) => [voice.name, voice.lang, voice.localService, voice.default].join('\u0000')).join('\u0001');
  if (key !== cached.key) cached = { key, voices: voices.map(({ name, lang, localService, default: isDefault }) => ({ name, lang, localService, default: isDefault })) };
  return cached.voices;
}
