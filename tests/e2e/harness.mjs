// Shared set-up for the end-to-end tests: serve dist/ on loopback, drive
// Debian's Chromium with playwright-core, and collect console errors.
import { createServer } from 'node:http';
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import assert from 'node:assert/strict';
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
    // `install` starts the fake clock running from its instant, and
    // `pauseAt` cannot go back: installed at `clock` itself, any millisecond
    // between the two calls made `pauseAt(clock)` fail ("Cannot fast-forward
    // to the past"). Nothing has loaded yet, so nothing observes the day
    // before; `pauseAt` then runs the clock forward to `clock` and stops it.
    await page.clock.install({ time: clock - 24 * 3_600_000 });
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

/**
 * Runs axe-core on the page and returns its violations, summarised.
 *
 * axe-core waits on timers of its own. Under Playwright's fake clock, paused,
 * those never fire; resuming the clock for axe would let the page's time run
 * too (a mock round's "Time used" would drift). So while axe runs, window's
 * timers and clocks are the real ones Playwright's injected clock keeps in
 * `__pwClock.builtins`, and the page's fake time stays where the test put it.
 * The page's own timers were registered with the fake clock and stay there.
 */
export async function axeViolations(page, options = {}) {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async (options) => {
    const real = globalThis.__pwClock?.builtins;
    const names = ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'requestAnimationFrame',
      'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback', 'Date', 'performance'];
    const saved = new Map();
    if (real) {
      for (const name of names) {
        if (real[name] === undefined) continue;
        saved.set(name, window[name]);
        window[name] = real[name];
      }
    }
    try {
      // eslint-disable-next-line no-undef
      const result = await axe.run(document, { resultTypes: ['violations'], ...options });
      return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    } finally {
      for (const [name, value] of saved) window[name] = value;
    }
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

// One DevTools session per page, for its accessibility tree.
const sessions = new WeakMap();

/**
 * The control that has keyboard focus, as Chromium's accessibility tree (what
 * a screen reader reads) names it: "role name", e.g. `button Show answer`.
 * Focus is followed into shadow roots, where the widget renders. "none" when
 * nothing in the page has focus.
 */
export async function focusedControl(page) {
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = await page.context().newCDPSession(page);
    sessions.set(page, cdp);
  }
  const { result } = await cdp.send('Runtime.evaluate', {
    expression: `(() => {
      let element = document.activeElement;
      while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
      return element === document.body ? null : element;
    })()`,
  });
  if (!result.objectId) return 'none';
  try {
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { objectId: result.objectId, fetchRelatives: false });
    const node = nodes[0];
    return `${node?.role?.value ?? 'none'} ${node?.name?.value ?? ''}`.trim();
  } finally {
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  }
}

/**
 * Presses `key` (Tab, or Shift+Tab to go back) until the focused control is
 * `target` ("role name", a string or a RegExp), as a keyboard user would, and
 * returns the stops on the way, the target last. With `path` (strings or
 * RegExps), the stops must be exactly those: a control that drops out of the
 * Tab order, or one that sneaks in, fails the test. Fails after `max` presses.
 */
export async function tabTo(page, target, { path, max = 40, key = 'Tab' } = {}) {
  const same = (stop, want) => (typeof want === 'string' ? stop === want : want.test(stop));
  const stops = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const stop = await focusedControl(page);
    stops.push(stop);
    if (same(stop, target)) {
      if (path && (stops.length !== path.length || !stops.every((s, j) => same(s, path[j])))) {
        assert.fail(`${key} order to ${target}:\n  went ${stops.join(' → ')}\n  want ${path.join(' → ')}`);
      }
      return stops;
    }
  }
  assert.fail(`${key} never reached ${target} in ${max} presses: ${stops.join(' → ')}`);
}

/**
 * The built-in deck as its content files have it, in the order the build
 * compiles them (sorted file names): id, topic, prompt and key point labels.
 * Tests work out what the page must show from this, not from the page.
 */
export function builtInDeck() {
  const dir = path.join(root, 'content', 'backend');
  return readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((file) => {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const keyPoints = text.split('\n## Key points\n')[1].split('\n## ')[0];
    return {
      id: text.match(/^id = "(.+)"$/m)[1],
      topic: text.match(/^topic = "(.+)"$/m)[1],
      // As the learner reads it: code spans and emphasis rendered as text.
      prompt: text.match(/^# (.+)$/m)[1].replace(/`([^`]*)`/g, '$1').replace(/\*{1,2}([^*]+)\*{1,2}/g, '$1'),
      labels: [...keyPoints.matchAll(/^- ([^:\n]+):/gm)].map((m) => m[1]),
    };
  });
}

/**
 * Waits until the practice widget no longer shows the card with this prompt
 * (after a grade): the next card, or none. Reading the next card's prompt
 * before this could read the graded one.
 */
export async function nextCard(page, prompt) {
  await page.waitForFunction((previous) => {
    // The widget renders in a shadow root: look inside it.
    const h3 = document.querySelector('[data-interview-drill]')?.shadowRoot?.querySelector('article h3');
    return !h3 || h3.textContent !== previous;
  }, prompt);
}
