// The guest build must not link the code it hands to the full build: mock
// rounds, the plan, the deck builder, the embed generator, the link writer
// and its compressor; and its first-paint module must not link the drill
// part it fetches just after. Read from the function names a build keeps
// (the wasm "name" section, present until wasm-opt strips it), so the check
// sees what was linked, not what the source says.
//
//   node .ci/guest-symbols.mjs target/site/guest/guest_bg.wasm target/site/guest/split_drill.wasm
import { readFileSync } from 'node:fs';

const FORBIDDEN = [
  ['mock rounds', /interview_drill::(core::mock|core::session::prep|ui::mock_|storage::prep)/],
  ['the prep plan', /interview_drill::(core::plan::|ui::plan_view)/],
  ['the deck builder', /interview_drill::(core::builder|ui::builder|shell::builder)/],
  ['the embed generator', /interview_drill::(ui::generator|shell::generator|core::snippet)/],
  ['the link writer', /interview_drill::(core::share|core::session::links|core::my_decks|ui::links)|miniz_oxide/],
  ['statistics and settings', /interview_drill::(core::stats|ui::stats|ui::settings|ui::data)/],
];
// What the guest's first-paint module leaves to the drill part it fetches
// just after (drop glue of the part's types may stay: it is a few bytes).
const DRILL_PART = /interview_drill::(core::coach::|core::session::update|ui::card::card_rest|ui::follow_ups|ui::answer_box|ui::aloud|ui::answer::)/;
// Names each does link: without them the names were stripped and the check
// would pass on anything.
const EXPECTED = [/interview_drill::ui::card::card::/, /interview_drill::core::fsrs::/];
const EXPECTED_IN_PART = [/interview_drill::core::session::update/, /interview_drill::core::coach::check/];

function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

/** Every function name in the wasm's "name" custom section. */
export function functionNames(bytes) {
  const names = [];
  const text = new TextDecoder();
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at++];
    let size;
    [size, at] = leb(bytes, at);
    const end = at + size;
    if (id === 0) {
      let [nameLength, p] = leb(bytes, at);
      const section = text.decode(bytes.subarray(p, p + nameLength));
      p += nameLength;
      while (section === 'name' && p < end) {
        const kind = bytes[p++];
        let length;
        [length, p] = leb(bytes, p);
        const subEnd = p + length;
        if (kind === 1) {
          let count;
          [count, p] = leb(bytes, p);
          for (let i = 0; i < count; i += 1) {
            let n;
            [, p] = leb(bytes, p);
            [n, p] = leb(bytes, p);
            names.push(text.decode(bytes.subarray(p, p + n)));
            p += n;
          }
        }
        p = subEnd;
      }
    }
    at = end;
  }
  return names;
}

/**
 * A legacy-mangled Rust name (`_ZN15interview_drill4core...E`, as the
 * splitter leaves them) as a path (`interview_drill::core::...`); any other
 * name as it is.
 */
export function demangle(name) {
  if (!name.startsWith('_ZN')) return name;
  const segments = [];
  let at = 3;
  while (at < name.length && name[at] !== 'E') {
    const digits = /^\d+/.exec(name.slice(at));
    if (!digits) return name;
    at += digits[0].length;
    segments.push(name.slice(at, at + Number(digits[0])));
    at += Number(digits[0]);
  }
  return segments.join('::');
}

/**
 * The problems with the guest's first-paint module at `file` and its drill
 * part at `partFile`, one line each; empty when they are clean.
 */
export function guestProblems(file, partFile) {
  const names = functionNames(readFileSync(file));
  const partNames = functionNames(readFileSync(partFile)).map(demangle);
  const problems = [];
  for (const [pattern, list, where] of [...EXPECTED.map((p) => [p, names, 'first paint']), ...EXPECTED_IN_PART.map((p) => [p, partNames, 'the drill part'])]) {
    if (!list.some((n) => pattern.test(n))) problems.push(`no function of ${where} matches ${pattern}: were the names stripped, or the cut moved?`);
  }
  const inMain = names.filter((n) => DRILL_PART.test(n) && !n.startsWith('core::ptr::drop_in_place'));
  if (inMain.length) problems.push(`first paint links the drill part: ${inMain.slice(0, 3).join(', ')}${inMain.length > 3 ? ` and ${inMain.length - 3} more` : ''}`);
  for (const [what, pattern] of FORBIDDEN) {
    const linked = [...names, ...partNames].filter((n) => pattern.test(n));
    if (linked.length) problems.push(`links ${what}: ${linked.slice(0, 3).join(', ')}${linked.length > 3 ? ` and ${linked.length - 3} more` : ''}`);
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = guestProblems(process.argv[2], process.argv[3]);
  for (const problem of problems) console.error(`guest: ${problem}`);
  process.exit(problems.length ? 1 : 0);
}
