import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_ROOTS, type ContentRoot } from '../../src/shared/ipc-contract';
import { listContentFiles } from '../../src/main/content-files';
import { plainResponse, serveAppFile, type AppRoots, type StaticRequest, type StaticResponse } from '../../src/main/static-files';

/**
 * The browser preview's server logic, shared by `npm run preview` and the browser tests: the same
 * files and headers as the desktop app's `app://` scheme, plus `api/list/<root>` so the web host
 * can list content the way the desktop bridge does.
 */
export const PROJECT_ROOT = resolve(fileURLToPath(import.meta.url), '..', '..', '..');

export function projectRoots(root = PROJECT_ROOT): AppRoots {
  return {
    renderer: resolve(root, 'out', 'renderer'),
    content: resolve(root, 'content'),
    models: resolve(root, 'models'),
  };
}

export async function handlePreviewRequest(request: StaticRequest, roots: AppRoots): Promise<StaticResponse> {
  const listing = /^\/api\/list\/([a-z]+)$/.exec(request.pathname);
  if (listing) {
    const root = listing[1] as ContentRoot;
    if (!(CONTENT_ROOTS as readonly string[]).includes(root)) return plainResponse(404, 'Not found');
    const base = await serveAppFile({ method: 'HEAD', pathname: '/index.html' }, roots);
    const body = new TextEncoder().encode(JSON.stringify({ root, entries: await listContentFiles(roots[root]) }));
    return {
      status: 200,
      headers: { ...base.headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(body.length) },
      body,
    };
  }
  return serveAppFile(request, roots);
}
