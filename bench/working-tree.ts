// Working-tree scan speed against `cat` (issue 13.1: at most 2x `cat` of the same files).
// Run: npx tsx bench/working-tree.ts   (or npm run bench -- working-tree)
// Builds once, in bench/.work/working-tree (gitignored), a tree of tens of thousands of files and
// millions of lines of code-like text with a few secrets, a nested node_modules and .git (skipped),
// a few binary files and two files over the size limit. Then times, interleaved, best of 3 each:
// `cat` of exactly the files the scanner reads whole (not skipped, not binary, within
// `secrets.max-file-size`) to /dev/null, and the `--no-git` secrets scan of the tree. Checks that the
// scan finds what a straightforward reading (every file read whole, every line scanned) finds.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configSchema } from '../src/config/schema.js';
import { makeSecretsCheck } from '../src/checks/secrets/check.js';
import { compileRules } from '../src/checks/secrets/detect/compile.js';
import { Detector, linesOf } from '../src/checks/secrets/detect/detector.js';
import { BUILTIN_RULES } from '../src/checks/secrets/rules/builtin.js';
import { buildContext } from '../src/context/build.js';
import { CODE_LINES, CONFIG_LINES, SECRETS, WORDS, lines, name, pick, random, reseed } from './code-text.js';

const FILES = 40_000;
const GENERATOR_VERSION = '1';
const here = dirname(fileURLToPath(import.meta.url));
const treeDir = join(here, '.work', 'working-tree');
const SNIFF_BYTES = 8000;

function buildTree(): void {
  rmSync(treeDir, { recursive: true, force: true });
  reseed(0x7ee);
  let secrets = 0;
  const write = (path: string, text: string | Buffer) => {
    const full = join(treeDir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  };
  for (let index = 0; index < FILES; index++) {
    const folder = `${pick(WORDS)}/${pick(WORDS)}`;
    if (index % 4 === 3) {
      write(`config/${folder}/${pick(WORDS)}-${index}.yml`, lines(10 + Math.floor(random() * 40), CONFIG_LINES));
      continue;
    }
    let code = lines(20 + Math.floor(random() * 140), CODE_LINES);
    if (index % 5000 === 17) {
      code += `${pick(SECRETS)()}\n`;
      secrets++;
    }
    write(`src/${folder}/${name()}-${index}.ts`, code);
  }
  // Skipped and counted: installed packages, git's database.
  for (let index = 0; index < 500; index++) write(`web/node_modules/pkg-${index % 50}/lib/${index}.js`, lines(30, CODE_LINES));
  for (let index = 0; index < 200; index++) write(`vendor/lib/.git/objects/${index}`, lines(5, CONFIG_LINES));
  for (let index = 0; index < 20; index++) write(`assets/image-${index}.png`, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
  // Over the size limit: scanned for distinctive tokens only.
  write('data/huge-1.json', lines(40_000, CONFIG_LINES));
  write('data/huge-2.log', `${lines(30_000, CODE_LINES)}${SECRETS[1]!()}\n`);
  writeFileSync(join(treeDir, '.bench-version'), `${GENERATOR_VERSION} ${secrets}\n`);
}

/** The files the scanner reads whole, as `cat` would get them: walked as the scanner walks. */
function filesCatReads(maxFileSize: number): { paths: string[]; bytes: number; lines: number } {
  const paths: string[] = [];
  let bytes = 0;
  let lineCount = 0;
  const walk = (dir: string, relative: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== '.git') walk(join(dir, entry.name), path);
      } else if (entry.isFile() && path !== '.bench-version') {
        const content = readFileSync(join(dir, entry.name));
        if (content.length > maxFileSize || content.subarray(0, SNIFF_BYTES).includes(0)) continue;
        paths.push(path);
        bytes += content.length;
        lineCount += content.toString('latin1').split('\n').length - (content.at(-1) === 10 ? 1 : 0);
      }
    }
  };
  walk(treeDir, '');
  return { paths, bytes, lines: lineCount };
}

function catFiles(listFile: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const devNull = openSync('/dev/null', 'w');
    const child = spawn('sh', ['-c', `xargs -0 cat < "${listFile}"`], { cwd: treeDir, stdio: ['ignore', devNull, 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`cat exited ${code}`))));
  });
}

/** The reference reading: every file read whole, every line decoded and scanned (the walker before issue 13.1). */
function referenceFindings(maxFileSize: number, paths: string[]): string[] {
  const config = configSchema.parse({});
  const detector = new Detector(compileRules(BUILTIN_RULES), {
    testPaths: config.secrets['test-paths'],
    maxDecodeDepth: config.secrets['max-decode-depth'],
  });
  const found: string[] = [];
  for (const path of paths) {
    const text = readFileSync(join(treeDir, path), 'utf8');
    if (Buffer.byteLength(text) > maxFileSize) continue;
    for (const detection of detector.scan(linesOf(text, path))) found.push(`${detection.rule.id} ${path}:${detection.line.line}`);
  }
  return found;
}

const version = existsSync(join(treeDir, '.bench-version')) ? readFileSync(join(treeDir, '.bench-version'), 'utf8') : '';
if (!version.startsWith(`${GENERATOR_VERSION} `)) {
  const started = performance.now();
  console.log(`building ${FILES} files in ${treeDir} ...`);
  buildTree();
  console.log(`built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
const config = configSchema.parse({});
const maxFileSize = config.secrets['max-file-size'];
const cat = filesCatReads(maxFileSize);
const listFile = join(here, '.work', 'working-tree-files.txt');
writeFileSync(listFile, cat.paths.map((path) => `${path}\u0000`).join(''));

const check = makeSecretsCheck(BUILTIN_RULES, { workerRules: 'builtin' });
const context = await buildContext({ root: treeDir, overrides: {}, git: false }, ['secrets']);
let stats: Record<string, number | string> = {};
let findings: string[] = [];
const scan = async (): Promise<number> => {
  const started = performance.now();
  const result = await check(context, config);
  stats = result.stats ?? {};
  findings = result.findings.map((finding) => `${finding.rule} ${finding.location.path}:${finding.location.line}`);
  return performance.now() - started;
};

const ROUNDS = 3;
const load = loadavg()[0]!;
let catTime = Infinity;
let scanTime = Infinity;
let scanCpu = Infinity;
for (let round = 0; round < ROUNDS; round++) {
  catTime = Math.min(catTime, await catFiles(listFile));
  const cpu = process.cpuUsage();
  scanTime = Math.min(scanTime, await scan());
  const used = process.cpuUsage(cpu);
  scanCpu = Math.min(scanCpu, (used.user + used.system) / 1000);
}
const reference = referenceFindings(maxFileSize, cat.paths);
const whole = findings.filter((finding) => cat.paths.includes(finding.split(' ')[1]!.replace(/:\d+$/, '')));
const same = JSON.stringify(whole) === JSON.stringify(reference);
const mb = (cat.bytes / 1e6).toFixed(1);
console.log(`machine: ${availableParallelism()} CPUs, load average ${load.toFixed(2)} (1 min) at the start`);
console.log(`tree: ${cat.paths.length} files read whole (${cat.lines} lines, ${mb} MB) as cat reads them`);
console.log(`scan stats: ${JSON.stringify(stats)}`);
console.log(`cat of those files > /dev/null:   ${catTime.toFixed(0)} ms (best of ${ROUNDS})`);
console.log(
  `secrets scan --no-git of the tree: ${scanTime.toFixed(0)} ms (best of ${ROUNDS}), CPU of this process ${scanCpu.toFixed(0)} ms`,
);
console.log(
  `findings: ${findings.length}; the reference reading of the same files finds ${reference.length}: ${same ? 'the same' : 'DIFFERENT'}`,
);
console.log(`ratio scan / cat: ${(scanTime / catTime).toFixed(2)}x (target <= 2x)`);
if (!same) process.exitCode = 1;
