// A plain static file server for a built site, on 127.0.0.1 only. It serves files as
// they are on disk (no reload script, no private notes: that is what a static host does),
// answers 404 with the site's own 404.html when there is one, and never serves anything
// outside the folder.
//
//   node browser/lib/server.mjs DIR [PORT]     serve DIR until Ctrl-C (PORT 0: any free)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
};

/** Starts serving `dir`; resolves to { url, close() } once it listens. */
export function serveFolder(dir, port = 0) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    let file = resolve(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file).toLowerCase()] || 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      const page = await readFile(join(root, '404.html')).catch(() => null);
      res.writeHead(404, { 'content-type': page ? TYPES['.html'] : 'text/plain' });
      res.end(page || 'not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const { port: p } = server.address();
      ok({
        url: `http://127.0.0.1:${p}/`,
        close: () => new Promise((done) => {
          server.close(() => done());
          server.closeAllConnections();
        }),
      });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const [dir, port] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node server.mjs DIR [PORT]');
    process.exit(2);
  }
  const { url } = await serveFolder(dir, Number(port || 0));
  console.log(`serving ${resolve(dir)} at ${url}`);
}
