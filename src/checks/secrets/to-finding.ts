// A detection (which still holds the raw value) -> a Finding, which never does: the value appears
// only redacted, and the fingerprint carries a hash of it.
import { createHash } from 'node:crypto';
import type { Mode } from '../../context/context.js';
import { makeFingerprint, redact, type Finding } from '../../finding.js';
import type { Detection } from './detect/detector.js';

const ENCODINGS = { base64: 'base64', percent: 'percent-encoded' } as const;

/** Where the lines came from: a commit's history, what `git add` staged, or the files as they are. */
export type LineSource = 'history' | 'staged' | 'working tree';

export function toFinding(detection: Detection, mode: Mode, source: LineSource = 'history'): Finding {
  const { rule, line } = detection;
  const redacted = redact(detection.secret);
  const hash = createHash('sha256').update(detection.secret).digest('hex').slice(0, 16);
  const commit = line.commit || undefined;
  const where = `${line.path}:${line.line}`;
  const when = commit
    ? ` in commit ${commit.slice(0, 7)}${line.author ? ` by ${line.author}` : ''}${line.date ? ` on ${line.date.slice(0, 10)}` : ''}`
    : '';
  const facts = [
    detection.decoded ? `It was found inside ${ENCODINGS[detection.decoded]} text, decoded one level.` : '',
    detection.example ? `It is ${detection.example}: reported for the record, it never fails the build.` : '',
    detection.note ? `Note: ${detection.note}.` : '',
  ].filter(Boolean);
  const rotate = commit
    ? 'Revoke or rotate this credential first: it is in the git history, so deleting the line or rewriting history does not un-leak it.'
    : source === 'staged'
      ? 'It is staged, not committed yet: take it out of the file and stage the file again (`git add`), and rotate it if it was ever shared or pushed elsewhere.'
      : 'Revoke or rotate this credential first: anyone who had a copy of this file has it, so deleting the line does not un-leak it.';
  const message = [
    `${rule.title} ${redacted} ${source === 'staged' ? 'is staged in' : 'was added to'} ${where}${when}.`,
    ...facts,
    ...(detection.example
      ? []
      : [rotate, rule.remediation ?? '', 'Then load it from a secret store or environment variable instead of the repository.']),
  ]
    .filter(Boolean)
    .join(' ');
  return {
    check: 'secrets',
    rule: rule.id,
    severity: detection.severity,
    confidence: detection.confidence,
    title: `${rule.title} committed`,
    message,
    remedy: detection.example
      ? 'nothing to rotate: a published example value; allow the line (`security-gate:allow`) to silence it'
      : (rule.remediation ?? 'rotate the credential where it was issued, then load it from a secret store'),
    location: { path: line.path, line: line.line, ...(commit ? { commit } : {}) },
    fingerprint: makeFingerprint('secrets', rule.id, line.path, commit, hash),
    ...(mode === 'full' ? {} : { introduced: true }),
    details: {
      kind: 'secrets',
      redacted,
      confidence: detection.confidence,
      pathKind: detection.pathKind,
      ...(detection.decoded ? { decoded: detection.decoded } : {}),
      ...(detection.example ? { example: detection.example } : {}),
      ...(line.author ? { author: line.author } : {}),
      ...(line.date ? { date: line.date } : {}),
      entropy: Math.round(detection.entropy * 100) / 100,
    },
  };
}
