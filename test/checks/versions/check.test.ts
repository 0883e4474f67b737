import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { versionsCheck } from '../../../src/checks/versions/index.js';
import { defaultConfig, type Config } from '../../../src/config/schema.js';
import type { Context } from '../../../src/context/context.js';
import { atLeast, type CheckResult, type Finding } from '../../../src/finding.js';
import { cleanupTempDirs, gitRepo, tempDir, type GitRepo } from '../../support/git-repo.js';
import { contextFor, testContext } from '../../support/context.js';

afterAll(cleanupTempDirs);

const NOW = new Date('2026-11-24T12:00:00Z');
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/versions/${name}`, import.meta.url), 'utf8');

function config(versions: Partial<Config['versions']> = {}): Config {
  const defaults = defaultConfig();
  return { ...defaults, versions: { ...defaults.versions, ...versions } };
}

function run(root: string, context: Partial<Context> = {}, versions: Partial<Config['versions']> = {}): Promise<CheckResult> {
  return versionsCheck(testContext({ root, mode: 'full', head: 'HEAD', git: true, now: NOW, ...context }), config(versions));
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
  it("does not call a table the template when the releases really are 5.1.x and 4.0.x and the prose is the project's own", async () => {
    // The template's rows under the project's own words: it merely wrote the same table. (The
    // template's rows with the template's prose are the template whatever the tags: see below.)
    const own = table('| 5.1.x | :white_check_mark: |', '| 5.0.x | :x: |', '| 4.0.x | :white_check_mark: |', '| < 4.0 | :x: |');
    const result = await run(released(own, ['v4.0.3', 'v5.0.1', 'v5.1.2']).dir);
    expect(only(result, 'supported-versions-template')).toEqual([]);
    expect(result.findings).toEqual([]);
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
    // The stats say what happened: one release counted, no policy file read (issue 12).
    expect(result.stats).toEqual({ policyFile: 'none', rows: 0, releases: 1 });
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

  it('fails, with the fix, for a shallow clone whose tags cannot be fetched (never judged from no releases)', async () => {
    const clone = released(policy, ['v1.0.0', 'v2.0.0']).shallowClone();
    clone.git('remote', 'remove', 'origin');
    const result = await versionsCheck(await contextFor(clone.dir, {}, ['versions']), config());
    expect(result.findings).toEqual([]);
    expect(result.errors).toEqual([
      expect.objectContaining({ check: 'versions', path: 'SECURITY.md', fatal: true, message: expect.stringContaining('fetch-depth: 0') }),
    ]);
    expect(result.errors[0]?.message).toContain('fetch-tags: true');
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

describe('never fail on what was not understood (issue 12)', () => {
  it("reads puma's 'Latest release in 8.x' rows: 8.x and 7.x supported, nothing to report", async () => {
    const result = await run(released(fixture('puma-style-SECURITY.md'), ['v7.0.0', 'v7.2.0', 'v8.0.0', 'v8.0.2']).dir);
    expect(result.findings).toEqual([]);
    expect(result.errors).toEqual([]);
    // The table's lines are still checked: a 9.0 release is newer than every row.
    const nine = await run(released(fixture('puma-style-SECURITY.md'), ['v7.2.0', 'v8.0.2', 'v9.0.0']).dir);
    expect(nine.findings).toEqual([
      expect.objectContaining({ rule: 'latest-release-unsupported', severity: 'high', location: { path: 'SECURITY.md', line: 7 } }),
    ]);
    expect(nine.findings[0]?.remedy).toBe(
      "add a row for 9.x to SECURITY.md's Supported Versions table (next to 'Latest release in 8.x', line 7)",
    );
  });

  it('reads versions inside the prose projects write', async () => {
    const policy = table(
      '| main / master | ✅ |',
      '| 6.x (latest) | ✅ |',
      '| the current major version 5 | ✅ |',
      '| Latest minor of 4 | ✅ |',
      '| Only the latest 3.x | ✅ |',
      '| 2.x (LTS) | ✅ |',
      '| < 2.0 | ❌ |',
    );
    const result = await run(released(policy, ['v1.9.0', 'v2.4.0', 'v3.1.0', 'v4.2.0', 'v5.0.1', 'v6.1.0']).dir);
    expect(result.findings).toEqual([]);
  });

  it('makes no latest-release-unsupported from a supported row it cannot read, only the low unreadable-row finding', async () => {
    const policy = table('| 2.x | ✅ |', '| see the release notes | ✅ |', '| < 2.0 | ❌ |');
    const result = await run(released(policy, ['v1.0.0', 'v2.0.0', 'v3.0.0']).dir);
    expect(result.findings).toEqual([
      expect.objectContaining({ rule: 'supported-versions-row-unparseable', severity: 'low', location: { path: 'SECURITY.md', line: 8 } }),
    ]);
    expect(result.findings[0]?.remedy).toBe("in SECURITY.md line 8, write its version like '1.4.x', '2.x' or '< 1.0'");
  });

  it('still judges the newest release when the unreadable row is marked unsupported', async () => {
    const policy = table('| 2.x | ✅ |', '| ancient stuff | ❌ |');
    const result = await run(released(policy, ['v2.0.0', 'v3.0.0']).dir);
    expect(rules(result)).toEqual(['latest-release-unsupported', 'supported-versions-row-unparseable']);
  });
});

describe('"Latest" tables and old lines (issue 12)', () => {
  const gitleaksTags = ['v1.0.0', 'v2.0.0', 'v3.0.0', 'v4.0.0', 'v5.0.0', 'v6.0.0', 'v7.0.0', 'v7.6.1', 'v8.0.0', 'v8.18.0'];

  it("reads gitleaks' single '| Latest | Yes |' row: at most one info finding, never a medium per line", async () => {
    const result = await run(released(fixture('gitleaks-style-SECURITY.md'), gitleaksTags).dir);
    expect(result.findings).toEqual([
      expect.objectContaining({
        rule: 'release-line-unlisted',
        severity: 'info',
        title: 'Release lines 1.x to 7.x are not in Supported Versions',
        location: { path: 'SECURITY.md', line: 5 },
        remedy: "add a row '< 8.0' ❌ to SECURITY.md's Supported Versions table for the older lines",
      }),
    ]);
    expect(result.findings[0]?.message).toContain("The row 'Latest' supports only the newest release line");
    // A new tag on an old line keeps the same fingerprint: one finding for the old lines, not one per line.
    const more = await run(released(fixture('gitleaks-style-SECURITY.md'), ['v0.9.0', ...gitleaksTags]).dir);
    expect(more.findings.map((finding) => finding.fingerprint)).toEqual([result.findings[0]?.fingerprint]);
  });

  it("counts 'the latest 2 major versions' as the two newest lines", async () => {
    const result = await run(released(table('| The latest 2 major versions | ✅ |'), ['v1.0.0', 'v2.0.0', 'v3.0.0', 'v3.1.0']).dir);
    expect(result.findings).toEqual([expect.objectContaining({ rule: 'release-line-unlisted', severity: 'info' })]);
    expect(result.findings[0]?.title).toBe('Release line 1.x is not in Supported Versions');
    expect(result.findings[0]?.message).toContain('supports only the newest 2 release lines');
  });

  it('gives one info finding for all lines older than every row, in any table', async () => {
    const result = await run(released(table('| 5.x | ✅ |', '| 4.x | ❌ |'), ['v1.0.0', 'v2.0.0', 'v3.1.0', 'v4.0.0', 'v5.0.0']).dir);
    expect(result.findings.map((finding) => [finding.rule, finding.severity, finding.title])).toEqual([
      ['release-line-unlisted', 'info', 'Release lines 1.x to 3.x are not in Supported Versions'],
    ]);
  });

  it('treats lines as old when no row names a version (only a branch row)', async () => {
    const result = await run(released(table('| main | ✅ |'), ['v1.0.0', 'v2.0.0', 'v3.0.0']).dir);
    expect(result.findings.map((finding) => [finding.rule, finding.severity])).toEqual([
      ['latest-release-unsupported', 'high'],
      ['release-line-unlisted', 'info'],
    ]);
  });
});

describe('the unedited GitHub template (issue 12)', () => {
  it('is the template, with its prose, even when the tags happen to be 4.0.x to 5.0.x', async () => {
    const result = await run(released(fixture('github-template-SECURITY.md'), ['v4.0.0', 'v4.0.3', 'v5.0.0', 'v5.0.1']).dir);
    expect(rules(result)).toEqual(['security-policy-no-contact', 'supported-versions-template']);
    expect(only(result, 'supported-versions-template')[0]?.remedy).toBe(
      'replace the template rows in SECURITY.md with the release lines you patch (newest: 5.0.1)',
    );
  });

  it('is the template when the releases are 5.1.x and 4.0.x too, once the template prose is there', async () => {
    const result = await run(released(fixture('github-template-SECURITY.md'), ['v4.0.3', 'v5.0.1', 'v5.1.2']).dir);
    expect(only(result, 'supported-versions-template')).toHaveLength(1);
  });
});

describe('the policy file stays inside the repository (issue 10, item 18)', () => {
  const outside = () => {
    const dir = tempDir('sg-outside-');
    const file = join(dir, 'SECURITY.md');
    writeFileSync(file, table('| OUTSIDE-CANARY | ✅ |'));
    return { dir, file };
  };

  it('refuses a SECURITY.md that is a symlink to a file outside, with an error naming it and the fix', async () => {
    const repo = gitRepo().commit('code', { 'index.js': '' }).tag('v1.0.0');
    symlinkSync(outside().file, join(repo.dir, 'SECURITY.md'));
    repo.commit('link the policy');
    const result = await run(repo.dir);
    expect(result.findings).toEqual([]);
    expect(result.errors).toEqual([
      {
        check: 'versions',
        path: 'SECURITY.md',
        fatal: true,
        message:
          'SECURITY.md resolves to a file outside the repository, so it was not read and the Supported Versions were not checked: ' +
          'make SECURITY.md a regular file in the repository (not a symbolic link to a file outside it)',
      },
    ]);
    expect(JSON.stringify(result)).not.toContain('OUTSIDE-CANARY');
    expect(result.stats).toMatchObject({ policyFile: 'none', releases: 1 });
  });

  it('refuses a .github folder that links outside', async () => {
    const repo = gitRepo().commit('code', { 'index.js': '' });
    symlinkSync(outside().dir, join(repo.dir, '.github'));
    const result = await run(repo.dir);
    expect(result.errors).toEqual([expect.objectContaining({ path: '.github/SECURITY.md', fatal: true })]);
    expect(JSON.stringify(result)).not.toContain('OUTSIDE-CANARY');
  });

  it('refuses versions.policy-file: ../…, whether or not the file exists', async () => {
    const { dir } = outside();
    const repo = gitRepo().commit('code', { 'index.js': '' });
    for (const configured of [join('..', basename(dir), 'SECURITY.md'), '../nope.md', join(dir, 'SECURITY.md')]) {
      const result = await run(repo.dir, {}, { 'policy-file': configured });
      expect(result.findings, configured).toEqual([]);
      expect(result.errors).toEqual([expect.objectContaining({ check: 'versions', fatal: true })]);
      expect(result.errors[0]?.message).toContain(`set versions.policy-file to a file inside the repository (it is '${configured}')`);
      expect(JSON.stringify(result)).not.toContain('OUTSIDE-CANARY');
    }
  });

  it('still reads a symlink that stays inside the repository', async () => {
    const repo = gitRepo().commit('policy', { 'docs/policy.md': table('| 1.x | ✅ |') });
    symlinkSync('docs/policy.md', join(repo.dir, 'SECURITY.md'));
    repo.commit('link').tag('v1.0.0');
    const result = await run(repo.dir);
    expect(result.errors).toEqual([]);
    expect(result.findings).toEqual([]);
    expect(result.stats).toMatchObject({ policyFile: 'SECURITY.md', rows: 1 });
  });
});

describe('remedies: a short, specific action on every finding', () => {
  it('says what to do for each rule', async () => {
    const missing = await run(gitRepo().commit('code', { 'index.js': '' }).dir);
    const unreleased = await run(released(table('| 3.x | ✅ |', '| 2.x | ✅ |', '| < 2.0 | ❌ |'), ['v1.0.0', 'v2.4.1']).dir);
    const newer = await run(released(table('| 0.1.x | ✅ |'), ['v0.1.0', 'v0.2.0', 'v0.3.0']).dir);
    const eol = await run(released(table('| 2.x | ✅ |', '| 1.x | ✅ until 2025-06-30 |'), ['v1.4.0', 'v2.0.0']).dir);
    const noTable = await run(released('# Security\n\n## Supported Versions\n\nThe latest only.\n', ['v1.0.0']).dir);
    const remedies = [missing, unreleased, newer, eol, noTable].flatMap((result) =>
      result.findings.map((finding) => [finding.rule, finding.remedy]),
    );
    expect(remedies).toEqual([
      ['security-policy-missing', 'add a SECURITY.md with a Supported Versions table and a private way to report a vulnerability'],
      ['supported-version-unreleased', "tag the 3.x release, or fix the row '3.x' in SECURITY.md"],
      ['latest-release-unsupported', "add a row for 0.3.x to SECURITY.md's Supported Versions table (next to '0.1.x', line 7)"],
      ['release-line-unlisted', "add a row for 0.2.x (✅ or ❌) to SECURITY.md's Supported Versions table"],
      ['supported-version-end-of-life', "mark the row '1.x' in SECURITY.md ❌, or move its end-of-life date"],
      ['supported-versions-table-missing', 'add a Version | Supported table under "Supported Versions" in SECURITY.md'],
      ['security-policy-no-contact', "add a security@ address or the repository's security/advisories/new link to SECURITY.md"],
    ]);
  });
});
