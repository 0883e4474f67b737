// The job summary: GitHub-flavoured markdown written to $GITHUB_STEP_SUMMARY.
// GitHub fails the step when a summary exceeds 1 MiB, so rows stop at `maxBytes` and a last line
// says how many findings are only in the SARIF/JSON report.
import { CHECK_NAMES, where, type CheckError } from '../finding.js';
import type { EvaluatedFinding, Status, Verdict } from '../policy/verdict.js';
import { code, row, shorten, text } from './markdown-escape.js';
import { plural } from './plural.js';

export interface SummaryOptions {
  /** Upper bound of the output in UTF-8 bytes (GitHub's limit is 1 MiB; keep a margin). */
  maxBytes?: number;
}

const SECTIONS: { status: Status; heading: string }[] = [
  { status: 'fail', heading: 'Failing' },
  { status: 'warn', heading: 'Warnings' },
  { status: 'ignored', heading: 'Ignored' },
];

// Errors may take at most this share of the budget, so findings always get most of it.
const ERROR_SHARE = 0.25;
// A finding's message ("what to do") is cut to this many characters in a table cell.
const MESSAGE_CHARS = 300;
// Room kept for the closing "… and N more" lines.
const RESERVE = 400;

export function renderSummary(verdict: Verdict, options: SummaryOptions = {}): string {
  const maxBytes = options.maxBytes ?? 1_000_000;
  const head = [...headline(verdict), '', ...checksTable(verdict), ''].join('\n');
  const errors = new Budget(Math.floor((maxBytes - bytes(head)) * ERROR_SHARE));
  const errorLines = errorSection(verdict.errors, errors);
  const findings = new Budget(maxBytes - bytes(head) - errors.used - RESERVE);
  const findingLines = findingSections(verdict.findings, findings);
  return [head, ...findingLines, ...errorLines].join('\n').trimEnd() + '\n';
}

function headline(verdict: Verdict): string[] {
  const { fail, warn, ignored, errors } = verdict.counts;
  const mark = verdict.verdict === 'pass' ? '✅' : '❌';
  const counts = [`${fail} failing`, plural(warn, 'warning'), `${ignored} ignored`, ...(errors ? [plural(errors, 'check error')] : [])];
  const fatal = verdict.errors.filter((error) => error.fatal).length;
  return [
    `## ${mark} security-gate: ${verdict.verdict.toUpperCase()}`,
    '',
    `${counts.join(' · ')}`,
    '',
    `fail-on: ${code(verdict.failOn)} · mode: ${code(verdict.mode)} · range: ${code(verdict.range)}`,
    ...(fatal
      ? ['', `> [!WARNING]`, `> ${plural(fatal, 'check error')} left part of the scan undone: the result is incomplete (see Errors below).`]
      : []),
  ];
}

function checksTable(verdict: Verdict): string[] {
  const lines = ['### Checks', '', row(['Check', 'Ran', 'Findings', 'Errors', 'Stats']), row(['---', '---', '---:', '---:', '---'])];
  for (const name of CHECK_NAMES) {
    const summary = verdict.checks.find((check) => check.check === name);
    if (!summary) {
      lines.push(row([name, '—', '', '', 'not run']));
      continue;
    }
    const stats = Object.entries(summary.stats).map(([key, value]) => `${text(key)}: ${text(String(value))}`);
    lines.push(row([name, '✅', String(summary.findings), String(summary.errors), stats.join(', ')]));
  }
  return lines;
}

function findingSections(findings: EvaluatedFinding[], budget: Budget): string[] {
  const lines: string[] = [];
  let shown = 0;
  for (const { status, heading } of SECTIONS) {
    const group = findings.filter((finding) => finding.status === status);
    if (group.length === 0) continue;
    const ignored = status === 'ignored';
    const columns = ['Severity', 'Check', 'Rule', 'Location', 'Title', ...(ignored ? ['Reason', 'Expires'] : ['What to do'])];
    const table = [`### ${heading} (${group.length})`, '', row(columns), row(columns.map(() => '---'))];
    if (!budget.take(table.join('\n') + '\n')) break;
    lines.push(...table);
    for (const finding of group) {
      const line = row([
        finding.severity,
        finding.check,
        code(finding.rule),
        location(finding),
        text(finding.title),
        ...(ignored
          ? [text(finding.ignoredBy?.reason ?? finding.reason), finding.ignoredBy?.expires ?? '']
          : [text(shorten(finding.message, MESSAGE_CHARS))]),
      ]);
      if (!budget.take(line + '\n')) break;
      lines.push(line);
      shown += 1;
    }
    lines.push('');
    if (budget.full) break;
  }
  const more = findings.length - shown;
  if (more > 0) lines.push(`… and ${more} more ${more === 1 ? 'finding' : 'findings'} (see the SARIF/JSON report)`, '');
  return lines;
}

function location(finding: EvaluatedFinding): string {
  const commit = finding.location.commit;
  return code(where(finding.location)) + (commit ? ` @ ${code(commit.slice(0, 7))}` : '');
}

function errorSection(errors: CheckError[], budget: Budget): string[] {
  if (errors.length === 0) return [];
  const table = [`### Errors (${errors.length})`, '', row(['Check', 'Location', 'Message', 'Fatal']), row(['---', '---', '---', '---'])];
  if (!budget.take(table.join('\n') + '\n')) return [`… ${plural(errors.length, 'check error')} (see the JSON report)`];
  const lines = [...table];
  let shown = 0;
  for (const error of errors) {
    const line = row([error.check, code(where(error)), text(error.message), error.fatal ? 'yes' : 'no']);
    if (!budget.take(line + '\n')) break;
    lines.push(line);
    shown += 1;
  }
  if (shown < errors.length) lines.push('', `… and ${errors.length - shown} more errors (see the JSON report)`);
  return [...lines, ''];
}

/** Counts UTF-8 bytes handed out; refuses a piece that would overflow and then stays full. */
class Budget {
  used = 0;
  full = false;
  constructor(readonly limit: number) {}

  take(piece: string): boolean {
    if (this.full) return false;
    const size = bytes(piece);
    if (this.used + size > this.limit) {
      this.full = true;
      return false;
    }
    this.used += size;
    return true;
  }
}

function bytes(value: string): number {
  return Buffer.byteLength(value, 'utf8');
}
