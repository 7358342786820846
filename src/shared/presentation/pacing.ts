/**
 * How the class is keeping time. A lesson's narration plans its length; a teacher stops to answer
 * questions, goes back, skips. Pacing compares the time spent presenting with where the lesson
 * stands: at a steady pace both grow together. Differences under `tolerance` seconds count as on
 * pace, so the indicator does not flicker with every pause for breath.
 */
export type Pace = { kind: 'on-pace' } | { kind: 'behind' | 'ahead'; seconds: number };

export const PACE_TOLERANCE_SECONDS = 30;

export function paceOf(elapsedSeconds: number, lessonPositionSeconds: number, tolerance = PACE_TOLERANCE_SECONDS): Pace {
  const difference = elapsedSeconds - lessonPositionSeconds;
  if (Math.abs(difference) <= tolerance) return { kind: 'on-pace' };
  return difference > 0 ? { kind: 'behind', seconds: difference } : { kind: 'ahead', seconds: -difference };
}

/** Whole minutes for the indicator ("2 min behind"), at least 1 once outside the tolerance. */
export function paceMinutes(pace: Pace): number {
  return pace.kind === 'on-pace' ? 0 : Math.max(1, Math.round(pace.seconds / 60));
}
