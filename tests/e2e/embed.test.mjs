// Embedding on a hostile blog page under a strict Content-Security-Policy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import { start, openPage, axeViolations, builtInDeck } from './harness.mjs';

/** The caching topic's questions. */
const CACHING = builtInDeck().filter((q) => q.topic === 'data-caching').length;
/** New cards a day, shared by every widget of a site (core::settings). */
const NEW_PER_DAY = 10;

const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const NO_WASM = "default-src 'self'; script-src 'self'; style-src 'self'";

let env;
before(async () => {
  env = await start({
    // The strict policy for the pages that embed the widget directly.
    headers: (pathname, params) => (/^\/examples\/(blog|plain)\.html$/.test(pathname)
      ? { 'content-security-policy': params.has('nowasm') ? NO_WASM : STRICT }
      : {}),
  });
});
after(async () => { await env?.close(); });

/** A widget's progress line, as read: "Seen today 1 Seen in total 1 of 9 Again 0 ...". */
async function progress(widget) {
  return (await widget.getByRole('region', { name: /^Your progress/ }).innerText()).replace(/\s+/g, ' ').trim();
}

async function open(pagePath, { width = 1280 } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(env.base + pagePath);
  return { context, page, errors };
}

/**
 * Share of pixels of `a` with no close match in `b` at the same place or one
 * pixel around it: the two pages place the widget at different sub-pixel
 * offsets, which moves anti-aliased text edges by a fraction of a pixel.
 */
function difference(a, b) {
  const [x, y] = [PNG.sync.read(a), PNG.sync.read(b)];
  const width = Math.min(x.width, y.width);
  const height = Math.min(x.height, y.height);
  if (Math.abs(x.width - y.width) > 1 || Math.abs(x.height - y.height) > 1) return 1;
  const at = (img, px, py) => (py * img.width + px) * 4;
  let differing = 0;
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      const i = at(x, px, py);
      let best = Infinity;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const [qx, qy] = [px + dx, py + dy];
          if (qx < 0 || qy < 0 || qx >= width || qy >= height) continue;
          const j = at(y, qx, qy);
          best = Math.min(best, Math.abs(x.data[i] - y.data[j]) + Math.abs(x.data[i + 1] - y.data[j + 1]) + Math.abs(x.data[i + 2] - y.data[j + 2]));
        }
      }
      if (best > 96) differing += 1;
    }
  }
  return differing / (width * height);
}

test('three widgets on a hostile blog page render, work and stay apart', async () => {
  const wasmRequestsBefore = [...env.requests].filter(([p]) => p.endsWith('.wasm')).reduce((n, [, c]) => n + c, 0);
  const { context, page, errors } = await open('examples/blog.html');
  const caching = page.locator('#caching');
  await caching.getByRole('heading', { name: 'Caching drill' }).waitFor();
  for (const id of ['#queues', '#typo']) {
    await page.locator(id).scrollIntoViewIfNeeded();
    await page.locator(id).getByRole('button', { name: 'Show answer' }).waitFor();
  }
  // Each widget mounted once, despite the script twice.
  const roots = await page.evaluate(() => [...document.querySelectorAll('[data-interview-drill]')]
    .map((el) => el.shadowRoot?.querySelectorAll('.idrill').length ?? 0));
  assert.deepEqual(roots, [1, 1, 1]);
  // Options: topics, difficulty, number of questions, theme, title.
  assert.match(await caching.locator('.idrill-meta').textContent(), /Databases and caching trade-offs/);
  assert.match(await page.locator('#queues .idrill-meta').textContent(), /^3 to go.*Queues, retries.*Difficulty: Core/);
  assert.ok(await page.locator('#queues .idrill').evaluate((e) => e.classList.contains('idrill-theme-dark')));
  const note = page.locator('#typo').getByRole('note', { name: 'Embed settings' });
  assert.match(await note.textContent(), /data-theme="purple" is not valid; allowed: light, dark, auto\. Using the default\./);
  // They work, and progress is shared while UI state is not.
  await caching.getByRole('button', { name: 'Show answer' }).click();
  await caching.getByRole('button', { name: /^Good · / }).click();
  await page.locator('#queues').getByRole('button', { name: 'Show answer' }).click();
  assert.equal(await page.locator('#typo').getByRole('heading', { name: 'Model answer' }).count(), 0, 'each widget keeps its own state');
  await page.locator('#queues').getByRole('button', { name: /^Easy · / }).click();
  assert.match(await page.locator('#queues .idrill-meta').textContent(), /^2 to go/);
  // Keys reach a widget only while focus is inside it.
  await page.locator('#typo .idrill h3').click();
  await page.keyboard.press('Space');
  await page.locator('#typo').getByRole('heading', { name: 'Model answer' }).waitFor();
  assert.equal(await caching.getByRole('heading', { name: 'Model answer' }).count(), 0);
  // A widget added after load is mounted too; on the caching widget's topic,
  // it starts from the progress already made there.
  await page.evaluate(() => {
    const div = document.createElement('div');
    div.id = 'late';
    div.dataset.interviewDrill = '';
    div.dataset.topics = 'data-caching';
    document.querySelector('main').append(div);
  });
  const late = page.locator('#late');
  await late.scrollIntoViewIfNeeded();
  await late.getByRole('button', { name: 'Show answer' }).waitFor();
  assert.match(await progress(late), new RegExp(`^Seen today 1 Seen in total 1 of ${CACHING} .*Good 1`));
  assert.match(await late.locator('.idrill-meta').textContent(), // Two new cards were seen today on the page before this one.
    new RegExp(`^${Math.min(CACHING - 1, NEW_PER_DAY - 2)} to go`));
  // Progress made in one widget reaches the others on the page as it is made:
  // a grade in the late widget shows in the caching widget's figures and queue.
  const toGo = async (widget) => Number((await widget.locator('.idrill-meta').textContent()).match(/^(\d+) to go/)[1]);
  const cachingBefore = await toGo(caching);
  await late.getByRole('button', { name: 'Show answer' }).click();
  await late.getByRole('button', { name: /^Good · / }).click();
  await caching.getByRole('region', { name: /^Your progress/ }).filter({ hasText: /Seen today:? ?2(?!\d)/ }).waitFor();
  assert.match(await progress(caching), new RegExp(`^Seen today 2 Seen in total 2 of ${CACHING} .*Good 2`));
  // The card the late widget graded has left the caching widget's queue.
  assert.equal(await toGo(caching), cachingBefore - 1);
  // Figures count a widget's own questions: the queues widget has its one Easy.
  assert.match(await progress(page.locator('#queues')), /^Seen today 1 Seen in total 1 of \d+ .*Easy 1/);
  // One namespaced global, the wasm fetched once, no console noise.
  const globals = await page.evaluate(() => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const baseline = new Set(Object.keys(frame.contentWindow));
    frame.remove();
    return Object.keys(window).filter((k) => !baseline.has(k));
  });
  assert.deepEqual(globals, ['InterviewDrill']);
  const wasmRequests = [...env.requests].filter(([p]) => p.endsWith('.wasm')).reduce((n, [, c]) => n + c, 0);
  // The first-paint module and the drill part, each once.
  assert.equal(wasmRequests - wasmRequestsBefore, 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the host page keeps its own styles and keys', async () => {
  const { context, page, errors } = await open('examples/blog.html');
  await page.locator('#caching').getByRole('button', { name: 'Show answer' }).waitFor();
  const host = await page.evaluate(() => {
    const style = (selector) => {
      const s = getComputedStyle(document.querySelector(selector));
      return { color: s.color, fontSize: s.fontSize, transform: s.textTransform, padding: s.paddingTop };
    };
    return {
      filler: style('p.filler'),
      heading: style('h1'),
      documentSheets: document.adoptedStyleSheets.length,
      styleSheets: document.styleSheets.length,
    };
  });
  assert.deepEqual(host.filler, { color: 'rgb(255, 0, 0)', fontSize: '30px', transform: 'uppercase', padding: '0px' });
  assert.equal(host.heading.color, 'rgb(255, 0, 0)');
  assert.equal(host.documentSheets, 0, 'no stylesheet added to the host document');
  assert.equal(host.styleSheets, 1, 'only the host page\'s own stylesheet');
  // Space and PageDown with focus outside the widgets still scroll the page.
  await page.locator('h1').click();
  const before = await page.evaluate(() => window.scrollY);
  await page.keyboard.press('PageDown');
  await page.waitForFunction((y) => window.scrollY > y, before);
  const afterPageDown = await page.evaluate(() => window.scrollY);
  await page.keyboard.press('Space');
  await page.waitForFunction((y) => window.scrollY > y, afterPageDown);
  assert.equal(await page.locator('#caching').getByRole('heading', { name: 'Model answer' }).count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a widget looks the same on the hostile page as on a plain page', async () => {
  const shots = [];
  for (const pagePath of ['examples/blog.html', 'examples/plain.html']) {
    const { context, page, errors } = await open(pagePath);
    const widget = page.locator('#caching .idrill');
    await page.locator('#caching').getByRole('button', { name: 'Show answer' }).waitFor();
    shots.push(await widget.screenshot({ animations: 'disabled', caret: 'hide' }));
    assert.deepEqual(errors, []);
    await context.close();
  }
  const share = difference(shots[0], shots[1]);
  assert.ok(share < 0.005, `${(share * 100).toFixed(2)}% of pixels differ`);
});

test('at 320 px the embedded widget fits', async () => {
  const { context, page, errors } = await open('examples/plain.html', { width: 320 });
  await page.locator('#caching').getByRole('button', { name: 'Show answer' }).click();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('where the page forbids WebAssembly, each widget says so', async () => {
  const { context, page } = await open('examples/blog.html?nowasm');
  const alert = page.locator('#caching').getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /cannot run here: this page does not allow WebAssembly/);
  await context.close();
});

test('in an iframe, the height follows the content, only on the widget\'s word', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1024, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The blog is on another origin than the widget, as in real life.
  await page.goto(env.base.replace('127.0.0.1', 'localhost') + 'examples/iframe.html');
  const frame = page.frameLocator('iframe[data-interview-drill-frame]');
  await frame.getByRole('button', { name: 'Show answer' }).waitFor();
  const iframe = page.locator('iframe[data-interview-drill-frame]');
  await page.waitForFunction(() => Number(document.querySelector('iframe').height) > 400);
  const closed = Number(await iframe.getAttribute('height'));
  assert.match(await frame.locator('.idrill-meta').textContent(), /Queues, retries/);
  await frame.getByRole('button', { name: 'Show answer' }).click();
  await page.waitForFunction((h) => Number(document.querySelector('iframe').height) > h + 200, closed);
  const open = Number(await iframe.getAttribute('height'));
  const content = await frame.locator('html').evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
  assert.ok(Math.abs(open - content) <= 1, `iframe ${open}px, content ${content}px`);
  // A message from anyone else (here the host page itself) changes nothing.
  // Every height the frame is given from now on is recorded; the widget's
  // own next message (grading folds the answer away) comes after the forged
  // one, so once the frame follows it, the forged one has had its turn.
  await page.evaluate(() => {
    const iframe = document.querySelector('iframe');
    window.heightsGiven = [];
    new MutationObserver(() => window.heightsGiven.push(iframe.height)).observe(iframe, { attributeFilter: ['height'] });
    window.postMessage({ type: 'interview-drill:height', height: 50 }, '*');
  });
  await frame.getByRole('button', { name: /^Good · / }).click();
  await page.waitForFunction((h) => Number(document.querySelector('iframe').height) < h - 200, open);
  const given = await page.evaluate(() => window.heightsGiven);
  assert.ok(given.length > 0 && !given.includes('50'), `heights given: ${given}`);
  const folded = await frame.locator('html').evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
  assert.ok(Math.abs(Number(await iframe.getAttribute('height')) - folded) <= 1, 'the frame follows the widget down');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the practice page generates a snippet with a live preview, and it works', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1024, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(env.base);
  const generator = page.locator('[data-interview-drill-generator]');
  // The generator is the full build's: it loads when the learner opens it
  // (once the drill above has drawn its card and stopped moving the page).
  await page.getByRole('button', { name: 'Show answer' }).waitFor();
  await page.getByText('Put a drill on your blog', { exact: true }).click();
  await generator.getByRole('heading', { name: 'Embed a drill on your blog' }).waitFor();
  assert.equal(await generator.getByRole('combobox', { name: 'Difficulty' }).inputValue(), '');
  await generator.getByRole('checkbox', { name: 'Queues, retries and async workflows' }).check();
  await generator.getByRole('combobox', { name: 'Difficulty' }).selectOption('2');
  await generator.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await generator.getByRole('spinbutton', { name: 'Questions per session' }).fill('3');
  await generator.getByRole('spinbutton', { name: 'Questions per session' }).press('Tab');
  const snippet = await generator.getByLabel('Embed snippet').textContent();
  assert.equal(snippet, `<div data-interview-drill data-topics="async-queues" data-difficulty="core" data-questions="3" data-theme="dark"></div>\n<script type="module" src="${env.base}embed.js"></script>`);
  await generator.getByRole('button', { name: 'Copy snippet' }).click();
  await generator.getByText('Snippet copied to the clipboard.').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet);
  // The live preview follows the choices.
  await generator.getByRole('button', { name: 'Show preview' }).click();
  const preview = generator.getByRole('region', { name: 'Preview' });
  assert.match(await preview.locator('.idrill-meta').textContent(), /^3 to go.*Queues, retries.*Core/);
  // The iframe snippet carries the same options.
  await generator.getByRole('radio', { name: /^Iframe/ }).check();
  assert.match(await generator.getByLabel('Embed snippet').textContent(), /embed\.html\?topics=async-queues&amp;difficulty=core&amp;questions=3&amp;theme=dark"/);
  // The snippet, pasted into a page, gives the same widget.
  const pasted = await context.newPage();
  await pasted.setContent(`<!doctype html><html lang="en"><head><title>Pasted</title></head><body><main>${snippet}</main></body></html>`);
  await pasted.getByRole('button', { name: 'Show answer' }).waitFor();
  assert.match(await pasted.locator('.idrill-meta').textContent(), /^3 to go.*Queues, retries.*Core/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('data-mode="typed" leads with the answer box; data-mode="mock" opens the round set-up', async () => {
  const { page, context, errors } = await openPage(env, {}, { path: 'pages/modes.html' });
  const typed = page.locator('#typed');
  await typed.getByRole('textbox', { name: 'Your answer' }).waitFor();
  const buttons = await typed.locator('article .idrill-actions button').allTextContents();
  assert.deepEqual(buttons.slice(0, 2), ['Check my answer', 'Show answer'], 'checking leads');
  assert.match(await typed.locator('article .idrill-actions button.idrill-primary').textContent(), /Check my answer/);

  const mock = page.locator('#mock');
  await mock.getByRole('heading', { name: 'Mock round' }).waitFor();
  assert.equal(await mock.getByRole('spinbutton', { name: 'Questions' }).inputValue(), '3');
  assert.equal(await mock.getByRole('button', { name: 'Mock round', exact: true }).getAttribute('aria-pressed'), 'true');
  // Two widgets on one page: each names its landmarks after what it drills.
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});
