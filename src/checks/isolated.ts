// Runs the checks off the main thread, so that a check's death is contained (issue 10, item 12): a
// check that runs out of heap, throws where no promise catches it, or calls process.exit ends a worker
// thread and not the run. Its death becomes a fatal error that names the check and what happened; the
// other checks' findings, the summary, SARIF and outputs are still written, and the run fails.
//
// The checks share one worker first: a worker costs a thread, a V8 heap and Node's start (30-50 ms of
// CPU each), which the common run (three checks on a small repository) should pay once, not three
// times (issue 13, "Start fast"). If that worker dies, the death cannot be pinned on one check, so
// each check that had not reported runs again in a worker of its own: the one that dies again is
// named, the others report.
//
// The inputs cross as plain data (structured clone): Context, Config and the policy files are plain on
// purpose. The results cross back the same way, except the SecretValues holder, which does not
// serialise: it travels packed as numbers (`SecretValues.pack`) and is rebuilt here.
import { Worker } from 'node:worker_threads';
import type { PolicyFiles } from '../config/policy-files.js';
import type { Config } from '../config/schema.js';
import type { Context } from '../context/context.js';
import { SecretValues, type CheckName, type CheckResult } from '../finding.js';
import { firstLine } from '../util.js';
import type { Progress } from './check.js';
import { CHECKS } from './index.js';
import { workerEntry } from './worker-entry.js';

/**
 * The heap cap of a checks' worker, in MB. Every bounded input stays far below it (issue 10: under
 * 1 GB for the whole run), and three checks retried at the cap still fit a 7 GB runner beside the main
 * thread, which must live to write the report. A check that needs more has met an input it cannot
 * bound: it fails closed, by name.
 */
export const CHECK_HEAP_LIMIT_MB = 1024;

/**
 * V8's limits for a worker's heap. The young generation is capped too: left to its default (192 MB
 * on Node 24) it can promote more at once than the headroom V8 grants a worker at its limit, and then
 * the whole process dies instead of the worker. 48 MB is Node 20's default.
 */
function heapLimits(heapLimitMb: number) {
  return { maxOldGenerationSizeMb: heapLimitMb, maxYoungGenerationSizeMb: Math.min(48, Math.ceil(heapLimitMb / 4)) };
}

export interface CheckInputs {
  context: Context;
  config: Config;
  policyFiles: PolicyFiles;
}

/** What a worker is given (its workerData): the checks it runs, concurrently, and their inputs. */
export interface WorkerRequest extends CheckInputs {
  checks: CheckName[];
  /** Whether the parent shows progress: a worker without it sends none. */
  progress: boolean;
  /** Modules (file URLs) whose default export runs instead of a built-in check: for tests only. */
  modules: Partial<Record<CheckName, string>>;
}

/** What a worker sends back, for each of its checks. */
export type WorkerMessage =
  | { type: 'progress'; event: Parameters<Progress>[0] }
  | { type: 'result'; check: CheckName; result: Omit<CheckResult, 'secretValues'>; secretValues?: Uint16Array }
  | { type: 'failed'; check: CheckName; message: string };

export interface IsolationOptions {
  progress?: Progress;
  /** The heap cap of each worker, in MB (default CHECK_HEAP_LIMIT_MB). */
  heapLimitMb?: number;
  /** `shared` (default): one worker for all checks, one per check if it dies. `per-check`: one per check from the start. */
  workers?: 'shared' | 'per-check';
  /** See WorkerRequest.modules. */
  modules?: Partial<Record<CheckName, URL>>;
}

/** Runs the checks in worker threads; every check gets a result, a dead one a fatal error naming it. */
export async function runChecksInWorkers(checks: CheckName[], inputs: CheckInputs, options: IsolationOptions = {}): Promise<CheckResult[]> {
  const groups = options.workers === 'per-check' ? checks.map((check) => [check]) : [checks];
  const runs = await Promise.all(groups.map((group) => runInWorker(group, inputs, options)));
  const results = new Map(runs.flatMap((run) => [...run.results]));
  const deaths = runs.filter((run) => run.death);
  for (const { checks: group, death } of deaths) {
    const unfinished = group.filter((check) => !results.has(check));
    if (unfinished.length === 1) {
      results.set(unfinished[0]!, died(unfinished[0]!, death!));
      continue;
    }
    // Several checks were running when their worker died: each runs again alone, to find the one.
    const alone = await Promise.all(unfinished.map((check) => runInWorker([check], inputs, options)));
    for (const [index, check] of unfinished.entries()) {
      const run = alone[index]!;
      results.set(check, run.results.get(check) ?? died(check, run.death!));
    }
  }
  return checks.map((check) => results.get(check)!);
}

/** Why a worker ended before all its checks reported. */
interface Death {
  cause: string;
  what: string;
  advice: string;
}

interface WorkerRun {
  checks: CheckName[];
  results: Map<CheckName, CheckResult>;
  death?: Death;
}

function runInWorker(checks: CheckName[], inputs: CheckInputs, options: IsolationOptions): Promise<WorkerRun> {
  const heapLimitMb = options.heapLimitMb ?? CHECK_HEAP_LIMIT_MB;
  const modules = Object.fromEntries(checks.flatMap((check) => (options.modules?.[check] ? [[check, options.modules[check].href]] : [])));
  const request: WorkerRequest = { ...inputs, checks, progress: options.progress !== undefined, modules };
  const results = new Map<CheckName, CheckResult>();
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_ENTRY, { workerData: request, resourceLimits: heapLimits(heapLimitMb) });
    } catch (error) {
      resolve({ checks, results, death: { cause: 'not started', what: `could not be started (${firstLine(error)})`, advice: A_BUG } });
      return;
    }
    let settled = false;
    const settle = (death?: Death) => {
      if (settled) return;
      settled = true;
      resolve({ checks, results, death });
      // A check that left a timer or a child process behind must not keep the run waiting.
      void worker.terminate();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') {
        options.progress?.(message.event);
        return;
      }
      results.set(
        message.check,
        message.type === 'failed' ? failed(message.check, `check failed: ${message.message}`) : resultFrom(message),
      );
      if (results.size === checks.length) settle();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      settle(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? { cause: 'out of memory', what: `ran out of memory (heap limit ${heapLimitMb} MB)`, advice: TOO_LARGE }
          : { cause: 'uncaught error', what: `crashed (${firstLine(error)})`, advice: A_BUG },
      );
    });
    worker.on('exit', (code) => settle(exited(code)));
  });
}

/** Node ends a thread whose top-level await can never settle (nothing left to wait on) with exit code 13. */
const UNSETTLED_AWAIT = 13;

function exited(code: number): Death {
  return code === UNSETTLED_AWAIT
    ? { cause: 'never settled', what: 'stopped before it reported: it awaited something that can never happen', advice: A_BUG }
    : { cause: `exit code ${code}`, what: `stopped (exit code ${code}) before it reported`, advice: A_BUG };
}

function resultFrom(message: Extract<WorkerMessage, { type: 'result' }>): CheckResult {
  const { result, secretValues } = message;
  return secretValues ? { ...result, secretValues: SecretValues.unpack(secretValues) } : result;
}

/** The checks on this thread, with no isolation (benches, and the test that compares both ways). */
export function runChecksInProcess(names: CheckName[], inputs: CheckInputs, progress?: Progress): Promise<CheckResult[]> {
  return Promise.all(
    names.map(async (name) => {
      try {
        const check = await CHECKS[name]();
        return await check(inputs.context, inputs.config, { progress, policyFiles: inputs.policyFiles });
      } catch (error) {
        return failed(name, `check failed: ${firstLine(error)}`);
      }
    }),
  );
}

function failed(check: CheckName, message: string): CheckResult {
  return { check, findings: [], errors: [{ check, path: '.', message, fatal: true }] };
}

const TOO_LARGE = 'An input too large to scan is the usual cause: exclude it from the check, or report it.';
const A_BUG = 'This is a bug: please report it with this message.';

/** A check that died reported nothing: say so (its stats line too), and what the reader can do. */
function died(check: CheckName, death: Death): CheckResult {
  const message = `the ${check} check ${death.what}, so none of its findings are reported; the other checks ran. ${death.advice}`;
  return { ...failed(check, message), stats: { died: death.cause } };
}

/** The worker's entry: dist/check-worker.js when bundled, ./worker.ts behind tsx from source. */
const WORKER_ENTRY = workerEntry(import.meta.url, './worker.ts', './check-worker.js');
