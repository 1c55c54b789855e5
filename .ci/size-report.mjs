// Reports what the built site (dist/) costs a reader, in brotli (quality 11),
// tier by tier (ARCHITECTURE.md, "Two builds"):
// - first paint: what a page loads before its first card is on screen;
// - the drill tier: the cards' answers, key points and follow-ups, and the
//   guest's drill part (the code below a card's question), fetched right
//   after;
// - parts: the full build, loaded the first time a learner opens a mock
//   round, the plan, statistics, settings (import), sharing, the
//   builder or the generator;
// - the code of everything together (every file but the bank's details,
//   which grow with the bank, not with the code).
// With --check the run fails when a tier is over its limit. A limit is where
// the tier is today plus a little: a change that grows one has to raise it on
// purpose. The targets are where the product wants to be.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotli } from './crate.mjs';

const KB = 1024;
/**
 * The first paint and the drill tier, with the real bank (88 questions).
 * The drill tier's target is 200 KB: its details alone are 159.6 KB, and
 * the drill part cut from the first paint adds 51.2 KB.
 */
export const LIMITS = { firstPaint: 170 * KB, drill: 213 * KB };
const main = import.meta.url === `file://${process.argv[1]}`;
const dist = path.resolve(process.argv.find((a) => a.startsWith('--dist='))?.slice(7) ?? 'dist');
const manifest = main ? JSON.parse(readFileSync(path.join(dist, 'manifest.json'), 'utf8')) : { guest: {}, full: {} };
const pageCss = main ? readFileSync(path.join(dist, 'index.html'), 'utf8').match(/href="(page-[0-9a-f]+\.css)"/)?.[1] : '';

const kb = (n) => `${(n / KB).toFixed(1)} KB`;
const size = (name) => {
  const bytes = readFileSync(path.join(dist, name));
  return { raw: bytes.length, brotli: brotli(bytes) };
};

const guest = [manifest.guest.glue, manifest.guest.split, manifest.guest.wasm];
const drill = manifest.drill ?? [];
const full = [manifest.full.glue, manifest.full.wasm];
const tiers = [
  { title: 'first paint: blog page, one default widget', files: ['embed.js', ...guest], limit: LIMITS.firstPaint, target: 100 * KB },
  { title: 'first paint: practice page', files: ['index.html', pageCss, 'embed.js', ...guest], limit: LIMITS.firstPaint + KB, target: 100 * KB },
  { title: 'drill tier: answers, key points, follow-ups, and the drill part (the card below its question, the coach, the session)', files: [manifest.details, ...drill], limit: LIMITS.drill, target: 200 * KB },
  { title: 'part: the full build (mock rounds, plan, statistics, settings, import, sharing, builder, generator)', files: full, limit: 375 * KB },
  { title: 'the code of everything together (all but the details)', files: ['index.html', pageCss, 'embed.js', ...guest, ...drill, ...full], limit: 593 * KB, target: 420 * KB },
];

const failures = [];
for (const { title, files, limit, target } of main ? tiers : []) {
  console.log(`\n${title}`);
  let total = 0;
  for (const name of files) {
    const { raw, brotli: compressed } = size(name);
    total += compressed;
    console.log(`  ${name.padEnd(46)} ${kb(raw).padStart(10)} ${kb(compressed).padStart(10)}`);
  }
  const verdict = target === undefined ? '' : `; target ${kb(target)}: ${total <= target ? 'met' : `over by ${kb(total - target)}`}`;
  console.log(`  ${'total'.padEnd(46)} ${''.padStart(10)} ${kb(total).padStart(10)}   (limit ${kb(limit)}${verdict})`);
  if (total > limit) failures.push(`${title}: ${kb(total)} is over its limit of ${kb(limit)}`);
}
if (process.argv.includes('--check') && failures.length) {
  for (const failure of failures) console.error(`size: ${failure}`);
  process.exit(1);
}
