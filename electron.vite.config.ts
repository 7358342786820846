import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import packageJson from './package.json' with { type: 'json' };

// Everything is bundled (no externalised node_modules), so the packaged asar holds only built code.
export default defineConfig({
  main: {
    build: {
      externalizeDeps: false,
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('src/main/index.ts') }, external: ['electron'] },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        external: ['electron'],
        // A sandboxed preload must be a single CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    base: './',
    plugins: [react()],
    define: { __APP_VERSION__: JSON.stringify(packageJson.version) },
    build: {
      outDir: 'out/renderer',
      // Inline nothing as data: URLs for scripts; the CSP allows only 'self' scripts.
      assetsInlineLimit: 0,
      minify: true,
      // The bundle is read from disk, not a network; three.js alone is most of it.
      chunkSizeWarningLimit: 2500,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
