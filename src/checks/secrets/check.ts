// The secrets check, given its built-in rules (tests pass their own): pick the lines to scan (a
// git range or the working tree), hand them to the detector, and turn its detections into
// findings that carry a redacted value and a hash, never the secret itself.
import type { Config } from '../../config/schema.js';
import type { Context } from '../../context/context.js';
import { SecretValues, type CheckError, type CheckResult, type Finding } from '../../finding.js';
import type { Check, CheckOptions } from '../check.js';
import { GitleaksIgnore } from './allow.js';
import { compileRules } from './detect/compile.js';
import { Detector } from './detect/detector.js';
import { dedupeKey } from './found.js';
import { loadRules } from './load-rules.js';
import { firstLine } from '../../util.js';
import type { SecretRule } from './rules/types.js';
import { openSource, type SecretsCheckOptions } from './source.js';

export type { SecretsCheckOptions } from './source.js';

export function makeSecretsCheck(builtin: SecretRule[], checkOptions: SecretsCheckOptions = {}): Check {
  return async (context: Context, config: Config, options: CheckOptions = {}): Promise<CheckResult> => {
    const errors: CheckError[] = [];
    const loaded = loadRules(options.policyFiles ?? {}, config, builtin);
    const compiled = compileRules(loaded.rules);
    // One detector per stream: its prefilter keeps lines after a keyword line, so it is stateful.
    const makeDetector = () =>
      new Detector(compiled, { testPaths: config.secrets['test-paths'], maxDecodeDepth: config.secrets['max-decode-depth'] });
    const ignore = new GitleaksIgnore(options.policyFiles?.['.gitleaksignore'] ?? '');
    const opened = await openSource({ context, config, loaded, makeDetector, options, checkOptions });
    // Every raw value found (ignored ones too): the reporters mask them wherever they appear.
    const secretValues = new SecretValues();
    const result = (findings: Finding[]): CheckResult => ({
      check: 'secrets',
      findings,
      // The source's errors (a range it could not read, files it could not open) are known once it is read.
      errors: [...loaded.errors, ...opened.errors, ...errors],
      stats: {
        range: opened.range,
        ...opened.stats(),
        rules: loaded.rules.length,
        providers: new Set(loaded.rules.map((rule) => rule.provider)).size,
      },
      secretValues,
    });
    if (!opened.found) return result([]);

    const findings = new Map<string, Finding>();
    try {
      for await (const batch of opened.found) {
        for (const { finding, values } of batch) {
          secretValues.addAll(values);
          const { location } = finding;
          if (ignore.ignores({ commit: location.commit, path: location.path, rule: finding.rule, line: location.line ?? 0 })) continue;
          const key = dedupeKey(finding);
          if (!findings.has(key)) findings.set(key, finding);
        }
      }
    } catch (error) {
      // git itself failed mid-stream (a bad revision, a corrupt object): the result is not clean.
      errors.push({ check: 'secrets', path: '.', message: `the scan stopped early: ${firstLine(error)}`, fatal: true });
    }
    return result([...findings.values()]);
  };
}
