import { describe, expect, it } from 'vitest';
import { CROSSFADE_SECONDS, MORPH_SECONDS, morphFrame } from '../../src/renderer/scene/gland/morph-timeline';

describe('morphFrame', () => {
  it('blends smoothly from the anatomy to the tree over about 1.5 s', () => {
    expect(MORPH_SECONDS).toBe(1.5);
    const samples = [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5].map((s) => morphFrame(0, 1, s, false));
    expect(samples[0]).toEqual({ morph: 0, opacity: 1, done: false });
    for (let i = 1; i < samples.length; i += 1) expect(samples[i]!.morph).toBeGreaterThan(samples[i - 1]!.morph);
    expect(samples[3]!.morph).toBeCloseTo(0.5);
    expect(samples.at(-1)).toEqual({ morph: 1, opacity: 1, done: true });
    expect(samples.every((s) => s.opacity === 1)).toBe(true);
  });

  it('goes back the other way, from wherever it was', () => {
    expect(morphFrame(0.4, 0, 0, false).morph).toBeCloseTo(0.4);
    expect(morphFrame(0.4, 0, MORPH_SECONDS, false)).toEqual({ morph: 0, opacity: 1, done: true });
  });

  it('with reduced motion, never shows an in-between layout: it fades out, switches, fades in', () => {
    const frames = Array.from({ length: 13 }, (_, i) => morphFrame(0, 1, (i / 12) * CROSSFADE_SECONDS, true));
    for (const frame of frames) expect([0, 1]).toContain(frame.morph);
    expect(frames[0]!.opacity).toBeCloseTo(1);
    expect(Math.min(...frames.map((f) => f.opacity))).toBeLessThan(0.1);
    const switchAt = frames.findIndex((f) => f.morph === 1);
    expect(frames[switchAt]!.opacity).toBeLessThan(0.2);
    expect(frames.at(-1)).toEqual({ morph: 1, opacity: 1, done: true });
  });

  it('does nothing when already there', () => {
    expect(morphFrame(1, 1, 0, false)).toEqual({ morph: 1, opacity: 1, done: true });
  });
});
