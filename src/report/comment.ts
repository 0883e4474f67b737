// The sticky pull request comment (and the nightly issue body): what fails, what warns, and what
// was fixed since the last run. The previous run's findings travel inside the previous comment as
// a hidden block of fingerprints, so no state is kept anywhere else; the caller hands in a previous
// body only when the comment was written by the token's own identity (sticky.ts), since anyone can
// type the marker. GitHub caps an issue or comment body at 65,536 characters; the body is cut to
// fit with "… and N more" lines.
import { where, type CheckError } from '../finding.js';
import type { EvaluatedFinding, Verdict } from '../policy/verdict.js';
import { Budget, characters, MAX_COMMENT_CHARS } from './budget.js';
import { oneLine } from './control.js';
import { groupFindings, markdownLocation, type FindingGroup } from './group.js';
import { code, row, shorten, text } from './markdown-escape.js';
import { redactOutput, redactVerdict } from './redaction.js';
import { plural } from '../util.js';

export { MAX_COMMENT_CHARS } from './budget.js';

/** Starts every sticky comment: how the next run finds it. */
export const COMMENT_MARKER = '<!-- security-gate -->';
/** Starts the nightly issue body. */
export const ISSUE_MARKER = '<!-- security-gate:nightly -->';

const BLOCK_OPEN = '<!-- security-gate:fingerprints v1';
const BLOCK_CLOSE = '-->';
/** Share of the budget the hidden fingerprint block may take; the visible part gets the rest. */
const BLOCK_SHARE = 0.35;
const STORED_TITLE_CHARS = 60;
const MESSAGE_CHARS = 200;

export interface CommentOptions {
  /** Body of the comment (or issue) this run replaces: the source of "fixed since last run". */
  previous?: string;
  /** Link to this workflow run. */
  runUrl?: string;
  maxChars?: number;
  /** Defaults to COMMENT_MARKER; the nightly issue uses ISSUE_MARKER. */
  marker?: string;
}

export interface StoredFinding {
  fingerprint: string;
  status: 'fail' | 'warn';
  /** Short, sanitised title (findings are redacted upstream, so it holds no secret). */
  title?: string;
}

export interface StoredFindings {
  findings: StoredFinding[];
  /** False when the block was cut to fit: findings beyond it may also have been fixed. */
  complete: boolean;
}

export function renderComment(original: Verdict, options: CommentOptions = {}): string {
  const verdict = redactVerdict(original);
  const maxChars = options.maxChars ?? MAX_COMMENT_CHARS;
  const marker = options.marker ?? COMMENT_MARKER;
  const failing = verdict.findings.filter((finding) => finding.status === 'fail');
  const warning = verdict.findings.filter((finding) => finding.status === 'warn');
  const previous = options.previous === undefined ? undefined : readFingerprints(options.previous);
  const fixed = previous ? fixedSince(previous, verdict) : [];
  const seenBefore = previous ? new Set(previous.findings.map((finding) => finding.fingerprint)) : undefined;

  const head = [marker, heading(verdict), '', meta(verdict, options.runUrl), ''].join('\n');
  const block = fingerprintBlock([...failing, ...warning], Math.floor(maxChars * BLOCK_SHARE));
  const budget = maxChars - head.length - block.length - 2;
  const clean = verdict.verdict === 'pass';

  // Each section's full text, then shares of the budget when they do not all fit.
  const parts: Section[] = [
    ...(clean ? [] : [findingsSection('Failing', 'failing findings', failing, seenBefore, options.runUrl, false)]),
    ...(clean ? [] : [findingsSection('Warnings', 'warnings', warning, seenBefore, options.runUrl, true)]),
    fixedSection(fixed, previous),
    errorsSection(verdict.errors),
  ].filter((section) => section.rows.length > 0);
  const visible = fitSections(parts, budget);
  const body = redactOutput(original, [head, visible, block].filter(Boolean).join('\n'));
  // Only a tiny maxChars can get here: keep the marker and the heading, drop the rest.
  return body.length <= maxChars ? body : `${marker}\n${heading(verdict)}`.slice(0, maxChars);
}

function heading(verdict: Verdict): string {
  const { fail } = verdict.counts;
  if (fail > 0) return `### ❌ security-gate: ${plural(fail, 'failing finding')}`;
  if (verdict.verdict === 'fail') return '### ❌ security-gate: the scan could not complete';
  return '### ✅ No failing findings';
}

function meta(verdict: Verdict, runUrl: string | undefined): string {
  const parts = [
    `Scanned ${text(verdict.range)} (${verdict.mode} mode)`,
    `fail-on: ${verdict.failOn}`,
    plural(verdict.counts.warn, 'warning'),
    `${verdict.counts.ignored} ignored`,
  ];
  if (runUrl) parts.push(`[workflow run](${runUrl})`);
  return parts.join(' · ');
}

interface Section {
  /** Lines before the rows (heading, table header). */
  open: string[];
  rows: string[];
  /** Lines after the rows (closing a <details>). */
  close: string[];
  more: (hidden: number) => string;
}

function findingsSection(
  title: string,
  noun: string,
  findings: EvaluatedFinding[],
  seenBefore: Set<string> | undefined,
  runUrl: string | undefined,
  folded: boolean,
): Section {
  const open = folded
    ? [`<details><summary><b>${title} (${findings.length})</b></summary>`, '']
    : [`#### ${title} (${findings.length})`, ''];
  const columns = ['Severity', 'Check', 'Finding', 'Location', ...(folded ? ['Why it only warns'] : []), 'What to do'];
  open.push(row(columns), row(columns.map(() => '---')));
  const seeAlso = runUrl ? `the job summary and SARIF of [this run](${runUrl})` : 'the job summary and SARIF of this run';
  return {
    open,
    rows: groupFindings(findings).map((group) => findingRow(group, seenBefore, folded)),
    close: folded ? ['', '</details>', ''] : [''],
    more: (hidden) => `\n… and ${hidden} more ${noun}: see ${seeAlso}.`,
  };
}

function findingRow(group: FindingGroup, seenBefore: Set<string> | undefined, withReason: boolean): string {
  const finding = group.first;
  const isNew = seenBefore !== undefined && group.members.some((member) => !seenBefore.has(member.fingerprint));
  return row([
    finding.severity,
    finding.check,
    `${isNew ? '🆕 ' : ''}${text(finding.title)}`,
    markdownLocation(group, 'in'),
    ...(withReason ? [text(finding.reason)] : []),
    text(finding.remedy ?? shorten(finding.message, MESSAGE_CHARS)),
  ]);
}

function fixedSection(fixed: StoredFinding[], previous: StoredFindings | undefined): Section {
  const note = previous && !previous.complete ? ['', '_The previous run listed only part of its findings; more may be fixed._'] : [];
  // The same advisory fixed in 27 lockfiles is one line.
  const byTitle = new Map<string, { finding: StoredFinding; count: number }>();
  for (const finding of fixed) {
    const key = finding.title ?? `\u0000${finding.fingerprint}`;
    const known = byTitle.get(key);
    if (known) known.count += 1;
    else byTitle.set(key, { finding, count: 1 });
  }
  return {
    open: [`#### Fixed since the last run (${fixed.length})`, ''],
    rows: [...byTitle.values()].map(({ finding, count }) =>
      finding.title ? `- ~~${text(finding.title)}~~${count > 1 ? ` (${count} places)` : ''}` : `- ${code(finding.fingerprint)}`,
    ),
    close: [...note, ''],
    more: (hidden) => `- … and ${hidden} more`,
  };
}

function errorsSection(errors: CheckError[]): Section {
  return {
    open: [`#### Check errors (${errors.length})`, ''],
    rows: errors.map(
      (error) =>
        `- **${error.check}** ${code(where(error))}: ${text(shorten(error.message, MESSAGE_CHARS))}${error.fatal ? ' _(this check could not vouch for its result)_' : ''}`,
    ),
    close: [''],
    more: (hidden) => `- … and ${hidden} more errors`,
  };
}

/**
 * Renders the sections into `budget` characters. When everything fits it is all there; otherwise
 * each section gets an equal share (a section needing less gives the rest to the others) and cuts
 * its rows with a "… and N more" line, so one huge list cannot crowd out the fixed list or errors.
 */
function fitSections(sections: Section[], budget: number): string {
  const full = sections.map((section) => render(section, section.rows.length));
  if (full.reduce((sum, part) => sum + part.length + 1, 0) <= budget) return full.join('\n');

  const shares = new Array<number>(sections.length).fill(0);
  let left = budget;
  let pending = sections.map((_, index) => index).sort((a, b) => full[a]!.length - full[b]!.length);
  while (pending.length > 0) {
    const share = Math.floor(left / pending.length);
    const small = pending.filter((index) => full[index]!.length + 1 <= share);
    if (small.length === 0) {
      for (const index of pending) shares[index] = share;
      break;
    }
    for (const index of small) {
      shares[index] = full[index]!.length + 1;
      left -= shares[index]!;
    }
    pending = pending.filter((index) => !small.includes(index));
  }
  return sections
    .map((section, index) => fitRows(section, shares[index]! - 1))
    .filter(Boolean)
    .join('\n');
}

function fitRows(section: Section, limit: number): string {
  const budget = new Budget(limit, characters);
  if (!budget.take([...section.open, ...section.close].join('\n')) || !budget.fits(`${section.more(section.rows.length)}\n`)) return '';
  let shown = 0;
  for (const line of section.rows) {
    const hiddenAfter = section.rows.length - shown - 1;
    // Room for this row and, when rows remain after it, the "… and N more" line.
    const more = hiddenAfter > 0 ? `${section.more(hiddenAfter)}\n` : '';
    if (!budget.fits(`${line}\n${more}`)) break;
    budget.take(`${line}\n`);
    shown++;
  }
  return render(section, shown);
}

function render(section: Section, shown: number): string {
  const hidden = section.rows.length - shown;
  const rows = section.rows.slice(0, shown);
  if (hidden > 0) rows.push(section.more(hidden));
  return [...section.open, ...rows, ...section.close].join('\n');
}

/**
 * The hidden block the next run diffs against: one line per failing or warning finding, most
 * important first, as many as fit in `budget` characters.
 */
function fingerprintBlock(findings: EvaluatedFinding[], budget: number): string {
  const lines: string[] = [];
  const room = new Budget(budget, characters);
  room.take(`${BLOCK_OPEN} partial\n${BLOCK_CLOSE}\n`);
  for (const finding of findings) {
    if (!/^\S+$/.test(finding.fingerprint)) continue;
    const line = `${finding.status} ${finding.fingerprint} ${storedTitle(finding.title)}`.trimEnd();
    if (!room.take(`${line}\n`)) break;
    lines.push(line);
  }
  const complete = lines.length === findings.length;
  return [`${BLOCK_OPEN} ${complete ? 'complete' : 'partial'}`, ...lines, BLOCK_CLOSE].join('\n');
}

/** One line that cannot end the HTML comment it sits in (`-->`, `--!>`) nor open a tag. */
function storedTitle(title: string): string {
  const safe = oneLine(title.replace(/\t/g, ' ')).replace(/[<>]/g, '').replace(/-{2,}/g, '-').trim();
  return shorten(safe, STORED_TITLE_CHARS);
}

/** The findings stored in a previous body, or undefined when it has no block (older or foreign comment). */
export function readFingerprints(body: string): StoredFindings | undefined {
  // The block is always last; a path in a code span could carry a look-alike earlier in the body.
  const start = body.lastIndexOf(BLOCK_OPEN);
  if (start < 0) return undefined;
  const end = body.indexOf(BLOCK_CLOSE, start + BLOCK_OPEN.length);
  if (end < 0) return undefined;
  const [first = '', ...lines] = body.slice(start + BLOCK_OPEN.length, end).split('\n');
  const findings: StoredFinding[] = [];
  for (const line of lines) {
    const match = /^(fail|warn) (\S+)(?: (.*))?$/.exec(line.trim());
    if (match) findings.push({ status: match[1] as 'fail' | 'warn', fingerprint: match[2]!, title: match[3] || undefined });
  }
  return { findings, complete: first.trim() !== 'partial' };
}

/** In the previous run, gone from this one (a finding that is now ignored is not "fixed", just hidden). */
export function fixedSince(previous: StoredFindings, verdict: Verdict): StoredFinding[] {
  const current = new Set(verdict.findings.map((finding) => finding.fingerprint));
  return previous.findings.filter((finding) => !current.has(finding.fingerprint));
}
