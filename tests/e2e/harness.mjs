// Shared set-up for the end-to-end tests: serve dist/ on loopback, drive
// Debian's Chromium with playwright-core, and collect console errors.
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '..', '..');
const dist = path.join(root, 'dist');

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};

/**
 * A static server on loopback for dist/ (and test pages under /pages/).
 * Every response allows any origin, so sandboxed (opaque-origin) frames can
 * load the module and the wasm. `headers(path)` adds per-request headers.
 */
function serve({ headers = () => ({}) } = {}) {
  const requests = new Map();
  const server = createServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    const pathname = decodeURIComponent(url.pathname);
    requests.set(pathname, (requests.get(pathname) || 0) + 1);
    if (pathname === '/favicon.ico') {
      // Example pages carry no icon; answer like a site without one, quietly.
      response.writeHead(204).end();
      return;
    }
    const root = pathname.startsWith('/pages/') ? here : pathname.startsWith('/examples/') ? path.join(here, '..', '..') : dist;
    let file = path.join(root, pathname);
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
      'access-control-allow-origin': '*',
      'cache-control': 'no-store',
      ...headers(pathname, url.searchParams),
    });
    let body = readFileSync(file);
    if (pathname.startsWith('/examples/') && file.endsWith('.html')) {
      // Example pages name the widget's origin; here it is this server's
      // 127.0.0.1 address, while tests may open the page as localhost.
      body = body.toString('utf8').replaceAll('WIDGET_ORIGIN', `http://127.0.0.1:${server.address().port}`);
    }
    response.end(body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ server, requests, port: server.address().port }));
  });
}

/** Starts a static server for dist/ and a browser. Call `close()` when done. */
export async function start(options = {}) {
  const { server, requests, port } = await serve(options);
  const base = `http://127.0.0.1:${port}/`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return {
    base,
    browser,
    requests,
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}

/**
 * A fresh page (own storage) that records console errors and page errors.
 * With `clock`, time is faked from that instant and stands still until the
 * test moves it.
 */
export async function openPage(env, options = {}, { clock, path: pagePath = '' } = {}) {
  const context = await env.browser.newContext(options);
  const page = await context.newPage();
  if (clock) {
    await page.clock.install({ time: clock });
    await page.clock.pauseAt(clock);
  }
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') errors.push(`${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  await page.goto(env.base + pagePath);
  if (!pagePath) await page.getByRole('heading', { level: 2, name: 'Backend engineer interview' }).waitFor();
  return { page, context, errors };
}

const axeSource = readFileSync(path.join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Runs axe-core on the page and returns its violations, summarised. */
export async function axeViolations(page, options = {}) {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async (options) => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document, { resultTypes: ['violations'], ...options });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  }, options);
  return violations;
}

/**
 * Everything the widget has stored in the page's localStorage, decoded: the
 * reviews that count (recorded and not undone), oldest first. Reads `base`
 * (compact tokens), every `log:<writer>` and format 1's `progress` key.
 */
export async function storedReviews(page, namespace = 'default') {
  return page.evaluate((prefix) => {
    const reviews = new Map();
    const undone = new Set();
    const id = (r) => `${r.deck}|${r.q}|${r.t}|${r.tz}|${r.g}|${r.k || ''}`;
    const add = (set, r) => set instanceof Map ? set.set(id(r), r) : set.add(id(r));
    // `base` tokens: a grade marker, then base-62 milliseconds since the last
    // review; `~minutes` sets the UTC offset (see src/core/persist/tokens.rs).
    const MARKERS = '!#$%&()*';
    const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
    const fromTokens = (deck, q, text, into) => {
      let tz = 0;
      let t = 0;
      for (const token of text.match(/[~!#$%&()*][^~!#$%&()*]*/g) || []) {
        if (token[0] === '~') { tz = Number(token.slice(1)); continue; }
        const marker = MARKERS.indexOf(token[0]);
        const negative = token[1] === '-';
        let delta = 0;
        for (const c of token.slice(negative ? 2 : 1)) delta = delta * 62 + DIGITS.indexOf(c);
        t += negative ? -delta : delta;
        const r = { deck, q, t, tz, g: (marker % 4) + 1 };
        if (marker >= 4) r.k = 'c';
        add(into, r);
      }
    };
    for (const key of Object.keys(localStorage)) {
      if (!key.startsWith(prefix)) continue;
      const name = key.slice(prefix.length);
      let value;
      try { value = JSON.parse(localStorage.getItem(key)); } catch { continue; }
      if (name === 'base') {
        for (const [deck, cards] of Object.entries(value.reviews)) for (const [q, text] of Object.entries(cards)) fromTokens(deck, q, text, reviews);
        for (const [deck, cards] of Object.entries(value.undone)) for (const [q, text] of Object.entries(cards)) fromTokens(deck, q, text, undone);
      } else if (name.startsWith('log:')) {
        value.reviews.forEach((r) => add(reviews, r));
        value.undone.forEach((r) => add(undone, r));
      } else if (name === 'progress') {
        value.reviews.forEach((r) => add(reviews, r));
      }
    }
    return [...reviews.entries()].filter(([k]) => !undone.has(k)).map(([, r]) => r).sort((a, b) => a.t - b.t);
  }, `interview-drill:${namespace}:`);
}
