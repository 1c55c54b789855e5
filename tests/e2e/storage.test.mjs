// Progress that is never lost, in the built page: many tabs, no storage, a
// full quota, a newer format, and export / reset / import.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { start, openPage, storedReviews, root } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const PREFIX = 'interview-drill:default:';

/** Seeded so a failure can be replayed. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Grades one card in extra practice, starting or restarting it as needed. */
async function gradeExtra(page, grade) {
  // Like a person switching tabs; a background tab's timers are throttled.
  await page.bringToFront();
  if (!(await page.getByRole('note').isVisible())) {
    await page.getByRole('button', { name: 'Extra practice' }).click();
  }
  if (await page.getByRole('button', { name: 'Practise again' }).isVisible()) {
    await page.getByRole('button', { name: 'Practise again' }).click();
  }
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByRole('button', { name: grade, exact: true }).click();
}

async function progressText(page) {
  return (await page.getByRole('region', { name: 'Your progress' }).textContent()).replace(/\s+/g, ' ');
}

test('two tabs answering 100 cards each, with reloads, lose nothing', async () => {
  const context = await env.browser.newContext();
  const errors = [];
  const tab = async () => {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(env.base);
    await page.getByRole('button', { name: 'Show answer' }).waitFor();
    return page;
  };
  const [a, b] = [await tab(), await tab()];
  const next = random(7);
  let reloads = 0;
  for (let i = 0; i < 100; i++) {
    for (const [page, grade] of [[a, 'Hard'], [b, 'Good']]) {
      if (next() < 0.06) {
        reloads += 1;
        await page.reload();
        await page.getByRole('button', { name: 'Show answer' }).waitFor();
      }
      await gradeExtra(page, grade);
    }
  }
  assert.ok(reloads > 3, `${reloads} reloads`);
  const fresh = await tab();
  await fresh.bringToFront();
  assert.equal((await storedReviews(fresh)).length, 200);
  assert.match(await progressText(fresh), /Again:? ?0\s*Hard:? ?100\s*Good:? ?100\s*Easy:? ?0/);
  // The open tabs caught up with each other through storage events (which
  // arrive when they arrive: wait for the figures, do not read them once).
  await a.bringToFront();
  await a.getByRole('region', { name: 'Your progress' }).filter({ hasText: /Hard:? ?100\s*Good:? ?100/ }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('without storage (a sandboxed frame) the widget works and says so', async () => {
  const { page, context, errors } = await openPage(env, {}, { path: 'pages/sandboxed.html' });
  const frame = page.frameLocator('iframe');
  const alert = frame.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /Progress cannot be saved here/);
  await frame.getByRole('button', { name: 'Export progress' }).first().waitFor();
  await frame.getByRole('button', { name: 'Show answer' }).click();
  await frame.getByRole('button', { name: /^Good · / }).click();
  assert.match((await frame.getByRole('region', { name: 'Your progress' }).textContent()).replace(/\s+/g, ' '), /Good:? ?1/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a full quota: the banner, an export with every review, the other key untouched', async () => {
  const { page, context, errors } = await openPage(env);
  // Another owner fills storage until fewer than 100 characters are left.
  const otherLength = await page.evaluate(() => {
    let lo = 0;
    let hi = 12 * 1024 * 1024;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      try {
        localStorage.setItem('another-owner', 'x'.repeat(mid));
        lo = mid;
      } catch {
        hi = mid - 1;
      }
    }
    localStorage.setItem('another-owner', 'x'.repeat(Math.max(0, lo - 60)));
    return localStorage.getItem('another-owner').length;
  });
  const graded = 3;
  for (let i = 0; i < graded; i++) {
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('button', { name: /^Easy · / }).click();
  }
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /even after compacting the history/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    alert.getByRole('button', { name: 'Export progress' }).click(),
  ]);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(exported.kind, 'export');
  assert.equal(exported.reviews.length, graded, 'the export holds every review of the session');
  // The full build takes the widget over with the reviews storage could not take.
  await page.getByRole('button', { name: 'Statistics' }).click();
  await page.getByText(`Reviews today: ${graded}.`, { exact: false }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('another-owner').length), otherLength);
  assert.deepEqual(errors, []);
  await context.close();
});

test('progress from a newer version is never overwritten', async () => {
  const { page, context, errors } = await openPage(env);
  const future = readFileSync(path.join(root, 'tests/fixtures/progress/v3-base.json'), 'utf8');
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [`${PREFIX}base`, future]);
  await page.reload();
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').textContent(), /newer version of Interview Drill \(format 3\)/);
  for (let i = 0; i < 2; i++) {
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('button', { name: /^Good · / }).click();
  }
  const stored = await page.evaluate((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)), PREFIX);
  assert.deepEqual(stored, [`${PREFIX}base`], 'zero writes');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), `${PREFIX}base`), future);
  assert.deepEqual(errors, []);
  await context.close();
});

test('export, reset and import give back identical progress', async () => {
  const { page, context, errors } = await openPage(env);
  for (const grade of ['Again', 'Good', 'Easy', 'Hard', 'Good']) {
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('button', { name: new RegExp(`^${grade} · `) }).click();
  }
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('spinbutton', { name: 'New cards per day' }).fill('20');
  await page.getByRole('spinbutton', { name: 'New cards per day' }).press('Tab');
  const before = await storedReviews(page);
  assert.equal(before.length, 5);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export progress' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^interview-drill-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await download.path();

  await page.getByRole('button', { name: 'Reset progress' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Remove all progress from this browser?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  assert.equal((await storedReviews(page)).length, 5, 'cancel removes nothing');
  await page.getByRole('button', { name: 'Reset progress' }).click();
  await dialog.getByRole('button', { name: 'Remove everything' }).click();
  assert.equal((await storedReviews(page)).length, 0);
  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  assert.equal(await page.getByRole('spinbutton', { name: 'New cards per day' }).inputValue(), '10');

  // Each import says what it added, so each wait is for its own message: the
  // second, of the same file, adds nothing and says so.
  await page.getByLabel('Import progress').setInputFiles(file);
  await page.getByText('Imported 5 reviews: 5 new, the rest already here.').waitFor({ state: 'attached' });
  assert.deepEqual(await storedReviews(page), before, 'identical');
  await page.getByLabel('Import progress').setInputFiles(file);
  await page.getByText('Imported 5 reviews: 0 new, the rest already here.').waitFor({ state: 'attached' });
  assert.deepEqual(await storedReviews(page), before, 'importing twice changes nothing');
  // After a reload the page reads them all back, not just the stored bytes.
  await page.reload();
  assert.deepEqual(await storedReviews(page), before);
  assert.match(await progressText(page), /Again:? ?1\s*Hard:? ?1\s*Good:? ?2\s*Easy:? ?1/);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByText(/^5 reviews are saved in this browser only\./).waitFor();
  assert.equal(await page.getByRole('spinbutton', { name: 'New cards per day' }).inputValue(), '20');
  assert.deepEqual(errors, []);
  await context.close();
});
