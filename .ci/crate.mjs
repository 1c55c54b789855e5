// The steps every build of the crate for the page (.ci/build.mjs) takes:
// cargo, wasm-bindgen, wasm-opt, the
// details file build.rs wrote, and the brotli figure every report uses.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const target = process.env.CARGO_TARGET_DIR ? path.resolve(process.env.CARGO_TARGET_DIR) : path.join(repo, 'target');
const release = path.join(target, 'wasm32-unknown-unknown', 'release');
// The features the page's browsers all have (Chromium, Firefox ESR, WebKitGTK).
const WASM_FEATURES = [
  'bulk-memory', 'bulk-memory-opt', 'call-indirect-overlong', 'multivalue',
  'mutable-globals', 'nontrapping-float-to-int', 'reference-types', 'sign-ext',
].map((f) => `--enable-${f}`);

export const run = (command, args, env = {}) => execFileSync(command, args, { cwd: repo, stdio: 'inherit', env: { ...process.env, ...env } });

/** Brotli at quality 11, as a CDN sends it. */
export const brotli = (bytes) => brotliCompressSync(bytes, {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
}).length;

/**
 * Builds the crate with `features` (and `env`) and runs wasm-bindgen and
 * wasm-opt into `out`: `<stem>.js`, `<stem>_bg.wasm` (with its function
 * names) and `<stem>.opt.wasm`.
 */
export function buildCrate(stem, out, features, env = {}) {
  run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '--lib', ...features], env);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', out, '--out-name', stem,
    path.join(release, 'interview_drill.wasm')]);
  run('wasm-opt', ['-Oz', ...WASM_FEATURES, path.join(out, `${stem}_bg.wasm`), '-o', path.join(out, `${stem}.opt.wasm`)]);
}

/**
 * Builds the guest as `buildCrate` does, cut in two on the way: cargo keeps
 * its relocations (in a target folder of its own, so the full build's cache
 * stays warm), wasm-split-cli cuts the wasm at its `#[wasm_split]`
 * functions into the first-paint module and the drill part, wasm-bindgen
 * writes the glue of the first (keeping the exports the part imports), and
 * wasm-opt shrinks each. Writes `<stem>.js`, `<stem>_bg.wasm` (with names),
 * `<stem>.opt.wasm`, `split.js` (the splitter's loader of the parts) and,
 * per part, `<part>.wasm` (with names) and `<part>.opt.wasm`; returns the
 * parts' names.
 */
export function buildSplitCrate(stem, out, features) {
  const splitTarget = path.join(target, 'split');
  run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '--lib', ...features],
    { RUSTFLAGS: '-Clink-args=--emit-relocs', CARGO_TARGET_DIR: splitTarget });
  rmSync(out, { recursive: true, force: true });
  const cut = path.join(out, 'cut');
  mkdirSync(cut, { recursive: true });
  run('wasm-split-cli', [path.join(splitTarget, 'wasm32-unknown-unknown', 'release', 'interview_drill.wasm'), cut]);
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--keep-lld-exports', '--out-dir', out, '--out-name', stem,
    path.join(cut, 'main.wasm')]);
  run('wasm-opt', ['-Oz', ...WASM_FEATURES, path.join(out, `${stem}_bg.wasm`), '-o', path.join(out, `${stem}.opt.wasm`)]);
  copyFileSync(path.join(cut, '__wasm_split.js'), path.join(out, 'split.js'));
  const parts = readdirSync(cut).filter((f) => f.endsWith('.wasm') && f !== 'main.wasm').map((f) => f.slice(0, -5));
  for (const part of parts) {
    copyFileSync(path.join(cut, `${part}.wasm`), path.join(out, `${part}.wasm`));
    run('wasm-opt', ['-Oz', ...WASM_FEATURES, path.join(cut, `${part}.wasm`), '-o', path.join(out, `${part}.opt.wasm`)]);
  }
  return parts;
}

/** The details file build.rs wrote in the most recent build's OUT_DIR. */
export function latestDetails() {
  const builds = path.join(release, 'build');
  const found = readdirSync(builds)
    .filter((d) => d.startsWith('interview-drill-'))
    .map((d) => path.join(builds, d, 'out', 'decks-details.bin'))
    .filter((f) => { try { return statSync(f).isFile(); } catch { return false; } })
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!found.length) throw new Error('no decks-details.bin: did build.rs run?');
  return readFileSync(found[0]);
}
