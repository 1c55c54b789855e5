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
import { buildCrate, buildSplitCrate, latestDetails, repo, target } from './crate.mjs';
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

/**
 * The guest, cut into its first-paint module and the drill part. The glue
 * imports the splitter's loader, which imports the glue back and fetches the
 * part: the loader is named by its own text and the module it serves, so
 * the cycle of names is broken and every name still follows the content.
 */
function buildGuest() {
  const out = path.join(staging, 'guest');
  const parts = buildSplitCrate('guest', out, ['--no-default-features']);
  const wasmBytes = readFileSync(path.join(out, 'guest.opt.wasm'));
  const wasm = emit('guest', '.wasm', wasmBytes);
  let split = readFileSync(path.join(out, 'split.js'), 'utf8');
  const drill = [];
  for (const part of parts) {
    const name = emit(`guest-${part.replace(/^split_/, '')}`, '.wasm', readFileSync(path.join(out, `${part}.opt.wasm`)));
    split = replaceOnce(split, `"./${part}.wasm"`, `"./${name}"`);
    drill.push(name);
  }
  const splitName = `guest-split-${hash(split + hash(wasmBytes))}.js`;
  // The glue names it twice: in its import, which now names the file, and
  // as the wasm's import module, which stays.
  const glueCode = replaceOnce(readFileSync(path.join(out, 'guest.js'), 'utf8'), 'from "./__wasm_split.js"', `from "./${splitName}"`);
  const glue = emit('guest', '.js', minify(glueCode, 'js'));
  writeFileSync(path.join(dist, splitName), minify(replaceOnce(split, '"./main.js"', `"./${glue}"`), 'js'));
  return { guest: { glue, wasm, split: splitName }, drill };
}

/** `text` with its one `from` replaced: a tool's output that changed shape fails the build. */
function replaceOnce(text, from, to) {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`expected one ${from} in a tool's output`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
const { guest, drill } = buildGuest();
// Checked on wasm-bindgen's and the splitter's output, which keep the names.
const problems = guestProblems(path.join(staging, 'guest', 'guest_bg.wasm'), path.join(staging, 'guest', 'split_drill.wasm'));
if (problems.length) {
  for (const problem of problems) console.error(`guest: ${problem}`);
  process.exit(1);
}
const full = build('full', []);
const manifest = { guest, drill, full, details: emit('decks', '.bin', latestDetails()) };
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
