// Incremental whole-history scans (issue 13.3): the cache directory remembers what the last complete
// scan read; the next one reads only the new commits and reports what a full scan reports.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeSecretsCheck } from '../../../src/checks/secrets/check.js';
import { parseCliArgs } from '../../../src/config/cli-args.js';
import { configSchema, type ConfigInput } from '../../../src/config/schema.js';
import type { CheckResult, Finding } from '../../../src/finding.js';
import { contextFor } from '../../support/context.js';
import { cleanupTempDirs, gitRepo, tempDir, type GitRepo } from '../../support/git-repo.js';
import { AWS_KEY_RULE, TEST_RULES, awsKey, githubPat } from './test-rules.js';

afterAll(cleanupTempDirs);

const check = makeSecretsCheck(TEST_RULES);

async function nightly(repo: GitRepo, cacheDir: string, config: ConfigInput = {}, fullRescan = false): Promise<CheckResult> {
  const result = await check(
    await contextFor(repo.dir, { mode: 'full', fullRescan }),
    configSchema.parse({ ...config, deps: { 'cache-dir': cacheDir } }),
  );
  expect(result.errors).toEqual([]);
  return result;
}

/** The same scan with no cache: what every incremental run must report. */
async function fullScan(repo: GitRepo, config: ConfigInput = {}): Promise<CheckResult> {
  return check(await contextFor(repo.dir, { mode: 'full' }), configSchema.parse(config));
}

const sorted = (findings: Finding[]) =>
  [...findings].sort((a, b) => a.fingerprint.localeCompare(b.fingerprint) || a.location.line! - b.location.line!);

function cacheFiles(cacheDir: string): string[] {
  return readdirSync(join(cacheDir, 'secrets-history')).map((name) => join(cacheDir, 'secrets-history', name));
}

function history(): GitRepo {
  const repo = gitRepo().commit('base', { 'a.env': `KEY=${awsKey(700)}\n` });
  repo.branch('feature').commit('feature key', { 'f.env': `TOKEN=${githubPat(701)}\n` });
  repo.checkout('main').commit(`notes\n\nold key ${awsKey(702)}`, { 'b.txt': 'b\n' });
  repo.git('merge', '-q', '--no-ff', '-m', 'merge feature', 'feature');
  return repo;
}

describe('the incremental history cache', () => {
  it('reads 0 commits on an unchanged repository, and reports what the full scan reports', async () => {
    const repo = history();
    const cacheDir = tempDir('sg-cache-');
    const cold = await nightly(repo, cacheDir);
    const commits = Number(repo.git('rev-list', '--all', '--count').trim());
    expect(cold.stats).toMatchObject({ commits, historyCache: 'full scan: no earlier scan in the cache' });
    expect(cold.findings).toHaveLength(3);
    const warm = await nightly(repo, cacheDir);
    expect(warm.stats).toMatchObject({ commits: 0, historyCache: 'used: 0 commits new since the last scan' });
    expect(sorted(warm.findings)).toEqual(sorted((await fullScan(repo)).findings));
  });

  it('reads only the N new commits, on any branch, and still reports the old findings', async () => {
    const repo = history();
    const cacheDir = tempDir('sg-cache-');
    await nightly(repo, cacheDir);
    repo.commit('one', { 'c.txt': 'c\n' }).commit('two', { 'd.env': `KEY=${awsKey(703)}\n` });
    repo.branch('topic').commit('three', { 't.env': `TOKEN=${githubPat(704)}\n` });
    const next = await nightly(repo, cacheDir);
    expect(next.stats).toMatchObject({ commits: 3, historyCache: 'used: 3 commits new since the last scan' });
    expect(sorted(next.findings)).toEqual(sorted((await fullScan(repo)).findings));
    expect(next.findings).toHaveLength(5);
  });

  it('drops the remembered findings of commits no ref reaches any more, as a full scan would', async () => {
    const repo = gitRepo().commit('base', { 'a.txt': 'a\n' });
    repo.branch('doomed').commit('key', { 'k.env': `KEY=${awsKey(705)}\n` });
    repo.checkout('main');
    const cacheDir = tempDir('sg-cache-');
    expect((await nightly(repo, cacheDir)).findings).toHaveLength(1);
    repo.git('branch', '-q', '-D', 'doomed');
    const after = await nightly(repo, cacheDir);
    expect(after.findings).toEqual([]);
    expect(after.findings).toEqual((await fullScan(repo)).findings);
    // And when the branch comes back, its commit is read again (the cache remembered only what was reachable).
    repo.git('branch', 'doomed', repo.sha(1));
    const back = await nightly(repo, cacheDir);
    expect(back.stats).toMatchObject({ commits: 1 });
    expect(back.findings).toHaveLength(1);
  });

  it('rescans every commit when the rules or the secrets config change', async () => {
    const repo = history();
    const cacheDir = tempDir('sg-cache-');
    await nightly(repo, cacheDir);
    const commits = Number(repo.git('rev-list', '--all', '--count').trim());
    const disabled = await nightly(repo, cacheDir, { secrets: { 'disable-rules': [AWS_KEY_RULE.id] } });
    expect(disabled.stats).toMatchObject({ commits, historyCache: 'full scan: the rules, the secrets config or the version changed' });
    expect(disabled.findings.map((finding) => finding.rule)).toEqual(['test-github-pat']);
    const other = makeSecretsCheck(TEST_RULES.filter((rule) => rule !== AWS_KEY_RULE));
    const result = await other(await contextFor(repo.dir, { mode: 'full' }), configSchema.parse({ deps: { 'cache-dir': cacheDir } }));
    expect(result.stats).toMatchObject({ commits });
  });

  it('rescans every commit when the cache is damaged, forged or asked to (--full), and repairs it', async () => {
    const repo = history();
    const cacheDir = tempDir('sg-cache-');
    const commits = Number(repo.git('rev-list', '--all', '--count').trim());
    const expected = sorted((await fullScan(repo)).findings);
    await nightly(repo, cacheDir);
    const [file] = cacheFiles(cacheDir);
    const good = JSON.parse(readFileSync(file!, 'utf8')) as { tips: string[]; findings: unknown[] };
    const damage: [string, string, string][] = [
      ['truncated', readFileSync(file!, 'utf8').slice(0, 100), 'the cache file is damaged'],
      ['not the shape', JSON.stringify({ ...good, findings: [{ rule: 'x' }] }), 'the cache file is damaged'],
      [
        'a tip that is a tree',
        JSON.stringify({ ...good, tips: [repo.git('rev-parse', 'HEAD^{tree}').trim()] }),
        'the cache names commits this clone cannot use',
      ],
    ];
    for (const [, text, reason] of damage) {
      writeFileSync(file!, text);
      const result = await nightly(repo, cacheDir);
      expect(result.stats).toMatchObject({ commits, historyCache: `full scan: ${reason}` });
      expect(sorted(result.findings)).toEqual(expected);
    }
    const asked = await nightly(repo, cacheDir, {}, true);
    expect(asked.stats).toMatchObject({ commits, historyCache: 'full scan: a full rescan was asked for (--full)' });
    expect((await nightly(repo, cacheDir)).stats).toMatchObject({ commits: 0 });
  });

  it('stores fingerprints and redacted fields only: never a raw value, even one that is also an author name', async () => {
    const key = awsKey(706);
    const pat = githubPat(707);
    const repo = gitRepo()
      .commit('base', { 'a.env': `KEY=${key}\n` })
      .commit(`rotate\n\n${pat}`, { 'b.env': `T=${pat}\n` }, { author: `ci ${key}` });
    const cacheDir = tempDir('sg-cache-');
    const result = await nightly(repo, cacheDir);
    expect(result.findings.length).toBeGreaterThanOrEqual(3);
    const stored = readFileSync(cacheFiles(cacheDir)[0]!, 'utf8');
    expect(stored).toContain('AKIA****');
    for (const secret of [key, pat]) {
      expect(stored).not.toContain(secret);
      expect(stored).not.toContain(secret.slice(4, 16));
    }
  });

  it('keeps one cache per repository in the same folder', async () => {
    const cacheDir = tempDir('sg-cache-');
    const one = history();
    const two = gitRepo().commit('other', { 'o.env': `KEY=${awsKey(708)}\n` });
    await nightly(one, cacheDir);
    await nightly(two, cacheDir);
    expect(cacheFiles(cacheDir)).toHaveLength(2);
    expect((await nightly(one, cacheDir)).stats).toMatchObject({ commits: 0 });
    expect((await nightly(two, cacheDir)).findings).toHaveLength(1);
  });
});

describe('--full', () => {
  it('asks for a full rescan, and only of the whole history', () => {
    const cli = parseCliArgs(['scan', '--full'], '/repo');
    expect(cli).toMatchObject({ command: 'scan', settings: { fullRescan: true } });
    expect(() => parseCliArgs(['scan', '--full', '--base', 'main'], '/repo')).toThrow(/--full rescans the whole history/);
    expect(() => parseCliArgs(['scan', '--full', '--no-git'], '/repo')).toThrow(/--full/);
  });
});
