// Shared set-up for the end-to-end tests: serve dist/ on loopback, drive
// Debian's Chromium with playwright-core, and collect console errors.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';
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

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForServer(url) {
  for (let i = 0; i < 100; i++) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not start`);
}

/** Starts a static server for dist/ and a browser. Call `close()` when done. */
export async function start() {
  const port = await freePort();
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dist], {
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}/`;
  await waitForServer(base);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return {
    base,
    browser,
    async close() {
      await browser.close();
      server.kill();
    },
  };
}

/**
 * A fresh page (own storage) that records console errors and page errors.
 * With `clock`, time is faked from that instant and stands still until the
 * test moves it.
 */
export async function openPage(env, options = {}, { clock } = {}) {
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
  await page.goto(env.base);
  await page.getByRole('heading', { level: 2, name: 'Backend engineer interview' }).waitFor();
  return { page, context, errors };
}

const axeSource = readFileSync(path.join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Runs axe-core on the page and returns its violations, summarised. */
export async function axeViolations(page) {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
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
    const fromTokens = (deck, q, text, into) => {
      let tz = 0;
      let t = 0;
      for (const token of text.split(',').filter(Boolean)) {
        if (token[0] === 'z') { tz = Number(token.slice(1)); continue; }
        const code = Number(token[0]);
        t += parseInt(token.slice(1), 36);
        const r = { deck, q, t, tz, g: code > 4 ? code - 4 : code };
        if (code > 4) r.k = 'c';
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
        value.reviews.forEach((r) => add(reviews, { ...r, t: Math.floor(r.t / 1000) }));
      }
    }
    return [...reviews.entries()].filter(([k]) => !undone.has(k)).map(([, r]) => r).sort((a, b) => a.t - b.t);
  }, `interview-drill:${namespace}:`);
}
