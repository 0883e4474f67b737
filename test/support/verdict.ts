// Builders for findings and verdicts, so reporter tests run the real policy (src/policy/verdict.ts)
// instead of hand-writing Verdict objects that could drift from it.
import { configSchema, defaultConfig, type Config, type ConfigInput } from '../../src/config/schema.js';
import type { Mode } from '../../src/context/context.js';
import {
  makeFingerprint,
  type CheckError,
  type CheckName,
  type CheckResult,
  type DepsDetails,
  type Finding,
  type Location,
} from '../../src/finding.js';
import { evaluate, type Verdict } from '../../src/policy/verdict.js';

export const NOW = new Date('2026-11-24T12:00:00Z');

type FindingOverrides = Partial<Omit<Finding, 'details' | 'location'>> & { details?: Finding['details']; location?: Partial<Location> };

/** A plausible finding of the given check (deps by default); every field can be overridden. */
export function findingOf(overrides: FindingOverrides = {}): Finding {
  const check: CheckName = overrides.check ?? overrides.details?.kind ?? 'deps';
  const base = DEFAULTS[check]();
  const finding: Finding = { ...base, ...overrides, check, location: { ...base.location, ...overrides.location } };
  if (overrides.fingerprint === undefined) {
    finding.fingerprint = makeFingerprint(check, finding.rule, finding.location.path, finding.location.line, finding.title);
  }
  return finding;
}

const DEFAULTS: Record<CheckName, () => Finding> = {
  deps: () => ({
    check: 'deps',
    rule: 'GHSA-29mw-wpgm-hmr9',
    severity: 'high',
    title: 'lodash 4.17.20: Regular Expression Denial of Service in lodash',
    message: 'lodash 4.17.20 is affected by GHSA-29mw-wpgm-hmr9; upgrade to 4.17.21.',
    location: { path: 'package-lock.json', line: 120 },
    fingerprint: '',
    details: {
      kind: 'deps',
      advisory: 'GHSA-29mw-wpgm-hmr9',
      aliases: ['CVE-2020-28500'],
      ecosystem: 'npm',
      package: 'lodash',
      version: '4.17.20',
      fixedVersion: '4.17.21',
      dependencyPath: ['lodash'],
      dev: false,
      direct: true,
      url: 'https://osv.dev/vulnerability/GHSA-29mw-wpgm-hmr9',
    },
  }),
  secrets: () => ({
    check: 'secrets',
    rule: 'aws-access-key-id',
    severity: 'critical',
    title: 'AWS access key ID',
    message: 'An AWS access key ID (AKIA************) was committed. Rotate it, then remove it from history.',
    location: { path: 'deploy/.env', line: 3, commit: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678' },
    fingerprint: '',
    introduced: true,
    details: { kind: 'secrets', redacted: 'AKIA************', author: 'dev@example.com', date: '2026-11-20T10:00:00Z', entropy: 3.9 },
  }),
  versions: () => ({
    check: 'versions',
    rule: 'latest-release-unsupported',
    severity: 'medium',
    title: 'Latest release 0.2.0 is not listed as supported',
    message: 'SECURITY.md does not list 0.2.x as supported although v0.2.0 is the latest release. Add a row.',
    location: { path: 'SECURITY.md', line: 9 },
    fingerprint: '',
    details: { kind: 'versions', policyFile: 'SECURITY.md', version: '0.2.0', row: '0.1.x' },
  }),
};

/** Deps details for a package other than the default lodash one. */
export function depsDetails(overrides: Partial<DepsDetails> = {}): DepsDetails {
  return { ...(DEFAULTS.deps().details as DepsDetails), ...overrides };
}

export function errorOf(overrides: Partial<CheckError> = {}): CheckError {
  return { check: 'deps', path: 'frontend/yarn.lock', line: 212, message: "unknown entry key 'resolutoin'", ...overrides };
}

export interface VerdictOptions {
  config?: ConfigInput;
  errors?: CheckError[];
  /** Checks that ran; defaults to the checks of the findings and errors (or all three when none). */
  checks?: CheckName[];
  stats?: Partial<Record<CheckName, Record<string, number | string>>>;
  baseline?: Set<string>;
  ignoreLines?: (number | undefined)[];
  mode?: Mode;
  range?: string;
  now?: Date;
}

/** Runs the real policy over the findings, grouped into one CheckResult per check. */
export function verdictOf(findings: Finding[], options: VerdictOptions = {}): Verdict {
  const errors = options.errors ?? [];
  const used = new Set<CheckName>([...findings.map((f) => f.check), ...errors.map((e) => e.check)]);
  const checks =
    options.checks ?? (used.size ? (['deps', 'secrets', 'versions'] as const).filter((c) => used.has(c)) : ['deps', 'secrets', 'versions']);
  const results: CheckResult[] = checks.map((check) => ({
    check,
    findings: findings.filter((f) => f.check === check),
    errors: errors.filter((e) => e.check === check),
    stats: options.stats?.[check] ?? {},
  }));
  const config: Config = options.config ? configSchema.parse(options.config) : defaultConfig();
  return evaluate({
    results,
    config,
    configFile: '.github/security-gate.yml',
    ignoreLines: options.ignoreLines,
    baseline: options.baseline,
    mode: options.mode ?? 'full',
    range: options.range ?? 'whole history',
    now: options.now ?? NOW,
  });
}
