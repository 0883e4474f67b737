// Detections -> findings, for one stream of added lines. The same code runs on the check's thread
// and in a helper thread (scan-thread.ts), so a history read in several streams is scanned the
// same way whichever thread reads which part.
import type { Mode } from '../../context/context.js';
import { SecretValues, type Finding } from '../../finding.js';
import type { Detector } from './detect/detector.js';
import type { AddedLine } from './diff-parser.js';
import { toFinding, type LineSource } from './to-finding.js';

/**
 * A finding, and the raw values the reporters' redaction pass must mask (never stored, never printed;
 * across threads packed as numbers, see SecretValues.pack).
 */
export interface Found {
  finding: Finding;
  values: SecretValues;
}

export function foundIn(detector: Detector, batch: readonly AddedLine[], mode: Mode, source: LineSource): Found[] {
  const found: Found[] = [];
  for (const detection of detector.scan(batch)) {
    // A value found decoded leaks in its encoded form too: mask that as well.
    const values = new SecretValues();
    values.add(detection.secret);
    if (detection.decoded) values.add(detection.line.text.slice(detection.start, detection.end));
    found.push({ finding: toFinding(detection, mode, source), values });
  }
  return found;
}

/** Two findings of the same value at the same place are one (a line that repeats a key). */
export function dedupeKey(finding: Finding): string {
  return `${finding.fingerprint}\u0000${finding.location.line}`;
}
