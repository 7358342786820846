import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { ContentError, ContentResult } from '../content/structure-descriptions';
import type { SourcePosition } from './lesson-types';

/**
 * YAML embedded in a Markdown file (the front matter, a step's scene block), parsed with positions
 * so that every syntax or schema problem points at the file's own line and column.
 *
 * These helpers follow the private ones of src/shared/content/structure-descriptions.ts (same
 * messages, same way of pointing at a key); they could move to a shared module and serve both.
 */

type Path = readonly PropertyKey[];

export interface YamlBlock {
  file: string;
  doc: Document;
  /** The plain JavaScript value of the block (null for an empty block). */
  value: unknown;
  /** The file position of an offset in the block's text. */
  at(offset: number): SourcePosition;
}

/** Parses YAML text whose first line is line `firstLine` of `file`. Syntax errors come back located. */
export function parseYamlBlock(text: string, file: string, firstLine: number): ContentResult<YamlBlock> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(Math.max(0, offset));
    return { line: line + firstLine - 1, column: col };
  };
  const problems = [...doc.errors.map((e) => ({ e, kind: 'YAML error' })), ...doc.warnings.map((e) => ({ e, kind: 'YAML warning' }))];
  if (problems.length > 0) {
    return { ok: false, errors: problems.map(({ e, kind }) => ({ file, ...at(e.pos[0]), message: `${kind}: ${firstLineOf(e.message)}` })) };
  }
  try {
    return { ok: true, value: { file, doc, value: doc.toJS({ maxAliasCount: 100 }) ?? null, at } };
  } catch (error) {
    return { ok: false, errors: [{ file, line: firstLine, column: 1, message: `YAML error: ${(error as Error).message}` }] };
  }
}

function firstLineOf(message: string): string {
  return message.split('\n')[0]?.trim() ?? message;
}

function rangeStart(node: unknown): number | null {
  if (node && typeof node === 'object' && 'range' in node) {
    const range = (node as { range?: readonly number[] | null }).range;
    if (range && typeof range[0] === 'number') return range[0];
  }
  return null;
}

/**
 * Where to point for `path`: the key of a mapping entry, a list's item. `found` is false when the
 * path does not exist (a missing key); the position is then that of the deepest node that does.
 */
export function locate(block: YamlBlock, path: Path): SourcePosition & { found: boolean } {
  let node: unknown = block.doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return { ...block.at(offset), found: false };
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) return { ...block.at(offset), found: false };
      offset = rangeStart(item) ?? offset;
      node = item;
    } else {
      return { ...block.at(offset), found: false };
    }
  }
  return { ...block.at(offset), found: true };
}

/** Whether the top-level mapping has `key`. */
export function hasKey(block: YamlBlock, key: string): boolean {
  return locate(block, [key]).found;
}

function pathLabel(path: Path): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index > 0 ? '.' : ''}${String(segment)}`)).join('');
}

export interface SchemaErrorOptions {
  /** Listed after an unknown key. */
  allowedKeys: readonly string[];
  /** Keys kept for later, with the message to give instead of "unknown key". */
  reservedKeys?: Readonly<Record<string, string>>;
}

/** Zod issues as located errors: one per unknown key, "missing required key" at the mapping, the rest at their node. */
export function schemaErrors(issues: readonly z.core.$ZodIssue[], block: YamlBlock, options: SchemaErrorOptions): ContentError[] {
  const errors: ContentError[] = [];
  const push = (path: Path, message: string) => {
    const { line, column } = locate(block, path);
    errors.push({ file: block.file, line, column, message });
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const reserved = issue.path.length === 0 ? options.reservedKeys?.[key] : undefined;
        push([...issue.path, key], reserved ?? `unknown key "${key}"${pathIn(issue.path)} (allowed keys: ${options.allowedKeys.join(', ')})`);
      }
      continue;
    }
    const { found } = locate(block, issue.path);
    const parent = issue.path.slice(0, -1);
    const key = issue.path[issue.path.length - 1];
    if (!found && key !== undefined) {
      push(parent, `missing required key "${String(key)}"${pathIn(parent)}`);
      continue;
    }
    // Messages usually name their key already ("order must be…"); otherwise say where.
    const namesKey = typeof key === 'string' && issue.message.startsWith(key);
    // List items are pointed at by the position; name the key they belong to.
    const label = pathLabel(issue.path.filter((segment) => typeof segment !== 'number'));
    const where = namesKey || label === '' ? '' : `${label}: `;
    push(issue.path, `${where}${issue.message}`);
  }
  return errors;
}

function pathIn(path: Path): string {
  return path.length > 0 ? ` in ${pathLabel(path)}` : '';
}
