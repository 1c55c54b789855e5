// The answer coach as a learner meets it: a typed answer checked before the
// model answer, a suggested grade they can override, the interviewer's
// follow-ups walked by keyboard only, and the speaking timer with its checklist.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openPage, axeViolations, tabTo, focusedControl, nextCard } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const PROMPT = 'How do you design error responses and status codes that a client can act on?';

const STRONG = `I return RFC 9457 problem details: a structured error body with a stable error code
and an errors array naming each invalid field. Status codes are precise: 422 for invalid content,
409 for a conflict, 429 with a Retry-After header. The body says whether it is safe to retry.
I never leak a stack trace; the client gets a correlation id. The failure mode I avoid is 200 with an
error body, which hides outages from dashboards; the trade-off is that every code is a contract.`;

const WEAK = 'I would show a friendly message so the user knows something went wrong.';

async function storedAnswers(page) {
  return page.evaluate(() => {
    const out = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key.startsWith('interview-drill:default:')) continue;
      const value = JSON.parse(localStorage.getItem(key));
      out.push(...(value.answers || []));
    }
    return out;
  });
}

function feedback(page) {
  return page.getByRole('region', { name: /^Coach: / });
}

test('a strong and a weak typed answer mark the right key points before the model answer', async () => {
  const { page, context, errors } = await openPage(env);
  assert.equal(await page.locator('article h3').textContent(), PROMPT);
  const box = page.getByRole('textbox', { name: 'Your answer' });

  await box.fill(WEAK);
  // Ctrl+Enter checks from inside the box.
  await box.press('Control+Enter');
  await feedback(page).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Model answer' }).count(), 0, 'feedback comes first');
  let text = (await feedback(page).textContent()).replace(/\s+/g, ' ');
  assert.match(text, /Coach: 0 of 5 key points/);
  assert.match(text, /Missing: Standard error format/);
  assert.match(text, /Missing: No internals leaked/);
  assert.match(text, /Suggested grade: Again/);
  const live = page.locator('[aria-live="polite"]').first();
  assert.match(await live.textContent(), /covers 0 of 5 key points/);

  await box.fill(STRONG);
  // Feedback on words no longer in the box goes with them.
  assert.equal(await feedback(page).count(), 0, 'stale feedback cleared');
  await page.getByRole('button', { name: 'Check my answer' }).click();
  await feedback(page).getByText(/Coach: 5 of 5/).waitFor();
  text = (await feedback(page).textContent()).replace(/\s+/g, ' ');
  assert.match(text, /Covered: Standard error format — you wrote “problem details”/i);
  assert.match(text, /Covered: Stable machine-readable code/);
  assert.match(text, /Covered: Precise status codes/);
  assert.match(text, /Covered: No internals leaked — you wrote “correlation id”/);
  assert.match(text, /Names a failure mode/);
  assert.match(text, /Names an operational trade-off/);
  assert.match(text, /Suggested grade: Easy/);
  assert.deepEqual(await axeViolations(page), [], 'feedback view');

  // The suggestion marks a button; the learner overrides it with Good.
  await page.getByRole('button', { name: 'Show answer' }).click();
  const grades = page.getByRole('group', { name: 'How well did you recall it?' });
  await grades.getByRole('button', { name: /^Easy .*\(suggested\)/ }).waitFor();
  assert.equal(await grades.getByRole('button', { name: /\(suggested\)/ }).count(), 1);
  assert.deepEqual(await axeViolations(page), [], 'revealed card with feedback');
  await grades.getByRole('button', { name: /^Good\b/ }).click();
  await nextCard(page, PROMPT);

  const answers = await storedAnswers(page);
  assert.equal(answers.length, 1);
  assert.deepEqual({ how: answers[0].how, s: answers[0].s, g: answers[0].g }, { how: 't', s: 4, g: 3 });
  await page.reload();
  await page.getByRole('button', { name: 'Statistics' }).click();
  assert.match(await page.getByRole('region', { name: 'Statistics' }).textContent(), /Suggested grades you changed: 1 of 1 \(0 up, 1 down\)/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a follow-up chain walked by keyboard only is recorded with the review', async () => {
  const { page, context, errors } = await openPage(env);
  await page.locator('article h3').click();
  await page.keyboard.press('Space');
  await page.getByRole('heading', { name: 'Model answer' }).waitFor();
  // Each stop on the way is checked: the chain is walked in reading order.
  await tabTo(page, 'button Take the follow-ups', { path: ['button Take the follow-ups'] });
  await page.keyboard.press('Enter');
  await page.getByText('Follow-up 1 of 3', { exact: true }).waitFor();
  assert.equal(await focusedControl(page), 'paragraph When would you return 404 instead of 403?', 'focus on the follow-up');
  await tabTo(page, 'textbox Your answer to the follow-up', { path: ['textbox Your answer to the follow-up'] });
  // Typing digits and spaces in the box never grades or reveals.
  await page.keyboard.type('When 403 would reveal that another tenant 1 2 3 owns the order.');
  await tabTo(page, 'button Show hint', { path: ['checkbox I answered it aloud', 'button Show hint'] });
  await page.keyboard.press('Enter');
  await page.getByText(/another tenant's order id/).waitFor();
  assert.equal(await focusedControl(page), 'button Show hint', 'focus stays on the toggle');
  await tabTo(page, 'button Next follow-up', { path: ['button Next follow-up'] });
  await page.keyboard.press('Enter');
  await page.getByText('Follow-up 2 of 3', { exact: true }).waitFor();
  assert.equal(await focusedControl(page), 'paragraph A client retries every 500 in a tight loop. How do you protect the service?');
  await tabTo(page, 'checkbox I answered it aloud', { path: ['textbox Your answer to the follow-up', 'checkbox I answered it aloud'] });
  await page.keyboard.press('Space');
  await tabTo(page, 'button Stop here', { path: ['button Show hint', 'button Next follow-up', 'button Stop here'] });
  await page.keyboard.press('Enter');
  await page.getByText('You answered 2 of the 2 follow-ups you reached.').waitFor();
  await page.keyboard.press('3');
  await nextCard(page, PROMPT);
  const [note] = await storedAnswers(page);
  assert.deepEqual({ how: note.how, g: note.g, fr: note.fr, fa: note.fa }, { how: 'r', g: 3, fr: 2, fa: 2 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('saying it aloud runs a timer, then the ticked checklist suggests the grade', async () => {
  const { page, context, errors } = await openPage(env, {}, { clock: Date.parse('2026-03-02T09:00:00Z') });
  await page.getByRole('heading', { level: 2, name: 'Backend engineer interview' }).waitFor();
  await page.getByRole('button', { name: 'Say it aloud' }).click();
  const timer = page.getByRole('timer', { name: 'Speaking time' });
  await timer.waitFor();
  assert.equal(await timer.textContent(), '0:00');
  await page.clock.fastForward(200_000);
  await page.getByText('3:20', { exact: true }).waitFor();
  assert.match(await page.locator('.idrill-aloud').first().textContent(), /over time/, 'three minutes expected');
  await page.getByRole('button', { name: 'Stop timer and tick what I covered' }).click();
  await page.getByRole('heading', { name: 'What did you cover?' }).waitFor();
  await page.getByRole('checkbox', { name: 'Standard error format' }).check();
  await page.getByRole('checkbox', { name: 'Stable machine-readable code' }).check();
  await page.getByRole('checkbox', { name: 'Precise status codes' }).check();
  await page.getByText('Suggested grade: Good.').waitFor();
  // The clock stays stopped: axeViolations gives axe the real timers.
  assert.deepEqual(await axeViolations(page), [], 'checklist view');
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByRole('group', { name: 'How well did you recall it?' })
    .getByRole('button', { name: /^Good .*\(suggested\)/ }).click();
  await nextCard(page, PROMPT);
  const [note] = await storedAnswers(page);
  assert.deepEqual({ how: note.how, s: note.s, g: note.g }, { how: 'a', s: 3, g: 3 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a typed answer survives a reload, and is gone once graded', async () => {
  const { page, context, errors } = await openPage(env);
  const box = page.getByRole('textbox', { name: 'Your answer' });
  await box.fill('Half an answer: idempotency keys, then');
  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'Backend engineer interview' }).waitFor();
  assert.equal(await box.inputValue(), 'Half an answer: idempotency keys, then');
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByRole('group', { name: 'How well did you recall it?' }).getByRole('button', { name: /^Hard\b/ }).click();
  await nextCard(page, PROMPT);
  assert.equal(await page.evaluate(() => localStorage.getItem('interview-drill:default:draft')), null);
  assert.equal(await box.inputValue(), '');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a list of terms is flagged and held at Hard, and a wrong claim shows its correction', async () => {
  const { page, context, errors } = await openPage(env);
  const box = page.getByRole('textbox', { name: 'Your answer' });

  await box.fill('problem details, stable error code, 422, 409, 429 Retry-After, retryable flag, correlation id, no stack traces, failure, trade-off');
  await box.press('Control+Enter');
  await feedback(page).waitFor();
  let text = (await feedback(page).textContent()).replace(/\s+/g, ' ');
  assert.match(text, /A list of terms: This reads as a list of terms: say how they fit together and why\./);
  assert.match(text, /Suggested grade: Hard\./);
  assert.match(await page.locator('[aria-live="polite"]').first().textContent(), /This reads as a list of terms/);
  assert.deepEqual(await axeViolations(page), [], 'list-of-terms flag');

  await box.fill('We always return 200 with an error object in the body, with a stable error code the client can switch on, so nothing breaks.');
  // Feedback on words no longer in the box goes with them.
  assert.equal(await feedback(page).count(), 0, 'stale feedback cleared');
  await page.getByRole('button', { name: 'Check my answer' }).click();
  const flag = feedback(page).getByRole('listitem').filter({ hasText: 'Misconception:' });
  await flag.waitFor();
  text = (await flag.textContent()).replace(/\s+/g, ' ');
  assert.match(text, /Misconception: A 200 with an error in the body is fine — you wrote “return 200 with an error”/);
  assert.match(text, /Correction: /);
  // The flag comes before the key points.
  const order = await feedback(page).locator('.idrill-flag, .idrill-checks li').evaluateAll(
    (items) => items.map((li) => (li.classList.contains('idrill-flag') ? 'flag' : 'point')));
  assert.equal(order[0], 'flag');
  assert.match(await feedback(page).textContent(), /Suggested grade: (Hard|Again)\./);
  assert.deepEqual(await axeViolations(page), [], 'misconception flag');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a behavioural prompt is told as a story: no failure mode asked, a model structure shown', async () => {
  const { page, context, errors } = await openPage(env, {}, { path: 'index.html#q=backend/tell-me-about-an-incident' });
  const card = page.locator('article.idrill-card');
  await card.getByText('Behavioural: tell a story').waitFor();
  assert.match(await card.locator('h3').textContent(), /Tell me about a production incident you handled/);
  assert.match(await page.locator('.idrill-answer-box .idrill-how').textContent(), /the situation, what you did/);
  const box = page.getByRole('textbox', { name: 'Your answer' });
  await box.fill(`Checkout errors reached 12% for 40 minutes and about 3,000 customers could not pay. I was on call:
I paged the database owner and I decided to roll back the deploy first, before we knew the cause, and posted updates
in the incident channel every 15 minutes. The error rate was back under 0.1% within ten minutes of the rollback.
Afterwards I ran the blameless postmortem, we added a canary stage and an alert on checkout errors.`);
  await box.press('Control+Enter');
  const coach = page.getByRole('region', { name: /^Coach: / });
  await coach.waitFor();
  const text = (await coach.textContent()).replace(/\s+/g, ' ');
  assert.doesNotMatch(text, /failure mode/i, 'a story is not asked for failure modes');
  assert.doesNotMatch(text, /Suggested grade: Again/);
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByRole('heading', { name: 'Model structure' }).waitFor();
  await page.getByRole('heading', { name: 'What a strong story shows' }).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Failure modes and trade-offs' }).count(), 0);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});
