// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * Import boundaries keep each runtime to its own APIs (see docs/architecture.md):
 * shared code is pure, the renderer never reaches Node or Electron, main never loads React or three.
 */
const node = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'url', 'stream', 'events'];
const restrict = (/** @type {string[]} */ groups, /** @type {string} */ message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', '.tmp/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: restrict(
      [...node, 'electron', 'react', 'react-*', 'react/*', 'three', 'three/*', '@react-three/*', 'i18next', '**/main/**', '**/renderer/**', '**/preload/**'],
      'src/shared is pure TypeScript: no Electron, Node, React or three.js, and nothing from the runtime folders.',
    ),
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // The classic hook rules only: the React Compiler rules forbid mutating three.js objects,
    // which is how react-three-fiber scenes are meant to work.
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      ...restrict([...node, 'electron', '**/main/**', '**/preload/**'], 'The renderer runs in a sandboxed page: it talks to the outside only through its Host.'),
    },
  },
  {
    files: ['src/main/**/*.ts'],
    rules: restrict(['react', 'react-*', 'react/*', 'three', 'three/*', '@react-three/*', '**/renderer/**', '**/preload/**'], 'The main process never loads React or three.js.'),
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: restrict([...node, 'react', 'react-*', 'three', 'three/*', '**/main/**', '**/renderer/**'], 'The sandboxed preload may use only electron and src/shared.'),
  },
);
