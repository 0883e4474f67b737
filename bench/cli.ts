// The bundles as users meet them (issue 13, "Start fast"): wall time from spawn to exit of
//   - `node dist/cli.js --version`                       target <= 1.5x `node -e 0`
//   - `node dist/cli.js scan` of an empty repository      (reported)
//   - `node dist/index.js` on an empty workspace          target <= 2.5x `node -e 0`
// each against bare `node -e 0` measured in the same run, under every Node found (20 and 24).
// Rounds are interleaved (one of each command per round) and the median is reported: these machines
// are shared and noisy, so compare ratios, not absolute times. Node 22.1+ runs each command twice:
// with the module compile cache warm (what a second run on the same machine meets) and disabled
// (NODE_DISABLE_COMPILE_CACHE=1, a fresh runner). Then the bundle sizes, and a `scan` of this
// repository against `git log -p -U0 --all` (the floor of reading its history).
// Run: npm run bench -- cli   (after `npm run build`)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadedAtStart, nodeBinaries } from '../test/support/dist.js';

const ROOT = new URL('..', import.meta.url).pathname;
const DIST = join(ROOT, 'dist');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);

interface Command {
  name: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  target?: number;
}

function timeToExit(bin: string, command: Command, extraEnv: NodeJS.ProcessEnv): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(bin, command.args, {
    cwd: command.cwd,
    env: { ...process.env, ...command.env, ...extraEnv },
    stdio: ['ignore', 'ignore', 'ignore'],
    maxBuffer: 1 << 30,
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command.name} exited ${result.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Interleaved rounds: every command once per round, so load changes hit all of them alike. */
function measure(bin: string, commands: Command[], extraEnv: NodeJS.ProcessEnv): Map<string, number> {
  for (const command of commands) timeToExit(bin, command, extraEnv); // warm the page cache (and the compile cache)
  const times = new Map(commands.map((command) => [command.name, [] as number[]]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const command of commands) times.get(command.name)!.push(timeToExit(bin, command, extraEnv));
  }
  return new Map([...times].map(([name, values]) => [name, median(values)]));
}

// An empty repository: one commit with a README, no lockfile, no SECURITY.md, no secret.
const repo = mkdtempSync(join(tmpdir(), 'sg-bench-cli-'));
const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, stdio: 'ignore' });
git('init', '-q', '-b', 'main');
writeFileSync(join(repo, 'README.md'), '# empty\n');
git('add', '-A');
git('-c', 'user.name=b', '-c', 'user.email=b@example.com', 'commit', '-qm', 'init');
const runner = mkdtempSync(join(tmpdir(), 'sg-bench-runner-'));
writeFileSync(join(runner, 'event.json'), '{}');
// The environment a runner gives a scheduled run; outputs and summary go to files, as on GitHub.
const actionEnv = {
  GITHUB_EVENT_NAME: 'schedule',
  GITHUB_EVENT_PATH: join(runner, 'event.json'),
  GITHUB_WORKSPACE: repo,
  GITHUB_OUTPUT: join(runner, 'output'),
  GITHUB_STEP_SUMMARY: join(runner, 'summary.md'),
  RUNNER_TEMP: runner,
  INPUT_MODE: 'auto',
  'INPUT_ADVISORY-DB': join(ROOT, 'test/fixtures/osv'),
};
writeFileSync(actionEnv.GITHUB_OUTPUT, '');
writeFileSync(actionEnv.GITHUB_STEP_SUMMARY, '');

const commands: Command[] = [
  { name: 'node -e 0', args: ['-e', '0'], cwd: repo },
  { name: 'cli --version', args: [join(DIST, 'cli.js'), '--version'], cwd: repo, target: 1.5 },
  {
    name: 'cli scan (empty repository)',
    args: [join(DIST, 'cli.js'), 'scan', '--advisory-db', join(ROOT, 'test/fixtures/osv')],
    cwd: repo,
  },
  { name: 'action (empty workspace)', args: [join(DIST, 'index.js')], cwd: repo, env: actionEnv, target: 2.5 },
];

for (const { version, bin } of nodeBinaries()) {
  const major = Number(version.slice(1).split('.')[0]);
  const hasCompileCache = major >= 23 || (major === 22 && Number(version.split('.')[1]) >= 1);
  const variants: [string, NodeJS.ProcessEnv][] = hasCompileCache
    ? [
        ['compile cache warm', {}],
        ['compile cache off', { NODE_DISABLE_COMPILE_CACHE: '1' }],
      ]
    : [['no compile cache in this Node', {}]];
  for (const [label, extraEnv] of variants) {
    const medians = measure(bin, commands, extraEnv);
    const floor = medians.get('node -e 0')!;
    console.log(`Node ${version}, ${label}: median of ${ROUNDS} interleaved rounds, node -e 0 = ${floor.toFixed(0)} ms`);
    for (const command of commands.slice(1)) {
      const ms = medians.get(command.name)!;
      const ratio = ms / floor;
      const verdict = command.target === undefined ? '' : ` (target <= ${command.target}x: ${ratio <= command.target ? 'met' : 'MISSED'})`;
      console.log(`  ${command.name.padEnd(30)} ${ms.toFixed(0).padStart(5)} ms  ${ratio.toFixed(2)}x${verdict}`);
    }
  }
}

// The bundle layout: the entries, what each loads before it runs (its static imports), and the
// chunks loaded on demand; source maps sit beside them and are not loaded by default.
const files = readdirSync(DIST).sort();
const size = (file: string) => statSync(join(DIST, file)).size;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const js = files.filter((file) => file.endsWith('.js'));
const entries = js.filter((file) => !file.startsWith('chunk-'));
const chunks = js.filter((file) => file.startsWith('chunk-'));
const sum = (list: string[]) => list.reduce((total, file) => total + size(file), 0);
console.log('dist/ (minified ESM, code-split):');
for (const entry of entries) {
  const start = loadedAtStart(DIST, entry);
  console.log(
    `  ${entry.padEnd(16)} ${kb(size(entry)).padStart(7)}, loads ${kb(sum(start)).padStart(7)} in ${start.length} files before it runs`,
  );
}
const largest = [...chunks].sort((a, b) => size(b) - size(a)).slice(0, 5);
console.log(`  ${chunks.length} chunks, ${kb(sum(chunks))}; largest: ${largest.map((file) => kb(size(file))).join(', ')}`);
console.log(`  all .js ${kb(sum(js))}; source maps (.map, not loaded) ${kb(sum(files.filter((file) => file.endsWith('.map'))))}`);

// A scan of this repository's whole history against git reading it (the floor), 5 rounds.
if (existsSync(join(ROOT, '.git'))) {
  const node = process.execPath;
  const gitLog: number[] = [];
  const scan: number[] = [];
  for (let round = 0; round < 5; round++) {
    let start = process.hrtime.bigint();
    spawnSync('git', ['log', '-p', '-U0', '--all'], { cwd: ROOT, stdio: 'ignore', maxBuffer: 1 << 30 });
    gitLog.push(Number(process.hrtime.bigint() - start) / 1e6);
    start = process.hrtime.bigint();
    spawnSync(node, [join(DIST, 'cli.js'), 'scan', '.', '--advisory-db', 'test/fixtures/osv'], { cwd: ROOT, stdio: 'ignore' });
    scan.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  console.log(
    `cli scan of this repository: ${median(scan).toFixed(0)} ms vs git log -p -U0 --all ${median(gitLog).toFixed(0)} ms: ${(median(scan) / median(gitLog)).toFixed(2)}x (median of 5)`,
  );
}
