// Rows x releases -> findings. Pure: the policy text is already parsed and the tags already read,
// so every rule here is testable without a file system or git. Rule ids are a contract (ignores,
// baselines and SARIF refer to them): do not rename.
import semver from 'semver';
import { makeFingerprint, type Finding, type Severity } from '../../finding.js';
import { formatDay } from './dates.js';
import type { Release } from './tags.js';
import type { PolicyDocument, SupportRow, SupportTable } from './table.js';
import type { Granularity, RangeSpec } from './version-cell.js';

export const RULES = {
  unreleased: 'supported-version-unreleased',
  latestUnsupported: 'latest-release-unsupported',
  lineUnlisted: 'release-line-unlisted',
  template: 'supported-versions-template',
  endOfLife: 'supported-version-end-of-life',
  policyMissing: 'security-policy-missing',
  tableMissing: 'supported-versions-table-missing',
  rowUnparseable: 'supported-versions-row-unparseable',
  noContact: 'security-policy-no-contact',
} as const;

export interface PolicyInput {
  /** Relative to the root, forward slashes. */
  policyFile: string;
  text: string;
  document: PolicyDocument;
  /** Undefined when tag-based rules cannot run (no git, no tags). */
  releases?: Release[];
  now: Date;
}

/** The finding for a repository without any security policy. */
export function policyMissingFinding(path: string, searched: string[], configured: boolean): Finding {
  const where = configured
    ? `The configured versions.policy-file '${path}' does not exist.`
    : `No security policy found (looked for ${searched.join(', ')}, any case).`;
  return finding({
    rule: RULES.policyMissing,
    severity: 'medium',
    title: 'No security policy (SECURITY.md)',
    message: `${where} Add a SECURITY.md with a "Supported Versions" table and a way to report a vulnerability privately (an email address or the repository's security advisories page).`,
    policyFile: path,
    key: path,
  });
}

export function policyFindings(input: PolicyInput): Finding[] {
  const findings: Finding[] = [];
  const { table } = input.document;
  if (!table) findings.push(tableMissing(input));
  else findings.push(...tableFindings(table, input));
  const contact = contactFinding(input);
  if (contact) findings.push(contact);
  return findings;
}

function tableFindings(table: SupportTable, input: PolicyInput): Finding[] {
  // GitHub's template says 5.1.x and 4.0.x are supported; checking tags against it is noise.
  if (isGitHubTemplate(table, input.releases)) return [templateFinding(table, input)];
  const findings: Finding[] = [];
  for (const row of table.rows) {
    if (row.problem) findings.push(unparseable(row, input));
    if (row.marker === true && row.eol && row.eol.getTime() < input.now.getTime()) findings.push(endOfLife(row, input));
  }
  // A table with no readable row says nothing to check releases against; its rows are reported above.
  const readable = table.rows.some((row) => row.spec !== undefined);
  if (readable && input.releases && input.releases.length > 0) findings.push(...releaseFindings(table, input.releases, input));
  return findings;
}

// --- the GitHub template -------------------------------------------------------------------

// The rows GitHub pre-fills when "Security policy" is set up from the repository's Security tab.
const TEMPLATE_ROWS = ['5.1.x', '5.0.x', '4.0.x', '<4.0'];

function isGitHubTemplate(table: SupportTable, releases: Release[] | undefined): boolean {
  const texts = table.rows.map((row) => row.versionText.replace(/\s+/g, '').toLowerCase()).sort();
  if (texts.join('|') !== [...TEMPLATE_ROWS].sort().join('|')) return false;
  // A project that really is on 5.1.x and 4.0.x merely wrote the same table.
  return !(releases ?? []).some((release) => semver.satisfies(release.version, '5.1.x || 4.0.x'));
}

function templateFinding(table: SupportTable, input: PolicyInput): Finding {
  return finding({
    rule: RULES.template,
    severity: 'high',
    title: 'Supported Versions table is still the GitHub template',
    message:
      `The table under "${table.heading?.text ?? 'Supported Versions'}" still lists GitHub's example rows (5.1.x, 5.0.x, 4.0.x, < 4.0), ` +
      `which say nothing about this project. Replace them with the release lines you actually patch${
        input.releases?.length ? ` (newest release: ${newestOf(input.releases).version.version})` : ''
      }.`,
    policyFile: input.policyFile,
    line: table.rows[0]?.line ?? table.line,
    key: 'template',
  });
}

// --- per-row problems -----------------------------------------------------------------------

function unparseable(row: SupportRow, input: PolicyInput): Finding {
  return finding({
    rule: RULES.rowUnparseable,
    severity: 'low',
    title: `Cannot read Supported Versions row '${short(row.raw)}'`,
    message: `Row ${row.line} of the Supported Versions table: ${row.problem}. Write the version like 1.4.x, 2.x or < 1.0, and the support cell as ✅ / :white_check_mark: or ❌ / :x:.`,
    policyFile: input.policyFile,
    line: row.line,
    key: row.raw.replace(/\s+/g, ' '),
    row: row.versionText,
  });
}

function endOfLife(row: SupportRow, input: PolicyInput): Finding {
  const day = formatDay(row.eol!);
  return finding({
    rule: RULES.endOfLife,
    severity: 'high',
    title: `${row.versionText} is marked supported after its end of life (${day})`,
    message: `The row for ${row.versionText} still says supported, but its end-of-life date ${day} has passed. Mark the row ❌ / unsupported, or move the date if support was extended.`,
    policyFile: input.policyFile,
    line: row.line,
    key: row.versionText,
    row: row.versionText,
  });
}

// --- rows x releases ------------------------------------------------------------------------

/** A row whose version cell reads as a semver range (not a keyword, not unreadable). */
type RangeRow = SupportRow & { spec: RangeSpec };

function releaseFindings(table: SupportTable, releases: Release[], input: PolicyInput): Finding[] {
  const findings: Finding[] = [];
  const rangeRows = table.rows.filter((row): row is RangeRow => row.spec?.kind === 'range');
  const newest = newestOf(releases);

  for (const row of rangeRows) {
    if (row.supported !== true || row.spec.prerelease) continue; // an alpha line may precede its first stable tag
    if (releases.some((release) => satisfies(release, row.spec))) continue;
    findings.push(
      finding({
        rule: RULES.unreleased,
        severity: 'medium',
        title: `Supported version ${row.versionText} has no release`,
        message: `The table says ${row.versionText} is supported, but no release tag matches it (newest release: ${newest.version.version}). Correct the row, or tag the release it refers to.`,
        policyFile: input.policyFile,
        line: row.line,
        key: row.versionText,
        row: row.versionText,
      }),
    );
  }

  const newestUnsupported = !coversNewest(table.rows, newest, rangeRows);
  if (newestUnsupported) {
    const target = rowToEdit(table, rangeRows, releases);
    findings.push(
      finding({
        rule: RULES.latestUnsupported,
        severity: 'high',
        title: `Newest release ${newest.version.version} is not in Supported Versions`,
        message:
          `The newest release ${newest.version.version} (tag ${newest.tags[0]}) is covered by no supported row, so the policy says it gets no security fixes. ` +
          (target ? `Edit the row '${target.versionText}' on line ${target.line}` : 'Add a row') +
          ` to cover ${lineName(newest.version, granularityOf(rangeRows))}.x, and mark older lines as you support them.`,
        policyFile: input.policyFile,
        line: target?.line ?? table.line,
        key: newest.version.version,
        version: newest.version.version,
        row: target?.versionText,
      }),
    );
  }

  findings.push(...unlistedLines(table, rangeRows, releases, newestUnsupported, input));
  return findings;
}

function coversNewest(rows: SupportRow[], newest: Release, rangeRows: RangeRow[]): boolean {
  for (const row of rows) {
    if (row.supported === false || !row.spec) continue;
    // An unreadable support cell is reported on its own; do not guess it into a second finding.
    const covers =
      row.spec.kind === 'range'
        ? satisfies(newest, row.spec)
        : row.spec.keyword === 'latest' || (row.spec.keyword === 'others' && !rangeRows.some((other) => satisfies(newest, other.spec)));
    if (covers) return true;
  }
  return false;
}

/** The newest supported row (the one the maintainer must edit), else the newest row at all. */
function rowToEdit(table: SupportTable, rangeRows: RangeRow[], releases: Release[]): SupportRow | undefined {
  const top = (row: RangeRow): semver.SemVer =>
    [...releases].reverse().find((release) => satisfies(release, row.spec))?.version ??
    semver.minVersion(row.spec.range) ??
    new semver.SemVer('0.0.0');
  const pick = (rows: RangeRow[]): SupportRow | undefined =>
    rows.reduce<RangeRow | undefined>((best, row) => (best && semver.gte(top(best), top(row)) ? best : row), undefined);
  return (
    pick(rangeRows.filter((row) => row.supported === true)) ??
    pick(rangeRows.filter((row) => row.marker === true)) ??
    pick(rangeRows) ??
    table.rows[0]
  );
}

function unlistedLines(
  table: SupportTable,
  rangeRows: RangeRow[],
  releases: Release[],
  newestReported: boolean,
  input: PolicyInput,
): Finding[] {
  const granularity = granularityOf(rangeRows);
  const keywords = new Set(table.rows.flatMap((row) => (row.spec?.kind === 'keyword' ? [row.spec.keyword] : [])));
  if (keywords.has('others') || table.rows.every((row) => !row.spec)) return [];

  const lines = new Map<string, Release[]>();
  for (const release of releases) {
    const name = lineName(release.version, granularity);
    const members = lines.get(name);
    if (members) members.push(release);
    else lines.set(name, [release]);
  }
  const newest = newestOf(releases);
  const newestLine = lineName(newest.version, granularity);
  const rowStarts = rangeRows.map((row) => semver.minVersion(row.spec.range)).filter((v): v is semver.SemVer => v !== null);
  const highestStart = rowStarts.reduce<semver.SemVer | undefined>((a, b) => (a && semver.gte(a, b) ? a : b), undefined);
  const lowestStart = rowStarts.reduce<semver.SemVer | undefined>((a, b) => (a && semver.lte(a, b) ? a : b), undefined);

  const findings: Finding[] = [];
  for (const [name, members] of lines) {
    const first = members[0]!.version;
    const mentioned =
      rangeRows.some((row) => semver.intersects(row.spec.range, `${name}.x`, { includePrerelease: true })) ||
      (keywords.has('latest') && name === newestLine) ||
      (keywords.has('older') && (highestStart === undefined || semver.lt(first, highestStart)));
    if (mentioned) continue;
    if (newestReported && name === newestLine) continue; // already latest-release-unsupported, on the row to edit
    const newer = rowStarts.every((start) => semver.gt(first, start));
    const severity: Severity = newer ? 'medium' : 'info';
    const label = `${name}.x`;
    findings.push(
      finding({
        rule: RULES.lineUnlisted,
        severity,
        title: `Release line ${label} is not in Supported Versions`,
        message:
          `Releases ${members.map((release) => release.version.version).join(', ')} form the line ${label}, which no row of the table mentions, ` +
          `so users cannot tell whether it gets security fixes. Add a row for ${label} (✅ or ❌)` +
          (newer ? '.' : `, or a row such as '< ${rowStartLabel(lowestStart)}' ❌ for older lines.`),
        policyFile: input.policyFile,
        line: newer ? (rowToEdit(table, rangeRows, releases)?.line ?? table.line) : table.line,
        key: label,
        version: members.at(-1)!.version.version,
      }),
    );
  }
  return findings;
}

// --- the file as a whole --------------------------------------------------------------------

function tableMissing(input: PolicyInput): Finding {
  const heading = input.document.heading;
  return finding({
    rule: RULES.tableMissing,
    severity: 'medium',
    title: 'Security policy has no Supported Versions table',
    message: heading
      ? `The section "${heading.text}" has no table. Add a markdown table under it with a Version and a Supported column (e.g. | 1.4.x | ✅ |, | < 1.4 | ❌ |).`
      : `${input.policyFile} has no "Supported Versions" section with a table. Add one with a Version and a Supported column (e.g. | 1.4.x | ✅ |, | < 1.4 | ❌ |), so users know which releases get security fixes.`,
    policyFile: input.policyFile,
    line: heading?.line,
    key: 'table',
  });
}

// An address, a link, or GitHub's private reporting page ("security/advisories/new").
const CONTACT = [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/, /\bhttps?:\/\/\S+/i, /\bmailto:/i, /security\/advisories/i];

function contactFinding(input: PolicyInput): Finding | undefined {
  if (CONTACT.some((pattern) => pattern.test(input.text))) return undefined;
  return finding({
    rule: RULES.noContact,
    severity: 'low',
    title: 'Security policy says nowhere how to report a vulnerability',
    message: `${input.policyFile} has no email address, URL or security advisory link. Add how to report a vulnerability privately, e.g. a security@ address or https://github.com/OWNER/REPO/security/advisories/new.`,
    policyFile: input.policyFile,
    key: 'contact',
  });
}

// --- helpers --------------------------------------------------------------------------------

function satisfies(release: Release, spec: RangeSpec): boolean {
  return semver.satisfies(release.version, spec.range, { includePrerelease: true });
}

function newestOf(releases: Release[]): Release {
  return releases.at(-1)!; // releases are sorted oldest first
}

/** The table's granularity: the finest any row names (`0.1.x` -> minor), major when none does. */
function granularityOf(rows: { spec: RangeSpec }[]): Exclude<Granularity, 'patch'> {
  return rows.some((row) => row.spec.granularity === 'minor' || row.spec.granularity === 'patch') ? 'minor' : 'major';
}

function lineName(version: semver.SemVer, granularity: Exclude<Granularity, 'patch'>): string {
  return granularity === 'major' ? `${version.major}` : `${version.major}.${version.minor}`;
}

function rowStartLabel(version: semver.SemVer | undefined): string {
  if (!version) return '1.0';
  return `${version.major}.${version.minor}`;
}

function short(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

interface FindingParts {
  rule: string;
  severity: Severity;
  title: string;
  message: string;
  policyFile: string;
  line?: number;
  /** What identifies the finding across edits: a row's version text, a release, never a line number. */
  key: string;
  version?: string;
  row?: string;
}

function finding(parts: FindingParts): Finding {
  const details: Finding['details'] = { kind: 'versions', policyFile: parts.policyFile };
  if (parts.version !== undefined) details.version = parts.version;
  if (parts.row !== undefined) details.row = parts.row;
  return {
    check: 'versions',
    rule: parts.rule,
    severity: parts.severity,
    title: parts.title,
    message: parts.message,
    location: parts.line === undefined ? { path: parts.policyFile } : { path: parts.policyFile, line: parts.line },
    fingerprint: makeFingerprint('versions', parts.rule, parts.key),
    details,
  };
}
