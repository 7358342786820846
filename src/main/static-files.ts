import { open, stat } from 'node:fs/promises';
import { resolveInside } from './contained-path';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { mimeTypeFor } from './mime-types';

/**
 * Serves the app's files for the `app://atlas/` scheme in Electron and for the browser preview:
 * `/content/...` and `/models/...` from those folders, everything else from the renderer build.
 * Returns a plain response description so the same code backs `protocol.handle`, a Node HTTP
 * server and Playwright's `route.fulfill`.
 */
export interface AppRoots {
  renderer: string;
  content: string;
  models: string;
}

export interface StaticRequest {
  method: string;
  /** The URL path, still percent-encoded, e.g. `/content/lessons/en/x.md`. */
  pathname: string;
  range?: string | null | undefined;
}

export interface StaticResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | null;
}

const BASE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
};

export function plainResponse(status: number, message: string): StaticResponse {
  const body = new TextEncoder().encode(`${message}\n`);
  return {
    status,
    headers: { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(body.length) },
    body,
  };
}

/** Maps a URL path to a root and a path inside it; null when the path cannot be decoded. */
export function routeAppPath(pathname: string, roots: AppRoots): { root: string; path: string } | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const trimmed = decoded.replace(/^[/\\]+/, '');
  const [first = '', ...rest] = trimmed.split('/');
  if (first === 'content') return { root: roots.content, path: rest.join('/') };
  if (first === 'models') return { root: roots.models, path: rest.join('/') };
  return { root: roots.renderer, path: trimmed === '' ? 'index.html' : trimmed };
}

export async function serveAppFile(request: StaticRequest, roots: AppRoots): Promise<StaticResponse> {
  const method = request.method.toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') return plainResponse(405, 'Method not allowed');
  const route = routeAppPath(request.pathname, roots);
  if (!route || route.path === '') return plainResponse(404, 'Not found');
  const file = await resolveInside(route.root, route.path);
  if (!file) return plainResponse(404, 'Not found');
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return plainResponse(404, 'Not found');

  const size = info.size;
  const headers: Record<string, string> = {
    ...BASE_HEADERS,
    'Content-Type': mimeTypeFor(file),
    'Accept-Ranges': 'bytes',
  };
  const range = request.range ? parseByteRange(request.range, size) : null;
  if (range === 'unsatisfiable') {
    return { status: 416, headers: { ...headers, 'Content-Range': `bytes */${size}`, 'Content-Length': '0' }, body: null };
  }
  const start = range ? range.start : 0;
  const end = range ? range.end : size - 1;
  const length = Math.max(0, end - start + 1);
  headers['Content-Length'] = String(length);
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  const status = range ? 206 : 200;
  if (method === 'HEAD') return { status, headers, body: null };
  return { status, headers, body: await readSlice(file, start, length) };
}

async function readSlice(file: string, start: number, length: number): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = new Uint8Array(length);
    let offset = 0;
    while (offset < length) {
      const { bytesRead } = await handle.read(buffer, offset, length - offset, start + offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return offset === length ? buffer : buffer.subarray(0, offset);
  } finally {
    await handle.close();
  }
}

/**
 * Parses a single `bytes=` range (the form media elements send). Multi-range requests are served
 * whole, which RFC 9110 allows; a range that starts past the end is unsatisfiable.
 */
export function parseByteRange(header: string, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, from = '', to = ''] = match;
  if (from === '' && to === '') return null;
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  if (start >= size) return 'unsatisfiable';
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  if (end < start) return null;
  return { start, end };
}
