import { describe, expect, it } from 'vitest';
import { chooseSpeechVoice, createSpeechVoice, speechVoicesFor, VOICE_LIST_WAIT_SECONDS, WATCHDOG_GRACE_SECONDS } from '../../../src/renderer/lessons/voices/speech-voice';
import { buildTimeline, readingTimings, stateAt } from '../../../src/shared/lessons/timeline';
import { FakeSynth, FakeUtterance, lesson, problemsOf, rig, voice } from './voice-fakes';

const timeline = buildTimeline(lesson, readingTimings(lesson));
const sentence = (step: number, i: number) => {
  const timed = timeline.steps[step]?.sentences[i];
  if (!timed) throw new Error(`no sentence ${step}.${i}`);
  return timed;
};
const text = (step: number, i: number) => lesson.steps[step]?.sentences[i]?.text ?? '';

const VOICES = [voice('Google US English', 'en-US', false, false), voice('Daniel', 'en-GB'), voice('Samantha', 'en-US', true, true), voice('Thomas', 'fr-FR'), voice('Amélie', 'fr_CA')];

function setup(options: { voices?: typeof VOICES; voiceName?: string | null; synth?: 'none' } = {}) {
  const { time, clock } = rig(timeline);
  const synth = new FakeSynth(options.voices ?? VOICES);
  const speech = createSpeechVoice<FakeUtterance>({
    clock,
    timeline,
    language: 'en',
    synth: options.synth === 'none' ? null : synth,
    createUtterance: (words) => new FakeUtterance(words),
    setVoice: (utterance, chosen) => {
      utterance.voice = chosen;
    },
    voiceName: options.voiceName === undefined ? 'Daniel' : options.voiceName,
    now: time.now,
  });
  const problems = problemsOf(speech);
  const frame = (dt = 1 / 60) => {
    time.t += dt;
    speech.update();
    return clock.time();
  };
  /** Plays frames until the clock reaches t (or `limit` frames). */
  const until = (t: number, limit = 10_000) => {
    for (let i = 0; i < limit && clock.time() < t; i++) frame();
    return clock.time();
  };
  return { time, clock, synth, speech, problems, frame, until };
}

describe('choosing a system voice', () => {
  it('uses installed voices of the lesson’s language only, the default first', () => {
    expect(speechVoicesFor(VOICES, 'en').map((v) => v.name)).toEqual(['Samantha', 'Daniel']);
    expect(speechVoicesFor(VOICES, 'fr').map((v) => v.name)).toEqual(['Amélie', 'Thomas']);
  });

  it('takes the voice named in settings, or says another is used, or finds none', () => {
    expect(chooseSpeechVoice(VOICES, 'en', 'Daniel')).toEqual({ voice: VOICES[1], substituted: false });
    expect(chooseSpeechVoice(VOICES, 'en', null)).toEqual({ voice: VOICES[2], substituted: false });
    // Named, but online only, or in another language: not used.
    expect(chooseSpeechVoice(VOICES, 'en', 'Google US English')).toEqual({ voice: VOICES[2], substituted: true });
    expect(chooseSpeechVoice(VOICES, 'en', 'Thomas')).toEqual({ voice: VOICES[2], substituted: true });
    expect(chooseSpeechVoice([VOICES[0], VOICES[3]].filter((v) => v !== undefined), 'en')).toBeNull();
  });
});

describe('the speech voice', () => {
  it('says each sentence as the clock reaches it, held at its start until the synthesiser starts', () => {
    const { clock, synth, speech, frame } = setup();
    const first = sentence(0, 0);
    clock.play();
    speech.update();
    expect(synth.spoken).toEqual([]);
    frame(first.start - 0.1);
    expect(synth.spoken).toEqual([]);
    frame(0.2);
    const utterance = synth.last as FakeUtterance;
    expect(utterance).toMatchObject({ text: text(0, 0), lang: 'en-GB', rate: 1, voice: VOICES[1] });
    // Waiting for the synthesiser.
    expect(clock.time()).toBe(first.start);
    expect(frame(0.3)).toBe(first.start);
    utterance.emit('start');
    expect(frame(1)).toBeCloseTo(first.start + 1, 9);
  });

  it('keeps the clock at the sentence’s end while the synthesiser is slower, and moves it there when it is faster', () => {
    const { clock, synth, speech, frame, until } = setup();
    clock.play();
    speech.update();
    until(sentence(0, 0).start);
    (synth.last as FakeUtterance).emit('start');
    // Slower: the clock waits at the planned end.
    frame(sentence(0, 0).end - sentence(0, 0).start + 2);
    expect(clock.time()).toBe(sentence(0, 0).end);
    (synth.last as FakeUtterance).emit('end');
    expect(clock.time()).toBe(sentence(0, 0).end);
    // Then the pause, on the clock, and the next sentence.
    expect(synth.spoken).toHaveLength(1);
    until(sentence(0, 1).start);
    expect(synth.spoken).toHaveLength(2);
    expect(synth.last?.text).toBe(text(0, 1));
    // Faster: on `end` the clock jumps to the planned end, firing the sentence's cues.
    synth.last?.emit('start');
    frame(1);
    synth.last?.emit('end');
    expect(clock.time()).toBe(sentence(0, 1).end);
    expect(stateAt(timeline, clock.time()).scene.layers).not.toContain('skin');
  });

  it('says the rest of a sentence from the word at the time it is moved to', () => {
    const { clock, synth, speech, frame } = setup();
    clock.play();
    const target = sentence(0, 1);
    const perWord = (target.end - target.start) / 17;
    clock.seek(target.start + 3 * perWord + perWord / 2);
    speech.update();
    expect(synth.last?.text).toBe('skin and the fat and a branching structure appears: the gland that makes milk.');
    expect(clock.time()).toBeCloseTo(target.start + 3 * perWord, 9);
    // Seeking again cancels it.
    const cancels = synth.cancels;
    clock.seek(sentence(0, 2).start);
    speech.update();
    expect(synth.cancels).toBe(cancels + 1);
    expect(synth.last?.text).toBe(text(0, 2));
    // Into a pause: nothing to say until the next sentence.
    clock.seek(sentence(0, 2).end + 0.1);
    speech.update();
    expect(synth.spoken).toHaveLength(2);
    expect(frame(0.1)).toBeCloseTo(sentence(0, 2).end + 0.2, 9);
  });

  it('keeps the clock on the word the synthesiser reports', () => {
    const { clock, synth, speech, frame, until } = setup();
    clock.play();
    speech.update();
    until(sentence(0, 0).start);
    synth.last?.emit('start');
    until(sentence(0, 0).end);
    synth.last?.emit('end');
    until(sentence(0, 1).start);
    expect(synth.spoken).toHaveLength(2);
    // Now saying 0.1 from its start: "Take away the skin and the fat {hide skin fat} and a branching…" (17 words).
    const target = sentence(0, 1);
    const perWord = (target.end - target.start) / 17;
    const utterance = synth.last as FakeUtterance;
    utterance.emit('start');
    frame(0.1);
    // The synthesiser is already at "and" (word 7), where the cue stands: the skin goes.
    utterance.emit('boundary', { name: 'word', charIndex: utterance.text.indexOf('and a branching') });
    expect(clock.time()).toBeCloseTo(target.start + 7 * perWord, 9);
    expect(stateAt(timeline, clock.time()).scene.layers).not.toContain('skin');
    // A boundary close to the clock changes nothing; sentence boundaries are ignored.
    const t = frame(perWord - 0.02);
    utterance.emit('boundary', { name: 'word', charIndex: utterance.text.indexOf('a branching') });
    utterance.emit('boundary', { name: 'sentence', charIndex: 0 });
    expect(clock.time()).toBeCloseTo(t, 9);
  });

  it('stops talking on pause and starts again from the word it was at, at the new speed', () => {
    const { clock, synth, speech, frame, until } = setup();
    clock.play();
    speech.update();
    until(sentence(0, 0).start);
    synth.last?.emit('start');
    frame(2);
    clock.pause();
    speech.update();
    expect(synth.cancels).toBe(1);
    const t = clock.time();
    frame(5);
    expect(clock.time()).toBe(t);
    clock.setSpeed(1.25);
    clock.play();
    speech.update();
    expect(synth.spoken).toHaveLength(2);
    expect(synth.last?.rate).toBe(1.25);
    expect(text(0, 0).endsWith(synth.last?.text ?? '-')).toBe(true);
    expect(clock.time()).toBeLessThanOrEqual(t);
  });

  it('gives up on a sentence that does not end in time, and lets the clock read on', () => {
    const { clock, synth, speech, problems, frame, until } = setup();
    clock.play();
    speech.update();
    until(sentence(0, 0).start);
    synth.last?.emit('start');
    const planned = sentence(0, 0).end - sentence(0, 0).start;
    frame(2 * planned + WATCHDOG_GRACE_SECONDS - 0.5);
    expect(problems).toEqual([]);
    frame(1);
    expect(problems).toEqual([
      {
        voice: 'speech',
        file: null,
        code: 'speech-stalled',
        fallback: 'lesson',
        step: 0,
        message: 'the system voice "Daniel" did not finish sentence 0.0 in time: the lesson goes on with the reading clock',
      },
    ]);
    expect(synth.cancels).toBeGreaterThan(0);
    const t = clock.time();
    expect(frame(1)).toBeCloseTo(t + 1, 9);
    expect(synth.spoken).toHaveLength(1);
  });

  it('reports an error of the synthesiser, but not its own interruptions', () => {
    const { clock, synth, speech, problems, until } = setup();
    clock.play();
    speech.update();
    until(sentence(0, 0).start);
    synth.last?.emit('error', { error: 'interrupted' });
    expect(problems).toEqual([]);
    synth.last?.emit('error', { error: 'synthesis-failed' });
    expect(problems).toMatchObject([{ code: 'speech-error', fallback: 'lesson', step: 0 }]);
    expect(problems[0]?.message).toBe('the system voice "Daniel" failed on sentence 0.0 (synthesis-failed): the lesson goes on with the reading clock');
    expect(clock.heldAt).toBeNull();
  });

  it('says when the chosen voice is missing, and uses another of the language', () => {
    const { clock, synth, speech, problems, until } = setup({ voiceName: 'Alex' });
    clock.play();
    speech.update();
    expect(problems).toEqual([
      {
        voice: 'speech',
        file: null,
        code: 'speech-voice-substituted',
        fallback: 'none',
        step: null,
        requestedVoice: 'Alex',
        usedVoice: 'Samantha',
        message: 'the system voice "Alex" is not installed: "Samantha" reads the lesson instead',
      },
    ]);
    until(sentence(0, 0).start);
    expect(synth.last?.voice?.name).toBe('Samantha');
  });

  it('falls back when the system has no speech, or no voice for the language', () => {
    const none = setup({ synth: 'none' });
    none.speech.update();
    expect(none.problems).toMatchObject([{ code: 'speech-unsupported', fallback: 'lesson' }]);
    const french = setup({ voices: [voice('Thomas', 'fr-FR'), voice('Google UK English Female', 'en-GB', false)] });
    french.speech.update();
    expect(french.problems).toMatchObject([{ code: 'speech-no-voice', fallback: 'lesson', message: 'no installed system voice speaks English: the lesson goes on with the reading clock' }]);
    french.clock.play();
    expect(french.frame(1)).toBeCloseTo(1, 9);
  });

  it('waits a little for the list of voices, holding the clock', () => {
    const late = setup({ voices: [] });
    late.clock.play();
    late.speech.update();
    expect(late.frame(1)).toBe(0);
    late.synth.voices = VOICES;
    late.frame();
    expect(late.problems).toEqual([]);
    expect(late.frame(0.5)).toBeCloseTo(0.5, 9);

    const never = setup({ voices: [] });
    never.clock.play();
    never.speech.update();
    never.frame(VOICE_LIST_WAIT_SECONDS - 0.1);
    expect(never.problems).toEqual([]);
    never.frame(0.2);
    expect(never.problems).toMatchObject([{ code: 'speech-no-voice' }]);
    expect(never.frame(1)).toBeCloseTo(1, 9);
  });

  it('lets go of the clock when stopped', () => {
    const { clock, synth, speech, until, frame } = setup();
    clock.play();
    speech.update();
    until(sentence(0, 0).start);
    frame();
    expect(synth.spoken).toHaveLength(1);
    expect(clock.heldAt).toBe(sentence(0, 0).start);
    speech.stop();
    expect(synth.cancels).toBe(1);
    expect(clock.heldAt).toBeNull();
    speech.update();
    expect(synth.spoken).toHaveLength(1);
  });
});
