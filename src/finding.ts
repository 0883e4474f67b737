import { createHash } from 'node:crypto';

// The one shape every check speaks (see ../shared/DESIGN.md, "The finding").
// Checks produce Findings and CheckErrors; the policy and every reporter work on them alike.

export const CHECK_NAMES = ['deps', 'secrets', 'versions'] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

/** Ordered from most to least severe; `SEVERITIES.indexOf` ranks them. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Location {
  /** Relative to the scanned root, forward slashes. */
  path: string;
  line?: number;
  endLine?: number;
  commit?: string;
}

export interface DepsDetails {
  kind: 'deps';
  advisory: string;
  aliases: string[];
  ecosystem: string;
  package: string;
  version: string;
  fixedVersion?: string;
  dependencyPath: string[];
  dev: boolean;
  direct: boolean;
  url: string;
  /** True when no source gave a severity; the policy applies `deps.unscored`. */
  unscored?: boolean;
}

export interface SecretDetails {
  kind: 'secrets';
  /** Redacted: a short prefix then `*`. Never the raw value. */
  redacted: string;
  author?: string;
  date?: string;
  entropy?: number;
}

export interface VersionsDetails {
  kind: 'versions';
  policyFile?: string;
  version?: string;
  row?: string;
}

export interface Finding {
  check: CheckName;
  rule: string;
  severity: Severity;
  title: string;
  message: string;
  /** Short, specific action for the summary's What to do column. */
  remedy?: string;
  location: Location;
  fingerprint: string;
  /** pr/push mode: added by this change (fails) or already there (warns). Undefined in full mode. */
  introduced?: boolean;
  details: DepsDetails | SecretDetails | VersionsDetails;
}

/** An input a check could not read: reported, never fatal to the other inputs or checks. */
export interface CheckError {
  check: CheckName;
  path: string;
  line?: number;
  message: string;
  /** True when the check could not vouch for its result at all (e.g. advisory source down, shallow range). */
  fatal?: boolean;
}

export interface CheckResult {
  check: CheckName;
  findings: Finding[];
  errors: CheckError[];
  /** Short facts for the summary, e.g. { commits: 12, lockfiles: 3 }. */
  stats?: Record<string, number | string>;
}

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** True when `severity` is at least as severe as `threshold`. */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return severityRank(severity) <= severityRank(threshold);
}

/** Renders `path:line` for messages; `path` alone when the line is unknown. */
export function where(location: { path: string; line?: number }): string {
  return location.line ? `${location.path}:${location.line}` : location.path;
}

/**
 * A stable fingerprint from the parts that identify a finding across runs (never a raw secret:
 * callers pass a hash of it). 32 hex chars of sha256 are plenty for uniqueness within a repo.
 */
export function makeFingerprint(check: CheckName, ...parts: (string | number | undefined)[]): string {
  const text = [check, ...parts.map((part) => (part === undefined ? '' : String(part)))].join('\u0000');
  return `${check}:${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
}

// Every output shows at most a short prefix and a mask (issue 3, "Never print a secret"). The
// prefix tells a reader which kind of credential it is (`AKIA`, `ghp_`, `xoxb`), and is never more
// than a quarter of the value, so short secrets give away at most a character or two.
const REDACT_MAX_PREFIX = 4;
const REDACT_MAX_MASK = 20;

/** `AKIAIOSFODNN7REALKEY1` -> `AKIA****************`; `hunter22` -> `hu******`. */
export function redact(secret: string): string {
  const chars = [...secret];
  const prefix = Math.min(REDACT_MAX_PREFIX, Math.floor(chars.length / 4));
  const mask = Math.min(REDACT_MAX_MASK, Math.max(chars.length - prefix, 4));
  return chars.slice(0, prefix).join('') + '*'.repeat(mask);
}
