import { defineConfig } from 'vitest/config';

/**
 * Four kinds of tests, mirroring src/: pure and main-process logic in Node (`unit`), the renderer
 * in real Chromium (`browser`), the real desktop app where Electron's binary exists (`electron`),
 * and the packaged app layout (`packaging`). All but `unit` need `npm run build` first, which
 * `npm test` does.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/shared/**/*.test.ts', 'test/main/**/*.test.ts', 'test/preload/**/*.test.ts', 'test/renderer/**/*.test.ts', 'test/scripts/**/*.test.ts', 'test/lint/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          // SwiftShader draws the full gland in about half a second per frame.
          testTimeout: 150_000,
          expect: { poll: { timeout: 20_000, interval: 100 } },
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'electron',
          environment: 'node',
          include: ['test/electron/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'packaging',
          environment: 'node',
          include: ['test/packaging/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
