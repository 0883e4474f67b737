// Working-tree scan speed against `cat` (issue 13.1: at most 2x `cat` of the same files).
// Run: npx tsx bench/working-tree.ts [--tree DIR]   (or npm run bench -- working-tree)
// Builds once, in bench/.work/working-tree (gitignored), a tree of tens of thousands of files and
// millions of lines of code-like text with a few secrets, a nested node_modules and .git (skipped),
// a few binary files and two files over the size limit. Then times, interleaved, best of 3 each:
// `cat` of exactly the files the scanner reads whole (not skipped, not binary, within
// `secrets.max-file-size`) to /dev/null; the `--no-git` secrets scan of the tree on one stream, on two,
// and as the machine picks; and a straightforward reading (every file read whole, every line decoded
// and scanned: the walker's work before issue 13.1), whose findings each scan must match. `--tree DIR`
// measures another tree (the real code of bench/real-code.ts, say) instead of the generated one.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { configSchema } from '../src/config/schema.js';
import { compileRules } from '../src/checks/secrets/detect/compile.js';
import { Detector, linesOf } from '../src/checks/secrets/detect/detector.js';
import { BUILTIN_RULES } from '../src/checks/secrets/rules/builtin.js';
import { buildContext } from '../src/context/build.js';
import { streamVariants, timeVariant, type StreamVariant } from './stream-variants.js';
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
function filesCatReads(root: string, maxFileSize: number): { paths: string[]; pathSet: Set<string>; bytes: number; lines: number } {
  const paths: string[] = [];
  let bytes = 0;
  let lineCount = 0;
  const walk = (dir: string, relative: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== '.git') walk(join(dir, entry.name), path);
      } else if (entry.isFile()) {
        const content = readFileSync(join(dir, entry.name));
        if (content.length > maxFileSize || content.subarray(0, SNIFF_BYTES).includes(0)) continue;
        paths.push(path);
        bytes += content.length;
        lineCount += content.toString('latin1').split('\n').length - (content.at(-1) === 10 ? 1 : 0);
      }
    }
  };
  walk(root, '');
  paths.sort();
  return { paths, pathSet: new Set(paths), bytes, lines: lineCount };
}

function catFiles(root: string, listFile: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const devNull = openSync('/dev/null', 'w');
    const child = spawn('sh', ['-c', `xargs -0 cat < "${listFile}"`], { cwd: root, stdio: ['ignore', devNull, 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`cat exited ${code}`))));
  });
}

/** The reference reading: every file read whole, every line decoded and scanned (the walker before issue 13.1). */
function referenceFindings(root: string, maxFileSize: number, paths: string[]): string[] {
  const config = configSchema.parse({});
  const detector = new Detector(compileRules(BUILTIN_RULES), {
    testPaths: config.secrets['test-paths'],
    maxDecodeDepth: config.secrets['max-decode-depth'],
  });
  const found: string[] = [];
  for (const path of paths) {
    const text = readFileSync(join(root, path), 'utf8');
    if (Buffer.byteLength(text) > maxFileSize) continue;
    for (const detection of detector.scan(linesOf(text, path))) found.push(`${detection.rule.id} ${path}:${detection.line.line}`);
  }
  return found;
}

const { values: args } = parseArgs({ options: { tree: { type: 'string' } } });
const root = args.tree ? resolve(args.tree) : treeDir;
if (!args.tree) {
  const version = existsSync(join(treeDir, '.bench-version')) ? readFileSync(join(treeDir, '.bench-version'), 'utf8') : '';
  if (!version.startsWith(`${GENERATOR_VERSION} `)) {
    const started = performance.now();
    console.log(`building ${FILES} files in ${treeDir} ...`);
    buildTree();
    console.log(`built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}
const config = configSchema.parse({});
const maxFileSize = config.secrets['max-file-size'];
const cat = filesCatReads(root, maxFileSize);
const listFile = join(here, '.work', 'working-tree-files.txt');
writeFileSync(listFile, cat.paths.map((path) => `${path}\u0000`).join(''));
const context = await buildContext({ root, overrides: {}, git: false }, ['secrets']);

const variants = streamVariants('builtin');
const found = (variant: StreamVariant) =>
  (variant.result?.findings ?? []).map((finding) => `${finding.rule} ${finding.location.path}:${finding.location.line}`);

const ROUNDS = 3;
const loads: number[] = [];
let catTime = Infinity;
let referenceTime = Infinity;
let reference: string[] = [];
for (let round = 0; round < ROUNDS; round++) {
  loads.push(loadavg()[0]!);
  catTime = Math.min(catTime, await catFiles(root, listFile));
  for (const variant of variants) await timeVariant(variant, BUILTIN_RULES, context, config);
  const started = performance.now();
  reference = referenceFindings(root, maxFileSize, cat.paths);
  referenceTime = Math.min(referenceTime, performance.now() - started);
}
const [single] = variants;
const mb = (cat.bytes / 1e6).toFixed(1);
console.log(
  `machine: ${availableParallelism()} CPUs; 1-minute load average ${loads.map((load) => load.toFixed(1)).join(', ')} at each round`,
);
console.log(`tree: ${root}: ${cat.paths.length} files read whole (${cat.lines} lines, ${mb} MB), as cat reads them`);
console.log(`scan stats: ${JSON.stringify(single!.result?.stats)}`);
console.log(`cat of those files > /dev/null:        ${catTime.toFixed(0).padStart(6)} ms (best of ${ROUNDS})`);
console.log(
  `reading every line of them (the walker before issue 13.1: no prefilter, every line decoded and scanned): ${referenceTime.toFixed(0)} ms`,
);
let failed = false;
for (const variant of variants) {
  // Files over the size limit are not in the reference (cat does not read them either): compare the rest.
  const whole = found(variant).filter((finding) => cat.pathSet.has(finding.split(' ')[1]!.replace(/:\d+$/, '')));
  const same = JSON.stringify(whole) === JSON.stringify(reference);
  failed ||= !same;
  console.log(
    `secrets scan --no-git, ${variant.label.padEnd(21)} ${variant.best.toFixed(0).padStart(6)} ms, CPU of this process ${variant.cpu.toFixed(0)} ms ` +
      `(best of ${ROUNDS}), ${found(variant).length} findings; of the files cat reads, ${same ? 'the same as' : 'DIFFERENT from'} the reference's ${reference.length}`,
  );
}
for (const variant of variants) console.log(`ratio ${variant.label} / cat: ${(variant.best / catTime).toFixed(2)}x (target <= 2x)`);
console.log(`ratio reading every line / cat: ${(referenceTime / catTime).toFixed(2)}x`);
if (failed) process.exitCode = 1;
