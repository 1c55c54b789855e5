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
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { guestProblems } from './guest-symbols.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(repo, 'dist');
const target = process.env.CARGO_TARGET_DIR ? path.resolve(process.env.CARGO_TARGET_DIR) : path.join(repo, 'target');
const release = path.join(target, 'wasm32-unknown-unknown', 'release');
const staging = path.join(target, 'site');
// The features the page's browsers all have (Chromium, Firefox ESR, WebKitGTK).
const WASM_FEATURES = [
  'bulk-memory', 'bulk-memory-opt', 'call-indirect-overlong', 'multivalue',
  'mutable-globals', 'nontrapping-float-to-int', 'reference-types', 'sign-ext',
].map((f) => `--enable-${f}`);

const run = (command, args) => execFileSync(command, args, { cwd: repo, stdio: 'inherit' });
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
  run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '--lib', ...features]);
  const out = path.join(staging, stem);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', out, '--out-name', stem,
    path.join(release, 'interview_drill.wasm')]);
  const optimised = path.join(out, `${stem}.opt.wasm`);
  run('wasm-opt', ['-Oz', ...WASM_FEATURES, path.join(out, `${stem}_bg.wasm`), '-o', optimised]);
  const wasm = emit(stem, '.wasm', readFileSync(optimised));
  // The glue's own default path is never used: the loader names the wasm.
  const glue = emit(stem, '.js', minify(readFileSync(path.join(out, `${stem}.js`), 'utf8'), 'js'));
  return { glue, wasm };
}

/** The details file build.rs wrote in this build's most recent OUT_DIR. */
function details() {
  const builds = path.join(release, 'build');
  const found = readdirSync(builds)
    .filter((d) => d.startsWith('interview-drill-'))
    .map((d) => path.join(builds, d, 'out', 'decks-details.bin'))
    .filter((f) => { try { return statSync(f).isFile(); } catch { return false; } })
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!found.length) throw new Error('no decks-details.bin: did build.rs run?');
  return emit('decks', '.bin', readFileSync(found[0]));
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
const manifest = { guest, full, details: details() };
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
