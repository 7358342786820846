import { ProblemListeners, type NarrationVoice, type VoiceClock } from './voice';

/**
 * The silent reading clock: the narration is read from the captions at the clock's pace. It needs
 * nothing and never fails; it releases any hold a previous voice left on the clock.
 */
export function createReadingVoice(clock?: VoiceClock): NarrationVoice {
  const problems = new ProblemListeners();
  clock?.hold(null);
  return {
    kind: 'reading',
    update: () => undefined,
    currentTime: () => null,
    stop: () => undefined,
    onProblem: (listener) => problems.add(listener),
  };
}
