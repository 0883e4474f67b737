// The secrets check, given its built-in rules (tests pass their own): pick the lines to scan (a
// git range or the working tree), hand them to the detector, and turn its detections into
// findings that carry a redacted value and a hash, never the secret itself.
import type { Config } from '../../config/schema.js';
import { scopePathspec, type Context } from '../../context/context.js';
import { resolve } from 'node:path';
import { SecretValues, type CheckError, type CheckResult, type Finding } from '../../finding.js';
import type { Check, CheckOptions } from '../check.js';
import { GitleaksIgnore, pathFilter } from './allow.js';
import { compileRules } from './detect/compile.js';
import { Detector, type DetectorStats } from './detect/detector.js';
import { emptyStats, type AddedLine, type DiffStats } from './diff-parser.js';
import { dedupeKey, foundIn, type Found } from './found.js';
import { HistoryCache, currentTips, scanFingerprint, stillReachable, tipsUsable } from './history-cache.js';
import { listCommits, type CommitList } from './history.js';
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
import type { WorkerRules } from './scan-worker.js';
import { stagedLines } from './staged.js';
import { loadRules, type LoadedRules } from './load-rules.js';
import { firstLine } from '../../util.js';
import type { SecretRule } from './rules/types.js';
import type { LineSource } from './to-finding.js';
import { emptyTreeStats, listTreeFiles } from './working-tree.js';

const PROGRESS_EVERY = 500;

export interface SecretsCheckOptions {
  /**
   * Where a helper thread of the history scan finds these same built-in rules (`'builtin'`: the
   * table). Without it, a long history is still read as several streams, all on the check's thread.
   */
  workerRules?: WorkerRules;
  /** Streams at once and the split threshold (tests and benches); by default from the machine. */
  parallel?: Pick<ParallelOptions, 'runners' | 'minSplit'>;
}

export function makeSecretsCheck(builtin: SecretRule[], checkOptions: SecretsCheckOptions = {}): Check {
  return async (context: Context, config: Config, options: CheckOptions = {}): Promise<CheckResult> => {
    const errors: CheckError[] = [];
    const loaded = loadRules(options.policyFiles ?? {}, config, builtin);
    errors.push(...loaded.errors);
    const compiled = compileRules(loaded.rules);
    // One detector per stream: its prefilter keeps lines after a keyword line, so it is stateful.
    const makeDetector = () =>
      new Detector(compiled, { testPaths: config.secrets['test-paths'], maxDecodeDepth: config.secrets['max-decode-depth'] });
    const ignore = new GitleaksIgnore(options.policyFiles?.['.gitleaksignore'] ?? '');
    const opened = await openSource({ context, config, loaded, makeDetector, options, checkOptions });
    // Every raw value found (ignored ones too): the reporters mask them wherever they appear.
    const secretValues = new SecretValues();
    const result = (findings: Finding[]): CheckResult => ({
      check: 'secrets',
      findings,
      // The source's errors (a range it could not read, files it could not open) are known once it is read.
      errors: [...errors.slice(0, loaded.errors.length), ...opened.errors, ...errors.slice(loaded.errors.length)],
      stats: {
        range: opened.range,
        ...opened.stats(),
        rules: loaded.rules.length,
        providers: new Set(loaded.rules.map((rule) => rule.provider)).size,
      },
      secretValues,
    });
    if (!opened.found) return result([]);

    const findings = new Map<string, Finding>();
    try {
      for await (const batch of opened.found) {
        for (const { finding, values } of batch) {
          for (const value of values) secretValues.add(value);
          const { location } = finding;
          if (ignore.ignores({ commit: location.commit, path: location.path, rule: finding.rule, line: location.line ?? 0 })) continue;
          const key = dedupeKey(finding);
          if (!findings.has(key)) findings.set(key, finding);
        }
      }
    } catch (error) {
      // git itself failed mid-stream (a bad revision, a corrupt object): the result is not clean.
      errors.push({ check: 'secrets', path: '.', message: `the scan stopped early: ${firstLine(error)}`, fatal: true });
    }
    return result([...findings.values()]);
  };
}

interface OpenedSource {
  /** The findings in scan order (before `.gitleaksignore` and before duplicates are dropped). */
  found?: AsyncIterable<Found[]>;
  range: string;
  errors: CheckError[];
  /** What was read and what the detectors saw, once the scan is over. */
  stats(): Record<string, number | string>;
}

interface SourceInput {
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
async function openSource({ context, config, loaded, makeDetector, options, checkOptions }: SourceInput): Promise<OpenedSource> {
  const includePath = pathFilter(config.secrets['exclude-paths'], loaded.allowPaths);
  const errors: CheckError[] = [];
  const parallel: ParallelOptions = {
    place: {
      root: context.root,
      pathspec: context.git ? scopePathspec(context) : [],
      maxFileSize: config.secrets['max-file-size'],
      mode: context.mode,
    },
    includePath,
    makeDetector,
    ...(checkOptions.workerRules ? { worker: { rules: checkOptions.workerRules, config, policyFiles: options.policyFiles ?? {} } } : {}),
    ...checkOptions.parallel,
  };
  const totals: ScanTotals = { read: {}, detector: { restrictedLines: 0, decodedValues: 0 }, unreadable: [] };
  if (!context.git) {
    const listed = emptyTreeStats();
    totals.read = { ...listed };
    async function* found(): AsyncGenerator<Found[]> {
      const paths = await listTreeFiles(context.root, includePath, listed);
      Object.assign(totals.read, listed);
      const runners = runnersFor(paths.length, SPLIT_MIN_FILES, parallel);
      const jobs = segmentBounds(paths.length, runners).map(([from, to]): Job => ({ kind: 'tree', paths: paths.slice(from, to) }));
      try {
        yield* scanSegments(jobs, runners, parallel, totals);
      } finally {
        for (const { path, reason } of totals.unreadable) {
          errors.push({ check: 'secrets', path, message: `could not read this file (${reason}), so it was not scanned.` });
        }
      }
    }
    return { found: found(), range: 'working tree', errors, stats: () => plainStats(totals.read, totals.detector) };
  }
  if (context.staged) {
    // Only lines the prefilter lets through are materialised.
    const detector = makeDetector();
    let diff = emptyStats();
    const scanOptions = { maxFileSize: parallel.place.maxFileSize, includePath, keep: detector.keepBytes };
    const lines = stagedLines(context.root, parallel.place.pathspec, scanOptions, (now) => (diff = now));
    return {
      found: foundInLines(lines, detector, context.mode, 'staged'),
      range: context.range.label,
      errors,
      stats: () => plainStats(diff, detector.stats),
    };
  }
  // A shallow clone in full mode is still scanned as far as it goes, but the result cannot be vouched for.
  if (context.range.problem) errors.push({ check: 'secrets', path: '.', message: context.range.problem, fatal: true });
  totals.read = { ...emptyStats() };
  const stats = () => plainStats(totals.read, totals.detector);
  if (!context.range.complete && context.range.revisions.length === 0) return { range: 'unreadable', errors, stats };
  const walk = { all: context.range.revisions.includes('--all'), revisions: context.range.revisions.filter((rev) => rev !== '--all') };
  const progress = options.progress;
  let commits = 0;
  if (progress) {
    parallel.onCommits = (count: number) => {
      for (let step = 0; step < count; step++)
        if (++commits % PROGRESS_EVERY === 0) progress({ check: 'secrets', done: commits, unit: 'commits' });
    };
  }
  const scanList = (list: CommitList) => {
    const runners = runnersFor(list.length, SPLIT_MIN_COMMITS, parallel);
    const jobs = segmentBounds(list.length, runners).map(([from, to]): Job => ({ kind: 'history', commits: list.slice(from, to) }));
    return scanSegments(jobs, runners, parallel, totals);
  };
  // The whole history of a complete clone, with a cache directory: read only what the last scan did not (issue 13.3).
  const cacheDir = config.deps['cache-dir'];
  const incremental = cacheDir !== undefined && walk.all && walk.revisions.length === 0 && context.range.complete && !context.range.problem;
  let historyCache: string | undefined;
  async function* found(): AsyncGenerator<Found[]> {
    if (!walk.all && walk.revisions.length === 0) return;
    if (!incremental) {
      yield* scanList(await listCommits(context.root, walk, parallel.place.pathspec));
      return;
    }
    const cache = await HistoryCache.open(resolve(context.root, cacheDir), context.root, parallel.place.pathspec);
    const fingerprint = scanFingerprint(loaded.rules, config, options.policyFiles ?? {}, parallel.place.pathspec);
    const tips = await currentTips(context.root);
    const remembered = context.fullRescan ? { reason: 'a full rescan was asked for (--full)' } : await cache.read(fingerprint);
    let before = 'entry' in remembered ? remembered.entry : undefined;
    let reason = 'reason' in remembered ? remembered.reason : '';
    if (before && !(await tipsUsable(context.root, before.tips))) {
      before = undefined;
      reason = 'the cache names commits this clone cannot use';
    }
    let list: CommitList;
    try {
      list = await listCommits(
        context.root,
        { all: false, revisions: [...tips, ...(before?.tips ?? []).map((tip) => `^${tip}`)] },
        parallel.place.pathspec,
      );
    } catch (error) {
      if (!before) throw error;
      // A remembered tip git cannot use as one: the cache is not what it claims; read everything.
      before = undefined;
      reason = 'the cache names commits this clone cannot use';
      list = await listCommits(context.root, { all: false, revisions: tips }, parallel.place.pathspec);
    }
    historyCache = before ? `used: ${list.length} commits new since the last scan` : `full scan: ${reason}`;
    const fresh = new Map<string, Finding>();
    const values = new SecretValues();
    for await (const batch of scanList(list)) {
      for (const { finding, values: raw } of batch) {
        for (const value of raw) values.add(value);
        if (!fresh.has(dedupeKey(finding))) fresh.set(dedupeKey(finding), finding);
      }
      yield batch;
    }
    // The findings of commits read before, while a ref still reaches them: already redacted, no raw value to mask.
    const kept = before ? (await stillReachable(context.root, before.findings)).filter((finding) => !fresh.has(dedupeKey(finding))) : [];
    if (kept.length > 0) yield kept.map((finding) => ({ finding, values: [] }));
    try {
      await cache.write(fingerprint, tips, [...fresh.values(), ...kept], values);
    } catch (error) {
      historyCache += `; not saved for the next scan (${(error as NodeJS.ErrnoException).code ?? firstLine(error)})`;
    }
  }
  const withCache = () => ({ ...stats(), ...(historyCache ? { historyCache } : {}) });
  return { found: found(), range: context.range.label, errors, stats: withCache };
}
