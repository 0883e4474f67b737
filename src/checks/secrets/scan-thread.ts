// The work of a helper thread of a long scan (parallel-scan.ts; its entry is ../secrets-worker.ts): it
// builds the same detector the check built (the same rules from the same config and policy files),
// then reads each segment it is handed (commits of a history, files of a tree) and posts back its
// findings. Findings are plain data; the raw values travel with them only to be masked by the
// reporters, exactly as on the check's own thread.
import { parentPort, workerData } from 'node:worker_threads';
import type { PolicyFiles } from '../../config/policy-files.js';
import type { Config } from '../../config/schema.js';
import { firstLine } from '../../util.js';
import { pathFilter } from './allow.js';
import { compileRules } from './detect/compile.js';
import { Detector } from './detect/detector.js';
import { postable, runJob, type Job, type PostedJobResult, type ScanPlace } from './parallel-scan.js';
import { loadRules } from './load-rules.js';
import type { SecretRule } from './rules/types.js';

/** Where the helper finds the check's built-in rules: the table, or (tests) a module's named export. */
export type WorkerRules = 'builtin' | { module: string; name: string };

export interface WorkerRequest {
  place: ScanPlace;
  rules: WorkerRules;
  config: Config;
  policyFiles: PolicyFiles;
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'commits'; count: number }
  | { type: 'segment'; index: number; result: PostedJobResult }
  | { type: 'failed'; index: number; message: string };

/** Commits read are reported in steps of this many (a message per commit would cost more than it tells). */
const COMMITS_STEP = 100;

async function builtinRules(rules: WorkerRules): Promise<SecretRule[]> {
  if (rules === 'builtin') return (await import('./rules/builtin.js')).BUILTIN_RULES;
  return ((await import(rules.module)) as Record<string, SecretRule[]>)[rules.name]!;
}

const request = workerData as WorkerRequest;
const port = parentPort!;
const post = (message: WorkerMessage) => port.postMessage(message);

const { config, policyFiles } = request;
const loaded = loadRules(policyFiles, config, await builtinRules(request.rules));
const compiled = compileRules(loaded.rules);
const detector = new Detector(compiled, { testPaths: config.secrets['test-paths'], maxDecodeDepth: config.secrets['max-decode-depth'] });
const includePath = pathFilter(config.secrets['exclude-paths'], loaded.allowPaths);

let unreported = 0;
port.on('message', ({ index, job }: { index: number; job: Job }) => {
  const onCommit = () => {
    if (++unreported < COMMITS_STEP) return;
    post({ type: 'commits', count: unreported });
    unreported = 0;
  };
  runJob(detector, job, request.place, includePath, onCommit).then(
    (result) => {
      if (unreported > 0) post({ type: 'commits', count: unreported });
      unreported = 0;
      post({ type: 'segment', index, result: postable(result) });
    },
    (error: unknown) => post({ type: 'failed', index, message: firstLine(error) }),
  );
});
post({ type: 'ready' });
