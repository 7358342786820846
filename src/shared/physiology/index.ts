/**
 * The physiology model in one import: the shared vocabulary, local control, the life timeline,
 * stages, hormones, the milk ejection reflex and the combined state. Pure TypeScript, no three.js,
 * no React.
 */
export * from './physiology-types';
export { inhibitorLevel, synthesisShare } from './local-control';
export {
  BEFORE_PREGNANCY_HOURS,
  CONCEPTION_HOURS,
  DEFAULT_RELACTATION,
  DEFAULT_SCENARIO,
  DELAYED_ACTIVATION_THRESHOLD_HOURS,
  HOURS_PER_MONTH,
  MID_PREGNANCY_HOURS,
  PLACENTA_DELIVERY_HOURS,
  RETAINED_PLACENTA_REMOVAL_HOURS,
  activationShiftHours,
  clampLifeHours,
  clampScenario,
  describeLifeTime,
  gestationalWeekHours,
  hoursToScrubber,
  landmarkHours,
  milkRemovalPeriods,
  placentaGoneHours,
  scenarioLandmarks,
  scrubberToHours,
  timelineRange,
  type ClampNote,
  type LifeTimeUnit,
} from './life-timeline';
export {
  activationOnsetHours,
  establishedLactationHours,
  glandDevelopmentAt,
  isActivationDelayed,
  placentaPresentAt,
  restingFullnessAt,
  secretionAt,
  stageAt,
} from './stages';
export {
  HORMONE_TABLE,
  NON_PREGNANT_PROLACTIN_NG_ML,
  PHYSIOLOGY_SOURCES,
  TERM_PROLACTIN_NG_ML,
  hormoneCurve,
  hormoneLevelsAt,
  prolactinBaselineNgPerMl,
  prolactinNgPerMl,
  prolactinSurgeRatio,
  type HormoneAnchor,
  type HormoneInfo,
  type SourceKey,
} from './hormones';
export {
  DEFAULT_FEED,
  clampFeedSetup,
  ejectionAt,
  ejectionCount,
  milkRemovedShare,
  planFeed,
  type EjectionEpisode,
  type FeedPlan,
  type OxytocinPulse,
} from './ejection-reflex';
export { physiologyAt, type FeedInProgress, type PhysiologyInput } from './physiology-state';
export * from './supply-inputs';
export * from './supply-schedule';
export * from './supply-demand';
export * from './supply-explain';
