// The rule set a scan runs: the built-in table, plus custom rules from the config file and from
// an existing `.gitleaks.toml` (for teams moving over), minus `secrets.disable-rules`.
import type { PolicyFiles } from '../../config/policy-files.js';
import type { Config } from '../../config/schema.js';
import type { CheckError } from '../../finding.js';
import { fromConfigRule, fromGitleaksToml, mergeRules } from './custom-rules.js';
import type { SecretRule } from './rules/types.js';
import { firstLine } from '../../util.js';

export interface LoadedRules {
  rules: SecretRule[];
  /** `.gitleaks.toml` allowlist paths: never scanned. */
  allowPaths: { test(path: string): boolean }[];
  errors: CheckError[];
}

/** `policyFiles` come from the pipeline (the base commit on a pull request, so a PR cannot add its own allowlist). */
export function loadRules(policyFiles: PolicyFiles, config: Config, builtin: SecretRule[]): LoadedRules {
  const errors: CheckError[] = [];
  const custom: SecretRule[] = [];
  let allowPaths: LoadedRules['allowPaths'] = [];
  const toml = policyFiles['.gitleaks.toml'];
  if (toml !== undefined) {
    const fromToml = fromGitleaksToml(toml, '.gitleaks.toml');
    custom.push(...fromToml.rules);
    allowPaths = fromToml.allowPaths;
    errors.push(...fromToml.errors);
  }
  for (const rule of config.secrets.rules) {
    try {
      custom.push(fromConfigRule(rule));
    } catch (error) {
      errors.push({ check: 'secrets', path: 'secrets.rules', message: `rule '${rule.id}' was skipped: ${firstLine(error)}` });
    }
  }
  return { rules: mergeRules(builtin, custom, config.secrets['disable-rules']), allowPaths, errors };
}
