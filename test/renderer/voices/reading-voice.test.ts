import { describe, expect, it } from 'vitest';
import { createReadingVoice } from '../../../src/renderer/lessons/voices/reading-voice';
import { createSpeechVoice } from '../../../src/renderer/lessons/voices/speech-voice';
import type { NarrationVoice } from '../../../src/renderer/lessons/voices/voice';
import { buildTimeline, readingTimings, stateAt } from '../../../src/shared/lessons/timeline';
import { FakeSynth, FakeUtterance, lesson, rig, voice } from './voice-fakes';

const timeline = buildTimeline(lesson, readingTimings(lesson));

describe('the reading voice', () => {
  it('is silent and leaves time to the clock', () => {
    const { time, clock } = rig(timeline);
    const reading = createReadingVoice(clock);
    expect(reading.kind).toBe('reading');
    clock.play();
    time.t += 3;
    reading.update();
    expect(clock.time()).toBe(3);
    expect(reading.currentTime()).toBeNull();
    const off = reading.onProblem(() => undefined);
    off();
    reading.stop();
  });

  it('takes over from a voice that gave up, where it stood, with nothing lost', () => {
    const { time, clock } = rig(timeline);
    const synth = new FakeSynth([voice('Daniel', 'en-GB')]);
    let active: NarrationVoice = createSpeechVoice<FakeUtterance>({
      clock,
      timeline,
      language: 'en',
      synth,
      createUtterance: (text) => new FakeUtterance(text),
      setVoice: () => undefined,
      now: time.now,
    });
    const notices: string[] = [];
    active.onProblem((problem) => {
      notices.push(problem.code);
      if (problem.fallback === 'lesson') active = createReadingVoice(clock);
    });
    clock.play();
    for (let i = 0; i < 60; i++) {
      time.t += 1 / 60;
      active.update();
    }
    // The synthesiser breaks in the middle of the first sentence.
    synth.last?.emit('start');
    time.t += 1;
    synth.last?.emit('error', { error: 'audio-hardware' });
    expect(notices).toEqual(['speech-error']);
    expect(active.kind).toBe('reading');
    const t = clock.time();
    time.t += 2;
    active.update();
    expect(clock.time()).toBeCloseTo(t + 2, 9);
    expect(stateAt(timeline, clock.time())).toEqual(stateAt(timeline, t + 2));
  });
});
