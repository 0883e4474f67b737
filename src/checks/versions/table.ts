// SECURITY.md -> the rows of its supported-versions table. The markdown is parsed by
// mdast-util-from-markdown with the GFM table extension (CommonMark + GFM spec, not a regex),
// and node positions give each row's line. The policy is the first table under a heading such as
// "Supported Versions", within that heading's section; other tables in the file are not the policy.
import type { Heading, Nodes, Parent, Table, TableRow } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { parseEndDate } from './dates.js';
import { parseSupportCell } from './support-cell.js';
import { parseVersionCell, type VersionSpec } from './version-cell.js';

export interface SupportRow {
  /** 1-based line of the row in the policy file. */
  line: number;
  /** The row's source line, trimmed. */
  raw: string;
  /** The version cell's text (markdown removed): the row's stable name. */
  versionText: string;
  /** Undefined when the version cell could not be read (`problem` says why). */
  spec?: VersionSpec;
  /** Supported as of `now`: false once a stated end-of-life date has passed. */
  supported: boolean | undefined;
  /** What the support cell says, before any end-of-life date is applied. */
  marker: boolean | undefined;
  eol?: Date;
  note?: string;
  /** What could not be read in this row, for `supported-versions-row-unparseable`. */
  problem?: string;
}

export interface SupportTable {
  line: number;
  heading?: { text: string; line: number };
  rows: SupportRow[];
}

export interface PolicyDocument {
  /** The supported-versions heading, when there is one (even without a table under it). */
  heading?: { text: string; line: number };
  table?: SupportTable;
}

// "Supported Versions", "Supported Releases", "Release Status", "Version Support",
// "Supported versions policy", "Maintained versions", "Security support lifecycle"...
const SUPPORT_HEADINGS = [
  /\bsupported\s+(versions?|releases?|branches?|lines?|series)\b/i,
  /\b(versions?|releases?)\s+(support|status|policy|lifecycle|maintenance|schedule)\b/i,
  /\bmaintained\s+(versions?|releases?|branches?)\b/i,
  /\b(support|maintenance)\s+(policy|status|matrix|schedule|lifecycle|window)\b/i,
  /\bsecurity\s+(support|lifecycle|maintenance)\b/i, // not "Security Policy": that heading is the whole file
  /\b(which|what)\s+versions?\b/i,
];

const EOL_HEADER = /end[\s-]?of[\s-]?(life|support)|\beol\b|until|support\s+ends?|\bends?\b|expir|sunset|end\s+date/i;
const SUPPORT_HEADER = /support|status|maintain|security|state|patch|fix|active|schedule|phase|stage/i;
const VERSION_HEADER = /version|release|branch|series|\bline\b|\btag\b|major|minor/i;

/** Never throws: markdown has no syntax errors, and unreadable rows carry a `problem` instead. */
export function readSupportTable(markdown: string, now?: Date): PolicyDocument {
  const tree = fromMarkdown(markdown, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
  const blocks = flatten(tree);
  const lines = markdown.split(/\r?\n|\r/);

  let firstHeading: PolicyDocument['heading'];
  for (const [index, block] of blocks.entries()) {
    if (block.type !== 'heading') continue;
    const text = plainText(block).trim();
    if (!SUPPORT_HEADINGS.some((pattern) => pattern.test(text))) continue;
    const heading = { text, line: lineOf(block) };
    firstHeading ??= heading;
    const table = firstTableInSection(blocks, index, block);
    if (table) return { heading, table: toSupportTable(table, lines, heading, now) };
  }
  if (firstHeading) return { heading: firstHeading };

  // No such heading: a table whose header names a version and a support column is still the policy
  // (some files put it straight under "# Security Policy").
  for (const block of blocks) {
    if (block.type === 'table' && looksLikeSupportTable(block)) return { table: toSupportTable(block, lines, undefined, now) };
  }
  return {};
}

/** Headings and tables in document order, at any depth (a table may sit in a blockquote or list). */
function flatten(node: Nodes, out: (Heading | Table)[] = []): (Heading | Table)[] {
  if (node.type === 'heading' || node.type === 'table') {
    out.push(node);
    return out;
  }
  if ('children' in node) for (const child of (node as Parent).children) flatten(child as Nodes, out);
  return out;
}

/** The first table after the heading and before the next heading of the same or a higher level. */
function firstTableInSection(blocks: (Heading | Table)[], index: number, heading: Heading): Table | undefined {
  for (const block of blocks.slice(index + 1)) {
    if (block.type === 'heading' && block.depth <= heading.depth) return undefined;
    if (block.type === 'table') return block;
  }
  return undefined;
}

interface Columns {
  version: number;
  support?: number;
  eol?: number;
}

function columnsOf(header: TableRow | undefined): Columns {
  const names = (header?.children ?? []).map((cell) => plainText(cell).trim());
  const eol = indexWhere(names, (name) => EOL_HEADER.test(name));
  const support =
    indexWhere(names, (name, at) => at !== eol && SUPPORT_HEADER.test(name) && !VERSION_HEADER.test(name)) ??
    indexWhere(names, (name, at) => at !== eol && SUPPORT_HEADER.test(name));
  const version =
    indexWhere(names, (name, at) => at !== eol && at !== support && VERSION_HEADER.test(name)) ??
    indexWhere(names, (_, at) => at !== eol && at !== support) ??
    0;
  // A two-column table with unusual headers ("| | |"): the other column says whether it is supported.
  const fallbackSupport = support ?? (eol === undefined ? indexWhere(names, (_, at) => at !== version) : undefined);
  return { version, support: fallbackSupport, eol };
}

function looksLikeSupportTable(table: Table): boolean {
  const names = (table.children[0]?.children ?? []).map((cell) => plainText(cell));
  return names.some((name) => VERSION_HEADER.test(name)) && names.some((name) => SUPPORT_HEADER.test(name) || EOL_HEADER.test(name));
}

function toSupportTable(table: Table, lines: string[], heading: SupportTable['heading'], now: Date | undefined): SupportTable {
  const [header, ...body] = table.children;
  const columns = columnsOf(header);
  const rows = body.map((row) => toRow(row, columns, lines, now)).filter((row): row is SupportRow => row !== undefined);
  return { line: lineOf(table), heading, rows };
}

function toRow(row: TableRow, columns: Columns, lines: string[], now: Date | undefined): SupportRow | undefined {
  const cell = (index: number | undefined): string =>
    index === undefined
      ? ''
      : plainText(row.children[index] ?? { type: 'text', value: '' })
          .replace(/\s+/g, ' ')
          .trim();
  const versionText = cell(columns.version);
  const supportText = cell(columns.support);
  const eolText = cell(columns.eol);
  if (versionText === '' && supportText === '' && eolText === '') return undefined; // a blank spacer row

  const line = lineOf(row);
  const problems: string[] = [];
  const version = parseVersionCell(versionText);
  if ('problem' in version) problems.push(version.problem);

  const support = parseSupportCell(supportText);
  const eol = (columns.eol === undefined ? undefined : parseEndDate(eolText)) ?? support.until;
  const marker = support.supported;
  if (marker === undefined && eol === undefined) {
    problems.push(
      supportText === ''
        ? 'the support cell is empty'
        : `could not tell whether '${supportText}' means supported or not (use ✅ / :white_check_mark: or ❌ / :x:)`,
    );
  }
  const expired = eol !== undefined && now !== undefined && eol.getTime() < now.getTime();
  const supported = marker === undefined ? (eol === undefined || now === undefined ? undefined : !expired) : marker && !expired;

  const result: SupportRow = { line, raw: (lines[line - 1] ?? '').trim(), versionText, supported, marker };
  if ('spec' in version) result.spec = version.spec;
  if (eol) result.eol = eol;
  const note = 'note' in version ? version.note : undefined;
  if (note) result.note = note;
  if (problems.length > 0) result.problem = problems.join('; ');
  return result;
}

/** The visible text of a node: link text without the URL, inline code without backticks. */
export function plainText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'image':
      return node.alt ?? '';
    case 'html':
      return /^<br\s*\/?>$/i.test(node.value.trim()) ? ' ' : node.value.replace(/<[^>]*>/g, '');
    case 'break':
      return ' ';
    default:
      return 'children' in node ? (node as Parent).children.map((child) => plainText(child as Nodes)).join('') : '';
  }
}

function lineOf(node: Nodes): number {
  return node.position?.start.line ?? 1;
}

function indexWhere(names: string[], test: (name: string, at: number) => boolean): number | undefined {
  const at = names.findIndex((name, index) => test(name, index));
  return at >= 0 ? at : undefined;
}
