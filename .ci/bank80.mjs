// The first paint and the drill tier with a bank of 80 questions, the size the
// bank is meant to reach: today's questions and copies of them (new ids, the
// same text), built into the guest as `content/` would be. Fails above the
// same limits as `size-report.mjs`.
//
//   node .ci/bank80.mjs
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotli, buildCrate, latestDetails, repo, target } from './crate.mjs';
import { LIMITS } from './size-report.mjs';

const QUESTIONS = 80;
const bank = path.join(target, 'bank80', 'content');
const out = path.join(target, 'bank80', 'guest');

/** Each letter moved `by` places on in its alphabet, but for the labels the
 * format reads (`Hint:`, `Failure:`, `Trade-off:`). */
const shift = (line, by) => line.replace(/(\S+:)|[a-z]/gi, (c, label) => {
  if (label) return label;
  const base = c <= 'Z' ? 65 : 97;
  return String.fromCharCode(((c.charCodeAt(0) - base + by * 7) % 26) + base);
});

// The deck folder with every question, then copies until there are 80.
rmSync(path.join(target, 'bank80'), { recursive: true, force: true });
mkdirSync(path.join(bank, 'backend'), { recursive: true });
mkdirSync(out, { recursive: true });
const source = path.join(repo, 'content', 'backend');
writeFileSync(path.join(bank, 'backend', 'deck.toml'), readFileSync(path.join(source, 'deck.toml')));
const files = readdirSync(source).filter((f) => f.endsWith('.md')).sort();
for (let i = 0; i < QUESTIONS; i += 1) {
  const file = files[i % files.length];
  const round = Math.floor(i / files.length);
  let text = readFileSync(path.join(source, file), 'utf8');
  if (round > 0) {
    // A new id, and the prompt's and the body's letters shifted so the copy
    // compresses like new text rather than a repeat; the section headings
    // and the front matter stay.
    const [, front, body] = text.match(/^(\+\+\+[\s\S]*?\+\+\+\n)([\s\S]*)$/);
    const shifted = body.split('\n').map((line) => {
      if (/^##/.test(line)) return line;
      // A misconception names a key point by its label, which is shifted as
      // the key point's own line shifts it: with its last word before a `:`.
      const named = line.match(/^(\s+Contradicts: )(.*)$/);
      return named ? named[1] + shift(`${named[2]}:`, round).slice(0, -1) : shift(line, round);
    }).join('\n');
    text = front.replace(/^id = "([^"]+)"$/m, (_, id) => `id = "${id}-${round + 1}"`) + shifted;
  }
  writeFileSync(path.join(bank, 'backend', round ? file.replace('.md', `-${round + 1}.md`) : file), text);
}

buildCrate('guest', out, ['--no-default-features'], { INTERVIEW_DRILL_CONTENT: bank });
const size = (file) => brotli(readFileSync(file));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const manifest = JSON.parse(readFileSync(path.join(repo, 'dist', 'manifest.json'), 'utf8'));
// The loader and the glue do not grow with the bank: today's build's.
const fixed = size(path.join(repo, 'dist', 'embed.js')) + size(path.join(repo, 'dist', manifest.guest.glue));
const firstPaint = fixed + size(path.join(out, 'guest.opt.wasm'));
const drill = brotli(latestDetails());
console.log(`\nwith ${QUESTIONS} questions`);
console.log(`  first paint, blog page, one default widget  ${kb(firstPaint).padStart(10)}   (limit ${kb(LIMITS.firstPaint)})`);
console.log(`  drill tier                                   ${kb(drill).padStart(10)}   (limit ${kb(LIMITS.drill)})`);
const failures = [];
if (firstPaint > LIMITS.firstPaint) failures.push(`first paint ${kb(firstPaint)} is over ${kb(LIMITS.firstPaint)}`);
if (drill > LIMITS.drill) failures.push(`the drill tier ${kb(drill)} is over ${kb(LIMITS.drill)}`);
for (const failure of failures) console.error(`size with ${QUESTIONS} questions: ${failure}`);
process.exit(failures.length ? 1 : 0);
