import { describe, expect, it } from 'vitest';
import { INITIAL_PHYSIOLOGY, STAGE_TIMES, type LessonPhysiology } from '../../../src/shared/lessons/lesson-physiology';
import { FEED_TIME_SCALE, LET_DOWN_SECONDS, lessonFeed, lessonLifeHours, lessonPhysiologyAt, lessonScenario, releaseBurst, RELEASE_SECONDS } from '../../../src/shared/lessons/physiology-at';
import { STAGES } from '../../../src/shared/physiology/physiology-types';
import { stageAt } from '../../../src/shared/physiology/stages';

const at = (overrides: Partial<LessonPhysiology>): LessonPhysiology => ({ ...INITIAL_PHYSIOLOGY, ...overrides });

describe('the physiology of a lesson at a moment', () => {
  it('shows each stage at a moment that really is in that stage', () => {
    for (const stage of STAGES) {
      const { scenario, when } = STAGE_TIMES[stage];
      const physiology = at({ scenario, when });
      expect(stageAt(lessonLifeHours(physiology), lessonScenario(physiology)), stage).toBe(stage);
      expect(lessonPhysiologyAt(physiology, 0).stage, stage).toBe(stage);
    }
  });

  it('puts ejections exactly on the let-down cues, the ducts widening then narrowing with backflow', () => {
    const physiology = at({ feed: { kind: 'breastfeed', cry: false, startedAt: 2 }, letDowns: [5] });
    const ejectionLessonSeconds = (LET_DOWN_SECONDS / FEED_TIME_SCALE);
    expect(lessonPhysiologyAt(physiology, 4.9).ejection?.ejection).toBeNull();
    const during = lessonPhysiologyAt(physiology, 5 + ejectionLessonSeconds * 0.35).ejection!;
    expect(during.ejection).toBe(0);
    expect(during.ductWidening).toBeGreaterThan(0.5);
    expect(during.flow).toBeGreaterThan(0);
    const backflow = lessonPhysiologyAt(physiology, 5 + ejectionLessonSeconds * 0.85).ejection!;
    expect(backflow.flow).toBeLessThan(0);
    const after = lessonPhysiologyAt(physiology, 5 + ejectionLessonSeconds + 0.1).ejection!;
    expect(after.ejection).toBeNull();
    expect(after.ejectionsSoFar).toBe(1);
  });

  it('starts nothing before the feed cue and empties the suckled breast as the feed goes on', () => {
    const physiology = at({ feed: { kind: 'breastfeed', cry: false, startedAt: 3 } });
    expect(lessonFeed(physiology, 2.9)).toBeNull();
    const early = lessonPhysiologyAt(physiology, 3.5);
    const late = lessonPhysiologyAt(physiology, 3 + (15 * 60) / FEED_TIME_SCALE);
    expect(early.ejection?.phase).toBe('suckling');
    expect(late.breasts[0].fullness).toBeLessThan(early.breasts[0].fullness);
    // The other breast shares the ejections but loses little.
    expect(late.breasts[1].fullness).toBeGreaterThan(late.breasts[0].fullness);
    // Suckling raises prolactin and lifts dopamine's brake.
    expect(late.hormones.prolactin).toBeGreaterThan(lessonPhysiologyAt(at({}), 0).hormones.prolactin);
    expect(late.hormones.dopamine).toBeLessThan(1);
  });

  it('with a cry, the baby is not yet suckling: no nerve signal and no prolactin surge before the latch', () => {
    const physiology = at({ feed: { kind: 'breastfeed', cry: true, startedAt: 0 } });
    const beforeLatch = lessonPhysiologyAt(physiology, 5).ejection!;
    expect(beforeLatch.phase).toBe('before-latch');
    expect(beforeLatch.nerveSignal).toBe(0);
    expect(beforeLatch.prolactinSurge).toBe(0);
  });

  it('shows a release as a burst that rises and fades within its time', () => {
    expect(releaseBurst(-0.1)).toBe(0);
    expect(releaseBurst(0.6)).toBeCloseTo(1);
    expect(releaseBurst(RELEASE_SECONDS / 2)).toBeGreaterThan(0);
    expect(releaseBurst(RELEASE_SECONDS)).toBe(0);
    const physiology = at({ when: { kind: 'landmark', id: 'before-pregnancy' }, releases: [{ hormone: 'prolactin', at: 1, cry: false }] });
    expect(lessonPhysiologyAt(physiology, 1.6).hormones.prolactin).toBeCloseTo(1);
    expect(lessonPhysiologyAt(physiology, 0.5).hormones.prolactin).toBeLessThan(0.5);
  });

  it('keeps progesterone up after birth when fragments of placenta stay behind', () => {
    const day3 = { kind: 'landmark', id: 'day-3' } as const;
    const normal = lessonPhysiologyAt(at({ when: day3 }), 0);
    const retained = lessonPhysiologyAt(at({ when: day3, retainedPlacenta: true }), 0);
    expect(retained.hormones.progesterone).toBeGreaterThan(normal.hormones.progesterone + 0.3);
    expect(retained.placenta).toBe(true);
    expect(retained.activationDelayed).toBe(true);
    expect(normal.stage).toBe('secretory-activation');
  });

  it('is the same picture whenever it is asked (seeking agrees with playing)', () => {
    const physiology = at({ feed: { kind: 'pump', cry: false, startedAt: 1 }, letDowns: [2, 9], stress: 0.5 });
    expect(lessonPhysiologyAt(physiology, 7.3)).toEqual(lessonPhysiologyAt(physiology, 7.3));
  });
});

describe('feeds in a lesson eject only where the narration says so', () => {
  it('shows no ejection in a feed without {let-down}, and weaker ones under stress', () => {
    const feed = { kind: 'breastfeed', cry: false, startedAt: 0 } as const;
    for (let t = 0; t < 60; t += 0.5) expect(lessonPhysiologyAt(at({ feed }), t).ejection?.ejectionsSoFar).toBe(0);
    const inside = 2 + (LET_DOWN_SECONDS / FEED_TIME_SCALE) * 0.35;
    const calm = lessonPhysiologyAt(at({ feed, letDowns: [2] }), inside).ejection!;
    const stressed = lessonPhysiologyAt(at({ feed, letDowns: [2], stress: 1 }), inside).ejection!;
    expect(stressed.ductWidening).toBeCloseTo(calm.ductWidening / 2, 5);
    expect(stressed.oxytocin).toBeLessThan(calm.oxytocin);
    // Prolactin does not care.
    expect(stressed.prolactinSurge).toBe(calm.prolactinSurge);
  });
});
