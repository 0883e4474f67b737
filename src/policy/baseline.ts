// The baseline: a JSON report of an earlier run (`security-gate scan --format json`) whose findings
// only warn. Read by fingerprint; a file that is not such a report is a ConfigError naming it.
import { ConfigError } from '../config/errors.js';
import { displayPath, type PolicyTree } from '../config/tree.js';
import { isRecord } from '../util.js';

const FIX = 'write a baseline with `security-gate scan --format json --output FILE`';

/** The baseline at `path` (relative to the root, or absolute) read from `tree`: its file (for messages) and fingerprints. */
export async function baselineSnapshot(tree: PolicyTree, path: string): Promise<{ file: string; fingerprints: Set<string> }> {
  const file = displayPath(tree.root, path);
  const text = await tree.read(path);
  if (text === undefined) throw new ConfigError(file, `baseline file not found; ${FIX}`, 'baseline');
  return { file, fingerprints: readBaselineFingerprints(text, file) };
}

/** The fingerprints of a JSON report written earlier (`baseline:`); a ConfigError naming the file otherwise. */
export function readBaselineFingerprints(text: string, file: string): Set<string> {
  let report: unknown;
  try {
    report = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(file, `not valid JSON (${(error as Error).message}); ${FIX}`, 'baseline');
  }
  if (!isRecord(report) || report.version !== 1 || !Array.isArray(report.findings)) {
    throw new ConfigError(file, `not a security-gate JSON report (expected "version": 1 and a "findings" list); ${FIX}`, 'baseline');
  }
  const fingerprints = new Set<string>();
  report.findings.forEach((finding, index) => {
    if (!isRecord(finding) || typeof finding.fingerprint !== 'string' || finding.fingerprint === '') {
      throw new ConfigError(file, `findings[${index}] has no "fingerprint"; ${FIX}`, 'baseline');
    }
    fingerprints.add(finding.fingerprint);
  });
  return fingerprints;
}
