// Reports the brotli size of everything the built page loads (dist/), and with
// --check fails when the total is over the budget.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const BUDGET_BYTES = Number(process.env.SIZE_BUDGET_BYTES || 120 * 1024);
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
console.log(`${'total'.padEnd(48)} ${''.padStart(10)} ${kb(total).padStart(10)}   (budget ${kb(BUDGET_BYTES)})`);
if (process.argv.includes('--check') && total > BUDGET_BYTES) {
  console.error(`size: ${kb(total)} is over the budget of ${kb(BUDGET_BYTES)}`);
  process.exit(1);
}
