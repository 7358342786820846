import { CanvasTexture, SRGBColorSpace } from 'three';

/**
 * The particles' pictures, drawn once on a 2D canvas (no image files, nothing fetched): a hormone
 * is a coloured disc with a ring and its letter, milk a droplet with a thin outline, a nerve
 * impulse a soft spark. Each becomes the texture of one Points object.
 */
const SIZE = 64;

function canvasTexture(draw: (context: CanvasRenderingContext2D) => void): CanvasTexture {
  const canvas = document.createElement('canvas');
  canvas.width = SIZE;
  canvas.height = SIZE;
  const context = canvas.getContext('2d');
  if (context) draw(context);
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  return texture;
}

export function glyphTexture(colour: string, ink: string, ring: string, glyph: string): CanvasTexture {
  return canvasTexture((c) => {
    const centre = SIZE / 2;
    c.beginPath();
    c.arc(centre, centre, SIZE / 2 - 3, 0, Math.PI * 2);
    c.fillStyle = ring;
    c.fill();
    c.beginPath();
    c.arc(centre, centre, SIZE / 2 - 8, 0, Math.PI * 2);
    c.fillStyle = colour;
    c.fill();
    // Two letters (Pg) need a smaller font to fit the disc.
    const fontSize = glyph.length > 1 ? 26 : 34;
    c.font = `700 ${fontSize}px "DejaVu Sans", "Segoe UI", Arial, sans-serif`;
    c.textAlign = 'center';
    c.textBaseline = 'middle';
    c.fillStyle = ink;
    c.fillText(glyph, centre, centre + 2);
  });
}

export function dropletTexture(fill: string, outline: string): CanvasTexture {
  return canvasTexture((c) => {
    const centre = SIZE / 2;
    c.beginPath();
    c.arc(centre, centre, SIZE / 2 - 2, 0, Math.PI * 2);
    c.fillStyle = outline;
    c.fill();
    c.beginPath();
    c.arc(centre, centre, SIZE / 2 - 9, 0, Math.PI * 2);
    c.fillStyle = fill;
    c.fill();
  });
}

export function sparkTexture(colour: string): CanvasTexture {
  return canvasTexture((c) => {
    const centre = SIZE / 2;
    const gradient = c.createRadialGradient(centre, centre, 0, centre, centre, SIZE / 2);
    // No white core: milk is the only white thing in the breast, so it can be told apart.
    gradient.addColorStop(0, colour);
    gradient.addColorStop(0.4, colour);
    gradient.addColorStop(1, 'rgba(255, 255, 255, 0)');
    c.fillStyle = gradient;
    c.fillRect(0, 0, SIZE, SIZE);
  });
}
