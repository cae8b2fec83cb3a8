// A small static server for a built dist/ folder that serves the precompressed .br or .gz copy
// when the browser accepts it, as a production server should. Used by the end-to-end tests and
// the benchmark. Usage: node scripts/serve-dist.mjs [dist] [port]
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, extname, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

export function serveDist(dist, port) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let rel = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    if (rel.endsWith('/')) rel += 'index.html';
    let path = join(dist, rel);
    if (!existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not found');
      return;
    }
    const headers = { 'content-type': TYPES[extname(path)] || 'application/octet-stream', vary: 'accept-encoding' };
    // Hashed file names never change, so they may be cached for good; the rest must revalidate.
    headers['cache-control'] = /-[0-9a-f]{16}(_bg)?\./.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
    const accept = req.headers['accept-encoding'] || '';
    for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
      if (accept.includes(enc) && existsSync(path + ext)) {
        headers['content-encoding'] = enc;
        path += ext;
        break;
      }
    }
    const body = readFileSync(path);
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dist = 'dist', port = '8080'] = process.argv.slice(2);
  await serveDist(dist, Number(port));
  console.log(`serving ${dist}/ on http://127.0.0.1:${port}`);
}
