// The terminal report, shaped like a linter's: one line per finding, its message indented below,
// then errors, then one last line with the verdict. Colour only when the shell says so.
import { where, type CheckError, type Severity } from '../finding.js';
import type { Status, Verdict } from '../policy/verdict.js';
import { groupThousands, plural } from '../util.js';
import { oneLine, stripControl } from './control.js';
import { groupFindings, groupWhere, memberLocations, type FindingGroup } from './group.js';
import { redactOutput, redactVerdict } from './redaction.js';
import { neutraliseCommands } from './workflow-commands.js';

export { neutraliseCommands } from './workflow-commands.js';

export interface TextOptions {
  color: boolean;
  /** Also list ignored findings (with the ignore's reason). */
  verbose?: boolean;
}

const MARK: Record<Status, string> = { fail: '✖', warn: '!', ignored: '-' };

/**
 * FORCE_COLOR (https://force-color.org; `0`/`false` turn colour off) overrides NO_COLOR, as in
 * Node's own tty.getColorDepth; NO_COLOR (https://no-color.org) turns it off; else a TTY gets colour.
 * Both count only when set to a non-empty value.
 */
export function shouldUseColor(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  if (env.FORCE_COLOR) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR) return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

export function renderText(original: Verdict, options: TextOptions): string {
  const verdict = redactVerdict(original);
  const paint = painter(options.color);
  const shown = verdict.findings.filter((finding) => finding.status !== 'ignored' || options.verbose);
  const widths = {
    severity: Math.max(0, ...shown.map((finding) => finding.severity.length)),
    check: Math.max(0, ...shown.map((finding) => finding.check.length)),
  };
  const lines: string[] = [...headerLines(verdict, paint), ''];
  for (const group of groupFindings(shown)) lines.push(...groupLines(group, widths, paint));
  if (verdict.errors.length) {
    paragraph(lines);
    for (const error of verdict.errors) lines.push(...errorLines(error, paint));
  }
  const hidden = options.verbose ? 0 : verdict.counts.ignored;
  if (hidden)
    paragraph(lines).push(
      paint.dim(
        `${hidden} ignored finding${hidden === 1 ? ' is' : 's are'} not listed; --verbose shows ${hidden === 1 ? 'it' : 'them'} with the reason.`,
      ),
    );
  paragraph(lines).push(lastLine(verdict, paint));
  // This report carries repository and advisory text into logs (the action's, or a workflow step
  // running the CLI): no line of it may form a workflow command, and no found secret may show.
  return neutraliseCommands(redactOutput(original, lines.join('\n') + '\n'));
}

/** Ends the current paragraph with one blank line (never two). */
function paragraph(lines: string[]): string[] {
  if (lines.length > 0 && lines.at(-1) !== '') lines.push('');
  return lines;
}

/** What was scanned: the range and threshold, then one line of stats per check. */
function headerLines(verdict: Verdict, paint: Painter): string[] {
  const width = Math.max(0, ...verdict.checks.map((check) => check.check.length));
  return [
    paint.bold(`security-gate — ${oneLine(verdict.range)}, fail-on ${verdict.failOn}`),
    ...verdict.checks.map((check) => {
      const stats = Object.entries(check.stats).map(
        ([key, value]) => `${key} ${typeof value === 'number' ? groupThousands(value) : oneLine(String(value))}`,
      );
      return `  ${check.check.padEnd(width)}  ${paint.dim(stats.join(', ') || 'ran')}`;
    }),
  ];
}

/** One finding, or a deps group across lockfiles: the head line, the message, the lockfiles, the reason. */
function groupLines(group: FindingGroup, widths: { severity: number; check: number }, paint: Painter): string[] {
  const finding = group.first;
  const tone = finding.status === 'fail' ? paint.red : finding.status === 'warn' ? paint.yellow : paint.dim;
  const head = [
    tone(MARK[finding.status]),
    severityPaint(finding.severity, paint)(finding.severity.padEnd(widths.severity)),
    finding.check.padEnd(widths.check),
    paint.bold(oneLine(finding.rule)),
    paint.cyan(oneLine(groupWhere(group))) + (finding.location.commit ? paint.dim(` @ ${finding.location.commit.slice(0, 7)}`) : ''),
    oneLine(finding.title),
  ].join('  ');
  const lockfiles = group.members.length > 1 ? [`    in ${paint.cyan(memberLocations(group).map(oneLine).join(', '))}`] : [];
  return [head, ...indent(finding.message), ...lockfiles, paint.dim(`    (${oneLine(finding.reason)})`)];
}

function errorLines(error: CheckError, paint: Painter): string[] {
  const mark = error.fatal ? paint.red('✖ error') : paint.yellow('! error');
  return [`${mark}  ${error.check}  ${paint.cyan(oneLine(where(error)))}`, ...indent(error.message)];
}

function lastLine(verdict: Verdict, paint: Painter): string {
  const { fail, warn, ignored } = verdict.counts;
  const fatal = verdict.errors.filter((error) => error.fatal).length;
  const parts = [`${fail} failing`, plural(warn, 'warning'), `${ignored} ignored`];
  if (verdict.errors.length) parts.push(`${plural(verdict.errors.length, 'error')}${fatal ? ` (${fatal} fatal)` : ''}`);
  const word = verdict.verdict === 'pass' ? paint.green(paint.bold('PASS')) : paint.red(paint.bold('FAIL'));
  return `security-gate: ${word} — ${parts.join(', ')} (fail-on: ${verdict.failOn})`;
}

function indent(message: string): string[] {
  return stripControl(message)
    .split(/\r\n?|\n/)
    .map((line) => `    ${line}`);
}

export type Paint = (text: string) => string;
export interface Painter {
  red: Paint;
  yellow: Paint;
  green: Paint;
  cyan: Paint;
  magenta: Paint;
  bold: Paint;
  dim: Paint;
}

export function painter(color: boolean): Painter {
  const sgr = (open: number, close: number): Paint => (color ? (text) => `\u001b[${open}m${text}\u001b[${close}m` : (text) => text);
  return {
    red: sgr(31, 39),
    yellow: sgr(33, 39),
    green: sgr(32, 39),
    cyan: sgr(36, 39),
    magenta: sgr(35, 39),
    bold: sgr(1, 22),
    dim: sgr(2, 22),
  };
}

function severityPaint(severity: Severity, paint: Painter): Paint {
  if (severity === 'critical') return (text) => paint.bold(paint.magenta(text));
  if (severity === 'high') return paint.red;
  if (severity === 'medium') return paint.yellow;
  return paint.dim;
}
