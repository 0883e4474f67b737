// Git tags -> released versions. By default any tag that ends in a version counts: `v1.2.3`,
// `1.2.3`, `name@1.2.3`, `name-v1.2.3`, `release/1.2`; `versions.tag-pattern` (a regex with a
// named group `version`) replaces that for other schemes or to pick one package of a monorepo.
import semver from 'semver';
import { GitError, gitLinesMaybe } from '../../context/git.js';

export interface Release {
  version: semver.SemVer;
  /** Every tag naming this version (`v1.2.3` and `1.2.3` are one release). */
  tags: string[];
  /** The commits the tags point at (peeled through annotated tags). */
  commits: string[];
}

export interface TagOptions {
  tagPattern?: string;
  includePrereleases: boolean;
}

export interface TagRef {
  name: string;
  commit: string;
}

// A version at the end of the tag, after a non-version character: `v1.2.3`, `pkg@1.2`, `x-v1.2.3-rc.1`.
// `1.2` counts as 1.2.0; four-part versions (`1.2.3.4`) are not semver and are skipped.
const TRAILING_VERSION = /(?:^|[^0-9.])(?<major>\d+)\.(?<minor>\d+)(?:\.(?<patch>\d+))?(?<pre>-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** All tags with the commit each points at: one spawned `git tag --list`. */
export async function listTags(root: string): Promise<TagRef[]> {
  // %(*objectname) is the commit behind an annotated tag; empty for a lightweight one.
  const args = ['tag', '--list', '--format=%(refname:strip=2)%00%(objectname)%00%(*objectname)'];
  const lines = await gitLinesMaybe(root, args);
  if (lines === undefined) throw new GitError(args, null, 'could not list tags');
  return lines
    .filter((line) => line !== '')
    .map((line) => {
      const [name = '', object = '', peeled = ''] = line.split('\0');
      return { name, commit: peeled || object };
    });
}

export async function listReleases(root: string, options: TagOptions): Promise<Release[]> {
  return releasesFromTags(await listTags(root), options);
}

/** Sorted oldest first, unique by version. */
export function releasesFromTags(tags: TagRef[], options: TagOptions): Release[] {
  const pattern = options.tagPattern === undefined ? undefined : new RegExp(options.tagPattern);
  const byVersion = new Map<string, Release>();
  for (const tag of tags) {
    const version = pattern ? versionByPattern(tag.name, pattern) : versionAtEnd(tag.name);
    if (!version) continue;
    if (version.prerelease.length > 0 && !options.includePrereleases) continue;
    const release = byVersion.get(version.version) ?? { version, tags: [], commits: [] };
    release.tags.push(tag.name);
    if (!release.commits.includes(tag.commit)) release.commits.push(tag.commit);
    byVersion.set(version.version, release);
  }
  return [...byVersion.values()].sort((a, b) => semver.compare(a.version, b.version));
}

export function versionAtEnd(tag: string): semver.SemVer | undefined {
  const groups = TRAILING_VERSION.exec(tag)?.groups;
  if (!groups) return undefined;
  const core = [groups.major, groups.minor, groups.patch ?? '0'].map((part) => String(Number(part))).join('.');
  return semver.parse(`${core}${groups.pre ?? ''}`) ?? undefined;
}

function versionByPattern(tag: string, pattern: RegExp): semver.SemVer | undefined {
  const text = pattern.exec(tag)?.groups?.version;
  if (text === undefined) return undefined;
  // The group may hold `1.2` or `v1.2.3`: read it like a tag that is only a version.
  return semver.parse(text, { loose: true }) ?? versionAtEnd(text.replace(/^v/i, ''));
}
