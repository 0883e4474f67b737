// GitHub workflow-command annotations (`::error file=…,line=…,title=…::message`).
// The runner shows at most 10 errors, 10 warnings and 10 notices per step and silently drops the
// rest, and the step's own failure (`core.setFailed`) and any API warning count in the same cap
// (DESIGN.md, "The cap counts everything"). So the caller says how many of each level it will emit
// itself, and we emit the most important of the rest, then one notice that says how many more there
// are and where to find them.
import { confidenceRank, severityRank, type CheckError } from '../finding.js';
import type { EvaluatedFinding, Status, Verdict } from '../policy/verdict.js';
import { redactOutput, redactVerdict } from './redaction.js';
import { breakLegacyCommands, escapeData, escapeProperty } from './workflow-commands.js';
import { plural } from '../util.js';

export { escapeData, escapeProperty } from './workflow-commands.js';

export const ANNOTATIONS_PER_LEVEL = 10;

type Level = 'error' | 'warning' | 'notice';

export interface AnnotationOptions {
  /** Annotations of each level the step emits besides these (the setFailed error, API warnings). */
  reserved?: Partial<Record<Level, number>>;
}

interface Annotation {
  level: Level;
  properties: { file?: string; line?: number; endLine?: number; title: string };
  message: string;
}

const LEVEL_OF: Record<Status, Level | undefined> = { fail: 'error', warn: 'warning', ignored: undefined };

export function renderAnnotations(original: Verdict, options: AnnotationOptions = {}): string[] {
  const verdict = redactVerdict(original);
  // Check errors go first within their level: a fatal error means the findings may be incomplete.
  const candidates = [...verdict.errors.map(errorAnnotation), ...rankForAnnotations(verdict.findings).flatMap(findingAnnotation)];
  const room = (level: Level) => Math.max(0, ANNOTATIONS_PER_LEVEL - (options.reserved?.[level] ?? 0));
  const shown: Annotation[] = [];
  const hidden: Record<Level, number> = { error: 0, warning: 0, notice: 0 };
  const used: Record<Level, number> = { error: 0, warning: 0, notice: 0 };
  for (const annotation of candidates) {
    if (used[annotation.level] < room(annotation.level)) {
      used[annotation.level] += 1;
      shown.push(annotation);
    } else {
      hidden[annotation.level] += 1;
    }
  }
  const more = moreNotice(hidden);
  if (more && used.notice < room('notice')) shown.push(more);
  return shown.map((annotation) => redactOutput(original, formatCommand(annotation)));
}

/**
 * What a maintainer must act on first, across checks: failing before warning, then severity, then
 * confidence (a verified token before a generic pattern; deps and versions findings count as
 * confirmed), then the verdict's own order (introduced before existing, then location). So a high
 * vulnerability is never pushed out of the 10 by low-confidence secret warnings.
 */
export function rankForAnnotations(findings: EvaluatedFinding[]): EvaluatedFinding[] {
  const order = new Map(findings.map((finding, index) => [finding, index]));
  const status: Record<Status, number> = { fail: 0, warn: 1, ignored: 2 };
  return [...findings].sort(
    (a, b) =>
      status[a.status] - status[b.status] ||
      severityRank(a.severity) - severityRank(b.severity) ||
      confidenceRank(a.confidence) - confidenceRank(b.confidence) ||
      order.get(a)! - order.get(b)!,
  );
}

function findingAnnotation(finding: EvaluatedFinding): Annotation[] {
  const level = LEVEL_OF[finding.status];
  if (!level) return [];
  const { path, line, endLine } = finding.location;
  return [
    {
      level,
      properties: {
        file: path,
        line,
        endLine: line !== undefined && endLine !== undefined && endLine >= line ? endLine : undefined,
        title: `security-gate: ${finding.title}`,
      },
      message: `${finding.message}\n(${finding.reason.startsWith(finding.severity) ? '' : `${finding.severity}: `}${finding.reason})`,
    },
  ];
}

function errorAnnotation(error: CheckError): Annotation {
  return {
    level: error.fatal ? 'error' : 'warning',
    properties: {
      file: error.path || undefined,
      line: error.line,
      title: `security-gate: ${error.check} check could not ${error.fatal ? 'finish' : 'read a file'}`,
    },
    message: error.message,
  };
}

function moreNotice(hidden: Record<Level, number>): Annotation | undefined {
  const parts = (['error', 'warning'] as const).filter((level) => hidden[level] > 0).map((level) => plural(hidden[level], `more ${level}`));
  if (parts.length === 0) return undefined;
  return {
    level: 'notice',
    properties: { title: 'security-gate: more findings' },
    message: `${parts.join(' and ')} not shown as annotations (GitHub shows ${ANNOTATIONS_PER_LEVEL} per level); see the job summary and the SARIF report.`,
  };
}

/**
 * One command line. The runner takes the whole line as this command, but the title and message are
 * the repository's text and are shown in the log and on the PR, so `##[` is broken in them too; the
 * file stays exact, or the annotation would not point at the file.
 */
function formatCommand({ level, properties, message }: Annotation): string {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${escapeProperty(key === 'file' ? String(value) : breakLegacyCommands(String(value)))}`)
    .join(',');
  return `::${level}${props ? ` ${props}` : ''}::${escapeData(breakLegacyCommands(message))}`;
}
