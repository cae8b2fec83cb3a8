// A small static server for a built dist/ folder that serves the precompressed .br or .gz copy
// when the browser accepts it, as a production server should. Used by the end-to-end tests and
// the benchmark. Usage: node scripts/serve-dist.mjs [dist] [port] [--faults]
//
// With --faults (the end-to-end tests only), a browser context can ask for a broken server by
// cookies, so that each test breaks only its own requests, the service worker's included:
//   fault-<target>=html|500|404|stall|trickle|truncate   for the page (target "page"), or any path
//                                                 ending in <target> ("atlas.json", ".wasm")
//   release=2     a new release: the page names its hashed files under /r2/ (same contents)
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, extname, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/** The faults and release a request's cookies ask for. */
function asked(req) {
  const cookies = Object.fromEntries((req.headers.cookie || '').split(/;\s*/).filter(Boolean)
    .map((c) => [c.slice(0, c.indexOf('=')), c.slice(c.indexOf('=') + 1)]));
  const path = new URL(req.url, 'http://localhost').pathname;
  const page = path.endsWith('/') || path.endsWith('/index.html');
  const fault = Object.entries(cookies).find(([name]) => name.startsWith('fault-')
    && (name === 'fault-page' ? page : path.endsWith(name.slice('fault-'.length))));
  return { fault: fault?.[1], release: cookies.release };
}

/** Answer as a broken server would; true if it did. */
function misbehave(fault, res, path, type) {
  switch (fault) {
    case 'html': // a host's fallback page, a login portal: status 200, but a web page
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
      res.end('<!DOCTYPE html><html><body><h1>Welcome</h1></body></html>');
      return true;
    case '500':
    case '404':
      res.writeHead(Number(fault), { 'content-type': 'text/plain' });
      res.end(fault === '500' ? 'Internal Server Error' : 'Not found');
      return true;
    case 'stall': { // never answers (given up after a minute)
      const timer = setTimeout(() => res.destroy(), 60_000);
      res.on('close', () => clearTimeout(timer));
      return true;
    }
    case 'trickle': { // the headers and half the body, then nothing more (given up after a minute)
      const body = readFileSync(path);
      res.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': 'no-cache' });
      res.write(body.subarray(0, body.length >> 1));
      const timer = setTimeout(() => res.destroy(), 60_000);
      res.on('close', () => clearTimeout(timer));
      return true;
    }
    case 'truncate': { // the first half of the file, with the right headers for that half
      const body = readFileSync(path).subarray(0, Math.floor(statSync(path).size / 2));
      res.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': 'no-cache' });
      res.end(body);
      return true;
    }
    default:
      return false;
  }
}

export function serveDist(dist, port, { faults = false } = {}) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const { fault, release } = faults ? asked(req) : {};
    let rel = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    if (faults) rel = rel.replace(/^\/r2\//, '/');
    if (rel.endsWith('/')) rel += 'index.html';
    let path = join(dist, rel);
    if (!existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not found');
      return;
    }
    const headers = { 'content-type': TYPES[extname(path)] || 'application/octet-stream', vary: 'accept-encoding' };
    // The headers README "Deploying" asks of a server: no type sniffing, and the page's policy
    // as a header too, with frame-ancestors, which only a header can carry.
    headers['x-content-type-options'] = 'nosniff';
    if (path.endsWith('.html')) {
      const meta = readFileSync(path, 'utf8').match(/http-equiv="Content-Security-Policy" content="([^"]*)"/);
      if (meta) headers['content-security-policy'] = `${meta[1]}; frame-ancestors 'none'`;
    }
    if (misbehave(fault, res, path, headers['content-type'])) return;
    // Trunk writes a hash with a leading zero as 15 digits, so any length from 8 to 16.
    if (release === '2' && path.endsWith('index.html')) {
      const html = readFileSync(path, 'utf8').replace(/(["'])\/([\w-]+-[0-9a-f]{8,16}(_bg)?\.)/g, '$1/r2/$2');
      res.writeHead(200, { ...headers, 'cache-control': 'no-cache' });
      res.end(html);
      return;
    }
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
  const args = process.argv.slice(2);
  const [dist = 'dist', port = '8080'] = args.filter((a) => !a.startsWith('--'));
  await serveDist(dist, Number(port), { faults: args.includes('--faults') });
  console.log(`serving ${dist}/ on http://127.0.0.1:${port}`);
}
