// `npm run bench`: every benchmark in turn, each printing its ratio against a baseline measured in
// the same run (these machines are noisy: compare ratios, not absolute times).
// Pass names to run a subset: `npm run bench -- secrets deps`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const BENCHES = [
  'lockfiles',
  'deps',
  'limits',
  'deep-paths',
  'secrets',
  'working-tree',
  'rules-quality',
  'secrets-dev',
  'real-code',
  'cli',
];
const wanted = process.argv.slice(2);
let failed = false;
for (const name of BENCHES.filter((bench) => wanted.length === 0 || wanted.includes(bench))) {
  const file = new URL(`./${name}.ts`, import.meta.url).pathname;
  if (!existsSync(file)) continue;
  process.stdout.write(`\n== bench/${name}.ts\n`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
