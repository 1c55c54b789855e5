// Trunk post-build hook: minify the wasm-bindgen glue and the CSS in the
// staging folder. Trunk minifies only HTML; esbuild roughly halves the JS.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('minify.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is not set)');
  process.exit(1);
}
for (const name of readdirSync(dir)) {
  const loader = name.endsWith('.js') ? 'js' : name.endsWith('.css') ? 'css' : null;
  if (!loader) continue;
  const file = path.join(dir, name);
  const { code } = transformSync(readFileSync(file, 'utf8'), {
    loader,
    minify: true,
    format: loader === 'js' ? 'esm' : undefined,
    target: loader === 'js' ? 'es2020' : undefined,
    legalComments: 'none',
  });
  writeFileSync(file, code);
}
