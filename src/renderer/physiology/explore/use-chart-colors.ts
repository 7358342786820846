import { useEffect, useState } from 'react';
import type { Theme } from '../../../shared/settings';

/** The theme's colours and type size, read from the CSS variables of app.css so charts match the page. */
export interface ChartColors {
  text: string;
  muted: string;
  accent: string;
  grid: string;
  /** Root font size in CSS pixels (the projector theme's is larger). */
  fontPx: number;
}

const FALLBACK: ChartColors = { text: '#eef3f6', muted: '#b7c6d1', accent: '#f4a48a', grid: '#34495b', fontPx: 16 };

function readColors(): ChartColors {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  const fontPx = Number.parseFloat(style.fontSize);
  return {
    text: read('--text', FALLBACK.text),
    muted: read('--text-muted', FALLBACK.muted),
    accent: read('--accent', FALLBACK.accent),
    grid: read('--border', FALLBACK.grid),
    fontPx: Number.isFinite(fontPx) && fontPx > 0 ? fontPx : FALLBACK.fontPx,
  };
}

/**
 * Canvas charts cannot use CSS variables, so they are read here. The app sets the theme on the root
 * element in an effect that runs after ours, so the read waits one frame.
 */
export function useChartColors(theme: Theme): ChartColors {
  const [colors, setColors] = useState<ChartColors>(FALLBACK);
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const next = readColors();
      setColors((current) => (JSON.stringify(current) === JSON.stringify(next) ? current : next));
    });
    return () => cancelAnimationFrame(frame);
  }, [theme]);
  return colors;
}
