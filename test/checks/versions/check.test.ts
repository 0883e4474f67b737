import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { versionsCheck } from '../../../src/checks/versions/index.js';
import { defaultConfig, type Config } from '../../../src/config/schema.js';
import type { Context } from '../../../src/context/context.js';
import { atLeast, type CheckResult, type Finding } from '../../../src/finding.js';
import { cleanupTempDirs, gitRepo, tempDir, type GitRepo } from '../../support/git-repo.js';

afterAll(cleanupTempDirs);

const NOW = new Date('2026-11-24T12:00:00Z');
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/versions/${name}`, import.meta.url), 'utf8');

function config(versions: Partial<Config['versions']> = {}): Config {
  const defaults = defaultConfig();
  return { ...defaults, versions: { ...defaults.versions, ...versions } };
}

function run(root: string, context: Partial<Context> = {}, versions: Partial<Config['versions']> = {}): Promise<CheckResult> {
  return versionsCheck({ root, mode: 'full', head: 'HEAD', git: true, now: NOW, ...context }, config(versions));
}

/** A repository whose SECURITY.md is `policy`, with one commit per tag. */
function released(policy: string, tags: string[]): GitRepo {
  const repo = gitRepo().commit('policy', { 'SECURITY.md': policy });
  for (const tag of tags) repo.commit(`release ${tag}`, { VERSION: tag }).tag(tag);
  return repo;
}

const rules = (result: CheckResult) => result.findings.map((finding) => finding.rule).sort();
const only = (result: CheckResult, rule: string): Finding[] => result.findings.filter((finding) => finding.rule === rule);

const table = (...rows: string[]) =>
  [
    '# Security Policy',
    '',
    '## Supported Versions',
    '',
    '| Version | Supported |',
    '| ------- | --------- |',
    ...rows,
    '',
    'Report to security@example.org.',
    '',
  ].join('\n');

describe('the ScaleBox policy (0.1.x supported, < 0.1 not)', () => {
  const scalebox = fixture('scalebox-SECURITY.md');

  it('passes with releases v0.1.0 to v0.1.3', async () => {
    const result = await run(released(scalebox, ['v0.1.0', 'v0.1.1', 'v0.1.2', 'v0.1.3']).dir);
    expect(result.findings.filter((finding) => atLeast(finding.severity, 'high'))).toEqual([]);
    expect(only(result, 'latest-release-unsupported')).toEqual([]);
    expect(result.findings).toEqual([]);
    expect(result.errors).toEqual([]);
    expect(result.stats).toEqual({ releases: 4, rows: 2, policyFile: 'SECURITY.md' });
  });

  it('fails once v0.2.0 is tagged, on the 0.1.x row (line 9)', async () => {
    const repo = released(scalebox, ['v0.1.0', 'v0.1.1', 'v0.1.2', 'v0.1.3', 'v0.2.0']);
    const result = await run(repo.dir);
    expect(result.findings).toEqual([
      expect.objectContaining({
        check: 'versions',
        rule: 'latest-release-unsupported',
        severity: 'high',
        location: { path: 'SECURITY.md', line: 9 },
        details: { kind: 'versions', policyFile: 'SECURITY.md', version: '0.2.0', row: '0.1.x' },
      }),
    ]);
    const [finding] = result.findings;
    expect(finding?.title).toBe('Newest release 0.2.0 is not in Supported Versions');
    expect(finding?.message).toContain("Edit the row '0.1.x' on line 9 to cover 0.2.x");
    expect(finding?.introduced).toBeUndefined();

    // Editing elsewhere in the file moves the line, not the fingerprint.
    repo.commit('intro', { 'SECURITY.md': `Intro.\n\n${scalebox}` });
    const moved = await run(repo.dir);
    expect(moved.findings[0]).toMatchObject({ location: { line: 11 }, fingerprint: finding?.fingerprint });
  });
});

describe('rows against releases', () => {
  it('counts a release covered by an open range (>= 1.12.6 supports 3.5.0)', async () => {
    const result = await run(released(table('| >= 1.12.6 | ✅ |', '| < 1.12.6 | ❌ |'), ['v1.12.6', 'v3.5.0']).dir);
    expect(result.findings).toEqual([]);
  });

  it('reports a supported row no release matches', async () => {
    const result = await run(released(table('| 3.x | ✅ |', '| 2.x | ✅ |', '| < 2.0 | ❌ |'), ['v1.0.0', 'v2.4.1']).dir);
    expect(result.findings).toEqual([
      expect.objectContaining({
        rule: 'supported-version-unreleased',
        severity: 'medium',
        location: { path: 'SECURITY.md', line: 7 },
        details: { kind: 'versions', policyFile: 'SECURITY.md', row: '3.x' },
      }),
    ]);
    expect(result.findings[0]?.message).toContain('newest release: 2.4.1');
  });

  it('does not require a stable tag for a line marked alpha', async () => {
    const result = await run(released(table('| 3.x (alpha) | ✅ |', '| 2.x | ✅ |'), ['v2.0.0', 'v3.0.0-alpha.1']).dir);
    expect(result.findings).toEqual([]);
  });

  it('reports released lines no row mentions: newer ones medium, older ones info', async () => {
    const result = await run(released(table('| 0.1.x | ✅ |'), ['v0.0.9', 'v0.1.0', 'v0.2.0', 'v0.3.0']).dir);
    expect(rules(result)).toEqual(['latest-release-unsupported', 'release-line-unlisted', 'release-line-unlisted']);
    const unlisted = only(result, 'release-line-unlisted').map((finding) => [finding.title, finding.severity]);
    expect(unlisted).toEqual([
      ['Release line 0.0.x is not in Supported Versions', 'info'],
      ['Release line 0.2.x is not in Supported Versions', 'medium'],
    ]);
  });

  it('judges lines at the table granularity, and lets an "older" row cover the rest', async () => {
    const tags = ['v3.1.0', 'v4.0.0', 'v4.2.0', 'v5.0.0', 'v5.3.0'];
    const bare = await run(released(table('| 5.x | ✅ |', '| 4.x | ❌ |'), tags).dir);
    expect(only(bare, 'release-line-unlisted').map((finding) => [finding.title, finding.severity])).toEqual([
      ['Release line 3.x is not in Supported Versions', 'info'],
    ]);
    const withOlder = await run(released(table('| 5.x | ✅ |', '| 4.x | ❌ |', '| older | ❌ |'), tags).dir);
    expect(withOlder.findings).toEqual([]);
  });

  it('lets a supported "latest" row cover the newest release', async () => {
    const result = await run(released(table('| latest | ✅ |', '| other versions | ❌ |'), ['v1.0.0', 'v2.0.0']).dir);
    expect(result.findings).toEqual([]);
  });
});

describe('real-shaped policies', () => {
  it('passes a Django-style table whose lines all have releases', async () => {
    const result = await run(released(fixture('django-style-SECURITY.md'), ['5.0.3', '5.1.2', '5.2.4', '6.0.1']).dir);
    expect(result.findings).toEqual([]);
  });

  it('passes a Rails-style table, and an Electron-style one', async () => {
    expect((await run(released(fixture('rails-style-SECURITY.md'), ['v7.0.8', 'v7.1.5', 'v7.2.2', 'v8.0.1']).dir)).findings).toEqual([]);
    expect((await run(released(fixture('electron-style-SECURITY.md'), ['v36.9.0', 'v37.1.0', 'v38.2.0', 'v39.0.0']).dir)).findings).toEqual(
      [],
    );
  });

  it('reports a Node-style line still marked supported after its end-of-life date', async () => {
    const result = await run(released(fixture('node-style-SECURITY.md'), ['v18.20.8', 'v20.19.2', 'v22.16.0', 'v24.2.0']).dir);
    expect(result.findings).toEqual([
      expect.objectContaining({
        rule: 'supported-version-end-of-life',
        severity: 'high',
        title: '20.x is marked supported after its end of life (2026-04-30)',
        location: { path: 'SECURITY.md', line: 11 },
        details: { kind: 'versions', policyFile: 'SECURITY.md', row: '20.x' },
      }),
    ]);
  });

  it('reports the GitHub template and nothing else about its table', async () => {
    const result = await run(released(fixture('github-template-SECURITY.md'), ['v0.3.0', 'v1.0.0']).dir);
    expect(rules(result)).toEqual(['security-policy-no-contact', 'supported-versions-template']);
    expect(only(result, 'supported-versions-template')[0]).toMatchObject({ severity: 'high', location: { path: 'SECURITY.md', line: 10 } });
    expect(only(result, 'supported-versions-template')[0]?.message).toContain('newest release: 1.0.0');
  });
});

describe('more table rules', () => {
  it('does not call a table the template when the releases really are 5.1.x and 4.0.x', async () => {
    const result = await run(released(fixture('github-template-SECURITY.md'), ['v4.0.3', 'v5.0.1', 'v5.1.2']).dir);
    expect(only(result, 'supported-versions-template')).toEqual([]);
  });

  it('reads an end-of-life date in the support cell itself', async () => {
    const result = await run(released(table('| 2.x | ✅ |', '| 1.x | ✅ until 2025-06-30 |'), ['v1.4.0', 'v2.0.0']).dir);
    expect(result.findings).toEqual([
      expect.objectContaining({ rule: 'supported-version-end-of-life', severity: 'high', location: { path: 'SECURITY.md', line: 8 } }),
    ]);
    expect(result.findings[0]?.message).toContain('2025-06-30');
  });

  it('does not pile release findings onto a table it cannot read at all', async () => {
    const result = await run(released(table('| soon | ✅ |'), ['v1.0.0']).dir);
    expect(rules(result)).toEqual(['supported-versions-row-unparseable']);
  });
});

describe('the policy file itself', () => {
  it('reports a missing policy at SECURITY.md', async () => {
    const result = await run(gitRepo().commit('code', { 'index.js': '' }).tag('v1.0.0').dir);
    expect(result.findings).toEqual([
      expect.objectContaining({ rule: 'security-policy-missing', severity: 'medium', location: { path: 'SECURITY.md' } }),
    ]);
    expect(result.stats).toMatchObject({ policyFile: 'SECURITY.md', rows: 0 });
  });

  it('reads the policy from versions.policy-file', async () => {
    const repo = gitRepo()
      .commit('policy', { 'meta/policy.md': table('| 1.x | ✅ |') })
      .tag('v1.0.0');
    expect((await run(repo.dir, {}, { 'policy-file': 'meta/policy.md' })).findings).toEqual([]);
    const missing = await run(repo.dir, {}, { 'policy-file': 'meta/nope.md' });
    expect(missing.findings).toEqual([expect.objectContaining({ rule: 'security-policy-missing', location: { path: 'meta/nope.md' } })]);
  });

  it('reports a policy without a supported-versions table, at its heading', async () => {
    const policy = '# Security\n\n## Supported Versions\n\nThe latest release only.\n\n## Reporting\n\nMail security@example.org\n';
    const result = await run(released(policy, ['v1.0.0']).dir);
    expect(result.findings).toEqual([
      expect.objectContaining({ rule: 'supported-versions-table-missing', severity: 'medium', location: { path: 'SECURITY.md', line: 3 } }),
    ]);
  });

  it('reports rows it cannot read, with their lines', async () => {
    const result = await run(released(table('| 1.x | ✅ |', '| next one | ✅ |', '| 0.x | ask us |'), ['v0.5.0', 'v1.0.0']).dir);
    expect(only(result, 'supported-versions-row-unparseable').map((finding) => [finding.severity, finding.location.line])).toEqual([
      ['low', 8],
      ['low', 9],
    ]);
    expect(only(result, 'supported-versions-row-unparseable')[1]?.message).toContain("'ask us'");
  });

  it('reports a policy with no way to report a vulnerability', async () => {
    const policy = '## Supported Versions\n\n| Version | Supported |\n|---|---|\n| 1.x | ✅ |\n\nOpen an issue.\n';
    const result = await run(released(policy, ['v1.0.0']).dir);
    expect(result.findings).toEqual([
      expect.objectContaining({ rule: 'security-policy-no-contact', severity: 'low', location: { path: 'SECURITY.md' } }),
    ]);
    const advisories = policy.replace('Open an issue.', 'Use [advisories](../../security/advisories/new).');
    expect((await run(released(advisories, ['v1.0.0']).dir)).findings).toEqual([]);
  });
});

describe('tags', () => {
  const policy = table('| 9.x | ✅ |', '| < 9.0 | ❌ |');

  it('skips tag-based rules and says so when there are no release tags', async () => {
    const result = await run(released(policy, []).dir);
    expect(result.findings).toEqual([]);
    expect(result.errors).toEqual([]);
    expect(result.stats).toMatchObject({ releases: 0, note: expect.stringContaining('no release tags') });
  });

  it('returns an error with the fix for a shallow clone without tags', async () => {
    const clone = released(policy, ['v1.0.0', 'v2.0.0']).shallowClone();
    const result = await run(clone.dir);
    expect(result.findings).toEqual([]);
    expect(result.errors).toEqual([
      expect.objectContaining({ check: 'versions', path: 'SECURITY.md', fatal: false, message: expect.stringContaining('fetch-depth: 0') }),
    ]);
    expect(result.errors[0]?.message).toContain('git fetch --tags');
  });

  it('checks one package of a monorepo with versions.tag-pattern', async () => {
    const repo = released(table('| 1.x | ✅ |', '| < 1.0 | ❌ |'), ['pkg-a@1.2.0', 'pkg-b@3.0.0']);
    const all = await run(repo.dir);
    expect(only(all, 'latest-release-unsupported')[0]?.details).toMatchObject({ version: '3.0.0' });
    const pkgA = await run(repo.dir, {}, { 'tag-pattern': '^pkg-a@(?<version>.+)$' });
    expect(pkgA.findings).toEqual([]);
    expect(pkgA.stats).toMatchObject({ releases: 1 });
  });

  it('leaves pre-releases out unless versions.include-prereleases', async () => {
    const repo = released(table('| 1.x | ✅ |'), ['v1.0.0', 'v2.0.0-rc.1']);
    expect((await run(repo.dir)).findings).toEqual([]);
    const withPre = await run(repo.dir, {}, { 'include-prereleases': true });
    expect(only(withPre, 'latest-release-unsupported')[0]?.details).toMatchObject({ version: '2.0.0-rc.1' });
  });

  it('checks the table alone without git', async () => {
    const repo = released(fixture('github-template-SECURITY.md'), ['v1.0.0']);
    const noGit = await run(repo.dir, { git: false });
    expect(rules(noGit)).toEqual(['security-policy-no-contact', 'supported-versions-template']);

    const plain = tempDir('sg-nogit-');
    writeFileSync(join(plain, 'SECURITY.md'), policy);
    const result = await run(plain);
    expect(result.findings).toEqual([]); // 9.x would be unreleased, but there are no tags to say so
    expect(result.stats).toMatchObject({ note: expect.stringContaining('not a git repository') });
  });
});

describe('introduced, in pr and push mode', () => {
  const stale = table('| 0.1.x | ✅ |');

  it('is false when neither the policy nor the tags changed in the range', async () => {
    const repo = released(stale, ['v0.1.0', 'v0.2.0']).commit('unrelated', { 'src.js': '1' });
    const result = await run(repo.dir, { mode: 'pr', base: repo.sha(-2), head: repo.sha(-1) });
    expect(result.findings.map((finding) => [finding.rule, finding.introduced])).toEqual([['latest-release-unsupported', false]]);
  });

  it('is true when the range edits the policy', async () => {
    const repo = released(stale, ['v0.1.0', 'v0.2.0']).commit('edit policy', { 'SECURITY.md': `${stale}\nMore.\n` });
    const result = await run(repo.dir, { mode: 'pr', base: repo.sha(-2), head: repo.sha(-1) });
    expect(result.findings.map((finding) => finding.introduced)).toEqual([true]);
  });

  it('is true when a release tag points into the range', async () => {
    const repo = released(stale, ['v0.1.0']).commit('release', { VERSION: '0.2.0' }).tag('v0.2.0');
    const result = await run(repo.dir, { mode: 'push', base: repo.sha(-2), head: repo.sha(-1) });
    expect(result.findings.map((finding) => finding.introduced)).toEqual([true]);
  });

  it('is true for a new branch, and unset in full mode', async () => {
    const repo = released(stale, ['v0.1.0', 'v0.2.0']);
    expect((await run(repo.dir, { mode: 'push', newBranch: true })).findings[0]?.introduced).toBe(true);
    expect((await run(repo.dir)).findings[0]).not.toHaveProperty('introduced');
  });
});
