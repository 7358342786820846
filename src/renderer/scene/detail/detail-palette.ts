import type { Theme } from '../../../shared/settings';
import { GLAND_PALETTES } from '../gland/gland-palette';

/**
 * Colours of the two close-ups, after a histology-inspired atlas plate: lactocytes in a warm
 * eosin pink with haematoxylin-purple nuclei, the myoepithelial basket a teal grey-green so it
 * reads as a separate layer, milk ivory, capillaries red (arterial end) and blue (venous end).
 * Lobule-level colours (alveoli, ducts, vessels, highlight) come from the gland palette so the
 * zoom from the gland keeps its colours. The projector theme is darker and more saturated so the
 * structures hold on a white page.
 */
export interface DetailPalette {
  /** Lobule close-up. */
  alveolus: string;
  ductule: string;
  arterial: string;
  venous: string;
  highlight: string;
  /** Alveolus close-up. */
  lactocyte: string;
  /**
   * Whole cells are a little see-through, like stained cytoplasm, so their nuclei show inside
   * them (the sectioned cells show theirs in the cut face).
   */
  lactocyteOpacity: number;
  /** The cut faces of the sectioned cells (a lighter pink, as a section looks under the microscope). */
  lactocyteSection: string;
  nucleus: string;
  myoepithelial: string;
  milk: string;
  milkOpacity: number;
  fatGlobule: string;
  ductuleWall: string;
}

export const DETAIL_PALETTES: Readonly<Record<Theme, DetailPalette>> = {
  standard: {
    alveolus: GLAND_PALETTES.standard.alveolus,
    ductule: GLAND_PALETTES.standard.duct,
    arterial: GLAND_PALETTES.standard.artery,
    venous: '#5b82db',
    highlight: GLAND_PALETTES.standard.highlight,
    lactocyte: '#e99aa5',
    lactocyteOpacity: 0.7,
    lactocyteSection: '#f6c4c6',
    nucleus: '#6b4aa6',
    myoepithelial: '#6fb5a6',
    milk: '#fbf5e6',
    milkOpacity: 0.42,
    fatGlobule: '#fff0c2',
    ductuleWall: '#e8b9a8',
  },
  projector: {
    alveolus: GLAND_PALETTES.projector.alveolus,
    ductule: GLAND_PALETTES.projector.duct,
    arterial: GLAND_PALETTES.projector.artery,
    venous: GLAND_PALETTES.projector.vein,
    highlight: GLAND_PALETTES.projector.highlight,
    lactocyte: '#d46f80',
    lactocyteOpacity: 0.74,
    lactocyteSection: '#eaa3aa',
    nucleus: '#43207a',
    myoepithelial: '#1f7a6c',
    milk: '#f1e6c8',
    milkOpacity: 0.55,
    fatGlobule: '#eec65a',
    ductuleWall: '#c98a76',
  },
};
