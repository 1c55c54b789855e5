// Browser benchmark: how soon a reader sees the first question, on the built
// site and on a hand-written vanilla floor page, in headless Chromium.
//
//   DIST=dist node benches/first-question.mjs [runs]     (or RUNS=7; default 7)
//
// DIST is the built static folder (default dist/); it is served as it is, so
// file names and layout are not assumed. Subjects, interleaved in each round,
// each load in a fresh browser context (empty cache):
// - vanilla: one card (the built deck's first prompt, a Show answer button and
//   its answer) built at DOMContentLoaded by a small .js and .css, under the
//   CSP `script-src 'self'; style-src 'self'`: the floor to compare with;
// - practice page: DIST/index.html;
// - blog embed: a generated article with one default `[data-interview-drill]`
//   after a short paragraph (as tests/e2e/pages/default-embed.html) and
//   `embed.js`.
// Figures, one table per CPU throttling rate and viewport:
// - median ms: navigation start to the first animation frame in which the
//   question's `article h3` and its "Show answer" button both have a nonzero
//   box fully inside the viewport, no scrolling (rAF resolution, ~16 ms);
//   "not visible" if that has not happened after 15 s;
// - ×vanilla: that median over vanilla's;
// - KB brotli: every response finished (Resource Timing responseEnd, the same
//   clock as the moment above) before that moment, each body brotli-compressed
//   at quality 11 as a CDN would send it (KB = 1,024 bytes); files: how many.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants } from 'node:zlib';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { root } from '../tests/e2e/harness.mjs';

const runs = Number(process.argv[2] ?? process.env.RUNS ?? 7);
const dist = path.resolve(process.env.DIST ?? path.join(root, 'dist'));
const TIMEOUT_MS = 15_000;
const RATES = [1, 4];
const VIEWPORTS = [
  { name: '1280×800', viewport: { width: 1280, height: 800 } },
  { name: '375×667 mobile', viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
];
const SUBJECTS = [
  { name: 'vanilla', path: 'bench/vanilla.html' },
  { name: 'practice page', path: 'index.html' },
  { name: 'blog embed', path: 'bench/blog.html' },
];
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8',
};

/** Serves `dist` and the generated pages (`pages`: path → { body, headers }), never cached. */
function serve(pages) {
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
    const send = (body, headers) => response.writeHead(200, {
      'content-type': TYPES[path.extname(pathname)] || 'application/octet-stream', 'cache-control': 'no-store', ...headers,
    }).end(body);
    if (pages.has(pathname)) return send(pages.get(pathname).body, pages.get(pathname).headers);
    let file = path.join(dist, pathname);
    if (file !== dist && !file.startsWith(dist + path.sep)) return response.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      send(await readFile(file), { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    } catch {
      response.writeHead(404, { 'cache-control': 'no-store' }).end('not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The vanilla floor and the blog article, generated around the built deck's first card. */
function generatedPages(prompt, answer) {
  const csp = { 'content-security-policy': "script-src 'self'; style-src 'self'" };
  const head = (title, extra = '') => `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<title>${title}</title>${extra}</head>`;
  const paragraph = (i) => `<p>Paragraph ${i} of the article. Retries without backoff turn a brief outage into a retry storm;
idempotency keys make a repeated request safe; a queue absorbs bursts at the price of latency. Each choice trades one
failure mode for another, and an interviewer wants to hear which one you picked and why.</p>`;
  return new Map([
    ['/bench/vanilla.html', { headers: csp, body: `${head('Vanilla floor',
      '<link rel="stylesheet" href="vanilla.css"><script src="vanilla.js" defer></script>')}<body><main id="drill"></main></body></html>` }],
    ['/bench/vanilla.css', { headers: csp, body: `body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 42rem; padding: 1rem; }
article { border: 1px solid #ccc; border-radius: 8px; padding: 1rem; }
button { font: inherit; padding: .4rem .9rem; }\n` }],
    // Built at DOMContentLoaded from script data, as a small hand-written widget would.
    ['/bench/vanilla.js', { headers: csp, body: `document.addEventListener('DOMContentLoaded', () => {
  const article = document.createElement('article');
  const heading = document.createElement('h3');
  heading.textContent = ${JSON.stringify(prompt)};
  const answer = document.createElement('p');
  answer.textContent = ${JSON.stringify(answer)};
  answer.hidden = true;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Show answer';
  button.addEventListener('click', () => { answer.hidden = false; button.remove(); });
  article.append(heading, button, answer);
  document.getElementById('drill').append(article);
});\n` }],
    // The shape of tests/e2e/pages/default-embed.html: the widget after a
    // short paragraph, where a post offers a drill before reading on.
    ['/bench/blog.html', { body: `${head('A blog post with a drill')}<body><article>
<p>Interviewers ask how systems behave under load and when they fail. Practise a few questions before reading on.</p>
<div data-interview-drill></div>
${[2, 3, 4, 5, 6, 7, 8].map(paragraph).join('\n')}\n</article>
<script type="module" src="../embed.js"></script></body></html>` }],
  ]);
}

/** Init script (top frame only): resolves `window.__firstQuestion` with the moment, or why not. */
function watchFirstQuestion(timeoutMs) {
  if (window !== window.top) return;
  let done;
  window.__firstQuestion = new Promise((resolve) => { done = resolve; });
  const inView = (r) => r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
  let seen = null; // where the question was while it was out of view, for the report
  const check = () => {
    // The widget's shadow root may be attached at any frame: look again each time.
    const hosts = [...document.querySelectorAll('[data-interview-drill]')].map((h) => h.shadowRoot).filter(Boolean);
    for (const scope of [document, ...hosts]) {
      const heading = scope.querySelector('article h3');
      const button = [...scope.querySelectorAll('button')].find((b) => b.textContent.trim().startsWith('Show answer'));
      if (!heading || !button) continue;
      const [h, b] = [heading.getBoundingClientRect(), button.getBoundingClientRect()];
      if (inView(h) && inView(b)) return done({ t: performance.now() });
      seen = { since: seen?.since ?? performance.now(), h3Top: h.top, buttonBottom: b.bottom, height: innerHeight };
    }
    if (performance.now() > timeoutMs) return done({ t: null, seen });
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

const brotliSizes = new Map(); // content hash → size: quality 11 on the wasm takes seconds
function brotliSize(body) {
  const key = createHash('sha256').update(body).digest('hex');
  if (!brotliSizes.has(key)) {
    brotliSizes.set(key, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length);
  }
  return brotliSizes.get(key);
}

/** One fresh-context load of `subject`: { t (ms or null), seen, bytes, files }. */
async function measure(browser, base, subject, rate, { name, ...options }) {
  const context = await browser.newContext(options);
  try {
    const page = await context.newPage();
    const bodies = new Map(); // url → Promise<Buffer | null>, asked for as each response starts
    page.on('response', (r) => { if (!bodies.has(r.url())) bodies.set(r.url(), r.body().catch(() => null)); });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.addInitScript(watchFirstQuestion, TIMEOUT_MS);
    await page.goto(base + subject.path, { waitUntil: 'commit' });
    // The page gives up by itself after TIMEOUT_MS; a page that never answers is a broken run.
    let timer;
    const hung = new Promise((_, reject) => { timer = setTimeout(reject, TIMEOUT_MS + 15_000, new Error(`${subject.name}: page hung`)); });
    const result = await Promise.race([page.evaluate(() => window.__firstQuestion), hung]).finally(() => clearTimeout(timer));
    // Resource Timing shares performance.now()'s clock, so "finished before" is exact.
    const urls = await page.evaluate((t) => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .filter((e) => t === null || e.responseEnd <= t).map((e) => e.name), result.t);
    let bytes = 0;
    for (const url of urls) {
      const body = await bodies.get(url);
      if (!body) throw new Error(`${subject.name}: no body for ${url}`);
      bytes += brotliSize(body);
    }
    const files = urls.map((u) => new URL(u).pathname.split('/').pop() || 'index.html');
    return { ...result, bytes, files };
  } finally {
    await context.close();
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const pad = (cells, widths) => cells.map((c, i) => (i ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  ');

function report(title, samples) {
  const widths = [14, 12, 9, 10, 6];
  console.log(`\n${title} — median of ${runs} runs`);
  console.log(pad(['subject', 'median ms', '×vanilla', 'KB brotli', 'files'], widths));
  const visible = (name) => samples.get(name).filter((s) => s.t !== null);
  const floor = visible('vanilla').length ? median(visible('vanilla').map((s) => s.t)) : null;
  const notes = [];
  for (const { name } of SUBJECTS) {
    const shown = visible(name);
    const missed = samples.get(name).length - shown.length;
    if (!shown.length) {
      console.log(pad([name, 'not visible', '–', '–', '–'], widths));
      const { seen, bytes, files } = samples.get(name).at(-1);
      notes.push(`  ${name}: never in view without scrolling within ${TIMEOUT_MS / 1000} s; ` + (seen
        ? `question on the page from ${seen.since.toFixed(0)} ms, h3 top ${seen.h3Top.toFixed(0)} px, Show answer bottom ${seen.buttonBottom.toFixed(0)} px, viewport ${seen.height} px high`
        : 'no question with a Show answer button ever appeared')
        + `; loaded meanwhile ${(bytes / 1024).toFixed(1)} KB brotli in ${files.length} files: ${files.join(', ')}`);
      continue;
    }
    const t = median(shown.map((s) => s.t));
    // The run at the median (upper for an even count) names the files.
    const typical = shown.find((s) => s.t === t);
    console.log(pad([name, t.toFixed(1), floor ? (t / floor).toFixed(2) : '–', (median(shown.map((s) => s.bytes)) / 1024).toFixed(1),
      median(shown.map((s) => s.files.length))], widths) + (missed ? `  (${missed}/${samples.get(name).length} runs not visible)` : ''));
    notes.push(`  ${name}: ${typical.files.join(', ')}`);
  }
  console.log('files before the first question (median run):');
  for (const note of notes) console.log(note);
}

let browser;
let server;
try {
  if (!(runs >= 1)) throw new Error(`runs must be a positive number, not ${process.argv[2] ?? process.env.RUNS}`);
  await stat(path.join(dist, 'index.html'));
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const pages = new Map();
  server = await serve(pages);
  const base = `http://127.0.0.1:${server.address().port}/`;

  // The vanilla card copies the built deck's first prompt and model answer, read once.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}index.html`);
  const prompt = (await page.locator('[data-interview-drill] article h3').first().textContent({ timeout: 30_000 })).trim();
  await page.locator('[data-interview-drill] button', { hasText: /^\s*Show answer/ }).first().click();
  const answer = (await page.locator('[data-interview-drill] .idrill-answer p').first().textContent()).trim();
  for (const [key, value] of generatedPages(prompt, answer)) pages.set(key, value);
  // The floor must hold under its strict CSP: a violation would make it an unfair floor.
  const violations = [];
  page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text()); });
  await page.goto(`${base}bench/vanilla.html`);
  await page.getByRole('button', { name: 'Show answer' }).click();
  if (violations.length || !(await page.getByText(answer).isVisible())) throw new Error(`vanilla page broken: ${violations.join('; ')}`);
  await context.close();

  console.log(`first question on screen, headless ${browser.version()}, DIST=${dist}`);
  console.log(`prompt: "${prompt}"`);
  for (const rate of RATES) {
    for (const viewport of VIEWPORTS) {
      const samples = new Map(SUBJECTS.map((s) => [s.name, []]));
      for (let round = 0; round < runs; round++) {
        for (const subject of SUBJECTS) samples.get(subject.name).push(await measure(browser, base, subject, rate, viewport));
      }
      report(`CPU ${rate}× slower, ${viewport.name}`, samples);
    }
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await browser?.close();
  server?.close();
}
