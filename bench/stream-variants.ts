// The secrets benches time the same scan three ways (issue 13.1, 13.2): on one stream, on two
// streams (a helper thread forced), and as the machine picks (one stream when it is busy).
import { makeSecretsCheck, type SecretsCheckOptions } from '../src/checks/secrets/check.js';
import type { SecretRule } from '../src/checks/secrets/rules/types.js';
import type { WorkerRules } from '../src/checks/secrets/scan-thread.js';
import type { Config } from '../src/config/schema.js';
import type { Context } from '../src/context/context.js';
import type { CheckResult } from '../src/finding.js';

export interface StreamVariant {
  label: string;
  options: SecretsCheckOptions;
  /** Best wall time and CPU of this process so far, in ms. */
  best: number;
  cpu: number;
  result?: CheckResult;
}

export function streamVariants(workerRules: WorkerRules | undefined): StreamVariant[] {
  const helpers = workerRules ? { workerRules } : {};
  return [
    { label: 'one stream', options: { parallel: { runners: 1 } } },
    { label: 'two streams', options: { ...helpers, parallel: { runners: 2, minSplit: 0 } } },
    { label: 'as the machine picks', options: helpers },
  ].map((variant) => ({ ...variant, best: Infinity, cpu: Infinity }));
}

/** One timed scan: keeps the best wall time and CPU, and the last result. */
export async function timeVariant(variant: StreamVariant, rules: SecretRule[], context: Context, config: Config): Promise<CheckResult> {
  const check = makeSecretsCheck(rules, variant.options);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await check(context, config);
  variant.best = Math.min(variant.best, performance.now() - started);
  const used = process.cpuUsage(cpu);
  variant.cpu = Math.min(variant.cpu, (used.user + used.system) / 1000);
  variant.result = result;
  return result;
}
