// The bundles as users meet them:
// 1. the action's cold start: `node dist/index.js` to its first output, on a repository with nothing
//    to report, against bare `node` printing one byte (the floor any action pays);
// 2. `node dist/cli.js scan .` on this repository (offline advisories), against
//    `git log -p -U0 --all` on the same repository (the floor of reading its history).
// Best of 5 each, in alternation; prints ratios (absolute times are noisy here).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const RUNS = 5;

/** Milliseconds from spawn to the first byte on stdout (or to exit when it prints nothing). */
function timeToFirstOutput(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'ignore'] });
    let first: number | undefined;
    child.stdout.on('data', () => {
      first ??= Number(process.hrtime.bigint() - start) / 1e6;
    });
    child.on('error', reject);
    child.on('close', () => resolve(first ?? Number(process.hrtime.bigint() - start) / 1e6));
  });
}

function timeToExit(command: string, args: string[], cwd: string): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'ignore'], maxBuffer: 1 << 30 });
  if (result.error) throw result.error;
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function best(times: () => Promise<number> | number): Promise<number> {
  let min = Infinity;
  for (let i = 0; i < RUNS; i++) min = Math.min(min, await times());
  return min;
}

// A small clean repository: one commit, a SECURITY.md, no lockfile, no secret.
const repo = mkdtempSync(join(tmpdir(), 'sg-bench-cli-'));
const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, stdio: 'ignore' });
git('init', '-q', '-b', 'main');
writeFileSync(join(repo, 'README.md'), '# clean\n');
git('add', '-A');
git('-c', 'user.name=b', '-c', 'user.email=b@example.com', 'commit', '-qm', 'init');
const event = join(repo, '..', `${repo.split('/').pop()}-event.json`);
writeFileSync(event, '{}');
const env = {
  ...process.env,
  GITHUB_EVENT_NAME: 'schedule',
  GITHUB_EVENT_PATH: event,
  GITHUB_WORKSPACE: repo,
  INPUT_CHECKS: 'secrets,versions',
  RUNNER_TEMP: repo,
};

const node = process.execPath;
const floor = await best(() => timeToFirstOutput(node, ['-e', "process.stdout.write('x')"], { cwd: repo }));
const action = await best(() => timeToFirstOutput(node, [join(ROOT, 'dist/index.js')], { cwd: repo, env }));
console.log(
  `action cold start (node ${process.version}): ${action.toFixed(0)} ms to first output vs bare node ${floor.toFixed(0)} ms: ${(action / floor).toFixed(2)}x`,
);

const gitLog = await best(() => timeToExit('git', ['log', '-p', '-U0', '--all'], ROOT));
const scan = await best(() => timeToExit(node, [join(ROOT, 'dist/cli.js'), 'scan', '.', '--advisory-db', 'test/fixtures/osv'], ROOT));
console.log(
  `cli scan of this repository: ${scan.toFixed(0)} ms vs git log -p -U0 --all ${gitLog.toFixed(0)} ms: ${(scan / gitLog).toFixed(2)}x`,
);
