// The practice page as a person uses it: by mouse, by keyboard, with reloads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openPage, axeViolations, storedReviews, nextCard, focusedControl, builtInDeck } from './harness.mjs';

const BANK = builtInDeck().length;
/** New cards a day, by default (core::settings). */
const NEW_PER_DAY = 10;

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const GRADES = ['Again', 'Hard', 'Good', 'Easy'];

async function seenInTotal(page) {
  const region = page.getByRole('region', { name: 'Your progress' });
  return (await region.textContent()).replace(/\s+/g, ' ');
}

test('five cards by mouse and five by keyboard survive a reload', async () => {
  const { page, context, errors } = await openPage(env);
  const seen = [];
  for (let i = 0; i < 5; i++) {
    const prompt = await page.locator('article h3').textContent();
    seen.push(prompt);
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('heading', { name: 'Model answer' }).waitFor();
    await page.getByRole('group', { name: 'How well did you recall it?' })
      .getByRole('button', { name: new RegExp(`^${GRADES[i % 4]}\\b`) }).click();
    await nextCard(page, prompt);
  }
  // Keyboard only: focus returns to "Show answer" after each grade.
  for (let i = 0; i < 5; i++) {
    const prompt = await page.locator('article h3').textContent();
    assert.ok(!seen.includes(prompt), `card repeated: ${prompt}`);
    seen.push(prompt);
    assert.equal(await focusedControl(page), 'button Show answer');
    await page.keyboard.press(i % 2 === 0 ? 'Enter' : 'Space');
    await page.getByRole('heading', { name: 'Model answer' }).waitFor();
    await page.keyboard.press(String((i % 4) + 1));
    await nextCard(page, prompt);
  }
  assert.match(await seenInTotal(page), /Seen today:? ?10/);
  assert.match(await seenInTotal(page), new RegExp(`Seen in total:? ?10 of ${BANK}`));
  await page.reload();
  await page.getByRole('button', { name: 'Show answer' }).waitFor();
  const after = await seenInTotal(page);
  assert.match(after, new RegExp(`Seen in total:? ?10 of ${BANK}`));
  assert.match(after, /Again:? ?4.*Hard:? ?2.*Good:? ?2.*Easy:? ?2/);
  // The ten new cards of the day are used up; the card graded Again first
  // (its one-minute step) is the next due.
  assert.equal(await page.locator('article h3').textContent(), seen[0]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Space reveals from anywhere in the widget, but not from outside it', async () => {
  const { page, context, errors } = await openPage(env);
  // Focus outside the widget: the page scrolls as usual and nothing is revealed.
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  assert.equal(await page.getByRole('heading', { name: 'Model answer' }).count(), 0);
  // Focus on non-interactive widget text: Space reveals, 4 grades Easy.
  await page.locator('article h3').click();
  await page.keyboard.press('Space');
  await page.getByRole('heading', { name: 'Model answer' }).waitFor();
  await page.keyboard.press('4');
  assert.match(await seenInTotal(page), /Easy:? ?1/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a topic filter shows only that topic, then done for today and extra practice', async () => {
  const { page, context, errors } = await openPage(env);
  const topic = page.getByRole('combobox', { name: 'Topic' }).first();
  const label = await topic.getByRole('option', { name: /^Queues, retries and async workflows \(\d+\)$/ }).textContent();
  await topic.selectOption({ label });
  const count = Number(label.match(/\((\d+)\)/)[1]);
  assert.equal(count, builtInDeck().filter((q) => q.topic === 'async-queues').length);
  // Today's queue is the topic's first day of new cards.
  const today = Math.min(count, NEW_PER_DAY);
  for (let i = 0; i < today; i++) {
    const meta = await page.locator('article .idrill-meta').textContent();
    assert.match(meta, new RegExp(`^${today - i} to go`));
    assert.match(meta, /Queues, retries and async workflows/);
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('button', { name: /^Easy · \d+d$/ }).click();
  }
  await page.getByRole('heading', { name: 'Done for today' }).waitFor();
  assert.match(await page.locator('.idrill-done').textContent(), /The next card is due in \d+ days/);
  await page.getByRole('region', { name: 'Done for today' }).getByRole('combobox', { name: 'Difficulty' }).selectOption('2');
  await page.getByRole('button', { name: 'Practise extra' }).click();
  const note = await page.getByRole('note').textContent();
  assert.match(note, /Extra practice · Queues, retries and async workflows · core/);
  assert.match(note, /do not change your schedule/);
  await page.getByRole('button', { name: 'Show answer' }).click();
  // No intervals on the grade buttons: these grades do not schedule.
  await page.getByRole('button', { name: 'Good', exact: true }).click();
  await page.getByRole('button', { name: "Back to today's queue" }).first().click();
  await page.getByRole('heading', { name: 'Done for today' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('axe finds no violations on the start view and on a revealed card', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, context, errors } = await openPage(env, { colorScheme });
    assert.deepEqual(await axeViolations(page), [], `start view, ${colorScheme}`);
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('heading', { name: 'Model answer' }).waitFor();
    for (const summary of await page.locator('summary').all()) await summary.click();
    assert.deepEqual(await axeViolations(page), [], `revealed card, ${colorScheme}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('corrupt stored progress is kept aside and the page still works', async () => {
  const { page, context, errors } = await openPage(env);
  await page.evaluate(() => localStorage.setItem('interview-drill:default:progress', '{"app":"interview-drill", oops'));
  await page.reload();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /Saved progress could not be read/);
  const backups = await page.evaluate(() => Object.keys(localStorage)
    .filter((k) => /^interview-drill:default:backup-\d+:progress$/.test(k))
    .map((k) => localStorage.getItem(k)));
  assert.deepEqual(backups, ['{"app":"interview-drill", oops']);
  assert.match(await alert.textContent(), /interview-drill:default:backup-\d+:progress/);
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByRole('button', { name: /^Hard\b/ }).click();
  assert.equal((await storedReviews(page)).length, 1);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  assert.equal(await page.getByRole('alert').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the layout works at 320 px wide', async () => {
  const { page, context, errors } = await openPage(env, { viewport: { width: 320, height: 640 } });
  await page.getByRole('button', { name: 'Show answer' }).click();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'no horizontal scrolling');
  assert.deepEqual(errors, []);
  await context.close();
});
