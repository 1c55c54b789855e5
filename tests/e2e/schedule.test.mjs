// Spaced repetition in the built page, with Playwright's fake clock, checked
// against ts-fsrs (the reference the core's fixtures come from).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fsrs, generatorParameters, createEmptyCard } from 'ts-fsrs';
import { start, openPage, storedReviews } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const T0 = new Date('2026-03-02T09:00:00Z');
const HOUR = 3_600_000;
const scheduler = fsrs(generatorParameters({
  request_retention: 0.9,
  maximum_interval: 365,
  enable_fuzz: false,
  enable_short_term: true,
  learning_steps: ['1m', '10m'],
  relearning_steps: ['10m'],
}));

/** The page's interval labels: 1m, 6m, 3h, 8d, 2.5mo, 1.2y. */
function label(ms) {
  const minutes = Math.floor((Math.max(ms, 0) + 30_000) / 60_000);
  if (minutes < 60) return `${Math.max(minutes, 1)}m`;
  const hours = Math.floor((minutes + 30) / 60);
  if (hours < 24) return `${hours}h`;
  const days = Math.floor((hours + 12) / 24);
  if (days < 31) return `${days}d`;
  const [tenths, unit] = days < 365 ? [Math.floor((days * 100 + 152) / 304), 'mo'] : [Math.floor((days * 10 + 182) / 365), 'y'];
  return tenths % 10 === 0 ? `${tenths / 10}${unit}` : `${Math.floor(tenths / 10)}.${tenths % 10}${unit}`;
}

/** What ts-fsrs says each grade would give this card now, given its stored history. */
async function expectedLabels(page, questionId) {
  const reviews = await storedReviews(page);
  const now = await page.evaluate(() => Date.now());
  let card = createEmptyCard(new Date(now));
  for (const r of reviews.filter((r) => r.q === questionId && r.k !== 'c')) {
    card = scheduler.next(card, new Date(r.t), r.g).card;
  }
  const preview = scheduler.repeat(card, new Date(now));
  return [1, 2, 3, 4].map((g) => label(preview[g].card.due.getTime() - now));
}

async function gradeLabels(page) {
  const names = await page.getByRole('group', { name: 'How well did you recall it?' }).getByRole('button').allTextContents();
  return names.map((n) => n.replace(/\d$/, '').split(' · ')[1]);
}

async function currentQuestionId(page) {
  return page.locator('article h3').evaluate((h) => h.id.replace(/^idrill-q-/, ''));
}

test('the queue follows the schedule across a reload and three days', async () => {
  const { page, context, errors } = await openPage(env, {}, { clock: T0 });
  const easy = [];
  const hard = [];
  for (let i = 0; i < 10; i++) {
    const id = await currentQuestionId(page);
    await page.getByRole('button', { name: 'Show answer' }).click();
    assert.deepEqual(await gradeLabels(page), await expectedLabels(page, id), `card ${i}`);
    const grade = i % 2 === 0 ? 'Easy' : 'Hard';
    await page.getByRole('button', { name: new RegExp(`^${grade} · `) }).click();
    (grade === 'Easy' ? easy : hard).push(id);
    await page.clock.fastForward(20_000);
  }
  // The day's ten new cards are used up; the Hard cards wait on their
  // six-minute step and come back within the learn-ahead window.
  await page.reload();
  await page.getByRole('button', { name: 'Show answer' }).waitFor();
  assert.match(await page.locator('.idrill-mode').textContent(), /0 due · 0 new/);
  assert.ok(hard.includes(await currentQuestionId(page)));

  // Three days on: the five Hard cards are due (overdue learning steps) and
  // come first; the Easy ones (8 days) are not; ten new cards are allowed again.
  await page.clock.fastForward(72 * HOUR);
  await page.reload();
  await page.getByRole('button', { name: 'Show answer' }).waitFor();
  assert.match(await page.locator('.idrill-mode').textContent(), /5 due · 10 new/);
  const shown = [];
  for (let i = 0; i < 5; i++) {
    const id = await currentQuestionId(page);
    shown.push(id);
    await page.getByRole('button', { name: 'Show answer' }).click();
    assert.deepEqual(await gradeLabels(page), await expectedLabels(page, id), `due card ${i}`);
    await page.getByRole('button', { name: /^Good · / }).click();
  }
  assert.deepEqual([...shown].sort(), [...hard].sort());
  assert.ok(!easy.includes(await currentQuestionId(page)), 'the Easy cards are not due yet');

  // Eight days after the first session the Easy cards are due again, along
  // with the Hard ones still on their learning steps; new cards wait.
  await page.clock.fastForward(120 * HOUR);
  await page.reload();
  await page.getByRole('button', { name: 'Show answer' }).waitFor();
  assert.match(await page.locator('.idrill-mode').textContent(), /10 due · 10 new/);
  const due = [];
  for (let i = 0; i < 10; i++) {
    const id = await currentQuestionId(page);
    due.push(id);
    await page.getByRole('button', { name: 'Show answer' }).click();
    assert.deepEqual(await gradeLabels(page), await expectedLabels(page, id), `day 8, card ${i}`);
    await page.getByRole('button', { name: /^Easy · / }).click();
  }
  assert.deepEqual([...due].sort(), [...easy, ...hard].sort());
  assert.deepEqual(errors, []);
  await context.close();
});

test('undo restores the card and the stored history, by button and by key', async () => {
  const { page, context, errors } = await openPage(env, {}, { clock: T0 });
  const first = await currentQuestionId(page);
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByRole('button', { name: /^Good · / }).click();
  assert.equal((await storedReviews(page)).length, 1);
  await page.getByRole('button', { name: 'Undo last grade' }).click();
  assert.equal(await currentQuestionId(page), first);
  await page.getByRole('heading', { name: 'Model answer' }).waitFor();
  assert.equal((await storedReviews(page)).length, 0);
  // Keyboard: grade with 4, undo with u.
  await page.keyboard.press('4');
  assert.notEqual(await currentQuestionId(page), first);
  await page.keyboard.press('u');
  assert.equal(await currentQuestionId(page), first);
  assert.equal((await storedReviews(page)).length, 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('statistics show topics, streak and a seven-day forecast; settings change intervals', async () => {
  const { page, context, errors } = await openPage(env, {}, { clock: T0 });
  for (let i = 0; i < 3; i++) {
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('button', { name: /^Easy · / }).click();
  }
  await page.getByRole('button', { name: 'Statistics' }).click();
  const table = page.getByRole('table', { name: 'Cards by topic' });
  // Statistics live in the full build: wait for the hand-over to draw them.
  await table.getByRole('row').nth(5).waitFor();
  const rows = await table.getByRole('row').allTextContents();
  assert.equal(rows.length, 6, 'a header and five topics');
  assert.ok(rows.slice(1).some((r) => /100%$/.test(r)), `recall now is 100% right after review: ${rows}`);
  assert.match(await page.locator('.idrill-stats').textContent(), /Reviews today: 3\. Streak: 1 day\./);
  const forecast = await page.getByRole('list', { name: 'Due in the next 7 days' }).getByRole('listitem').allTextContents();
  assert.equal(forecast.length, 7);
  assert.ok(forecast.every((f) => /0 cards$/.test(f)), `Easy on a new card is due in 8 days: ${forecast}`);

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('spinbutton', { name: 'Desired retention (%)' }).fill('97');
  await page.getByRole('spinbutton', { name: 'Desired retention (%)' }).press('Tab');
  await page.getByRole('button', { name: 'Statistics' }).click();
  const after = await page.getByRole('list', { name: 'Due in the next 7 days' }).getByRole('listitem').allTextContents();
  assert.ok(after.some((f) => /[1-9]\d* cards?$/.test(f)), `at 97% the cards come back within a week: ${after}`);
  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  assert.equal(await page.getByRole('spinbutton', { name: 'Desired retention (%)' }).inputValue(), '97');
  assert.deepEqual(errors, []);
  await context.close();
});
