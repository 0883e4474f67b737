// Where the secrets check's findings come from: the working tree (`--no-git`), what `git add`
// staged (`--staged`), or the added lines of the commit range, read on as many streams as pay
// (parallel-scan.ts), and for a whole history only what the last scan did not read (history-cache.ts).
import { resolve } from 'node:path';
import type { Config } from '../../config/schema.js';
import { scopePathspec, type Context } from '../../context/context.js';
import { SecretValues, type CheckError, type Finding } from '../../finding.js';
import { firstLine } from '../../util.js';
import type { CheckOptions } from '../check.js';
import { pathFilter } from './allow.js';
import type { Detector, DetectorStats } from './detect/detector.js';
import { emptyStats, type AddedLine, type DiffStats } from './diff-parser.js';
import { dedupeKey, foundIn, type Found } from './found.js';
import { HistoryCache, currentTips, reviewRemembered, scanFingerprint } from './history-cache.js';
import { listCommits, type CommitList } from './history.js';
import type { LoadedRules } from './load-rules.js';
import {
  runnersFor,
  scanSegments,
  segmentBounds,
  SPLIT_MIN_COMMITS,
  SPLIT_MIN_FILES,
  type Job,
  type ParallelOptions,
  type ScanTotals,
} from './parallel-scan.js';
import type { WorkerRules } from './scan-thread.js';
import { stagedLines } from './staged.js';
import type { LineSource } from './to-finding.js';
import { emptyTreeStats, listTreeFiles } from './working-tree.js';

const PROGRESS_EVERY = 500;

export interface SecretsCheckOptions {
  /**
   * Where a helper thread finds these same built-in rules (`'builtin'`: the table). Without it, a
   * long history or tree is still read as several streams, all on the check's thread.
   */
  workerRules?: WorkerRules;
  /** Streams at once and the split threshold (tests and benches); by default from the machine. */
  parallel?: Pick<ParallelOptions, 'runners' | 'minSplit'>;
}

export interface OpenedSource {
  /** The findings in scan order (before `.gitleaksignore` and before duplicates are dropped). */
  found?: AsyncIterable<Found[]>;
  range: string;
  errors: CheckError[];
  /** What was read and what the detectors saw, once the scan is over. */
  stats(): Record<string, number | string>;
}

export interface SourceInput {
  context: Context;
  config: Config;
  loaded: LoadedRules;
  makeDetector: () => Detector;
  options: CheckOptions;
  checkOptions: SecretsCheckOptions;
}

/** The findings of one stream of lines scanned by one detector. */
async function* foundInLines(lines: AsyncIterable<AddedLine[]>, detector: Detector, mode: Context['mode'], source: LineSource) {
  for await (const batch of lines) yield foundIn(detector, batch, mode, source);
}

function plainStats(read: Record<string, number> | DiffStats, detector: DetectorStats): Record<string, number> {
  return { ...read, ...detector };
}

/**
 * The findings to report: in the working tree (`--no-git`), in what `git add` staged (`--staged`),
 * or in the added lines of the commit range. The range was resolved (and a shallow clone completed)
 * before the checks; a range that could not be read is never reported clean.
 */
export async function openSource(input: SourceInput): Promise<OpenedSource> {
  const { context, config, loaded, makeDetector, options, checkOptions } = input;
  const parallel: ParallelOptions = {
    place: {
      root: context.root,
      pathspec: context.git ? scopePathspec(context) : [],
      maxFileSize: config.secrets['max-file-size'],
      mode: context.mode,
    },
    includePath: pathFilter(config.secrets['exclude-paths'], loaded.allowPaths),
    makeDetector,
    ...(checkOptions.workerRules ? { worker: { rules: checkOptions.workerRules, config, policyFiles: options.policyFiles ?? {} } } : {}),
    ...checkOptions.parallel,
  };
  if (!context.git) return treeSource(parallel);
  if (context.staged) return stagedSource(parallel, context);
  return historySource(parallel, input);
}

function emptyTotals(read: Record<string, number>): ScanTotals {
  return { read, detector: { restrictedLines: 0, decodedValues: 0 }, unreadable: [] };
}

/** `--no-git`: the tree's files in path order; a long list in segments on every core. */
function treeSource(parallel: ParallelOptions): OpenedSource {
  const errors: CheckError[] = [];
  const listed = emptyTreeStats();
  const totals = emptyTotals({ ...listed });
  async function* found(): AsyncGenerator<Found[]> {
    const paths = await listTreeFiles(parallel.place.root, parallel.includePath, listed, (path, reason) =>
      errors.push({
        check: 'secrets',
        path,
        message: `could not list this folder (${reason}), so the files in it were not scanned: make it readable, or exclude it with secrets.exclude-paths.`,
        fatal: true, // not read is not checked
      }),
    );
    Object.assign(totals.read, listed);
    const runners = runnersFor(paths.length, SPLIT_MIN_FILES, 1, parallel);
    const jobs = segmentBounds(paths.length, runners).map(([from, to]): Job => ({ kind: 'tree', paths: paths.slice(from, to) }));
    try {
      yield* scanSegments(jobs, runners, parallel, totals);
    } finally {
      for (const { path, reason } of totals.unreadable) {
        errors.push({
          check: 'secrets',
          path,
          message: `could not read this file (${reason}), so it was not scanned: make it readable, or exclude it with secrets.exclude-paths.`,
          fatal: true,
        });
      }
    }
  }
  return { found: found(), range: 'working tree', errors, stats: () => plainStats(totals.read, totals.detector) };
}

/** `--staged`: one `git diff --cached`; only lines the prefilter lets through are materialised. */
function stagedSource(parallel: ParallelOptions, context: Context): OpenedSource {
  const detector = parallel.makeDetector();
  let diff = emptyStats();
  const { maxFileSize, pathspec } = parallel.place;
  const lines = stagedLines(
    context.root,
    pathspec,
    { maxFileSize, includePath: parallel.includePath, keep: detector.keepBytes, startFile: detector.startFile },
    (now) => (diff = now),
  );
  return {
    found: foundInLines(lines, detector, context.mode, 'staged'),
    range: context.range.label,
    errors: [],
    stats: () => plainStats(diff, detector.stats),
  };
}

/** The commits of the range, listed once and read in segments; a whole history with a cache directory, incrementally. */
function historySource(parallel: ParallelOptions, input: SourceInput): OpenedSource {
  const { context, config, options } = input;
  const errors: CheckError[] = [];
  // A shallow clone in full mode is still scanned as far as it goes, but the result cannot be vouched for.
  if (context.range.problem) errors.push({ check: 'secrets', path: '.', message: context.range.problem, fatal: true });
  const totals = emptyTotals({ ...emptyStats() });
  const stats = () => plainStats(totals.read, totals.detector);
  if (!context.range.complete && context.range.revisions.length === 0) return { range: 'unreadable', errors, stats };
  const walk = { all: context.range.revisions.includes('--all'), revisions: context.range.revisions.filter((rev) => rev !== '--all') };
  const progress = options.progress;
  let commits = 0;
  if (progress) {
    parallel.onCommits = (count: number) => {
      for (let step = 0; step < count; step++) {
        if (++commits % PROGRESS_EVERY === 0) progress({ check: 'secrets', done: commits, unit: 'commits' });
      }
    };
  }
  const scanList = (list: CommitList) => {
    const runners = runnersFor(list.length, SPLIT_MIN_COMMITS, 2, parallel);
    const jobs = segmentBounds(list.length, runners).map(([from, to]): Job => ({ kind: 'history', commits: list.slice(from, to) }));
    return scanSegments(jobs, runners, parallel, totals);
  };
  // The whole history of a complete clone, with a cache directory: read only what the last scan did not (issue 13.3).
  const cacheDir = config.deps['cache-dir'];
  if (cacheDir !== undefined && walk.all && walk.revisions.length === 0 && context.range.complete && !context.range.problem) {
    const report = { historyCache: '' };
    const found = incrementalHistory(resolve(context.root, cacheDir), parallel, scanList, report, input);
    return { found, range: context.range.label, errors, stats: () => ({ ...stats(), ...(report.historyCache ? report : {}) }) };
  }
  async function* found(): AsyncGenerator<Found[]> {
    if (!walk.all && walk.revisions.length === 0) return;
    yield* scanList(await listCommits(context.root, walk, parallel.place.pathspec));
  }
  return { found: found(), range: context.range.label, errors, stats };
}

/**
 * The whole history, reading only the commits the remembered tips do not reach, then the remembered
 * findings still reachable; remembers this scan when it completes. `report.historyCache` says what
 * was used, or why everything was read.
 */
async function* incrementalHistory(
  cacheDir: string,
  parallel: ParallelOptions,
  scanList: (list: CommitList) => AsyncGenerator<Found[]>,
  report: { historyCache: string },
  { context, config, loaded, options }: Pick<SourceInput, 'context' | 'config' | 'loaded' | 'options'>,
): AsyncGenerator<Found[]> {
  const { root, pathspec } = parallel.place;
  const cache = await HistoryCache.open(cacheDir, root, pathspec);
  const fingerprint = scanFingerprint(loaded.rules, config, options.policyFiles ?? {}, pathspec);
  const [tips, remembered] = await Promise.all([
    currentTips(root),
    context.fullRescan ? { reason: 'a full rescan was asked for (--full)' } : cache.read(fingerprint),
  ]);
  let before = 'entry' in remembered ? remembered.entry : undefined;
  let reason = 'reason' in remembered ? remembered.reason : '';
  const review = before ? await reviewRemembered(root, before) : undefined;
  if (!review?.tipsUsable) {
    before = undefined;
    if (review) reason = 'the cache names commits this clone cannot use';
  }
  let list: CommitList;
  try {
    list = await listCommits(root, { all: false, revisions: [...tips, ...(before?.tips ?? []).map((tip) => `^${tip}`)] }, pathspec);
  } catch (error) {
    if (!before) throw error;
    // A remembered tip git cannot use as one: the cache is not what it claims; read everything.
    before = undefined;
    reason = 'the cache names commits this clone cannot use';
    list = await listCommits(root, { all: false, revisions: tips }, pathspec);
  }
  report.historyCache = before ? `used: ${list.length} commits new since the last scan` : `full scan: ${reason}`;
  const fresh = new Map<string, Finding>();
  const values = new SecretValues();
  for await (const batch of scanList(list)) {
    for (const { finding, values: raw } of batch) {
      values.addAll(raw);
      if (!fresh.has(dedupeKey(finding))) fresh.set(dedupeKey(finding), finding);
    }
    yield batch;
  }
  // The findings of commits read before, while a ref still reaches them: already redacted, no raw value to mask.
  const kept = before ? review!.reachable.filter((finding) => !fresh.has(dedupeKey(finding))) : [];
  if (kept.length > 0) yield kept.map((finding) => ({ finding, values: new SecretValues() }));
  try {
    await cache.write(fingerprint, tips, [...fresh.values(), ...kept], values);
  } catch (error) {
    report.historyCache += `; not saved for the next scan (${(error as NodeJS.ErrnoException).code ?? firstLine(error)})`;
  }
}
