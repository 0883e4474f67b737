import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPolicyFiles } from '../../../src/config/policy-files.js';
import { configSchema, type ConfigInput } from '../../../src/config/schema.js';
import { workingTree } from '../../../src/config/tree.js';
import type { CheckResult, SecretDetails } from '../../../src/finding.js';
import { makeSecretsCheck } from '../../../src/checks/secrets/check.js';
import { cleanupTempDirs, gitRepo, tempDir, type GitRepo } from '../../support/git-repo.js';
import { contextFor, type ContextWanted } from '../../support/context.js';
import { TEST_RULES, awsKey, githubPat, randomText } from './test-rules.js';

afterAll(cleanupTempDirs);

const check = makeSecretsCheck(TEST_RULES);

/** The check on the context the pipeline builds (range resolved, shallow clone completed), revisions given as an event gives them. */
async function scan(
  repo: GitRepo | string,
  context: ContextWanted = {},
  config: ConfigInput = {},
  progress?: Parameters<typeof check>[2],
): Promise<CheckResult> {
  const root = typeof repo === 'string' ? repo : repo.dir;
  // The pipeline reads .gitleaks.toml and .gitleaksignore for the check; here, from the working tree.
  const policyFiles = await readPolicyFiles(workingTree(root));
  return check(await contextFor(root, context), configSchema.parse(config), { ...progress, policyFiles });
}

const locations = (result: CheckResult) => result.findings.map((finding) => finding.location);

describe('secrets in a pull request range', () => {
  it('finds a key added in the range with its path, line, commit, author and date', async () => {
    const key = awsKey(1);
    const repo = gitRepo()
      .commit('base', { 'README.md': 'hello\n' })
      .commit('add key', { 'deploy/.env': `REGION=eu-west-1\nAWS_KEY=${key}\n` }, { author: 'Grace Hopper', date: '2026-03-04T05:06:07Z' });
    const result = await scan(repo, { base: repo.sha(0), head: repo.sha(1) });
    expect(result.errors).toEqual([]);
    expect(result.findings).toHaveLength(1);
    const [finding] = result.findings;
    expect(finding).toMatchObject({
      check: 'secrets',
      rule: 'test-aws-access-key-id',
      severity: 'critical',
      title: 'AWS access key ID committed',
      location: { path: 'deploy/.env', line: 2, commit: repo.sha(1) },
      introduced: true,
      details: { kind: 'secrets', redacted: 'AKIA****************', author: 'Grace Hopper', date: '2026-03-04T05:06:07+00:00' },
    });
    expect(finding!.message).toContain(repo.sha(1).slice(0, 7));
    expect(finding!.message).toContain('Grace Hopper');
    expect(finding!.message).toMatch(/rotate/i);
    expect(finding!.message).toContain('Deactivate the key in IAM');
    expect(result.stats).toMatchObject({ commits: 1 });
  });

  it('still reports a secret that was added and removed within the range', async () => {
    const pat = githubPat(2);
    const repo = gitRepo()
      .commit('base', { 'a.txt': 'a\n' })
      .commit('oops', { 'config.yml': `token: ${pat}\n` })
      .commit('remove it', {}, { remove: ['config.yml'] });
    const result = await scan(repo, { base: repo.sha(0), head: repo.sha(2) });
    expect(locations(result)).toEqual([{ path: 'config.yml', line: 1, commit: repo.sha(1) }]);
  });

  it('ignores commits outside the range in pr mode and reports them in full mode', async () => {
    const old = awsKey(3);
    const fresh = awsKey(4);
    const repo = gitRepo()
      .commit('old', { 'old.env': `KEY=${old}\n` })
      .commit('base')
      .commit('new', { 'new.env': `KEY=${fresh}\n` });
    const pr = await scan(repo, { mode: 'pr', base: repo.sha(1), head: repo.sha(2) });
    expect(locations(pr)).toEqual([{ path: 'new.env', line: 1, commit: repo.sha(2) }]);
    const full = await scan(repo, { mode: 'full' });
    expect(
      locations(full)
        .map((location) => location.path)
        .sort(),
    ).toEqual(['new.env', 'old.env']);
    expect(full.findings.every((finding) => finding.introduced === undefined)).toBe(true);
  });

  it('scans commits on any ref in full mode, not only the checked-out branch', async () => {
    const repo = gitRepo()
      .commit('main')
      .branch('feature')
      .commit('feature key', { 'f.env': `KEY=${awsKey(5)}\n` })
      .checkout('main');
    const full = await scan(repo, { mode: 'full' });
    expect(locations(full)).toEqual([{ path: 'f.env', line: 1, commit: repo.sha(1) }]);
  });

  it('finds a secret from a merged branch once, at the commit that added it', async () => {
    const repo = gitRepo()
      .commit('base')
      .branch('feature')
      .commit('key', { 'f.env': `KEY=${awsKey(50)}\n` })
      .checkout('main')
      .commit('main moves on', { 'm.txt': 'm\n' });
    repo.git('merge', '-q', '--no-ff', '-m', 'merge feature', 'feature');
    const head = repo.git('rev-parse', 'HEAD').trim();
    const pr = await scan(repo, { base: repo.sha(0), head });
    expect(locations(pr)).toEqual([{ path: 'f.env', line: 1, commit: repo.sha(1) }]);
    expect(locations(await scan(repo, { mode: 'full' }))).toEqual([{ path: 'f.env', line: 1, commit: repo.sha(1) }]);
  });

  it('scans nothing and passes when base equals head', async () => {
    const repo = gitRepo().commit('key', { 'k.env': `KEY=${awsKey(6)}\n` });
    const result = await scan(repo, { base: repo.sha(0), head: repo.sha(0) });
    expect(result.findings).toEqual([]);
    expect(result.errors).toEqual([]);
    expect(result.stats).toMatchObject({ commits: 0 });
  });

  it('numbers lines in the new file across several hunks', async () => {
    const before = Array.from({ length: 30 }, (_, index) => `line ${index + 1}`);
    const after = [...before];
    after.splice(4, 0, `first = ${awsKey(7)}`); // new line 5
    after.splice(20, 1, `second = ${awsKey(8)}`); // replaces old line 20 -> new line 21
    after.push(`third = ${awsKey(9)}`); // new line 32
    const repo = gitRepo()
      .commit('base', { 'src/app.conf': `${before.join('\n')}\n` })
      .commit('keys', { 'src/app.conf': `${after.join('\n')}\n` });
    const result = await scan(repo, { base: repo.sha(0), head: repo.sha(1) });
    expect(result.findings.map((finding) => finding.location.line).sort((a, b) => a! - b!)).toEqual([5, 21, 32]);
    for (const finding of result.findings) expect(after[finding.location.line! - 1]).toContain('= AKIA');
  });

  it('handles file names with spaces, quotes and unicode, and CRLF lines', async () => {
    const repo = gitRepo()
      .commit('base')
      .commit('odd names', {
        'my dir/with space.env': `KEY=${awsKey(10)}\r\n`,
        'ünïcødé/密钥.txt': `x\r\nKEY=${awsKey(11)}\r\n`,
        'quote"and\\slash.txt': `KEY=${awsKey(12)}\n`,
      });
    const result = await scan(repo, { base: repo.sha(0), head: repo.sha(1) });
    expect(locations(result).sort((a, b) => a.path.localeCompare(b.path))).toEqual(
      [
        { path: 'my dir/with space.env', line: 1, commit: repo.sha(1) },
        { path: 'quote"and\\slash.txt', line: 1, commit: repo.sha(1) },
        { path: 'ünïcødé/密钥.txt', line: 2, commit: repo.sha(1) },
      ].sort((a, b) => a.path.localeCompare(b.path)),
    );
    expect(result.findings.map((finding) => (finding.details as SecretDetails).redacted)).not.toContain(expect.stringContaining('\r'));
  });

  it('skips binary files, and scans files over the size limit for distinctive tokens (padding hides nothing)', async () => {
    const repo = gitRepo().commit('base');
    writeFileSync(join(repo.dir, 'blob.bin'), Buffer.concat([Buffer.from(`KEY=${awsKey(13)}\n`), Buffer.from([0, 1, 2, 0])]));
    const big = `KEY=${awsKey(14)}\n${'filler line of text\n'.repeat(200)}`;
    repo.commit('add files', { 'big.txt': big, 'small.txt': `KEY=${awsKey(15)}\n` });
    const result = await scan(repo, { base: repo.sha(0), head: repo.sha(1) }, { secrets: { 'max-file-size': 1000 } });
    expect(locations(result)).toEqual([
      { path: 'big.txt', line: 1, commit: repo.sha(1) },
      { path: 'small.txt', line: 1, commit: repo.sha(1) },
    ]);
    expect(result.stats).toMatchObject({ skippedBinary: 1, largeFiles: 1 });
  });
});

describe('a push that creates a branch', () => {
  it('scans the commits on no other branch', async () => {
    const repo = gitRepo()
      .commit('main has an old key', { 'main.env': `KEY=${awsKey(16)}\n` })
      .branch('feature')
      .commit('feature key', { 'feature.env': `KEY=${awsKey(17)}\n` })
      .commit('more');
    const result = await scan(repo, { mode: 'push', newBranch: true, head: repo.sha(2) });
    expect(result.errors).toEqual([]);
    expect(locations(result)).toEqual([{ path: 'feature.env', line: 1, commit: repo.sha(1) }]);
    expect(result.stats).toMatchObject({ commits: 2 });
  });

  it('scans nothing for a new branch that points at a commit another branch has', async () => {
    const repo = gitRepo()
      .commit('main key', { 'main.env': `KEY=${awsKey(18)}\n` })
      .branch('copy');
    const result = await scan(repo, { mode: 'push', newBranch: true, head: repo.sha(0) });
    expect(result.findings).toEqual([]);
    expect(result.errors).toEqual([]);
  });
});

describe('a force push', () => {
  it('scans the commits on no other branch when `before` is gone from the clone', async () => {
    const repo = gitRepo()
      .commit('main key', { 'main.env': `KEY=${awsKey(45)}\n` })
      .branch('feature')
      .commit('rewritten', { 'feature.env': `KEY=${awsKey(46)}\n` });
    const result = await scan(repo, { mode: 'push', base: 'f'.repeat(40), head: repo.sha(1) });
    expect(result.errors).toEqual([]);
    expect(locations(result)).toEqual([{ path: 'feature.env', line: 1, commit: repo.sha(1) }]);
    expect(result.stats).toMatchObject({ range: `force push up to ${repo.sha(1).slice(0, 7)}` });
  });

  it('is an error in a pull request, whose base must exist', async () => {
    const repo = gitRepo().commit('one');
    const result = await scan(repo, { mode: 'pr', base: 'f'.repeat(40), head: repo.sha(0) });
    expect(result.errors).toEqual([
      expect.objectContaining({ fatal: true, message: expect.stringContaining('is not in this repository') }),
    ]);
  });
});

describe('allowing what is not a secret', () => {
  it('honours inline allow markers, exclude-paths and placeholders', async () => {
    const repo = gitRepo()
      .commit('base')
      .commit('stuff', {
        'a.env': `KEY=${awsKey(19)} # security-gate:allow\nOTHER=${awsKey(20)} # gitleaks:allow\n`,
        'docs/guide.md': `KEY=${awsKey(21)}\n`,
        'fixtures/keys.txt': `KEY=${awsKey(22)}\n`,
        'b.env': 'KEY=AKIAI44QH8DHBEXAMPLE\n',
        'c.env': `KEY=${awsKey(23)}\n`,
        'd.env': 'KEY=AKIAIOSFODNN7EXAMPLE\n',
      });
    const result = await scan(repo, { base: repo.sha(0), head: repo.sha(1) }, { secrets: { 'exclude-paths': ['docs/**', 'fixtures'] } });
    expect(locations(result).filter((where) => where.path !== 'd.env')).toEqual([{ path: 'c.env', line: 1, commit: repo.sha(1) }]);
    expect(result.stats).toMatchObject({ skippedExcluded: 2 });
    // AWS's documented example is recognised and reported as one: info, never failing.
    const example = result.findings.find((finding) => finding.location.path === 'd.env');
    expect(example).toMatchObject({ severity: 'info', details: { example: expect.stringContaining('AWS') } });
  });

  it('suppresses findings listed in .gitleaksignore', async () => {
    const repo = gitRepo().commit('keys', { 'a.env': `KEY=${awsKey(24)}\n`, 'b.env': `KEY=${awsKey(25)}\n` });
    repo.write({ '.gitleaksignore': `# reviewed\n${repo.sha(0)}:a.env:aws-access-token:1\n` });
    const result = await scan(repo, { mode: 'full' });
    expect(locations(result)).toEqual([{ path: 'b.env', line: 1, commit: repo.sha(0) }]);
  });

  it('disables rules by id', async () => {
    const repo = gitRepo().commit('keys', { 'a.env': `KEY=${awsKey(26)}\n` });
    const result = await scan(repo, { mode: 'full' }, { secrets: { 'disable-rules': ['test-aws-access-key-id'] } });
    expect(result.findings).toEqual([]);
  });
});

describe('custom rules', () => {
  const internal = `acme_${randomText(32, 'abcdefghijklmnopqrstuvwxyz0123456789', 99)}`;

  it('runs rules from the config file', async () => {
    const repo = gitRepo().commit('token', { 'app.ts': `const t = "${internal}";\n` });
    const result = await scan(
      repo,
      { mode: 'full' },
      {
        secrets: {
          rules: [
            {
              id: 'acme-token',
              title: 'ACME internal token',
              severity: 'medium',
              pattern: '(?<secret>acme_[a-z0-9]{32})',
              keywords: ['acme_'],
              'min-entropy': 3,
            },
          ],
        },
      },
    );
    expect(result.findings).toMatchObject([
      { rule: 'acme-token', severity: 'medium', title: 'ACME internal token committed', location: { path: 'app.ts', line: 1 } },
    ]);
  });

  it('reads [[rules]] from .gitleaks.toml, converting RE2 syntax, and reports rules that do not compile', async () => {
    const repo = gitRepo().commit('token', { 'app.ts': `const t = "${internal.toUpperCase()}";\n` });
    repo.write({
      '.gitleaks.toml': [
        'title = "custom"',
        '[[rules]]',
        'id = "acme"',
        'description = "ACME token"',
        `regex = '''(?i)\\b(acme_[a-z0-9]{32})\\b'''`,
        'keywords = ["ACME_"]',
        'entropy = 3.0',
        '[[rules]]',
        'id = "broken"',
        `regex = '''[[:alpha:]]++'''`,
      ].join('\n'),
    });
    const result = await scan(repo, { mode: 'full' });
    expect(result.findings).toMatchObject([{ rule: 'acme', title: 'ACME token committed', location: { path: 'app.ts', line: 1 } }]);
    expect((result.findings[0]!.details as SecretDetails).redacted).toBe('ACME********************');
    expect(result.errors).toEqual([
      expect.objectContaining({ check: 'secrets', path: '.gitleaks.toml', message: expect.stringContaining("'broken'") }),
    ]);
    expect(result.errors[0]!.fatal).toBeUndefined();
  });
});

describe('shallow clones', () => {
  it('fails loudly, with the fix, when the range needs commits the clone lacks', async () => {
    const origin = gitRepo()
      .commit('base', { 'a.txt': 'a\n' })
      .commit('key', { 'k.env': `KEY=${awsKey(27)}\n` })
      .commit('head');
    const clone = origin.shallowClone(1);
    clone.git('remote', 'remove', 'origin'); // nothing to fetch from: the fix is the only way out
    const result = await scan(clone, { base: origin.sha(0), head: origin.sha(2) });
    expect(result.findings).toEqual([]);
    expect(result.errors).toEqual([
      expect.objectContaining({ fatal: true, message: expect.stringContaining(`commit ${origin.sha(0)} is not in this clone`) }),
    ]);
    expect(result.errors[0]!.message).toContain('fetch-depth: 0');
  });

  it('fails loudly when both ends exist but the commits between them do not', async () => {
    const origin = gitRepo()
      .commit('base')
      .commit('key', { 'k.env': `KEY=${awsKey(28)}\n` })
      .commit('head');
    const clone = origin.shallowClone(1);
    clone.git('fetch', '-q', '--depth=1', 'origin', origin.sha(0)); // base is there, the key commit is not
    clone.git('remote', 'remove', 'origin');
    const result = await scan(clone, { base: origin.sha(0), head: origin.sha(2) });
    expect(result.findings).toEqual([]);
    expect(result.errors).toEqual([expect.objectContaining({ fatal: true, message: expect.stringContaining('fetch-depth: 0') })]);
  });

  it('fetches the missing history from origin once, then scans the range', async () => {
    const origin = gitRepo()
      .commit('base')
      .commit('key', { 'k.env': `KEY=${awsKey(29)}\n` })
      .commit('head');
    const clone = origin.shallowClone(1);
    const result = await scan(clone, { base: origin.sha(0), head: origin.sha(2) });
    expect(result.errors).toEqual([]);
    expect(locations(result)).toEqual([{ path: 'k.env', line: 1, commit: origin.sha(1) }]);
  });
});

describe('shallow clones of a new branch', () => {
  it('fails loudly instead of treating the cut-off head as a root commit', async () => {
    const origin = gitRepo()
      .commit('main', { 'old.env': `KEY=${awsKey(47)}\n` })
      .branch('feature')
      .commit('feature', { 'new.env': `KEY=${awsKey(48)}\n` });
    const clone = origin.shallowClone(1, { branch: 'feature' });
    clone.git('remote', 'remove', 'origin');
    const result = await scan(clone, { mode: 'push', newBranch: true, head: origin.sha(1) });
    expect(result.findings).toEqual([]);
    expect(result.errors).toEqual([expect.objectContaining({ fatal: true, message: expect.stringContaining('fetch-depth: 0') })]);
  });

  it('in full mode, scans what is there but cannot vouch for the result', async () => {
    const origin = gitRepo()
      .commit('old')
      .commit('head', { 'k.env': `KEY=${awsKey(49)}\n` });
    const clone = origin.shallowClone(1);
    clone.git('remote', 'remove', 'origin');
    const result = await scan(clone, { mode: 'full' });
    expect(locations(result)).toEqual([{ path: 'k.env', line: 1, commit: origin.sha(1) }]);
    expect(result.errors).toEqual([expect.objectContaining({ fatal: true, message: expect.stringContaining('fetch-depth: 0') })]);
  });
});

describe('--no-git working tree', () => {
  it('scans every line of every text file, skipping .git, node_modules and binaries; big files for distinctive tokens', async () => {
    const dir = tempDir('sg-tree-');
    writeFileSync(join(dir, 'a.env'), `one\nKEY=${awsKey(30)}\r\n`);
    const repo = gitRepo().commit('x', {
      'node_modules/pkg/k.env': `KEY=${awsKey(31)}\n`,
      'big.txt': `KEY=${awsKey(32)}\n${'x'.repeat(5000)}\n`,
    });
    writeFileSync(join(repo.dir, 'bin.dat'), Buffer.from([0x4b, 0, 0x45]));
    writeFileSync(join(repo.dir, 'sub.env'), `KEY=${awsKey(33)}\n`);
    const tree = await scan(dir, { git: false, mode: 'full' });
    expect(tree.findings).toMatchObject([{ location: { path: 'a.env', line: 2 } }]);
    expect(tree.findings[0]!.location.commit).toBeUndefined();
    const inRepo = await scan(repo, { git: false, mode: 'full' }, { secrets: { 'max-file-size': 1000 } });
    expect(locations(inRepo)).toEqual([
      { path: 'big.txt', line: 1 },
      { path: 'sub.env', line: 1 },
    ]);
    expect(inRepo.stats).toMatchObject({ skippedBinary: 1, largeFiles: 1 });
  });
});

describe('a working tree it cannot read whole', () => {
  it('fails, naming the folder it could not list, and still scans the rest', async () => {
    const dir = tempDir('sg-tree-');
    writeFileSync(join(dir, 'a.env'), `KEY=${awsKey(34)}\n`);
    // A folder too deep to name from the root (past PATH_MAX): unreadable even for root, where
    // permission bits would not stop a read. Built one relative step at a time, as only a shell can.
    const step = 'd'.repeat(200);
    execFileSync('bash', ['-c', `cd "$1" && for i in $(seq 25); do mkdir ${step} && cd ${step}; done && echo x > k.env`, 'bash', dir]);
    try {
      const tree = await scan(dir, { git: false, mode: 'full' });
      expect(locations(tree)).toEqual([{ path: 'a.env', line: 1 }]);
      expect(tree.errors).toEqual([
        expect.objectContaining({
          check: 'secrets',
          message: expect.stringMatching(/^could not list this folder \(ENAMETOOLONG\)/),
          fatal: true,
        }),
      ]);
    } finally {
      execFileSync('rm', ['-rf', join(dir, step)]); // fs.rmSync cannot name the deepest files either
    }
  });
});

describe('never a raw secret', () => {
  it('keeps every raw value out of every field of the result', async () => {
    const secrets = [awsKey(40), githubPat(41), awsKey(42), githubPat(43)];
    const repo = gitRepo()
      .commit('base')
      .commit('secrets', { 'a.env': `A=${secrets[0]}\nB=${secrets[1]}\n`, 'b/c.yml': `token: "${secrets[2]}" ${secrets[3]}\n` });
    const result = await scan(repo, { base: repo.sha(0), head: repo.sha(1) });
    expect(result.findings).toHaveLength(4);
    const text = JSON.stringify(result);
    for (const secret of secrets) {
      expect(text).not.toContain(secret);
      // nor a long enough piece of it to be useful
      expect(text).not.toContain(secret.slice(4, 16));
    }
  });

  it('gives a stable fingerprint that does not contain the secret and dedupes repeats', async () => {
    const key = awsKey(44);
    const repo = gitRepo().commit('k', { 'a.env': `KEY=${key} KEY=${key}\n` });
    const first = await scan(repo, { mode: 'full' });
    const second = await scan(repo, { mode: 'full' });
    expect(first.findings).toHaveLength(1);
    expect(first.findings[0]!.fingerprint).toBe(second.findings[0]!.fingerprint);
    expect(first.findings[0]!.fingerprint).toMatch(/^secrets:[0-9a-f]{32}$/);
  });
});

describe('progress', () => {
  it('reports commits scanned every 500 commits', async () => {
    const repo = gitRepo();
    const stream: string[] = [];
    for (let index = 1; index <= 1100; index++) {
      const content = `${index}\n`;
      stream.push('commit refs/heads/main', `committer A <a@example.com> ${1700000000 + index} +0000`, 'data 1', 'c');
      stream.push(`M 644 inline f.txt`, `data ${Buffer.byteLength(content)}`, content);
    }
    execFileSync('git', ['fast-import', '--quiet'], { cwd: repo.dir, input: `${stream.join('\n')}\n` });
    const events: { done: number; unit: string }[] = [];
    const result = await scan(repo, { mode: 'full' }, {}, { progress: (event) => events.push(event) });
    expect(result.stats).toMatchObject({ commits: 1100 });
    expect(events).toEqual([
      { check: 'secrets', done: 500, unit: 'commits' },
      { check: 'secrets', done: 1000, unit: 'commits' },
    ]);
  });
});
