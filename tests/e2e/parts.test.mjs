// What loads when: a blog page's widget fetches the guest build, then the
// decks' details, and the full build only when a learner opens something the
// guest leaves out; a failed download says so and the drill keeps working;
// a page holding an older loader after a deploy still works.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { start, root } from './harness.mjs';

const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const manifest = JSON.parse(readFileSync(path.join(root, 'dist', 'manifest.json'), 'utf8'));
const FULL = [manifest.full.glue, manifest.full.wasm].map((f) => `/${f}`);
// The first paint (the page, the loader, the guest's glue, the splitter's
// loader and the first-paint module), then the drill tier (the answers and
// the drill part).
const FIRST_PAINT = ['/pages/one-widget.html', '/embed.js', `/${manifest.guest.glue}`, `/${manifest.guest.split}`, `/${manifest.guest.wasm}`];
const DRILL = [`/${manifest.details}`, ...manifest.drill.map((f) => `/${f}`)];
const FIRST = [...FIRST_PAINT, ...DRILL];

let env;
before(async () => {
  env = await start({ headers: (pathname) => (pathname === '/pages/one-widget.html' ? { 'content-security-policy': STRICT } : {}) });
});
after(async () => { await env?.close(); });

/** The page at `pagePath`, recording every path it requests and every error. */
async function open(pagePath, { route } = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const requested = [];
  const errors = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  if (route) await route(page);
  await page.goto(env.base + pagePath.replace(/^\//, ''));
  const widget = page.locator('#drill');
  await widget.getByRole('button', { name: 'Show answer' }).waitFor();
  return { context, page, widget, requested, errors };
}

const count = (requested, file) => requested.filter((p) => p === file).length;

/** Reveals the card on screen and grades it Good; returns its prompt. */
async function gradeOne(widget) {
  const prompt = await widget.locator('article h3').textContent();
  await widget.getByRole('button', { name: 'Show answer' }).click();
  await widget.getByRole('heading', { name: 'Model answer' }).waitFor();
  await widget.getByRole('group', { name: 'How well did you recall it?' }).getByRole('button', { name: /^Good\b/ }).click();
  await widget.locator('article h3').filter({ hasNotText: prompt }).waitFor();
  return prompt;
}

test('a blog widget loads the guest and the answers, and the full build once, when a mock round is opened', async () => {
  const { context, page, widget, requested, errors } = await open('/pages/one-widget.html');
  await gradeOne(widget);
  // Only the first-paint files and the answers, each once, until a part is opened.
  await page.waitForFunction((file) => performance.getEntriesByType('resource').some((e) => e.name.endsWith(file)), manifest.details);
  assert.deepEqual([...new Set(requested)].sort(), [...FIRST].sort());
  for (const file of FIRST) assert.equal(count(requested, file), 1, file);

  await widget.getByRole('button', { name: 'Mock round' }).click();
  await widget.getByRole('heading', { name: 'Mock round' }).waitFor();
  assert.equal(await widget.getByRole('button', { name: 'Mock round' }).getAttribute('aria-pressed'), 'true');
  // Focus stays on the control the learner used, now the full build's.
  assert.equal(await page.evaluate(() => document.querySelector('#drill').shadowRoot.activeElement?.textContent), 'Mock round');
  await widget.getByRole('button', { name: 'Prep plan' }).click();
  await widget.getByRole('heading', { name: 'Prep plan' }).waitFor();
  await widget.getByRole('button', { name: 'Practice' }).click();
  await gradeOne(widget);
  // The same progress: both grades count, in the full build's figures.
  await widget.getByRole('button', { name: 'Statistics' }).click();
  await widget.getByText(/Reviews today:? ?2\b/).waitFor();
  for (const file of FULL) assert.equal(count(requested, file), 1, file);
  assert.equal(count(requested, `/${manifest.details}`), 1, 'the answers once');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the practice page loads the full build only when a tool is opened, and the tool works', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(env.base);
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByRole('heading', { name: 'Model answer' }).waitFor();
  assert.equal(requested.filter((p) => FULL.includes(p)).length, 0, requested.join());
  await page.getByText('Write your own deck', { exact: true }).click();
  const builder = page.locator('[data-interview-drill-builder]');
  await builder.getByRole('heading', { name: 'Build your own deck' }).waitFor();
  await page.getByText('Put a drill on your blog', { exact: true }).click();
  await page.locator('[data-interview-drill-generator]').getByRole('heading', { name: 'Embed a drill on your blog' }).waitFor();
  for (const file of FULL) assert.equal(count(requested, file), 1, file);
  await context.close();
});

test('a part that fails to download says so with a retry, and the drill still grades', async () => {
  let blocked = true;
  const { context, page, widget, errors } = await open('/pages/one-widget.html', {
    route: (page) => page.route((url) => FULL.includes(url.pathname), (r) => (blocked ? r.abort() : r.continue())),
  });
  await widget.getByRole('button', { name: 'Mock round' }).click();
  const alert = widget.getByRole('alert').filter({ hasText: 'Could not load mock rounds' });
  await alert.waitFor();
  assert.match(await page.evaluate(() => document.querySelector('#drill').shadowRoot.querySelector('[aria-live]').textContent),
    /Mock rounds could not be loaded .* The drill still works; try again\./);
  await gradeOne(widget);
  blocked = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await widget.getByRole('heading', { name: 'Mock round' }).waitFor();
  // The page's own errors are the aborted downloads, nothing else.
  assert.ok(errors.every((e) => /Failed to (load|fetch)|ERR_FAILED|dynamically imported module|net::/.test(e)), errors.join('\n'));
  await context.close();
});

test('a card revealed before the answers arrive says it is loading, then shows them', async () => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const { context, widget } = await open('/pages/one-widget.html', {
    route: (page) => page.route((url) => url.pathname === `/${manifest.details}`, async (r) => { await held; await r.continue(); }),
  });
  await widget.getByRole('button', { name: 'Show answer' }).click();
  await widget.getByRole('status').filter({ hasText: 'Loading the answer…' }).waitFor();
  release();
  await widget.getByRole('heading', { name: 'Model answer' }).waitFor();
  assert.equal(await widget.locator('[aria-live]').textContent(), 'The answer is here.');
  await context.close();
});

test('a card revealed before the drill part arrives says it is loading, then shows the answer and grades', async () => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const { context, widget, requested } = await open('/pages/one-widget.html', {
    route: (page) => page.route((url) => DRILL.includes(url.pathname) && url.pathname.endsWith('.wasm'), async (r) => { await held; await r.continue(); }),
  });
  await widget.getByRole('button', { name: 'Show answer' }).click();
  await widget.getByRole('status').filter({ hasText: 'Loading the answer…' }).waitFor();
  assert.equal(await widget.locator('[aria-live]').textContent(), 'Loading the answer…');
  // A grade key before the answer is on screen is not a grade.
  await widget.locator('section.idrill').press('3');
  release();
  await widget.getByRole('heading', { name: 'Model answer' }).waitFor();
  assert.equal(await widget.locator('[aria-live]').textContent(), 'The answer is here.');
  await widget.getByRole('group', { name: 'How well did you recall it?' }).getByRole('button', { name: /^Good\b/ }).click();
  await widget.getByRole('region', { name: /^Your progress/ }).filter({ hasText: /Seen today:? ?1(?!\d)/ }).waitFor();
  for (const file of DRILL) assert.equal(count(requested, file), 1, file);
  await context.close();
});

test('a drill part that fails to download says so with a retry, then the card works', async () => {
  let blocked = true;
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.route((url) => DRILL.includes(url.pathname) && url.pathname.endsWith('.wasm'), (r) => (blocked ? r.abort() : r.continue()));
  await page.goto(`${env.base}pages/one-widget.html`);
  const widget = page.locator('#drill');
  // The question is on screen all the while.
  await widget.locator('article h3').waitFor();
  const alert = widget.getByRole('alert').filter({ hasText: 'The rest of the drill could not be downloaded' });
  await alert.waitFor();
  blocked = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await gradeOne(widget);
  await widget.getByRole('region', { name: /^Your progress/ }).filter({ hasText: /Seen today:? ?1(?!\d)/ }).waitFor();
  await context.close();
});

test('a page holding the loader of an earlier deploy finds today\'s files through the manifest', async () => {
  const loader = readFileSync(path.join(root, 'dist', 'embed.js'), 'utf8');
  // The names an earlier build wrote into its loader, gone from the server now.
  const stale = [manifest.guest.glue, manifest.guest.wasm, manifest.full.glue, manifest.full.wasm, manifest.details]
    .reduce((text, name) => text.replaceAll(name, name.replace(/-[0-9a-f]{16}/, '-0000000000000000')), loader);
  assert.notEqual(stale, loader);
  const { context, widget, requested, errors } = await open('/pages/one-widget.html', {
    route: (page) => page.route((url) => url.pathname === '/embed.js', (r) => r.fulfill({ contentType: 'text/javascript', body: stale })),
  });
  await gradeOne(widget);
  await widget.getByRole('button', { name: 'Mock round' }).click();
  await widget.getByRole('heading', { name: 'Mock round' }).waitFor();
  assert.ok(requested.some((p) => p.includes('-0000000000000000')), 'the old names were tried');
  assert.equal(count(requested, '/manifest.json'), 1);
  assert.ok(errors.every((e) => /404|Failed to (load|fetch)|dynamically imported module/.test(e)), errors.join('\n'));
  await context.close();
});
