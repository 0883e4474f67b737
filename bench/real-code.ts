// Findings per million lines of real dependency code (issue 9, "Measure it"; target <= 5): installs
// typescript, webpack, @babel/core, eslint, aws-sdk and googleapis once into
// bench/.work/real-code/install (gitignored), copies its node_modules to bench/.work/real-code/code
// (the scanner skips every path under a `node_modules` folder, so scanning it in place reads
// nothing), and scans the copy as `security-gate scan DIR --no-git --checks secrets` does.
// Run: npx tsx bench/real-code.ts [--reinstall]   (or npm run bench -- real-code)
// Prints every finding with its redacted value only. Exits 1 when the target fails or the scan
// covered less than 90% of what the bench counted.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { where } from '../src/finding.js';
import { countLikeScanner, describeStats, formatNumber, percent, reportedCount, scanFolder } from './scan-folder.js';

const PACKAGES = ['typescript', 'webpack', '@babel/core', 'eslint', 'aws-sdk', 'googleapis'];
const TARGET_PER_MILLION = 5;
const MIN_COVERAGE = 0.9;

const { values: args } = parseArgs({ options: { reinstall: { type: 'boolean', default: false } } });
const work = fileURLToPath(new URL('./.work/real-code/', import.meta.url));
const install = join(work, 'install');
// A folder name no path heuristic reads as vendored, test, docs or generated code.
const code = join(work, 'code');

const installed = () => PACKAGES.every((name) => existsSync(join(install, 'node_modules', name, 'package.json')));
if (args.reinstall || !installed()) {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(install, { recursive: true });
  writeFileSync(join(install, 'package.json'), '{ "private": true }\n');
  console.log(`installing ${PACKAGES.join(' ')} into ${install} ...`);
  // No install scripts: only the published files matter here, and none are needed to read them.
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', ...PACKAGES], { cwd: install, stdio: 'inherit' });
}
if (!existsSync(code)) {
  // Copy to a temporary name first, so an interrupted copy is never taken for a complete one.
  rmSync(`${code}.partial`, { recursive: true, force: true });
  cpSync(join(install, 'node_modules'), `${code}.partial`, { recursive: true, verbatimSymlinks: true });
  renameSync(`${code}.partial`, code);
}
const versions = PACKAGES.map((name) => {
  const manifest = JSON.parse(readFileSync(join(code, name, 'package.json'), 'utf8')) as { version: string };
  return `${name}@${manifest.version}`;
});

const scan = await scanFolder(code);
const counted = countLikeScanner(code, scan.maxFileSize);
const scannedFiles = reportedCount(scan.stats, 'files');
const scannedLines = reportedCount(scan.stats, 'lines');

console.log(`scanned: ${code} (a copy of node_modules with ${versions.join(', ')})`);
console.log(
  `counted by the bench: ${formatNumber(counted.files)} files, ${formatNumber(counted.lines)} lines, ` +
    `${(counted.bytes / 1e6).toFixed(1)} MB of text (${counted.tooLarge} over ${formatNumber(scan.maxFileSize)} bytes and ` +
    `${counted.binary} binary not counted; ${formatNumber(counted.underNodeModules)} of the files are under a nested node_modules)`,
);
console.log(`the scan's stats: ${describeStats(scan.stats)}`);
for (const error of scan.errors) console.log(`scan error${error.fatal ? ' (fatal)' : ''}: ${error.path}: ${error.message}`);

// Coverage by files when the scan reports them, else by lines: a walker that skips everything reads 0.
// The walker leaves out nested node_modules folders by design (third-party code inside the copy):
// those files are named above and not expected.
const [basis, scanned, total] =
  scannedFiles !== undefined
    ? ['files', scannedFiles, counted.files - counted.underNodeModules]
    : ['lines', scannedLines ?? 0, counted.lines];
const coverage = total === 0 ? 0 : scanned / total;
console.log(
  `coverage: the scan read ${formatNumber(scanned)} of the ${formatNumber(total)} ${basis} the bench counted (${percent(scanned, total)})` +
    (scannedFiles === undefined ? '; the scan reports no file count, so lines are compared' : ''),
);
if (coverage < MIN_COVERAGE) {
  console.log(`!!! THE SCAN COVERED LESS THAN ${percent(MIN_COVERAGE, 1)} OF THE CODE: THE RATE BELOW DOES NOT MEASURE IT`);
}

const lines = scannedLines ?? counted.lines;
const perMillion = lines === 0 ? Infinity : (scan.findings.length / lines) * 1e6;
console.log(`\nfindings: ${scan.findings.length} in ${formatNumber(lines)} lines = ${perMillion.toFixed(1)} per million lines`);
console.log(`scan: ${(scan.wallMs / 1000).toFixed(1)} s wall, ${(scan.cpuMs / 1000).toFixed(1)} s CPU in this process`);
const byRule = new Map<string, number>();
for (const finding of scan.findings) byRule.set(finding.rule, (byRule.get(finding.rule) ?? 0) + 1);
for (const [rule, count] of [...byRule].sort((a, b) => b[1] - a[1])) console.log(`  ${String(count).padStart(4)}  ${rule}`);

console.log('\nevery finding (rule, where, severity[/confidence], status, redacted value):');
const sorted = [...scan.findings].sort((a, b) => a.rule.localeCompare(b.rule) || where(a.location).localeCompare(where(b.location)));
for (const finding of sorted) {
  const details = finding.details as { kind: string; redacted?: string; confidence?: unknown };
  const confidence = typeof details.confidence === 'string' ? `/${details.confidence}` : '';
  const value = details.kind === 'secrets' ? (details.redacted ?? '(no redacted value)') : '';
  console.log(`  ${finding.rule}  ${where(finding.location)}  ${finding.severity}${confidence}  ${finding.status}  ${value}`);
}

const verdicts = [
  [perMillion <= TARGET_PER_MILLION, `${perMillion.toFixed(1)} findings per million lines (target <= ${TARGET_PER_MILLION})`],
  [coverage >= MIN_COVERAGE, `the scan read ${percent(scanned, total)} of the ${basis} counted (needs >= ${percent(MIN_COVERAGE, 1)})`],
  [!scan.errors.some((error) => error.fatal), 'no fatal scan error'],
] as const;
console.log('');
for (const [ok, what] of verdicts) console.log(`${ok ? 'PASS' : 'FAIL'} ${what}`);
process.exitCode = verdicts.every(([ok]) => ok) ? 0 : 1;
