// The job summary: GitHub-flavoured markdown written to $GITHUB_STEP_SUMMARY.
// GitHub fails the step when a summary exceeds 1 MiB, so everything (headline, stats, tables) is
// taken from one byte budget, rows stop when it is spent, and a last line says how many findings
// are only in the SARIF/JSON report.
import { CHECK_NAMES, where, type CheckError } from '../finding.js';
import type { Status, Verdict } from '../policy/verdict.js';
import { Budget, MAX_SUMMARY_BYTES, utf8Bytes } from './budget.js';
import { groupFindings, markdownLocation, type FindingGroup } from './group.js';
import { code, row, shorten, text } from './markdown-escape.js';
import { redactOutput, redactVerdict } from './redaction.js';
import { plural } from '../util.js';

export interface SummaryOptions {
  /** Upper bound of the output in UTF-8 bytes (GitHub's limit is 1 MiB; keep a margin). */
  maxBytes?: number;
}

const SECTIONS: { status: Status; heading: string }[] = [
  { status: 'fail', heading: 'Failing' },
  { status: 'warn', heading: 'Warnings' },
  { status: 'ignored', heading: 'Ignored' },
];

// Errors may take at most this share of what the headline leaves, so findings always get most of it.
const ERROR_SHARE = 0.25;
// A "what to do" cell without a remedy shows the message cut to this many characters.
const MESSAGE_CHARS = 300;
// Header values from the repository or the config (range, stats) are cut to this many characters.
const HEADER_VALUE_CHARS = 200;
// Room kept for the closing "… and N more" lines.
const RESERVE = 400;

export function renderSummary(original: Verdict, options: SummaryOptions = {}): string {
  const verdict = redactVerdict(original);
  const budget = new Budget(options.maxBytes ?? MAX_SUMMARY_BYTES, utf8Bytes);
  budget.take(' '.repeat(RESERVE));
  const head = [...headline(verdict), '', ...checksTable(verdict), ''].join('\n');
  // The headline is bounded (values are cut) but is counted like everything else.
  if (!budget.take(head + '\n')) return redactOutput(original, fallbackHeadline(verdict, budget.limit));
  const errors = budget.share(Math.floor(budget.left * ERROR_SHARE));
  const errorLines = errorSection(verdict.errors, errors);
  budget.used += errors.used;
  const findingLines = findingSections(verdict, budget);
  return redactOutput(original, [head, ...findingLines, ...errorLines].join('\n').trimEnd() + '\n');
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
    `fail-on: ${code(verdict.failOn)} · mode: ${code(verdict.mode)} · range: ${code(headerValue(verdict.range))}`,
    ...(fatal
      ? ['', `> [!WARNING]`, `> ${plural(fatal, 'check error')} left part of the scan undone: the result is incomplete (see Errors below).`]
      : []),
  ];
}

/** Only for a budget too small for the headline itself: the verdict line, nothing else. */
function fallbackHeadline(verdict: Verdict, maxBytes: number): string {
  const line = `## ${verdict.verdict === 'pass' ? '✅' : '❌'} security-gate: ${verdict.verdict.toUpperCase()}\n`;
  return utf8Bytes(line) <= maxBytes ? line : '';
}

function headerValue(value: string): string {
  return shorten(value, HEADER_VALUE_CHARS);
}

function checksTable(verdict: Verdict): string[] {
  const lines = ['### Checks', '', row(['Check', 'Ran', 'Findings', 'Errors', 'Stats']), row(['---', '---', '---:', '---:', '---'])];
  for (const name of CHECK_NAMES) {
    const summary = verdict.checks.find((check) => check.check === name);
    if (!summary) {
      lines.push(row([name, '—', '', '', 'not run']));
      continue;
    }
    const stats = Object.entries(summary.stats).map(([key, value]) => `${text(headerValue(key))}: ${text(headerValue(String(value)))}`);
    lines.push(row([name, '✅', String(summary.findings), String(summary.errors), stats.join(', ')]));
  }
  return lines;
}

function findingSections(verdict: Verdict, budget: Budget): string[] {
  const lines: string[] = [];
  let shown = 0;
  for (const { status, heading } of SECTIONS) {
    const findings = verdict.findings.filter((finding) => finding.status === status);
    if (findings.length === 0) continue;
    const columns = findingColumns(status);
    const table = [`### ${heading} (${findings.length})`, '', row(columns), row(columns.map(() => '---'))];
    if (!budget.take(table.join('\n') + '\n')) break;
    lines.push(...table);
    for (const group of groupFindings(findings)) {
      const line = row(findingCells(group, status));
      if (!budget.take(line + '\n')) break;
      lines.push(line);
      shown += group.members.length;
    }
    lines.push('');
    if (budget.full) break;
  }
  const more = verdict.findings.length - shown;
  if (more > 0) lines.push(`… and ${plural(more, 'more finding')} (see the SARIF/JSON report)`, '');
  return lines;
}

function findingColumns(status: Status): string[] {
  const common = ['Severity', 'Check', 'Rule', 'Location', 'Title'];
  if (status === 'ignored') return [...common, 'Reason', 'Expires'];
  if (status === 'warn') return [...common, 'Why it only warns', 'What to do'];
  return [...common, 'What to do'];
}

function findingCells(group: FindingGroup, status: Status): string[] {
  const finding = group.first;
  const common = [finding.severity, finding.check, code(finding.rule), markdownLocation(group, '@'), text(finding.title)];
  if (status === 'ignored') return [...common, text(finding.ignoredBy?.reason ?? finding.reason), finding.ignoredBy?.expires ?? ''];
  const todo = text(finding.remedy ?? shorten(finding.message, MESSAGE_CHARS));
  if (status === 'warn') return [...common, text(finding.reason), todo];
  return [...common, todo];
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
