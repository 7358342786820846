import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';

/** Filled in by a `StillTaker` inside a canvas: draws a frame now and returns it as a PNG data URL. */
export type StillRequest = { current: (() => string) | null };

/**
 * Canvas content that lets a handout photograph the scene. The canvases render on demand and
 * without `preserveDrawingBuffer` (keeping it costs every frame), so the picture is drawn and read
 * in one go: the whole frame loop runs once (camera, morph and labels' frame callbacks included),
 * then the canvas is read before the browser can clear it.
 */
export function StillTaker({ request }: { request: StillRequest }) {
  const advance = useThree((state) => state.advance);
  const canvas = useThree((state) => state.gl.domElement);
  useEffect(() => {
    const take = (): string => {
      advance(performance.now());
      return canvas.toDataURL('image/png');
    };
    request.current = take;
    return () => {
      if (request.current === take) request.current = null;
    };
  }, [request, advance, canvas]);
  return null;
}
