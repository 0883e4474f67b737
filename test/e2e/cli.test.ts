// The built CLI (dist/cli.js) as a user runs it, under Node 20 and Node 24.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitRepo, tempDir } from '../support/git-repo.js';
import { nodeBinaries, runCli } from '../support/dist.js';

const SCALEBOX = readFileSync(new URL('../fixtures/scalebox-SECURITY.md', import.meta.url), 'utf8');

function scaleboxRepo() {
  const repo = gitRepo().commit('policy', { 'SECURITY.md': SCALEBOX, 'README.md': '# ScaleBox\n' });
  for (const tag of ['v0.1.0', 'v0.1.1', 'v0.1.2', 'v0.1.3']) repo.commit(`release ${tag}`, { VERSION: tag }).tag(tag);
  return repo;
}

const nodes = nodeBinaries();

describe.each(nodes)('dist/cli.js under Node $version', ({ bin }) => {
  it('passes the ScaleBox policy with releases v0.1.0..v0.1.3 (exit 0)', () => {
    const repo = scaleboxRepo();
    const run = runCli(bin, ['scan', '.', '--checks', 'versions'], repo.dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/PASS/);
  });

  it('fails after v0.2.0 with latest-release-unsupported on the 0.1.x row (exit 1), in every format', () => {
    const repo = scaleboxRepo().commit('0.2', { VERSION: 'v0.2.0' }).tag('v0.2.0');
    const text = runCli(bin, ['scan', '--checks', 'versions'], repo.dir);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('latest-release-unsupported');
    expect(text.stdout).toContain('SECURITY.md:9');

    const json = runCli(bin, ['scan', repo.dir, '--checks', 'versions', '--format', 'json'], tempDir());
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ version: 1, verdict: 'fail' });
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        check: 'versions',
        rule: 'latest-release-unsupported',
        status: 'fail',
        location: expect.objectContaining({ path: 'SECURITY.md', line: 9 }),
      }),
    );

    const out = join(tempDir(), 'report.sarif');
    const sarif = runCli(bin, ['scan', '--checks', 'versions', '--format', 'sarif', '--output', out], repo.dir);
    expect(sarif.code).toBe(1);
    expect(sarif.stdout).toBe('');
    const log = JSON.parse(readFileSync(out, 'utf8'));
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results[0]).toMatchObject({ ruleId: 'latest-release-unsupported', level: 'error' });
  });

  it('fails only at the threshold the flag sets', () => {
    const repo = scaleboxRepo().commit('0.2', { VERSION: 'v0.2.0' }).tag('v0.2.0');
    expect(runCli(bin, ['scan', '--checks', 'versions', '--fail-on', 'critical'], repo.dir).code).toBe(0);
  });

  it('exits 2 with the file, key and line of a broken config, and no stack trace', () => {
    const repo = scaleboxRepo().write({ '.github/security-gate.yml': 'fail-on: high\nversion:\n  policy-file: SECURITY.md\n' });
    const run = runCli(bin, ['scan', '--checks', 'versions'], repo.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.github/security-gate.yml:2: version: unknown key');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints no workflow command a broken baseline file holds in its error line', () => {
    const repo = scaleboxRepo().write({ '.github/security-gate.yml': 'baseline: base.json\n', 'base.json': '##[stop-commands]tok' });
    const run = runCli(bin, ['scan', '--checks', 'versions'], repo.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('base.json');
    expect(run.stderr).toContain('stop-commands');
    expect(run.stderr).not.toContain('##[');
  });

  it('exits 2 outside a git repository, and says how to scan files alone', () => {
    const dir = tempDir();
    const run = runCli(bin, ['scan', dir, '--checks', 'versions'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/not a git repository.*--no-git/);
  });

  it('exits 2 on bad usage and unknown revisions', () => {
    const repo = scaleboxRepo();
    expect(runCli(bin, ['scan', '--fail-on', 'severe'], repo.dir)).toMatchObject({ code: 2 });
    expect(runCli(bin, ['scan', '--checks', 'deps,licenses'], repo.dir).stderr).toContain("'licenses' is not a check");
    expect(runCli(bin, ['scan', '--bogus'], repo.dir).code).toBe(2);
    const badBase = runCli(bin, ['scan', '--base', 'no-such-branch', '--checks', 'versions'], repo.dir);
    expect(badBase.code).toBe(2);
    expect(badBase.stderr).toContain("base revision 'no-such-branch' is not a commit");
  });

  it('reports a missing SECURITY.md as a warning that names the fix', () => {
    const repo = gitRepo().commit('code', { 'index.js': 'console.log(1)\n' }).tag('v1.0.0');
    const run = runCli(bin, ['scan', '--checks', 'versions', '--format', 'json'], repo.dir);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: 'security-policy-missing', status: 'warn' }));
  });

  it('reads flag paths relative to where the command is typed, not to the scanned folder', () => {
    const repo = gitRepo().commit('deps', { 'requirements.txt': 'flask==1.0.0\n' });
    const projectRoot = new URL('../..', import.meta.url).pathname;
    const run = runCli(bin, ['scan', repo.dir, '--checks', 'deps', '--advisory-db', 'test/fixtures/osv', '--format', 'json'], projectRoot);
    const report = JSON.parse(run.stdout);
    expect(report.errors).toEqual([]);
    expect(report.findings).toContainEqual(
      expect.objectContaining({ rule: 'PYSEC-2023-62', location: expect.objectContaining({ path: 'requirements.txt', line: 1 }) }),
    );
  });

  it('lists unreadable lockfiles in the inventory JSON and still lists the rest', () => {
    const repo = gitRepo().commit('deps', {
      'app/requirements.txt': 'flask==1.0.0\n',
      'tool/package-lock.json': '{"lockfileVersion": 3, "packages": {',
    });
    const run = runCli(bin, ['inventory', '.', '--format', 'json'], repo.dir);
    expect(run.code).toBe(1);
    const inventory = JSON.parse(run.stdout);
    expect(inventory.packages).toContainEqual(
      expect.objectContaining({ ecosystem: 'PyPI', name: 'flask', version: '1.0.0', lockfile: 'app/requirements.txt', line: 1 }),
    );
    expect(inventory.errors).toEqual([expect.objectContaining({ path: 'tool/package-lock.json' })]);
    expect(run.stderr).toContain('tool/package-lock.json');
  });

  it('creates the folder of --output before the scan (issue 12), and fails before scanning when it cannot', () => {
    const repo = scaleboxRepo();
    const out = join(tempDir(), 'reports/today/gate.json');
    const run = runCli(bin, ['scan', '--checks', 'versions', '--format', 'json', '--output', out], repo.dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ version: 1, verdict: 'pass' });

    // A folder that cannot be made is reported before the scan: not the scan's own error (no git repository here).
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), '');
    const blocked = runCli(bin, ['scan', dir, '--checks', 'versions', '--output', join(dir, 'file/gate.json')], dir);
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toMatch(/^security-gate: --output: cannot create the folder .*file for .*gate\.json \(E\w+\)/);
    expect(blocked.stderr).not.toContain('not a git repository');
  });

  it('never writes --output through a symlink committed in the repository', () => {
    const repo = scaleboxRepo();
    const victim = join(tempDir(), 'authorized_keys');
    writeFileSync(victim, 'ssh-ed25519 AAAA precious\n');
    symlinkSync(victim, join(repo.dir, 'report.json'));
    repo.commit('a link', {});
    const run = runCli(bin, ['scan', '--checks', 'versions', '--format', 'json', '--output', 'report.json'], repo.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('report.json is a symlink; the gate never writes through a link in the repository');
    expect(readFileSync(victim, 'utf8')).toBe('ssh-ed25519 AAAA precious\n');
  });

  it('reports a bad flag and every problem of the config file in one run, each named', () => {
    const repo = scaleboxRepo().write({
      '.github/security-gate.yml': 'fail-on: high\nversion:\n  policy-file: SECURITY.md\nchecks: [deps, licences]\n',
    });
    const run = runCli(bin, ['scan', '--fail-on', 'severe'], repo.dir);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      `security-gate: --fail-on: 'severe' must be one of "critical", "high", "medium", "low"`,
      '.github/security-gate.yml:2: version: unknown key; allowed keys are listed in schema/security-gate.schema.json',
      `.github/security-gate.yml:4: checks.1: 'licences' is not a check; the checks are "deps", "secrets", "versions"`,
    ]);
  });

  it('names the config file and what to do for an alias bomb or a folder, never "unexpected error" (exit 2)', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ];
    const repo = scaleboxRepo().write({ '.github/security-gate.yml': `${bomb.join('\n')}\n` });
    const run = runCli(bin, ['scan', '--checks', 'versions'], repo.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^security-gate: \.github\/security-gate\.yml: its YAML aliases .* \(an alias bomb\)\. Write the values out/,
    );

    mkdirSync(join(repo.dir, 'gate-config'));
    const folder = runCli(bin, ['scan', '--checks', 'versions', '--config', 'gate-config'], repo.dir);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toBe('security-gate: gate-config: is a folder, not a file: point the setting at the file inside it.\n');
    expect(run.stderr + folder.stderr).not.toContain('unexpected error');
  });

  it('prints its version and help', () => {
    expect(runCli(bin, ['--version'], tempDir()).stdout).toMatch(/^security-gate \d+\.\d+\.\d+/);
    expect(runCli(bin, ['--help'], tempDir()).stdout).toContain('security-gate scan [PATH]');
  });
});
