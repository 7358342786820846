import { describe, expect, it } from 'vitest';
import { flyInDone, QUIET_CLOSE_UP_FRAMES, type PhaseFrame } from '../../scripts/lib/bench-phases';

const breast = (moved: number): PhaseFrame => ({ scale: 'breast', cameraMoved: moved });
const lobule = (moved: number): PhaseFrame => ({ scale: 'lobule', cameraMoved: moved });

describe('flyInDone', () => {
  it('waits for the close-up, its flight and two still frames', () => {
    const frames = [breast(0.2), breast(0.1), breast(0), lobule(3), lobule(1), lobule(0.2)];
    expect(flyInDone(frames)).toBe(false);
    expect(flyInDone([...frames, lobule(0)])).toBe(false);
    expect(flyInDone([...frames, lobule(0), lobule(0)])).toBe(true);
  });

  it('is not fooled by the still frames between the close-up appearing and its flight starting', () => {
    expect(flyInDone([breast(0.1), breast(0), lobule(0), lobule(0)])).toBe(false);
  });

  it('counts a flight that started in the frame before the scale marker changed', () => {
    expect(flyInDone([breast(0.1), breast(3.2), lobule(2), lobule(0), lobule(0)])).toBe(true);
  });

  it('never ends on the gland, however still the camera is', () => {
    expect(flyInDone(Array.from({ length: 50 }, () => breast(0)))).toBe(false);
  });

  it('accepts a close-up that opens without a flight once it has stayed still long enough', () => {
    const still = Array.from({ length: QUIET_CLOSE_UP_FRAMES - 1 }, () => lobule(0));
    expect(flyInDone([breast(0.1), ...still])).toBe(false);
    expect(flyInDone([breast(0.1), ...still, lobule(0)])).toBe(true);
  });
});
