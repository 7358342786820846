import { SCENE_LAYERS, type SceneLayer } from '../../../shared/lessons/structure-ids';

/** The layers a learner (or a lesson) can show or hide, in the order the layer panel lists them. */
export const GLAND_LAYERS = SCENE_LAYERS;
export type GlandLayer = SceneLayer;
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
