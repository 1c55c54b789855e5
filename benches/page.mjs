// Browser benchmark of the built page (run `make build` first): how long the
// learner waits, measured inside headless Chromium with performance.now().
//
//   node benches/page.mjs [runs]
//
// Each figure is the median of `runs` fresh pages (default 10):
// - first card: navigation start to the first question on screen;
// - reveal: "Show answer" clicked to the model answer on screen;
// - grade: a grade clicked to the next question on screen;
// - check: "Check my answer" on a 3,000-character answer to the coach's feedback;
// - deck link: navigation start to the first card of a 20-question shared deck.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { start, root } from '../tests/e2e/harness.mjs';

const runs = Number(process.argv[2] ?? 10);
const deckLink = readFileSync(path.join(root, 'tests', 'fixtures', 'share', 'deck-medium.link'), 'utf8').trim();

/** In the page: the time until `selector` exists in the widget's shadow root. */
const AWAIT_IN_WIDGET = `
window.__idrillWait = (selector, since) => new Promise((resolve) => {
  const check = () => {
    const host = document.querySelector('[data-interview-drill]');
    const found = host?.shadowRoot?.querySelector(selector);
    if (found) resolve(performance.now() - since); else requestAnimationFrame(check);
  };
  check();
});`;

async function measure(env, fragment = '') {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(AWAIT_IN_WIDGET);
  await page.goto(`${env.base}index.html${fragment}`);
  const first = await page.evaluate(() => window.__idrillWait('article h3', 0));
  if (fragment) {
    await context.close();
    return { deck: first };
  }
  const click = (name) => page.evaluate((label) => {
    const rootNode = document.querySelector('[data-interview-drill]').shadowRoot;
    const button = [...rootNode.querySelectorAll('button')].find((b) => b.textContent.trim().startsWith(label));
    const since = performance.now();
    button.click();
    return since;
  }, name);
  let since = await click('Show answer');
  const reveal = await page.evaluate((s) => window.__idrillWait('.idrill-answer', s), since);
  const prompt = await page.evaluate(() => document.querySelector('[data-interview-drill]').shadowRoot.querySelector('article h3').textContent);
  since = await click('Good');
  const grade = await page.evaluate(([s, p]) => new Promise((resolve) => {
    const check = () => {
      const h3 = document.querySelector('[data-interview-drill]').shadowRoot.querySelector('article h3');
      if (h3 && h3.textContent !== p) resolve(performance.now() - s); else requestAnimationFrame(check);
    };
    check();
  }), [since, prompt]);
  const answer = 'The failure mode is a retry storm; the trade-off is latency against cost. '.repeat(40);
  await page.getByRole('textbox', { name: 'Your answer' }).fill(answer);
  since = await click('Check my answer');
  const check = await page.evaluate((s) => window.__idrillWait('.idrill-feedback', s), since);
  await context.close();
  return { first, reveal, grade, check };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const env = await start();
const samples = { first: [], reveal: [], grade: [], check: [], deck: [] };
for (let i = 0; i < runs; i++) {
  for (const [key, value] of Object.entries(await measure(env))) samples[key].push(value);
  samples.deck.push((await measure(env, deckLink)).deck);
}
await env.close();
const rows = [
  ['first card on screen (page load)', samples.first],
  ['reveal the answer', samples.reveal],
  ['grade, next card on screen', samples.grade],
  ['coach feedback on a 3,000-character answer', samples.check],
  ['first card of a 20-question deck link', samples.deck],
];
console.log(`median of ${runs} fresh pages, headless Chromium`);
for (const [name, values] of rows) console.log(`${name.padEnd(46)} ${median(values).toFixed(1).padStart(7)} ms`);
