import { describe, expect, it } from 'vitest';
import { formatTable, formatTarget, formatValue, judge, ratio, resultFileName, type Figure } from '../../scripts/lib/bench-report';

const figure = (over: Partial<Figure>): Figure => ({ id: 'x', label: 'x', unit: 'ms', gland: 10, reference: 5, ...over });

describe('ratio', () => {
  it('is gland over reference', () => {
    expect(ratio(30, 20)).toBe(1.5);
  });

  it('is null when a side is missing, not a number, or the reference is zero', () => {
    expect(ratio(null, 2)).toBeNull();
    expect(ratio(2, null)).toBeNull();
    expect(ratio(Number.NaN, 2)).toBeNull();
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(3, 0)).toBeNull();
  });
});

describe('judge', () => {
  it('checks an absolute limit, inclusive', () => {
    expect(judge(figure({ gland: 40, target: { kind: 'at-most', limit: 40 } })).met).toBe(true);
    expect(judge(figure({ gland: 41, target: { kind: 'at-most', limit: 40 } })).met).toBe(false);
    expect(judge(figure({ gland: 0, reference: 0, target: { kind: 'at-most', limit: 0 } })).met).toBe(true);
    expect(judge(figure({ gland: 3, reference: 0, target: { kind: 'at-most', limit: 0 } })).met).toBe(false);
  });

  it('checks a limit relative to the reference scene', () => {
    expect(judge(figure({ gland: 1500, reference: 1000, target: { kind: 'ratio-at-most', limit: 1.5 } }))).toMatchObject({ ratio: 1.5, met: true });
    expect(judge(figure({ gland: 1501, reference: 1000, target: { kind: 'ratio-at-most', limit: 1.5 } })).met).toBe(false);
  });

  it('gives no verdict without a target or without a measurement', () => {
    expect(judge(figure({})).met).toBeNull();
    expect(judge(figure({ gland: null, missing: 'n/a', target: { kind: 'at-most', limit: 2 } })).met).toBeNull();
    expect(judge(figure({ reference: null, target: { kind: 'ratio-at-most', limit: 1.5 } })).met).toBeNull();
  });
});

describe('formatting', () => {
  it('writes values in their units', () => {
    expect(formatValue(1.234, 'ms')).toBe('1.23 ms');
    expect(formatValue(812.36, 'ms')).toBe('812.4 ms');
    expect(formatValue(1_200_000, 'count')).toBe('1,200,000');
    expect(formatValue(87.25, 'MB')).toBe('87.3 MB');
    expect(formatValue(null, 'ms')).toBe('—');
    expect(formatValue(Number.NaN, 'count')).toBe('—');
    expect(formatTarget({ kind: 'at-most', limit: 500_000 }, 'count')).toBe('≤ 500,000');
    expect(formatTarget({ kind: 'ratio-at-most', limit: 1.5 }, 'ms')).toBe('≤ 1.5× ref');
    expect(formatTarget(undefined, 'ms')).toBe('');
  });

  it('lays the table out in aligned columns, with verdicts and reasons for missing figures', () => {
    const table = formatTable([
      judge(figure({ label: 'draw calls', unit: 'count', gland: 18, reference: 1, target: { kind: 'at-most', limit: 40 } })),
      judge(figure({ label: 'JS per frame', gland: 2.5, reference: 0.5, target: { kind: 'at-most', limit: 2 } })),
      judge(figure({ label: 'fly-in', gland: null, missing: 'n/a (close-up not available)' })),
    ]);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^figure\s+gland\s+reference\s+ratio\s+target\s+met\?$/);
    expect(lines[2]).toMatch(/^draw calls\s+18\s+1\s+18\.00×\s+≤ 40\s+yes$/);
    expect(lines[3]).toMatch(/^JS per frame\s+2\.50 ms\s+0\.50 ms\s+5\.00×\s+≤ 2\.00 ms\s+NO$/);
    expect(lines[4]).toContain('n/a (close-up not available)');
    // Every column after the first is right-aligned: the lines of full rows end at the same place.
    expect(lines[2]!.length).toBe(lines[0]!.length);
    expect(lines[3]!.length).toBe(lines[0]!.length);
  });

  it('names result files by the run time, without characters Windows refuses', () => {
    expect(resultFileName(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 678)))).toBe('bench-2026-01-02T03-04-05Z.json');
  });
});
