import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { PROJECT_ROOT } from './lib/preview-handler';
import { electronBinary, NO_ELECTRON_MESSAGE } from './lib/electron-binary';

/**
 * `npm start`: launches the built desktop app. Electron's binary is fetched on first use; where it
 * cannot be (no internet), say so in one line and point to the browser preview.
 */
const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));

let binary = electronBinary(packageDir);
if (!binary) {
  // Electron's own installer; quiet, and quick to fail where GitHub is unreachable.
  spawnSync(process.execPath, [`${packageDir}/install.js`], { stdio: 'ignore', timeout: 120_000 });
  binary = electronBinary(packageDir);
}
if (!binary) {
  console.error(NO_ELECTRON_MESSAGE);
  process.exit(1);
}

const child = spawn(binary, [PROJECT_ROOT, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
