import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createAudienceWindows, placeAudience, type AudienceDisplay, type AudiencePlacement } from '../../src/main/audience-window';

const laptop: AudienceDisplay = { bounds: { x: 0, y: 0, width: 1440, height: 900 }, workArea: { x: 0, y: 25, width: 1440, height: 875 } };
const projector: AudienceDisplay = { bounds: { x: 1440, y: 0, width: 1920, height: 1080 }, workArea: { x: 1440, y: 0, width: 1920, height: 1040 } };
const tablet: AudienceDisplay = { bounds: { x: -800, y: 0, width: 800, height: 600 }, workArea: { x: -800, y: 0, width: 800, height: 600 } };
const presenterOnLaptop = { x: 100, y: 100, width: 1200, height: 700 };

describe('placing the audience', () => {
  it('fills the projector, full screen, when there is a second display', () => {
    expect(placeAudience([laptop, projector], presenterOnLaptop)).toEqual({ bounds: projector.bounds, fullScreen: true, display: 'external' });
  });

  it('picks the display the presenter is not on, whichever is primary', () => {
    const presenterOnProjector = { x: 1600, y: 100, width: 1200, height: 700 };
    expect(placeAudience([laptop, projector], presenterOnProjector).bounds).toEqual(laptop.bounds);
  });

  it('prefers the largest other display', () => {
    expect(placeAudience([laptop, tablet, projector], presenterOnLaptop).bounds).toEqual(projector.bounds);
  });

  it('opens an ordinary window in the middle of a single display', () => {
    const placement = placeAudience([laptop], presenterOnLaptop);
    expect(placement.fullScreen).toBe(false);
    expect(placement.display).toBe('same');
    expect(placement.bounds).toEqual({ x: 208, y: 143, width: 1024, height: 640 });
  });

  it('fits a small display', () => {
    const small: AudienceDisplay = { bounds: { x: 0, y: 0, width: 800, height: 600 }, workArea: { x: 0, y: 0, width: 800, height: 560 } };
    expect(placeAudience([small], { x: 0, y: 0, width: 800, height: 560 }).bounds).toEqual({ x: 0, y: 0, width: 800, height: 560 });
  });
});

class FakeAudience extends EventEmitter {
  destroyed = false;
  fullScreen: boolean;
  readonly focus = vi.fn();
  readonly close = vi.fn(() => {
    this.destroyed = true;
    this.emit('closed');
  });
  constructor(readonly placement: AudiencePlacement) {
    super();
    this.fullScreen = placement.fullScreen;
  }
  isDestroyed() {
    return this.destroyed;
  }
  isFullScreen() {
    return this.fullScreen;
  }
  setFullScreen(value: boolean) {
    this.fullScreen = value;
  }
}

function controller(displays: AudienceDisplay[]) {
  const created: FakeAudience[] = [];
  const windows = createAudienceWindows({
    displays: () => displays,
    create: (placement) => {
      const made = new FakeAudience(placement);
      created.push(made);
      return made;
    },
  });
  return { windows, created };
}

describe('the audience window', () => {
  it('opens one window, and brings it forward when asked again', () => {
    const { windows, created } = controller([laptop, projector]);
    expect(windows.open(presenterOnLaptop)).toEqual({ display: 'external' });
    expect(windows.open(presenterOnLaptop)).toEqual({ display: 'external' });
    expect(created).toHaveLength(1);
    expect(created[0]!.focus).toHaveBeenCalledOnce();
  });

  it('toggles full screen and closes', () => {
    const { windows, created } = controller([laptop]);
    windows.open(presenterOnLaptop);
    expect(windows.toggleFullScreen()).toEqual({ fullScreen: true });
    expect(created[0]!.fullScreen).toBe(true);
    expect(windows.toggleFullScreen()).toEqual({ fullScreen: false });
    expect(windows.close()).toEqual({ closed: true });
    expect(created[0]!.close).toHaveBeenCalledOnce();
    expect(windows.close()).toEqual({ closed: false });
    expect(windows.toggleFullScreen()).toEqual({ fullScreen: false });
  });

  it('opens a new window after the audience closed its own', () => {
    const { windows, created } = controller([laptop]);
    windows.open(presenterOnLaptop);
    created[0]!.close();
    windows.open(presenterOnLaptop);
    expect(created).toHaveLength(2);
  });
});
