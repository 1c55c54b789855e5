// Timed mock rounds and the prep plan in the built page, with Playwright's
// fake clock: a three-question round where one question times out and the
// page is reloaded in the middle, its report and the history of rounds; an
// interview date three days out and the plan's first item opening its drill.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openPage, axeViolations, storedReviews } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const T0 = Date.parse('2026-03-02T09:00:00Z');
const DAY = 86_400_000;

const ANSWER = `I would require an idempotency key from the client and store the first result
behind it, so a retry returns the same outcome. The failure mode is a retry storm that doubles
charges; the trade-off is the storage and the expiry of keys.`;

/** axe-core waits on timers of its own: let the clock run for it, then stop it again. */
async function axeClean(page, what) {
  await page.clock.resume();
  assert.deepEqual(await axeViolations(page), [], what);
  const now = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(now + 1000);
}

function timer(page) {
  return page.getByRole('timer', { name: 'Time left' });
}

async function live(page) {
  return page.locator('[aria-live="polite"]').first().textContent();
}

async function stored(page, key) {
  return page.evaluate((k) => localStorage.getItem(`interview-drill:default:${k}`), key);
}

/** Sets up a round of `count` questions, `minutes` each, from a fixed seed. */
async function setUp(page, { count, minutes, seed = 42 }) {
  await page.getByRole('button', { name: 'Mock round' }).click();
  await page.getByRole('heading', { name: 'Mock round' }).waitFor();
  await page.getByRole('spinbutton', { name: 'Questions', exact: true }).fill(String(count));
  await page.getByRole('spinbutton', { name: 'Questions', exact: true }).press('Tab');
  await page.getByRole('spinbutton', { name: 'Minutes per question' }).fill(String(minutes));
  await page.getByRole('spinbutton', { name: 'Minutes per question' }).press('Tab');
  await page.getByRole('spinbutton', { name: 'Seed' }).fill(String(seed));
  await page.getByRole('spinbutton', { name: 'Seed' }).press('Tab');
  await page.getByText(`This round: ${count} questions, ${count * minutes} minutes in all.`).waitFor();
}

test('a three-question round: a time-out, a reload in the middle, the report and its history', async () => {
  const { page, context, errors } = await openPage(env, { timezoneId: 'UTC' }, { clock: T0 });
  await setUp(page, { count: 3, minutes: 2 });
  await axeClean(page, 'set-up');

  await page.getByRole('button', { name: 'Start the round' }).click();
  await page.getByText('Mock round · question 1 of 3').waitFor();
  assert.equal(await timer(page).textContent(), '2:00');
  assert.match(await live(page), /Mock round started: 3 questions, 6 minutes in all/);
  const prompts = [await page.locator('.idrill-mock h3').textContent()];
  await page.getByRole('textbox', { name: 'Your answer' }).fill(ANSWER);
  await page.clock.fastForward(30_000);
  await page.getByText('1:30', { exact: true }).waitFor();
  await axeClean(page, 'running round');
  await page.getByRole('button', { name: 'Next question' }).click();

  // Question 2: a partial answer, the one-minute warning, then a reload.
  await page.getByText('Mock round · question 2 of 3').waitFor();
  prompts.push(await page.locator('.idrill-mock h3').textContent());
  assert.notEqual(prompts[1], prompts[0]);
  await page.getByRole('textbox', { name: 'Your answer' }).fill('A cache in front of the database.');
  await page.clock.fastForward(65_000);
  await page.getByText('0:55', { exact: true }).waitFor();
  await page.getByText(/^One minute left: wrap up/).waitFor();
  assert.equal(await live(page), 'One minute left on this question.');
  await page.clock.fastForward(5_000);
  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'Backend engineer interview' }).waitFor();

  // Back where it was, with the time already used (70 s of 2 minutes).
  await page.getByText('Mock round · question 2 of 3').waitFor();
  assert.equal(await page.locator('.idrill-mock h3').textContent(), prompts[1]);
  assert.equal(await timer(page).textContent(), '0:50');
  assert.equal(await page.getByRole('textbox', { name: 'Your answer' }).inputValue(), 'A cache in front of the database.');

  // The time runs out: the answer is kept and the round moves on.
  await page.clock.fastForward(51_000);
  await page.getByText('Mock round · question 3 of 3').waitFor();
  assert.match(await live(page), /^Time is up\. Your answer was kept\. Question 3 of 3/);
  prompts.push(await page.locator('.idrill-mock h3').textContent());
  assert.equal(await page.getByRole('textbox', { name: 'Your answer' }).inputValue(), '', 'a fresh box');

  // Pause and resume; one follow-up with two more minutes.
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByText(/^Paused: the clock is stopped/).waitFor();
  await page.clock.fastForward(300_000);
  assert.equal(await timer(page).textContent(), '2:00', 'paused time does not count');
  await page.getByRole('button', { name: 'Resume' }).click();
  await page.getByRole('button', { name: 'Ask me a follow-up (+2 min)' }).click();
  await page.getByRole('heading', { name: 'The interviewer follows up' }).waitFor();
  assert.equal(await timer(page).textContent(), '4:00');
  assert.equal(await page.getByRole('button', { name: /Ask me a follow-up/ }).count(), 0, 'one follow-up per question');
  await page.getByRole('textbox', { name: 'Your follow-up answer' }).fill('I would bound it with a timeout and retry with backoff.');
  await page.getByRole('textbox', { name: 'Your answer' }).fill('I would measure first.');
  await page.clock.fastForward(20_000);
  await page.getByRole('button', { name: 'Finish the round' }).click();

  // The report.
  const report = page.getByRole('region', { name: 'Round report' });
  await report.waitFor();
  const text = (await report.textContent()).replace(/\s+/g, ' ');
  assert.match(text, /Score: \d+ out of 100/);
  assert.match(text, /3 questions · all topics · 2 min each · typed · seed 42/);
  assert.match(text, /Time used: 0:3\d of 2:00/, 'about 30 s (axe let the clock run briefly)');
  assert.match(text, /Time used: 2:00 of 2:00, timed out/);
  assert.match(text, /Time used: 0:20 of 4:00/);
  assert.match(text, /Follow-up: answered/);
  assert.match(text, /Weakest topic: /);
  assert.match(text, /Key points covered: \d of \d/);
  assert.match(text, /Named a failure mode: (yes|no)/);
  assert.match(await live(page), /Score: \d+ out of 100\. 3 answers added to your review history\./);
  assert.equal(await report.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 4 }) }).count(), 3);
  await axeClean(page, 'report');

  // Rounds count in the review history like any answers; the round is done.
  const reviews = await storedReviews(page);
  assert.equal(reviews.length, 3);
  assert.ok(reviews.every((r) => r.k === undefined), 'scheduled reviews');
  assert.equal(await stored(page, 'mock-round'), null);
  assert.equal(JSON.parse(await stored(page, 'mock-history')).rounds.length, 1);

  // Reopen it from the history, after a reload.
  await page.getByRole('button', { name: 'Set up a new round' }).click();
  await page.getByRole('heading', { name: 'Mock round' }).waitFor();
  await page.reload();
  await page.getByRole('button', { name: 'Mock round' }).click();
  const past = page.getByRole('region', { name: 'Past rounds' });
  await past.getByRole('button', { name: /^Mon 2 Mar, 09:00 · 3 questions/ }).click();
  await report.waitFor();
  assert.equal((await report.textContent()).replace(/\s+/g, ' ').match(/Score: \d+/)[0], text.match(/Score: \d+/)[0]);

  // Drill the weak ones first, in the practice section.
  const drill = report.getByRole('button', { name: /^Drill these again/ });
  if (await drill.count()) {
    await drill.click();
    await page.getByRole('button', { name: 'Show answer' }).waitFor();
    assert.ok(prompts.includes(await page.locator('article h3').textContent()), 'a weak question first');
    assert.match(await page.locator('.idrill-mode').textContent(), /Extra practice/);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('an interview date three days out makes a three-day plan whose first item opens its drill', async () => {
  const { page, context, errors } = await openPage(env, { timezoneId: 'UTC' }, { clock: T0 });
  await page.getByRole('button', { name: 'Prep plan' }).click();
  const date = page.getByLabel('Interview date');
  assert.equal(await date.inputValue(), '2026-03-09', 'a week ahead by default');
  await date.fill('2026-03-05');
  await page.getByRole('button', { name: 'Make my plan' }).click();
  await page.getByText('Interview on Thu 5 Mar, in 3 days. The plan covers 3 days', { exact: false }).waitFor();
  const days = page.locator('.idrill-plan-days > li');
  assert.equal(await days.count(), 3);
  assert.equal(await days.nth(0).getAttribute('aria-current'), 'date', 'today is marked');
  assert.equal(await days.nth(1).getAttribute('aria-current'), null);
  assert.match(await days.nth(0).getByRole('heading').textContent(), /^Day 1 · Mon 2 Mar · today/);
  assert.match(await days.nth(2).getByRole('heading').textContent(), /^Day 3 · Wed 4 Mar/);
  assert.match(await days.nth(2).textContent(), /Timed mock round/);
  await axeClean(page, 'plan');

  // The incident story is saved as it is typed.
  await page.getByRole('textbox', { name: 'Situation' }).fill('Checkout latency doubled after a deploy.');
  await page.reload();
  await page.getByRole('button', { name: 'Prep plan' }).click();
  assert.equal(await page.getByRole('textbox', { name: 'Situation' }).inputValue(), 'Checkout latency doubled after a deploy.');
  assert.equal(await page.locator('.idrill-plan-days > li').count(), 3, 'the plan is kept');

  // The first item: an API design prompt, aloud.
  const first = page.locator('.idrill-plan-item').first();
  assert.match(await first.textContent(), /Answer an API design prompt aloud/);
  await first.getByRole('button', { name: 'Practise API design aloud' }).click();
  await page.getByRole('button', { name: 'Show answer' }).waitFor();
  assert.equal(await page.getByRole('radio', { name: /^API design and data contracts/ }).isChecked(), true);
  assert.match(await page.locator('article .idrill-meta').textContent(), /API design and data contracts/);
  assert.match(await page.locator('.idrill-mode').textContent(), /Extra practice · API design and data contracts/);

  // One question practised ticks the item.
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByRole('button', { name: 'Good', exact: true }).click();
  await page.getByRole('button', { name: 'Prep plan' }).click();
  const tick = page.locator('.idrill-plan-item').first().getByRole('checkbox');
  assert.equal(await tick.isChecked(), true);
  assert.match(await page.locator('.idrill-plan-item').first().textContent(), /· done/);

  // The mock round item opens the set-up, prefilled to answer aloud.
  await page.locator('.idrill-plan-days > li').nth(2).getByRole('button', { name: 'Set up the mock round' }).click();
  await page.getByRole('heading', { name: 'Mock round' }).waitFor();
  assert.equal(await page.getByRole('radio', { name: 'Aloud, with a checklist' }).isChecked(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('mock rounds and the plan by keyboard only, and at 320 px wide', async () => {
  const { page, context, errors } = await openPage(env, { viewport: { width: 320, height: 640 }, timezoneId: 'UTC' }, { clock: T0 });
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await page.getByRole('button', { name: 'Mock round' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Mock round' }).waitFor();
  assert.equal(await overflow(), 0, 'set-up');
  await page.getByRole('radio', { name: 'Aloud, with a checklist' }).focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Start the round' }).focus();
  await page.keyboard.press('Enter');
  await timer(page).waitFor();
  assert.equal(await overflow(), 0, 'running round');
  // Focus moved to the question.
  assert.equal(await page.evaluate(() => {
    let e = document.activeElement;
    while (e?.shadowRoot?.activeElement) e = e.shadowRoot.activeElement;
    return e?.tagName;
  }), 'H3');
  await page.getByText('When you have answered: tick what you covered').focus();
  await page.keyboard.press('Enter');
  await page.getByRole('checkbox', { name: 'I named a failure mode' }).focus();
  await page.keyboard.press('Space');
  assert.equal(await page.getByRole('checkbox', { name: 'I named a failure mode' }).isChecked(), true);
  await page.getByRole('button', { name: 'End the round here' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Round report' }).waitFor();
  assert.equal(await overflow(), 0, 'report');
  assert.match(await page.getByRole('region', { name: 'Round report' }).textContent(), /Named a failure mode: yes/);

  await page.getByRole('button', { name: 'Prep plan' }).focus();
  await page.keyboard.press('Enter');
  await page.getByLabel('Interview date').fill(new Date(T0 + 3 * DAY).toISOString().slice(0, 10));
  await page.getByRole('button', { name: 'Make my plan' }).focus();
  await page.keyboard.press('Enter');
  await page.locator('.idrill-plan-days > li').first().waitFor();
  assert.equal(await overflow(), 0, 'plan');
  const manual = page.locator('.idrill-plan-item').nth(1).getByRole('checkbox');
  await manual.focus();
  await page.keyboard.press('Space');
  assert.equal(await manual.isChecked(), true);
  assert.match(await page.locator('.idrill-plan-item').nth(1).textContent(), /ticked by hand/);
  assert.deepEqual(errors, []);
  await context.close();
});
