// actions/checkout's default clone (one commit, no tags): the pipeline fetches what the checks need
// from origin before they run, or the checks say what is missing. Never a clean result from nothing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/run.js';
import { gitRepo } from '../support/git-repo.js';

const SCALEBOX = readFileSync(new URL('../fixtures/scalebox-SECURITY.md', import.meta.url), 'utf8');

function releasedOrigin() {
  const origin = gitRepo().commit('policy', { 'SECURITY.md': SCALEBOX });
  for (const tag of ['v0.1.0', 'v0.1.1', 'v0.2.0']) origin.commit(tag, { VERSION: tag }).tag(tag);
  return origin.commit('work after the release', { 'src/a.js': 'a\n' });
}

describe('a shallow clone without tags', () => {
  it('fetches the tags from origin, so the versions check compares the table with the real releases', async () => {
    const clone = releasedOrigin().shallowClone(1);
    expect(clone.git('tag', '--list').trim()).toBe('');
    const { verdict } = await run({ root: clone.dir, overrides: { checks: ['versions'] }, git: true });
    expect(clone.git('tag', '--list').trim().split('\n')).toEqual(['v0.1.0', 'v0.1.1', 'v0.2.0']);
    expect(verdict.findings).toContainEqual(expect.objectContaining({ rule: 'latest-release-unsupported', status: 'fail' }));
  });

  it('says how to fix it when there is no origin to fetch from', async () => {
    const clone = releasedOrigin().shallowClone(1);
    clone.git('remote', 'remove', 'origin');
    const { verdict } = await run({ root: clone.dir, overrides: { checks: ['versions'] }, git: true });
    expect(verdict.errors).toContainEqual(
      expect.objectContaining({ check: 'versions', message: expect.stringContaining('fetch-depth: 0') }),
    );
    expect(verdict.findings.filter((finding) => finding.rule === 'latest-release-unsupported')).toEqual([]);
    // Releases that could not be read are not "no releases": the check fails, it does not pass (issue 10, item 4).
    expect(verdict.errors).toContainEqual(
      expect.objectContaining({ check: 'versions', fatal: true, message: expect.stringContaining('fetch-tags: true') }),
    );
    expect(verdict.verdict).toBe('fail');
  });

  it('deepens the clone for a pull request range that reaches below the fetched commit', async () => {
    const origin = releasedOrigin();
    const base = origin.sha(1);
    const clone = origin.shallowClone(1);
    const { verdict } = await run({
      root: clone.dir,
      overrides: { checks: ['secrets'] },
      git: true,
      base,
      head: origin.sha(-1),
      mode: 'pr',
    });
    expect(clone.git('rev-parse', '--is-shallow-repository').trim()).toBe('false');
    expect(verdict.errors).toEqual([]);
    expect(verdict.verdict).toBe('pass');
  });
});
