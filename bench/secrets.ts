// Secrets scan speed against `git log` itself (issue 3, "Fast": at most 1.3× `git log -p -U0 --all`).
// Run: npx tsx bench/secrets.ts
// Builds once, cached in bench/.work/secrets-history (gitignored), a repository of 10,000+ commits
// and 25+ MB of diff with realistic code and config text and a few secrets; then times, in the same
// run, `git log -p -U0 --all` to /dev/null and the full-history scan, interleaved, best of 5 each.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { configSchema } from '../src/config/schema.js';
import { makeSecretsCheck } from '../src/checks/secrets/check.js';
import { COMMIT_FORMAT } from '../src/checks/secrets/diff-parser.js';
import { buildContext } from '../src/context/build.js';
import type { SecretRule } from '../src/checks/secrets/rules/types.js';

const COMMITS = 10_500;
const GENERATOR_VERSION = '1';
const here = dirname(fileURLToPath(import.meta.url));
const repoDir = join(here, '.work', 'secrets-history');

// ---- deterministic text -------------------------------------------------------------------------
let seed = 0x5eed;
function random(): number {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const chars = (length: number, alphabet: string): string =>
  Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');

const WORDS = [
  'user',
  'order',
  'invoice',
  'account',
  'session',
  'cache',
  'queue',
  'payment',
  'report',
  'token',
  'config',
  'client',
  'server',
  'request',
  'response',
  'item',
  'price',
  'total',
  'status',
  'event',
  'handler',
  'service',
  'record',
  'result',
  'value',
  'index',
  'count',
  'limit',
  'offset',
  'page',
];
const name = (): string => pick(WORDS) + pick(WORDS).replace(/^./, (c) => c.toUpperCase());
const CODE_LINES: (() => string)[] = [
  () => `  const ${name()} = await ${name()}.find({ id: ${name()}.id, status: '${pick(WORDS)}' });`,
  () => `  if (${name()}.length > ${Math.floor(random() * 100)}) return ${name()}.slice(0, ${Math.floor(random() * 50)});`,
  () =>
    `export function ${name()}(${name()}: ${pick(['string', 'number', 'Options', 'Request'])}): ${pick(['void', 'boolean', 'Promise<void>'])} {`,
  () => `  // ${pick(WORDS)} the ${pick(WORDS)} before the ${pick(WORDS)} is sent to the ${pick(WORDS)}`,
  () => `import { ${name()}, ${name()} } from './${pick(WORDS)}/${pick(WORDS)}.js';`,
  () => `  logger.info(\`${pick(WORDS)} \${${name()}.id} took \${Date.now() - started}ms\`);`,
  () => `  return { ...${name()}, ${pick(WORDS)}: ${name()}.${pick(WORDS)} ?? null };`,
  () => '}',
  () => `  throw new Error('${pick(WORDS)} ${pick(WORDS)} is not ${pick(['valid', 'ready', 'allowed'])}');`,
  () => `  const url = \`https://api.${pick(WORDS)}.internal/v2/${pick(WORDS)}s/\${id}\`;`,
  () => `  password: process.env.${pick(WORDS).toUpperCase()}_PASSWORD,`,
  () => `  api_key: config.${pick(WORDS)}.apiKey,`,
];
const CONFIG_LINES: (() => string)[] = [
  () => `${pick(WORDS)}_${pick(WORDS)}: ${Math.floor(random() * 10_000)}`,
  () => `  ${pick(WORDS)}: "${pick(WORDS)}-${chars(6, 'abcdef0123456789')}"`,
  () => `  timeout_${pick(WORDS)}: ${Math.floor(random() * 60)}s`,
  () => `  image: registry.example.com/${pick(WORDS)}:${Math.floor(random() * 9)}.${Math.floor(random() * 20)}.${Math.floor(random() * 9)}`,
  () => `  token: \${{ secrets.${pick(WORDS).toUpperCase()}_TOKEN }}`,
];
const lines = (count: number, kinds: (() => string)[]): string => `${Array.from({ length: count }, () => pick(kinds)()).join('\n')}\n`;

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const SECRETS: (() => string)[] = [
  () => `AWS_ACCESS_KEY_ID=AKIA${chars(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
  () => `GITHUB_TOKEN=ghp_${chars(36, ALNUM)}`,
  () => `slack: xoxb-${chars(11, '0123456789')}-${chars(12, '0123456789')}-${chars(24, ALNUM)}`,
  () => `stripe_key = "sk_live_${chars(24, ALNUM)}"`,
];

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
const check = makeSecretsCheck(rules);
const config = configSchema.parse({});
let findings = 0;
let scanned = 0;
const scan = async (): Promise<number> => {
  const started = performance.now();
  const result = await check(await buildContext({ root: repoDir, overrides: {}, git: true }, ['secrets']), config);
  findings = result.findings.length;
  scanned = Number(result.stats?.commits ?? 0);
  return performance.now() - started;
};

// Interleaved rounds, best of each: on a shared machine, load shifts between phases otherwise.
const ROUNDS = 5;
let gitLog = Infinity;
let gitLogSameFlags = Infinity;
let scanTime = Infinity;
let scanCpu = Infinity;
for (let round = 0; round < ROUNDS; round++) {
  gitLog = Math.min(gitLog, await gitLogToDevNull());
  // The scan's own git flags (merges as combined diffs, renames detected, messages): the cost of the reading alone.
  gitLogSameFlags = Math.min(gitLogSameFlags, await gitLogToDevNull(['--cc', '-M', '--no-color', `--format=${COMMIT_FORMAT}`]));
  const cpu = process.cpuUsage();
  scanTime = Math.min(scanTime, await scan());
  const used = process.cpuUsage(cpu);
  scanCpu = Math.min(scanCpu, (used.user + used.system) / 1000);
}
console.log(`repository: ${commits} commits, ${(Number(diffBytes) / 1e6).toFixed(1)} MB of \`git log -p -U0 --all\` output`);
console.log(`rules: ${which}`);
console.log(`git log -p -U0 --all > /dev/null: ${gitLog.toFixed(0)} ms (best of ${ROUNDS})`);
console.log(`  same, with the scan's git flags:  ${gitLogSameFlags.toFixed(0)} ms (best of ${ROUNDS})`);
console.log(`secrets scan, full history:       ${scanTime.toFixed(0)} ms (best of ${ROUNDS}), ${scanned} commits, ${findings} findings`);
console.log(`  of which CPU in this process:    ${scanCpu.toFixed(0)} ms (parsing and matching, overlapped with git)`);
console.log(`ratio scan / git log: ${(scanTime / gitLog).toFixed(2)}x (target <= 1.3x)`);
console.log(`ratio scan / git log with the scan's flags: ${(scanTime / gitLogSameFlags).toFixed(2)}x`);
