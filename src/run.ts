// The pipeline shared by the action and the CLI: Config -> Context -> Checks -> Policy -> Verdict.
// It returns the verdict; rendering it is the shells' job (run.ts imports no reporter).
import type { Progress } from './checks/check.js';
import { runChecksInProcess, runChecksInWorkers, type CheckInputs } from './checks/isolated.js';
import type { Config } from './config/schema.js';
import type { Settings } from './config/settings.js';
import { buildContext } from './context/build.js';
import { describeRange, type Context } from './context/context.js';
import { CHECK_NAMES, type CheckName, type CheckResult } from './finding.js';
import { loadPolicy, policyBase, readsPolicyFromBase } from './policy/load.js';
import { evaluate, type Verdict } from './policy/verdict.js';

export interface RunResult {
  verdict: Verdict;
  config: Config;
  context: Context;
  configFile?: string;
}

export interface RunOptions {
  progress?: Progress;
  /**
   * Where the checks run. `shared` (the default): in one worker thread, with a heap cap; if it dies,
   * each check that had not reported runs again in a worker of its own, so the one that dies is named
   * and the others still report (checks/isolated.ts). `per-check`: a worker per check from the start
   * (more CPU to start, the checks' own work on both cores). `in-process`: on this thread, for callers
   * that want one stack (a thrown error is still contained, running out of memory is not).
   */
  isolation?: 'shared' | 'per-check' | 'in-process';
  /** The heap cap of each worker in MB (default CHECK_HEAP_LIMIT_MB). */
  heapLimitMb?: number;
  /** For tests only: a module (file URL) whose default export runs instead of a built-in check, in its worker. */
  checkModules?: Partial<Record<CheckName, URL>>;
}

export async function run(settings: Settings, options: RunOptions = {}): Promise<RunResult> {
  // The range is resolved and a shallow clone completed once, in buildContext, for the checks that
  // will run. On a pull request the policy (and so the config's `checks`) comes from the base
  // commit, which needs the range first: a shallow clone is then completed for every check.
  const fromBase = readsPolicyFromBase(settings);
  const fromTree = fromBase ? undefined : await loadPolicy({ ...settings, base: undefined });
  const context = await buildContext(settings, fromTree?.config.checks ?? CHECK_NAMES);
  const policy = fromTree ?? (await loadPolicy({ ...settings, base: await policyBase(settings, context) }));
  const { config } = policy;

  const results = await runChecks(config.checks, { context, config, policyFiles: policy.files }, options);
  // Fail closed: a policy that could not be read from the base commit fails the run, with the fix.
  if (policy.problem) results[0]!.errors.push({ check: results[0]!.check, path: '.', message: policy.problem, fatal: true });
  const verdict = evaluate({
    results,
    config,
    configFile: policy.configFile,
    ignoreLines: policy.ignoreLines,
    baseline: policy.baseline,
    notices: policy.notices,
    mode: context.mode,
    range: describeRange(context),
    now: context.now,
  });
  return { verdict, config, context, configFile: policy.configFile };
}

/** A check that throws or dies is a bug, not a reason to lose the other checks: it becomes a fatal error of its own. */
async function runChecks(names: CheckName[], inputs: CheckInputs, options: RunOptions): Promise<CheckResult[]> {
  const { progress } = options;
  if (options.isolation !== 'in-process') {
    return runChecksInWorkers(names, inputs, {
      progress,
      heapLimitMb: options.heapLimitMb,
      workers: options.isolation,
      modules: options.checkModules,
    });
  }
  return runChecksInProcess(names, inputs, progress);
}
