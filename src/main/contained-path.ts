import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** True when `candidate` is `root` itself or lies below it. Both must be absolute and resolved. */
export function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  // `startsWith(root)` would accept `/root-evil` for `/root`; a relative path that climbs does not.
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * Resolves a `/`-separated path below `root`, following symlinks, and returns the real file path
 * only if it is still inside the root's real path. Null for anything that escapes or does not exist.
 */
export async function resolveInside(root: string, relativePath: string): Promise<string | null> {
  if (relativePath.includes('\0')) return null;
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return null;
  }
  const segments = relativePath.split(/[\\/]+/).filter((s) => s !== '');
  const lexical = resolve(realRoot, ...segments.map((s) => `.${sep}${s}`));
  if (!isInside(realRoot, lexical)) return null;
  let real: string;
  try {
    real = await realpath(lexical);
  } catch {
    return null;
  }
  return isInside(realRoot, real) ? real : null;
}
