// Issue 10, item 17: a pull request cannot exempt itself. On pull_request (and pull_request_target,
// merge_group) the policy comes from the base commit; what the pull request changes in it is a
// notice and applies after merge. Real repositories, the real pipeline.
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../src/config/settings.js';
import { readEvent } from '../../src/context/event.js';
import { run } from '../../src/run.js';
import { awsKey } from '../checks/secrets/test-rules.js';
import { gitRepo, type GitRepo } from '../support/git-repo.js';

const CONFIG = '.github/security-gate.yml';

function ignoreFor(rule: string): string {
  return ['ignore:', `  - id: ${rule}`, '    reason: test fixture', '    expires: 2099-12-31', ''].join('\n');
}

/** The pipeline as the action runs it on a pull request event: the head is checked out. */
function onPullRequest(repo: GitRepo, extra: Partial<Settings> = {}, eventName = 'pull_request'): Promise<Awaited<ReturnType<typeof run>>> {
  const base = repo.sha(0);
  const head = repo.sha(-1);
  const eventPayload =
    eventName === 'merge_group'
      ? { merge_group: { base_sha: base, head_sha: head } }
      : { pull_request: { number: 1, base: { sha: base }, head: { sha: head } } };
  return run({
    root: repo.dir,
    git: true,
    event: readEvent(eventName, eventPayload),
    overrides: { checks: ['secrets'] },
    ...extra,
  });
}

function expectedToFail(): never {
  throw new Error('expected the run to fail');
}

/** A base commit with no policy, and a pull request that adds a key and an ignore for it. */
function keyWithIgnore(): GitRepo {
  return gitRepo()
    .commit('base', { 'README.md': '# app\n' })
    .commit('add a key and ignore it', { 'deploy/.env': `AWS_KEY=${awsKey(31)}\n`, [CONFIG]: ignoreFor('aws-access-key-id') });
}

describe('policy-from: base (the default)', () => {
  it('fails a pull request that adds a key and an ignore for it, and says the ignore applies after merge', async () => {
    const { verdict } = await onPullRequest(keyWithIgnore());
    expect(verdict.verdict).toBe('fail');
    expect(verdict.findings).toContainEqual(
      expect.objectContaining({ rule: 'aws-access-key-id', status: 'fail', location: expect.objectContaining({ path: 'deploy/.env' }) }),
    );
    expect(verdict.notices).toEqual([`this pull request adds ${CONFIG}; they take effect when it is merged (policy-from: base).`]);
  });

  it('counts the ignores a pull request adds to an existing config', async () => {
    const repo = gitRepo()
      .commit('base', { [CONFIG]: 'fail-on: high\n' })
      .commit('add a key and ignore it', {
        'deploy/.env': `AWS_KEY=${awsKey(32)}\n`,
        [CONFIG]: `fail-on: critical\n${ignoreFor('aws-access-key-id')}  - id: GHSA-xxxx-xxxx-xxxx\n    reason: x\n    expires: 2099-01-01\n`,
      });
    const { verdict } = await onPullRequest(repo);
    expect(verdict.verdict).toBe('fail');
    expect(verdict.failOn).toBe('high');
    expect(verdict.notices).toEqual([
      `this pull request changes fail-on, adds 2 ignores in ${CONFIG}; they take effect when it is merged (policy-from: base).`,
    ]);
  });

  it('does the same on pull_request_target and merge_group', async () => {
    for (const event of ['pull_request_target', 'merge_group']) {
      const { verdict } = await onPullRequest(keyWithIgnore(), {}, event);
      expect(verdict.verdict, event).toBe('fail');
    }
  });

  it('fails a pull request that adds a .gitleaksignore line for its own key', async () => {
    const repo = gitRepo().commit('base', { '.gitleaksignore': '# reviewed findings\n' });
    repo.commit('add a key', { 'deploy/.env': `AWS_KEY=${awsKey(33)}\n` });
    repo.commit('ignore it', { '.gitleaksignore': `# reviewed findings\n${repo.sha(1)}:deploy/.env:aws-access-key-id:1\n` });
    const { verdict } = await onPullRequest(repo);
    expect(verdict.verdict).toBe('fail');
    expect(verdict.findings).toContainEqual(expect.objectContaining({ rule: 'aws-access-key-id', status: 'fail' }));
    expect(verdict.notices).toEqual([
      'this pull request adds 1 ignored finding in .gitleaksignore; they take effect when it is merged (policy-from: base).',
    ]);
    // The line is a working ignore: judged by its own policy, the pull request passes.
    const own = await onPullRequest(repo, { overrides: { checks: ['secrets'], 'policy-from': 'head' } });
    expect(own.verdict.verdict).toBe('pass');
  });

  it('fails a pull request that adds its finding to a committed baseline', async () => {
    const baseline = (fingerprints: string[]) =>
      JSON.stringify({ version: 1, findings: fingerprints.map((fingerprint) => ({ fingerprint })) });
    const repo = gitRepo().commit('base', { [CONFIG]: 'baseline: .github/baseline.json\n', '.github/baseline.json': baseline([]) });
    repo.commit('add a key', { 'deploy/.env': `AWS_KEY=${awsKey(34)}\n` });
    const first = await onPullRequest(repo);
    expect(first.verdict.verdict).toBe('fail');
    const fingerprint = first.verdict.findings[0]!.fingerprint;
    repo.commit('baseline it', { '.github/baseline.json': baseline([fingerprint]) });
    const { verdict } = await onPullRequest(repo);
    expect(verdict.findings).toContainEqual(expect.objectContaining({ fingerprint, status: 'fail' }));
    expect(verdict.notices).toEqual([
      'this pull request adds 1 fingerprint in .github/baseline.json; they take effect when it is merged (policy-from: base).',
    ]);
    const own = await onPullRequest(repo, { overrides: { checks: ['secrets'], 'policy-from': 'head' } });
    expect(own.verdict.findings).toContainEqual(expect.objectContaining({ fingerprint, status: 'warn' }));
  });

  it('keeps honouring the ignores the base commit already has', async () => {
    const repo = gitRepo()
      .commit('base', { [CONFIG]: ignoreFor('aws-access-key-id') })
      .commit('add a key', { 'deploy/.env': `AWS_KEY=${awsKey(35)}\n` });
    const { verdict } = await onPullRequest(repo);
    expect(verdict.verdict).toBe('pass');
    expect(verdict.findings).toContainEqual(expect.objectContaining({ rule: 'aws-access-key-id', status: 'ignored' }));
    expect(verdict.notices).toBeUndefined();
  });

  it('ignores a policy-from: head that the pull request sets in its own config', async () => {
    const repo = gitRepo()
      .commit('base', { 'README.md': '# app\n' })
      .commit('exempt myself', {
        'deploy/.env': `AWS_KEY=${awsKey(36)}\n`,
        [CONFIG]: `policy-from: head\n${ignoreFor('aws-access-key-id')}`,
      });
    const { verdict } = await onPullRequest(repo);
    expect(verdict.verdict).toBe('fail');
  });

  it('still validates the config the pull request proposes', async () => {
    const repo = gitRepo()
      .commit('base', { 'README.md': '# app\n' })
      .commit('typo', { [CONFIG]: 'fail-on: severe\n' });
    await expect(onPullRequest(repo)).rejects.toThrow(`${CONFIG}:1: fail-on: must be one of`);
  });

  it('names the base commit, and the way out, when the base policy itself is broken', async () => {
    const repo = gitRepo()
      .commit('broken base', { [CONFIG]: 'fail-on: severe\n' })
      .commit('fix it', { [CONFIG]: 'fail-on: high\n' });
    const error = await onPullRequest(repo).then(expectedToFail, (caught: Error) => caught);
    expect(error.message).toContain(`${CONFIG}:1: fail-on: must be one of`);
    expect(error.message).toContain(`[in the base commit ${repo.sha(0).slice(0, 7)}]`);
    expect(error.message).toContain('policy-from: head');
  });

  it('fetches the base commit of a shallow clone to read the policy there', async () => {
    const origin = keyWithIgnore();
    const clone = origin.shallowClone(1);
    const { verdict } = await run({
      root: clone.dir,
      git: true,
      event: readEvent('pull_request', { pull_request: { base: { sha: origin.sha(0) }, head: { sha: origin.sha(1) } } }),
      overrides: { checks: ['versions'] },
    });
    expect(clone.git('rev-parse', '--is-shallow-repository').trim()).toBe('false');
    expect(verdict.notices).toEqual([`this pull request adds ${CONFIG}; they take effect when it is merged (policy-from: base).`]);
  });

  it('fails with the fix, and still reports, when the base commit cannot be fetched', async () => {
    const origin = keyWithIgnore();
    const clone = origin.shallowClone(1);
    clone.git('remote', 'remove', 'origin');
    const { verdict } = await run({
      root: clone.dir,
      git: true,
      event: readEvent('pull_request', { pull_request: { base: { sha: origin.sha(0) }, head: { sha: origin.sha(1) } } }),
      overrides: { checks: ['versions'] },
    });
    expect(verdict.verdict).toBe('fail');
    expect(verdict.errors).toContainEqual(
      expect.objectContaining({
        check: 'versions',
        fatal: true,
        message: expect.stringMatching(
          /^the policy could not be read from the base commit [0-9a-f]{7}, which is not in this clone, .*fetch-depth: 0/,
        ),
      }),
    );
  });

  it('fails with the fix when a pull request event names no base commit', async () => {
    const repo = keyWithIgnore();
    const { verdict } = await run({
      root: repo.dir,
      git: true,
      event: readEvent('pull_request', { pull_request: {} }),
      mode: 'full',
      overrides: { checks: ['secrets'] },
    });
    expect(verdict.verdict).toBe('fail');
    expect(verdict.errors).toContainEqual(
      expect.objectContaining({ fatal: true, message: expect.stringContaining('names no base commit to read the policy from') }),
    );
  });
});

describe('policy-from: head', () => {
  it('passes the same pull request when the input says policy-from: head', async () => {
    const { verdict } = await onPullRequest(keyWithIgnore(), {
      overrides: { checks: ['secrets'], 'policy-from': 'head' },
      overrideNames: { 'policy-from': 'input policy-from' },
    });
    expect(verdict.verdict).toBe('pass');
    expect(verdict.findings).toContainEqual(expect.objectContaining({ rule: 'aws-access-key-id', status: 'ignored' }));
    expect(verdict.notices).toBeUndefined();
  });

  it('passes it when the base commit config says policy-from: head', async () => {
    const repo = gitRepo()
      .commit('base', { [CONFIG]: 'policy-from: head\n' })
      .commit('add a key and ignore it', {
        'deploy/.env': `AWS_KEY=${awsKey(37)}\n`,
        [CONFIG]: `policy-from: head\n${ignoreFor('aws-access-key-id')}`,
      });
    const { verdict } = await onPullRequest(repo);
    expect(verdict.verdict).toBe('pass');
  });

  it('is what a push or the CLI does: they read the working tree', async () => {
    const repo = keyWithIgnore();
    const { verdict } = await run({ root: repo.dir, git: true, base: repo.sha(0), overrides: { checks: ['secrets'] } });
    expect(verdict.verdict).toBe('pass');
  });
});
