import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isInside } from '../../src/main/contained-path';
import { parseByteRange, serveAppFile, type AppRoots } from '../../src/main/static-files';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';

const SECRET = 'learner diary: private';
let roots: AppRoots;

beforeAll(async () => {
  const base = await mkdtemp(join(tmpdir(), 'atlas-static-'));
  roots = { renderer: join(base, 'renderer'), content: join(base, 'content'), models: join(base, 'models') };
  await mkdir(join(roots.renderer, 'assets'), { recursive: true });
  await mkdir(join(roots.content, 'about'), { recursive: true });
  await mkdir(roots.models, { recursive: true });
  await mkdir(join(base, 'content-evil'), { recursive: true });
  await writeFile(join(roots.renderer, 'index.html'), '<!doctype html><title>atlas</title>');
  await writeFile(join(roots.renderer, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(roots.content, 'about', 'en.md'), '# About');
  await writeFile(join(roots.content, 'narration.opus'), Buffer.from('0123456789'));
  await writeFile(join(roots.models, 'gland.json'), '{}');
  await writeFile(join(base, 'secret.txt'), SECRET);
  await writeFile(join(base, 'content-evil', 'secret.txt'), SECRET);
  await symlink(base, join(roots.content, 'link-out'));
  await symlink(join(base, 'secret.txt'), join(roots.content, 'secret-link.txt'));
});

const get = (pathname: string, range?: string) => serveAppFile({ method: 'GET', pathname, range }, roots);
const text = (body: Uint8Array | null) => (body ? Buffer.from(body).toString('utf8') : '');

describe('serveAppFile', () => {
  it('serves the renderer entry with the Content-Security-Policy header', async () => {
    const answer = await get('/');
    expect(answer.status).toBe(200);
    expect(answer.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['Content-Security-Policy']).toContain("default-src 'none'");
    expect(answer.headers['Content-Security-Policy']).toContain("script-src 'self'");
    expect(answer.headers['X-Content-Type-Options']).toBe('nosniff');
  });

  it('serves content and models from their own roots with the right types', async () => {
    expect((await get('/content/about/en.md')).headers['Content-Type']).toBe('text/markdown; charset=utf-8');
    expect((await get('/models/gland.json')).headers['Content-Type']).toBe('application/json; charset=utf-8');
    expect((await get('/assets/app.js')).headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect((await get('/content/narration.opus')).headers['Content-Type']).toBe('audio/ogg; codecs=opus');
  });

  it.each([
    '/content/../secret.txt',
    '/content/%2e%2e/secret.txt',
    '/content/%2E%2E%2Fsecret.txt',
    '/content/..%2fsecret.txt',
    '/content/..%5csecret.txt',
    '/%2e%2e/secret.txt',
    '/../secret.txt',
    '/content/link-out/secret.txt',
    '/content/secret-link.txt',
    '/content/../content-evil/secret.txt',
    '/content//etc/passwd',
    '/content/%00',
    '/content/about/en.md%00.png',
    '/content/%E0%A4%A',
    '/content/',
    '/content/about',
    '/models/../../secret.txt',
  ])('answers 404 for %s', async (pathname) => {
    const answer = await get(pathname);
    expect(answer.status).toBe(404);
    expect(text(answer.body)).not.toContain(SECRET);
  });

  it('never returns a file from outside the roots, whatever the path', async () => {
    const segment = fc.constantFrom('..', '.', '%2e%2e', '%2E%2e', '..%2f', '..%5c', '%2f', '%5c', 'secret.txt', 'content', 'models', 'content-evil', 'link-out', 'about', '', '%00', '~');
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 7 }), async (segments) => {
        const answer = await get(`/${segments.join('/')}`);
        expect(text(answer.body)).not.toContain(SECRET);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await serveAppFile({ method: 'POST', pathname: '/' }, roots)).status).toBe(405);
    const head = await serveAppFile({ method: 'HEAD', pathname: '/content/about/en.md' }, roots);
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    expect(head.headers['Content-Length']).toBe('7');
  });

  it('serves byte ranges so audio can seek', async () => {
    const part = await get('/content/narration.opus', 'bytes=2-5');
    expect(part.status).toBe(206);
    expect(part.headers['Content-Range']).toBe('bytes 2-5/10');
    expect(text(part.body)).toBe('2345');
    expect(text((await get('/content/narration.opus', 'bytes=-3')).body)).toBe('789');
    expect(text((await get('/content/narration.opus', 'bytes=7-')).body)).toBe('789');
    const beyond = await get('/content/narration.opus', 'bytes=10-');
    expect(beyond.status).toBe(416);
    expect(beyond.headers['Content-Range']).toBe('bytes */10');
  });
});

describe('parseByteRange', () => {
  it('ignores forms it does not serve and clamps the end', () => {
    expect(parseByteRange('bytes=0-1,4-5', 10)).toBeNull();
    expect(parseByteRange('items=0-1', 10)).toBeNull();
    expect(parseByteRange('bytes=5-2', 10)).toBeNull();
    expect(parseByteRange('bytes=3-999', 10)).toEqual({ start: 3, end: 9 });
  });
});

describe('isInside', () => {
  it('uses path.relative, so a sibling sharing the prefix is outside', () => {
    expect(isInside('/srv/content', '/srv/content/a.md')).toBe(true);
    expect(isInside('/srv/content', '/srv/content')).toBe(true);
    expect(isInside('/srv/content', '/srv/content-evil/a.md')).toBe(false);
    expect(isInside('/srv/content', '/srv/other')).toBe(false);
    expect(isInside('/srv/content', '/srv/content/..foo')).toBe(true);
  });
});
