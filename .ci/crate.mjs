// The steps every build of the crate for the page (.ci/build.mjs) takes:
// cargo, wasm-bindgen, wasm-opt, the
// details file build.rs wrote, and the brotli figure every report uses.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
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
