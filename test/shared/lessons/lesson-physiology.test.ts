import { describe, expect, it } from 'vitest';
import { formatContentError } from '../../../src/shared/lessons/load-lessons';
import { pregnancyWeekHours } from '../../../src/shared/lessons/lesson-physiology';
import { buildTimeline, readingTimings, stateAt } from '../../../src/shared/lessons/timeline';
import { lessonText, loadText } from './lesson-test-support';

function lessonOf(body: string) {
  const result = loadText(lessonText(body));
  return { result, errors: result.errors.map(formatContentError) };
}

describe('physiology cues in a lesson', () => {
  const { result, errors } = lessonOf(
    [
      '## The milk comes in',
      '',
      'Three days after the birth {time day-3} the baby cries {cry} and then latches on {feed breastfeed cry=yes} and suckles for a while.',
      'A first ejection follows {let-down} and prolactin rises {release prolactin} as she feeds.',
      '',
      '## Next step',
      '',
      'The next step starts between feeds at the same day.',
      '',
      '## Back to the gland',
      '',
      '```scene',
      'physiology: off',
      '```',
      '',
      'We look at the ducts again {highlight duct-3} in the gland.',
      '',
    ].join('\n'),
  );

  it('parses without errors', () => {
    expect(errors).toEqual([]);
  });

  const lesson = result.lesson!;
  const timeline = buildTimeline(lesson, readingTimings(lesson));
  const firstStep = timeline.steps[0]!;

  it('switches to the physiology view and records when each event fired, in step seconds', () => {
    const end = stateAt(timeline, firstStep.end - 0.01);
    const physiology = end.scene.physiology;
    expect(physiology?.when).toEqual({ kind: 'landmark', id: 'day-3' });
    const cueTime = (name: string) => firstStep.cues.find((cue) => cue.point.cue.name === name)!.time - firstStep.start;
    expect(physiology?.feed).toEqual({ kind: 'breastfeed', cry: true, startedAt: cueTime('feed') });
    expect(physiology?.releases).toEqual([
      { hormone: 'oxytocin', at: cueTime('cry'), cry: true },
      { hormone: 'prolactin', at: cueTime('release'), cry: false },
    ]);
    expect(physiology?.letDowns).toEqual([cueTime('let-down')]);
    // The cry comes before the feed, the let-down after it.
    expect(cueTime('cry')).toBeLessThan(cueTime('feed'));
    expect(cueTime('let-down')).toBeGreaterThan(cueTime('feed'));
  });

  it('shows nothing of the feed before its cue fires (seeking back undoes it)', () => {
    const feedCue = firstStep.cues.find((cue) => cue.point.cue.name === 'feed')!;
    expect(stateAt(timeline, feedCue.time - 0.01).scene.physiology?.feed).toBeNull();
    expect(stateAt(timeline, feedCue.time + 0.01).scene.physiology?.feed?.kind).toBe('breastfeed');
  });

  it('starts the next step at the same time, between feeds', () => {
    const next = stateAt(timeline, timeline.steps[1]!.start + 0.01).scene.physiology;
    expect(next).toMatchObject({ when: { kind: 'landmark', id: 'day-3' }, feed: null, releases: [], letDowns: [] });
  });

  it('returns to the gland with physiology: off', () => {
    expect(stateAt(timeline, timeline.steps[2]!.start + 0.01).scene.physiology).toBeNull();
  });
});

describe('the scene block keys of the physiology', () => {
  it('sets stage, scenario, placenta and stress', () => {
    const { result, errors } = lessonOf(['## Retained placenta', '', '```scene', 'stage: secretory-activation', 'placenta: retained', 'stress: 40', '```', '', 'Fragments stayed behind.', ''].join('\n'));
    expect(errors).toEqual([]);
    expect(result.lesson?.steps[0]?.scene.physiology).toMatchObject({
      scenario: 'term-birth',
      retainedPlacenta: true,
      stress: 0.4,
      when: { kind: 'landmark', id: 'day-3' },
    });
  });

  it('reads pregnancy weeks and other units', () => {
    const { result } = lessonOf(['## Pregnancy', '', '```scene', 'time: pregnancy-week-20', '```', '', 'Halfway through {time month-2} and later.', ''].join('\n'));
    expect(result.lesson?.steps[0]?.scene.physiology?.when).toEqual({ kind: 'hours', hours: pregnancyWeekHours(20) });
    expect(pregnancyWeekHours(20)).toBe(-20 * 7 * 24);
  });
});

describe('the checker and physiology cues', () => {
  const errorsOf = (narration: string) => lessonOf(`## Step\n\n${narration}\n`).errors.map((error) => error.replace(/^[^ ]+ /, ''));

  it('refuses an unknown hormone, stage, time or scenario with a suggestion', () => {
    expect(errorsOf('Prolactin {release prolactine} rises.')).toEqual([expect.stringContaining('unknown hormone "prolactine" (did you mean "prolactin"?)')]);
    expect(errorsOf('The stage {stage lactogenesis-2} begins.')).toEqual([expect.stringContaining('unknown stage "lactogenesis-2"')]);
    expect(errorsOf('On day three {time day3} it begins.')).toEqual([expect.stringContaining('unknown time "day3"')]);
    expect(errorsOf('Far away {time pregnancy-week-50} it begins.')).toEqual([expect.stringContaining('beyond the timeline')]);
    expect(errorsOf('A birth {scenario adoption} happens.')).toEqual([expect.stringContaining('unknown scenario "adoption"')]);
  });

  it('refuses stress outside 0–100 and words that are not numbers', () => {
    expect(errorsOf('She is startled {stress 150} now.')).toEqual([expect.stringContaining('stress is a whole number from 0 (calm) to 100 (severe)')]);
    expect(errorsOf('She is startled {stress high} now.')).toEqual([expect.stringContaining('stress is a whole number from 0 (calm) to 100 (severe)')]);
  });

  it('refuses stopping a feed that never started', () => {
    expect(errorsOf('Time to stop {feed stop} now.')).toEqual([expect.stringContaining('no feed is under way in this step')]);
  });

  it('refuses the gland cues while the body map is shown', () => {
    expect(errorsOf('The hormones travel {physiology on} and the ducts {highlight duct-3} widen.')).toEqual([
      expect.stringContaining('{highlight} acts on the gland, and the physiology view is shown: add {physiology off} before it'),
    ]);
  });

  it('refuses an unknown option value', () => {
    expect(errorsOf('A birth {scenario term-birth placenta=missing} happens.')).toEqual([expect.stringContaining('unknown placenta "missing"')]);
    expect(errorsOf('She feeds {feed breastfeed cry=maybe} now.')).toEqual([expect.stringContaining('unknown answer "maybe"')]);
  });
});
