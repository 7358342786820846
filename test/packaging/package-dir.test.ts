import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { extractFile, listPackage } from '@electron/asar';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Packs the built app with electron-builder.yml into an unpacked Linux folder (`--linux dir`) and
 * checks what would ship: the asar holds only the bundle, content and models sit beside it, and the
 * fuses are flipped as configured.
 *
 * The Electron binary cannot be downloaded here or in CI, so electron-builder gets a stub Electron
 * distribution through `electronDist`. For Linux it only needs a file named `electron` (renamed to
 * the executable name); LICENSE and version are copied along if present. The stub carries a fuse
 * wire in the layout @electron/fuses looks for, so flipping and reading back the fuses works for real.
 */

const PROJECT_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const ELECTRON_VERSION = '45.5.0';
/** linux.executableName in electron-builder.yml. */
const EXECUTABLE_NAME = 'lactation-atlas';

/** The fuses electron-builder.yml sets; every one must be written into the binary. */
const EXPECTED_FUSES: ReadonlyArray<readonly [FuseV1Options, boolean]> = [
  [FuseV1Options.RunAsNode, false],
  [FuseV1Options.EnableCookieEncryption, true],
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable, false],
  [FuseV1Options.EnableNodeCliInspectArguments, false],
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation, true],
  [FuseV1Options.OnlyLoadAppFromAsar, true],
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot, false],
  [FuseV1Options.GrantFileProtocolExtraPrivileges, false],
];

/** Marks the fuse wire in an Electron binary (not exported by @electron/fuses' package entry). */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron 45 has 9 fuses (the last, WasmTrapHandlers, is not configurable in electron-builder). */
const WIRE_LENGTH = 9;

/**
 * Fuse wire layout: sentinel, version byte (1 = V1), length byte, then one ASCII '0' (disabled) or
 * '1' (enabled) per fuse. The stub starts with every configured fuse set to the opposite of the
 * expected value, so a fuse missing from the config cannot pass by matching a default.
 */
function stubFuseWire(): Buffer {
  const wire = Buffer.alloc(WIRE_LENGTH, FuseState.ENABLE);
  for (const [fuse, enabled] of EXPECTED_FUSES) {
    wire[fuse] = enabled ? FuseState.DISABLE : FuseState.ENABLE;
  }
  return Buffer.concat([Buffer.from(FUSE_SENTINEL, 'ascii'), Buffer.from([1, WIRE_LENGTH]), wire]);
}

async function writeStubElectronDist(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const binary = Buffer.concat([Buffer.from('#!/bin/sh\n# stub Electron for packaging tests\nexit 1\n'), stubFuseWire(), Buffer.from('\n')]);
  await writeFile(join(dir, 'electron'), binary, { mode: 0o755 });
  await writeFile(join(dir, 'LICENSE'), 'Stub Electron license for packaging tests.\n');
  await writeFile(join(dir, 'version'), ELECTRON_VERSION);
}

const execFileAsync = promisify(execFile);

describe('electron-builder.yml, packed as an unpacked Linux app', () => {
  let tempDir = '';
  let appOutDir = '';
  let asarPath = '';

  beforeAll(async () => {
    for (const built of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
      if (!existsSync(join(PROJECT_ROOT, built))) throw new Error(`${built} is missing: run \`npm run build\` first`);
    }
    tempDir = await mkdtemp(join(tmpdir(), 'atlas-packaging-'));
    const electronDist = join(tempDir, 'electron-dist');
    const outputDir = join(tempDir, 'dist');
    await writeStubElectronDist(electronDist);

    const cli = createRequire(import.meta.url).resolve('electron-builder/cli.js');
    const args = [
      cli,
      '--linux',
      'dir',
      '--x64',
      '--publish',
      'never',
      '--config',
      'electron-builder.yml',
      `-c.electronDist=${electronDist}`,
      `-c.electronVersion=${ELECTRON_VERSION}`,
      `-c.directories.output=${outputDir}`,
    ];
    const env = {
      ...process.env,
      // No signing identity lookup, no Electron download, caches kept out of the home directory.
      CSC_IDENTITY_AUTO_DISCOVERY: 'false',
      ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
      ELECTRON_BUILDER_CACHE: join(tempDir, 'cache'),
    };
    try {
      await execFileAsync(process.execPath, args, { cwd: PROJECT_ROOT, env, maxBuffer: 16 * 1024 * 1024 });
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      throw new Error(`electron-builder failed:\n${stdout}\n${stderr}`, { cause: error });
    }
    appOutDir = join(outputDir, 'linux-unpacked');
    asarPath = join(appOutDir, 'resources', 'app.asar');
  });

  afterAll(async () => {
    if (tempDir !== '') await rm(tempDir, { recursive: true, force: true });
  });

  it('puts only package.json and the built bundle in app.asar', () => {
    const entries = listPackage(asarPath, { isPack: false });
    const strays = entries.filter((entry) => entry !== '/package.json' && entry !== '/out' && !entry.startsWith('/out/'));
    expect(strays).toEqual([]);
    expect(entries.filter((entry) => entry.endsWith('.map'))).toEqual([]);
    expect(entries).toEqual(expect.arrayContaining(['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html']));
    const manifest = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')) as { main?: unknown };
    expect(manifest.main).toBe('out/main/index.js');
  });

  it('unpacks nothing from the asar and ships no loose app folder', () => {
    expect(existsSync(`${asarPath}.unpacked`)).toBe(false);
    expect(existsSync(join(appOutDir, 'resources', 'app'))).toBe(false);
  });

  it('ships content and models as plain files beside the asar', async () => {
    const resources = join(appOutDir, 'resources');
    const shipped = await readFile(join(resources, 'content', 'about', 'en.md'), 'utf8');
    expect(shipped).toBe(await readFile(join(PROJECT_ROOT, 'content', 'about', 'en.md'), 'utf8'));
    expect(existsSync(join(resources, 'models', 'README.md'))).toBe(true);
  });

  it('flips every configured fuse in the executable', async () => {
    const wire = await getCurrentFuseWire(join(appOutDir, EXECUTABLE_NAME));
    expect(wire.version).toBe('1');
    const actual = EXPECTED_FUSES.map(([fuse]) => [FuseV1Options[fuse], wire[fuse]]);
    const expected = EXPECTED_FUSES.map(([fuse, enabled]) => [FuseV1Options[fuse], enabled ? FuseState.ENABLE : FuseState.DISABLE]);
    expect(actual).toEqual(expected);
  });
});
