import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { Group, Mesh, type MeshStandardMaterial } from 'three';
import type { GlandAnatomy } from '../../../shared/anatomy/gland-anatomy';
import type { AnimationPhase } from '../../../shared/lessons/timeline';
import type { MorphUniforms } from './morph-material';
import { buildHighlight } from './SelectionHighlight';

/** Brightest opacity of a pulse's glow. */
const PULSE_OPACITY = 0.8;

/**
 * A lesson's `{pulse …}` cue: the named structures glow and fade, `times` over, in step with the
 * lesson clock. `phases` is read every drawn frame (it comes from the clock, so pausing the lesson
 * holds the glow); frames are asked for only while a pulse runs.
 */
export function PulseHighlight({ anatomy, uniforms, color, ids, phases }: { anatomy: GlandAnatomy; uniforms: MorphUniforms; color: string; ids: readonly string[]; phases: () => readonly AnimationPhase[] }) {
  const invalidate = useThree((s) => s.invalidate);
  const key = ids.join(' ');
  const group = useMemo(() => {
    const root = new Group();
    for (const id of key ? key.split(' ') : []) {
      const built = anatomy.structures.has(id) ? buildHighlight(anatomy, id, uniforms, color, 0) : null;
      if (built) root.add(built);
    }
    root.visible = false;
    return root;
  }, [anatomy, uniforms, color, key]);

  useEffect(() => {
    invalidate();
    return () =>
      group.traverse((object) => {
        if (object instanceof Mesh) {
          object.geometry.dispose();
          (object.material as MeshStandardMaterial).dispose();
        }
      });
  }, [group, invalidate]);

  useFrame(() => {
    const pulse = phases().find((phase) => phase.kind === 'pulse');
    const glow = pulse && pulse.kind === 'pulse' ? pulse.glow : 0;
    group.visible = glow > 0.01;
    group.traverse((object) => {
      if (object instanceof Mesh) (object.material as MeshStandardMaterial).opacity = glow * PULSE_OPACITY;
    });
    if (pulse) invalidate();
  });

  return <primitive object={group} />;
}
