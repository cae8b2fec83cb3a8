// Writes precompressed copies (.gz and .br, best compression) beside every text and wasm file
// in a built dist/ folder, and prints the first-load size of each file: raw, gzip and brotli.
// Node's own zlib does both, so nothing else needs installing.
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const KINDS = { '.wasm': 'wasm', '.js': 'JS', '.css': 'CSS', '.json': 'data', '.html': 'HTML', '.svg': 'figure', '.webmanifest': 'manifest' };

export function compressDist(dist) {
  const rows = [];
  for (const name of readdirSync(dist).sort()) {
    const path = join(dist, name);
    const kind = KINDS[extname(name)];
    if (!kind || !statSync(path).isFile()) continue;
    const raw = readFileSync(path);
    const gz = gzipSync(raw, { level: 9 });
    const br = brotliCompressSync(raw, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    });
    writeFileSync(`${path}.gz`, gz);
    writeFileSync(`${path}.br`, br);
    rows.push({ kind, name, raw: raw.length, gzip: gz.length, brotli: br.length });
  }
  return rows;
}

export function printSizes(rows, title) {
  const n = (v) => v.toLocaleString('en-US').padStart(9);
  console.log(`\n${title}`);
  console.log(`  ${'kind'.padEnd(9)}${'file'.padEnd(46)}${'raw'.padStart(9)}${'gzip'.padStart(9)}${'brotli'.padStart(9)}`);
  for (const r of rows) console.log(`  ${r.kind.padEnd(9)}${r.name.padEnd(46)}${n(r.raw)}${n(r.gzip)}${n(r.brotli)}`);
  const sum = (k) => rows.reduce((s, r) => s + r[k], 0);
  console.log(`  ${'total'.padEnd(55)}${n(sum('raw'))}${n(sum('gzip'))}${n(sum('brotli'))}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] || 'dist';
  printSizes(compressDist(dist), `First-load size of ${dist}/ (precompressed .gz and .br written beside each file)`);
}
