import { cpus, platform, release } from 'node:os';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { generateGland } from '../src/shared/anatomy/generate-gland';
import { DEFAULT_GLAND_PARAMETERS, parseGlandParameters } from '../src/shared/anatomy/gland-parameters';
import type { BenchFrame } from '../src/renderer/bench/bench-api';
import { BENCH_FRAMES_PER_SECOND } from '../src/renderer/bench/bench-mode';
import { ORBIT_FRAMES_PER_TURN } from '../src/renderer/bench/camera-path';
import { REFERENCE_SEED, REFERENCE_SPHERE_COUNT } from '../src/renderer/bench/reference-layout';
import { APP_URL, launchChromium, openAtlas, type AtlasPage } from './lib/browser';
import { flyInDone } from './lib/bench-phases';
import { formatTable, judge, resultFileName, type Figure } from './lib/bench-report';
import { median, summarize, type Summary } from './lib/bench-stats';
import { PROJECT_ROOT } from './lib/preview-handler';

/**
 * `npm run bench`: the renderer's figures in headless Chromium (SwiftShader: the GPU is emulated
 * on the CPU, so frame times compare only within one run and with the reference scene), next to
 * a reference scene drawn on the same canvas: one instanced mesh of 15,000 low-poly spheres.
 *
 * Every frame is driven by the page's bench probe (src/renderer/bench/) at a fixed 60 Hz clock,
 * so animations step by frame index, not by how slow the machine is, and each frame is timed
 * until the GPU has finished it. It prints a table and writes bench-results/*.json; it asserts
 * nothing and exits 0 whether targets are met or not.
 */
const VIEWPORT = { width: 1280, height: 720 };
const WARM_UP_FRAMES = 5;
/** Each start-up is measured in a fresh browser (no shader or code cache), this many times per scene. */
const STARTUP_RUNS = 3;
const IDLE_SETTLE_MS = 1000;
const IDLE_MS = 2000;
/** The morph takes 1.5 s (90 frames); the cap only stops a run that never settles. */
const MAX_MORPH_FRAMES = 240;
const MAX_FLY_IN_FRAMES = 360;
const GENERATOR_RUNS = 9;
/** The physiology scene's feed: frames drawn, and feed seconds per second (the explore view's ×15). */
const PHYSIOLOGY_FEED_FRAMES = 240;
const PHYSIOLOGY_FEED_RATE = 15;
const MB = 1_000_000;

const bench = (page: Page) => ({
  advance: (orbitFrame?: number): Promise<BenchFrame> =>
    page.evaluate((frame) => window.__atlasBench!.advance(frame === null ? {} : { orbitFrame: frame }), orbitFrame ?? null),
  freeze: (): Promise<void> => page.evaluate(() => window.__atlasBench!.freeze()),
});

async function openBenchPage(browser: Browser, query: string): Promise<AtlasPage & { firstFrameMs: number }> {
  const atlas = await openAtlas(browser, { viewport: VIEWPORT, deviceScaleFactor: 1, reducedMotion: 'no-preference', locale: 'en-GB' });
  await atlas.page.goto(`${APP_URL}?${query}`);
  await atlas.page.waitForFunction(() => typeof window.__atlasBench?.firstSubjectFrameMs === 'number', undefined, { timeout: 180_000, polling: 50 });
  const firstFrameMs = await atlas.page.evaluate(() => window.__atlasBench!.firstSubjectFrameMs!);
  return { ...atlas, firstFrameMs };
}

/** Frames drawn while nothing happens, after a short settle following the first frame. */
async function idleFrames(page: Page): Promise<number> {
  await page.waitForTimeout(IDLE_SETTLE_MS);
  const before = await page.evaluate(() => window.__atlasBench!.renderedFrames());
  await page.waitForTimeout(IDLE_MS);
  return (await page.evaluate(() => window.__atlasBench!.renderedFrames())) - before;
}

/** The live JS heap: garbage is collected first so the figure is what the page keeps. */
async function heapBytes(atlas: AtlasPage): Promise<{ used: number; beforeGc: number }> {
  const read = () => atlas.page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? Number.NaN);
  const beforeGc = await read();
  const cdp = await atlas.context.newCDPSession(atlas.page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  return { used: await read(), beforeGc };
}

async function orbit(page: Page): Promise<BenchFrame[]> {
  const probe = bench(page);
  for (let i = 0; i < WARM_UP_FRAMES; i += 1) await probe.advance();
  await page.evaluate(() => window.__atlasBench!.beginOrbit());
  const frames: BenchFrame[] = [];
  for (let f = 0; f < ORBIT_FRAMES_PER_TURN; f += 1) frames.push(await probe.advance(f));
  await page.evaluate(() => window.__atlasBench!.endOrbit());
  await probe.advance();
  return frames;
}

async function framesUntil(page: Page, done: (frames: readonly BenchFrame[]) => boolean, cap: number): Promise<{ frames: BenchFrame[]; reached: boolean }> {
  const frames: BenchFrame[] = [];
  while (frames.length < cap) {
    frames.push(await bench(page).advance());
    if (done(frames)) return { frames, reached: true };
  }
  return { frames, reached: false };
}

/** Anatomy to tree: from the click on "Tree view" until the canvas says the tree has settled. */
async function treeMorph(page: Page): Promise<BenchFrame[]> {
  await page.getByRole('button', { name: 'Tree view' }).click();
  const run = await framesUntil(page, (frames) => frames.at(-1)!.layout === 'tree', MAX_MORPH_FRAMES);
  if (!run.reached) throw new Error(`The morph to the tree layout did not finish within ${MAX_MORPH_FRAMES} frames.`);
  return run.frames;
}

/**
 * From choosing a lobule in the search box until its close-up is shown (data-scale="lobule") and
 * the camera has come to rest, on a fresh page (after the morph the gland is a tree).
 */
async function lobuleFlyIn(browser: Browser, lobuleName: string): Promise<({ frames: BenchFrame[]; wallMs: number } | { missing: string }) & { firstFrameMs: number; errors: string[] }> {
  const atlas = await openBenchPage(browser, 'bench=app');
  try {
    return { ...(await flyInOnPage(atlas.page, lobuleName)), firstFrameMs: atlas.firstFrameMs, errors: atlas.errors };
  } finally {
    await atlas.context.close();
  }
}

async function flyInOnPage(page: Page, lobuleName: string): Promise<{ frames: BenchFrame[]; wallMs: number } | { missing: string }> {
  await bench(page).freeze();
  for (let i = 0; i < WARM_UP_FRAMES; i += 1) await bench(page).advance();
  const scale = await page.locator('canvas').first().getAttribute('data-scale');
  if (scale === null) return { missing: 'n/a (close-up not available)' };
  const search = page.getByRole('combobox', { name: 'Find a structure' });
  await search.fill(lobuleName);
  const started = performance.now();
  await search.press('Enter');
  const run = await framesUntil(page, flyInDone, MAX_FLY_IN_FRAMES);
  const wallMs = performance.now() - started;
  if (!run.reached) return { missing: `n/a (no settled close-up in ${MAX_FLY_IN_FRAMES} frames)` };
  return { frames: run.frames, wallMs };
}

/** A lobule of the third duct system, named as the structure list names it ("Lobule 3.1.2"). */
function chooseLobule(): string {
  const parsed = parseGlandParameters(readFileSync(join(PROJECT_ROOT, 'models', 'gland.json'), 'utf8'), 'models/gland.json');
  const anatomy = generateGland(parsed.parameters);
  const lobule = anatomy.lobules.find((l) => anatomy.structures.get(l.id)?.label.path?.startsWith('3.')) ?? anatomy.lobules[0];
  const path = lobule ? anatomy.structures.get(lobule.id)?.label.path : undefined;
  if (!path) throw new Error('The default gland has no lobule to fly to.');
  const en = JSON.parse(readFileSync(join(PROJECT_ROOT, 'src', 'shared', 'locales', 'en.json'), 'utf8')) as { structures: { kinds: { lobule: string } } };
  return en.structures.kinds.lobule.replace('{{path}}', path);
}

/** The first runs include compiling the generator; the median keeps them from counting. */
function generatorTimes(): number[] {
  const times: number[] = [];
  for (let i = 0; i < GENERATOR_RUNS; i += 1) {
    const start = performance.now();
    generateGland(DEFAULT_GLAND_PARAMETERS);
    times.push(performance.now() - start);
  }
  return times;
}

interface SceneRun {
  firstFrameMs: number;
  idleFrames: number;
  heap: { used: number; beforeGc: number };
  canvas: { width: number; height: number };
  orbit: BenchFrame[];
  errors: string[];
}

async function measureScene<T>(browser: Browser, query: string, more: (page: Page) => Promise<T>): Promise<SceneRun & { more: T }> {
  const atlas = await openBenchPage(browser, query);
  const { page } = atlas;
  try {
    const idle = await idleFrames(page);
    const heap = await heapBytes(atlas);
    const canvas = await page.evaluate(() => window.__atlasBench!.canvasSize());
    await bench(page).freeze();
    const orbitFrames = await orbit(page);
    const extra = await more(page);
    return { firstFrameMs: atlas.firstFrameMs, idleFrames: idle, heap, canvas, orbit: orbitFrames, errors: atlas.errors, more: extra };
  } finally {
    await atlas.context.close();
  }
}

/** Navigation to first frame, each in a fresh browser, alternating scenes so neither runs warmer. */
async function startupTimes(queries: Record<'gland' | 'reference', string>): Promise<Record<'gland' | 'reference', number[]>> {
  const times = { gland: [] as number[], reference: [] as number[] };
  for (let run = 0; run < STARTUP_RUNS; run += 1) {
    for (const scene of ['reference', 'gland'] as const) {
      const browser = await launchChromium();
      try {
        const atlas = await openBenchPage(browser, queries[scene]);
        times[scene].push(atlas.firstFrameMs);
        await atlas.context.close();
      } finally {
        await browser.close();
      }
    }
  }
  return times;
}

/** The physiology scene through a breastfeed (hormone particles streaming, ducts widening, milk flowing). */
async function physiologyFeed(page: Page): Promise<BenchFrame[]> {
  const frames: BenchFrame[] = [];
  for (let i = 0; i < PHYSIOLOGY_FEED_FRAMES; i += 1) frames.push(await bench(page).advance());
  return frames;
}

const stats = (frames: readonly BenchFrame[], key: 'wallMs' | 'jsMs' | 'callbacksMs'): Summary => summarize(frames.map((f) => f[key]));
type Counter = 'drawCalls' | 'triangles' | 'geometries' | 'textures' | 'programs';
const most = (frames: readonly BenchFrame[], key: Counter): number => Math.max(...frames.map((f) => f[key]));
const counters = (frames: readonly BenchFrame[]): Record<Counter, number> => ({
  drawCalls: most(frames, 'drawCalls'),
  triangles: most(frames, 'triangles'),
  geometries: most(frames, 'geometries'),
  textures: most(frames, 'textures'),
  programs: most(frames, 'programs'),
});

// ---------------------------------------------------------------------------------------------

const startedAt = new Date();
const assets = join(PROJECT_ROOT, 'out', 'renderer', 'assets');
const bundle = readdirSync(assets).map((name) => ({ name, bytes: statSync(join(assets, name)).size }));
const lobuleName = chooseLobule();
const generator = generatorTimes();
const log = (line: string): void => console.error(`  … ${line}`);

const browser = await launchChromium();
const chromiumVersion = browser.version();
let glandRun: SceneRun & { more: BenchFrame[] };
let flyIn: Awaited<ReturnType<typeof lobuleFlyIn>>;
let reference: SceneRun;
let physiology: SceneRun & { more: BenchFrame[] };
try {
  log('gland: load, idle, heap, orbit, tree morph');
  glandRun = await measureScene(browser, 'bench=app', treeMorph);
  log(`gland: ${lobuleName} fly-in, on a fresh page`);
  flyIn = await lobuleFlyIn(browser, lobuleName);
  log('reference: load, idle, heap, orbit');
  reference = await measureScene(browser, `bench=reference&width=${glandRun.canvas.width}&height=${glandRun.canvas.height}`, async () => null);
  log('physiology: load, idle, heap, orbit, a breastfeed');
  // The feed starts 60 s before the default moment (the second ejection), so the frames cover its rise.
  physiology = await measureScene(browser, `bench=physiology&at=730&rate=${PHYSIOLOGY_FEED_RATE}`, physiologyFeed);
} finally {
  await browser.close();
}
const gland = { ...glandRun, morph: glandRun.more, flyIn };
log(`start-up: ${STARTUP_RUNS} cold loads of each scene`);
const startup = await startupTimes({ gland: 'bench=app', reference: `bench=reference&width=${gland.canvas.width}&height=${gland.canvas.height}` });
// Loads in the already warm benchmark browser are kept apart: they reuse its compiled shaders.
const warmStartup = { gland: [gland.firstFrameMs, gland.flyIn.firstFrameMs], reference: [reference.firstFrameMs] };

// ---------------------------------------------------------------------------------------------

const flyInFrames = 'frames' in gland.flyIn ? gland.flyIn.frames : null;
const flyInMissing = 'missing' in gland.flyIn ? gland.flyIn.missing : undefined;
const refOrbitWall = stats(reference.orbit, 'wallMs');
const refOrbitJs = stats(reference.orbit, 'jsMs');
const optional = (missing: string | undefined) => (missing ? { missing } : {});

const figures: Figure[] = [
  { id: 'firstFrame', label: `first frame, median of ${STARTUP_RUNS} cold starts`, unit: 'ms', gland: median(startup.gland), reference: median(startup.reference), target: { kind: 'ratio-at-most', limit: 1.5 } },
  { id: 'orbitMedian', label: 'orbit frame, median', unit: 'ms', gland: stats(gland.orbit, 'wallMs').median, reference: refOrbitWall.median },
  { id: 'orbitP95', label: 'orbit frame, p95', unit: 'ms', gland: stats(gland.orbit, 'wallMs').p95, reference: refOrbitWall.p95 },
  { id: 'morphMedian', label: 'tree morph frame, median', unit: 'ms', gland: stats(gland.morph, 'wallMs').median, reference: refOrbitWall.median },
  { id: 'morphP95', label: 'tree morph frame, p95', unit: 'ms', gland: stats(gland.morph, 'wallMs').p95, reference: refOrbitWall.p95 },
  { id: 'flyInMedian', label: 'lobule fly-in frame, median', unit: 'ms', gland: flyInFrames ? stats(flyInFrames, 'wallMs').median : null, reference: refOrbitWall.median, ...optional(flyInMissing) },
  { id: 'flyInP95', label: 'lobule fly-in frame, p95', unit: 'ms', gland: flyInFrames ? stats(flyInFrames, 'wallMs').p95 : null, reference: refOrbitWall.p95, ...optional(flyInMissing) },
  { id: 'jsOrbit', label: 'JS per frame, orbit (median)', unit: 'ms', gland: stats(gland.orbit, 'jsMs').median, reference: refOrbitJs.median },
  { id: 'jsMorph', label: 'JS per frame, tree morph (median)', unit: 'ms', gland: stats(gland.morph, 'jsMs').median, reference: refOrbitJs.median, target: { kind: 'at-most', limit: 2 } },
  { id: 'jsFlyIn', label: 'JS per frame, fly-in (median)', unit: 'ms', gland: flyInFrames ? stats(flyInFrames, 'jsMs').median : null, reference: refOrbitJs.median, ...optional(flyInMissing) },
  { id: 'drawCalls', label: 'draw calls (whole breast, most in orbit)', unit: 'count', gland: most(gland.orbit, 'drawCalls'), reference: most(reference.orbit, 'drawCalls'), target: { kind: 'at-most', limit: 40 } },
  { id: 'triangles', label: 'triangles (most in orbit)', unit: 'count', gland: most(gland.orbit, 'triangles'), reference: most(reference.orbit, 'triangles'), target: { kind: 'at-most', limit: 500_000 } },
  { id: 'geometries', label: 'geometries', unit: 'count', gland: most(gland.orbit, 'geometries'), reference: most(reference.orbit, 'geometries') },
  { id: 'textures', label: 'textures', unit: 'count', gland: most(gland.orbit, 'textures'), reference: most(reference.orbit, 'textures') },
  { id: 'programs', label: 'shader programs', unit: 'count', gland: most(gland.orbit, 'programs'), reference: most(reference.orbit, 'programs') },
  { id: 'heap', label: 'JS heap after load (after GC)', unit: 'MB', gland: gland.heap.used / MB, reference: reference.heap.used / MB, target: { kind: 'at-most', limit: 150 } },
  { id: 'idleFrames', label: `frames drawn in ${IDLE_MS / 1000} s idle`, unit: 'count', gland: gland.idleFrames, reference: reference.idleFrames, target: { kind: 'at-most', limit: 0 } },
  { id: 'generator', label: 'generator (Node, median)', unit: 'ms', gland: median(generator), reference: null },
  { id: 'physiologyFirstFrame', label: 'physiology scene: first frame (warm browser)', unit: 'ms', gland: physiology.firstFrameMs, reference: reference.firstFrameMs },
  { id: 'physiologyFeedMedian', label: 'physiology scene: feed frame, median', unit: 'ms', gland: stats(physiology.more, 'wallMs').median, reference: refOrbitWall.median },
  { id: 'physiologyFeedP95', label: 'physiology scene: feed frame, p95', unit: 'ms', gland: stats(physiology.more, 'wallMs').p95, reference: refOrbitWall.p95 },
  { id: 'physiologyJsFeed', label: 'physiology scene: JS per frame, feed (median)', unit: 'ms', gland: stats(physiology.more, 'jsMs').median, reference: refOrbitJs.median, target: { kind: 'at-most', limit: 2 } },
  { id: 'physiologyDrawCalls', label: 'physiology scene: draw calls (most in the feed)', unit: 'count', gland: most(physiology.more, 'drawCalls'), reference: most(reference.orbit, 'drawCalls'), target: { kind: 'at-most', limit: 40 } },
  { id: 'physiologyTriangles', label: 'physiology scene: triangles (most in the feed)', unit: 'count', gland: most(physiology.more, 'triangles'), reference: most(reference.orbit, 'triangles'), target: { kind: 'at-most', limit: 500_000 } },
  { id: 'physiologyHeap', label: 'physiology scene: JS heap after load (after GC)', unit: 'MB', gland: physiology.heap.used / MB, reference: reference.heap.used / MB, target: { kind: 'at-most', limit: 150 } },
  { id: 'physiologyIdleFrames', label: `physiology scene: frames drawn in ${IDLE_MS / 1000} s idle`, unit: 'count', gland: physiology.idleFrames, reference: reference.idleFrames, target: { kind: 'at-most', limit: 0 } },
];
const verdicts = figures.map(judge);

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
console.log(`Lactation Atlas — renderer benchmark`);
console.log(`headless Chromium ${chromiumVersion} (SwiftShader: the GPU is emulated on ${cpus().length} CPU cores), ${VIEWPORT.width}×${VIEWPORT.height}, device pixel ratio 1,`);
console.log(`canvas ${gland.canvas.width}×${gland.canvas.height}; reference: ${REFERENCE_SPHERE_COUNT.toLocaleString('en-GB')} instanced spheres on the same canvas. Clock: ${BENCH_FRAMES_PER_SECOND} Hz by frame index.`);
console.log('');
console.log(formatTable(verdicts));
console.log('');
console.log(`Frame times include the GPU (a 1-pixel readback ends each frame). Morph and fly-in are compared with the reference's orbit.`);
console.log(`Orbit: one turn in ${ORBIT_FRAMES_PER_TURN} frames after ${WARM_UP_FRAMES} warm-up frames. Tree morph: ${gland.morph.length} frames.`);
if (flyInFrames && 'wallMs' in gland.flyIn) console.log(`Lobule fly-in (${lobuleName}): ${flyInFrames.length} frames, ${(gland.flyIn.wallMs / 1000).toFixed(1)} s in all (with the React work between frames, such as building the close-up).`);
const ms = (times: number[]): string => times.map((t) => t.toFixed(0)).join(', ');
console.log(`First frame, ms after navigation: cold gland ${ms(startup.gland)}, reference ${ms(startup.reference)}; in a warm browser gland ${ms(warmStartup.gland)}, reference ${ms(warmStartup.reference)}.`);
for (const file of bundle) console.log(`bundle: ${file.name} ${kib(file.bytes)}`);
console.log(`Physiology scene: ${PHYSIOLOGY_FEED_FRAMES} frames of a breastfeed at ×${PHYSIOLOGY_FEED_RATE} (hormone particles, ejection, milk flow) after the same load, idle and orbit as the gland.`);
const pageErrors = [...gland.errors, ...gland.flyIn.errors, ...reference.errors, ...physiology.errors];
if (pageErrors.length > 0) console.log(`page errors:\n  ${pageErrors.join('\n  ')}`);

const frameRecord = (frames: readonly BenchFrame[]) => ({
  wallMs: stats(frames, 'wallMs'),
  jsMs: stats(frames, 'jsMs'),
  callbacksMs: stats(frames, 'callbacksMs'),
  frames: frames.map((f) => ({ wallMs: round(f.wallMs), jsMs: round(f.jsMs), callbacksMs: round(f.callbacksMs), drawCalls: f.drawCalls, triangles: f.triangles })),
});
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
const results = {
  date: startedAt.toISOString(),
  environment: { chromium: chromiumVersion, node: process.version, platform: `${platform()} ${release()}`, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null },
  settings: {
    viewport: VIEWPORT,
    devicePixelRatio: 1,
    canvas: gland.canvas,
    clockHz: BENCH_FRAMES_PER_SECOND,
    warmUpFrames: WARM_UP_FRAMES,
    orbitFramesPerTurn: ORBIT_FRAMES_PER_TURN,
    idleSettleMs: IDLE_SETTLE_MS,
    idleMs: IDLE_MS,
    coldStarts: STARTUP_RUNS,
    glandSeed: DEFAULT_GLAND_PARAMETERS.seed,
    referenceSeed: REFERENCE_SEED,
    referenceSpheres: REFERENCE_SPHERE_COUNT,
    lobule: lobuleName,
  },
  figures: verdicts,
  gland: {
    firstFrameMs: { cold: startup.gland, warm: warmStartup.gland },
    idleFrames: gland.idleFrames,
    heapBytes: gland.heap,
    orbit: frameRecord(gland.orbit),
    treeMorph: frameRecord(gland.morph),
    lobuleFlyIn: flyInFrames && 'wallMs' in gland.flyIn ? { totalWallMs: gland.flyIn.wallMs, ...frameRecord(flyInFrames) } : { missing: flyInMissing },
    countersInOrbit: counters(gland.orbit),
  },
  reference: {
    firstFrameMs: { cold: startup.reference, warm: warmStartup.reference },
    idleFrames: reference.idleFrames,
    heapBytes: reference.heap,
    orbit: frameRecord(reference.orbit),
    countersInOrbit: counters(reference.orbit),
  },
  physiology: {
    firstFrameMs: physiology.firstFrameMs,
    idleFrames: physiology.idleFrames,
    heapBytes: physiology.heap,
    orbit: frameRecord(physiology.orbit),
    feed: frameRecord(physiology.more),
    countersInFeed: counters(physiology.more),
  },
  generatorMs: { runs: generator.map(round), median: median(generator) },
  bundle,
  pageErrors,
};
const outDir = join(PROJECT_ROOT, 'bench-results');
mkdirSync(outDir, { recursive: true });
const json = `${JSON.stringify(results, null, 2)}\n`;
const file = join(outDir, resultFileName(startedAt));
writeFileSync(file, json);
writeFileSync(join(outDir, 'latest.json'), json);
console.log(`\nwrote ${file} and bench-results/latest.json`);
