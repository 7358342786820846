/**
 * The tree-view transition as a pure function of elapsed time, so every frame of it can be
 * tested. Full motion: the layout blends over MORPH_SECONDS with an ease-in-out curve. Reduced
 * motion: nothing moves; the picture fades out, the layout switches while it is hidden, and it
 * fades back in.
 */
export const MORPH_SECONDS = 1.5;
export const CROSSFADE_SECONDS = 0.6;

export interface MorphFrame {
  /** 0 = anatomy, 1 = tree, for the shader. */
  morph: number;
  /** Opacity of the whole view, for the cross-fade. */
  opacity: number;
  done: boolean;
}

const smooth = (t: number): number => t * t * (3 - 2 * t);

export function morphFrame(from: number, to: number, elapsedSeconds: number, reducedMotion: boolean): MorphFrame {
  if (from === to) return { morph: to, opacity: 1, done: true };
  if (reducedMotion) {
    const p = Math.min(1, Math.max(0, elapsedSeconds / CROSSFADE_SECONDS));
    return { morph: p < 0.5 ? from : to, opacity: Math.abs(1 - 2 * p), done: p >= 1 };
  }
  const p = Math.min(1, Math.max(0, elapsedSeconds / MORPH_SECONDS));
  return { morph: from + (to - from) * smooth(p), opacity: 1, done: p >= 1 };
}
