// Runs one check in a worker thread of its own, so that its death is contained (issue 10, item 12):
// a check that runs out of heap, or throws where no promise catches it, ends its worker and not the
// run. Its death becomes a fatal error that names the check and what happened; the other checks'
// findings, the summary, SARIF and outputs are still written, and the run fails.
//
// The inputs cross as plain data (structured clone): Context, Config and the policy files are plain on
// purpose. The result crosses back the same way, except its SecretValues holder, which does not
// serialise: it travels packed as numbers (`SecretValues.pack`) and is rebuilt here.
import { Worker } from 'node:worker_threads';
import type { PolicyFiles } from '../config/policy-files.js';
import type { Config } from '../config/schema.js';
import type { Context } from '../context/context.js';
import { SecretValues, type CheckName, type CheckResult } from '../finding.js';
import { firstLine } from '../util.js';
import type { Progress } from './check.js';

/**
 * Each check's heap cap, in MB. Every bounded input stays far below it (issue 10: under 1 GB for the
 * whole run), and three checks at the cap still fit a 7 GB runner beside the main thread, which
 * must live to write the report. A check that needs more has met an input it cannot bound: it fails
 * closed, by name.
 */
export const CHECK_HEAP_LIMIT_MB = 1024;

/**
 * V8's limits for a check's heap. The young generation is capped too: left to its default (192 MB on
 * Node 24) it can promote more at once than the headroom V8 grants a worker at its limit, and then
 * the whole process dies instead of the worker. 48 MB is Node 20's default.
 */
function heapLimits(heapLimitMb: number) {
  return { maxOldGenerationSizeMb: heapLimitMb, maxYoungGenerationSizeMb: Math.min(48, Math.ceil(heapLimitMb / 4)) };
}

/** What the worker is given (its workerData). */
export interface CheckRequest {
  check: CheckName;
  context: Context;
  config: Config;
  policyFiles: PolicyFiles;
  /** Whether the parent shows progress: a worker without it sends none. */
  progress: boolean;
  /** A module (file URL) whose default export runs instead of the built-in check: for tests only. */
  module?: string;
}

/** What the worker sends back. */
export type WorkerMessage =
  | { type: 'progress'; event: Parameters<Progress>[0] }
  | { type: 'result'; result: Omit<CheckResult, 'secretValues'>; secretValues?: Uint16Array }
  | { type: 'failed'; message: string };

export interface IsolationOptions {
  progress?: Progress;
  /** The heap cap for this check, in MB (default CHECK_HEAP_LIMIT_MB). */
  heapLimitMb?: number;
  /** See CheckRequest.module. */
  module?: URL;
}

export function runCheckInWorker(
  input: { check: CheckName; context: Context; config: Config; policyFiles: PolicyFiles },
  options: IsolationOptions = {},
): Promise<CheckResult> {
  const { check } = input;
  const heapLimitMb = options.heapLimitMb ?? CHECK_HEAP_LIMIT_MB;
  const request: CheckRequest = { ...input, progress: options.progress !== undefined, module: options.module?.href };
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_ENTRY, { workerData: request, resourceLimits: heapLimits(heapLimitMb) });
    } catch (error) {
      resolve(died(check, 'not started', `could not be started (${firstLine(error)})`, A_BUG));
      return;
    }
    let settled = false;
    const settle = (result: CheckResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
      // A check that left a timer or a child process behind must not keep the run waiting.
      void worker.terminate();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') options.progress?.(message.event);
      else if (message.type === 'failed') settle(failed(check, `check failed: ${message.message}`));
      else settle(resultFrom(message));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      settle(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? died(check, 'out of memory', `ran out of memory (heap limit ${heapLimitMb} MB)`, TOO_LARGE)
          : died(check, 'uncaught error', `crashed (${firstLine(error)})`, A_BUG),
      );
    });
    worker.on('exit', (code) => settle(died(check, `exit code ${code}`, `stopped (exit code ${code}) before it reported`, A_BUG)));
  });
}

function resultFrom(message: Extract<WorkerMessage, { type: 'result' }>): CheckResult {
  const { result, secretValues } = message;
  return secretValues ? { ...result, secretValues: SecretValues.unpack(secretValues) } : result;
}

function failed(check: CheckName, message: string): CheckResult {
  return { check, findings: [], errors: [{ check, path: '.', message, fatal: true }] };
}

const TOO_LARGE = 'An input too large to scan is the usual cause: exclude it from the check, or report it.';
const A_BUG = 'This is a bug: please report it with this message.';

/** A check that died reported nothing: say so (its stats line too), and what the reader can do. */
function died(check: CheckName, cause: string, what: string, advice: string): CheckResult {
  const message = `the ${check} check ${what}, so none of its findings are reported; the other checks ran. ${advice}`;
  return { ...failed(check, message), stats: { died: cause } };
}

/**
 * The worker's entry. Bundled, it is dist/check-worker.js, beside the chunk this code is in. From
 * source (tests, tsx) it is worker.ts beside this file, behind a one-line module that registers tsx in
 * the new thread first (`--import tsx` in a worker's execArgv is not honoured by Node 20).
 */
const WORKER_ENTRY: URL = import.meta.url.endsWith('.ts')
  ? new URL(
      `data:text/javascript,${encodeURIComponent(
        `(await import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})).register();` +
          `await import(${JSON.stringify(new URL('./worker.ts', import.meta.url).href)});`,
      )}`,
    )
  : new URL('./check-worker.js', import.meta.url);
