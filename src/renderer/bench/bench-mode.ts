/**
 * `?bench=…` switches the page into the benchmark's deterministic mode (see scripts/bench.ts):
 * `app` instruments the atlas, `reference` draws the reference scene instead of it, `physiology`
 * draws the physiology scene (body map, hormone particles, milk flow) through a scripted feed. Any
 * other value counts as `app`, so a typo still measures the atlas rather than silently nothing.
 */
export type BenchMode = 'app' | 'reference' | 'physiology';

export function parseBenchMode(search: string): BenchMode | null {
  const value = new URLSearchParams(search).get('bench');
  if (value === null) return null;
  return value === 'reference' || value === 'physiology' ? value : 'app';
}

/**
 * The reference canvas takes the size of the atlas's canvas (passed as `width` and `height`), so
 * both scenes fill the same number of pixels; null when absent or not a sensible size.
 */
export function parseCanvasSize(search: string): { width: number; height: number } | null {
  const params = new URLSearchParams(search);
  const width = Number(params.get('width'));
  const height = Number(params.get('height'));
  const sensible = (n: number): boolean => Number.isInteger(n) && n >= 16 && n <= 8192;
  return sensible(width) && sensible(height) ? { width, height } : null;
}

/** The bench clock: 60 frames a second, whatever the machine manages. */
export const BENCH_FRAMES_PER_SECOND = 60;

/**
 * The timestamp handed to R3F's `advance` for a frame. With `frameloop="never"` R3F computes
 * `delta = timestamp - clock.elapsedTime`, and the clock counts seconds, so this is in seconds
 * (not milliseconds, which would make every frame's delta 16.7 s).
 */
export function frameTimestamp(frame: number): number {
  return frame / BENCH_FRAMES_PER_SECOND;
}
