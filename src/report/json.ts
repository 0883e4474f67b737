// The JSON report: the CLI's machine-readable contract (`--format json`) and the baseline format.
// The listed keys are stable (version 1); adding keys is fine, renaming or removing is a new version.
import type { CheckName, Finding, Severity } from '../finding.js';
import type { CheckSummary, Status, Verdict } from '../policy/verdict.js';
import { redactDocument, redactVerdict } from './redaction.js';

export interface JsonFinding {
  check: CheckName;
  rule: string;
  severity: Severity;
  title: string;
  message: string;
  location: { path: string; line: number | null; commit: string | null };
  fingerprint: string;
  introduced: boolean | null;
  status: Status;
  reason: string;
  /** The short fix, when the check gives one. */
  remedy?: string;
  /** secrets: confirmed, provider or generic (see Finding.confidence). */
  confidence?: Finding['confidence'];
  details: Record<string, unknown>;
}

export interface JsonError {
  check: CheckName;
  path: string;
  message: string;
  line: number | null;
  fatal: boolean;
}

export interface JsonReport {
  version: 1;
  verdict: 'pass' | 'fail';
  failOn: Verdict['failOn'];
  mode: Verdict['mode'];
  range: string;
  counts: Verdict['counts'];
  checks: CheckSummary[];
  findings: JsonFinding[];
  errors: JsonError[];
}

export function renderJson(original: Verdict): JsonReport {
  const verdict = redactVerdict(original);
  return redactDocument(original, {
    version: 1,
    verdict: verdict.verdict,
    failOn: verdict.failOn,
    mode: verdict.mode,
    range: verdict.range,
    counts: { ...verdict.counts },
    checks: verdict.checks.map((check) => ({ ...check, stats: { ...check.stats } })),
    findings: verdict.findings.map((finding) => ({
      check: finding.check,
      rule: finding.rule,
      severity: finding.severity,
      title: finding.title,
      message: finding.message,
      // null rather than a missing key: consumers (jq, other tools) see every field in every finding.
      location: { path: finding.location.path, line: finding.location.line ?? null, commit: finding.location.commit ?? null },
      fingerprint: finding.fingerprint,
      introduced: finding.introduced ?? null,
      status: finding.status,
      reason: finding.reason,
      ...(finding.remedy !== undefined ? { remedy: finding.remedy } : {}),
      ...(finding.confidence !== undefined ? { confidence: finding.confidence } : {}),
      // Details are the check's own (already redacted) fields; copied, never enriched here.
      details: { ...finding.details },
    })),
    errors: verdict.errors.map((error) => ({
      check: error.check,
      path: error.path,
      message: error.message,
      line: error.line ?? null,
      fatal: error.fatal ?? false,
    })),
  });
}
