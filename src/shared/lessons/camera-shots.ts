import type { StructureKind } from '../anatomy/gland-anatomy';

/**
 * The named camera shots a lesson can ask for (`camera: duct-system` in a scene block,
 * `{focus duct-system}` in the narration). A small fixed set, each defined as data the renderer
 * can carry out: what to frame and from which direction. The renderer fits the framed bounds in
 * the view with `margin` to spare, looking from the orbit direction towards their centre.
 *
 * Directions are in the breast's own frame (gland-anatomy.ts): +z forward out of the chest, +y up,
 * +x lateral (towards the armpit). Azimuth 0° looks at the breast from straight in front, 90° from
 * the side (the armpit); elevation 0° is level, positive looks down from above.
 */

export const SCENE_VIEWS = ['anatomy', 'tree'] as const;
/** The anatomical layout of the gland, or the same topology drawn as an upright tree. */
export type SceneView = (typeof SCENE_VIEWS)[number];

export type ShotFrame =
  /** The bounds of one structure of the gland. */
  | { kind: 'structure'; id: string }
  /** The bounds of every structure of one kind (every duct, say). */
  | { kind: 'all-of-kind'; structureKind: StructureKind }
  /** The whole tree layout, from the trunk to the highest leaves. */
  | { kind: 'tree' };

export interface CameraShot {
  frame: ShotFrame;
  orbit: { azimuthDegrees: number; elevationDegrees: number };
  /** Room left around the framed bounds, as a fraction of their radius. */
  margin: number;
  /** The view this shot is made for: using it in the other view is an error in a lesson. */
  view: SceneView;
  /** What a teacher sees, for the authoring guide. */
  summary: string;
}

export const CAMERA_SHOTS = {
  'whole-breast': {
    frame: { kind: 'structure', id: 'breast' },
    orbit: { azimuthDegrees: 25, elevationDegrees: 10 },
    margin: 0.15,
    view: 'anatomy',
    summary: 'The whole breast on the chest wall, from the front and a little to the side. Where every lesson starts.',
  },
  'side-profile': {
    frame: { kind: 'structure', id: 'breast' },
    orbit: { azimuthDegrees: 90, elevationDegrees: 0 },
    margin: 0.2,
    view: 'anatomy',
    summary: 'The breast in profile: how shallow the ducts lie under the skin, the muscle and ribs behind.',
  },
  'nipple-and-areola': {
    frame: { kind: 'structure', id: 'areola' },
    orbit: { azimuthDegrees: 15, elevationDegrees: 10 },
    margin: 0.35,
    view: 'anatomy',
    summary: 'Close on the nipple and areola: the nipple openings, the Montgomery glands, the first branching of the ducts.',
  },
  'duct-system': {
    frame: { kind: 'all-of-kind', structureKind: 'duct' },
    orbit: { azimuthDegrees: 30, elevationDegrees: 15 },
    margin: 0.1,
    view: 'anatomy',
    summary: 'Every duct from the nipple to the lobules: the branching pattern in the breast.',
  },
  'chest-wall': {
    frame: { kind: 'structure', id: 'pectoralis-major' },
    orbit: { azimuthDegrees: 60, elevationDegrees: 10 },
    margin: 0.05,
    view: 'anatomy',
    summary: 'The breast resting on pectoralis major and the ribs, from the side.',
  },
  'nerve-to-nipple': {
    frame: { kind: 'structure', id: 'nerve-t4-lateral-cutaneous' },
    orbit: { azimuthDegrees: 70, elevationDegrees: 5 },
    margin: 0.2,
    view: 'anatomy',
    summary: 'The course of the 4th intercostal nerve’s lateral branch, from the side of the chest to the nipple.',
  },
  tree: {
    frame: { kind: 'tree' },
    orbit: { azimuthDegrees: 0, elevationDegrees: 5 },
    margin: 0.1,
    view: 'tree',
    summary: 'The whole gland as an upright tree: the nipple as trunk, the ducts as branches, the lobules as leaves.',
  },
} as const satisfies Record<string, CameraShot>;

export type CameraShotName = keyof typeof CAMERA_SHOTS;
export const CAMERA_SHOT_NAMES = Object.keys(CAMERA_SHOTS) as readonly CameraShotName[];

export function isCameraShotName(value: string): value is CameraShotName {
  return Object.hasOwn(CAMERA_SHOTS, value);
}

/** Where the camera looks: a named shot, or a structure (or a part of the alveolus close-up) to frame. */
export type CameraTarget = { kind: 'shot'; shot: CameraShotName } | { kind: 'structure'; id: string };
