// The pipeline shared by the action and the CLI: Config -> Context -> Checks -> Policy -> Verdict.
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { CHECKS } from './checks/index.js';
import type { Progress } from './checks/check.js';
import { ConfigError } from './config/errors.js';
import { loadConfig } from './config/load.js';
import { applyOverrides } from './config/overrides.js';
import type { Config } from './config/schema.js';
import type { Settings } from './config/settings.js';
import { buildContext } from './context/build.js';
import { describeRange, type Context } from './context/context.js';
import { completeShallowClone } from './context/fetch.js';
import type { CheckName, CheckResult } from './finding.js';
import { evaluate, type Verdict } from './policy/verdict.js';
import { readBaselineFingerprints } from './report/json.js';

export interface RunResult {
  verdict: Verdict;
  config: Config;
  context: Context;
  configFile?: string;
}

export interface RunOptions {
  progress?: Progress;
}

export async function run(settings: Settings, options: RunOptions = {}): Promise<RunResult> {
  const loaded = loadConfig(settings.root, settings.configPath);
  const config = applyOverrides(loaded.config, settings.overrides);
  const context = await buildContext(settings);
  await completeShallowClone(context, {
    history: config.checks.includes('secrets') || (config.checks.includes('deps') && context.mode !== 'full'),
    tags: config.checks.includes('versions'),
  });
  const baseline = config.baseline ? readBaseline(settings.root, config.baseline) : undefined;

  const results = await Promise.all(config.checks.map((name) => runCheck(name, context, config, options)));
  const verdict = evaluate({
    results,
    config,
    configFile: loaded.file,
    ignoreLines: loaded.ignoreLines,
    baseline,
    mode: context.mode,
    range: describeRange(context),
    now: context.now,
  });
  return { verdict, config, context, configFile: loaded.file };
}

/** A check that throws is a bug, not a reason to lose the other checks: it becomes a fatal error of its own. */
async function runCheck(name: CheckName, context: Context, config: Config, options: RunOptions): Promise<CheckResult> {
  try {
    return await CHECKS[name](context, config, { progress: options.progress });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { check: name, findings: [], errors: [{ check: name, path: '.', message: `check failed: ${message}`, fatal: true }] };
  }
}

function readBaseline(root: string, file: string): Set<string> {
  const path = isAbsolute(file) ? file : join(root, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ConfigError(file, 'baseline file not found; write one with `security-gate scan --format json --output FILE`', 'baseline');
  }
  return readBaselineFingerprints(text, file);
}
