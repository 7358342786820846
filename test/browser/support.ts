import type { Locator, Page } from 'playwright-core';

/**
 * Reads pixels of an element's screenshot inside the page itself (the CSP allows data: images),
 * so no PNG decoder is needed in Node. Returns the share of pixels that differ from `background`.
 */
export async function shareOfPixelsUnlike(locator: Locator, background: [number, number, number]): Promise<number> {
  const png = (await locator.screenshot()).toString('base64');
  return locator.page().evaluate(
    async ({ png, background }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2D context');
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let unlike = 0;
      for (let i = 0; i < data.length; i += 4) {
        const distance = Math.abs(data[i]! - background[0]) + Math.abs(data[i + 1]! - background[1]) + Math.abs(data[i + 2]! - background[2]);
        if (distance > 48) unlike += 1;
      }
      return unlike / (data.length / 4);
    },
    { png, background },
  );
}

/** Share of pixels that changed between two screenshots of the same size. */
export async function shareOfPixelsChanged(page: Page, before: Buffer, after: Buffer): Promise<number> {
  return page.evaluate(
    async ({ a, b }) => {
      const load = async (png: string) => {
        const image = new Image();
        image.src = `data:image/png;base64,${png}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, canvas.width, canvas.height).data;
      };
      const [x, y] = await Promise.all([load(a), load(b)]);
      let changed = 0;
      for (let i = 0; i < x.length; i += 4) {
        if (Math.abs(x[i]! - y[i]!) + Math.abs(x[i + 1]! - y[i + 1]!) + Math.abs(x[i + 2]! - y[i + 2]!) > 30) changed += 1;
      }
      return changed / (x.length / 4);
    },
    { a: before.toString('base64'), b: after.toString('base64') },
  );
}

/** Every control a learner can operate: what Tab must reach. */
export const CONTROLS = 'button:not([disabled]), a[href], input, select, textarea, [tabindex]:not([tabindex="-1"])';
