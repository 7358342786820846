/**
 * When a driven phase of the benchmark is over, decided from the frames seen so far, so the
 * rules can be tested without a browser.
 */
export interface PhaseFrame {
  /** The canvas's data-scale after the frame. */
  scale: string | null;
  /** How far the camera moved during the frame (scene units). */
  cameraMoved: number;
}

/** Below this the camera counts as still (scene units a frame). */
export const STILL = 1e-4;
/** Frames without motion that make the camera settled. */
export const STILL_FRAMES = 2;
/** A close-up that opens without a flight is done after this many still frames. */
export const QUIET_CLOSE_UP_FRAMES = 30;

/**
 * The lobule fly-in is over once the close-up is shown and the camera has flown in it and come to
 * rest. The close-up's scale marker and its fly-in start in separate React commits, so a still
 * camera right after the marker appears is the gap between them, not the end; only if the close-up
 * stays still for QUIET_CLOSE_UP_FRAMES frames is it taken as opening without a flight.
 */
export function flyInDone(frames: readonly PhaseFrame[]): boolean {
  const last = frames.slice(-STILL_FRAMES);
  if (last.length < STILL_FRAMES || !last.every((f) => f.scale === 'lobule' && f.cameraMoved < STILL)) return false;
  const inCloseUp = frames.slice(frames.findIndex((f) => f.scale === 'lobule'));
  return inCloseUp.some((f) => f.cameraMoved >= STILL) || inCloseUp.length >= QUIET_CLOSE_UP_FRAMES;
}
