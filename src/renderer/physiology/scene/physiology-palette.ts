import type { Theme } from '../../../shared/settings';
import { GLAND_PALETTES } from '../../scene/gland/gland-palette';

/**
 * Colours and sizes of the body map. The body is a soft neutral glass (its outline drawn by a rim
 * that brightens where the surface turns away), the brain's parts in calm violets and blues so the
 * hormone particles stay the brightest things on screen, the gland in the atlas's own colours. The
 * projector palette is darker and more saturated on a white page, with larger particles, as the
 * gland palettes do.
 */
export interface PhysiologyPalette {
  background: string;
  body: string;
  /** Opacity of the body where it faces the viewer, and at its outline. */
  bodyCore: number;
  bodyRim: number;
  brain: string;
  hypothalamus: string;
  nuclei: string;
  anteriorLobe: string;
  posteriorLobe: string;
  portal: string;
  fibres: string;
  vessel: string;
  vesselOpacity: number;
  heart: string;
  placenta: string;
  uterus: string;
  adrenal: string;
  pancreas: string;
  ovary: string;
  spinalCord: string;
  nerve: string;
  nerveLit: string;
  breastSkin: string;
  areola: string;
  nipple: string;
  duct: string;
  alveolus: string;
  /** Alveoli whiten towards this as they fill with milk. */
  alveolusFull: string;
  /** The contracting myoepithelial basket darkens them towards this. */
  basket: string;
  /** What the alveoli glow with while making milk. */
  glow: string;
  milk: string;
  milkOutline: string;
  impulse: string;
  /** Outline of the hormone discs. */
  glyphRing: string;
  /** On-screen sizes in CSS pixels. */
  glyphSize: number;
  milkSize: number;
  impulseSize: number;
}

export const PHYSIOLOGY_PALETTES: Readonly<Record<Theme, PhysiologyPalette>> = {
  standard: {
    background: GLAND_PALETTES.standard.background,
    body: '#d8c6b6',
    bodyCore: 0.07,
    bodyRim: 0.5,
    brain: '#b7a7c9',
    hypothalamus: '#9b82d1',
    nuclei: '#5e3fa3',
    anteriorLobe: '#6fa8dc',
    posteriorLobe: '#c59be0',
    portal: '#b9405a',
    fibres: GLAND_PALETTES.standard.nerve,
    vessel: GLAND_PALETTES.standard.artery,
    vesselOpacity: 0.55,
    heart: '#c23a44',
    placenta: '#93405e',
    uterus: '#e6a6b4',
    adrenal: '#d9a441',
    pancreas: '#e3b17c',
    ovary: '#e7a2b6',
    spinalCord: '#cbbf9c',
    nerve: GLAND_PALETTES.standard.nerve,
    nerveLit: '#fff2a8',
    breastSkin: GLAND_PALETTES.standard.skin,
    areola: GLAND_PALETTES.standard.areola,
    nipple: GLAND_PALETTES.standard.nipple,
    duct: GLAND_PALETTES.standard.duct,
    alveolus: GLAND_PALETTES.standard.alveolus,
    alveolusFull: '#ffe2cf',
    basket: '#2e6f66',
    glow: '#ff9d6e',
    milk: '#ffffff',
    milkOutline: '#c9b48a',
    impulse: '#fff6c2',
    glyphRing: '#ffffff',
    glyphSize: 18,
    milkSize: 8,
    impulseSize: 11,
  },
  projector: {
    background: GLAND_PALETTES.projector.background,
    body: '#8d7766',
    bodyCore: 0.05,
    bodyRim: 0.75,
    brain: '#8f7fa8',
    hypothalamus: '#6a4fb3',
    nuclei: '#2f176e',
    anteriorLobe: '#2f6fb5',
    posteriorLobe: '#8d4fb8',
    portal: '#8a1030',
    fibres: GLAND_PALETTES.projector.nerve,
    vessel: GLAND_PALETTES.projector.artery,
    vesselOpacity: 0.7,
    heart: '#a3121f',
    placenta: '#6e1f3f',
    uterus: '#d88a9d',
    adrenal: '#b57d10',
    pancreas: '#c08440',
    ovary: '#c8607e',
    spinalCord: '#b39b55',
    nerve: GLAND_PALETTES.projector.nerve,
    nerveLit: '#e0a800',
    breastSkin: GLAND_PALETTES.projector.skin,
    areola: GLAND_PALETTES.projector.areola,
    nipple: GLAND_PALETTES.projector.nipple,
    duct: GLAND_PALETTES.projector.duct,
    alveolus: GLAND_PALETTES.projector.alveolus,
    alveolusFull: '#f7d2b8',
    basket: '#14574e',
    glow: '#ff7a3d',
    milk: '#ffffff',
    milkOutline: '#6b5528',
    impulse: '#ffd21f',
    glyphRing: '#000000',
    glyphSize: 24,
    milkSize: 11,
    impulseSize: 13,
  },
};
