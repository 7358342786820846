import { describe, expect, it } from 'vitest';
import { frameTimestamp, parseBenchMode, parseCanvasSize } from '../../../src/renderer/bench/bench-mode';

describe('bench mode', () => {
  it('is off without ?bench, the reference scene for bench=reference, the app otherwise', () => {
    expect(parseBenchMode('')).toBeNull();
    expect(parseBenchMode('?lang=fr')).toBeNull();
    expect(parseBenchMode('?bench=reference')).toBe('reference');
    expect(parseBenchMode('?bench=app')).toBe('app');
    expect(parseBenchMode('?bench=physiology')).toBe('physiology');
    expect(parseBenchMode('?bench')).toBe('app');
    expect(parseBenchMode('?x=1&bench=refrence')).toBe('app');
  });

  it('reads a sensible canvas size and ignores anything else', () => {
    expect(parseCanvasSize('?bench=reference&width=1280&height=641')).toEqual({ width: 1280, height: 641 });
    expect(parseCanvasSize('?bench=reference')).toBeNull();
    expect(parseCanvasSize('?width=1280')).toBeNull();
    expect(parseCanvasSize('?width=12.5&height=600')).toBeNull();
    expect(parseCanvasSize('?width=-3&height=600')).toBeNull();
    expect(parseCanvasSize('?width=100000&height=600')).toBeNull();
  });

  it('ticks a 60 Hz clock in seconds, the unit of R3F\u2019s clock with frameloop="never"', () => {
    expect(frameTimestamp(0)).toBe(0);
    expect(frameTimestamp(60)).toBe(1);
    // Each frame advances every animation by 1/60 s, so a 1.5 s morph takes 90 frames.
    expect(frameTimestamp(91) - frameTimestamp(90)).toBeCloseTo(1 / 60, 12);
    expect(Math.round(1.5 / (frameTimestamp(1) - frameTimestamp(0)))).toBe(90);
  });
});
