// Share links opened in the built page: a question, a drill, a whole deck
// (saved to "my decks" and removed again), damaged links that leave storage
// untouched, and a deck full of script-injection payloads in every field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { start, openPage, root, builtInDeck, nextCard } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const fixture = (name) => readFileSync(path.join(root, 'tests', 'fixtures', 'share', name), 'utf8').trim();

/** Writes a deck link as the format-1 writer does: zlib, base64url, `1.`. */
function deckLink(wire) {
  return `#deck=1.${deflateSync(Buffer.from(JSON.stringify(wire))).toString('base64url')}`;
}

async function openLink(fragment, options = {}) {
  const opened = await openPage(env, options, { path: `index.html${fragment}` });
  await opened.page.locator('.idrill').first().waitFor();
  return opened;
}

/**
 * The prompts a `#drill=` link must open, in order, worked out apart from the
 * page: the built-in deck cut to the link's topics, and the core's pick
 * (src/core/mock/pick.rs: SplitMix64, each topic's questions shuffled, the
 * topics shuffled, then taking turns) written again here from its definition.
 */
function drillPrompts(link) {
  const fields = Object.fromEntries(link.slice(link.indexOf('#drill=') + 7).split(',').map((f) => f.split(':')));
  const M = (1n << 64n) - 1n;
  let state = BigInt(fields.seed);
  const next = () => {
    state = (state + 0x9E3779B97F4A7C15n) & M;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xBF58476D1CE4E5B9n) & M;
    z = ((z ^ (z >> 27n)) * 0x94D049BB133111EBn) & M;
    return z ^ (z >> 31n);
  };
  const below = (n) => {
    const zone = M - (M % BigInt(n));
    for (;;) {
      const x = next();
      if (x < zone) return Number(x % BigInt(n));
    }
  };
  const shuffle = (items) => {
    for (let i = items.length - 1; i >= 1; i--) {
      const j = below(i + 1);
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  };
  const topics = fields.topics.split('.');
  const deck = builtInDeck().filter((q) => topics.includes(q.topic));
  const slugs = [...new Set(deck.map((q) => q.topic))];
  const pools = shuffle(slugs.map((slug) => shuffle(deck.filter((q) => q.topic === slug))));
  const out = [];
  for (let turn = 0; out.length < Number(fields.n) && pools.some((p) => turn < p.length); turn++) {
    for (const pool of pools) if (pool[turn] && out.length < Number(fields.n)) out.push(pool[turn].prompt);
  }
  return out;
}

/** Drills up to `count` cards (Good each) and returns their prompts, in order. */
async function drillCards(page, count) {
  const prompts = [];
  await page.getByRole('button', { name: 'Show answer' }).waitFor();
  // After a grade, `nextCard` has waited for the next card or for none.
  while (prompts.length < count && (await page.locator('article h3').count()) > 0) {
    const prompt = await page.locator('article h3').textContent();
    prompts.push(prompt);
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('group', { name: 'How well did you recall it?' }).getByRole('button', { name: /^Good\b/ }).click();
    await nextCard(page, prompt);
  }
  return prompts;
}

async function storageSnapshot(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));
}

test('a question link opens that card, as extra practice', async () => {
  const { page, context, errors } = await openLink(fixture('question.link'));
  await page.getByRole('heading', { level: 3, name: /idempotent/i }).waitFor();
  assert.match(await page.locator('.idrill-mode').textContent(), /Extra practice/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a drill link opens the same drill for everyone: same cards, same order', async () => {
  const link = '#drill=topics:data-caching,mode:typed,n:3,seed:42';
  const expected = drillPrompts(link);
  assert.equal(expected.length, 3);
  for (let run = 0; run < 2; run++) {
    const { page, context, errors } = await openLink(link);
    await page.getByRole('textbox', { name: 'Your answer' }).waitFor();
    assert.match(await page.locator('.idrill-mode').textContent(), /3 left/);
    assert.deepEqual(await drillCards(page, 3), expected, `visitor ${run + 1}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('a shared deck says so, keeps its own progress, and can be saved and removed', async () => {
  const { page, context, errors } = await openLink(fixture('deck-small.link'));
  const banner = page.getByRole('region', { name: 'Shared deck' });
  await banner.waitFor();
  assert.match(await banner.textContent(), /opened from a link/);
  await banner.getByRole('button', { name: 'Save to My decks' }).click();
  await banner.getByText('Saved in My decks.').waitFor();
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByRole('group', { name: 'How well did you recall it?' }).getByRole('button', { name: /^Good\b/ }).click();
  // Progress hangs on the deck's content id, apart from the built-in deck.
  await page.waitForFunction(() => Object.values(localStorage).some((v) => v.includes('"deck":"link-')));
  const keys = Object.keys(await storageSnapshot(page));
  assert.ok(keys.some((k) => k.startsWith('interview-drill:default:deck:link-')), keys.join());

  await page.getByRole('button', { name: 'Back to the built-in deck' }).click();
  await page.getByRole('heading', { level: 2, name: 'Backend engineer interview' }).waitFor();
  assert.match(await page.getByRole('region', { name: 'Your progress' }).textContent(), new RegExp(`Seen in total:? ?0 of ${builtInDeck().length}`));
  await page.reload();
  await page.getByRole('button', { name: 'My decks', exact: true }).click();
  const decks = page.getByRole('region', { name: 'My decks' });
  const open = decks.getByRole('button', { name: /^Open (?!built-in)/ });
  // My decks is the full build's: wait for the hand-over to draw it.
  await open.first().waitFor();
  assert.equal(await open.count(), 1);
  await open.click();
  await page.getByRole('region', { name: 'Shared deck' }).waitFor();
  assert.match(await page.getByRole('region', { name: 'Your progress' }).textContent(), /Seen in total:? ?1 of/);
  await page.getByRole('button', { name: 'My decks', exact: true }).click();
  await decks.getByRole('button', { name: /^Remove / }).click();
  await decks.getByText('No saved decks yet.', { exact: false }).waitFor();
  assert.ok(!Object.keys(await storageSnapshot(page)).some((k) => k.includes(':deck:')));
  assert.deepEqual(errors, []);
  await context.close();
});

const DAMAGED = [
  ['truncated', () => fixture('deck-small.link').slice(0, 60)],
  ['unknown version', () => '#deck=9.eNpdUs1u00AQfpWRT63lJAJxCgdUIJUqpaU0'],
  ['wrong prefix', () => '#deck=eNpdUs1u00AQfpWRT63lJAJxCgdUIJUqpaU0'],
  ['spaces for %20', () => fixture('deck-small.link').replace(/.{40}$/, (tail) => tail.replace(/[A-Za-z]/, ' '))],
  ['double-encoded', () => `#deck=1.${encodeURIComponent(encodeURIComponent('eNp%dU'))}`],
  ['unknown kind', () => '#quiz=backend/x'],
  ['no such question', () => '#q=backend/no-such-question'],
];

for (const [name, make] of DAMAGED) {
  test(`a damaged link (${name}) says so and leaves storage byte for byte`, async () => {
    const { page, context, errors } = await openPage(env);
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('group', { name: 'How well did you recall it?' }).getByRole('button', { name: /^Hard\b/ }).click();
    await page.waitForFunction(() => Object.keys(localStorage).length > 0);
    const before = await storageSnapshot(page);
    await page.goto(`${env.base}index.html${make()}`);
    const alert = page.getByRole('alert');
    await alert.getByRole('heading', { name: 'This link is damaged' }).waitFor();
    assert.match(await alert.textContent(), /It cannot be opened: .{10,}/);
    assert.deepEqual(await storageSnapshot(page), before);
    await page.getByRole('button', { name: 'Open the built-in deck' }).click();
    await page.getByRole('region', { name: 'Your progress' }).waitFor();
    assert.match(await page.getByRole('region', { name: 'Your progress' }).textContent(), /Hard:? ?1/);
    assert.deepEqual(await storageSnapshot(page), before);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

// Script-injection payloads: tags, event handlers, SVG, javascript: URLs
// with entity, case and whitespace variants, data: URLs, meta refresh,
// iframe srcdoc and base tags, in raw and Markdown-link form.
const BASE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<a href="javascript:alert(1)">x</a>',
  '<body onload=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<style>*{display:none}</style>',
  '<object data="javascript:alert(1)">',
  '<embed src="data:text/html,<script>alert(1)</script>">',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '"><img src=x onerror=alert(1)>',
  "'><svg/onload=alert(1)>",
  '<input autofocus onfocus=alert(1)>',
  '<video><source onerror=alert(1)>',
  '<form action="javascript:alert(1)"><button>x</button></form>',
];
const SCHEMES = [
  'javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)',
  'java&#x09;script:alert(1)', '&#106;avascript:alert(1)', 'javascript&colon;alert(1)', 'data:text/html,<script>alert(1)</script>',
  'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'vbscript:msgbox(1)', 'jav%61script:alert(1)', '\u0001javascript:alert(1)',
];
const PAYLOADS = [
  ...BASE,
  ...BASE.map((p) => p.toUpperCase()),
  ...BASE.map((p) => p.replaceAll(' ', '\n')),
  ...SCHEMES.map((s) => `[click me](${s})`),
  ...SCHEMES.map((s) => `<a href="${s}">x</a>`),
  ...SCHEMES.map((s) => `[click](<${s}>)`),
  ...SCHEMES.map((s) => `![img](${s})`),
];

test(`a deck with ${PAYLOADS.length} injection payloads in every field opens as text`, async () => {
  assert.ok(PAYLOADS.length >= 100);
  // Ten cards: a day's new cards, so each is drilled once in a row.
  const per = Math.ceil(PAYLOADS.length / 10);
  const questions = [];
  for (let i = 0; i < PAYLOADS.length; i += per) {
    const chunk = PAYLOADS.slice(i, i + per);
    const text = chunk.join(' ');
    const md = chunk.join('\n\n');
    questions.push({
      id: `payload-${i}`,
      topic: 'api-design',
      difficulty: 1,
      minutes: 2,
      tags: ['<b>tag</b>', 'x" onmouseover="alert(1)'],
      prompt: `Question ${i}: ${text}`,
      answer: `- ${chunk.join('\n- ')}\n\n${md}`,
      key_points: [{ label: `Label ${text}`, phrases: chunk }],
      follow_ups: [{ prompt: `Follow ${text}`, hint: `Hint ${text}` }],
      concerns: [{ kind: 'failure', text: `Fail ${text}` }, { kind: 'trade-off', text: `Trade ${text}` }],
    });
  }
  const wire = { title: `Deck ${BASE[0]} ${BASE[1]}`, description: PAYLOADS.slice(0, 20).join(' '), questions };
  const { page, context, errors } = await openPage(env, {}, { path: `index.html${deckLink(wire)}` });
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const navigations = [];
  page.on('framenavigated', (f) => navigations.push(f.url()));
  await page.getByRole('region', { name: 'Shared deck' }).waitFor();

  const audit = () => page.evaluate(() => {
    const host = document.querySelector('[data-interview-drill]');
    const rootNode = host.shadowRoot;
    const all = [...rootNode.querySelectorAll('*')];
    return {
      banned: all.filter((e) => ['SCRIPT', 'IFRAME', 'META', 'STYLE', 'BASE', 'OBJECT', 'EMBED', 'svg', 'IMG', 'FORM'].includes(e.tagName)).map((e) => e.tagName),
      handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName} ${a.name}`)),
      hrefs: all.filter((e) => e.hasAttribute('href')).map((e) => e.getAttribute('href')),
      // The card on screen: its prompt, answer, key points, follow-up and concerns.
      prompt: rootNode.querySelector('article h3').textContent,
      card: rootNode.querySelector('article').textContent,
    };
  });
  const squash = (t) => t.replace(/\s+/g, ' ');
  const shown = [];
  for (let q = 0; q < questions.length; q++) {
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('button', { name: 'Take the follow-ups' }).click();
    await page.getByRole('button', { name: 'Finish follow-ups' }).click();
    const seen = await audit();
    assert.deepEqual(seen.banned, [], `card ${q}`);
    assert.deepEqual(seen.handlers, [], `card ${q}`);
    for (const href of seen.hrefs) assert.match(href, /^(https?:|mailto:)/i, `card ${q}`);
    // Which card this is, from its prompt: every payload of its own shows
    // as the text it is, on every card.
    const index = Number(seen.prompt.match(/^Question (\d+): /)?.[1]);
    const own = PAYLOADS.slice(index, index + per);
    assert.ok(own.length > 0, `card ${q}: ${seen.prompt.slice(0, 40)}`);
    shown.push(`payload-${index}`);
    for (const payload of own) assert.ok(squash(seen.card).includes(squash(payload)), `card ${q} shows ${payload} as text`);
    await page.getByRole('group', { name: 'How well did you recall it?' }).getByRole('button', { name: /^Good\b/ }).click();
  }
  assert.deepEqual(shown, questions.map((q) => q.id), 'every card, once, in order');
  await page.getByRole('button', { name: 'My decks', exact: true }).click();
  await page.getByRole('button', { name: 'Practice' }).click();
  assert.deepEqual(dialogs, []);
  assert.equal(navigations.length, 0, navigations.join());
  assert.deepEqual(errors, []);
  await context.close();
});

test('"Share question" and "Share this drill" copy links that open the same card and drill', async () => {
  const { page, context, errors } = await openPage(env);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.base });
  const prompt = await page.locator('article h3').textContent();
  await page.getByRole('button', { name: 'Share question' }).click();
  await page.getByText('Link copied to the clipboard.').first().waitFor();
  const questionUrl = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(questionUrl, /^http:\/\/127\.0\.0\.1:\d+\/(index\.html)?#q=backend\/[a-z0-9-]+$/);

  await page.getByRole('combobox', { name: 'Topic' }).first().selectOption('async-queues');
  await page.getByRole('button', { name: 'Share this drill' }).click();
  await page.waitForFunction(async (previous) => (await navigator.clipboard.readText()) !== previous, questionUrl);
  const drillUrl = await page.evaluate(() => navigator.clipboard.readText());
  // As many questions as the topic's new cards today (10 a day).
  const today = Math.min(builtInDeck().filter((q) => q.topic === 'async-queues').length, 10);
  assert.match(drillUrl, new RegExp(`#drill=topics:async-queues,mode:flashcards,n:${today},seed:\\d+$`));
  // Then the sharer makes progress of their own on one of the drill's cards.
  const graded = await page.locator('article h3').textContent();
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByRole('group', { name: 'How well did you recall it?' }).getByRole('button', { name: /^Hard\b/ }).click();
  await nextCard(page, graded);

  const friend = await env.browser.newContext();
  const other = await friend.newPage();
  await other.goto(questionUrl);
  await other.getByRole('heading', { level: 3, name: prompt }).waitFor();

  // The sharer opens the drill link too (the page follows its address); a
  // friend opens it in a fresh browser with no progress. Both get the drill
  // the link names: the same cards in the same order.
  const count = Number(drillUrl.match(/,n:(\d+),/)[1]);
  const opened = /^Opened the drill from the link: \d+ questions?, as extra practice\.$/;
  await page.goto(drillUrl);
  const sharerSaw = await page.getByText(opened).textContent();
  const sharer = await drillCards(page, count);
  const fresh = await env.browser.newContext();
  const recipient = await fresh.newPage();
  await recipient.goto(drillUrl);
  const recipientSaw = await recipient.getByText(opened).textContent();
  assert.deepEqual(await drillCards(recipient, count), sharer, "the recipient's cards are the sharer's, in order");
  assert.equal(recipientSaw, sharerSaw);
  assert.equal(sharerSaw, `Opened the drill from the link: ${count} questions, as extra practice.`);
  assert.deepEqual(sharer, drillPrompts(drillUrl), 'the cards the seed picks');
  await fresh.close();
  await friend.close();
  assert.deepEqual(errors, []);
  await context.close();
});
