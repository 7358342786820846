import { useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { Raycaster, Vector2 } from 'three';
import type { Ray } from './gland/pick-structure';

/**
 * Tells which thing lies under the pointer as it moves over the canvas, at most once per
 * animation frame, through `pick` (our own ray maths, the same used for clicks) rather than
 * three.js ray-casting every mesh on every move. Silent while a button is held (the learner is
 * turning the view, not pointing at something). `onHover` gets the id (or null) and the
 * pointer's position in the canvas, for a name tag.
 */
export function PointerHover({ pick, onHover }: { pick: (ray: Ray) => string | null; onHover(id: string | null, x: number, y: number): void }) {
  const camera = useThree((s) => s.camera);
  const element = useThree((s) => s.gl.domElement);
  const raycaster = useMemo(() => new Raycaster(), []);
  const latest = useRef({ pick, onHover });
  latest.current = { pick, onHover };

  useEffect(() => {
    let frame = 0;
    let pending: PointerEvent | null = null;
    const run = (): void => {
      frame = 0;
      const event = pending;
      pending = null;
      if (!event) return;
      const rect = element.getBoundingClientRect();
      const x = event.clientX - rect.left;
      const y = event.clientY - rect.top;
      raycaster.setFromCamera(new Vector2((x / rect.width) * 2 - 1, 1 - (y / rect.height) * 2), camera);
      const { origin, direction } = raycaster.ray;
      latest.current.onHover(latest.current.pick({ origin: [origin.x, origin.y, origin.z], direction: [direction.x, direction.y, direction.z] }), x, y);
    };
    const onMove = (event: PointerEvent): void => {
      if (event.buttons !== 0 || event.pointerType === 'touch') return;
      pending = event;
      if (!frame) frame = requestAnimationFrame(run);
    };
    const onLeave = (): void => {
      pending = null;
      latest.current.onHover(null, 0, 0);
    };
    element.addEventListener('pointermove', onMove);
    element.addEventListener('pointerleave', onLeave);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      element.removeEventListener('pointermove', onMove);
      element.removeEventListener('pointerleave', onLeave);
    };
  }, [camera, element, raycaster]);

  return null;
}
