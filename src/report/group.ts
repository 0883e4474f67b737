// A monorepo with 300 lockfiles has the same vulnerable package in many of them: one finding per
// lockfile line is right for annotations, SARIF and JSON (each points at its line), but a reader of
// the summary, the PR comment or the terminal wants one row per advisory and package version:
// "GHSA-… lodash 4.17.15 in 27 lockfiles".
import { where } from '../finding.js';
import type { EvaluatedFinding } from '../policy/verdict.js';
import { code } from './markdown-escape.js';
import { plural } from '../util.js';

// Lockfiles named in a grouped markdown cell before "and N more".
const LISTED_LOCATIONS = 3;

export interface FindingGroup {
  /** The first member in the verdict's order: its title, message and remedy speak for the group. */
  first: EvaluatedFinding;
  members: EvaluatedFinding[];
}

/**
 * Groups deps findings of one advisory, package and version that share status, reason and severity
 * (so the row's "why" is true of every member); every other finding is a group of one. Groups keep
 * the order of their first members.
 */
export function groupFindings(findings: EvaluatedFinding[]): FindingGroup[] {
  const groups: FindingGroup[] = [];
  const byKey = new Map<string, FindingGroup>();
  for (const finding of findings) {
    const key = groupKey(finding);
    const known = key === undefined ? undefined : byKey.get(key);
    if (known) {
      known.members.push(finding);
      continue;
    }
    const group = { first: finding, members: [finding] };
    groups.push(group);
    if (key !== undefined) byKey.set(key, group);
  }
  return groups;
}

function groupKey(finding: EvaluatedFinding): string | undefined {
  if (finding.details.kind !== 'deps' || finding.check !== 'deps') return undefined;
  const { ecosystem, package: name, version } = finding.details;
  return [finding.status, finding.reason, finding.severity, finding.rule, ecosystem, name, version].join('\u0000');
}

/** `package-lock.json:120`, or `27 lockfiles` for a group. */
export function groupWhere(group: FindingGroup): string {
  return group.members.length === 1 ? where(group.first.location) : plural(group.members.length, 'lockfile');
}

/** Every member's `path:line`, in order. */
export function memberLocations(group: FindingGroup): string[] {
  return group.members.map((member) => where(member.location));
}

/**
 * The location as a markdown cell: `` `path:line` `` (with the commit after `commitWord`), or for a
 * group `27 lockfiles: `a`, `b`, `c` and 24 more`.
 */
export function markdownLocation(group: FindingGroup, commitWord: string): string {
  const { location } = group.first;
  if (group.members.length === 1) {
    return code(where(location)) + (location.commit ? ` ${commitWord} ${code(location.commit.slice(0, 7))}` : '');
  }
  const all = memberLocations(group);
  const rest = all.length - LISTED_LOCATIONS;
  return `${plural(all.length, 'lockfile')}: ${all.slice(0, LISTED_LOCATIONS).map(code).join(', ')}${rest > 0 ? ` and ${rest} more` : ''}`;
}
