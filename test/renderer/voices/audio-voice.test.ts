import { describe, expect, it } from 'vitest';
import { createAudioVoice, type StepRecording } from '../../../src/renderer/lessons/voices/audio-voice';
import { narrationAudioPaths, spreadByWords } from '../../../src/shared/lessons/narration-timing';
import { buildTimeline, stateAt } from '../../../src/shared/lessons/timeline';
import { FakeAudio, lesson, problemsOf, rig, settle } from './voice-fakes';

/** Every step recorded, 10 s each. */
const timeline = buildTimeline(
  lesson,
  lesson.steps.map((step) => spreadByWords(step, 10)),
);
const recordingOf = (i: number): StepRecording => {
  const file = narrationAudioPaths('en', lesson.id, lesson.steps[i] as { index: number })[0] as string;
  return { file, url: `app://atlas/${file}` };
};

function setup(recordings: (StepRecording | null)[] = lesson.steps.map((_, i) => recordingOf(i))) {
  const { time, clock } = rig(timeline);
  const created: FakeAudio[] = [];
  const byStep = (i: number) => created.find((audio) => audio.src === recordings[i]?.url);
  const voice = createAudioVoice({
    clock,
    timeline,
    recordings,
    createAudio: (url) => {
      const audio = new FakeAudio(url);
      created.push(audio);
      return audio;
    },
  });
  const problems = problemsOf(voice);
  /** One animation frame `dt` seconds after the last, every playing recording having played as long. */
  const frame = (dt = 1 / 60) => {
    time.t += dt;
    for (const audio of created) audio.run(dt);
    voice.update();
    return clock.time();
  };
  return { time, clock, voice, created, byStep, problems, frame };
}

describe('the audio voice', () => {
  it('plays the step’s recording from the clock’s time, holding the clock until it can play', () => {
    const { clock, voice, byStep, frame } = setup();
    clock.play();
    voice.update();
    const first = byStep(0) as FakeAudio;
    expect(first.playCalls).toBe(1);
    expect(first).toMatchObject({ currentTime: 0, playbackRate: 1, paused: false });
    // The next step's recording loads ahead.
    expect(byStep(1)).toBeDefined();
    // Not loaded yet: time waits.
    expect(frame(0.5)).toBe(0);
    expect(frame(0.5)).toBe(0);
    first.ready(10);
    expect(frame(0.25)).toBeCloseTo(0.25, 9);
    expect(voice.currentTime()).toBeCloseTo(0.25, 9);
  });

  it('makes the recording the master: the clock follows it when they drift apart', () => {
    const { time, clock, voice, byStep, frame } = setup();
    clock.play();
    voice.update();
    (byStep(0) as FakeAudio).ready(10);
    frame();
    // The system's clock runs on 1 s while the recording plays only 0.8 s (a stall).
    time.t += 1;
    (byStep(0) as FakeAudio).run(0.8);
    voice.update();
    expect(clock.time()).toBeCloseTo(0.8 + 1 / 60, 9);
    // Small differences are left alone.
    time.t += 0.5;
    (byStep(0) as FakeAudio).run(0.48);
    voice.update();
    expect(clock.time()).toBeCloseTo(0.8 + 1 / 60 + 0.5, 9);
  });

  it('changes speed through the playback rate, without a jump', () => {
    const { clock, voice, byStep, frame } = setup();
    clock.play();
    voice.update();
    const first = byStep(0) as FakeAudio;
    first.ready(10);
    for (let i = 0; i < 60; i++) frame();
    const position = first.currentTime;
    clock.setSpeed(1.5);
    voice.update();
    expect(first.playbackRate).toBe(1.5);
    expect(first.currentTime).toBe(position);
    expect(first.playCalls).toBe(1);
    for (let i = 0; i < 60; i++) frame();
    expect(clock.time()).toBeCloseTo(1 + 1.5, 1);
  });

  it('follows a seek into another step, and lets go of recordings it no longer needs', () => {
    const { clock, voice, byStep, created } = setup();
    clock.play();
    voice.update();
    const first = byStep(0) as FakeAudio;
    first.ready(10);
    voice.update();
    clock.seek((timeline.steps[3]?.start as number) + 4);
    voice.update();
    const fourth = byStep(3) as FakeAudio;
    expect(fourth.currentTime).toBeCloseTo(4, 9);
    expect(fourth.playCalls).toBe(1);
    expect(first.paused).toBe(true);
    expect(first.src).toBeNull();
    expect(byStep(4)).toBeDefined();
    expect(created.filter((audio) => audio.src !== null).map((audio) => audio.src)).toEqual([recordingOf(3).url, recordingOf(4).url]);
  });

  it('pauses with the clock, and plays on from the same place', () => {
    const { clock, voice, byStep, frame } = setup();
    clock.play();
    voice.update();
    const first = byStep(0) as FakeAudio;
    first.ready(10);
    for (let i = 0; i < 30; i++) frame();
    clock.pause();
    voice.update();
    expect(first.paused).toBe(true);
    const t = clock.time();
    frame(2);
    expect(clock.time()).toBe(t);
    clock.play();
    voice.update();
    expect(first.currentTime).toBeCloseTo(t, 9);
    expect(first.paused).toBe(false);
  });

  it('lets the clock run alone after a recording ends, then starts the next step’s', () => {
    const { voice, clock, byStep, frame } = setup();
    clock.play();
    voice.update();
    (byStep(0) as FakeAudio).ready(8);
    (byStep(1) as FakeAudio).ready(10);
    for (let i = 0; i < 9 * 60; i++) frame();
    expect((byStep(0) as FakeAudio).ended).toBe(true);
    expect(clock.time()).toBeCloseTo(9, 6);
    expect(voice.currentTime()).toBeNull();
    for (let i = 0; i < 2 * 60; i++) frame();
    expect(clock.time()).toBeGreaterThan(10.9);
    expect(byStep(1)?.playCalls).toBe(1);
    expect(byStep(1)?.currentTime).toBeGreaterThan(0.5);
  });

  it('reports a missing recording by its file, reads that step silently, and goes on with the next', () => {
    const { clock, voice, byStep, problems, frame } = setup();
    clock.play();
    voice.update();
    (byStep(0) as FakeAudio).ready(10);
    (byStep(1) as FakeAudio).fail(4, 'MEDIA_ELEMENT_ERROR: Format error');
    expect(problems).toEqual([
      {
        voice: 'audio',
        code: 'audio-unavailable',
        fallback: 'step',
        step: 1,
        file: 'content/lessons/en/tree-of-milk/step-2.opus',
        message:
          'content/lessons/en/tree-of-milk/step-2.opus is missing or not in a format this system can play (MEDIA_ELEMENT_ERROR: Format error): step 2 is read by the reading clock instead',
      },
    ]);
    for (let i = 0; i < 15 * 60; i++) frame();
    // Step 2 went by on the clock alone, at its pace.
    expect(clock.time()).toBeCloseTo(15, 6);
    expect(stateAt(timeline, clock.time()).stepIndex).toBe(1);
    (byStep(2) as FakeAudio).ready(10);
    for (let i = 0; i < 6 * 60; i++) frame();
    expect(byStep(2)?.playCalls).toBe(1);
    expect(voice.currentTime()).not.toBeNull();
    expect(problems).toHaveLength(1);
  });

  it('reports a recording that does not decode', () => {
    const { clock, voice, byStep, problems } = setup();
    clock.play();
    voice.update();
    (byStep(0) as FakeAudio).fail(3, 'PIPELINE_ERROR_DECODE');
    expect(problems).toMatchObject([{ code: 'audio-decode', step: 0, file: 'content/lessons/en/tree-of-milk/step-1.opus', fallback: 'step' }]);
    expect(problems[0]?.message).toContain('could not be decoded');
    // The clock was waiting for it; it runs again.
    expect(clock.heldAt).toBeNull();
  });

  it('stops when the system refuses to play sound, and the clock goes on', async () => {
    const { clock, voice, created, problems, frame } = setup();
    const original = FakeAudio.prototype.play;
    FakeAudio.prototype.play = function (this: FakeAudio) {
      this.playOutcome = { name: 'NotAllowedError', message: 'play() failed because the user didn’t interact with the document first.' };
      return original.call(this);
    };
    try {
      clock.play();
      voice.update();
      await settle();
    } finally {
      FakeAudio.prototype.play = original;
    }
    expect(problems).toMatchObject([{ code: 'audio-refused', fallback: 'lesson', step: 0 }]);
    expect(created.every((audio) => audio.src === null)).toBe(true);
    expect(frame(1)).toBeCloseTo(1, 9);
    voice.update();
    expect(created.length).toBe(2);
  });

  it('ignores a play() interrupted by a pause', async () => {
    const { clock, voice, byStep, problems } = setup();
    const original = FakeAudio.prototype.play;
    FakeAudio.prototype.play = function (this: FakeAudio) {
      this.playOutcome = { name: 'AbortError', message: 'The play() request was interrupted by a call to pause().' };
      return original.call(this);
    };
    try {
      clock.play();
      voice.update();
      await settle();
    } finally {
      FakeAudio.prototype.play = original;
    }
    expect(byStep(0)).toBeDefined();
    expect(problems).toEqual([]);
  });

  it('reads a step without a recording on the clock alone', () => {
    const recordings = lesson.steps.map((_, i) => (i === 0 ? null : recordingOf(i)));
    const { clock, voice, created, frame } = setup(recordings);
    clock.play();
    voice.update();
    expect(created.map((audio) => audio.src)).toEqual([recordingOf(1).url]);
    expect(frame(2)).toBe(2);
    expect(voice.currentTime()).toBeNull();
  });

  it('lets go of everything when stopped', () => {
    const { clock, voice, created } = setup();
    clock.play();
    voice.update();
    voice.stop();
    expect(created.every((audio) => audio.paused && audio.src === null)).toBe(true);
    expect(clock.heldAt).toBeNull();
    voice.update();
    expect(created).toHaveLength(2);
  });
});
