// Turns check results into a verdict: which findings fail, which warn, which are ignored and by
// which entry, and which ignores have expired (an expired ignore is a failure of its own).
import { minimatch } from 'minimatch';
import type { Config, IgnoreEntry } from '../config/schema.js';
import type { Mode } from '../context/context.js';
import {
  atLeast,
  makeFingerprint,
  SecretValues,
  severityRank,
  type CheckError,
  type CheckName,
  type CheckResult,
  type Finding,
} from '../finding.js';
import { compareStrings } from '../util.js';

export type Status = 'fail' | 'warn' | 'ignored';

export interface EvaluatedFinding extends Finding {
  status: Status;
  /** One short sentence saying why it has this status ("below the fail-on threshold high"). */
  reason: string;
  /** The ignore entry that hides it, when ignored. */
  ignoredBy?: IgnoreEntry;
}

export interface CheckSummary {
  check: CheckName;
  stats: Record<string, number | string>;
  findings: number;
  errors: number;
}

export interface Verdict {
  verdict: 'pass' | 'fail';
  failOn: Config['fail-on'];
  mode: Mode;
  /** Human description of what was scanned ("a1b2c3d..e4f5a6b", "whole history"). */
  range: string;
  /** Sorted most important first: fail, then warn, then ignored; introduced first; then severity. */
  findings: EvaluatedFinding[];
  errors: CheckError[];
  checks: CheckSummary[];
  counts: { fail: number; warn: number; ignored: number; errors: number };
  /** Facts for the reader that change no status, e.g. what a pull request changes in the policy (applies after merge). */
  notices?: string[];
  /** Every raw secret value the checks found, for the reporters' redaction pass only (never serialised). */
  secretValues: SecretValues;
}

export interface PolicyInput {
  results: CheckResult[];
  config: Config;
  /** Where the config came from and the line of each ignore entry (for expired-ignore findings). */
  configFile?: string;
  ignoreLines?: (number | undefined)[];
  /** Fingerprints from the baseline report: such findings count as existing (warn). */
  baseline?: Set<string>;
  /** What the pull request changes in the policy it is judged by (it applies after merge). */
  notices?: string[];
  mode: Mode;
  range: string;
  now: Date;
}

export function evaluate(input: PolicyInput): Verdict {
  const { config, now } = input;
  const expiredUsed = new Map<number, Finding>();
  const evaluated: EvaluatedFinding[] = [];

  for (const result of input.results) {
    for (const finding of result.findings) {
      const matching = config.ignore.map((entry, index) => ({ entry, index })).filter(({ entry }) => ignoreMatches(entry, finding));
      const active = matching.find(({ entry }) => !isExpired(entry, now));
      if (active) {
        evaluated.push({
          ...finding,
          status: 'ignored',
          ignoredBy: active.entry,
          reason: `ignored: ${active.entry.reason} (until ${active.entry.expires})`,
        });
        continue;
      }
      for (const { index } of matching) if (!expiredUsed.has(index)) expiredUsed.set(index, finding);
      evaluated.push({ ...finding, ...statusOf(finding, input) });
    }
  }

  for (const [index, hidden] of expiredUsed) {
    evaluated.push(expiredIgnoreFinding(config.ignore[index]!, index, hidden, input));
  }

  evaluated.sort(byImportance);
  const errors = input.results.flatMap((result) => result.errors);
  const counts = {
    fail: evaluated.filter((finding) => finding.status === 'fail').length,
    warn: evaluated.filter((finding) => finding.status === 'warn').length,
    ignored: evaluated.filter((finding) => finding.status === 'ignored').length,
    errors: errors.length,
  };
  return {
    verdict: counts.fail > 0 || errors.some((error) => error.fatal) ? 'fail' : 'pass',
    failOn: config['fail-on'],
    mode: input.mode,
    range: input.range,
    findings: evaluated,
    errors,
    checks: input.results.map((result) => ({
      check: result.check,
      stats: result.stats ?? {},
      findings: result.findings.length,
      errors: result.errors.length,
    })),
    counts,
    ...(input.notices?.length ? { notices: input.notices } : {}),
    secretValues: SecretValues.merge(input.results.map((result) => result.secretValues)),
  };
}

function statusOf(finding: Finding, input: PolicyInput): { status: Status; reason: string } {
  const secret = finding.details.kind === 'secrets' ? finding.details : undefined;
  if (secret?.example) return { status: 'warn', reason: 'a published example credential: reported, never failing' };
  if (input.baseline?.has(finding.fingerprint)) return { status: 'warn', reason: 'in the baseline: existed before' };
  if (finding.introduced === false) return { status: 'warn', reason: 'already present before this change' };
  if (secret?.pathKind === 'test') {
    // Tests, fixtures, examples and docs hold fake credentials far more often than real ones.
    const setting = input.config.secrets['in-test-paths'];
    if (setting === 'ignore') return { status: 'ignored', reason: 'in a test or example path (secrets.in-test-paths: ignore)' };
    if (setting === 'warn') return { status: 'warn', reason: 'in a test or example path (secrets.in-test-paths: warn)' };
  }
  if (finding.details.kind === 'deps' && finding.details.unscored) {
    return input.config.deps.unscored === 'fail'
      ? { status: 'fail', reason: 'advisory has no severity and deps.unscored is fail' }
      : { status: 'warn', reason: 'advisory has no severity (deps.unscored: warn)' };
  }
  const threshold = input.config['fail-on'];
  return atLeast(finding.severity, threshold)
    ? { status: 'fail', reason: `${finding.severity} is at or above fail-on ${threshold}` }
    : { status: 'warn', reason: `${finding.severity} is below fail-on ${threshold}` };
}

/** Does this ignore entry name this finding? By fingerprint, or by id (rule, advisory or alias) with optional package/path limits. */
export function ignoreMatches(entry: IgnoreEntry, finding: Finding): boolean {
  if (entry.fingerprint !== undefined && entry.fingerprint !== finding.fingerprint) return false;
  if (entry.id !== undefined && !findingIds(finding).includes(entry.id.toUpperCase())) return false;
  if (entry.package !== undefined) {
    if (finding.details.kind !== 'deps' || finding.details.package.toLowerCase() !== entry.package.toLowerCase()) return false;
  }
  if (entry.path !== undefined && !minimatch(finding.location.path, entry.path, { dot: true })) return false;
  return true;
}

function findingIds(finding: Finding): string[] {
  const ids = [finding.rule];
  if (finding.details.kind === 'deps') ids.push(finding.details.advisory, ...finding.details.aliases);
  return ids.map((id) => id.toUpperCase());
}

/** An ignore works through the whole day of its `expires` date (UTC) and stops the day after. */
export function isExpired(entry: IgnoreEntry, now: Date): boolean {
  return now.getTime() >= Date.parse(`${entry.expires}T00:00:00Z`) + 86_400_000;
}

function expiredIgnoreFinding(entry: IgnoreEntry, index: number, hidden: Finding, input: PolicyInput): EvaluatedFinding {
  const name = entry.id ?? entry.fingerprint ?? `#${index + 1}`;
  const path = input.configFile ?? '.github/security-gate.yml';
  return {
    check: hidden.check,
    rule: 'ignore-expired',
    severity: 'high',
    title: `Ignore for ${name} expired on ${entry.expires}`,
    message:
      `The ignore entry for ${name} (reason: "${entry.reason}") expired on ${entry.expires}, so it no longer hides ` +
      `${hidden.title}. Fix the finding, or renew the entry with a new date and reason if it is still acceptable.`,
    location: { path, line: input.ignoreLines?.[index] },
    fingerprint: makeFingerprint(hidden.check, 'ignore-expired', name, entry.expires),
    details: hidden.details.kind === 'versions' ? { kind: 'versions' } : hidden.details,
    status: 'fail',
    reason: `ignore expired on ${entry.expires}`,
  };
}

const STATUS_ORDER: Record<Status, number> = { fail: 0, warn: 1, ignored: 2 };

export function byImportance(a: EvaluatedFinding, b: EvaluatedFinding): number {
  return (
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    Number(b.introduced === true) - Number(a.introduced === true) ||
    severityRank(a.severity) - severityRank(b.severity) ||
    compareStrings(a.check, b.check) ||
    compareStrings(a.location.path, b.location.path) ||
    (a.location.line ?? 0) - (b.location.line ?? 0) ||
    compareStrings(a.rule, b.rule)
  );
}
