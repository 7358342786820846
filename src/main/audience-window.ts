import type { Rect } from './window-state';

/**
 * Where presenter mode puts the audience window. With a projector (any second display) the
 * audience fills it, full screen, and the presenter's laptop keeps the presenter view; with one
 * display it opens as an ordinary window the teacher can drag or mirror. Decisions only: the
 * wiring in atlas-main.ts creates the real window.
 */
export interface AudienceDisplay {
  bounds: Rect;
  workArea: Rect;
}

export interface AudiencePlacement {
  bounds: Rect;
  fullScreen: boolean;
  /** `external`: on another display than the presenter's; `same`: sharing it. */
  display: 'external' | 'same';
}

/** The audience window's size on a shared display: large enough to read, small enough to move. */
export const SHARED_DISPLAY_SIZE = { width: 1024, height: 640 } as const;

const centre = (r: Rect) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });
const contains = (r: Rect, p: { x: number; y: number }) => p.x >= r.x && p.x < r.x + r.width && p.y >= r.y && p.y < r.y + r.height;

export function placeAudience(displays: readonly AudienceDisplay[], presenter: Rect): AudiencePlacement {
  const middle = centre(presenter);
  const home = displays.find((d) => contains(d.bounds, middle)) ?? displays[0];
  // The largest other display is the projector (a laptop may also have a small tablet screen attached).
  const others = displays.filter((d) => d !== home).sort((a, b) => b.bounds.width * b.bounds.height - a.bounds.width * a.bounds.height);
  const projector = others[0];
  if (projector) return { bounds: { ...projector.bounds }, fullScreen: true, display: 'external' };
  const area = home?.workArea ?? { x: 0, y: 0, ...SHARED_DISPLAY_SIZE };
  const width = Math.min(SHARED_DISPLAY_SIZE.width, area.width);
  const height = Math.min(SHARED_DISPLAY_SIZE.height, area.height);
  return {
    bounds: { x: Math.round(area.x + (area.width - width) / 2), y: Math.round(area.y + (area.height - height) / 2), width, height },
    fullScreen: false,
    display: 'same',
  };
}

/** The part of a BrowserWindow the controller needs. */
export interface AudienceWindowLike {
  isDestroyed(): boolean;
  focus(): void;
  close(): void;
  isFullScreen(): boolean;
  setFullScreen(fullScreen: boolean): void;
  once(event: 'closed', listener: () => void): unknown;
}

export interface AudienceWindows {
  open(presenter: Rect): { display: 'external' | 'same' };
  close(): { closed: boolean };
  toggleFullScreen(): { fullScreen: boolean };
}

/** One audience window at a time: opening again brings the existing one forward. */
export function createAudienceWindows(deps: {
  displays(): readonly AudienceDisplay[];
  create(placement: AudiencePlacement): AudienceWindowLike;
}): AudienceWindows {
  let current: { window: AudienceWindowLike; display: 'external' | 'same' } | null = null;
  const live = () => (current && !current.window.isDestroyed() ? current : null);
  return {
    open(presenter) {
      const open = live();
      if (open) {
        open.window.focus();
        return { display: open.display };
      }
      const placement = placeAudience(deps.displays(), presenter);
      const window = deps.create(placement);
      const opened = { window, display: placement.display };
      current = opened;
      window.once('closed', () => {
        if (current === opened) current = null;
      });
      return { display: placement.display };
    },
    close() {
      const open = live();
      current = null;
      if (!open) return { closed: false };
      open.window.close();
      return { closed: true };
    },
    toggleFullScreen() {
      const open = live();
      if (!open) return { fullScreen: false };
      const next = !open.window.isFullScreen();
      open.window.setFullScreen(next);
      return { fullScreen: next };
    },
  };
}
