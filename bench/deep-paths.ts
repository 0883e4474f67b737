// Deep install paths (review of issue 10, item 8's neighbour): npm v2/v3 and bun.lock resolve each
// dependency from its package's folder up to the root. A crafted lockfile of D nested entries, each
// listing 20 names installed nowhere, made that cubic (a walk as deep as the key per name, each step
// building a key as long). Baseline in the same run: the same file without the dependency lists, so
// the ratio is what resolving costs; it must stay small and must not grow with D.
// Run: npx tsx bench/deep-paths.ts   (or npm run bench -- deep-paths)
import { bunLock } from '../src/checks/deps/lockfiles/bun.js';
import { npmLock } from '../src/checks/deps/lockfiles/npm.js';
import type { LockfileFormat } from '../src/checks/deps/types.js';

const context = { readSibling: async () => undefined };
const missing = (i: number) => Object.fromEntries(Array.from({ length: 20 }, (_, k) => [`missing-${i}-${k}`, '1.0.0']));

function npmText(depth: number, withDeps: boolean): string {
  const packages: Record<string, unknown> = { '': { name: 'root', dependencies: { p0: '1.0.0' } } };
  let path = '';
  for (let i = 0; i < depth; i++) {
    path = path ? `${path}/node_modules/p${i}` : `node_modules/p${i}`;
    packages[path] = { version: '1.0.0', ...(withDeps ? { dependencies: { ...missing(i), [`p${i + 1}`]: '1.0.0' } } : {}) };
  }
  return JSON.stringify({ name: 'root', lockfileVersion: 3, packages }, null, 2);
}

function bunText(depth: number, withDeps: boolean): string {
  const packages: Record<string, unknown> = {};
  let key = '';
  for (let i = 0; i < depth; i++) {
    key = key ? `${key}/p${i}` : `p${i}`;
    packages[key] = [`p${i}@1.0.0`, '', withDeps ? { dependencies: { ...missing(i), [`p${i + 1}`]: '1.0.0' } } : {}, 'sha512-x'];
  }
  return JSON.stringify({ lockfileVersion: 1, workspaces: { '': { name: 'root', dependencies: { p0: '1.0.0' } } }, packages }, null, 2);
}

async function best(format: LockfileFormat, file: string, text: string): Promise<{ ms: number; packages: number }> {
  let ms = Infinity;
  let packages = 0;
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    const parsed = await format.parse(text, file, context);
    ms = Math.min(ms, performance.now() - start);
    packages = parsed.length;
    void parsed.at(-1)?.path; // the deepest dependency path, built as a report would
  }
  return { ms, packages };
}

let failed = false;
for (const [name, format, file, build] of [
  ['npm', npmLock, 'package-lock.json', npmText],
  ['bun', bunLock, 'bun.lock', bunText],
] as const) {
  console.log(`${name}: D nested entries, each listing 20 names installed nowhere`);
  for (const depth of [250, 500, 1000]) {
    const text = build(depth, true);
    const withDeps = await best(format, file, text);
    const without = await best(format, file, build(depth, false));
    const ratio = withDeps.ms / without.ms;
    failed ||= ratio > 10;
    console.log(
      `  D=${String(depth).padStart(4)}  ${(text.length / 1e6).toFixed(1).padStart(4)} MB  ${withDeps.packages} packages  ` +
        `${withDeps.ms.toFixed(0).padStart(5)} ms vs ${without.ms.toFixed(0).padStart(4)} ms without the dependency lists: ${ratio.toFixed(1)}x`,
    );
  }
}
console.log(
  failed
    ? 'FAIL resolving costs more than 10x parsing (target <= 10x at every depth)'
    : 'PASS resolving costs at most 10x parsing at every depth',
);
process.exitCode = failed ? 1 : 0;
