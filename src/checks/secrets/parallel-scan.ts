// Long scans on every core (issue 13.1 and 13.2). One `git log` process is the floor of a single
// history stream, and the detector is single-threaded JavaScript; so the work (the commit list of
// one `git rev-list`, or the sorted file list of a working tree) is cut into contiguous segments, and
// a few runners (this thread, plus helper threads) each take the next segment when idle: one
// `git log --no-walk --stdin` per history segment, the files in order for a tree segment, each
// scanned by the runner's own detector. History segments are contiguous because git reads
// neighbouring commits' trees from its caches (interleaving every 64 commits took 2x longer than one
// stream). The findings come out in segment order, so the result is the single stream's: same
// findings, same order, same fingerprints (each file starts the prefilter afresh and runs of lines
// are never cut by read sizes: see diff-parser.ts).
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PolicyFiles } from '../../config/policy-files.js';
import type { Config } from '../../config/schema.js';
import type { Mode } from '../../context/context.js';
import { SecretValues, type Finding } from '../../finding.js';
import type { Detector, DetectorStats } from './detect/detector.js';
import { emptyStats, type AddedLine, type DiffParserOptions } from './diff-parser.js';
import { foundIn, type Found } from './found.js';
import { commitLines } from './history.js';
import type { WorkerMessage, WorkerRequest, WorkerRules } from './scan-thread.js';
import type { LineSource } from './to-finding.js';
import { emptyTreeStats, treeLines } from './working-tree.js';
import { workerEntry } from '../worker-entry.js';

/** Below this many commits one stream is as fast: a helper thread costs its start and a rule compile. */
export const SPLIT_MIN_COMMITS = 2000;
/** Below this many files one stream is as fast. */
export const SPLIT_MIN_FILES = 2000;
/** Segments per runner: enough that a slow start or a heavy stretch evens out. */
const SEGMENTS_PER_RUNNER = 4;
const MAX_RUNNERS = 4;

/** One segment of work: commits (stdin for `git log --no-walk --stdin`) or files of the tree. */
export type Job = { kind: 'history'; commits: string } | { kind: 'tree'; paths: string[] };

/** What every segment shares: where to read and how. */
export interface ScanPlace {
  root: string;
  /** Limits history to the scanned folder (history only). */
  pathspec: string[];
  maxFileSize: number;
  mode: Mode;
}

export interface JobResult {
  found: Found[];
  /** What was read: DiffStats, plus a tree's skipped-folder counts. */
  read: Record<string, number>;
  detector: DetectorStats;
  /** Files that could not be read (tree only): reported, and the scan goes on. */
  unreadable: { path: string; reason: string }[];
}

/**
 * A segment's result as it crosses from a helper thread: each finding's raw values packed as numbers
 * (SecretValues.pack), never a string a message or an error could show (and a SecretValues would
 * arrive empty: a structured clone drops its private fields).
 */
export type PostedJobResult = Omit<JobResult, 'found'> & { found: { finding: Finding; values: Uint16Array }[] };

export function postable(result: JobResult): PostedJobResult {
  return { ...result, found: result.found.map(({ finding, values }) => ({ finding, values: values.pack() })) };
}

function received(result: PostedJobResult): JobResult {
  return { ...result, found: result.found.map(({ finding, values }) => ({ finding, values: SecretValues.unpack(values) })) };
}

export interface ParallelOptions {
  place: ScanPlace;
  includePath?: (path: string) => boolean;
  /** A detector for a stream on this thread (one per stream: the prefilter has per-file state). */
  makeDetector: () => Detector;
  /** How a helper thread builds the same detector; without it every stream runs on this thread. */
  worker?: { rules: WorkerRules; config: Config; policyFiles: PolicyFiles };
  /** Streams at once; default: from the free cores (see runnersFor), one when the work is short. */
  runners?: number;
  /** Work shorter than this (commits or files) is one stream (default SPLIT_MIN_COMMITS / SPLIT_MIN_FILES). */
  minSplit?: number;
  /** Called with the number of commits a stream has just read (for progress). */
  onCommits?: (count: number) => void;
}

export interface ScanTotals {
  read: Record<string, number>;
  detector: DetectorStats;
  unreadable: { path: string; reason: string }[];
}

/**
 * How many streams to read at once: as many as the free cores feed, never more than the work is
 * worth. A history stream keeps two cores busy (its `git log` and its detector run side by side at
 * about the same rate: 1.2 s of CPU each on bench/secrets.ts), so it takes two; a tree stream reads
 * and scans on one thread, so it takes one. Cores already busy (the 1-minute load average, rounded
 * down) are not free: a stream there would only add a rule compile.
 */
export function runnersFor(
  size: number,
  minSplit: number,
  coresPerStream: number,
  options: Pick<ParallelOptions, 'runners' | 'minSplit'>,
): number {
  if (size < (options.minSplit ?? minSplit)) return 1;
  if (options.runners !== undefined) return Math.max(1, options.runners);
  const free = availableParallelism() - Math.floor(loadavg()[0]!);
  return Math.max(1, Math.min(MAX_RUNNERS, Math.floor(free / coresPerStream)));
}

/** Contiguous, nearly equal segments [from, to) of `size` items for `runners` streams. */
export function segmentBounds(size: number, runners: number): [number, number][] {
  if (size === 0) return []; // an empty list is no segment: `git log --no-walk` given nothing would show HEAD
  const count = runners === 1 ? 1 : Math.min(runners * SEGMENTS_PER_RUNNER, size);
  return Array.from({ length: count }, (_, index) => [Math.floor((size * index) / count), Math.floor((size * (index + 1)) / count)]);
}

/**
 * The findings of the segments, in segment order. `totals` adds up what every stream read and what
 * its detector saw. Throws (after the findings so far) when git or a helper thread fails.
 */
export async function* scanSegments(jobs: Job[], runners: number, options: ParallelOptions, totals: ScanTotals): AsyncGenerator<Found[]> {
  if (jobs.length === 0) return;
  const pool = new SegmentPool(jobs, options, runners);
  try {
    for (let index = 0; index < jobs.length; index++) {
      const result = await pool.result(index);
      addTotals(totals, result);
      yield result.found;
    }
  } finally {
    await pool.close();
  }
}

function addTotals(totals: ScanTotals, result: JobResult): void {
  for (const [key, value] of Object.entries(result.read)) totals.read[key] = (totals.read[key] ?? 0) + value;
  totals.detector.restrictedLines += result.detector.restrictedLines;
  totals.detector.decodedValues += result.detector.decodedValues;
  totals.unreadable.push(...result.unreadable);
}

/** Scans one segment with `detector` (its stats before and after give the segment's share). */
export async function runJob(
  detector: Detector,
  job: Job,
  place: ScanPlace,
  includePath: ((path: string) => boolean) | undefined,
  onCommit?: () => void,
): Promise<JobResult> {
  const before = { ...detector.stats };
  const found: Found[] = [];
  const unreadable: JobResult['unreadable'] = [];
  const scan = async (lines: AsyncIterable<AddedLine[]>, source: LineSource) => {
    for await (const batch of lines) for (const each of foundIn(detector, batch, place.mode, source)) found.push(each);
  };
  // The byte prefilter drops lines before they are decoded (measured on 8.3M lines of installed npm
  // code, 15% kept: 3.9 s of CPU with it, 5.3 s without; on bench/working-tree's keyword-dense tree,
  // 68% kept, it costs 3%).
  const parser: DiffParserOptions = {
    maxFileSize: place.maxFileSize,
    keep: detector.keepBytes,
    startFile: detector.startFile,
    ...(includePath ? { includePath } : {}),
    ...(onCommit ? { onCommit } : {}),
  };
  let read: Record<string, number>;
  if (job.kind === 'history') {
    let diff = emptyStats();
    await scan(
      commitLines(place.root, job.commits, place.pathspec, parser, (now) => (diff = now)),
      'history',
    );
    read = { ...diff };
  } else {
    const stats = emptyTreeStats();
    const onUnreadable = (path: string, reason: string) => unreadable.push({ path, reason });
    await scan(treeLines(place.root, job.paths, { ...parser, onUnreadable }, stats), 'working tree');
    read = { ...stats };
  }
  const after = detector.stats;
  return {
    found,
    read,
    detector: {
      restrictedLines: after.restrictedLines - before.restrictedLines,
      decodedValues: after.decodedValues - before.decodedValues,
    },
    unreadable,
  };
}

/** A settable promise. */
class Deferred<T> {
  resolve!: (value: T) => void;
  reject!: (error: unknown) => void;
  readonly promise = new Promise<T>((resolve, reject) => {
    this.resolve = resolve;
    this.reject = reject;
  });
}

/** Runners that take the next segment when idle; results are awaited in segment order. */
class SegmentPool {
  private next = 0;
  private readonly results: Deferred<JobResult>[];
  private readonly workers: HelperThread[] = [];
  private failed = false;

  constructor(
    private readonly jobs: Job[],
    private readonly options: ParallelOptions,
    runners: number,
  ) {
    this.results = jobs.map(() => {
      const deferred = new Deferred<JobResult>();
      deferred.promise.catch(() => undefined); // awaited in order; a later failure must not go unhandled meanwhile
      return deferred;
    });
    const helpers = options.worker ? Math.min(runners, jobs.length) - 1 : 0;
    for (let index = 0; index < helpers; index++) this.workers.push(new HelperThread(this, options));
    // This thread runs one stream, and the streams no helper thread could take.
    for (let index = 0; index < runners - helpers; index++) void this.runHere();
  }

  result(index: number): Promise<JobResult> {
    return this.results[index]!.promise;
  }

  /** The next segment to read, or undefined when none is left (or a stream failed: stop early). */
  take(): number | undefined {
    if (this.failed || this.next >= this.jobs.length) return undefined;
    return this.next++;
  }

  job(index: number): Job {
    return this.jobs[index]!;
  }

  done(index: number, result: JobResult): void {
    this.results[index]!.resolve(result);
  }

  fail(index: number, error: unknown): void {
    this.failed = true;
    this.results[index]!.reject(error);
    // The segments nobody will read fail too, so the reader never waits on them.
    for (let rest = this.next; rest < this.jobs.length; rest++) this.results[rest]!.reject(error);
    this.next = this.jobs.length;
  }

  /** A helper thread that could not start: this thread reads what it would have. */
  helperUnavailable(): void {
    void this.runHere();
  }

  private async runHere(): Promise<void> {
    const { options } = this;
    const detector = options.makeDetector();
    const onCommit = options.onCommits && (() => options.onCommits!(1));
    for (let index = this.take(); index !== undefined; index = this.take()) {
      try {
        this.done(index, await runJob(detector, this.job(index), options.place, options.includePath, onCommit));
      } catch (error) {
        this.fail(index, error);
      }
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
  }
}

/** Helper threads get the heap a check gets: a bounded input stays far below it. */
const HELPER_HEAP_MB = 1024;

/** A helper thread (secrets-worker.ts, then scan-thread.ts): it builds its detector, then reads the segments it is handed. */
class HelperThread {
  private readonly worker: Worker | undefined;
  private ready = false;
  private current: number | undefined;
  private closed = false;

  constructor(
    private readonly pool: SegmentPool,
    options: ParallelOptions,
  ) {
    const request: WorkerRequest = { place: options.place, ...options.worker! };
    try {
      this.worker = new Worker(WORKER_ENTRY, {
        workerData: request,
        resourceLimits: { maxOldGenerationSizeMb: HELPER_HEAP_MB, maxYoungGenerationSizeMb: 48 },
        stdout: true,
        stderr: true,
      });
    } catch {
      this.worker = undefined;
      pool.helperUnavailable();
      return;
    }
    this.worker.on('message', (message: WorkerMessage) => this.receive(message, options));
    this.worker.on('error', (error) => this.stopped(error));
    this.worker.on('exit', (code) => this.stopped(new Error(`a helper thread stopped (exit code ${code})`)));
  }

  private receive(message: WorkerMessage, options: ParallelOptions): void {
    if (message.type === 'ready') {
      this.ready = true;
      this.takeNext();
    } else if (message.type === 'commits') {
      options.onCommits?.(message.count);
    } else if (message.type === 'segment') {
      this.current = undefined;
      this.pool.done(message.index, received(message.result));
      this.takeNext();
    } else {
      this.current = undefined;
      this.pool.fail(message.index, new Error(message.message));
    }
  }

  private takeNext(): void {
    const index = this.pool.take();
    if (index === undefined) {
      void this.close();
      return;
    }
    this.current = index;
    this.worker!.postMessage({ index, job: this.pool.job(index) });
  }

  /** The thread ended: before it was ready, this thread takes over its share; while reading, the scan fails. */
  private stopped(error: Error): void {
    if (this.closed) return;
    this.closed = true;
    if (!this.ready) this.pool.helperUnavailable();
    else if (this.current !== undefined) this.pool.fail(this.current, error);
  }

  async close(): Promise<void> {
    if (this.closed || !this.worker) return;
    this.closed = true;
    await this.worker.terminate();
  }
}

/** The worker's entry: dist/secrets-worker.js when bundled, ../secrets-worker.ts behind tsx from source. */
const WORKER_ENTRY = workerEntry(import.meta.url, '../secrets-worker.ts', './secrets-worker.js');
