import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the Electron binary is, if it is on this machine. The npm package only holds a launcher;
 * the binary itself is downloaded from GitHub on first use, which fails on machines without
 * internet access (such as the atlas's build and CI machines).
 */
export function electronBinary(packageDir: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | null {
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override) {
    const name = platform === 'win32' ? 'electron.exe' : platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';
    const candidate = join(override, name);
    return existsSync(candidate) ? candidate : null;
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const candidate = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(candidate) ? candidate : null;
}

export const NO_ELECTRON_MESSAGE =
  'The Electron binary is not available on this machine (it could not be downloaded); run the atlas in a browser instead: npm run preview';
