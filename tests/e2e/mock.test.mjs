// Timed mock rounds and the prep plan in the built page, with Playwright's
// fake clock: a three-question round where one question times out and the
// page is reloaded in the middle, its report and the history of rounds; an
// interview date three days out and the plan's first item opening its drill.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openPage, axeViolations, storedReviews, tabTo, focusedControl, builtInDeck } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const T0 = Date.parse('2026-03-02T09:00:00Z');
const DAY = 86_400_000;

const ANSWER = `I would require an idempotency key from the client and store the first result
behind it, so a retry returns the same outcome. The failure mode is a retry storm that doubles
charges; the trade-off is the storage and the expiry of keys.`;

/** No axe violations; the fake clock stays where it is (see `axeViolations`). */
async function axeClean(page, what) {
  assert.deepEqual(await axeViolations(page), [], what);
}

/** A question of the built-in deck as its content file has it: prompt and key point labels. */
function contentQuestion(id) {
  const question = builtInDeck().find((q) => q.id === id);
  assert.ok(question, `content for ${id}`);
  return question;
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

/**
 * The seed whose three questions the report test below computes by hand
 * (found by trying seeds against `core::mock::pick` on the 88-question bank;
 * the bank grew from 45, and seed 42 asked other questions then). Adding or
 * removing a question changes what a seed picks: find the seed again then.
 */
const SEED = 494933;
/** A seed whose round starts with the internal-API question. */
const FIRST_SEED = 109;

/** Sets up a round of `count` questions, `minutes` each, from a fixed seed. */
async function setUp(page, { count, minutes, seed = SEED }) {
  await page.getByRole('button', { name: 'Mock round' }).click();
  await page.getByRole('heading', { name: 'Mock round' }).waitFor();
  // The seed first: the summary waited for below changes with the last two
  // fields only, and the set-up takes its fields in order.
  await page.getByRole('spinbutton', { name: 'Seed' }).fill(String(seed));
  await page.getByRole('spinbutton', { name: 'Seed' }).press('Tab');
  await page.getByRole('spinbutton', { name: 'Questions', exact: true }).fill(String(count));
  await page.getByRole('spinbutton', { name: 'Questions', exact: true }).press('Tab');
  await page.getByRole('spinbutton', { name: 'Minutes per question' }).fill(String(minutes));
  await page.getByRole('spinbutton', { name: 'Minutes per question' }).press('Tab');
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

  // The report, worked out from the content and the coach's rules:
  // - the seed asks the internal-API question, then the saga, then the big-table
  //   filter (the prompts the round showed, each checked against its file);
  // - 1: the idempotency answer names none of the six key points' phrases, but
  //   "failure" and "storm" are failure cues and "trade-off" a trade-off cue:
  //   0 of 70 + 15 + 15 = 30, coverage 0 suggests Again; 30 s used, exactly,
  //   since the clock only moves when the test moves it;
  // - 2: "A cache in front of the database." names no key point, no failure
  //   and no trade-off: 0, Again; it ran out its two minutes;
  // - 3: "I would measure first." names nothing either; the follow-up was
  //   asked and answered: 0 of 60 + 10 = 10, Again; 20 s of 2 + 2 minutes;
  // - the round: (30 + 0 + 10) / 3 rounded = 13; 30 s + 2:00 + 20 s = 2:50 of
  //   8:00; the weakest topic is the saga's (0), and all three were graded
  //   Again, so all three are to drill again, weakest first: 2, 3, 1.
  const expected = [
    { id: 'rest-vs-grpc-vs-graphql-internal', time: '0:30 of 2:00', failure: 'yes', tradeOff: 'yes', followUp: 'not asked', score: 30 },
    { id: 'saga-orchestration-vs-choreography', time: '2:00 of 2:00, timed out', failure: 'no', tradeOff: 'no', followUp: 'not asked', score: 0 },
    { id: 'small-feature-big-table-cost', time: '0:20 of 4:00', failure: 'no', tradeOff: 'no', followUp: 'answered', score: 10 },
  ].map((q) => ({ ...q, ...contentQuestion(q.id) }));
  assert.deepEqual(prompts, expected.map((q) => q.prompt), 'the questions the seed asks');
  const report = page.getByRole('region', { name: 'Round report' });
  await report.waitFor();
  // innerText: the words as laid out, a space between blocks.
  const squash = (t) => t.replace(/\s+/g, ' ').trim();
  const text = squash(await report.innerText());
  assert.ok(text.startsWith(`Round report Mon 2 Mar, 09:00 · 3 questions · all topics · 2 min each · typed · seed ${SEED}`
    + ' Score: 13 out of 100 · time used 2:50 of 8:00 Weakest topic: Queues, retries and async workflows'), text);
  const items = report.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 4 }) });
  assert.equal(await items.count(), 3);
  for (const [i, q] of expected.entries()) {
    assert.equal(squash(await items.nth(i).innerText()), squash([
      q.prompt,
      `Time used: ${q.time}`,
      `Key points covered: 0 of ${q.labels.length}`,
      ...q.labels.map((label) => `✗ Missing: ${label}`),
      `Named a failure mode: ${q.failure}`,
      `Named a trade-off: ${q.tradeOff}`,
      `Follow-up: ${q.followUp}`,
      `Question score: ${q.score} · recorded as Again`,
    ].join(' ')), `question ${i + 1}`);
  }
  assert.equal(await live(page), 'Round complete. Score: 13 out of 100. 3 answers added to your review history.');
  await report.getByRole('button', { name: 'Drill these again (3 questions first)' }).waitFor();
  await axeClean(page, 'report');
  assert.equal(squash(await report.innerText()), text, 'axe moved no time');

  // Rounds count in the review history like any answers; the round is done.
  const reviews = await storedReviews(page);
  assert.deepEqual(reviews.map((r) => [r.q, r.g, r.k]), expected.map((q) => [q.id, 1, undefined]), 'scheduled Again reviews, in order');
  assert.equal(await stored(page, 'mock-round'), null);
  assert.equal(JSON.parse(await stored(page, 'mock-history')).rounds.length, 1);

  // Reopen it from the history, after a reload: the same report, word for word.
  await page.getByRole('button', { name: 'Set up a new round' }).click();
  await page.getByRole('heading', { name: 'Mock round' }).waitFor();
  await page.reload();
  await page.getByRole('button', { name: 'Mock round' }).click();
  const past = page.getByRole('region', { name: 'Past rounds' });
  await past.getByRole('button', { name: 'Mon 2 Mar, 09:00 · 3 questions · all topics · 2 min each · typed · score 13 · 2:50' }).click();
  await report.waitFor();
  assert.equal(squash(await report.innerText()), text);

  // Drill the weak ones first, weakest first, in the practice section.
  await report.getByRole('button', { name: 'Drill these again (3 questions first)' }).click();
  for (const i of [1, 2, 0]) {
    await page.getByRole('button', { name: 'Show answer' }).waitFor();
    assert.equal(await page.locator('article h3').textContent(), expected[i].prompt);
    assert.match(await page.locator('.idrill-mode').textContent(), /Extra practice/);
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('button', { name: 'Good', exact: true }).click();
    await page.getByRole('heading', { level: 3, name: expected[i].prompt, exact: true }).waitFor({ state: 'detached' });
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
  assert.match(await page.getByRole('combobox', { name: 'Topic' }).first().locator('option:checked').textContent(), /^API design and data contracts/);
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
  // en-US: the date field's parts are typed month, day, year.
  const { page, context, errors } = await openPage(env, { viewport: { width: 320, height: 640 }, timezoneId: 'UTC', locale: 'en-US' }, { clock: T0 });
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const NAV = ['Practice', 'Mock round', 'Prep plan', 'Statistics', 'Settings', 'My decks'].map((n) => `button ${n}`);
  const TOPICS = ['API design and data contracts', 'Databases and caching trade-offs', 'Queues, retries and async workflows',
    'Latency debugging and incident response', 'Explaining production constraints and trade-offs']
    .map((t) => new RegExp(`^checkbox ${t} \\(\\d+\\)$`));

  // From the top of the page: the widget's "About this deck", then its section buttons.
  assert.equal(await focusedControl(page), 'none');
  await tabTo(page, 'button Mock round', { path: ['DisclosureTriangle About this deck', ...NAV.slice(0, 2)] });
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Mock round' }).waitFor();
  assert.equal(await overflow(), 0, 'set-up');
  // The set-up form in reading order; the answer style is one radio group,
  // reached on its checked radio and changed with the arrow keys.
  await tabTo(page, 'radio Typed', { path: [...NAV.slice(2), 'spinbutton Questions', ...TOPICS, 'spinbutton Minutes per question', 'radio Typed'] });
  await page.keyboard.press('ArrowDown');
  assert.equal(await focusedControl(page), 'radio Aloud, with a checklist');
  assert.equal(await page.getByRole('radio', { name: 'Aloud, with a checklist' }).isChecked(), true);
  // A fixed seed, typed over the random one, so the round's first question is known.
  await tabTo(page, 'spinbutton Seed', { path: ['spinbutton Seed'] });
  await page.keyboard.press('Control+A');
  await page.keyboard.type(String(FIRST_SEED));
  // Leaving the box commits the seed; a seed not taken would start another
  // question than the one checked below.
  await tabTo(page, 'button Start the round', { path: ['button Start the round'] });
  await page.keyboard.press('Enter');
  await timer(page).waitFor();
  assert.equal(await overflow(), 0, 'running round');
  // Focus moved to the question.
  const first = contentQuestion('rest-vs-grpc-vs-graphql-internal');
  assert.equal(await focusedControl(page), `heading ${first.prompt}`);
  await tabTo(page, 'DisclosureTriangle When you have answered: tick what you covered', { max: 1 });
  await page.keyboard.press('Enter');
  await page.getByRole('checkbox', { name: 'I named a failure mode' }).waitFor();
  // The checklist: the question's key points, then the two concerns.
  await tabTo(page, 'checkbox I named a failure mode', { path: [...first.labels.map((l) => `checkbox ${l}`), 'checkbox I named a failure mode'] });
  await page.keyboard.press('Space');
  assert.equal(await page.getByRole('checkbox', { name: 'I named a failure mode' }).isChecked(), true);
  await tabTo(page, 'button End the round here', {
    path: ['checkbox I named an operational trade-off', 'button Ask me a follow-up (+2 min)', 'button Next question', 'button Pause', 'button End the round here'],
  });
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Round report' }).waitFor();
  assert.equal(await focusedControl(page), 'heading Round report', 'focus on the report');
  assert.equal(await overflow(), 0, 'report');
  assert.match(await page.getByRole('region', { name: 'Round report' }).textContent(), /Named a failure mode: yes/);

  // Back up to the section buttons, then the plan.
  await tabTo(page, 'button Prep plan', { key: 'Shift+Tab', path: NAV.slice(2).reverse() });
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Prep plan' }).waitFor();
  await tabTo(page, 'Date Interview date', { path: [...NAV.slice(3), 'Date Interview date'] });
  // Three days out, typed as a keyboard user types a date: month, day, year.
  const date = new Date(T0 + 3 * DAY);
  await page.keyboard.type(`${String(date.getUTCMonth() + 1).padStart(2, '0')}${String(date.getUTCDate()).padStart(2, '0')}${date.getUTCFullYear()}`);
  assert.equal(await page.getByLabel('Interview date').inputValue(), '2026-03-05');
  // The date field keeps Tab for a part of its own (the picker) before leaving.
  await tabTo(page, 'button Make my plan', { path: ['Date Interview date', 'button Make my plan'] });
  await page.keyboard.press('Enter');
  await page.getByText('Interview on Thu 5 Mar, in 3 days.', { exact: false }).waitFor();
  assert.equal(await overflow(), 0, 'plan');
  const manual = page.locator('.idrill-plan-item').nth(1).getByRole('checkbox');
  await tabTo(page, /^checkbox Prepare an incident story/, { max: 10 });
  await page.keyboard.press('Space');
  assert.equal(await manual.isChecked(), true);
  assert.match(await page.locator('.idrill-plan-item').nth(1).textContent(), /ticked by hand/);
  assert.deepEqual(errors, []);
  await context.close();
});
