// Reports the brotli size of what the built pages load (dist/): the practice
// page, and a blog page with one embedded widget. The target is 120 KB; with
// --check the run fails above the regression limit, so a change that grows the
// bundle has to raise the limit on purpose.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const TARGET_BYTES = 120 * 1024;
const LIMIT_BYTES = 425 * 1024;
const dist = path.resolve('dist');
const files = readdirSync(dist);

const brotli = (bytes) => brotliCompressSync(bytes, {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
}).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const sizes = new Map(files.map((name) => {
  const bytes = readFileSync(path.join(dist, name));
  return [name, { raw: bytes.length, brotli: brotli(bytes) }];
}));

const glue = files.filter((f) => /^interview-drill-[0-9a-f]+(_bg\.wasm|\.js)$/.test(f));
const pages = {
  'practice page (index.html)': ['index.html', ...files.filter((f) => f.endsWith('.css')), 'embed.js', ...glue],
  'blog page, one widget (embed.js)': ['embed.js', ...glue],
};

let worst = 0;
for (const [title, loaded] of Object.entries(pages)) {
  console.log(`\n${title}`);
  console.log(`  ${'file'.padEnd(46)} ${'raw'.padStart(10)} ${'brotli'.padStart(10)}`);
  let total = 0;
  for (const name of loaded) {
    const { raw, brotli: compressed } = sizes.get(name);
    total += compressed;
    console.log(`  ${name.padEnd(46)} ${kb(raw).padStart(10)} ${kb(compressed).padStart(10)}`);
  }
  console.log(`  ${'total'.padEnd(46)} ${''.padStart(10)} ${kb(total).padStart(10)}`);
  console.log(`  target ${kb(TARGET_BYTES)}: ${total <= TARGET_BYTES ? 'met' : `over by ${kb(total - TARGET_BYTES)}`}`);
  worst = Math.max(worst, total);
}
console.log(`\nregression limit ${kb(LIMIT_BYTES)}`);
if (process.argv.includes('--check') && worst > LIMIT_BYTES) {
  console.error(`size: ${kb(worst)} is over the regression limit of ${kb(LIMIT_BYTES)}`);
  process.exit(1);
}
