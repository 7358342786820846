/** The layers a learner can show or hide, in the order the layer panel lists them. */
export const GLAND_LAYERS = ['skin', 'fat', 'ligaments', 'ducts', 'lobules', 'vessels', 'nerves', 'muscle'] as const;
export type GlandLayer = (typeof GLAND_LAYERS)[number];
export type LayerVisibility = Readonly<Record<GlandLayer, boolean>>;

export const DEFAULT_LAYERS: LayerVisibility = {
  skin: true,
  fat: true,
  ligaments: true,
  ducts: true,
  lobules: true,
  vessels: true,
  nerves: true,
  muscle: true,
};
