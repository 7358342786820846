/**
 * Local (autocrine) control of milk synthesis, the one law the supply model and the scene share.
 *
 * In established lactation each breast makes milk faster when it holds less: short-term synthesis
 * rates "were positively related to the degree to which the breast was emptied" and ranged from 0 to
 * 56 mL/h (Daly, Owens & Hartmann, Exp Physiol 1993;78:209–220; Daly et al., Exp Physiol
 * 1996;81:861–875). A milk-borne inhibitor identified in goats (FIL; Wilde et al., Biochem J
 * 1995;305:51–58) is the proposed mechanism. We model the relation as linear in fullness: the
 * simplest shape that matches "the fuller, the slower" without claiming a curve the sources do not
 * give.
 *
 * fullness: stored milk / storage capacity, 0 … 1 (clamped). Returns the share of the breast's
 * current maximum synthesis rate, 0 … 1.
 */
export function synthesisShare(fullness: number): number {
  const f = Number.isFinite(fullness) ? Math.min(1, Math.max(0, fullness)) : 1;
  return 1 - f;
}

/**
 * The local inhibitor's relative concentration: it accumulates in stored milk, so it follows fullness.
 * Relative 0 … 1, for the hormone charts and the scene.
 */
export function inhibitorLevel(fullness: number): number {
  return 1 - synthesisShare(fullness);
}
