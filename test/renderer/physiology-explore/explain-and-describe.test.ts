import { describe, expect, it } from 'vitest';
import { DEFAULT_FEED } from '../../../src/shared/physiology/ejection-reflex';
import { landmarkHours } from '../../../src/shared/physiology/life-timeline';
import type { LandmarkId } from '../../../src/shared/physiology/physiology-types';
import { explainChange } from '../../../src/renderer/physiology/explore/explain-change';
import { makeSession, scenarioFor, snapshotOf, stateOf, type ExploreInputs } from '../../../src/renderer/physiology/explore/explore-model';
import type { ScenarioChoice } from '../../../src/renderer/physiology/explore/explore-snapshot';
import { feedToClockSeconds, setupAfterAction } from '../../../src/renderer/physiology/explore/feed-session';
import { timeWords, scrubberValueText } from '../../../src/renderer/physiology/explore/life-time-text';
import { describeForScreenReader } from '../../../src/renderer/physiology/explore/live-description';
import { say, sayAll } from '../../../src/renderer/physiology/explore/messages';
import { translator } from './translator';

const en = translator('en');
const fr = translator('fr');

function inputsAt(choice: ScenarioChoice, landmark: LandmarkId, extra: Partial<ExploreInputs> = {}): ExploreInputs {
  const scenario = scenarioFor(choice);
  return { choice, scenario, lifeHours: landmarkHours(landmark, scenario), stress: 0, session: null, suckledBreast: 0, ...extra };
}
const snapshotAt = (inputs: ExploreInputs, feedSeconds = 0) => snapshotOf(inputs, stateOf(inputs, feedToClockSeconds(feedSeconds)), feedToClockSeconds(feedSeconds));
const feedSession = (seed = 3, stress = 0) => makeSession(setupAfterAction('feed', null, DEFAULT_FEED, stress, seed)!);

describe('scrubber value text', () => {
  it('says the time and the stage in words, in both languages', () => {
    const inputs = inputsAt('term-birth', 'day-3');
    const snapshot = snapshotAt(inputs);
    const text = scrubberValueText(timeWords(inputs.lifeHours, 'term-birth'), snapshot.stage);
    expect(say(en, text)).toBe('Day 3 after birth — Secretory activation (lactogenesis II)');
    expect(say(fr, text)).toMatch(/^J3 après la naissance — stade\s: /);
  });

  it('counts induced lactation from the start of stimulation, not from a birth', () => {
    const inputs = inputsAt('induced-lactation', 'one-month');
    expect(say(en, scrubberValueText(timeWords(inputs.lifeHours, 'induced-lactation'), snapshotAt(inputs).stage))).toMatch(/of stimulation — Induced lactation$/);
    expect(say(en, scrubberValueText(timeWords(-24 * 14, 'induced-lactation'), 'before-pregnancy'))).toMatch(/^2 wk before stimulation starts/);
  });

  it('names pregnancy weeks (SA in French) and the first hours', () => {
    expect(say(en, scrubberValueText(timeWords(-20 * 168, 'term-birth'), 'secretory-differentiation'))).toMatch(/^Week 20 of pregnancy/);
    expect(say(fr, scrubberValueText(timeWords(-20 * 168, 'term-birth'), 'secretory-differentiation'))).toMatch(/^20 SA/);
    expect(say(en, scrubberValueText(timeWords(30.5, 'term-birth'), 'secretory-activation'))).toMatch(/^Hour 30 after birth/);
  });
});

describe('explainChange', () => {
  it('explains a new stage when the scrubber crosses into it, and says nothing within a stage', () => {
    const birth = snapshotAt(inputsAt('term-birth', 'mid-pregnancy'));
    const day3 = snapshotAt(inputsAt('term-birth', 'day-3'));
    expect(explainChange(birth, day3, 'scrub')).toEqual({ key: 'physiologyExplore.explain.stage.secretory-activation' });
    const laterDay3 = snapshotAt({ ...inputsAt('term-birth', 'day-3'), lifeHours: landmarkHours('day-3', scenarioFor('term-birth')) + 5 });
    expect(explainChange(day3, laterDay3, 'scrub')).toBeNull();
    expect(say(en, explainChange(birth, day3, 'scrub')!)).toMatch(/progesterone has fallen/);
  });

  it('blames retained placental fragments when activation waits after birth', () => {
    const pregnancy = snapshotAt(inputsAt('retained-placenta', 'mid-pregnancy'));
    const day3 = snapshotAt(inputsAt('retained-placenta', 'day-3'));
    expect(day3.stage).toBe('secretory-differentiation');
    expect(explainChange(pregnancy, day3, 'scrub')).toEqual({ key: 'physiologyExplore.explain.retainedPlacenta' });
    // Still in pregnancy (placenta present, same stage) the fragments are not mentioned.
    expect(explainChange(null, pregnancy, 'scrub')).toEqual({ key: 'physiologyExplore.explain.stage.secretory-differentiation' });
  });

  it('calls activation after the fragments are removed delayed', () => {
    const day3 = snapshotAt(inputsAt('retained-placenta', 'day-3'));
    const day9 = snapshotAt(inputsAt('retained-placenta', 'day-9'));
    expect(day9.stage).toBe('secretory-activation');
    expect(explainChange(day3, day9, 'scrub')).toEqual({ key: 'physiologyExplore.explain.activationDelayed' });
  });

  it('follows a feed: latch, each ejection numbered out of the total, between ejections, the end', () => {
    const session = feedSession();
    const inputs = inputsAt('term-birth', 'one-month', { session });
    const lines: string[] = [];
    let previous = snapshotAt({ ...inputs, session: null });
    for (let s = 0; s <= session.setup.endAt + 30; s += 1) {
      const next = snapshotAt(inputs, s);
      const message = explainChange(previous, next, 'feed');
      if (message) lines.push(say(en, message));
      previous = next;
    }
    const total = session.totalEjections;
    expect(lines[0]).toMatch(/^The baby latched/);
    for (let n = 1; n <= total; n += 1) expect(lines).toContain(`Ejection ${n} of ${total}: oxytocin made the myoepithelial cells contract; the ducts widened and milk moved to the nipple.`);
    expect(lines.filter((line) => line.startsWith('That ejection is over')).length).toBeGreaterThanOrEqual(total - 1);
    expect(lines.at(-1)).toMatch(new RegExp(`^The feed is over\\. Ejections: ${total}\\. About \\d+% of the stored milk`));
  });

  it('a cry says oxytocin rose but not prolactin', () => {
    const session = makeSession(setupAfterAction('cry', null, DEFAULT_FEED, 0, 2)!);
    const before = snapshotAt(inputsAt('term-birth', 'one-month'));
    const after = snapshotAt(inputsAt('term-birth', 'one-month', { session }), 0);
    expect(explainChange(before, after, 'feed')).toEqual({ key: 'physiologyExplore.explain.cry' });
  });

  it('says what stress does during a feed and between feeds', () => {
    const between = snapshotAt(inputsAt('term-birth', 'one-month', { stress: 0.6 }));
    expect(say(en, explainChange(null, between, 'stress')!)).toMatch(/^Stress at 60%: the next feed/);
    const during = snapshotAt(inputsAt('term-birth', 'one-month', { stress: 0.6, session: feedSession(3, 0.6) }), 100);
    expect(explainChange(null, during, 'stress')).toMatchObject({ key: 'physiologyExplore.explain.stressDuringFeed', values: { value: 60 } });
    expect(explainChange(null, snapshotAt(inputsAt('term-birth', 'one-month')), 'stress')).toEqual({ key: 'physiologyExplore.explain.stressNone' });
  });

  it('every scenario and stage has its explanation in both languages', () => {
    for (const choice of ['term-birth', 'retained-placenta', 'relactation', 'induced-lactation'] as const) {
      const snapshot = snapshotAt(inputsAt(choice, 'one-month'));
      for (const t of [en, fr]) expect(say(t, explainChange(null, snapshot, 'scenario')!)).not.toBe('');
    }
    for (const landmark of ['before-pregnancy', 'conception', 'mid-pregnancy', 'day-3', 'six-months', 'involution-advanced'] as const) {
      const message = explainChange(null, snapshotAt(inputsAt('term-birth', landmark)), 'scrub')!;
      expect(() => [say(en, message), say(fr, message)]).not.toThrow();
    }
  });
});

describe('describeForScreenReader', () => {
  it('first says where and which hormones are high; then only what changed', () => {
    const pregnancy = inputsAt('term-birth', 'mid-pregnancy');
    const first = describeForScreenReader(snapshotAt(pregnancy), timeWords(pregnancy.lifeHours, 'term-birth'), null);
    expect(sayAll(en, first.messages)).toMatch(/^Week 16 of pregnancy: Secretory differentiation \(lactogenesis I\)\. High now: /);
    const birth = inputsAt('term-birth', 'birth');
    const atBirth = describeForScreenReader(snapshotAt(birth), timeWords(birth.lifeHours, 'term-birth'), first.hormones);
    expect(sayAll(en, atBirth.messages)).toMatch(/Progesterone up to high\./);
    const day3 = inputsAt('term-birth', 'day-3');
    const second = describeForScreenReader(snapshotAt(day3), timeWords(day3.lifeHours, 'term-birth'), atBirth.hormones);
    const text = sayAll(en, second.messages);
    expect(text).toMatch(/^Day 3 after birth: Secretory activation \(lactogenesis II\)\./);
    expect(text).toMatch(/Progesterone down to low\./);
    // A jump that moves many hormones says only the three that moved most.
    expect(second.messages.filter((m) => m.key.startsWith('physiologyExplore.live.hormone'))).toHaveLength(3);
    expect(second.signature).not.toBe(first.signature);
    // Nothing new: the same signature, and no hormone sentence.
    const again = describeForScreenReader(snapshotAt(day3), timeWords(day3.lifeHours, 'term-birth'), second.hormones);
    expect(again.signature).toBe(second.signature);
    expect(again.messages).toHaveLength(1);
  });

  it('reports each ejection and the flow, and the feed summary at the end', () => {
    const session = feedSession();
    const inputs = inputsAt('term-birth', 'one-month', { session });
    const words = timeWords(inputs.lifeHours, 'term-birth');
    const firstEjection = session.moments.find((m) => m.kind === 'ejection')!;
    const during = sayAll(en, describeForScreenReader(snapshotAt(inputs, firstEjection.seconds), words, null).messages);
    expect(during).toContain(`Ejection 1 of ${session.totalEjections} (breastfeed): milk flowing toward the nipple.`);
    const after = sayAll(fr, describeForScreenReader(snapshotAt(inputs, session.setup.endAt + 10), words, null).messages);
    expect(after).toMatch(/Fin de la tétée\. Éjections\s: \d+\s; environ \d+ % du lait stocké retiré\./);
  });

  it('a signature ignores what does not matter: the same feed moment a second later', () => {
    const session = feedSession();
    const inputs = inputsAt('term-birth', 'one-month', { session });
    const words = timeWords(inputs.lifeHours, 'term-birth');
    const a = describeForScreenReader(snapshotAt(inputs, 5), words, null);
    const b = describeForScreenReader(snapshotAt(inputs, 6), words, a.hormones);
    expect(b.signature).toBe(a.signature);
  });
});
