// The entry of a checks' worker thread (see isolated.ts): runs the checks it is given, concurrently,
// forwards their progress, and posts each result as it comes. It loads only those checks' own code,
// after the compile cache is on.
import { parentPort, workerData } from 'node:worker_threads';
import { enableCompileCache } from '../compile-cache.js';
import type { CheckName, CheckResult } from '../finding.js';
import { firstLine } from '../util.js';
import type { Check, Progress } from './check.js';
import { CHECKS } from './index.js';
import type { WorkerMessage, WorkerRequest } from './isolated.js';

enableCompileCache();
const request = workerData as WorkerRequest;
const port = parentPort!;
const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
const progress = request.progress ? throttled((event) => post({ type: 'progress', event })) : undefined;

await Promise.all(request.checks.map(runOne));

async function runOne(name: CheckName): Promise<void> {
  try {
    const module = request.modules[name];
    const check: Check = module ? (await import(module)).default : await CHECKS[name]();
    postResult(name, await check(request.context, request.config, { policyFiles: request.policyFiles, progress }));
  } catch (error) {
    post({ type: 'failed', check: name, message: firstLine(error) });
  }
}

function postResult(check: CheckName, { secretValues, ...result }: CheckResult): void {
  const packed = secretValues?.pack();
  post({ type: 'result', check, result, secretValues: packed }, packed ? [packed.buffer as ArrayBuffer] : []);
}

/** At most one progress message per 100 ms per check (a terminal shows one per 200 ms): 100k commits are not 100k messages. */
function throttled(send: Progress): Progress {
  const last = new Map<CheckName, number>();
  return (event) => {
    const now = Date.now();
    if (now - (last.get(event.check) ?? 0) < 100 && event.done !== event.total) return;
    last.set(event.check, now);
    send(event);
  };
}
