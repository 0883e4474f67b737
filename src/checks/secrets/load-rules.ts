// The rule set a scan runs: the built-in table, plus custom rules from the config file and from
// an existing `.gitleaks.toml` (for teams moving over), minus `secrets.disable-rules`.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../../config/schema.js';
import type { CheckError } from '../../finding.js';
import { fromConfigRule, fromGitleaksToml, mergeRules } from './custom-rules.js';
import type { SecretRule } from './rules/types.js';

export interface LoadedRules {
  rules: SecretRule[];
  /** `.gitleaks.toml` allowlist paths: never scanned. */
  allowPaths: { test(path: string): boolean }[];
  errors: CheckError[];
}

export async function loadRules(root: string, config: Config, builtin: SecretRule[]): Promise<LoadedRules> {
  const errors: CheckError[] = [];
  const custom: SecretRule[] = [];
  let allowPaths: LoadedRules['allowPaths'] = [];
  const toml = await readOptional(join(root, '.gitleaks.toml'));
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

export async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
