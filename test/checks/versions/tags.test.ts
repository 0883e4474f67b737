import { afterAll, describe, expect, it } from 'vitest';
import { listReleases, listTags, releasesFromTags, versionAtEnd } from '../../../src/checks/versions/tags.js';
import { cleanupTempDirs, gitRepo } from '../../support/git-repo.js';

afterAll(cleanupTempDirs);

const refs = (...names: string[]) => names.map((name) => ({ name, commit: 'c0ffee' }));
const versions = (names: string[], options = { includePrereleases: false }) =>
  releasesFromTags(refs(...names), options).map((release) => release.version.version);

describe('versionAtEnd', () => {
  it.each([
    ['v1.2.3', '1.2.3'],
    ['1.2.3', '1.2.3'],
    ['name@1.2.3', '1.2.3'],
    ['@scope/name@4.0.1', '4.0.1'],
    ['name-v1.2.3', '1.2.3'],
    ['release/2.0', '2.0.0'],
    ['v1.2', '1.2.0'],
    ['v2.0.0-rc.1', '2.0.0-rc.1'],
    ['v1.2.3+build.5', '1.2.3'],
  ])('reads %s as %s', (tag, version) => {
    expect(versionAtEnd(tag)?.version).toBe(version);
  });

  it.each(['latest', 'nightly', '1.2.3.4', 'v1', 'stable-2024'])('finds no release in %s', (tag) => {
    expect(versionAtEnd(tag)).toBeUndefined();
  });
});

describe('releasesFromTags', () => {
  it('sorts by semver, merges tags naming one version, and drops pre-releases by default', () => {
    expect(versions(['v1.10.0', 'v1.9.0', '1.9.0', 'v2.0.0-beta.1', 'latest'])).toEqual(['1.9.0', '1.10.0']);
    expect(releasesFromTags(refs('v1.9.0', '1.9.0'), { includePrereleases: false })[0]?.tags).toEqual(['v1.9.0', '1.9.0']);
  });

  it('keeps pre-releases when asked', () => {
    expect(versions(['v1.0.0', 'v2.0.0-beta.1'], { includePrereleases: true })).toEqual(['1.0.0', '2.0.0-beta.1']);
  });

  it('picks one package of a monorepo with a tag pattern', () => {
    const tags = refs('pkg-a@1.2.0', 'pkg-b@3.0.0', 'pkg-a@1.3.0', 'v9.9.9');
    const options = { tagPattern: '^pkg-a@(?<version>.+)$', includePrereleases: false };
    expect(releasesFromTags(tags, options).map((release) => release.version.version)).toEqual(['1.2.0', '1.3.0']);
  });

  it('reads partial and v-prefixed versions from the named group', () => {
    const options = { tagPattern: '^release-(?<version>.+)$', includePrereleases: false };
    expect(releasesFromTags(refs('release-v2.1', 'release-3.0.1', 'release-next'), options).map((r) => r.version.version)).toEqual([
      '2.1.0',
      '3.0.1',
    ]);
  });
});

describe('listTags', () => {
  it('lists lightweight and annotated tags with the commit each points at', async () => {
    const repo = gitRepo().commit('one').tag('v1.0.0').commit('two');
    repo.git('tag', '-a', 'v1.1.0', '-m', 'release 1.1.0');
    const tags = await listTags(repo.dir);
    expect(tags).toEqual([
      { name: 'v1.0.0', commit: repo.sha(0) },
      { name: 'v1.1.0', commit: repo.sha(1) },
    ]);
    expect((await listReleases(repo.dir, { includePrereleases: false })).map((r) => r.commits)).toEqual([[repo.sha(0)], [repo.sha(1)]]);
  });
});
