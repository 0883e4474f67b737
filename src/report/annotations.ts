// GitHub workflow-command annotations (`::error file=…,line=…,title=…::message`).
// The runner shows at most 10 errors, 10 warnings and 10 notices per step and silently drops the
// rest, so we emit the 10 most important per level (the verdict is already sorted) and one notice
// that says how many more there are and where to find them.
import type { CheckError } from '../finding.js';
import type { EvaluatedFinding, Status, Verdict } from '../policy/verdict.js';

export const ANNOTATIONS_PER_LEVEL = 10;

type Level = 'error' | 'warning' | 'notice';

interface Annotation {
  level: Level;
  properties: { file?: string; line?: number; endLine?: number; title: string };
  message: string;
}

const LEVEL_OF: Record<Status, Level | undefined> = { fail: 'error', warn: 'warning', ignored: undefined };

export function renderAnnotations(verdict: Verdict): string[] {
  const candidates = [...verdict.errors.map(errorAnnotation), ...verdict.findings.flatMap(findingAnnotation)];
  // Check errors go first within their level: a fatal error means the findings may be incomplete.
  const shown: Annotation[] = [];
  const hidden: Record<Level, number> = { error: 0, warning: 0, notice: 0 };
  const used: Record<Level, number> = { error: 0, warning: 0, notice: 0 };
  for (const annotation of candidates) {
    if (used[annotation.level] < ANNOTATIONS_PER_LEVEL) {
      used[annotation.level] += 1;
      shown.push(annotation);
    } else {
      hidden[annotation.level] += 1;
    }
  }
  const lines = shown.map(formatCommand);
  const more = moreNotice(hidden);
  if (more) lines.push(formatCommand(more));
  return lines;
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
  const parts = (['error', 'warning'] as const)
    .filter((level) => hidden[level] > 0)
    .map((level) => `${hidden[level]} more ${level}${hidden[level] === 1 ? '' : 's'}`);
  if (parts.length === 0) return undefined;
  return {
    level: 'notice',
    properties: { title: 'security-gate: more findings' },
    message: `${parts.join(' and ')} not shown as annotations (GitHub shows ${ANNOTATIONS_PER_LEVEL} per level); see the job summary and the SARIF report.`,
  };
}

function formatCommand({ level, properties, message }: Annotation): string {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${level}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

// Escaping as the runner unescapes (actions/toolkit packages/core/src/command.ts).
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
