import type { HormoneId } from '../../../shared/physiology/physiology-types';

/**
 * How each hormone's particles look: a colour from the Okabe–Ito palette (chosen to stay
 * distinguishable with the common colour-vision deficiencies; Okabe & Ito, "Color Universal
 * Design", 2002) AND a letter drawn on every particle, so the streams can be told apart without
 * colour at all. The letters follow the English names (P, O, D, E, Pg, L for lactogen, C, I, F for
 * the feedback inhibitor); the legend gives the translated name beside each one.
 */
export interface HormoneStyle {
  colour: string;
  glyph: string;
  /** The letter's colour: dark on light discs, white on dark ones. */
  ink: string;
}

export const HORMONE_STYLES: Readonly<Record<HormoneId, HormoneStyle>> = {
  prolactin: { colour: '#56B4E9', glyph: 'P', ink: '#000000' },
  oxytocin: { colour: '#CC79A7', glyph: 'O', ink: '#000000' },
  dopamine: { colour: '#009E73', glyph: 'D', ink: '#ffffff' },
  estrogen: { colour: '#E69F00', glyph: 'E', ink: '#000000' },
  progesterone: { colour: '#0072B2', glyph: 'Pg', ink: '#ffffff' },
  hpl: { colour: '#D55E00', glyph: 'L', ink: '#ffffff' },
  cortisol: { colour: '#F0E442', glyph: 'C', ink: '#000000' },
  insulin: { colour: '#B0B0B0', glyph: 'I', ink: '#000000' },
  inhibitor: { colour: '#1A1A1A', glyph: 'F', ink: '#ffffff' },
};
