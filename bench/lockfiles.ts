// Parse time of the JavaScript lockfile parsers on the large real lockfile (google/santa-tracker-web,
// 470 KB, 652 install paths): `npx tsx bench/lockfiles.ts [file]`. Prints the median of 30 runs
// after 5 warm-ups, and JSON.parse alone on the same text for scale.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { formatFor } from '../src/checks/deps/lockfiles/index.js';
import type { ParseContext } from '../src/checks/deps/types.js';

const file = process.argv[2] ?? 'test/checks/deps/lockfiles/npm/package-lock.v2-large-santatracker.json';
const text = readFileSync(file, 'utf8');
const format = formatFor('package-lock.json')!;

const NO_SIBLINGS: ParseContext = { readSibling: async () => undefined };

async function median(run: () => unknown, times = 30, warmups = 5): Promise<number> {
  for (let index = 0; index < warmups; index++) await run();
  const samples: number[] = [];
  for (let index = 0; index < times; index++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b)[Math.floor(times / 2)]!;
}

const packages = await format.parse(text, file, NO_SIBLINGS);
const parse = await median(() => format.parse(text, file, NO_SIBLINGS));
const json = await median(() => JSON.parse(text));
console.log(`${file}: ${(text.length / 1024).toFixed(0)} KB, ${packages.length} packages (deduped)`);
console.log(`parse (package-lock.json parser): ${parse.toFixed(2)} ms median`);
console.log(`JSON.parse alone:                 ${json.toFixed(2)} ms median (ratio ${(parse / json).toFixed(2)}x)`);
