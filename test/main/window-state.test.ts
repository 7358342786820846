import { describe, expect, it } from 'vitest';
import { placeWindow, type DisplayLike } from '../../src/main/window-state';

const laptop: DisplayLike = { workArea: { x: 0, y: 25, width: 1440, height: 875 } };
const projector: DisplayLike = { workArea: { x: 1440, y: 0, width: 1920, height: 1080 } };

describe('placeWindow', () => {
  it('centres a default-sized window on the primary display the first time', () => {
    expect(placeWindow(null, [laptop], laptop)).toEqual({ x: 80, y: 63, width: 1280, height: 800 });
  });

  it('puts the window back where it was when that display is still there', () => {
    const saved = { x: 1600, y: 100, width: 1200, height: 700 };
    expect(placeWindow(saved, [laptop, projector], laptop)).toEqual(saved);
  });

  it('brings the window back to the primary display when its monitor is gone', () => {
    const saved = { x: 1600, y: 100, width: 1200, height: 700 };
    expect(placeWindow(saved, [laptop], laptop)).toEqual({ x: 120, y: 113, width: 1200, height: 700 });
  });

  it('shrinks a window larger than the display it lands on', () => {
    const saved = { x: 1500, y: 0, width: 1920, height: 1080 };
    const placed = placeWindow(saved, [laptop], laptop);
    expect(placed.width).toBeLessThanOrEqual(1440);
    expect(placed.height).toBeLessThanOrEqual(875);
    expect(placed.x).toBeGreaterThanOrEqual(0);
    expect(placed.y).toBeGreaterThanOrEqual(25);
  });

  it('nudges a window whose title bar hangs off the top back onto the display', () => {
    const saved = { x: 100, y: -10, width: 800, height: 600 };
    expect(placeWindow(saved, [laptop], laptop)).toEqual({ x: 100, y: 25, width: 800, height: 600 });
  });

  it('treats a window with only a sliver left on screen as lost', () => {
    const saved = { x: 1400, y: 100, width: 800, height: 600 };
    const placed = placeWindow(saved, [laptop], laptop);
    expect(placed.x + placed.width).toBeLessThanOrEqual(1440);
  });
});
