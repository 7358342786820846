import { describeLifeTime } from '../../../shared/physiology/life-timeline';
import { HOURS_PER_WEEK, type ScenarioKind, type StageId } from '../../../shared/physiology/physiology-types';
import type { Message } from './messages';

/**
 * A time on the life timeline in words. The model's `describeLifeTime` counts from the baby's
 * birth; in induced lactation there was no birth and hour 0 is when regular stimulation of the
 * breasts began, so the same counts are said "of stimulation", and the weeks before it as
 * "weeks before stimulation" (not as weeks of a pregnancy there never was).
 */
export type TimeUnit = ReturnType<typeof describeLifeTime>['unit'] | 'before-stimulation';

export interface TimeWords {
  unit: TimeUnit;
  value: number;
  induced: boolean;
}

export function timeWords(hours: number, kind: ScenarioKind): TimeWords {
  const induced = kind === 'induced-lactation';
  if (induced && hours < 0) return { unit: 'before-stimulation', value: Math.max(1, Math.ceil(-hours / HOURS_PER_WEEK - 1e-9)), induced };
  const { unit, value } = describeLifeTime(hours);
  return { unit, value, induced };
}

/** "Day 3 after birth", "Week 20 of pregnancy", "Day 10 of stimulation", as a message. */
export function lifeTimeMessage(words: TimeWords): Message {
  const value = Number.isFinite(words.value) ? Math.max(0, Math.round(words.value)) : 0;
  if (words.unit === 'before-pregnancy') return { key: 'physiologyExplore.time.before-pregnancy' };
  const since = words.induced && words.unit !== 'before-stimulation' ? 'induced.' : '';
  return { key: `physiologyExplore.time.${since}${words.unit}`, values: { value } };
}

export function stageMessage(stage: StageId): Message {
  return { key: `physiology.stages.${stage}` };
}

/** The scrubber's `aria-valuetext`: the time and the stage in words ("Day 3 after birth — secretory activation"). */
export function scrubberValueText(words: TimeWords, stage: StageId): Message {
  return { key: 'physiologyExplore.scrubber.valueText', values: { time: lifeTimeMessage(words), stage: stageMessage(stage) } };
}
