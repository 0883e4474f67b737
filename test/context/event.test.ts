import { describe, expect, it } from 'vitest';
import { rangeFromEvent } from '../../src/context/event.js';

const sha = (c: string) => c.repeat(40);

describe('commit range from the event payload', () => {
  it('uses the pull request head sha, not the merge commit', () => {
    const payload = {
      pull_request: { base: { sha: sha('a'), repo: { full_name: 'o/r' } }, head: { sha: sha('b'), repo: { full_name: 'o/r' } } },
    };
    expect(rangeFromEvent('pull_request', payload)).toEqual({ mode: 'pr', base: sha('a'), head: sha('b'), fork: false });
  });

  it('marks a pull request from a fork', () => {
    const payload = {
      pull_request: {
        base: { sha: sha('a'), repo: { full_name: 'o/r' } },
        head: { sha: sha('b'), repo: { full_name: 'someone/r', fork: true } },
      },
    };
    expect(rangeFromEvent('pull_request_target', payload).fork).toBe(true);
  });

  it('treats an all-zero before as a new branch', () => {
    expect(rangeFromEvent('push', { before: sha('0'), after: sha('c') })).toEqual({
      mode: 'push',
      base: undefined,
      head: sha('c'),
      newBranch: true,
    });
    expect(rangeFromEvent('push', { before: sha('d'), after: sha('c') })).toEqual({
      mode: 'push',
      base: sha('d'),
      head: sha('c'),
      newBranch: false,
    });
  });

  it('reads merge_group base and head', () => {
    expect(rangeFromEvent('merge_group', { merge_group: { base_sha: sha('1'), head_sha: sha('2') } })).toEqual({
      mode: 'pr',
      base: sha('1'),
      head: sha('2'),
    });
  });

  it('scans the whole history on schedule and workflow_dispatch', () => {
    expect(rangeFromEvent('schedule', {})).toEqual({ mode: 'full' });
    expect(rangeFromEvent('workflow_dispatch', undefined)).toEqual({ mode: 'full' });
  });
});
