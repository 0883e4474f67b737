// What the whole-pipeline secrets benches share: scan a folder as `security-gate scan DIR --no-git
// --checks secrets` does (in process, through the public `run()`), and count what is in the folder
// the way the scanner reads files, with a walker of our own. A rate over files the scan never read
// is worthless, so each bench compares the two counts.
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckError } from '../src/finding.js';
import type { EvaluatedFinding } from '../src/policy/verdict.js';
import { run } from '../src/run.js';

export interface FolderScan {
  findings: EvaluatedFinding[];
  /** The secrets check's own stats, as the reports show them. */
  stats: Record<string, number | string>;
  errors: CheckError[];
  /** The size limit the scan applied (`secrets.max-file-size`), for counting alike. */
  maxFileSize: number;
  wallMs: number;
  /** CPU of this process during the scan: steadier than wall time on a loaded machine. */
  cpuMs: number;
}

export async function scanFolder(root: string): Promise<FolderScan> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  // In process: the worker a real run starts would add its thread's start and tsx's compile of the check.
  const { verdict, config } = await run({ root, git: false, overrides: { checks: ['secrets'] } }, { isolation: 'in-process' });
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return {
    findings: verdict.findings.filter((finding) => finding.check === 'secrets'),
    stats: verdict.checks.find((check) => check.check === 'secrets')?.stats ?? {},
    errors: verdict.errors,
    maxFileSize: config.secrets['max-file-size'],
    wallMs,
    cpuMs: (used.user + used.system) / 1000,
  };
}

export interface Counted {
  files: number;
  lines: number;
  bytes: number;
  tooLarge: number;
  binary: number;
  /** Of `files`, those under a `node_modules` folder inside the root (the scanner skips these). */
  underNodeModules: number;
}

/** Git's heuristic, as the scanner applies it: a NUL byte in the first 8000 bytes makes a file binary. */
const SNIFF_BYTES = 8000;

/**
 * Regular files under `root` (symlinks not followed, `.git` skipped) that the scanner would read:
 * not larger than `maxFileSize`, not binary. Lines are split on `\n`, a final newline ending the
 * last line rather than starting an empty one.
 */
export function countLikeScanner(root: string, maxFileSize: number): Counted {
  const counted: Counted = { files: 0, lines: 0, bytes: 0, tooLarge: 0, binary: 0, underNodeModules: 0 };
  const walk = (dir: string, inNodeModules: boolean): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name !== '.git') walk(join(dir, entry.name), inNodeModules || entry.name === 'node_modules');
        continue;
      }
      if (!entry.isFile()) continue;
      const full = join(dir, entry.name);
      if (lstatSync(full).size > maxFileSize) {
        counted.tooLarge++;
        continue;
      }
      const bytes = readFileSync(full);
      if (bytes.subarray(0, SNIFF_BYTES).includes(0)) {
        counted.binary++;
        continue;
      }
      counted.files++;
      counted.lines += countLines(bytes);
      counted.bytes += bytes.length;
      if (inNodeModules) counted.underNodeModules++;
    }
  };
  walk(root, false);
  return counted;
}

export function countLines(bytes: Buffer): number {
  if (bytes.length === 0) return 0;
  let newlines = 0;
  for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) newlines++;
  return bytes[bytes.length - 1] === 10 ? newlines : newlines + 1;
}

/** The scan's own count of what it read, when its stats carry one. */
export function reportedCount(stats: Record<string, number | string>, key: 'files' | 'lines'): number | undefined {
  const value = stats[key];
  return typeof value === 'number' ? value : undefined;
}

/** `Map.groupBy` (Node 21+) for Node 20. */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group) group.push(item);
    else groups.set(name, [item]);
  }
  return groups;
}

export const formatNumber = (value: number): string => value.toLocaleString('en-US');
export const percent = (part: number, whole: number): string => (whole === 0 ? 'n/a' : `${((part / whole) * 100).toFixed(1)}%`);

/** The stats as `key value, key value`, in the scan's order. */
export function describeStats(stats: Record<string, number | string>): string {
  return Object.entries(stats)
    .map(([key, value]) => `${key} ${typeof value === 'number' ? formatNumber(value) : value}`)
    .join(', ');
}
