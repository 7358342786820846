import type { Locator, Page } from 'playwright-core';

interface PixelStats {
  /** Share of the first image's pixels that clearly differ from the background colour. */
  unlikeBackground: number;
  /** Share of pixels that changed between the first and second image (0 with one image). */
  changed: number;
}

/**
 * Decodes screenshots inside the page (the CSP allows data: images), so no PNG decoder is needed
 * in Node.
 */
function pixelStats(page: Page, pngs: Buffer[], background: [number, number, number] = [0, 0, 0]): Promise<PixelStats> {
  return page.evaluate(
    async ({ images, background: [r, g, b] }) => {
      const decode = async (png: string) => {
        const image = new Image();
        image.src = `data:image/png;base64,${png}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d');
        if (!context) throw new Error('no 2D context');
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, canvas.width, canvas.height).data;
      };
      const [x, y] = await Promise.all(images.map(decode));
      if (!x) throw new Error('no image');
      let unlike = 0;
      let changed = 0;
      for (let i = 0; i < x.length; i += 4) {
        if (Math.abs(x[i]! - r) + Math.abs(x[i + 1]! - g) + Math.abs(x[i + 2]! - b) > 48) unlike += 1;
        if (y && Math.abs(x[i]! - y[i]!) + Math.abs(x[i + 1]! - y[i + 1]!) + Math.abs(x[i + 2]! - y[i + 2]!) > 30) changed += 1;
      }
      const count = x.length / 4;
      return { unlikeBackground: unlike / count, changed: changed / count };
    },
    { images: pngs.map((png) => png.toString('base64')), background },
  );
}

/** Share of an element's pixels that clearly differ from `background` (RGB). */
export async function shareOfPixelsUnlike(locator: Locator, background: [number, number, number]): Promise<number> {
  return (await pixelStats(locator.page(), [await locator.screenshot()], background)).unlikeBackground;
}

/** Share of pixels that changed between two screenshots of the same size. */
export async function shareOfPixelsChanged(page: Page, before: Buffer, after: Buffer): Promise<number> {
  return (await pixelStats(page, [before, after])).changed;
}

/** Every control a learner can operate: what Tab must reach. */
export const CONTROLS = 'button:not([disabled]), a[href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Screen points of the physiology scene's canvas (`data-anchors`), CSS pixels from its corner. */
export type Anchors = Record<string, { x: number; y: number }>;

/** Pixels of milk's white (droplets are the only white thing in the breast) in a box round each nipple. */
export async function milkPixelsAtNipples(page: Page, png: Buffer, anchors: Anchors): Promise<number> {
  return page.evaluate(
    async ({ image64, points }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${image64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2D context');
      context.drawImage(image, 0, 0);
      let milk = 0;
      for (const { x, y } of points) {
        const data = context.getImageData(Math.round(x - 24), Math.round(y - 24), 48, 48).data;
        for (let i = 0; i < data.length; i += 4) if (data[i]! > 225 && data[i + 1]! > 225 && data[i + 2]! > 215) milk += 1;
      }
      return milk;
    },
    { image64: png.toString('base64'), points: [anchors['left-nipple']!, anchors['right-nipple']!] },
  );
}
