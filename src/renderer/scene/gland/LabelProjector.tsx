import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, type MutableRefObject } from 'react';
import { Vector3 } from 'three';
import type { Vec3 } from '../../../shared/anatomy/gland-anatomy';
import type { MorphUniforms } from './morph-material';

export interface LabelAnchor {
  key: string;
  anatomy: Vec3;
  tree: Vec3;
  /** Which side of the point the text sits on (right unless said otherwise). */
  side?: 'left' | 'right';
}

const point = new Vector3();

/**
 * Moves DOM labels to follow 3D anchors: each drawn frame projects the anchors (blended between
 * layouts like the geometry) and writes a CSS transform. No React render per frame.
 */
export function LabelProjector({ anchors, elements, uniforms }: { anchors: LabelAnchor[]; elements: MutableRefObject<Record<string, HTMLElement | null>>; uniforms: MorphUniforms }) {
  const invalidate = useThree((s) => s.invalidate);
  // New labels start hidden (CSS) until a frame has placed them.
  useEffect(() => invalidate(), [anchors, invalidate]);
  useFrame(({ camera, size }) => {
    const t = uniforms.uMorph.value;
    for (const anchor of anchors) {
      const element = elements.current[anchor.key];
      if (!element) continue;
      point.set(
        anchor.anatomy[0] + (anchor.tree[0] - anchor.anatomy[0]) * t,
        anchor.anatomy[1] + (anchor.tree[1] - anchor.anatomy[1]) * t,
        anchor.anatomy[2] + (anchor.tree[2] - anchor.anatomy[2]) * t,
      );
      point.project(camera);
      const visible = point.z < 1 && Math.abs(point.x) <= 1.1 && Math.abs(point.y) <= 1.1;
      element.style.visibility = visible ? 'visible' : 'hidden';
      element.style.transform = `translate(${((point.x + 1) / 2) * size.width}px, ${((1 - point.y) / 2) * size.height}px)`;
    }
  });
  return null;
}
