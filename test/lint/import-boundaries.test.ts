import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The runtime boundaries of docs/architecture.md, checked against the project's real ESLint config. */
const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ['src/shared/example.ts', "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n"],
    ['src/shared/example.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['src/shared/example.ts', "import { useState } from 'react';\nexport const x = useState;\n"],
    ['src/shared/example.ts', "import { Vector3 } from 'three';\nexport const x = Vector3;\n"],
    ['src/renderer/example.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['src/renderer/example.ts', "import { readFileSync } from 'fs';\nexport const x = readFileSync;\n"],
    ['src/renderer/example.ts', "import { serveAppFile } from '../main/static-files';\nexport const x = serveAppFile;\n"],
    ['src/main/example.ts', "import { createElement } from 'react';\nexport const x = createElement;\n"],
    ['src/main/example.ts', "import { Mesh } from 'three';\nexport const x = Mesh;\n"],
    ['src/preload/example.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
  ])('refuses what %s may not import: %s', async (filePath, code) => {
    expect(await boundaryErrors(filePath, code)).toHaveLength(1);
  });

  it.each([
    ['src/shared/example.ts', "import { z } from 'zod';\nexport const x = z;\n"],
    ['src/renderer/example.ts', "import { Vector3 } from 'three';\nexport const x = Vector3;\n"],
    ['src/main/example.ts', "import { join } from 'node:path';\nexport const x = join;\n"],
    ['src/preload/example.ts', "import { contract } from '../shared/ipc-contract';\nexport const x = contract;\n"],
  ])('allows what belongs: %s', async (filePath, code) => {
    expect(await boundaryErrors(filePath, code)).toEqual([]);
  });
});
