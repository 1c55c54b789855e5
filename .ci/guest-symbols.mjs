// The guest build must not link the code it hands to the full build: mock
// rounds, the plan, the deck builder, the embed generator, the link writer
// and its compressor. Read from the function names a build keeps (the wasm
// "name" section, present until wasm-opt strips it), so the check sees what
// was linked, not what the source says.
//
//   node .ci/guest-symbols.mjs target/site/guest/guest_bg.wasm
import { readFileSync } from 'node:fs';

const FORBIDDEN = [
  ['mock rounds', /interview_drill::(core::mock|core::session::prep|ui::mock_|storage::prep)/],
  ['the prep plan', /interview_drill::(core::plan::|ui::plan_view)/],
  ['the deck builder', /interview_drill::(core::builder|ui::builder|shell::builder)/],
  ['the embed generator', /interview_drill::(ui::generator|shell::generator|core::snippet)/],
  ['the link writer', /interview_drill::(core::share|core::session::links|core::my_decks|ui::links)|miniz_oxide/],
  ['statistics and settings', /interview_drill::(core::stats|ui::stats|ui::settings|ui::data)/],
];
// Names the guest does link: without them the names were stripped and the
// check would pass on anything.
const EXPECTED = [/interview_drill::core::session::update/, /interview_drill::core::fsrs::/];

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

/** The problems with the guest at `file`, one line each; empty when it is clean. */
export function guestProblems(file) {
  const names = functionNames(readFileSync(file));
  const problems = [];
  for (const pattern of EXPECTED) {
    if (!names.some((n) => pattern.test(n))) problems.push(`no function matches ${pattern}: were the names stripped?`);
  }
  for (const [what, pattern] of FORBIDDEN) {
    const linked = names.filter((n) => pattern.test(n));
    if (linked.length) problems.push(`links ${what}: ${linked.slice(0, 3).join(', ')}${linked.length > 3 ? ` and ${linked.length - 3} more` : ''}`);
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = guestProblems(process.argv[2]);
  for (const problem of problems) console.error(`guest: ${problem}`);
  process.exit(problems.length ? 1 : 0);
}
