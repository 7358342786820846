import type { GlandAnatomy, Vec3 } from '../../shared/anatomy/gland-anatomy';
import { CAMERA_SHOTS, type CameraShotName } from '../../shared/lessons/camera-shots';
import { structureBounds } from './gland/structure-focus';
import type { Orbit } from './orbit-keys';

/**
 * Carries out a lesson's named camera shot (src/shared/lessons/camera-shots.ts) on the gland:
 * the centre of what it frames, and an orbit that fits those bounds with the shot's margin, seen
 * from the shot's direction. The tree shot frames the tree layout; the others the anatomy.
 */
export interface ShotView {
  target: Vec3;
  orbit: Orbit;
}

const RADIANS = Math.PI / 180;

export function shotView(anatomy: GlandAnatomy, name: CameraShotName, treeOffset: Vec3, fieldOfViewDegrees: number): ShotView | null {
  const shot = CAMERA_SHOTS[name];
  const tree = shot.frame.kind === 'tree';
  const ids =
    shot.frame.kind === 'structure'
      ? [shot.frame.id]
      : shot.frame.kind === 'all-of-kind'
        ? [...anatomy.structures.values()].filter((node) => node.kind === (shot.frame as { structureKind: string }).structureKind).map((node) => node.id)
        : ['breast'];
  const bounds = structureBounds(anatomy, ids, tree, treeOffset);
  if (!bounds) return null;
  const distance = (bounds.radius * (1 + shot.margin)) / Math.tan((fieldOfViewDegrees / 2) * RADIANS);
  return {
    target: bounds.centre,
    // Azimuth 0° looks from straight in front (+z), 90° from the lateral side (+x); elevation lifts the eye.
    orbit: { azimuth: shot.orbit.azimuthDegrees * RADIANS, polar: (90 - shot.orbit.elevationDegrees) * RADIANS, distance },
  };
}
