import { z } from 'zod';
import { HORMONES, LANDMARKS, SCENARIOS, STAGES, type FeedKind, type HormoneId, type LandmarkId, type ScenarioKind, type StageId } from '../physiology/physiology-types';
import { suggestion } from './structure-ids';

/**
 * What a lesson shows of the physiology (hormones on the body map, the stage of lactation, a feed
 * and its let-downs), as plain data the cues change. `null` in a scene means the gland's anatomy
 * view; anything else shows the physiology view at that point of the life timeline.
 *
 * Times of events (a feed's start, a hormone released, a let-down) are in seconds from the start of
 * the step, because a step's cues know when they fire only once the narration is timed; the player
 * adds the step's start. A feed, its releases and let-downs therefore last until `{feed stop}` or
 * the end of their step: the next step starts between feeds, at the same point of the timeline.
 */

/** A point of the life timeline: a named landmark (resolved with the scenario) or hours from birth. */
export type LifeTimeSpec = { kind: 'landmark'; id: LandmarkId } | { kind: 'hours'; hours: number };

export interface LessonFeed {
  kind: FeedKind;
  /** The baby cried (or the mother got ready) before the latch: a conditioned oxytocin release. */
  cry: boolean;
  /** Seconds from the step's start. */
  startedAt: number;
}

export interface LessonPhysiology {
  scenario: ScenarioKind;
  retainedPlacenta: boolean;
  when: LifeTimeSpec;
  /** 0 … 1. */
  stress: number;
  feed: LessonFeed | null;
  /** Hormones released by `{release …}` or `{cry}` (oxytocin), with when (step seconds). */
  releases: readonly { hormone: HormoneId; at: number; cry: boolean }[];
  /** Milk ejections set off by `{let-down}`, in step seconds. */
  letDowns: readonly number[];
}

export const INITIAL_PHYSIOLOGY: LessonPhysiology = Object.freeze<LessonPhysiology>({
  scenario: 'term-birth',
  retainedPlacenta: false,
  when: { kind: 'landmark', id: 'one-month' },
  stress: 0,
  feed: null,
  releases: [],
  letDowns: [],
});

/** The point of the timeline each stage is shown at by `{stage …}` (well inside the stage). */
export const STAGE_TIMES: Readonly<Record<StageId, { scenario: ScenarioKind; when: LifeTimeSpec }>> = {
  'before-pregnancy': { scenario: 'term-birth', when: { kind: 'landmark', id: 'before-pregnancy' } },
  mammogenesis: { scenario: 'term-birth', when: { kind: 'hours', hours: pregnancyWeekHours(10) } },
  'secretory-differentiation': { scenario: 'term-birth', when: { kind: 'hours', hours: pregnancyWeekHours(28) } },
  'secretory-activation': { scenario: 'term-birth', when: { kind: 'landmark', id: 'day-3' } },
  'established-lactation': { scenario: 'term-birth', when: { kind: 'landmark', id: 'one-month' } },
  involution: { scenario: 'term-birth', when: { kind: 'landmark', id: 'involution-advanced' } },
  relactation: { scenario: 'relactation', when: { kind: 'hours', hours: 42 * 24 } },
  'induced-lactation': { scenario: 'induced-lactation', when: { kind: 'hours', hours: 30 * 24 } },
};

/** Hours from birth at gestational week `week` (a term birth at 40 weeks). */
export function pregnancyWeekHours(week: number): number {
  return (week - 40) * 7 * 24;
}

/** Days in an average month, for `month-N`. */
const DAYS_PER_MONTH = 30.44;

const TIME_UNITS = {
  'pregnancy-week': { hours: pregnancyWeekHours, max: 42 },
  hour: { hours: (n: number) => n, max: 24 * 730 },
  day: { hours: (n: number) => n * 24, max: 730 },
  week: { hours: (n: number) => n * 7 * 24, max: 104 },
  month: { hours: (n: number) => n * DAYS_PER_MONTH * 24, max: 24 },
} as const;

const TIME_EXAMPLES = 'a landmark (birth, day-3, one-month…), pregnancy-week-20, hour-30, day-5, week-6 or month-4';

/** `{time …}` and `time:` take a landmark or `<unit>-<n>` (pregnancy-week-20, hour-30, day-5, week-6, month-4). */
export const lifeTimeArgument: z.ZodType<LifeTimeSpec, string> = z.string().transform((word, context): LifeTimeSpec => {
  if ((LANDMARKS as readonly string[]).includes(word)) return { kind: 'landmark', id: word as LandmarkId };
  const match = /^(pregnancy-week|hour|day|week|month)-(\d+(?:\.\d+)?)$/.exec(word);
  if (match) {
    const unit = TIME_UNITS[match[1] as keyof typeof TIME_UNITS];
    const n = Number(match[2]);
    if (n <= unit.max) return { kind: 'hours', hours: unit.hours(n) };
    context.addIssue({ code: 'custom', message: `"${word}" is beyond the timeline (${match[1]}-${unit.max} at most)`, input: word });
    return z.NEVER;
  }
  context.addIssue({ code: 'custom', message: `unknown time "${word}"${suggestion(word, LANDMARKS)}: write ${TIME_EXAMPLES}`, input: word });
  return z.NEVER;
});

/** How a time is written back: the landmark, or hours after birth (`hour-N`) / pregnancy weeks. */
export function formatLifeTime(when: LifeTimeSpec): string {
  if (when.kind === 'landmark') return when.id;
  if (when.hours < 0) return `pregnancy-week-${Math.round((when.hours / (7 * 24) + 40) * 100) / 100}`;
  return `hour-${Math.round(when.hours * 100) / 100}`;
}

function words<const T extends string>(values: readonly T[], what: string): z.ZodType<T, string> {
  return z.string().transform((word, context) => {
    if ((values as readonly string[]).includes(word)) return word as T;
    context.addIssue({ code: 'custom', message: `unknown ${what} "${word}"${suggestion(word, values)} (${what}s: ${values.join(', ')})`, input: word });
    return z.NEVER;
  });
}

export const hormoneArgument = words<HormoneId>(HORMONES, 'hormone');
export const stageArgument = words<StageId>(STAGES, 'stage');
export const scenarioArgument = words<ScenarioKind>(SCENARIOS, 'scenario');
export const FEED_WORDS = ['breastfeed', 'pump', 'stop'] as const;
export const feedArgument = words(FEED_WORDS, 'feed word');
export const onOffArgument = words(['on', 'off'] as const, 'word');

/** Stress as a percentage, 0–100, written as a whole number. */
export const stressArgument: z.ZodType<number, string> = z
  .string()
  .regex(/^\d+$/, { error: 'stress is a whole number from 0 (calm) to 100 (severe)' })
  .transform(Number)
  .pipe(z.number().max(100, { error: 'stress is a whole number from 0 (calm) to 100 (severe)' }))
  .transform((percent) => percent / 100);

export const yesNoOption = words(['yes', 'no'] as const, 'answer').transform((word) => word === 'yes');
export const placentaOption = words(['complete', 'retained'] as const, 'placenta').transform((word) => word === 'retained');

// ---------------------------------------------------------------------------------------------
// What the cues do

const physiologyOf = (current: LessonPhysiology | null): LessonPhysiology => current ?? INITIAL_PHYSIOLOGY;

export function setTime(current: LessonPhysiology | null, when: LifeTimeSpec): LessonPhysiology {
  return { ...physiologyOf(current), when, feed: null };
}

export function setStage(current: LessonPhysiology | null, stage: StageId): LessonPhysiology {
  const { scenario, when } = STAGE_TIMES[stage];
  const base = physiologyOf(current);
  return { ...base, scenario, when, feed: null, retainedPlacenta: scenario === 'term-birth' ? base.retainedPlacenta : false };
}

export function setScenario(current: LessonPhysiology | null, scenario: ScenarioKind, retainedPlacenta: boolean): LessonPhysiology {
  return { ...physiologyOf(current), scenario, retainedPlacenta: scenario === 'term-birth' && retainedPlacenta, feed: null };
}

export function release(current: LessonPhysiology | null, hormone: HormoneId, at: number, cry = false): LessonPhysiology {
  const base = physiologyOf(current);
  return { ...base, releases: [...base.releases, { hormone, at, cry }] };
}

export function feed(current: LessonPhysiology | null, word: (typeof FEED_WORDS)[number], cry: boolean, at: number): LessonPhysiology {
  const base = physiologyOf(current);
  return { ...base, feed: word === 'stop' ? null : { kind: word, cry, startedAt: at } };
}

export function letDown(current: LessonPhysiology | null, at: number): LessonPhysiology {
  const base = physiologyOf(current);
  return { ...base, letDowns: [...base.letDowns, at] };
}

export function setStress(current: LessonPhysiology | null, stress: number): LessonPhysiology {
  return { ...physiologyOf(current), stress };
}

/** Where a step starts from the physiology the previous step ended with: the same place, between feeds. */
export function carriedOver(previous: LessonPhysiology | null): LessonPhysiology | null {
  if (previous === null) return null;
  if (previous.feed === null && previous.releases.length === 0 && previous.letDowns.length === 0) return previous;
  return { ...previous, feed: null, releases: [], letDowns: [] };
}
