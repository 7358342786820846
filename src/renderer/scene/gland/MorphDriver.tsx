import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import type { MorphUniforms } from './morph-material';
import { morphFrame } from './morph-timeline';

/**
 * Steps the tree-view transition with the canvas's frame clock. A change of `treeView` starts a
 * transition from wherever the morph is now; frames are requested only while it runs. In a lesson
 * the morph follows the lesson clock instead (`external`), so pausing holds it mid-way.
 */
export function MorphDriver({
  uniforms,
  treeView,
  reducedMotion,
  onSettled,
  external = null,
}: {
  uniforms: MorphUniforms;
  treeView: boolean;
  reducedMotion: boolean;
  onSettled?: (tree: boolean) => void;
  /** When a lesson plays, the morph is read from its clock each frame instead (lesson-morph.ts). */
  external?: (() => number) | null;
}) {
  const invalidate = useThree((s) => s.invalidate);
  const canvas = useThree((s) => s.gl.domElement);
  const run = useRef<{ from: number; to: number; elapsed: number } | null>(null);

  useEffect(() => {
    if (external) {
      run.current = null;
      invalidate();
      return;
    }
    const to = treeView ? 1 : 0;
    if (uniforms.uMorph.value === to && !run.current) return;
    run.current = { from: uniforms.uMorph.value, to, elapsed: 0 };
    invalidate();
  }, [treeView, uniforms, invalidate, external]);

  useFrame((_, delta) => {
    if (external) {
      const value = external();
      uniforms.uMorph.value = value;
      canvas.style.opacity = '1';
      canvas.dataset['layout'] = value >= 1 ? 'tree' : value <= 0 ? 'anatomy' : 'moving';
      return;
    }
    const active = run.current;
    if (!active) return;
    active.elapsed += Math.min(delta, 0.1);
    const frame = morphFrame(active.from, active.to, active.elapsed, reducedMotion);
    uniforms.uMorph.value = frame.morph;
    canvas.style.opacity = String(frame.opacity);
    if (frame.done) {
      run.current = null;
      canvas.style.opacity = '1';
      canvas.dataset['layout'] = active.to === 1 ? 'tree' : 'anatomy';
      onSettled?.(active.to === 1);
    } else {
      canvas.dataset['layout'] = 'moving';
      invalidate();
    }
  });

  return null;
}
