import { describe, expect, it } from 'vitest';
import { median, percentile, summarize } from '../../scripts/lib/bench-stats';

describe('percentile', () => {
  it('interpolates between the nearest ranks', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([10, 20], 25)).toBe(12.5);
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 95)).toBeCloseTo(95.05, 10);
    expect(percentile(hundred, 0)).toBe(1);
    expect(percentile(hundred, 100)).toBe(100);
  });

  it('does not depend on the order of the samples, and leaves them as they were', () => {
    const samples = [9, 1, 7, 3, 5];
    expect(median(samples)).toBe(5);
    expect(percentile(samples, 95)).toBeCloseTo(8.6, 10);
    expect(samples).toEqual([9, 1, 7, 3, 5]);
  });

  it('is NaN for no samples and refuses a percentile outside 0–100', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], -1)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });

  it('lets one slow frame move the p95 but not the median', () => {
    const frames = [...Array.from({ length: 19 }, () => 10), 500];
    expect(median(frames)).toBe(10);
    expect(percentile(frames, 95)).toBeGreaterThan(10);
  });
});

describe('summarize', () => {
  it('gives count, median, p95, extremes and mean', () => {
    expect(summarize([4, 2, 6])).toEqual({ count: 3, median: 4, p95: 5.8, min: 2, max: 6, mean: 4 });
  });

  it('is all NaN (count 0) for no samples', () => {
    const empty = summarize([]);
    expect(empty.count).toBe(0);
    expect(empty.median).toBeNaN();
    expect(empty.max).toBeNaN();
  });
});
