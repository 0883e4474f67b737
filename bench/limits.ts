// Bounded time and memory on large inputs (`npx tsx bench/limits.ts`, part of `npm run bench`).
// Generates npm, pnpm, yarn and bun lockfiles of about 1, 4 and 16 MB (a 50 MB bun.lock too: issue
// 10 item 10), each with a dependency chain as long as the file allows (the shape that made paths
// quadratic) plus cross links, and collects each in a child process, as the deps check does
// (collectPackages: read, parse, graph, packages). Prints the best time of three runs and the
// child's peak RSS, and
// the growth from one size to the next: 4x the input should cost about 4x the time, not 16x.
// Fails (exit 1) when a child's peak RSS passes 1 GB.
//
// Then the secrets check's whole-history scan of generated histories of 25k and 100k small commits
// (built once with git fast-import under bench/.work/limits-history-N, gitignored), each scanned in a
// child process as one stream: time, commits and lines read, and the child's peak RSS (git runs in
// processes of its own). Fails (exit 1) when a child's peak RSS passes 1 GB.
// `npx tsx bench/limits.ts --history` prints the history rows only.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { collectPackages } from '../src/checks/deps/collect.js';
import type { Package } from '../src/checks/deps/types.js';
import { CODE_LINES, SECRETS, WORDS, lines, pick, reseed } from './code-text.js';

const MB = 1024 * 1024;
const MEMORY_LIMIT_MB = 1024;

/** Files to write into a fresh folder (name -> text) for a lockfile of about `bytes`. */
type Generator = (bytes: number) => Record<string, string>;

interface Case {
  name: string;
  /** The file the child collects. */
  lockfile: string;
  generate: Generator;
  sizesMb: number[];
}

const CASES: Case[] = [
  { name: 'npm (package-lock.json v3)', lockfile: 'package-lock.json', generate: npmLock, sizesMb: [1, 4, 16] },
  { name: 'pnpm (pnpm-lock.yaml v9)', lockfile: 'pnpm-lock.yaml', generate: pnpmLock, sizesMb: [1, 4, 16] },
  { name: 'yarn (yarn.lock v1 + package.json)', lockfile: 'yarn.lock', generate: yarnLock, sizesMb: [1, 4, 16] },
  { name: 'bun (bun.lock)', lockfile: 'bun.lock', generate: bunLock, sizesMb: [1, 4, 16, 50] },
];

/** In the child: collect one lockfile as the check does and report time, packages and peak RSS. */
async function child(folder: string, lockfile: string): Promise<void> {
  const start = performance.now();
  const collected = await collectPackages(folder, [lockfile]);
  const ms = performance.now() - start;
  if (collected.errors.length) throw new Error(collected.errors.map((error) => error.message).join('\n'));
  // One path read, as a finding would: the deepest package's (the end of the chain).
  const deepest = collected.packages.reduce<Package | undefined>((last, pkg) => (last && last.name > pkg.name ? last : pkg), undefined);
  process.stdout.write(
    JSON.stringify({
      ms,
      packages: collected.packages.length,
      pathLength: deepest?.path.length ?? 0,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

function parent(): void {
  let failed = false;
  const work = mkdtempSync(join(tmpdir(), 'sg-bench-limits-'));
  try {
    const baseline = run(work, 'empty', { 'package-lock.json': '{"lockfileVersion": 3, "packages": {}}' }, 'package-lock.json');
    console.log(`child baseline (node + tsx, an empty lockfile): ${baseline.maxRssMb.toFixed(0)} MB peak RSS`);
    for (const each of CASES) {
      console.log(`\n${each.name}`);
      console.log('   size  packages   path     time   peak RSS   x time   x RSS above baseline');
      let previous: (Result & { bytes: number }) | undefined;
      for (const size of each.sizesMb) {
        const files = sized(each, size * MB);
        // The best of three (one for the largest): this machine is shared, a single run is noisy.
        const runs = Array.from({ length: size <= 16 ? 3 : 1 }, () => run(work, `${each.lockfile}-${size}`, files, each.lockfile));
        const fastest = runs.reduce((best, next) => (next.ms < best.ms ? next : best));
        const result = { ...fastest, maxRssMb: Math.max(...runs.map((each) => each.maxRssMb)), bytes: files[each.lockfile]!.length };
        const growth = previous
          ? `${(result.ms / previous.ms).toFixed(1).padStart(6)}   ${((result.maxRssMb - baseline.maxRssMb) / Math.max(1, previous.maxRssMb - baseline.maxRssMb)).toFixed(1).padStart(6)}   (input x${(result.bytes / previous.bytes).toFixed(1)})`
          : '';
        console.log(
          `${(result.bytes / MB).toFixed(1).padStart(5)} MB ${String(result.packages).padStart(9)} ${String(result.pathLength).padStart(6)} ${result.ms.toFixed(0).padStart(6)} ms ${result.maxRssMb.toFixed(0).padStart(6)} MB   ${growth}`,
        );
        if (result.maxRssMb > MEMORY_LIMIT_MB) {
          console.log(`  FAIL: peak RSS above ${MEMORY_LIMIT_MB} MB`);
          failed = true;
        }
        previous = result;
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (!histories()) failed = true;
  process.exitCode = failed ? 1 : 0;
}

interface Result {
  ms: number;
  packages: number;
  pathLength: number;
  maxRssMb: number;
}

function run(work: string, name: string, files: Record<string, string>, lockfile: string): Result {
  const folder = join(work, name);
  rmSync(folder, { recursive: true, force: true });
  spawnSync('mkdir', ['-p', folder]);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(folder, file), text);
  statSync(join(folder, lockfile));
  const result = spawnSync(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--child', folder, lockfile], {
    encoding: 'utf8',
    maxBuffer: 16 * MB,
  });
  rmSync(folder, { recursive: true, force: true });
  if (result.status !== 0) throw new Error(`child failed on ${name}: ${result.stderr}`);
  return JSON.parse(result.stdout) as Result;
}

/** The generator's files, scaled once so the lockfile is within a few percent of `bytes`. */
function sized(each: Case, bytes: number): Record<string, string> {
  const first = each.generate(bytes);
  const actual = first[each.lockfile]!.length;
  return Math.abs(actual / bytes - 1) < 0.05 ? first : each.generate((bytes * bytes) / actual);
}

// --- generators: package i depends on i+1 (one long chain) and on a package further along ---

/** Package names sort in chain order, so the child finds the end of the chain by name. */
const name = (index: number): string => `pkg${String(index).padStart(7, '0')}`;
const integrity = (index: number): string => `sha512-${Buffer.from(name(index).repeat(4)).toString('base64')}`;

function count(bytes: number, perPackage: number): number {
  return Math.max(2, Math.floor(bytes / perPackage));
}

function dependenciesOf(index: number, total: number): number[] {
  const next = index + 1 < total ? [index + 1] : [];
  const far = index + 1000 < total ? [index + 1000] : [];
  return [...next, ...far];
}

function npmLock(bytes: number): Record<string, string> {
  const total = count(bytes, 330);
  const packages: Record<string, unknown> = { '': { name: 'app', version: '1.0.0', dependencies: { [name(0)]: '^1.0.0' } } };
  for (let index = 0; index < total; index++) {
    packages[`node_modules/${name(index)}`] = {
      version: '1.0.0',
      resolved: `https://registry.npmjs.org/${name(index)}/-/${name(index)}-1.0.0.tgz`,
      integrity: integrity(index),
      dependencies: Object.fromEntries(dependenciesOf(index, total).map((to) => [name(to), '^1.0.0'])),
    };
  }
  return { 'package-lock.json': JSON.stringify({ name: 'app', version: '1.0.0', lockfileVersion: 3, requires: true, packages }, null, 2) };
}

function pnpmLock(bytes: number): Record<string, string> {
  const total = count(bytes, 260);
  const lines = [
    "lockfileVersion: '9.0'",
    '',
    'importers:',
    '  .:',
    '    dependencies:',
    `      ${name(0)}:`,
    '        specifier: ^1.0.0',
    '        version: 1.0.0',
    '',
    'packages:',
  ];
  for (let index = 0; index < total; index++) lines.push(`  ${name(index)}@1.0.0:`, `    resolution: {integrity: ${integrity(index)}}`, '');
  lines.push('snapshots:');
  for (let index = 0; index < total; index++) {
    const dependencies = dependenciesOf(index, total);
    lines.push(`  ${name(index)}@1.0.0:${dependencies.length ? '' : ' {}'}`);
    if (dependencies.length) lines.push('    dependencies:', ...dependencies.map((to) => `      ${name(to)}: 1.0.0`));
  }
  return { 'pnpm-lock.yaml': `${lines.join('\n')}\n` };
}

function yarnLock(bytes: number): Record<string, string> {
  const total = count(bytes, 300);
  const lines = ['# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.', '# yarn lockfile v1', ''];
  for (let index = 0; index < total; index++) {
    lines.push(
      '',
      `${name(index)}@^1.0.0:`,
      '  version "1.0.0"',
      `  resolved "https://registry.yarnpkg.com/${name(index)}/-/${name(index)}-1.0.0.tgz#0123456789abcdef"`,
      `  integrity ${integrity(index)}`,
    );
    const dependencies = dependenciesOf(index, total);
    if (dependencies.length) lines.push('  dependencies:', ...dependencies.map((to) => `    ${name(to)} "^1.0.0"`));
  }
  return {
    'yarn.lock': `${lines.join('\n')}\n`,
    'package.json': JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { [name(0)]: '^1.0.0' } }),
  };
}

function bunLock(bytes: number): Record<string, string> {
  const total = count(bytes, 200);
  const lines = [
    '{',
    '  "lockfileVersion": 1,',
    '  "workspaces": {',
    `    "": { "name": "app", "dependencies": { "${name(0)}": "^1.0.0" } },`,
    '  },',
    '  "packages": {',
  ];
  for (let index = 0; index < total; index++) {
    const dependencies = dependenciesOf(index, total).map((to) => `"${name(to)}": "^1.0.0"`);
    lines.push(
      `    "${name(index)}": ["${name(index)}@1.0.0", "", { "dependencies": { ${dependencies.join(', ')} } }, "${integrity(index)}"],`,
    );
  }
  lines.push('  }', '}');
  return { 'bun.lock': `${lines.join('\n')}\n` };
}

// Last, so every generator above is defined before it runs.
// --- the secrets check's whole history: 25k and 100k small commits ---

const HISTORY_SIZES = [25_000, 100_000];
const HISTORY_VERSION = '1';

/** A history of `commits` small commits (a few code lines each, a key every 5,000th), built once. */
function historyRepository(commits: number): string {
  const dir = join(new URL('.', import.meta.url).pathname, '.work', `limits-history-${commits}`);
  const marker = join(dir, '.bench-version');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === HISTORY_VERSION) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  reseed(0x100c);
  const out: string[] = [];
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}`;
  for (let index = 0; index < commits; index++) {
    out.push('commit refs/heads/main', `committer Dev <dev@example.com> ${1_500_000_000 + index * 60} +0000`, data(`change ${index}\n`));
    const text = lines(3 + (index % 5), CODE_LINES) + (index % 5000 === 7 ? `${SECRETS[0]!()}\n` : '');
    out.push(`M 644 inline src/${pick(WORDS)}/${index % 2000}.ts`, data(text), '');
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: out.join('\n'), maxBuffer: 1 << 30 });
  writeFileSync(marker, HISTORY_VERSION);
  return dir;
}

/** In the child: the secrets check over the whole history, as `security-gate scan` runs it (one stream). */
async function historyChild(dir: string): Promise<void> {
  const { makeSecretsCheck } = await import('../src/checks/secrets/check.js');
  const { BUILTIN_RULES } = await import('../src/checks/secrets/rules/builtin.js');
  const { configSchema } = await import('../src/config/schema.js');
  const { buildContext } = await import('../src/context/build.js');
  const context = await buildContext({ root: dir, overrides: {}, git: true }, ['secrets']);
  const start = performance.now();
  const result = await makeSecretsCheck(BUILTIN_RULES, { parallel: { runners: 1 } })(context, configSchema.parse({}));
  const ms = performance.now() - start;
  if (result.errors.length) throw new Error(result.errors.map((error) => error.message).join('\n'));
  const { commits, lines: added } = result.stats ?? {};
  process.stdout.write(
    JSON.stringify({ ms, commits, lines: added, findings: result.findings.length, maxRssMb: process.resourceUsage().maxRSS / 1024 }),
  );
}

/** Prints the history rows; false when a child passed the memory limit. */
function histories(): boolean {
  let ok = true;
  console.log('\nsecrets: whole history of small commits (one stream)');
  console.log('  commits  lines read  findings     time   git log -p   peak RSS   x time   x RSS');
  let previous: { ms: number; maxRssMb: number; commits: number } | undefined;
  for (const size of HISTORY_SIZES) {
    const dir = historyRepository(size);
    const result = spawnSync(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--history-child', dir], {
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`history child failed on ${size} commits: ${result.stderr}`);
    const row = JSON.parse(result.stdout) as { ms: number; commits: number; lines: number; findings: number; maxRssMb: number };
    // The floor: git alone printing the same history (it grows faster than the commit count here, as trees widen).
    const started = performance.now();
    spawnSync('git', ['log', '-p', '-U0', '--cc', '-M', '--all'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
    const gitMs = performance.now() - started;
    const growth = previous
      ? `${(row.ms / previous.ms).toFixed(1).padStart(6)}   ${(row.maxRssMb / previous.maxRssMb).toFixed(1).padStart(5)}   (commits x${(row.commits / previous.commits).toFixed(1)})`
      : '';
    console.log(
      `${String(row.commits).padStart(9)} ${String(row.lines).padStart(11)} ${String(row.findings).padStart(9)} ${row.ms.toFixed(0).padStart(6)} ms ${gitMs.toFixed(0).padStart(9)} ms ${row.maxRssMb.toFixed(0).padStart(6)} MB   ${growth}`,
    );
    if (row.maxRssMb > MEMORY_LIMIT_MB) {
      console.log(`  FAIL: peak RSS above ${MEMORY_LIMIT_MB} MB`);
      ok = false;
    }
    previous = row;
  }
  return ok;
}

if (process.argv[2] === '--child') await child(process.argv[3]!, process.argv[4]!);
else if (process.argv[2] === '--history-child') await historyChild(process.argv[3]!);
else if (process.argv[2] === '--history') process.exitCode = histories() ? 0 : 1;
else parent();
