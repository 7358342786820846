import type { Theme } from '../../../shared/settings';

/**
 * Colours of the gland, in the manner of an anatomy atlas: warm tissue, milky ducts, coral
 * milk-making alveoli, red arteries, blue veins, yellow nerve, ivory bone. The projector palette is
 * darker and more saturated so thin structures survive on a white page. Shapes and labels carry
 * the meaning; colour helps.
 */
export interface GlandPalette {
  background: string;
  skin: string;
  fatEnvelope: string;
  fatLobule: string;
  duct: string;
  lobule: string;
  alveolus: string;
  nipple: string;
  areola: string;
  ligament: string;
  artery: string;
  vein: string;
  nerve: string;
  muscle: string;
  bone: string;
  highlight: string;
}

export const GLAND_PALETTES: Readonly<Record<Theme, GlandPalette>> = {
  standard: {
    background: '#13202c',
    skin: '#f1c9b4',
    fatEnvelope: '#f4d88f',
    fatLobule: '#f0cf6e',
    duct: '#f6eee3',
    lobule: '#f4a18d',
    alveolus: '#ee8a74',
    nipple: '#b9685b',
    areola: '#c98273',
    ligament: '#ece6dc',
    artery: '#d2343f',
    vein: '#4a6fc4',
    nerve: '#f5c842',
    muscle: '#7e3f3a',
    bone: '#eee5d3',
    highlight: '#ffd166',
  },
  projector: {
    background: '#ffffff',
    skin: '#d9a58c',
    fatEnvelope: '#e2b84a',
    fatLobule: '#d9ad3a',
    duct: '#b98b62',
    lobule: '#e07a62',
    alveolus: '#d0583d',
    nipple: '#7d3328',
    areola: '#9a4a3c',
    ligament: '#8a8174',
    artery: '#b0121f',
    vein: '#1f45a8',
    nerve: '#b38600',
    muscle: '#7f2a23',
    bone: '#a39785',
    highlight: '#0047ff',
  },
};
