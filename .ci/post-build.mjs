// Trunk post-build hook, run in the staging folder before it becomes dist/:
// writes embed.js (the loader, with the versioned glue and wasm names filled
// in) and minifies the JS and CSS. Trunk minifies only HTML; esbuild roughly
// halves the wasm-bindgen glue.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is not set)');
  process.exit(1);
}
const files = readdirSync(dir);
const glue = files.find((f) => /^interview-drill-[0-9a-f]+\.js$/.test(f));
const wasm = files.find((f) => /^interview-drill-[0-9a-f]+_bg\.wasm$/.test(f));
if (!glue || !wasm) {
  console.error(`post-build.mjs: no wasm-bindgen output in ${dir}: ${files.join(', ')}`);
  process.exit(1);
}
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const loader = readFileSync(path.join(repo, 'src/web/embed.js'), 'utf8')
  .replace("'__GLUE__'", JSON.stringify(glue))
  .replace("'__WASM__'", JSON.stringify(wasm));
writeFileSync(path.join(dir, 'embed.js'), loader);

for (const name of readdirSync(dir)) {
  const loaderKind = name.endsWith('.js') ? 'js' : name.endsWith('.css') ? 'css' : null;
  if (!loaderKind) continue;
  const file = path.join(dir, name);
  const { code } = transformSync(readFileSync(file, 'utf8'), {
    loader: loaderKind,
    minify: true,
    format: loaderKind === 'js' ? 'esm' : undefined,
    target: loaderKind === 'js' ? 'es2020' : undefined,
    legalComments: 'none',
  });
  writeFileSync(file, code);
}
