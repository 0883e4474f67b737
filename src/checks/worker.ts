// The entry of a check's worker thread (see isolated.ts): runs the one check it is given, forwards its
// progress, and posts its result. It loads only that check's own code, after the compile cache is on.
import { parentPort, workerData } from 'node:worker_threads';
import { enableCompileCache } from '../compile-cache.js';
import type { CheckResult } from '../finding.js';
import { firstLine } from '../util.js';
import type { Check, Progress } from './check.js';
import { CHECKS } from './index.js';
import type { CheckRequest, WorkerMessage } from './isolated.js';

enableCompileCache();
const request = workerData as CheckRequest;
const port = parentPort!;
const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

try {
  const check: Check = request.module ? (await import(request.module)).default : await CHECKS[request.check]();
  const result = await check(request.context, request.config, {
    policyFiles: request.policyFiles,
    progress: request.progress ? throttled((event) => post({ type: 'progress', event })) : undefined,
  });
  postResult(result);
} catch (error) {
  post({ type: 'failed', message: firstLine(error) });
}

function postResult({ secretValues, ...result }: CheckResult): void {
  const packed = secretValues?.pack();
  post({ type: 'result', result, secretValues: packed }, packed ? [packed.buffer as ArrayBuffer] : []);
}

/** At most one progress message per 100 ms (a terminal shows one per 200 ms): a scan of 100k commits is not 100k messages. */
function throttled(send: Progress): Progress {
  let last = 0;
  return (event) => {
    const now = Date.now();
    if (now - last < 100 && event.done !== event.total) return;
    last = now;
    send(event);
  };
}
