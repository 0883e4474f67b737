// Secrets scan speed against `git log` itself (issue 3, "Fast": at most 1.3x `git log -p -U0 --all`;
// issue 13.2: on two streams at most 0.8x on an idle machine, never worse than one stream).
// Run: npx tsx bench/secrets.ts
// Builds once, cached in bench/.work/secrets-history (gitignored), a repository of 10,000+ commits
// and 25+ MB of diff with realistic code and config text and a few secrets; then times, in the same
// run, `git log -p -U0 --all` to /dev/null and the full-history scan on one stream, on two, and as
// the machine picks, interleaved, best of 5 each, and checks the three find the same.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { configSchema } from '../src/config/schema.js';
import { makeSecretsCheck } from '../src/checks/secrets/check.js';
import { BUILTIN_RULES } from '../src/checks/secrets/rules/builtin.js';
import { COMMIT_FORMAT } from '../src/checks/secrets/diff-parser.js';
import { buildContext } from '../src/context/build.js';
import type { Context } from '../src/context/context.js';
import type { SecretRule } from '../src/checks/secrets/rules/types.js';
import { streamVariants, timeVariant, type StreamVariant } from './stream-variants.js';
import { CODE_LINES, CONFIG_LINES, WORDS, lines, name, pick, random, SECRETS } from './code-text.js';

const COMMITS = 10_500;
const GENERATOR_VERSION = '1';
const here = dirname(fileURLToPath(import.meta.url));
const repoDir = join(here, '.work', 'secrets-history');

// ---- build the repository with fast-import ------------------------------------------------------
function buildRepository(): void {
  rmSync(repoDir, { recursive: true, force: true });
  mkdirSync(repoDir, { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'main', repoDir]);
  const out: string[] = [];
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}`;
  let secrets = 0;
  const branches = new Set<string>();
  for (let index = 0; index < COMMITS; index++) {
    const branch = index % 7 === 3 ? `refs/heads/feature-${index % 5}` : 'refs/heads/main';
    out.push(`commit ${branch}`, `author Dev ${index % 13} <dev${index % 13}@example.com> ${1_600_000_000 + index * 600} +0000`);
    out.push(`committer Dev <dev@example.com> ${1_600_000_000 + index * 600} +0000`, data(`change ${index}\n`));
    if (branch !== 'refs/heads/main' && !branches.has(branch)) out.push('from refs/heads/main');
    branches.add(branch);
    let code = lines(30 + Math.floor(random() * 30), CODE_LINES);
    if (index % 250 === 17) {
      code += `${pick(SECRETS)()}\n`;
      secrets++;
    }
    out.push(`M 644 inline src/${pick(WORDS)}/${name()}-${index}.ts`, data(code));
    out.push(`M 644 inline config/${pick(WORDS)}-${index % 40}.yml`, data(lines(10 + Math.floor(random() * 10), CONFIG_LINES)));
    out.push('');
  }
  const input = out.join('\n');
  execFileSync('git', ['fast-import', '--quiet'], { cwd: repoDir, input, maxBuffer: 1 << 30 });
  writeFileSync(join(repoDir, '.bench-version'), `${GENERATOR_VERSION} ${secrets}\n`);
}

// ---- timing -------------------------------------------------------------------------------------
function gitLogToDevNull(extra: string[] = []): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const devNull = openSync('/dev/null', 'w');
    const child = spawn('git', ['log', '-p', '-U0', '--all', ...extra], { cwd: repoDir, stdio: ['ignore', devNull, 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`git log exited ${code}`))));
  });
}

async function loadRules(): Promise<{ rules: SecretRule[]; which: string }> {
  const builtin = join(here, '..', 'src', 'checks', 'secrets', 'rules', 'builtin.ts');
  if (existsSync(builtin)) {
    const module = (await import(pathToFileURL(builtin).href)) as { BUILTIN_RULES?: SecretRule[] };
    if (module.BUILTIN_RULES?.length) return { rules: module.BUILTIN_RULES, which: `BUILTIN_RULES (${module.BUILTIN_RULES.length} rules)` };
  }
  const { TEST_RULES } = await import('../test/checks/secrets/test-rules.js');
  return { rules: TEST_RULES, which: `the engine's test rules (${TEST_RULES.length} rules; builtin.ts not found)` };
}

const version = existsSync(join(repoDir, '.bench-version')) ? readFileSync(join(repoDir, '.bench-version'), 'utf8') : '';
if (!version.startsWith(`${GENERATOR_VERSION} `)) {
  const started = performance.now();
  console.log(`building ${COMMITS} commits in ${repoDir} ...`);
  buildRepository();
  console.log(`built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
const commits = execFileSync('git', ['rev-list', '--all', '--count'], { cwd: repoDir, encoding: 'utf8' }).trim();
const diffBytes = execFileSync('sh', ['-c', 'git log -p -U0 --all | wc -c'], { cwd: repoDir, encoding: 'utf8' }).trim();
const { rules, which } = await loadRules();
const config = configSchema.parse({});
const context = await buildContext({ root: repoDir, overrides: {}, git: true }, ['secrets']);
const workerRules = rules === BUILTIN_RULES ? ('builtin' as const) : undefined;

const variants = streamVariants(workerRules);
const findingsOf = (variant: StreamVariant) => JSON.stringify(variant.result?.findings);

// Interleaved rounds, best of each: on a shared machine, load shifts between phases otherwise.
const ROUNDS = 5;
const loads: number[] = [];
let gitLog = Infinity;
let gitLogSameFlags = Infinity;
for (let round = 0; round < ROUNDS; round++) {
  loads.push(loadavg()[0]!);
  gitLog = Math.min(gitLog, await gitLogToDevNull());
  // The scan's own git flags (merges as combined diffs, renames detected, messages): the cost of the reading alone.
  gitLogSameFlags = Math.min(gitLogSameFlags, await gitLogToDevNull(['--cc', '-M', '--no-color', `--format=${COMMIT_FORMAT}`]));
  for (const variant of variants) await timeVariant(variant, rules, context, config);
}
const [single] = variants;
console.log(
  `machine: ${availableParallelism()} CPUs; 1-minute load average ${loads.map((load) => load.toFixed(1)).join(', ')} at each round`,
);
console.log(`repository: ${commits} commits, ${(Number(diffBytes) / 1e6).toFixed(1)} MB of \`git log -p -U0 --all\` output`);
console.log(`rules: ${which}`);
console.log(`git log -p -U0 --all > /dev/null: ${gitLog.toFixed(0)} ms (best of ${ROUNDS})`);
console.log(`  same, with the scan's git flags:  ${gitLogSameFlags.toFixed(0)} ms (best of ${ROUNDS})`);
for (const variant of variants) {
  const same = findingsOf(variant) === findingsOf(single!) ? 'same findings as one stream' : 'FINDINGS DIFFER from one stream';
  console.log(
    `secrets scan, ${variant.label.padEnd(21)} ${variant.best.toFixed(0).padStart(6)} ms, CPU of this process ${variant.cpu.toFixed(0)} ms ` +
      `(best of ${ROUNDS}), ${variant.result?.stats?.commits} commits, ${Number(variant.result?.stats?.lines ?? 0).toLocaleString('en-US')} added lines read, ${variant.result?.findings.length} findings, ${same}`,
  );
}
for (const variant of variants) {
  console.log(
    `ratio ${variant.label} / git log: ${(variant.best / gitLog).toFixed(2)}x (targets: two streams <= 0.8x on an idle machine; never worse than one stream)`,
  );
}

// ---- incremental nightly scans (issue 13.3) -----------------------------------------------------
// The baseline is the cold start: the same check on a repository with one empty commit (the start,
// the rule compile, git's start). The second nightly run on the unchanged repository should finish
// within 2x of it; a run after N new commits should read N.
const cacheDir = mkdtempSync(join(tmpdir(), 'sg-bench-cache-'));
const emptyRepo = mkdtempSync(join(tmpdir(), 'sg-bench-empty-'));
execFileSync('git', ['init', '-q', emptyRepo]);
execFileSync('git', ['-c', 'user.name=a', '-c', 'user.email=a@example.com', 'commit', '-q', '--allow-empty', '-m', 'empty'], {
  cwd: emptyRepo,
});
const nightlyCheck = makeSecretsCheck(rules, workerRules ? { workerRules } : {});
const nightlyConfig = configSchema.parse({ deps: { 'cache-dir': cacheDir } });
const nightly = async (root: string, ctx: Context): Promise<{ ms: number; commits: number; findings: number; cache: string }> => {
  const started = performance.now();
  const result = await nightlyCheck(ctx, root === repoDir ? nightlyConfig : config);
  const ms = performance.now() - started;
  return {
    ms,
    commits: Number(result.stats?.commits ?? 0),
    findings: result.findings.length,
    cache: String(result.stats?.historyCache ?? ''),
  };
};
const emptyContext = await buildContext({ root: emptyRepo, overrides: {}, git: true }, ['secrets']);
const NEW_COMMITS = 25;
try {
  let coldStart = Infinity;
  let warm = { ms: Infinity, commits: -1, findings: 0, cache: '' };
  rmSync(join(cacheDir, 'secrets-history'), { recursive: true, force: true });
  const cold = await nightly(repoDir, context);
  for (let round = 0; round < 5; round++) {
    coldStart = Math.min(coldStart, (await nightly(emptyRepo, emptyContext)).ms);
    const next = await nightly(repoDir, context);
    if (next.ms < warm.ms) warm = next;
  }
  // N new commits on a branch of their own (removed afterwards, so the bench repository stays as built).
  const input = Array.from({ length: NEW_COMMITS }, (_, index) => {
    const text = lines(20, CODE_LINES);
    return [
      'commit refs/heads/bench-incremental',
      `committer Dev <dev@example.com> ${1_700_000_000 + index} +0000`,
      'data 4',
      'new',
      ...(index === 0 ? ['from refs/heads/main'] : []),
      `M 644 inline new/${index}.ts`,
      `data ${Buffer.byteLength(text)}`,
      text,
    ].join('\n');
  });
  execFileSync('git', ['fast-import', '--quiet'], { cwd: repoDir, input: `${input.join('\n')}\n` });
  const after = await nightly(repoDir, await buildContext({ root: repoDir, overrides: {}, git: true }, ['secrets']));
  execFileSync('git', ['update-ref', '-d', 'refs/heads/bench-incremental'], { cwd: repoDir });
  console.log('\nincremental nightly scans (deps.cache-dir):');
  console.log(`  cold start, a repository of one empty commit:  ${coldStart.toFixed(0)} ms (best of 5)`);
  console.log(
    `  first nightly run, no cache:                   ${cold.ms.toFixed(0)} ms, ${cold.commits} commits read, ${cold.findings} findings (${cold.cache})`,
  );
  console.log(
    `  second nightly run, unchanged repository:      ${warm.ms.toFixed(0)} ms, ${warm.commits} commits read, ${warm.findings} findings (${warm.cache}) (best of 5)`,
  );
  console.log(
    `  after ${NEW_COMMITS} new commits:                         ${after.ms.toFixed(0)} ms, ${after.commits} commits read, ${after.findings} findings (${after.cache})`,
  );
  console.log(
    `ratio second nightly run / cold start: ${(warm.ms / coldStart).toFixed(2)}x (target <= 2x); commits read after ${NEW_COMMITS} new ones: ${after.commits}`,
  );
  if (warm.commits !== 0 || after.commits !== NEW_COMMITS || warm.findings !== cold.findings) process.exitCode = 1;
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
  rmSync(emptyRepo, { recursive: true, force: true });
}
if (variants.some((variant) => findingsOf(variant) !== findingsOf(single!))) process.exitCode = 1;
