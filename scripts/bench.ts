import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gotoAtlas, launchChromium, openAtlas } from './lib/browser';
import { PROJECT_ROOT } from './lib/preview-handler';

/**
 * `npm run bench`: prints start-up, interaction and memory figures for the renderer in headless
 * Chromium (SwiftShader, so frame times compare only within one run), plus exact counters: draw
 * calls and instances per frame, counted by wrapping the WebGL draw functions, and bundle sizes.
 * It prints figures; it asserts nothing.
 */
const INTERACTIONS = 40;

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const assets = join(PROJECT_ROOT, 'out', 'renderer', 'assets');
const bundle = readdirSync(assets).map((name) => ({ name, bytes: statSync(join(assets, name)).size }));

const browser = await launchChromium();
try {
  const { page, context } = await openAtlas(browser, { viewport: { width: 1280, height: 720 } });
  await context.addInitScript(() => {
    const counters = { drawCalls: 0, instances: 0 };
    (window as unknown as { __drawCounters: typeof counters }).__drawCounters = counters;
    const proto = WebGL2RenderingContext.prototype as unknown as Record<string, (...args: number[]) => void>;
    for (const name of ['drawArrays', 'drawElements', 'drawArraysInstanced', 'drawElementsInstanced']) {
      const original = proto[name]!;
      proto[name] = function (this: unknown, ...args: number[]) {
        counters.drawCalls += 1;
        counters.instances += name.endsWith('Instanced') ? (args[args.length - 1] ?? 1) : 1;
        return original.apply(this, args);
      };
    }
  });
  const started = Date.now();
  await gotoAtlas(page);
  const wallStartup = Date.now() - started;
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return { domContentLoaded: nav?.domContentLoadedEventEnd ?? NaN, firstPaint: paint?.startTime ?? NaN };
  });

  const viewport = page.getByRole('application');
  await viewport.focus();
  const frameTimes: number[] = [];
  let perFrame = { drawCalls: 0, instances: 0 };
  for (let i = 0; i < INTERACTIONS; i += 1) {
    const result = await page.evaluate(async () => {
      const counters = (window as unknown as { __drawCounters: { drawCalls: number; instances: number } }).__drawCounters;
      const before = { ...counters };
      const start = performance.now();
      document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      // Force the GPU work to finish before stopping the clock.
      const canvas = document.querySelector('canvas');
      const gl = canvas?.getContext('webgl2');
      gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
      return { ms: performance.now() - start, drawCalls: counters.drawCalls - before.drawCalls, instances: counters.instances - before.instances };
    });
    if (i >= 5) frameTimes.push(result.ms);
    perFrame = { drawCalls: result.drawCalls, instances: result.instances };
  }
  const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN);

  console.log('Lactation Atlas — renderer benchmark (headless Chromium, SwiftShader, 1280×720)');
  console.log(`  start-up: DOMContentLoaded ${timing.domContentLoaded.toFixed(0)} ms, first paint ${timing.firstPaint.toFixed(0)} ms, canvas ready ${wallStartup} ms (wall)`);
  console.log(`  keyboard turn → frame drawn: median ${percentile(frameTimes, 50).toFixed(1)} ms, p95 ${percentile(frameTimes, 95).toFixed(1)} ms over ${frameTimes.length} frames`);
  console.log(`  per frame: ${perFrame.drawCalls} draw calls, ${perFrame.instances} instances drawn`);
  console.log(`  JS heap in use: ${(heap / 1024 / 1024).toFixed(1)} MiB`);
  for (const file of bundle) console.log(`  bundle: ${file.name} ${kib(file.bytes)}`);
  await context.close();
} finally {
  await browser.close();
}
