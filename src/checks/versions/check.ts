// Rows x releases -> findings. Pure: the policy text is already parsed and the tags already read,
// so every rule here is testable without a file system or git. Rule ids are a contract (ignores,
// baselines and SARIF refer to them): do not rename.
import semver from 'semver';
import { makeFingerprint, type Finding, type Severity } from '../../finding.js';
import { formatDay } from './dates.js';
import type { Release } from './tags.js';
import type { PolicyDocument, SupportRow, SupportTable } from './table.js';
import type { Granularity, KeywordSpec, RangeSpec } from './version-cell.js';
import { plural } from '../../util.js';

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
    remedy: configured
      ? `create ${path}, or point versions.policy-file at the security policy`
      : 'add a SECURITY.md with a Supported Versions table and a private way to report a vulnerability',
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
  if (isGitHubTemplate(table, input)) return [templateFinding(table, input)];
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
// ...and the instructions it surrounds them with, which nobody keeps in a policy they wrote.
const TEMPLATE_PROSE = [
  'use this section to tell people about which versions of your project are currently being supported',
  'tell them where to go, how often they can expect to get an update',
];

function isGitHubTemplate(table: SupportTable, input: PolicyInput): boolean {
  const texts = table.rows.map((row) => row.versionText.replace(/\s+/g, '').toLowerCase()).sort();
  if (texts.join('|') !== [...TEMPLATE_ROWS].sort().join('|')) return false;
  // The template's rows and its instructions: unedited, whatever the tags happen to be.
  const prose = input.text.replace(/\s+/g, ' ').toLowerCase();
  if (TEMPLATE_PROSE.some((sentence) => prose.includes(sentence))) return true;
  // The rows alone: a project that really is on 5.1.x and 4.0.x merely wrote the same table.
  return !(input.releases ?? []).some((release) => semver.satisfies(release.version, '5.1.x || 4.0.x'));
}

function templateFinding(table: SupportTable, input: PolicyInput): Finding {
  const newest = input.releases?.length ? newestOf(input.releases).version : undefined;
  return finding({
    rule: RULES.template,
    severity: 'high',
    title: 'Supported Versions table is still the GitHub template',
    message:
      `The table under "${table.heading?.text ?? 'Supported Versions'}" still lists GitHub's example rows (5.1.x, 5.0.x, 4.0.x, < 4.0), ` +
      `which say nothing about this project. Replace them with the release lines you actually patch${
        newest ? ` (newest release: ${newest.version})` : ''
      }.`,
    remedy: `replace the template rows in ${input.policyFile} with the release lines you patch${newest ? ` (newest: ${newest.version})` : ''}`,
    policyFile: input.policyFile,
    line: table.rows[0]?.line ?? table.line,
    key: 'template',
  });
}

// --- per-row problems -----------------------------------------------------------------------

function unparseable(row: SupportRow, input: PolicyInput): Finding {
  const fix = [
    row.spec ? undefined : "write its version like '1.4.x', '2.x' or '< 1.0'",
    row.marker === undefined && row.eol === undefined ? 'mark it ✅ or ❌' : undefined,
  ].filter((part) => part !== undefined);
  return finding({
    rule: RULES.rowUnparseable,
    severity: 'low',
    title: `Cannot read Supported Versions row '${short(row.raw)}'`,
    message: `Row ${row.line} of the Supported Versions table: ${row.problem}. Write the version like 1.4.x, 2.x or < 1.0, and the support cell as ✅ / :white_check_mark: or ❌ / :x:.`,
    remedy: `in ${input.policyFile} line ${row.line}, ${fix.join(' and ')}`,
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
    remedy: `mark the row '${row.versionText}' in ${input.policyFile} ❌, or move its end-of-life date`,
    policyFile: input.policyFile,
    line: row.line,
    key: row.versionText,
    row: row.versionText,
  });
}

// --- rows x releases ------------------------------------------------------------------------

/** A row whose version cell reads as a semver range (not a keyword, not unreadable). */
type RangeRow = SupportRow & { spec: RangeSpec };
type LatestRow = SupportRow & { spec: KeywordSpec & { keyword: 'latest' } };
type LineGranularity = Exclude<Granularity, 'patch'>;

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
        remedy: `tag the ${row.versionText} release, or fix the row '${row.versionText}' in ${input.policyFile}`,
        policyFile: input.policyFile,
        line: row.line,
        key: row.versionText,
        row: row.versionText,
      }),
    );
  }

  // A row whose version could not be read may be the one that covers the newest release (or names
  // any line): it is reported as unreadable, and nothing is judged from a guess about it.
  const unreadable = table.rows.filter((row) => row.spec === undefined);
  const newestJudged = !unreadable.some((row) => row.supported !== false);
  const newestUnsupported = newestJudged && !coversNewest(table.rows, newest, rangeRows);
  if (newestUnsupported) {
    const target = rowToEdit(table, rangeRows, releases);
    const line = `${lineName(newest.version, granularityOf(rangeRows))}.x`;
    findings.push(
      finding({
        rule: RULES.latestUnsupported,
        severity: 'high',
        title: `Newest release ${newest.version.version} is not in Supported Versions`,
        message:
          `The newest release ${newest.version.version} (tag ${newest.tags[0]}) is covered by no supported row, so the policy says it gets no security fixes. ` +
          (target ? `Edit the row '${target.versionText}' on line ${target.line}` : 'Add a row') +
          ` to cover ${line}, and mark older lines as you support them.`,
        remedy: `add a row for ${line} to ${tableOf(input)}${target ? ` (next to '${target.versionText}', line ${target.line})` : ''}`,
        policyFile: input.policyFile,
        line: target?.line ?? table.line,
        key: newest.version.version,
        version: newest.version.version,
        row: target?.versionText,
      }),
    );
  }

  if (unreadable.length === 0) findings.push(...unlistedLines(table, rangeRows, releases, newestUnsupported, input));
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

/**
 * The releases a `latest` row names: those in the newest `count` lines ("the latest 2 major
 * versions"), counted at the row's own granularity, else the table's.
 */
function latestCovered(row: LatestRow, releases: Release[], granularity: LineGranularity): (release: Release) => boolean {
  const unit = row.spec.granularity ?? granularity;
  const names = [...new Set([...releases].reverse().map((release) => lineName(release.version, unit)))];
  const covered = new Set(names.slice(0, row.spec.count ?? 1));
  return (release) => covered.has(lineName(release.version, unit));
}

interface Line {
  /** `2` or `2.4`, at the table's granularity. */
  name: string;
  members: Release[];
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

  const lines: Line[] = [];
  for (const release of releases) {
    const name = lineName(release.version, granularity);
    const last = lines.at(-1);
    if (last?.name === name) last.members.push(release);
    else lines.push({ name, members: [release] }); // releases are sorted, so a line's members are adjacent
  }
  const newestLine = lines.at(-1)!.name;
  const latestRows = table.rows.filter((row): row is LatestRow => row.spec?.kind === 'keyword' && row.spec.keyword === 'latest');
  const byLatest = latestRows.map((row) => latestCovered(row, releases, granularity));
  // Where each row starts: a range's lowest version; a `latest` row's oldest covered release.
  const rowStarts = [
    ...rangeRows.map((row) => semver.minVersion(row.spec.range)),
    ...byLatest.map((covers) => releases.find(covers)?.version ?? null),
  ].filter((version): version is semver.SemVer => version !== null);
  const highestStart = rowStarts.reduce<semver.SemVer | undefined>((a, b) => (a && semver.gte(a, b) ? a : b), undefined);
  const lowestStart = rowStarts.reduce<semver.SemVer | undefined>((a, b) => (a && semver.lte(a, b) ? a : b), undefined);

  const listed: [Line, Severity][] = [];
  const older: Line[] = [];
  for (const line of lines) {
    const first = line.members[0]!.version;
    const mentioned =
      rangeRows.some((row) => semver.intersects(row.spec.range, `${line.name}.x`, { includePrerelease: true })) ||
      byLatest.some((covers) => line.members.some(covers)) ||
      (keywords.has('older') && (highestStart === undefined || semver.lt(first, highestStart)));
    if (mentioned) continue;
    if (newestReported && line.name === newestLine) continue; // already latest-release-unsupported, on the row to edit
    // The README's rule: a line newer than every row is a gap in the promise (medium); an older
    // one was most likely left out on purpose (info, one finding for all of them).
    if (rowStarts.length > 0 && rowStarts.every((start) => semver.gt(first, start))) listed.push([line, 'medium']);
    else if (lowestStart === undefined || semver.lt(first, lowestStart)) older.push(line);
    else listed.push([line, 'info']); // between two rows
  }

  // Oldest first, like the lines: the older ones (all below every row) lead.
  const findings = older.length > 0 ? [olderLines(older, latestRows[0], lowestStart ?? releases.at(-1)!.version, table, input)] : [];
  findings.push(...listed.map(([line, severity]) => unlistedLine(line, severity, table, rangeRows, releases, input)));
  return findings;
}

function unlistedLine(
  line: Line,
  severity: Severity,
  table: SupportTable,
  rangeRows: RangeRow[],
  releases: Release[],
  input: PolicyInput,
): Finding {
  const label = `${line.name}.x`;
  return finding({
    rule: RULES.lineUnlisted,
    severity,
    title: `Release line ${label} is not in Supported Versions`,
    message:
      `Releases ${listVersions(line.members)} form the line ${label}, which no row of the table mentions, ` +
      `so users cannot tell whether it gets security fixes. Add a row for ${label} (✅ or ❌).`,
    remedy: `add a row for ${label} (✅ or ❌) to ${tableOf(input)}`,
    policyFile: input.policyFile,
    line: severity === 'medium' ? (rowToEdit(table, rangeRows, releases)?.line ?? table.line) : table.line,
    key: label,
    version: line.members.at(-1)!.version.version,
  });
}

/** One info finding for every line older than all rows: at most one, however long the history. */
function olderLines(
  lines: Line[],
  latestRow: LatestRow | undefined,
  start: semver.SemVer,
  table: SupportTable,
  input: PolicyInput,
): Finding {
  const labels = lines.map((line) => `${line.name}.x`);
  const named = labels.length <= 2 ? labels.join(' and ') : `${labels[0]} to ${labels.at(-1)}`;
  const members = lines.flatMap((line) => line.members);
  const row = `'< ${start.major}.${start.minor}' ❌`;
  const count = plural(members.length, 'release');
  return finding({
    rule: RULES.lineUnlisted,
    severity: 'info',
    title: `Release line${labels.length === 1 ? '' : 's'} ${named} ${labels.length === 1 ? 'is' : 'are'} not in Supported Versions`,
    message: latestRow
      ? `The row '${latestRow.versionText}' supports only the newest ${(latestRow.spec.count ?? 1) === 1 ? 'release line' : `${latestRow.spec.count} release lines`}, so the older lines ${named} (${count}) get no security fixes. ` +
        `If that is what you mean, nothing is wrong; to say it in the table, add a row such as ${row}.`
      : `Release line${labels.length === 1 ? '' : 's'} ${named} (${count}: ${listVersions(members)}) ${labels.length === 1 ? 'is' : 'are'} older than every row of the table, ` +
        `so users cannot tell whether ${labels.length === 1 ? 'it gets' : 'they get'} security fixes. Add a row for ${labels.length === 1 ? 'it' : 'them'} (✅ or ❌), or a row such as ${row} for older lines.`,
    remedy: `add a row ${row} to ${tableOf(input)} for the older lines`,
    policyFile: input.policyFile,
    line: table.line,
    key: 'older-lines',
    version: members.at(-1)!.version.version,
  });
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
    remedy: heading
      ? `add a Version | Supported table under "${heading.text}" in ${input.policyFile}`
      : `add a "Supported Versions" section with a Version | Supported table to ${input.policyFile}`,
    policyFile: input.policyFile,
    line: heading?.line,
    key: 'table',
  });
}

// An address, a link, or GitHub's private reporting page ("security/advisories").
const CONTACT = [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/, /\bhttps?:\/\/\S+/i, /\bmailto:/i, /security\/advisories/i];

function contactFinding(input: PolicyInput): Finding | undefined {
  if (CONTACT.some((pattern) => pattern.test(input.text))) return undefined;
  return finding({
    rule: RULES.noContact,
    severity: 'low',
    title: 'Security policy says nowhere how to report a vulnerability',
    message: `${input.policyFile} has no email address, URL or security advisory link. Add how to report a vulnerability privately, e.g. a security@ address or https://github.com/OWNER/REPO/security/advisories/new.`,
    remedy: `add a security@ address or the repository's security/advisories/new link to ${input.policyFile}`,
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
function granularityOf(rows: { spec: RangeSpec }[]): LineGranularity {
  return rows.some((row) => row.spec.granularity === 'minor' || row.spec.granularity === 'patch') ? 'minor' : 'major';
}

function lineName(version: semver.SemVer, granularity: LineGranularity): string {
  return granularity === 'major' ? `${version.major}` : `${version.major}.${version.minor}`;
}

/** `1.0.0, 1.0.1` or, for a long line, `1.0.0, 1.0.1, ... 1.9.3 (40 releases)`: a message stays short. */
function listVersions(releases: Release[]): string {
  const versions = releases.map((release) => release.version.version);
  if (versions.length <= 5) return versions.join(', ');
  return `${versions.slice(0, 2).join(', ')}, ... ${versions.at(-1)} (${versions.length} releases)`;
}

function tableOf(input: PolicyInput): string {
  return `${input.policyFile}'s Supported Versions table`;
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
  /** The one action that resolves it, for the summary's What to do column. */
  remedy: string;
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
    remedy: parts.remedy,
    location: parts.line === undefined ? { path: parts.policyFile } : { path: parts.policyFile, line: parts.line },
    fingerprint: makeFingerprint('versions', parts.rule, parts.key),
    details,
  };
}
