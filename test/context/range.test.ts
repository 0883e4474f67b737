// The commit range, resolved once before the checks: what each kind of run walks, what a shallow
// clone fetches, and what it cannot vouch for.
import { afterAll, describe, expect, it } from 'vitest';
import { makeSecretsCheck } from '../../src/checks/secrets/check.js';
import { UsageError } from '../../src/config/errors.js';
import { configSchema } from '../../src/config/schema.js';
import { resolveRange, type RangeRequest } from '../../src/context/range.js';
import { contextFor } from '../support/context.js';
import { cleanupTempDirs, gitRepo, type GitRepo } from '../support/git-repo.js';
import { TEST_RULES, awsKey } from '../checks/secrets/test-rules.js';

afterAll(cleanupTempDirs);

const request = (wanted: Partial<RangeRequest>): RangeRequest => ({
  mode: 'pr',
  typed: { base: false, head: false },
  needs: { history: true, tags: true },
  ...wanted,
});
const short = (sha: string) => sha.slice(0, 7);
const isShallow = (repo: GitRepo) => repo.git('rev-parse', '--is-shallow-repository').trim() === 'true';

function threeCommits(): GitRepo {
  return gitRepo().commit('one', { 'a.txt': 'a\n' }).commit('two', { 'b.txt': 'b\n' }).commit('three', { 'c.txt': 'c\n' });
}

describe('resolveRange', () => {
  it('walks base..head by sha, the whole history in full mode, and nothing when base equals head', async () => {
    const repo = threeCommits();
    repo.git('branch', 'release', repo.sha(0));
    expect(await resolveRange(repo.dir, request({ base: 'release', head: 'HEAD', typed: { base: true, head: true } }))).toEqual({
      base: repo.sha(0),
      head: repo.sha(2),
      range: { revisions: [repo.sha(2), `^${repo.sha(0)}`], label: `${short(repo.sha(0))}..${short(repo.sha(2))}`, complete: true },
      tags: { complete: true },
    });
    expect((await resolveRange(repo.dir, request({ mode: 'full' }))).range).toEqual({
      revisions: ['--all'],
      label: 'whole history',
      complete: true,
    });
    expect((await resolveRange(repo.dir, request({ base: repo.sha(1), head: repo.sha(1) }))).range).toEqual({
      revisions: [],
      label: 'empty range (base equals head)',
      complete: true,
    });
  });

  it('excludes every other branch, by sha, for a new branch and for a force push whose before is gone', async () => {
    const repo = threeCommits().branch('topic').commit('topic', { 't.txt': 't\n' });
    const pushed = await resolveRange(repo.dir, request({ mode: 'push', newBranch: true, head: repo.sha(3) }));
    expect(pushed).toMatchObject({ head: repo.sha(3), newBranch: true });
    expect(pushed.range).toEqual({
      revisions: [repo.sha(3), `^${repo.sha(2)}`],
      label: `new branch up to ${short(repo.sha(3))}`,
      complete: true,
    });
    const forced = await resolveRange(repo.dir, request({ mode: 'push', base: 'e'.repeat(40), head: repo.sha(3) }));
    expect(forced).toMatchObject({
      newBranch: true,
      range: { revisions: pushed.range.revisions, label: `force push up to ${short(repo.sha(3))}` },
    });
    expect(forced.base).toBeUndefined();
  });

  it('makes a typed revision that is not a commit a usage error, and an event one a problem the secrets check fails on', async () => {
    const repo = threeCommits();
    await expect(resolveRange(repo.dir, request({ base: 'no-such-branch', typed: { base: true, head: false } }))).rejects.toThrow(
      UsageError,
    );
    await expect(
      resolveRange(repo.dir, request({ base: repo.sha(0), head: '--output=x', typed: { base: false, head: true } })),
    ).rejects.toThrow("head revision '--output=x' is not a commit");
    const fromEvent = await resolveRange(repo.dir, request({ base: 'f'.repeat(40) }));
    expect(fromEvent).toMatchObject({
      head: 'HEAD',
      range: { revisions: [], complete: false, problem: expect.stringContaining('is not in this repository') },
    });
    expect(fromEvent.base).toBeUndefined(); // deps and versions then count everything as introduced
  });

  it('deepens a shallow clone from origin once, then walks the range', async () => {
    const origin = threeCommits();
    const clone = origin.shallowClone(1);
    const resolved = await resolveRange(clone.dir, request({ base: origin.sha(0), head: origin.sha(2) }));
    expect(isShallow(clone)).toBe(false);
    expect(resolved.range).toMatchObject({ revisions: [origin.sha(2), `^${origin.sha(0)}`], complete: true });
  });

  it('says what is missing, with the fix, when a shallow clone cannot be deepened', async () => {
    const origin = threeCommits();
    const clone = origin.shallowClone(1);
    clone.git('remote', 'remove', 'origin');
    const pr = await resolveRange(clone.dir, request({ base: origin.sha(0), head: origin.sha(2), typed: { base: true, head: true } }));
    expect(pr.range).toMatchObject({
      revisions: [],
      complete: false,
      problem: expect.stringContaining(`commit ${origin.sha(0)} is not in this clone`),
    });
    expect(pr.range.problem).toContain('fetch-depth: 0');
    const full = await resolveRange(clone.dir, request({ mode: 'full' }));
    expect(full.range).toMatchObject({
      revisions: ['--all'],
      label: 'shallow history',
      complete: false,
      problem: expect.stringContaining('fetch-depth: 0'),
    });
  });

  it('fetches the tags of a shallow clone, and says so when it cannot', async () => {
    const origin = threeCommits().tag('v1.0.0', 'HEAD~1');
    const clone = origin.shallowClone(1);
    expect(await resolveRange(clone.dir, request({ mode: 'full', needs: { history: false, tags: true } }))).toMatchObject({
      tags: { complete: true },
    });
    expect(clone.git('tag', '--list').trim()).toBe('v1.0.0');

    const cut = origin.shallowClone(1);
    cut.git('remote', 'remove', 'origin');
    const tags = (await resolveRange(cut.dir, request({ mode: 'full', needs: { history: false, tags: true } }))).tags;
    expect(tags).toEqual({ complete: false, problem: expect.stringContaining('fetch-tags: true') });

    // actions/checkout with `fetch-tags: true`: shallow, no usable origin, but the tags are there.
    const withTags = origin.shallowClone(1);
    withTags.git('fetch', '-q', '--depth=1', 'origin', '+refs/tags/*:refs/tags/*');
    withTags.git('remote', 'remove', 'origin');
    expect((await resolveRange(withTags.dir, request({ mode: 'full', needs: { history: false, tags: true } }))).tags).toEqual({
      complete: true,
    });
  });
});

describe('checks only read git', () => {
  it('the secrets check scans the clone it is given and never fetches', async () => {
    const origin = gitRepo()
      .commit('old', { 'k.env': `KEY=${awsKey(301)}\n` })
      .commit('head', { 'b.txt': 'b\n' });
    const clone = origin.shallowClone(1);
    // A run that needs no history (versions only) leaves the clone shallow...
    const context = await contextFor(clone.dir, {}, ['versions']);
    expect(isShallow(clone)).toBe(true);
    // ...and the secrets check, handed that context, scans what is there and says it cannot vouch
    // for the rest, instead of fetching it.
    const result = await makeSecretsCheck(TEST_RULES)(context, configSchema.parse({}));
    expect(isShallow(clone)).toBe(true);
    expect(result.stats).toMatchObject({ range: 'shallow history', commits: 1 });
    expect(result.errors).toEqual([expect.objectContaining({ fatal: true, message: expect.stringContaining('fetch-depth: 0') })]);
  });
});
