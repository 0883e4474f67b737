// `scan PATH` with PATH inside a repository means "this part of the repository": lockfiles under
// PATH, secrets in the history of PATH alone, SECURITY.md and tags from the repository root.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/run.js';
import { cleanupTempDirs, gitRepo } from '../support/git-repo.js';
import { OSV_FIXTURES } from '../support/osv-server.js';

afterAll(cleanupTempDirs);

const AWS = (seed: string) => `AKIA${seed.repeat(16).slice(0, 16)}`;
const POLICY = '# Security\n\n## Supported Versions\n\n| Version | Supported |\n| ------- | --------- |\n| 2.x | ✅ |\n| < 2.0 | ❌ |\n';

function monorepo() {
  return gitRepo()
    .commit('monorepo', {
      'SECURITY.md': POLICY,
      'packages/core/requirements.txt': 'flask==1.0.0\n',
      'packages/core/src/app.py': 'print(1)\n',
      'packages/other/requirements.txt': 'flask==1.0.0\n',
    })
    .tag('v2.0.0')
    .commit('keys', {
      'packages/core/deploy.env': `AWS_KEY=${AWS('CORE2345')}\n`,
      'packages/other/deploy.env': `AWS_KEY=${AWS('OTHER234')}\n`,
    });
}

const scan = (root: string, extra: { base?: string } = {}) =>
  run({ root, overrides: { deps: { 'advisory-db': OSV_FIXTURES } }, git: true, now: new Date('2026-11-24T12:00:00Z'), ...extra });

describe('scan packages/core in a monorepo', () => {
  it('reads SECURITY.md and tags from the repository root, secrets and lockfiles from packages/core alone', async () => {
    const repo = monorepo();
    const { verdict, context } = await scan(join(repo.dir, 'packages/core'));
    expect(context.repoRoot).toBe(repo.dir);
    expect(verdict.errors).toEqual([]);
    const byCheck = Object.fromEntries(verdict.checks.map((check) => [check.check, check.stats]));
    expect(byCheck.versions).toMatchObject({ policyFile: 'SECURITY.md', releases: 1 });
    expect(verdict.findings.map((finding) => finding.rule)).not.toContain('security-policy-missing');
    const secrets = verdict.findings.filter((finding) => finding.check === 'secrets');
    expect(secrets.map((finding) => finding.location)).toEqual([{ path: 'packages/core/deploy.env', line: 1, commit: repo.sha(1) }]);
    expect(byCheck.deps).toMatchObject({ lockfiles: 1 });
    // Paths as the repository names them, as for secrets: annotations point at a file that exists.
    const deps = verdict.findings.filter((finding) => finding.check === 'deps');
    expect(deps.length).toBeGreaterThan(0);
    expect(new Set(deps.map((finding) => finding.location.path))).toEqual(new Set(['packages/core/requirements.txt']));
  });

  it('reads the lockfiles at the base from the same folder, so what was already there only warns', async () => {
    const repo = monorepo();
    repo.commit('unrelated', { 'packages/core/src/app.py': 'print(2)\n' });
    const { verdict } = await scan(join(repo.dir, 'packages/core'), { base: repo.sha(1) });
    expect(verdict.errors).toEqual([]);
    const deps = verdict.findings.filter((finding) => finding.check === 'deps');
    expect(deps.length).toBeGreaterThan(0);
    expect(deps.every((finding) => finding.introduced === false)).toBe(true);
  });
});
