// Reports the brotli size of everything the built page loads (dist/). The
// target is 120 KB; with --check the run fails above the regression limit, so a
// change that grows the bundle has to raise the limit on purpose.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const TARGET_BYTES = 120 * 1024;
const LIMIT_BYTES = 205 * 1024;
const dist = path.resolve(process.argv.find((a) => !a.startsWith('-') && a.includes('dist')) || 'dist');
const loaded = readdirSync(dist).filter((name) => /\.(html|js|wasm|css)$/.test(name)).sort();

const brotli = (bytes) => brotliCompressSync(bytes, {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
}).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

let total = 0;
console.log(`${'file'.padEnd(48)} ${'raw'.padStart(10)} ${'brotli'.padStart(10)}`);
for (const name of loaded) {
  const bytes = readFileSync(path.join(dist, name));
  const compressed = brotli(bytes);
  total += compressed;
  console.log(`${name.padEnd(48)} ${kb(bytes.length).padStart(10)} ${kb(compressed).padStart(10)}`);
}
console.log(`${'total'.padEnd(48)} ${''.padStart(10)} ${kb(total).padStart(10)}`);
console.log(`target ${kb(TARGET_BYTES)}: ${total <= TARGET_BYTES ? 'met' : `over by ${kb(total - TARGET_BYTES)}`}; regression limit ${kb(LIMIT_BYTES)}`);
if (process.argv.includes('--check') && total > LIMIT_BYTES) {
  console.error(`size: ${kb(total)} is over the regression limit of ${kb(LIMIT_BYTES)}`);
  process.exit(1);
}
