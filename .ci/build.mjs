// Builds the site into dist/: two builds of the crate, the decks' details,
// the loader and the practice page (ARCHITECTURE.md, "Two builds").
//
//   node .ci/build.mjs
//
// - guest: `--no-default-features`, the drill alone, what a blog page loads
//   before its first card;
// - full: the whole product, loaded the first time a learner opens anything
//   the guest leaves out;
// - decks-<hash>.bin: every card's answer, key points and follow-ups, which
//   build.rs writes beside the index compiled into both builds.
//
// Each build goes through wasm-bindgen (--target web) and wasm-opt -Oz;
// esbuild minifies the JS and CSS. Every file but the loader and the pages
// is named by a hash of its content, so CDNs may cache it for ever; the
// loader keeps its name and manifest.json names the current set, so a page
// holding an older loader still finds today's files.
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, readdirSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';
import { buildCrate, latestDetails, repo, target } from './crate.mjs';
import { guestProblems } from './guest-symbols.mjs';

const dist = path.join(repo, 'dist');
const staging = path.join(target, 'site');

const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const minify = (code, loader) => transformSync(code, {
  loader, minify: true, legalComments: 'none',
  ...(loader === 'js' ? { format: 'esm', target: 'es2020' } : {}),
}).code;

/** Writes `bytes` as `<stem>-<hash><ext>` in dist/ and returns the name. */
function emit(stem, ext, bytes) {
  const name = `${stem}-${hash(bytes)}${ext}`;
  writeFileSync(path.join(dist, name), bytes);
  return name;
}

/** One build of the crate: its glue and wasm, named by their content. */
function build(stem, features) {
  const out = path.join(staging, stem);
  buildCrate(stem, out, features);
  const wasm = emit(stem, '.wasm', readFileSync(path.join(out, `${stem}.opt.wasm`)));
  // The glue's own default path is never used: the loader names the wasm.
  const glue = emit(stem, '.js', minify(readFileSync(path.join(out, `${stem}.js`), 'utf8'), 'js'));
  return { glue, wasm };
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
const guest = build('guest', ['--no-default-features']);
// Checked on wasm-bindgen's output, which still has the function names.
const problems = guestProblems(path.join(staging, 'guest', 'guest_bg.wasm'));
if (problems.length) {
  for (const problem of problems) console.error(`guest: ${problem}`);
  process.exit(1);
}
const full = build('full', []);
const manifest = { guest, full, details: emit('decks', '.bin', latestDetails()) };
writeFileSync(path.join(dist, 'manifest.json'), `${JSON.stringify(manifest)}\n`);

const loader = readFileSync(path.join(repo, 'src/web/embed.js'), 'utf8')
  .replace("'__MANIFEST__'", JSON.stringify(manifest));
writeFileSync(path.join(dist, 'embed.js'), minify(loader, 'js'));
for (const file of ['embed-frame.js', 'frame.js']) {
  writeFileSync(path.join(dist, file), minify(readFileSync(path.join(repo, 'src/web', file), 'utf8'), 'js'));
}
copyFileSync(path.join(repo, 'src/web/embed.html'), path.join(dist, 'embed.html'));

// The practice page: its stylesheet by hash, and the guest preloaded, since
// the page's widget loads at once.
const css = emit('page', '.css', minify(readFileSync(path.join(repo, 'src/ui/page.css'), 'utf8'), 'css'));
const preload = `<link rel="modulepreload" href="${guest.glue}">`
  + `<link rel="preload" href="${guest.wasm}" as="fetch" type="application/wasm" crossorigin>`;
const page = readFileSync(path.join(repo, 'index.html'), 'utf8')
  .replace('href="page.css"', `href="${css}"`)
  .replace('</head>', `${preload}\n</head>`);
writeFileSync(path.join(dist, 'index.html'), page);
console.log(`built dist/: ${readdirSync(dist).join(', ')}`);
