import type { PresenterCommand } from './presentation-state';

/**
 * Keys a presenter uses. A two-button clicker sends PageDown and PageUp (some send the arrows);
 * its "blank screen" button sends B or `.`; its "start" button F5 or Esc. Space plays and pauses;
 * F makes the audience full screen; Esc leaves; P swaps the presenter and audience views on one
 * screen. Letters are matched without regard to case (Caps Lock on a lectern laptop).
 */
export function presenterCommandOf(key: string): PresenterCommand | null {
  switch (key) {
    case 'PageDown':
    case 'ArrowRight':
    case 'ArrowDown':
      return 'next';
    case 'PageUp':
    case 'ArrowLeft':
    case 'ArrowUp':
      return 'previous';
    case ' ':
      return 'play-pause';
    case 'b':
    case 'B':
    case '.':
      return 'blackout';
    case 'f':
    case 'F':
      return 'full-screen';
    case 'Escape':
      return 'leave';
    case 'p':
    case 'P':
      return 'switch-view';
    default:
      return null;
  }
}

/** Keys a clicker sends that other controls never use for themselves: they work wherever focus is. */
export function isClickerKey(key: string): boolean {
  return key === 'PageDown' || key === 'PageUp';
}
