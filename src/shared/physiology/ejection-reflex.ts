import { createRandom, type Random } from '../random';
import { clamp, clamp01, finiteIn, smoothstep, type ClampNote } from './life-timeline';
import type { EjectionState, FeedKind, FeedSetup } from './physiology-types';

/**
 * The milk ejection reflex within one feed: from a FeedSetup, a plan of oxytocin pulses and
 * ejections (seeded, so the same feed always unfolds the same way), then the state at any second.
 * Time in seconds from the start of the session; levels relative 0 … 1; flow −1 … 1.
 * Sources: /work/shared/reference/physiology-facts.md §2 and §4.
 *
 * Ejections during suckling or pumping, N:
 * - breastfeed: N = 1 + NegBin(r = 3, p = 2/3): mean 2.5, SD 1.5 exactly, as measured by
 *   ultrasound during breastfeeds (2.5 ± 1.5, Ramsay et al. 2004);
 * - pumping: N = 1 + Bin(12, 0.25): mean 4, SD 1.5 (3.27 ± 2.05 and 3.72 ± 1.19 in 10 min,
 *   Ramsay et al. 2005 JHL; 5.1 ± 2.0 in 15 min, Prime et al. 2011);
 * - scaled by the suckling time against a nominal 15 min (breastfeed) or 12.5 min (pump), by a
 *   factor held within 0.5 … 2, and limited to what fits in the feed.
 * Stress thins the suckling pulses (not the conditioned one): the first always comes, each later one with probability
 *   1 − 0.8·stress, so severe stress gives 1.3 ± 0.6 pulses per breastfeed instead of 2.5 (Ueda et
 *   al. 1994: 2.25 ± 0.71 → 1.28 ± 0.76 and 1.14 ± 0.38 per 20-min feed under mental arithmetic or
 *   noise). One pulse drives one ejection (a modelling simplification). Stress does not touch
 *   suckling, so the prolactin surge and the dopamine brake are unchanged, and neither is the milk
 *   removed (Ueda 1994: no difference in the prolactin rise or in milk yield).
 * Conditioned release (`cueBeforeLatch`): one extra, smaller pulse (amplitude 0.5) 3–10 min before
 *   the latch (McNeilly et al. 1983: oxytocin rose 3–10 min before suckling in all 10 women, at
 *   the baby's cry or restlessness or the mother getting ready; "a second release follows
 *   suckling"). It starts an ejection before the latch (milk may drip; Noel et al. 1974 saw
 *   let-down without nursing) but no prolactin rise (McNeilly 1983; Noel 1974). It is counted by
 *   ejectionCount on top of N, since Ramsay counted ejections while the baby was at the breast.
 * Timing: the first suckling-driven ejection 45–150 s after the latch (lay sources say "about
 *   2 min"; no verified mean, so a spread around it), each ejection lasting 45 s – 3.5 min
 *   (Gardner et al. 2015), at least 20 s apart, the rest of the feed spread at random between them.
 *   An oxytocin pulse, o(x) = a·(x/45 s)·e^(1 − x/45 s), leads its ejection by 30 s (blood transit).
 * Volume: suckling ejection k (0-based) carries a weight 0.65^k (jittered ±15% after the first,
 *   which stays the largest), the conditioned one 0.25; shares are the normalised weights. With
 *   3–5 ejections the first gives 40–48% (41–47% when pumping, Ramsay 2005) and the first two
 *   about 65% (62%, Prime 2011).
 * Within an ejection, u = elapsed / duration: contraction rises over the first 15% and relaxes by
 *   75%; the ducts widen to a peak (35%) and narrow from 60% back to rest; flow is forward,
 *   sin(π·u/0.75), then briefly backward, −0.3·sin(π·(u − 0.75)/0.25) — the duct widening, forward
 *   flow and reversal described by Geddes 2009 (Table 2); the size of the widening is unverified.
 * Milk removed from the suckled breast by the end of the feed, as a share of the milk available:
 *   R = 0.05 + 0.85·(1 − 0.53^n), n = N (including pulses lost to stress, see above) + ¼ for a
 *   conditioned release (its milk waits near the nipple). 0.05 is the milk already in the ducts:
 *   most milk is held in the alveoli and needs ejection (Gardner 2015); intake rose with the
 *   number of ejections (Ramsay 2004). Over the distribution of N the mean is 0.69 with a cue and
 *   0.66 without (Kent et al. 2006: 67.3 ± 7.8% of the milk available).
 * Prolactin surge P (suckling only): P = 1 − e^(−(t′ − latch)/8 min) while suckling, then
 *   P_end·e^(−(t′ − end)/30 min), with t′ = t − 2 min, so it peaks just after the feed ends
 *   ("just after the termination of nursing", Noel 1974) and a longer feed gives a larger surge.
 * Dopamine brake B: 1 between feeds; suckling lowers it, B = 1 − 0.7·(1 − e^(−(t − latch)/60 s)),
 *   and it returns with τ = 5 min after (suckling inhibits tuberoinfundibular dopamine;
 *   Ben-Jonathan & Hnasko 2001).
 */

export interface OxytocinPulse {
  /** Seconds from the start of the session. */
  readonly at: number;
  readonly amplitude: number;
  /** Released by a cue before the latch rather than by suckling. */
  readonly conditioned: boolean;
}

export interface EjectionEpisode {
  readonly start: number;
  readonly duration: number;
  /** Share of the milk ejected in this feed that this ejection carries (shares sum to 1). */
  readonly share: number;
  /** Relative strength 0 … 1 of contraction, widening and flow (the first is 1). */
  readonly amplitude: number;
  readonly beforeLatch: boolean;
}

export interface FeedPlan {
  readonly setup: Readonly<FeedSetup>;
  readonly pulses: readonly OxytocinPulse[];
  readonly ejections: readonly EjectionEpisode[];
  /** Share of the available milk removed from the suckled breast by the end of the feed (R). */
  readonly removalAtEnd: number;
}

/**
 * A breastfeed after a cry: the cue 5 min before the latch (within McNeilly's 3–10 min), then 15 min of
 * suckling. Times are real seconds, not compressed: the model keeps real time and the view may
 * play its clock faster.
 */
export const DEFAULT_FEED: Readonly<FeedSetup> = Object.freeze({
  kind: 'breastfeed',
  latchAt: 300,
  endAt: 300 + 15 * 60,
  cueBeforeLatch: true,
  stress: 0,
  // A typical feed: the cue's small release, then two ejections while suckling.
  seed: 3,
});

const MAX_LATCH_SECONDS = 30 * 60;
const MIN_SUCKLING_SECONDS = 60;
const MAX_SUCKLING_SECONDS = 60 * 60;
/** How long after the feed the state is still followed (the prolactin surge has long decayed). */
const MAX_AFTER_SECONDS = 6 * 3600;
const NOMINAL_SUCKLING_SECONDS: Readonly<Record<FeedKind, number>> = { breastfeed: 15 * 60, pump: 12.5 * 60 };
const MAX_EJECTIONS = 12;
const STRESS_PULSE_LOSS = 0.8;
const CUE_LEAD_SECONDS = [180, 600] as const;
const FIRST_EJECTION_LATENCY_SECONDS = [45, 150] as const;
const EJECTION_SECONDS = [45, 210] as const;
const MIN_GAP_SECONDS = 20;
const PULSE_LEAD_SECONDS = 30;
const PULSE_PEAK_SECONDS = 45;
const BASAL_OXYTOCIN = 0.05;
const SHARE_RATIO = 0.65;
const CONDITIONED_AMPLITUDE = 0.5;
const CONDITIONED_SHARE_WEIGHT = 0.25;
const CONDITIONED_REMOVAL_WEIGHT = 0.25;
const BACKFLOW = 0.3;
const DUCT_REMOVAL = 0.05;
const MAX_REMOVAL = 0.9;
const REMOVAL_PER_EJECTION_KEEP = 0.53;
const DUCT_EMPTYING_SECONDS = 60;
const PROLACTIN_RISE_SECONDS = 8 * 60;
const PROLACTIN_FALL_SECONDS = 30 * 60;
const PROLACTIN_LAG_SECONDS = 120;
const DOPAMINE_LOWEST = 0.3;
const DOPAMINE_FALL_SECONDS = 60;
const DOPAMINE_RETURN_SECONDS = 5 * 60;

function readField(record: Record<string, unknown>, field: string, min: number, max: number, fallback: number, notes: ClampNote[]): number {
  const given = record[field];
  if (given === undefined) return fallback;
  if (typeof given !== 'number' || Number.isNaN(given)) {
    notes.push({ field, given, used: fallback });
    return fallback;
  }
  const used = clamp(given, min, max);
  if (used !== given) notes.push({ field, given, used });
  return used;
}

/** Reads any feed setup into a valid one: wrong or out-of-range fields are replaced or clamped and reported. */
export function clampFeedSetup(input: unknown): { setup: FeedSetup; notes: ClampNote[] } {
  const notes: ClampNote[] = [];
  const record: Record<string, unknown> = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  let kind: FeedKind = DEFAULT_FEED.kind;
  if (record.kind === 'breastfeed' || record.kind === 'pump') kind = record.kind;
  else if (record.kind !== undefined) notes.push({ field: 'kind', given: record.kind, used: kind });
  const latchAt = readField(record, 'latchAt', 0, MAX_LATCH_SECONDS, DEFAULT_FEED.latchAt, notes);
  const defaultEnd = latchAt + (DEFAULT_FEED.endAt - DEFAULT_FEED.latchAt);
  const endAt = readField(record, 'endAt', latchAt + MIN_SUCKLING_SECONDS, latchAt + MAX_SUCKLING_SECONDS, defaultEnd, notes);
  let cueBeforeLatch = DEFAULT_FEED.cueBeforeLatch;
  if (typeof record.cueBeforeLatch === 'boolean') cueBeforeLatch = record.cueBeforeLatch;
  else if (record.cueBeforeLatch !== undefined) notes.push({ field: 'cueBeforeLatch', given: record.cueBeforeLatch, used: cueBeforeLatch });
  const stress = readField(record, 'stress', 0, 1, DEFAULT_FEED.stress, notes);
  const rawSeed = readField(record, 'seed', -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, DEFAULT_FEED.seed, notes);
  const seed = Math.trunc(rawSeed) >>> 0;
  return { setup: { kind, latchAt, endAt, cueBeforeLatch, stress, seed }, notes };
}

/** Failures before the r-th success, each trial succeeding with probability p. */
function negativeBinomial(random: Random, r: number, p: number): number {
  let failures = 0;
  for (let i = 0; i < r; i++) failures += Math.floor(Math.log(1 - random.next()) / Math.log(1 - p));
  return failures;
}

function binomial(random: Random, n: number, p: number): number {
  let successes = 0;
  for (let i = 0; i < n; i++) if (random.next() < p) successes++;
  return successes;
}

interface Slot {
  keep: number;
  duration: number;
  gapWeight: number;
  amplitude: number;
  shareJitter: number;
}

/** Shrinks durations (never below the shortest ejection) or drops the last ones until they fit. */
function fitDurations(durations: number[], room: number): number[] {
  const fitted = [...durations];
  const minimum = EJECTION_SECONDS[0];
  while (fitted.length > 0) {
    const available = room - (fitted.length - 1) * MIN_GAP_SECONDS;
    const total = fitted.reduce((sum, d) => sum + d, 0);
    if (total <= available) return fitted;
    if (available >= minimum * fitted.length) {
      const scale = (available - minimum * fitted.length) / (total - minimum * fitted.length);
      return fitted.map((d) => minimum + (d - minimum) * scale);
    }
    fitted.pop();
  }
  return fitted;
}

export function planFeed(setupInput: FeedSetup): FeedPlan {
  const { setup } = clampFeedSetup(setupInput);
  const random = createRandom(setup.seed);
  // Every draw happens in the same order whatever the setup, so stress thins the same feed.
  const baseCount = setup.kind === 'breastfeed' ? 1 + negativeBinomial(random, 3, 2 / 3) : 1 + binomial(random, 12, 0.25);
  const cueLeadDraw = random.next();
  const cueDuration = random.range(...EJECTION_SECONDS);
  const latency = random.range(...FIRST_EJECTION_LATENCY_SECONDS);
  const slots: Slot[] = Array.from({ length: MAX_EJECTIONS }, () => ({
    keep: random.next(),
    duration: random.range(...EJECTION_SECONDS),
    gapWeight: random.range(0.5, 1.5),
    amplitude: random.range(0.6, 0.9),
    shareJitter: random.range(0.85, 1.15),
  }));
  const tailWeight = random.range(0.5, 1.5);

  const sucklingSeconds = setup.endAt - setup.latchAt;
  const durationFactor = clamp(sucklingSeconds / NOMINAL_SUCKLING_SECONDS[setup.kind], 0.5, 2);
  const count = clamp(Math.round(baseCount * durationFactor), 1, MAX_EJECTIONS);
  const keepProbability = 1 - STRESS_PULSE_LOSS * setup.stress;
  const kept = slots.slice(0, count).filter((slot, index) => index === 0 || slot.keep < keepProbability);
  const lostToStress = count - kept.length;

  const timed: { start: number; duration: number; amplitude: number; weight: number; conditioned: boolean }[] = [];
  const cued = setup.cueBeforeLatch && setup.latchAt > 0;
  if (cued) {
    // 3–10 min before the latch, or as early as the session allows when the latch comes sooner.
    const [leadMin, leadMax] = CUE_LEAD_SECONDS.map((lead) => Math.min(lead, setup.latchAt)) as [number, number];
    const pulseAt = setup.latchAt - (leadMin + (leadMax - leadMin) * cueLeadDraw);
    timed.push({ start: pulseAt + PULSE_LEAD_SECONDS, duration: cueDuration, amplitude: CONDITIONED_AMPLITUDE, weight: CONDITIONED_SHARE_WEIGHT, conditioned: true });
  }
  const previous = timed[0];
  const windowStart = Math.max(setup.latchAt + latency, previous ? previous.start + previous.duration + MIN_GAP_SECONDS : -Infinity);
  const room = Math.max(0, setup.endAt - windowStart);
  const durations = fitDurations(
    kept.map((slot) => slot.duration),
    room,
  );
  const gapWeights = durations.slice(1).map((_, i) => (kept[i + 1] as Slot).gapWeight);
  const weightTotal = gapWeights.reduce((sum, w) => sum + w, 0) + tailWeight;
  const free = Math.max(0, room - durations.reduce((sum, d) => sum + d, 0) - (durations.length - 1) * MIN_GAP_SECONDS);
  let cursor = windowStart;
  durations.forEach((duration, k) => {
    const slot = kept[k] as Slot;
    if (k > 0) cursor += MIN_GAP_SECONDS + (free * (gapWeights[k - 1] as number)) / weightTotal;
    timed.push({
      start: cursor,
      duration,
      amplitude: k === 0 ? 1 : slot.amplitude,
      weight: SHARE_RATIO ** k * (k === 0 ? 1 : slot.shareJitter),
      conditioned: false,
    });
    cursor += duration;
  });

  const weightSum = timed.reduce((sum, { weight }) => sum + weight, 0);
  const ejections: EjectionEpisode[] = timed.map(({ start, duration, amplitude, weight }) => ({
    start,
    duration,
    share: weight / weightSum,
    amplitude,
    beforeLatch: start < setup.latchAt,
  }));
  const pulses: OxytocinPulse[] = timed.map(({ start, amplitude, conditioned }) => ({ at: start - PULSE_LEAD_SECONDS, amplitude, conditioned }));
  // Ueda 1994: no difference in milk yield under stress, so the pulses stress took away still count here.
  const removingEjections = durations.length + lostToStress + (cued ? CONDITIONED_REMOVAL_WEIGHT : 0);
  const removalAtEnd = DUCT_REMOVAL + (MAX_REMOVAL - DUCT_REMOVAL) * (1 - REMOVAL_PER_EJECTION_KEEP ** removingEjections);
  return { setup, pulses, ejections, removalAtEnd };
}

export function ejectionCount(plan: FeedPlan): number {
  return plan.ejections.length;
}

function feedSeconds(plan: FeedPlan, seconds: number): number {
  return finiteIn(seconds, 0, plan.setup.endAt + MAX_AFTER_SECONDS, 0);
}

const alpha = (x: number): number => (x < 0 ? 0 : (x / PULSE_PEAK_SECONDS) * Math.exp(1 - x / PULSE_PEAK_SECONDS));

function prolactinSurgeAt(setup: FeedSetup, t: number): number {
  const delayed = t - PROLACTIN_LAG_SECONDS;
  if (delayed < setup.latchAt) return 0;
  const rise = (until: number): number => 1 - Math.exp(-(until - setup.latchAt) / PROLACTIN_RISE_SECONDS);
  if (delayed < setup.endAt) return rise(delayed);
  return rise(setup.endAt) * Math.exp(-(delayed - setup.endAt) / PROLACTIN_FALL_SECONDS);
}

function dopamineBrakeAt(setup: FeedSetup, t: number): number {
  const lowered = (until: number): number => 1 - (1 - DOPAMINE_LOWEST) * (1 - Math.exp(-(until - setup.latchAt) / DOPAMINE_FALL_SECONDS));
  if (t < setup.latchAt) return 1;
  if (t < setup.endAt) return lowered(t);
  return 1 - (1 - lowered(setup.endAt)) * Math.exp(-(t - setup.endAt) / DOPAMINE_RETURN_SECONDS);
}

function nerveSignalAt(setup: FeedSetup, t: number): number {
  if (t < setup.latchAt || t >= setup.endAt) return 0;
  if (setup.kind === 'pump') return 0.85;
  // Bursts of sucking and short pauses, drawn as a 20 s swell.
  return 0.65 + 0.35 * (0.5 + 0.5 * Math.sin((2 * Math.PI * (t - setup.latchAt)) / 20));
}

/** The reflex at one second of the feed (the same for both breasts: oxytocin is in the blood). */
export function ejectionAt(plan: FeedPlan, seconds: number): EjectionState {
  const { setup } = plan;
  const t = feedSeconds(plan, seconds);
  const oxytocin = clamp01(BASAL_OXYTOCIN + plan.pulses.reduce((sum, pulse) => sum + pulse.amplitude * alpha(t - pulse.at), 0));
  let contraction = 0;
  let ductWidening = 0;
  let flow = 0;
  let ejection: number | null = null;
  let ejectionsSoFar = 0;
  plan.ejections.forEach((episode, index) => {
    if (t < episode.start) return;
    ejectionsSoFar++;
    const u = (t - episode.start) / episode.duration;
    if (u >= 1) return;
    ejection = index;
    contraction = episode.amplitude * smoothstep(u / 0.15) * (1 - smoothstep((u - 0.45) / 0.3));
    ductWidening = episode.amplitude * smoothstep(u / 0.35) * (1 - smoothstep((u - 0.6) / 0.4));
    flow = episode.amplitude * (u < 0.75 ? Math.sin((Math.PI * u) / 0.75) : -BACKFLOW * Math.sin((Math.PI * (u - 0.75)) / 0.25));
  });
  const phase: EjectionState['phase'] = t < setup.latchAt ? 'before-latch' : t < setup.endAt ? 'suckling' : 'after';
  return {
    nerveSignal: nerveSignalAt(setup, t),
    oxytocin,
    contraction: clamp01(contraction),
    ductWidening: clamp01(ductWidening),
    flow: clamp(flow, -1, 1),
    ejection,
    ejectionsSoFar,
    prolactinSurge: clamp01(prolactinSurgeAt(setup, t)),
    dopamineBrake: clamp01(dopamineBrakeAt(setup, t)),
    phase,
  };
}

/**
 * Share of the available milk removed so far from the suckled breast, 0 … removalAtEnd, never
 * decreasing: the milk in the ducts over the first minute of suckling, then each ejection's share
 * as its forward flow runs (an ejection before the latch is taken in the first minute after it).
 */
export function milkRemovedShare(plan: FeedPlan, seconds: number): number {
  const { setup } = plan;
  const t = Math.min(feedSeconds(plan, seconds), setup.endAt);
  if (t <= setup.latchAt) return 0;
  const ducts = DUCT_REMOVAL * Math.min(1, (t - setup.latchAt) / DUCT_EMPTYING_SECONDS);
  const ejected = plan.ejections.reduce((sum, episode) => {
    const from = Math.max(episode.start, setup.latchAt);
    const until = Math.min(setup.endAt, Math.max(episode.start + 0.75 * episode.duration, setup.latchAt + DUCT_EMPTYING_SECONDS));
    const progress = until > from ? smoothstep((t - from) / (until - from)) : t >= from ? 1 : 0;
    return sum + episode.share * progress;
  }, 0);
  return clamp01(ducts + (plan.removalAtEnd - DUCT_REMOVAL) * ejected);
}
