import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { handlePreviewRequest, projectRoots } from './lib/preview-handler';

/**
 * `npm run preview`: serves the built renderer, content/ and models/ on 127.0.0.1 only, with the
 * same headers as the desktop app, so the atlas can be used in any browser with no install.
 */
const roots = projectRoots();
if (!existsSync(roots.renderer)) {
  console.error('No renderer build in out/renderer. Run `npm run preview` (it builds first).');
  process.exit(1);
}
const port = Number(process.env['PORT'] ?? 4173);

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  handlePreviewRequest({ method: req.method ?? 'GET', pathname: url.pathname, range: req.headers.range }, roots)
    .then((answer) => {
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body ?? undefined);
    })
    .catch((error: unknown) => {
      console.error(error);
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Internal error\n');
    });
});

server.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') {
    console.error(`Port ${port} is in use. Try another: PORT=4180 npm run preview`);
    process.exit(1);
  }
  throw error;
});

server.listen(port, '127.0.0.1', () => {
  console.log(`Lactation Atlas preview: http://127.0.0.1:${port}/  (Ctrl+C to stop)`);
});
