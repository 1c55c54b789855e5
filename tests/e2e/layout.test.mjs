// Question first: on a laptop and on a phone, the first card's question and
// its "Show answer" button are on screen as the page opens, with no
// scrolling, in the practice page and in a default blog embed; the chrome
// around the card stays usable (labelled, 44 px touch targets) and nothing
// scrolls sideways down to 320 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openPage, axeViolations, tabTo } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const PAGES = [
  ['the practice page', ''],
  // One paragraph, then `<div data-interview-drill></div>`, then more text.
  ['a default blog embed', 'pages/default-embed.html'],
];
const VIEWPORTS = [
  ['1280×800', { viewport: { width: 1280, height: 800 } }],
  ['375×667 phone', { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true }],
];

/** Opens `pagePath` and waits for the first card, its fonts and its layout. */
async function openCard(options, pagePath) {
  const opened = await openPage(env, options, { path: pagePath });
  // Playwright's locators pierce the widget's open shadow root.
  const widget = opened.page.locator('[data-interview-drill]').first();
  const heading = widget.getByRole('article').first().getByRole('heading', { level: 3 });
  const reveal = widget.getByRole('button', { name: 'Show answer' });
  await reveal.waitFor();
  await heading.waitFor();
  await opened.page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
  return { ...opened, widget, heading, reveal };
}

/** Fails unless the element's box lies entirely inside the viewport. */
async function assertOnScreen(page, locator, what) {
  const box = await locator.boundingBox();
  const { width, height } = page.viewportSize();
  assert.ok(box, `${what} is rendered`);
  const where = `${what} at x ${Math.round(box.x)}..${Math.round(box.x + box.width)}, y ${Math.round(box.y)}..${Math.round(box.y + box.height)} in ${width}×${height}`;
  assert.ok(box.x >= 0 && box.y >= 0, `${where}: starts off screen`);
  assert.ok(box.x + box.width <= width && box.y + box.height <= height, `${where}: ends below or beside the viewport`);
}

for (const [pageName, pagePath] of PAGES) {
  for (const [viewportName, options] of VIEWPORTS) {
    test(`${pageName} at ${viewportName}: the question and "Show answer" are on screen without scrolling`, async () => {
      const { page, context, errors, heading, reveal } = await openCard(options, pagePath);
      assert.equal(await page.evaluate(() => window.scrollY), 0, 'nothing scrolled the page');
      await assertOnScreen(page, heading, 'the question heading');
      await assertOnScreen(page, reveal, '"Show answer"');
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

test('on a phone the chrome above the card is labelled, 44 px to touch, and passes axe', async () => {
  for (const [[pageName, pagePath], colorScheme] of [[PAGES[0], 'light'], [PAGES[1], 'dark']]) {
    const { page, context, errors, widget } = await openCard({ ...VIEWPORTS[1][1], colorScheme }, pagePath);
    // The topic picker is one labelled select; choosing a topic narrows the queue.
    const topic = widget.getByRole('combobox', { name: 'Topic' });
    assert.match(await topic.locator('option:checked').textContent(), /^All topics \(\d+\)$/);
    // Every control a finger uses before the answer is at least 44 px tall.
    const small = await widget.locator('button, select, summary, textarea').evaluateAll((controls) => controls
      .filter((c) => c.getClientRects().length > 0 && c.getBoundingClientRect().height < 44)
      .map((c) => `${c.tagName.toLowerCase()} "${c.textContent.trim()}" ${c.getBoundingClientRect().height}px`));
    assert.deepEqual(small, [], `controls under 44 px in ${pageName} (${colorScheme})`);
    // The sections stay in one row, scrolled sideways inside the widget.
    const tops = await widget.getByRole('navigation').getByRole('button').evaluateAll((b) => b.map((e) => e.offsetTop));
    assert.equal(new Set(tops).size, 1, 'the section buttons share one row');
    // The blog page is a bare fragment of a post: its own missing h1 is not the widget's.
    const rules = pagePath ? { rules: { 'page-has-heading-one': { enabled: false } } } : {};
    assert.deepEqual(await axeViolations(page, rules), [], `${pageName} on a phone, ${colorScheme}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test("on a phone, Tab brings each section button, focus ring and all, into the row's view", async () => {
  const { page, context, errors, widget } = await openCard({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true }, PAGES[0][1]);
  const row = widget.getByRole('navigation').locator('ul');
  const names = await row.getByRole('button').allTextContents();
  assert.ok(await row.evaluate((ul) => ul.scrollWidth > ul.clientWidth), 'the row is wider than a phone');
  await tabTo(page, `button ${names[0]}`, { max: 3 });
  for (const name of names.slice(1)) {
    await tabTo(page, `button ${name}`, { path: [`button ${name}`] });
    const [view, button] = await Promise.all([row.boundingBox(), row.getByRole('button', { name, exact: true }).boundingBox()]);
    // The ring is 3 px wide, 2 px off the button.
    assert.ok(button.x - 5 >= view.x - 0.5 && button.x + button.width + 5 <= view.x + view.width + 0.5,
      `${name}: ${Math.round(button.x)}..${Math.round(button.x + button.width)} in a row of ${Math.round(view.x)}..${Math.round(view.x + view.width)}`);
  }
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('"About this deck" opens by keyboard and tells how to practise', async () => {
  const { page, context, errors, widget } = await openCard(VIEWPORTS[0][1], PAGES[1][1]);
  const how = widget.getByText(/Keys: Space or Enter shows the answer/);
  assert.equal(await how.isVisible(), false, 'folded at first');
  await widget.locator('summary', { hasText: 'About this deck' }).focus();
  await page.keyboard.press('Enter');
  await how.waitFor();
  assert.match(await widget.getByText(/ questions\. Answer each one/).textContent(), /^\d+ questions/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a topic chosen in the picker narrows the queue', async () => {
  const { context, errors, widget } = await openCard(VIEWPORTS[1][1], PAGES[1][1]);
  const topic = widget.getByRole('combobox', { name: 'Topic' });
  const label = await topic.getByRole('option', { name: /^Queues, retries and async workflows \(\d+\)$/ }).textContent();
  await topic.selectOption({ label });
  await widget.locator('article .idrill-meta', { hasText: 'Queues, retries and async workflows' }).waitFor();
  assert.match(await topic.locator('option:checked').textContent(), /^Queues, retries/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('nothing scrolls sideways at 320 px', async () => {
  for (const [pageName, pagePath] of PAGES) {
    const { page, context, errors } = await openCard({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true }, pagePath);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `${pageName}: no horizontal scrolling`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
