import type { Theme } from '../../shared/settings';

/**
 * Colours of the 3D view per theme. The standard theme is a calm dark room; the projector theme is
 * a white page with darker, more saturated tissue so it survives a washed-out projector. Shapes
 * (trunk, branches, leaf clusters) carry the meaning; colour only helps.
 */
export interface ScenePalette {
  background: string;
  trunk: string;
  branches: string;
  leaves: string;
}

export const SCENE_PALETTES: Readonly<Record<Theme, ScenePalette>> = {
  standard: { background: '#13202c', trunk: '#c7786c', branches: '#f0d4c2', leaves: '#f2987c' },
  projector: { background: '#ffffff', trunk: '#6e2a22', branches: '#a24a33', leaves: '#e06a45' },
};
