/**
 * The vocabulary of the physiology model, shared by the model (src/shared/physiology/), the 3D
 * physiology scene, the explore view and the lesson cues. Plain data only: no three.js, no React.
 *
 * Time on the life timeline is in hours from the birth of the baby (negative during pregnancy and
 * before it). Time within a feed is in seconds from the start of the feed session. Levels are
 * relative: 0 is the lowest the hormone reaches on the timeline, 1 the highest, so the scene and the
 * charts can draw every hormone on one scale; each hormone's unit and sourced numbers live in
 * hormones.ts, where the relative curve is derived from them.
 */

export const HOURS_PER_DAY = 24;
export const HOURS_PER_WEEK = 7 * HOURS_PER_DAY;
/** Gestational age at a term birth, counted (as clinicians do) from the last menstrual period. */
export const TERM_WEEKS = 40;

export const HORMONES = ['estrogen', 'progesterone', 'hpl', 'prolactin', 'oxytocin', 'dopamine', 'cortisol', 'insulin', 'inhibitor'] as const;
/** `inhibitor` is the local inhibitor that builds up in milk stored in the breast (FIL in animals). */
export type HormoneId = (typeof HORMONES)[number];
export type HormoneLevels = Readonly<Record<HormoneId, number>>;

export const STAGES = [
  'before-pregnancy',
  'mammogenesis',
  'secretory-differentiation',
  'secretory-activation',
  'established-lactation',
  'involution',
  'relactation',
  'induced-lactation',
] as const;
export type StageId = (typeof STAGES)[number];

/** Labelled points of the timeline, for the scrubber and for lesson cues (`{stage-time day-3}`). */
export const LANDMARKS = [
  'before-pregnancy',
  'conception',
  'mid-pregnancy',
  'birth',
  'placenta-delivered',
  'copious-secretion',
  'milk-felt',
  'delayed-threshold',
  'day-3',
  'day-9',
  'one-month',
  'six-months',
  'weaning',
  'involution-advanced',
] as const;
export type LandmarkId = (typeof LANDMARKS)[number];

export const SCENARIOS = ['term-birth', 'relactation', 'induced-lactation'] as const;
export type ScenarioKind = (typeof SCENARIOS)[number];

/** What makes one life timeline differ from another. All fields have sourced defaults in life-timeline.ts. */
export interface Scenario {
  kind: ScenarioKind;
  /** Placental fragments left in the uterus keep progesterone up and hold back secretory activation. */
  retainedPlacenta: boolean;
  /** Stress in labour (0 none … 1 severe): linked to a later secretory activation. */
  labourStress: number;
  /** Day after birth when milk removal stops (weaning), or null when it goes on past the timeline. */
  weaningDay: number | null;
  /** Relactation: day milk removal stopped and day it restarted (both after birth). */
  relactation?: { stoppedDay: number; restartedDay: number };
}

export type FeedKind = 'breastfeed' | 'pump';

/** One feed (or pumping session) as set up in the explore view or by a cue; times in seconds. */
export interface FeedSetup {
  kind: FeedKind;
  /** Seconds from the start of the session to the latch (0 when no cue came first). */
  latchAt: number;
  /** Seconds from the start of the session to the end of suckling or pumping. */
  endAt: number;
  /** Whether the baby cried (or the mother got ready) before the latch: a conditioned oxytocin release. */
  cueBeforeLatch: boolean;
  /** Stress during the feed, 0 … 1: fewer oxytocin pulses; prolactin unaffected. */
  stress: number;
  /** Seeds the feed's own pulse timing so the same feed always unfolds the same way. */
  seed: number;
}

/** The milk ejection reflex at one instant of a feed (the same for both breasts: oxytocin is in the blood). */
export interface EjectionState {
  /** Nerve signal from the nipple to the hypothalamus, 0 … 1 (only while suckling or pumping). */
  nerveSignal: number;
  /** Oxytocin in the blood, relative 0 … 1 (pulses). */
  oxytocin: number;
  /** Myoepithelial contraction, 0 … 1. */
  contraction: number;
  /** Widening of the ducts, 0 (resting) … 1 (widest during an ejection). */
  ductWidening: number;
  /** Milk flow in the ducts: positive toward the nipple, negative for the brief backflow, −1 … 1. */
  flow: number;
  /** Index of the current ejection (0-based) or null between ejections. */
  ejection: number | null;
  /** Ejections that have begun so far in this feed. */
  ejectionsSoFar: number;
  /** Prolactin surge caused by suckling, relative 0 … 1 (rises over the feed, peaks near its end). */
  prolactinSurge: number;
  /** Dopamine's brake on the anterior pituitary, 1 (full) … 0 (lifted by suckling). */
  dopamineBrake: number;
  phase: 'before-latch' | 'suckling' | 'after';
}

/** One breast at one instant. */
export interface BreastState {
  /** Stored milk as a share of the breast's storage capacity, 0 … 1. */
  fullness: number;
  /** How fast its alveoli are making milk, relative 0 … 1 (what the alveoli's glow shows). */
  synthesis: number;
}

/** Everything the scene draws, as a function of the model at one clock time. */
export interface PhysiologyState {
  lifeHours: number;
  stage: StageId;
  /** Secretory activation later than 72 h after birth. */
  activationDelayed: boolean;
  hormones: HormoneLevels;
  /** Lobulo-alveolar development: 0 resting gland … 1 fully developed lactating gland. */
  glandDevelopment: number;
  /** Whether the placenta is present (pregnancy, or retained fragments after birth). */
  placenta: boolean;
  breasts: readonly [BreastState, BreastState];
  /** The feed under way, or null between feeds. */
  ejection: EjectionState | null;
}
