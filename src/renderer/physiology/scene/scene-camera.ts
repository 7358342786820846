import type { Vec3 } from '../../../shared/anatomy/gland-anatomy';

/**
 * The body map's one fixed camera: a front view turned a little to the side and from a little
 * above, so the body has depth without hiding anything, framed so the whole body and the label
 * columns fit whatever the canvas's shape. Fixed so that a teacher's pointer and the labels stay
 * where they are: nothing moves unless the physiology does.
 */
export const CAMERA_FOV = 26;
export const CAMERA_TARGET: Vec3 = [0, 9.8, 0];
const AZIMUTH = 0.2;
const ELEVATION = 0.05;
/** Half the height of body to show (head top to pelvis, with room), in body units. */
const HALF_HEIGHT = 40.5;
/** The body's half-width (body units): it must fit even without labels. */
const BODY_HALF_WIDTH = 22;
/** Pixels kept between a label and the canvas's edge. */
const EDGE_PX = 14;
/**
 * How far the camera may stand back to make room for labels, as a multiple of the distance that
 * just fits the body's height: beyond it the body would shrink to a stamp on a narrow canvas, so the
 * labels give way instead (they wrap and shrink there: physiology-scene.css).
 */
const MAX_PULL_BACK = 1.6;

/** A label's column point's distance from the midline (body units) and its text's width (CSS px). */
export interface LabelExtent {
  x: number;
  width: number;
}

/**
 * Where the camera stands for a canvas of `width` × `height` CSS pixels: far enough for the body's
 * height, and for every label's text to fit between its column point and the canvas's edge.
 * Pixels per body unit at distance d are k = height / (2 · d · tan(fov / 2)); a label at x with
 * text w fits when |x| · k + w ≤ width / 2 − edge.
 */
export function cameraPosition(width: number, height: number, labels: readonly LabelExtent[]): Vec3 {
  const tan = Math.tan(((CAMERA_FOV / 2) * Math.PI) / 180);
  let distance = HALF_HEIGHT / tan;
  for (const { x, width: text } of [{ x: BODY_HALF_WIDTH, width: 0 }, ...labels]) {
    const room = Math.max(24, width / 2 - EDGE_PX - text);
    distance = Math.max(distance, (Math.abs(x) * height) / (2 * tan * room));
  }
  distance = Math.min(distance, (MAX_PULL_BACK * HALF_HEIGHT) / tan);
  return [
    CAMERA_TARGET[0] + distance * Math.sin(AZIMUTH) * Math.cos(ELEVATION),
    CAMERA_TARGET[1] + distance * Math.sin(ELEVATION),
    CAMERA_TARGET[2] + distance * Math.cos(AZIMUTH) * Math.cos(ELEVATION),
  ];
}
