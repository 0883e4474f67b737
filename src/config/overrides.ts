// Action inputs and CLI flags override the config file. Each override is already validated
// (by the shell that parsed it) and only present when the user set it.
import type { CheckName } from '../finding.js';
import type { Config, FailOn } from './schema.js';

export interface ConfigOverrides {
  checks?: CheckName[];
  failOn?: FailOn;
  advisoryDb?: string;
  osvUrl?: string;
  cacheDir?: string;
  /** Used when neither `cacheDir` nor the file's `deps.cache-dir` is set: the action's run-private folder. */
  defaultCacheDir?: string;
  baseline?: string;
}

export function applyOverrides(config: Config, overrides: ConfigOverrides): Config {
  return {
    ...config,
    checks: overrides.checks ?? config.checks,
    'fail-on': overrides.failOn ?? config['fail-on'],
    baseline: overrides.baseline ?? config.baseline,
    deps: {
      ...config.deps,
      'advisory-db': overrides.advisoryDb ?? config.deps['advisory-db'],
      'osv-url': overrides.osvUrl ?? config.deps['osv-url'],
      'cache-dir': overrides.cacheDir ?? config.deps['cache-dir'] ?? overrides.defaultCacheDir,
    },
  };
}
