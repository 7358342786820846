import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinary } from '../../scripts/lib/electron-binary';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();

describe('electronBinary', () => {
  it('finds nothing where the binary was never downloaded', async () => {
    expect(electronBinary(await tempDir(), {})).toBeNull();
  });

  it('finds the downloaded binary named in path.txt', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'dist'));
    await writeFile(join(dir, 'path.txt'), 'electron');
    expect(electronBinary(dir, {})).toBeNull();
    await writeFile(join(dir, 'dist', 'electron'), '');
    expect(electronBinary(dir, {})).toBe(join(dir, 'dist', 'electron'));
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', async () => {
    const dist = await tempDir();
    await writeFile(join(dist, 'electron.exe'), '');
    expect(electronBinary(await tempDir(), { ELECTRON_OVERRIDE_DIST_PATH: dist }, 'win32')).toBe(join(dist, 'electron.exe'));
    expect(electronBinary(await tempDir(), { ELECTRON_OVERRIDE_DIST_PATH: dist }, 'linux')).toBeNull();
  });
});
