import type { ReactNode } from 'react';

/**
 * An on/off button: `aria-pressed` for screen readers, and a filled or empty circle so the state
 * never rests on colour alone.
 */
export function ToggleButton({ pressed, onToggle, disabled = false, children }: { pressed: boolean; onToggle(next: boolean): void; disabled?: boolean; children: ReactNode }) {
  return (
    <button type="button" className="button" aria-pressed={pressed} disabled={disabled} onClick={() => onToggle(!pressed)}>
      <span className="button__glyph" aria-hidden="true">
        {pressed ? '◉' : '○'}
      </span>
      {children}
    </button>
  );
}
