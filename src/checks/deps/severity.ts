// How severe is an advisory? In order: malware is critical; RustSec "informational" notices
// (unmaintained, unsound) are info; GHSA's reviewed severity; else the highest CVSS score found
// in the record; else unscored, which the policy treats as `deps.unscored` says.
import cvss from 'ae-cvss-calculator';
import type { Severity } from '../../finding.js';
import type { OsvRecord } from './types.js';

export interface AdvisorySeverity {
  severity: Severity;
  /** No source gave a severity: `severity` is a placeholder and the policy applies `deps.unscored`. */
  unscored: boolean;
  /** Where the severity came from, for the message. */
  basis: 'malware' | 'informational' | 'ghsa' | 'cvss' | 'none';
  /** The CVSS score when `basis` is cvss. */
  score?: number;
  /** RustSec's informational kind ('unmaintained', 'unsound', ...). */
  informational?: string;
}

// GHSA's scale (https://docs.github.com/en/code-security/security-advisories): MODERATE is our medium.
const GHSA_SEVERITY: Record<string, Severity> = { CRITICAL: 'critical', HIGH: 'high', MODERATE: 'medium', MEDIUM: 'medium', LOW: 'low' };

export function severityOf(record: OsvRecord): AdvisorySeverity {
  if (isMalware(record)) return { severity: 'critical', unscored: false, basis: 'malware' };
  const informational = informationalKind(record);
  if (informational) return { severity: 'info', unscored: false, basis: 'informational', informational };
  const ghsa = GHSA_SEVERITY[String(record.database_specific?.severity ?? '').toUpperCase()];
  if (ghsa) return { severity: ghsa, unscored: false, basis: 'ghsa' };
  const score = highestCvssScore(record);
  if (score !== undefined) return { severity: severityForScore(score), unscored: false, basis: 'cvss', score };
  // A placeholder for sorting and display only; the policy decides by `unscored`.
  return { severity: 'medium', unscored: true, basis: 'none' };
}

/** CVSS qualitative rating scale (CVSS v3.1 specification §5), applied to v2 and v4 scores alike. */
export function severityForScore(score: number): Severity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'info';
}

/** The highest score among the record's CVSS vectors (record-level and per affected package); undefined when none is readable. */
export function highestCvssScore(record: OsvRecord): number | undefined {
  const vectors = [...(record.severity ?? []), ...(record.affected ?? []).flatMap((entry) => entry.severity ?? [])];
  let highest: number | undefined;
  for (const { type, score } of vectors) {
    const value = cvssScore(type, score);
    if (value !== undefined && (highest === undefined || value > highest)) highest = value;
  }
  return highest;
}

/** A CVSS vector's overall score, or undefined for other severity types and vectors the calculator rejects. */
export function cvssScore(type: string, vector: string): number | undefined {
  try {
    const scores = vectorFor(type, vector)?.calculateScores();
    const value = scores?.overall ?? scores?.base;
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function vectorFor(type: string, vector: string) {
  if (type === 'CVSS_V4' || vector.startsWith('CVSS:4.0/')) return new cvss.Cvss4P0(vector);
  if (vector.startsWith('CVSS:3.1/')) return new cvss.Cvss3P1(vector);
  if (vector.startsWith('CVSS:3.0/')) return new cvss.Cvss3P0(vector);
  if (type === 'CVSS_V2') return new cvss.Cvss2(vector);
  return undefined;
}

/** OSV malicious-package records (MAL-…, from ossf/malicious-packages) and GHSA's CWE-506 "embedded malicious code". */
export function isMalware(record: OsvRecord): boolean {
  if (record.id.startsWith('MAL-')) return true;
  const cwes = record.database_specific?.cwe_ids;
  return Array.isArray(cwes) && cwes.includes('CWE-506');
}

/** RustSec marks non-vulnerability notices with `database_specific.informational` on each affected entry. */
export function informationalKind(record: OsvRecord): string | undefined {
  for (const entry of record.affected ?? []) {
    const kind = entry.database_specific?.informational;
    if (typeof kind === 'string' && kind !== '') return kind;
  }
  return undefined;
}
