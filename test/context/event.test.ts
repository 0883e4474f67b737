import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/config/errors.js';
import { readEvent } from '../../src/context/event.js';

const sha = (c: string) => c.repeat(40);

function pullRequest(head: { full_name: string; fork: boolean } | null, base = 'o/r') {
  return { pull_request: { number: 7, base: { sha: sha('a'), repo: { full_name: base } }, head: { sha: sha('b'), repo: head } } };
}

describe('commit range from the event payload', () => {
  it('uses the pull request head sha, not the merge commit', () => {
    const payload = {
      pull_request: { base: { sha: sha('a'), repo: { full_name: 'o/r' } }, head: { sha: sha('b'), repo: { full_name: 'o/r' } } },
    };
    expect(readEvent('pull_request', payload)).toEqual({ name: 'pull_request', mode: 'pr', base: sha('a'), head: sha('b'), fork: false });
  });

  it('marks a pull request from a fork', () => {
    const payload = {
      pull_request: {
        base: { sha: sha('a'), repo: { full_name: 'o/r' } },
        head: { sha: sha('b'), repo: { full_name: 'someone/r', fork: true } },
      },
    };
    expect(readEvent('pull_request_target', payload).fork).toBe(true);
  });

  it('decides fork-ness by the head and base repositories, not by the head repository being a fork', () => {
    // A same-repository pull request inside a forked project: its head repository is a fork (of
    // upstream), but it is the base repository too, and its token can write.
    expect(readEvent('pull_request', pullRequest({ full_name: 'me/r', fork: true }, 'me/r'))).toMatchObject({
      fork: false,
      pullRequest: 7,
    });
    // Another repository whose own `fork` flag is false (e.g. a renamed or detached copy) is still another repository.
    expect(readEvent('pull_request', pullRequest({ full_name: 'someone/r', fork: false }, 'o/r')).fork).toBe(true);
    // The fork was deleted: GitHub sends `head.repo: null`.
    expect(readEvent('pull_request', pullRequest(null, 'o/r')).fork).toBe(true);
    // Names compare as GitHub does, without case.
    expect(readEvent('pull_request', pullRequest({ full_name: 'O/R', fork: false }, 'o/r')).fork).toBe(false);
  });

  it('treats an all-zero before as a new branch', () => {
    expect(readEvent('push', { before: sha('0'), after: sha('c') })).toEqual({
      name: 'push',
      mode: 'push',
      base: undefined,
      head: sha('c'),
      newBranch: true,
    });
    expect(readEvent('push', { before: sha('d'), after: sha('c') })).toEqual({
      name: 'push',
      mode: 'push',
      base: sha('d'),
      head: sha('c'),
      newBranch: false,
    });
  });

  it('reads merge_group base and head', () => {
    expect(readEvent('merge_group', { merge_group: { base_sha: sha('1'), head_sha: sha('2') } })).toEqual({
      name: 'merge_group',
      mode: 'pr',
      base: sha('1'),
      head: sha('2'),
    });
  });

  it('scans the whole history on schedule and workflow_dispatch', () => {
    expect(readEvent('schedule', {})).toEqual({ name: 'schedule', mode: 'full' });
    expect(readEvent('workflow_dispatch', undefined)).toEqual({ name: 'workflow_dispatch', mode: 'full' });
  });

  it('refuses a revision that is not a sha, naming the field, before it can reach git', () => {
    const payload = pullRequest({ full_name: 'o/r', fork: false });
    payload.pull_request.base.sha = '--output=/tmp/pwned';
    expect(() => readEvent('pull_request', payload)).toThrow(UsageError);
    expect(() => readEvent('pull_request', payload)).toThrow(/pull_request\.base\.sha is not a commit sha: "--output=\/tmp\/pwned"/);
    expect(() => readEvent('push', { before: sha('a'), after: 'HEAD~1' })).toThrow(/after is not a commit sha/);
    expect(() => readEvent('merge_group', { merge_group: { base_sha: 42, head_sha: sha('2') } })).toThrow(/merge_group\.base_sha/);
  });
});
